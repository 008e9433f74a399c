// PDF layout across pages and the doubts it hands over: page furniture by
// position and repetition, grid rows the page break left open, grids that
// leave out rules, and how sure the layout is of each table, down to the
// warning a doubted table turns an error into.
#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "extract/extract.h"
#include "layout/internal.h"
#include "pdf_findings.h"
#include "pdf_pages.h"
#include "test_util.h"
#include "validate/validate.h"

namespace jx {
namespace {

using test::FindingOf;
using test::FindingsOfPages;
using test::Grid;
using test::Has;
using test::LayoutOfPages;
using test::Page;
using test::PdfOfPages;
using test::ProjectPatterns;
using test::Rule;
using test::Texts;
using test::Word;

using Rows = std::vector<std::vector<std::string>>;

// A two-column table whose 合计 (100) is not the sum of its rows (70).
PdfPage TotalTable() {
  PdfPage p = Grid({50, 200, 400}, {100, 130, 160, 190, 220}, {});
  p.words = {Word("项目", 60, 110),     Word("金额（元）", 210, 110, 50),
             Word("合计", 60, 140),     Word("100", 210, 140),
             Word("基本支出", 60, 170), Word("30", 210, 170),
             Word("项目支出", 60, 200), Word("40", 210, 200)};
  return p;
}

TEST_CASE("pdf doubt: a sure table keeps its error") {
  std::vector<Finding> fs = FindingsOfPages({TotalTable()});
  const Finding* f = FindingOf(fs, "sum.total");
  REQUIRE(f != nullptr);
  CHECK(f->severity == Severity::kError);
}

TEST_CASE("pdf doubt: a piece that may be the rest makes the table's error a warning") {
  // The next page opens with a grid of other columns, no header and no
  // caption: it may be the rest of the table, so the layout doubts both.
  PdfPage b = Grid({50, 150, 250, 400}, {60, 90, 120}, {}, 2);
  b.words = {Word("其他", 60, 70),  Word("说明", 160, 70), Word("5", 260, 70),
             Word("备注", 60, 100), Word("无", 160, 100),  Word("6", 260, 100)};
  Layout l = LayoutOfPages({TotalTable(), b});
  REQUIRE(l.tables.size() == 2);
  CHECK(Has(l.tables[0].doubts, kDoubtContinuation));
  CHECK(Has(l.tables[1].doubts, kDoubtContinuation));
  std::vector<Finding> fs = FindingsOfPages({TotalTable(), b});
  const Finding* f = FindingOf(fs, "sum.total");
  REQUIRE(f != nullptr);
  CHECK(f->severity == Severity::kWarning);
  CHECK(f->message.find("continuation") != std::string::npos);
}

TEST_CASE(
    "pdf doubt: a headerless grid right under a table on its page may be its rest") {
  PdfPage p = TotalTable();
  PdfPage below = Grid({50, 150, 250, 400}, {230, 260, 290}, {});
  for (const PdfRule& r : below.rules) p.rules.push_back(r);
  p.words.insert(p.words.end(),
                 {Word("其他", 60, 240), Word("说明", 160, 240), Word("5", 260, 240),
                  Word("备注", 60, 270), Word("无", 160, 270), Word("6", 260, 270)});
  Layout l = LayoutOfPages({p});
  REQUIRE(l.tables.size() == 2);
  CHECK(Has(l.tables[0].doubts, kDoubtContinuation));
  CHECK(Has(l.tables[1].doubts, kDoubtContinuation));
  // With a caption between, the second grid is a table of its own.
  p.words.push_back(Word("表2 其他情况表", 60, 224, 80));
  for (PdfRule& r : p.rules)
    if (r.y0 >= 230) r.y0 += 20, r.y1 += 20;
  for (PdfWord& w : p.words)
    if (w.y0 >= 240) w.y0 += 20, w.y1 += 20;
  Layout t = LayoutOfPages({p});
  REQUIRE(t.tables.size() == 2);
  CHECK_FALSE(Has(t.tables[0].doubts, kDoubtContinuation));
}

TEST_CASE("pdf doubt: a grid without a header row is doubted, one with a header is not") {
  PdfPage p = Grid({50, 200, 300, 400}, {100, 130, 160}, {});
  p.words = {Word("12", 60, 110), Word("30", 210, 110), Word("5", 310, 110),
             Word("13", 60, 140), Word("40", 210, 140), Word("6", 310, 140)};
  Layout l = LayoutOfPages({p});
  REQUIRE(l.tables.size() == 1);
  CHECK(Has(l.tables[0].doubts, kDoubtHeader));
  Layout h = LayoutOfPages({TotalTable()});
  REQUIRE(h.tables.size() == 1);
  CHECK(h.tables[0].doubts.empty());
}

TEST_CASE("pdf furniture: a footer repeated with its page number is no text between") {
  // The grids differ, so only the gap decides: a line in the foot zone whose
  // words come back on the next page with another number is furniture.
  auto pages = [](double footer_y) {
    PdfPage a = TotalTable();
    a.words.push_back(Word("某某局绩效报告 1", 250, footer_y, 80));
    PdfPage b = Grid({50, 210, 400}, {60, 90, 120}, {}, 2);
    b.words = {Word("其他支出", 60, 70), Word("10.50", 220, 70),
               Word("公用经费", 60, 100), Word("20.50", 220, 100),
               Word("某某局绩效报告 2", 250, 800, 80)};
    return std::vector<PdfPage>{a, b};
  };
  Layout l = LayoutOfPages(pages(800));
  REQUIRE(l.tables.size() == 1);
  CHECK(l.tables[0].pieces == 2);
  CHECK(l.tables[0].rows.size() == 6);
  // The same line in mid-page is text: the tables stay apart.
  Layout m = LayoutOfPages(pages(400));
  CHECK(m.tables.size() == 2);
}

TEST_CASE("pdf layout: a grid row the page break left open is the grid's") {
  // Page 2's column rules start at the page top; its first horizontal rule
  // comes below the rest of the row page 1 cut.
  PdfPage a = Grid({50, 150, 450, 500}, {600, 630, 800}, {});
  a.words = {Word("指标", 60, 610),
             Word("说明", 160, 610),
             Word("分值", 460, 610),
             Word("预算执行率", 60, 640),
             Word("部门预算的执行情况，即是否按", 160, 640, 200),
             Word("5", 460, 640)};
  PdfPage b = Page(2);
  for (double x : {50.0, 150.0, 450.0, 500.0}) Rule(&b, x, 60, x, 120);
  for (double y : {90.0, 120.0}) Rule(&b, 50, y, 500, y);
  b.words = {Word("计划执行", 160, 70, 60), Word("资产管理", 60, 100),
             Word("3", 460, 100)};
  Layout l = LayoutOfPages({a, b});
  REQUIRE(l.tables.size() == 1);
  CHECK(l.paragraphs.empty());
  CHECK(Texts(l.tables[0]) ==
        Rows{{"指标", "说明", "分值"},
             {"预算执行率", "部门预算的执行情况，即是否按计划执行", "5"},
             {"资产管理", "", "3"}});
}

TEST_CASE(
    "pdf layout: a grid leaving out a column rule keeps cells under their columns") {
  // Page 2 merges the first two columns on every row it holds, so it draws
  // no rule at 150: its score still belongs under 得分.
  PdfPage a = Grid({50, 150, 250, 350}, {600, 630, 660}, {});
  a.words = {Word("指标", 60, 610), Word("分值", 160, 610), Word("得分", 260, 610),
             Word("产出", 60, 640), Word("5", 160, 640),    Word("5", 260, 640)};
  PdfPage b = Grid({50, 250, 350}, {60, 90}, {}, 2);
  b.words = {Word("效益说明", 60, 70, 40), Word("3", 260, 70)};
  Layout l = LayoutOfPages({a, b});
  REQUIRE(l.tables.size() == 1);
  REQUIRE(l.tables[0].rows.size() == 3);
  CHECK(Texts(l.tables[0])[2] == std::vector<std::string>{"效益说明", "", "3"});
  CHECK_FALSE(Has(l.tables[0].doubts, kDoubtColumns));
}

TEST_CASE("pdf doubt: an unruled cell reaching over several rows is one two rows claim") {
  // Three columns, rows 30pt apart; the middle column holds one cell of six
  // lines at 12pt leading, running down over three rows.
  auto page = [](int lines) {
    PdfPage p = Page();
    for (int r = 0; r < 4; ++r) {
      double y = 100 + 30 * r;
      p.words.push_back(Word("指标" + std::to_string(r), 60, y));
      p.words.push_back(Word(std::to_string(10 + r), 400, y));
    }
    for (int k = 0; k < lines; ++k)
      p.words.push_back(Word("说明文字" + std::to_string(k), 200, 100 + 12 * k, 60));
    return p;
  };
  Layout l = LayoutOfPages({page(6)});
  REQUIRE(l.tables.size() == 1);
  CHECK(Has(l.tables[0].doubts, kDoubtRows));
  Layout one = LayoutOfPages({page(1)});
  REQUIRE(one.tables.size() == 1);
  CHECK_FALSE(Has(one.tables[0].doubts, kDoubtRows));
}

TEST_CASE("pdf doubt: unruled neighbour columns never filled on one row are one column") {
  // The results of one column set right, left and centred by turns leave a
  // gap inside the column; no row fills both halves, so they are one
  // column, and the layout does not doubt it (the doubt stays for a piece
  // going on with the last page's columns, which keeps them).
  auto page = [](bool alternate) {
    PdfPage p = Page();
    for (int r = 0; r < 4; ++r) {
      double y = 100 + 30 * r;
      p.words.push_back(Word("指标" + std::to_string(r), 60, y));
      p.words.push_back(Word(std::to_string(90 + r), alternate && r % 2 ? 260 : 200, y));
      p.words.push_back(Word(std::to_string(10 + r), 400, y));
    }
    return p;
  };
  Layout l = LayoutOfPages({page(true)});
  REQUIRE(l.tables.size() == 1);
  REQUIRE(l.tables[0].rows[0].size() == 3);
  CHECK(l.tables[0].rows[1][1].text == "91");
  CHECK_FALSE(Has(l.tables[0].doubts, kDoubtColumns));
  Layout same = LayoutOfPages({page(false)});
  REQUIRE(same.tables.size() == 1);
  CHECK_FALSE(Has(same.tables[0].doubts, kDoubtColumns));
}

TEST_CASE("pdf layout: a table of horizontal rules only has the lines between them") {
  // 三线表: a rule above, one under the header, one below. A note set in
  // columns right under the bottom rule is not a row of the table, and the
  // columns come from the body, not the header's wider cells.
  auto page = [](bool rules) {
    PdfPage p = Page();
    if (rules)
      for (double y : {100.0, 125.0, 200.0}) Rule(&p, 50, y, 450, y);
    p.words = {
        Word("项目", 60, 108),     Word("预算数", 200, 108), Word("决算数", 320, 108),
        Word("合计", 60, 135),     Word("100", 200, 135),    Word("90", 320, 135),
        Word("基本支出", 60, 160), Word("60", 200, 160),     Word("50", 320, 160),
        Word("项目支出", 60, 185), Word("40", 200, 185),     Word("40", 320, 185),
        Word("注：单位", 60, 206), Word("万元", 130, 206),   Word("见附表", 260, 206)};
    return p;
  };
  Layout l = LayoutOfPages({page(true)});
  REQUIRE(l.tables.size() == 1);
  CHECK(Texts(l.tables[0]) == Rows{{"项目", "预算数", "决算数"},
                                   {"合计", "100", "90"},
                                   {"基本支出", "60", "50"},
                                   {"项目支出", "40", "40"}});
  REQUIRE(l.paragraphs.size() == 1);
  CHECK(l.paragraphs[0].text.find("注") != std::string::npos);
  // Without the rules the note is read as the table's last row.
  Layout u = LayoutOfPages({page(false)});
  REQUIRE(u.tables.size() == 1);
  CHECK(u.tables[0].rows.size() == 5);
}

// The rows of `t` whose cells carry `doubt`.
std::vector<int> RowsDoubted(const Table& t, std::string_view doubt) {
  std::vector<int> out;
  for (size_t r = 0; r < t.rows.size(); ++r)
    if (!t.rows[r].empty() && t.rows[r][0].doubt == doubt)
      out.push_back(static_cast<int>(r));
  return out;
}

// TotalTable with a 备注 column whose cell is merged over the last two rows
// and, with `cut`, open at the grid's foot: the page break cut it. With
// `note` its text is drawn in this part of it.
PdfPage NoteTable(bool cut, bool note) {
  std::vector<std::pair<size_t, size_t>> open = {{3, 2}};
  if (cut) open.push_back({4, 2});
  PdfPage p = Grid({50, 200, 400, 500}, {100, 130, 160, 190, 220}, open);
  p.words = {Word("项目", 60, 110),  Word("金额（元）", 210, 110, 50),
             Word("备注", 410, 110), Word("合计", 60, 140),
             Word("100", 210, 140),  Word("基本支出", 60, 170),
             Word("30", 210, 170),   Word("项目支出", 60, 200),
             Word("40", 210, 200)};
  if (note) p.words.push_back(Word("说明", 410, 185));
  return p;
}

TEST_CASE("pdf doubt: a merged cell the page break cut doubts its own rows only") {
  // Empty at the foot: its label is drawn on the next page, whose rows it
  // heads there is a guess.
  Document d = PdfOfPages({NoteTable(true, false)});
  Layout l = BuildLayout(d, ProjectPatterns());
  REQUIRE(l.tables.size() == 1);
  CHECK(l.tables[0].doubts.empty());
  CHECK(RowsDoubted(l.tables[0], kDoubtLabels) == std::vector<int>{2, 3});
  Extraction ex = Extract(d, l, ProjectPatterns());
  REQUIRE(ex.tables.size() == 1);
  CHECK(ex.tables[0].row_doubts.size() == 2);
  // The 合计 rests on the doubted rows: a warning that names the doubt.
  std::vector<Finding> fs = Validate(ex, ProjectPatterns()).findings;
  const Finding* f = FindingOf(fs, "sum.total");
  REQUIRE(f != nullptr);
  CHECK(f->severity == Severity::kWarning);
  CHECK(f->message.find("labels") != std::string::npos);
  // Closed at the foot, the merged cell is whole; or its label is drawn in
  // its first part, above the break, as fill-down reads it: the error stands.
  for (bool cut : {false, true}) {
    const Finding* sure = FindingOf(FindingsOfPages({NoteTable(cut, cut)}), "sum.total");
    REQUIRE(sure != nullptr);
    CHECK(sure->severity == Severity::kError);
  }
}

TEST_CASE("pdf doubt: a merged cell closed only by a rule below the page is cut") {
  // A producer that draws the whole table and cuts it into pages: the 备注
  // cell merged over the last two rows is closed by a rule the page does
  // not show, under the page's foot (842). On the page it is open.
  PdfPage p = Grid({50, 200, 400, 500}, {100, 130, 160, 190, 220, 880}, {{3, 2}, {4, 2}});
  p.words = NoteTable(false, false).words;
  Document d = PdfOfPages({p});
  Layout l = BuildLayout(d, ProjectPatterns());
  REQUIRE(l.tables.size() == 1);
  // No empty row for the stretch past the page.
  CHECK(Texts(l.tables[0]) == Rows{{"项目", "金额（元）", "备注"},
                                   {"合计", "100", ""},
                                   {"基本支出", "30", ""},
                                   {"项目支出", "40", ""}});
  CHECK(RowsDoubted(l.tables[0], kDoubtLabels) == std::vector<int>{2, 3});
  const Finding* f = FindingOf(FindingsOfPages({p}), "sum.total");
  REQUIRE(f != nullptr);
  CHECK(f->severity == Severity::kWarning);
}

TEST_CASE(
    "pdf doubt: a merged cell cut empty at the foot doubts the rows its label heads "
    "next") {
  // Page 1's 一级 cell is merged over its last two rows and open at the
  // foot, empty: its label is drawn at page 2's top, in a cell of its own,
  // and heads there the row beside it and the one filled down under it.
  const std::vector<double> xs = {50, 150, 300, 400};
  PdfPage a = Grid(xs, {100, 130, 160, 190}, {{2, 0}, {3, 0}});
  a.words = {Word("一级指标", 60, 110), Word("三级指标", 160, 110),
             Word("分值", 310, 110),    Word("指标甲", 160, 140),
             Word("5", 310, 140, 5),    Word("指标乙", 160, 170),
             Word("4", 310, 170, 5)};
  PdfPage b = Grid(xs, {60, 90, 120, 150}, {}, 2);
  b.words = {Word("投入", 60, 70),     Word("指标丙", 160, 70), Word("6", 310, 70, 5),
             Word("指标丁", 160, 100), Word("3", 310, 100, 5),  Word("产出", 60, 130),
             Word("指标戊", 160, 130), Word("2", 310, 130, 5)};
  Layout l = LayoutOfPages({a, b});
  REQUIRE(l.tables.size() == 1);
  REQUIRE(l.tables[0].rows.size() == 6);
  CHECK(RowsDoubted(l.tables[0], kDoubtLabels) == std::vector<int>{1, 2, 3, 4});
  // A page clipped mid-table draws no bottom rule under any column: the
  // merged cell empty at the foot is still a label drawn after the break.
  PdfPage clipped = Grid(xs, {100, 130, 160, 190}, {{2, 0}, {3, 0}, {3, 1}, {3, 2}});
  clipped.words = a.words;
  Layout c = LayoutOfPages({clipped, b});
  REQUIRE(c.tables.size() == 1);
  REQUIRE(c.tables[0].rows.size() == 6);
  CHECK(RowsDoubted(c.tables[0], kDoubtLabels) == std::vector<int>{1, 2, 3, 4});
}

TEST_CASE("pdf doubt: a doubted row elsewhere in the table leaves an error alone") {
  // Only the header row's cell is open at the grid's top, its text drawn
  // there (a label that may head rows on the last page); the 合计 and its
  // rows are sure.
  PdfPage p = Grid({50, 200, 400, 500}, {100, 130, 160, 190, 220}, {{0, 2}});
  p.words = TotalTable().words;
  p.words.push_back(Word("备注", 410, 110));
  std::vector<Finding> fs = FindingsOfPages({p});
  const Finding* f = FindingOf(fs, "sum.total");
  REQUIRE(f != nullptr);
  CHECK(f->severity == Severity::kError);
}

TEST_CASE("layout: a header printed again with a cut row's rest in a cell goes on") {
  // The rest of a row cut by the page break drawn into the header printed
  // again ("计分标准" + "的后半"): still that header, the section goes on
  // (二、过程管理 sums both pages), the rest goes back to the cut row above
  // it, and that row is doubted; the row below is a row of its own.
  Layout l = test::LayoutOf(
      "考核内容\t分值\t计分标准\t自评分数\n"
      "合计\t10\t\t9\n"
      "（一）领导重视\t4\t标准一\t4\n"
      "（二）明确职责\t6\t标准二的前半\t5\n"
      "考核内容\t分值\t计分标准的后半\t自评分数\n"
      "\t\t标准三\t\n");
  REQUIRE(l.tables.size() == 1);
  const Table& t = l.tables[0];
  CHECK(t.sections.size() == 1);
  REQUIRE(t.rows.size() == 6);
  CHECK(t.rows[3][0].doubt == kDoubtRows);
  CHECK(t.rows[3][2].text == "标准二的前半的后半");
  CHECK(t.rows[4][2].text == "计分标准");
  CHECK(t.rows[5][0].doubt.empty());
  CHECK(t.rows[2][0].doubt.empty());
  // Printed again exactly, nothing is doubted.
  Layout same = test::LayoutOf(
      "考核内容\t分值\t计分标准\t自评分数\n"
      "合计\t10\t\t9\n"
      "（一）领导重视\t4\t标准一\t4\n"
      "考核内容\t分值\t计分标准\t自评分数\n"
      "（二）明确职责\t6\t标准二\t5\n");
  REQUIRE(same.tables.size() == 1);
  CHECK(same.tables[0].sections.size() == 1);
  for (const auto& row : same.tables[0].rows)
    for (const Cell& c : row) CHECK(c.doubt.empty());
}

TEST_CASE("layout: a header printed twice in a row mid-table goes on") {
  // A producer that splits a tall row heads each part it sets with the
  // header; a part with no text of its own leaves two copies together, the
  // first with the cut row's rest drawn into it. Still the header: the
  // section goes on, so the rows below keep the labels filled down from
  // above (二级 甲 over 乙 and 丙), and the cut row above is doubted.
  Layout l = test::LayoutOf(
      "一级指标\t二级指标\t三级指标\t指标解释\t自评分数\n"
      "过程（12分）\t甲（12分）\t乙（7分）\t前半\t7\n"
      "一级指标\t二级指标\t三级指标\t指标解释的后半\t自评分数\n"
      "一级指标\t二级指标\t三级指标\t指标解释\t自评分数\n"
      "\t\t丙（5分）\t说明\t5\n");
  REQUIRE(l.tables.size() == 1);
  const Table& t = l.tables[0];
  CHECK(t.sections.size() == 1);
  REQUIRE(t.rows.size() == 5);
  CHECK(t.rows[1][3].text == "前半的后半");
  CHECK(t.rows[1][0].doubt == kDoubtRows);
  CHECK(t.rows[2][3].text == "指标解释");
  CHECK(t.rows[4][1].anchor_row == 1);
  // Twice, exactly: nothing is doubted.
  Layout same = test::LayoutOf(
      "一级指标\t二级指标\t三级指标\t自评分数\n"
      "过程（12分）\t甲（12分）\t乙（7分）\t7\n"
      "一级指标\t二级指标\t三级指标\t自评分数\n"
      "一级指标\t二级指标\t三级指标\t自评分数\n"
      "\t\t丙（5分）\t5\n");
  REQUIRE(same.tables.size() == 1);
  CHECK(same.tables[0].sections.size() == 1);
  for (const auto& row : same.tables[0].rows)
    for (const Cell& c : row) CHECK(c.doubt.empty());
}

TEST_CASE("pdf doubt: the header printed again under a line of text may be the rest") {
  // Page 2 repeats the table's header, but a line (the rest of a cell the
  // break cut) stands between: not joined, both doubted.
  auto second = [](const std::string& line) {
    PdfPage b = Grid({50, 200, 400}, {150, 180, 210}, {}, 2);
    b.words = {Word(line, 60, 120, 60), Word("项目", 60, 160),
               Word("金额（元）", 210, 160, 50), Word("其他支出", 60, 190),
               Word("5", 210, 190)};
    return b;
  };
  Layout l = LayoutOfPages({TotalTable(), second("直接得分。")});
  REQUIRE(l.tables.size() == 2);
  CHECK(Has(l.tables[0].doubts, kDoubtContinuation));
  CHECK(Has(l.tables[1].doubts, kDoubtContinuation));
  // A caption of its own between: a table of its own, both sure.
  Layout t = LayoutOfPages({TotalTable(), second("表2 其他支出表")});
  REQUIRE(t.tables.size() == 2);
  CHECK_FALSE(Has(t.tables[0].doubts, kDoubtContinuation));
  CHECK_FALSE(Has(t.tables[1].doubts, kDoubtContinuation));
}

TEST_CASE("pdf doubt: an unruled cell of two whole numbers is claimed by two rows") {
  // 执行率 "80" over "10" beside a label wrapped over two lines: read as one
  // cell "8010", which two rows' values may have made.
  auto page = [](const std::string& first, const std::string& second) {
    PdfPage p = Page();
    p.words = {Word("项目", 50, 100),
               Word("预算数", 150, 100, 30),
               Word("决算数", 250, 100, 30),
               Word("执行率", 350, 100, 30),
               Word("基本支出", 50, 130, 40),
               Word("100.00", 150, 130, 30),
               Word("98.00", 250, 130, 25),
               Word("98", 350, 130, 20),
               Word("项目支出用于", 50, 160, 60),
               Word("50.00", 150, 160, 25),
               Word("40.00", 250, 160, 25),
               Word(first, 350, 160, 20),
               Word("棚改", 50, 172, 20),
               Word("合计", 50, 202),
               Word("150.00", 150, 202, 30),
               Word("138.00", 250, 202, 30),
               Word("92", 350, 202, 20)};
    if (!second.empty()) p.words.push_back(Word(second, 350, 172, 20));
    return p;
  };
  Layout l = LayoutOfPages({page("80", "10")});
  REQUIRE(l.tables.size() == 1);
  // The row that took them and its neighbours (one of which lacks what it
  // took); the header above stands, so the table is not doubted as a whole.
  CHECK_FALSE(Has(l.tables[0].doubts, kDoubtRows));
  CHECK(RowsDoubted(l.tables[0], kDoubtRows) == std::vector<int>{1, 2, 3});
  // One number, or one wrapped by the cell's width ("1,800,00" over "0.00",
  // "80%-" over "90%"): one row's.
  for (const auto& [a, b] : {std::pair<std::string, std::string>{"80", ""},
                             std::pair<std::string, std::string>{"1,800,00", "0.00"},
                             std::pair<std::string, std::string>{"80%-", "90%"}}) {
    Layout one = LayoutOfPages({page(a, b)});
    REQUIRE(one.tables.size() == 1);
    CHECK_FALSE(Has(one.tables[0].doubts, kDoubtRows));
    CHECK(RowsDoubted(one.tables[0], kDoubtRows).empty());
  }
}

// A grid whose 基本支出 label is taller than its row: with `over`, its first
// line is drawn over the rule above, as a spreadsheet with fixed row
// heights prints it. Word boxes are 10pt tall. With `note`, a third column
// holds a note drawn on the rule between 合计's row and the next, set as
// far into either row, its cells otherwise empty.
PdfPage OverflowTable(bool over, bool note = false) {
  PdfPage p = Grid({50, 200, 400, 500}, {100, 130, 160, 190, 220}, {});
  p.words = {
      Word("项目", 60, 110), Word("金额（元）", 210, 110, 50),   Word("合计", 60, 140),
      Word("100", 210, 140), Word("基本", 60, over ? 155 : 163), Word("支出", 60, 175),
      Word("30", 210, 170),  Word("项目支出", 60, 200),          Word("40", 210, 200)};
  if (note) p.words.push_back(Word("注", 410, 155));
  return p;
}

TEST_CASE("pdf doubt: text drawn across a row rule goes to the row its cell sits in") {
  // The grid centres its text in its rows: 基本 over the rule goes with
  // 支出, the cell then centred on its row as the others are.
  Document d = PdfOfPages({OverflowTable(true)});
  Layout l = BuildLayout(d, ProjectPatterns());
  REQUIRE(l.tables.size() == 1);
  REQUIRE(l.tables[0].rows.size() == 4);
  CHECK(l.tables[0].rows[1][0].text == "合计");
  CHECK(l.tables[0].rows[2][0].text == "基本支出");
  for (const auto& row : l.tables[0].rows) CHECK(row[0].doubt.empty());
  const Finding* f = FindingOf(FindingsOfPages({OverflowTable(true)}), "sum.total");
  REQUIRE(f != nullptr);
  CHECK(f->severity == Severity::kError);
}

TEST_CASE("pdf doubt: text across a row rule that fits both rows doubts them") {
  Document d = PdfOfPages({OverflowTable(false, true)});
  Layout l = BuildLayout(d, ProjectPatterns());
  REQUIRE(l.tables.size() == 1);
  CHECK(RowsDoubted(l.tables[0], kDoubtRows) == std::vector<int>{1, 2});
  const Finding* f =
      FindingOf(FindingsOfPages({OverflowTable(false, true)}), "sum.total");
  REQUIRE(f != nullptr);
  CHECK(f->severity == Severity::kWarning);
  // Inside its cell, the same note leaves the error as it is.
  const Finding* sure = FindingOf(FindingsOfPages({OverflowTable(false)}), "sum.total");
  REQUIRE(sure != nullptr);
  CHECK(sure->severity == Severity::kError);
}

TEST_CASE(
    "pdf doubt: a row whose cells begin with their header's text doubts the table") {
  // The header a page repeated, read into the row under it: 名称 and
  // 参考分值 glued to the row's label and weight.
  auto table = [](const std::string& label, const std::string& weight) {
    Table t;
    for (const auto& r :
         Rows{{"名称", "参考分值"}, {"部门决策", "20"}, {label, weight}}) {
      t.rows.emplace_back();
      for (const std::string& x : r) {
        Cell c;
        c.text = x;
        t.rows.back().push_back(c);
      }
    }
    Section s;
    s.first_row = 0;
    s.header_rows = 1;
    t.sections.push_back(s);
    return t;
  };
  CHECK(layout::HeaderReadIntoRow(table("名称部门管理", "参考分值20")));
  // One label that starts with its column's name is a label.
  CHECK_FALSE(layout::HeaderReadIntoRow(table("名称部门管理", "20")));
  CHECK_FALSE(layout::HeaderReadIntoRow(table("名称", "参考分值")));
}

// A score table whose 一级指标 labels the layout could not place: the first
// body row has none, "产出指标" sits level with the second. The 得分 25 of
// 质量指标 is over its 分值 20, read from the 分值 column or, without one,
// from the label "质量指标（20分）".
PdfPage UnplacedLabels(bool weight_column) {
  PdfPage p = Page();
  const double score_x = weight_column ? 360 : 300;
  p.words = {Word("一级指标", 50, 100, 40), Word("二级指标", 150, 100, 40),
             Word("得分", score_x, 100)};
  if (weight_column) p.words.push_back(Word("分值", 300, 100));
  auto row = [&](const char* top, const char* label, const char* weight,
                 const char* score, double y) {
    if (*top) p.words.push_back(Word(top, 50, y, 40));
    p.words.push_back(Word(label, 150, y, weight_column ? 40 : 80));
    if (weight_column) p.words.push_back(Word(weight, 300, y, 10));
    p.words.push_back(Word(score, score_x, y, 10));
  };
  row("", weight_column ? "数量指标" : "数量指标（10分）", "10", "10", 130);
  row("产出指标", weight_column ? "质量指标" : "质量指标（20分）", "20", "25", 160);
  row("效益指标", weight_column ? "社会效益" : "社会效益（30分）", "30", "28", 190);
  return p;
}

TEST_CASE("pdf doubt: which rows a label heads leaves a row's own numbers sure") {
  Layout l = LayoutOfPages({UnplacedLabels(true)});
  REQUIRE(l.tables.size() == 1);
  REQUIRE(l.tables[0].rows.size() == 4);
  CHECK(l.tables[0].rows[2][2].doubt == std::string(kDoubtLabels));
  // The score against the weight of its own row does not move with a label.
  const Finding* f =
      FindingOf(FindingsOfPages({UnplacedLabels(true)}), "score.exceeds_weight");
  REQUIRE(f != nullptr);
  CHECK(f->severity == Severity::kError);
  CHECK(f->message.find("layout doubt") == std::string::npos);
  // A weight read from a label is the label's, and the label's row a guess.
  const Finding* g =
      FindingOf(FindingsOfPages({UnplacedLabels(false)}), "score.exceeds_weight");
  REQUIRE(g != nullptr);
  CHECK(g->severity == Severity::kWarning);
  CHECK(g->message.find("labels") != std::string::npos);
}

// An indicator grid with 分值 and 得分 (the 质量指标 score 25 over its
// weight 20) whose row `paired` holds its score beside a stray whole number
// ("8" "1"): the values of two rows one line took.
PdfPage PairedScores(size_t paired) {
  PdfPage p = Page();
  p.words = {Word("一级指标", 50, 100, 40), Word("二级指标", 150, 100, 40),
             Word("分值", 300, 100), Word("得分", 360, 100)};
  const char* labels[] = {"数量指标", "质量指标", "社会效益", "经济效益", "满意度"};
  const char* weights[] = {"10", "20", "30", "20", "20"};
  const char* scores[] = {"10", "25", "28", "18", "8"};
  for (size_t i = 0; i < 5; ++i) {
    const double y = 130 + 30 * static_cast<double>(i);
    if (i == 0) p.words.push_back(Word("产出指标", 50, y, 40));
    if (i == 2) p.words.push_back(Word("效益指标", 50, y, 40));
    p.words.push_back(Word(labels[i], 150, y, 40));
    p.words.push_back(Word(weights[i], 300, y, 10));
    p.words.push_back(Word(scores[i], 360, y, 10));
    if (i + 1 == paired) p.words.push_back(Word("1", 375, y, 5));
  }
  return p;
}

TEST_CASE("pdf doubt: a row two rows' values claim doubts it and its neighbours only") {
  // Below the header: the claimed row and the rows either side, not the table.
  Layout l = LayoutOfPages({PairedScores(5)});
  REQUIRE(l.tables.size() == 1);
  CHECK_FALSE(Has(l.tables[0].doubts, kDoubtRows));
  CHECK(RowsDoubted(l.tables[0], kDoubtRows) == std::vector<int>{4, 5});
  // The score over its weight two rows up stands.
  const Finding* f =
      FindingOf(FindingsOfPages({PairedScores(5)}), "score.exceeds_weight");
  REQUIRE(f != nullptr);
  CHECK(f->severity == Severity::kError);
  // Claimed right under it: a warning naming the rows doubt.
  const Finding* g =
      FindingOf(FindingsOfPages({PairedScores(3)}), "score.exceeds_weight");
  REQUIRE(g != nullptr);
  CHECK(g->severity == Severity::kWarning);
  CHECK(g->message.find("layout doubt rows") != std::string::npos);
}

TEST_CASE("cell doubt: several reasons are held together, each once") {
  Cell c;
  c.doubt.Add(kDoubtLabels);
  c.doubt.Add(kDoubtRows);
  c.doubt.Add(kDoubtLabels);
  CHECK(c.doubt == "labels,rows");
  c.doubt.Add("rows,columns");
  CHECK(c.doubt == "labels,rows,columns");
  std::string list;
  AddNames(&list, "");
  CHECK(list.empty());
  AddNames(&list, "rows");
  AddNames(&list, "rows");
  CHECK(list == "rows");
}

TEST_CASE("layout: a lower header row printed again with a cut row's rest in a blank goes on") {
  // The rest of the cut row drawn into the second header row printed again,
  // in a cell that row leaves blank ("" + "的后半"): still that header.
  Layout l = test::LayoutOf(
      "评价指标\t\t指标说明\t得分情况\n"
      "名称\t参考分值\t\t\n"
      "部门决策\t20\t说明甲\t18\n"
      "部门管理\t20\t说明乙的前半\t15\n"
      "评价指标\t\t指标说明\t得分情况\n"
      "名称\t参考分值\t的后半\t\n"
      "部门绩效\t60\t说明丙\t55\n");
  REQUIRE(l.tables.size() == 1);
  const Table& t = l.tables[0];
  CHECK(t.sections.size() == 1);
  REQUIRE(t.rows.size() == 7);
  CHECK(t.rows[3][2].text == "说明乙的前半的后半");
  CHECK(t.rows[5][2].text.empty());
  CHECK(t.rows[3][0].doubt == kDoubtRows);
  // In the first header row's blank it is no header printed again.
  Layout first = test::LayoutOf(
      "评价指标\t\t指标说明\t得分情况\n"
      "名称\t参考分值\t\t\n"
      "部门决策\t20\t说明甲\t18\n"
      "评价指标\t的后半\t指标说明\t得分情况\n"
      "部门绩效\t60\t说明丙\t55\n");
  REQUIRE(first.tables.size() == 1);
  CHECK(first.tables[0].rows[3][1].text == "的后半");
}

}  // namespace
}  // namespace jx
