// Rows and cells of tables without rules as producers set them: rows closer
// than a cell's usual leading, headers over columns inferred from the body,
// labels of merged cells set bottom-aligned, a page's footer beside a
// table's last row, frames one under the other, a lattice of numbers, a
// caption set against the rows.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "pdf_pages.h"
#include "test_util.h"

namespace jx {
namespace {

using test::LayoutOfPages;
using test::Page;
using test::ColumnsOfText;
using test::Rule;
using test::Texts;
using test::Word;

using Rows = std::vector<std::vector<std::string>>;

// A word whose box is `h` tall: fonts whose ascent and descent exceed
// their line pitch draw boxes that overlap the next line's.
PdfWord Tall(const std::string& text, double x, double y, double w, double h) {
  PdfWord pw = Word(text, x, y, w);
  pw.y1 = y + h;
  return pw;
}

bool Doubted(const Table& t, std::string_view doubt) {
  return std::find(t.doubts.begin(), t.doubts.end(), doubt) != t.doubts.end();
}

// A budget table whose rows lie `pitch` apart, boxes `h` tall; the first
// row's label wraps at `wrap` (0: no label wraps).
std::vector<PdfWord> CloseRows(double pitch, double h, double wrap) {
  std::vector<PdfWord> w = {Tall("项目", 60, 100, 20, h),
                            Tall("年初预算数", 160, 100, 50, h),
                            Tall("决算数", 260, 100, 30, h)};
  double y = 100 + pitch;
  const std::vector<std::vector<std::string>> body = {{"一、基本支出", "100.00", "98.00"},
                                                      {"人员经费", "60.00", "58.00"},
                                                      {"公用经费", "40.00", "40.00"},
                                                      {"合计", "100.00", "98.00"}};
  for (size_t r = 0; r < body.size(); ++r) {
    if (r == 0 && wrap > 0) {
      w.push_back(Tall("一、基本支", 60, y, 50, h));
      w.push_back(Tall("出", 60, y + wrap, 10, h));
    } else {
      w.push_back(Tall(body[r][0], 60, y, 40, h));
    }
    w.push_back(Tall(body[r][1], 160, y, 30, h));
    w.push_back(Tall(body[r][2], 260, y, 25, h));
    y += pitch + (r == 0 && wrap > 0 ? wrap : 0);
  }
  return w;
}

const Rows kCloseRows = {{"项目", "年初预算数", "决算数"},
                         {"一、基本支出", "100.00", "98.00"},
                         {"人员经费", "60.00", "58.00"},
                         {"公用经费", "40.00", "40.00"},
                         {"合计", "100.00", "98.00"}};

TEST_CASE("pdf rows: rows closer than a cell's leading are told by stacked numbers") {
  // Boxes 13pt tall at a 10.5pt line pitch inside a cell (they overlap by
  // 2.5pt), rows 1.5pt apart: every gap is under the usual leading, yet
  // the wrapped label shows this table's leading well below its rows'.
  PdfPage p = Page();
  p.words = CloseRows(14.5, 13, 10.5);
  Layout l = LayoutOfPages({p});
  REQUIRE(l.tables.size() == 1);
  CHECK(Texts(l.tables[0]) == kCloseRows);
  CHECK_FALSE(Doubted(l.tables[0], kDoubtRows));

  // No label wraps: rows 4pt apart (0.4 em), wider than any single-spaced
  // leading, are rows.
  PdfPage q = Page();
  q.words = CloseRows(14, 10, 0);
  Layout m = LayoutOfPages({q});
  REQUIRE(m.tables.size() == 1);
  CHECK(Texts(m.tables[0]) == kCloseRows);

  // Rows 2pt apart (0.2 em) with no wrapped cell to compare them with:
  // a single-spaced cell's lines may lie that close, so they are not cut.
  PdfPage r = Page();
  r.words = CloseRows(12, 10, 0);
  Layout n = LayoutOfPages({r});
  for (const Table& t : n.tables) CHECK(Texts(t) != kCloseRows);
}

TEST_CASE("pdf rows: a number wrapped in one column is one cell") {
  // Only the first value column stacks two numbers ("1234567" cut as
  // "12345" over "67"): no other column repeats that gap, so it is a
  // number wrapped, not two rows.
  PdfPage p = Page();
  p.words = {Word("项目", 60, 100),        Word("金额", 160, 100),
             Word("备注", 260, 100),       Word("甲", 60, 125, 10),
             Word("12345", 160, 125, 25),  Word("67", 175, 136, 10),
             Word("说明一", 260, 125, 30), Word("乙", 60, 160, 10),
             Word("200", 160, 160, 15),    Word("说明二", 260, 160, 30),
             Word("丙", 60, 190, 10),      Word("300", 160, 190, 15),
             Word("说明三", 260, 190, 30)};
  Layout l = LayoutOfPages({p});
  REQUIRE(l.tables.size() == 1);
  const Rows got = Texts(l.tables[0]);
  REQUIRE(got.size() == 4);
  CHECK(got[1][1].rfind("12345", 0) == 0);
  CHECK(got[1][1].find("67") != std::string::npos);
  CHECK(got[2][1] == "200");
}

TEST_CASE("pdf rows: two values in one column's cell doubt the columns") {
  // A header of two lines runs across the gap between the budget and the
  // spending: the body's three rows do not outweigh it, so no separator
  // parts the two, and each cell holds two numbers a wide gap apart.
  PdfPage p = Page();
  p.words = {Word("项目", 60, 100),          Word("全年预算数及执行数", 160, 100, 80),
             Word("（万元）", 180, 111, 40), Word("合计", 60, 130),
             Word("180.00", 160, 130, 30),   Word("171.00", 205, 130, 30),
             Word("甲", 60, 160, 10),        Word("100.00", 160, 160, 30),
             Word("91.00", 205, 160, 25),    Word("乙", 60, 190, 10),
             Word("80.00", 160, 190, 25),    Word("80.00", 205, 190, 25)};
  Layout l = LayoutOfPages({p});
  REQUIRE(l.tables.size() == 1);
  const Rows got = Texts(l.tables[0]);
  REQUIRE(got.size() == 4);
  REQUIRE(got[1].size() == 2);
  CHECK(got[1][1].find("180.00") != std::string::npos);
  CHECK(got[1][1].find("171.00") != std::string::npos);
  CHECK(Doubted(l.tables[0], kDoubtColumns));
}

TEST_CASE("pdf rows: a header label of a table of horizontal rules lies in its column") {
  // The body's gap between 决算数's values and the rates runs 377-401; the
  // label 执行率, centred over its rates, starts at 386, left of that gap's
  // middle.
  PdfPage p = Page();
  Rule(&p, 50, 95, 440, 95);
  Rule(&p, 50, 113, 440, 113);
  Rule(&p, 50, 200, 440, 200);
  p.words = {Word("项目", 60, 100),          Word("决算数", 330, 100, 30),
             Word("执行率", 386, 100, 45),   Word("基本支出", 60, 120, 40),
             Word("1,000.00", 323, 120, 54), Word("100.00%", 401, 120, 31),
             Word("项目支出", 60, 140, 40),  Word("500.00", 337, 140, 40),
             Word("90.00%", 406, 140, 26),   Word("合计", 60, 160),
             Word("1,500.00", 323, 160, 54), Word("96.67%", 406, 160, 26)};
  Layout l = LayoutOfPages({p});
  REQUIRE(l.tables.size() == 1);
  CHECK(Texts(l.tables[0]) == Rows{{"项目", "决算数", "执行率"},
                                   {"基本支出", "1,000.00", "100.00%"},
                                   {"项目支出", "500.00", "90.00%"},
                                   {"合计", "1,500.00", "96.67%"}});
}

TEST_CASE("pdf rows: bottom-aligned merged labels head the first row of their span") {
  // The table sets every cell bottom-aligned: a one-line score in a row of
  // two lines sits on its second line, and a label merged over two rows
  // on the second row's.
  PdfPage p = Page();
  p.words = {Word("一级指标", 40, 60, 40),   Word("三级指标", 300, 60, 40),
             Word("分值", 360, 60),          Word("绩效目标", 300, 80, 40),
             Word("合理性", 300, 91, 30),    Word("10", 365, 91, 10),
             Word("投入", 40, 121),          Word("绩效指标", 300, 110, 40),
             Word("明确性", 300, 121, 30),   Word("10", 365, 121, 10),
             Word("预算执行", 300, 140, 40), Word("率", 300, 151, 10),
             Word("15", 365, 151, 10),       Word("过程", 40, 181),
             Word("结转结余", 300, 170, 40), Word("率", 300, 181, 10),
             Word("15", 365, 181, 10),       Word("合计", 40, 205),
             Word("50", 365, 205, 10)};
  Layout l = LayoutOfPages({p});
  REQUIRE(l.tables.size() == 1);
  const Rows got = Texts(l.tables[0]);
  REQUIRE(got.size() == 6);
  CHECK(got[1][0] == "投入");
  CHECK(got[2][0] == "");
  CHECK(got[3][0] == "过程");
  CHECK(got[4][0] == "");
  CHECK(got[5][0] == "合计");

  // Set top-aligned (the score on the row's first line), the same labels
  // on their rows' first lines stay where they are.
  PdfPage q = Page();
  q.words = {Word("一级指标", 40, 60, 40),   Word("三级指标", 300, 60, 40),
             Word("分值", 360, 60),          Word("投入", 40, 80),
             Word("绩效目标", 300, 80, 40),  Word("合理性", 300, 91, 30),
             Word("10", 365, 80, 10),        Word("绩效指标", 300, 110, 40),
             Word("明确性", 300, 121, 30),   Word("10", 365, 110, 10),
             Word("过程", 40, 140),          Word("预算执行", 300, 140, 40),
             Word("率", 300, 151, 10),       Word("15", 365, 140, 10),
             Word("结转结余", 300, 170, 40), Word("率", 300, 181, 10),
             Word("15", 365, 170, 10),       Word("合计", 40, 205),
             Word("50", 365, 205, 10)};
  Layout m = LayoutOfPages({q});
  REQUIRE(m.tables.size() == 1);
  const Rows top = Texts(m.tables[0]);
  REQUIRE(top.size() == 6);
  CHECK(top[1][0] == "投入");
  CHECK(top[3][0] == "过程");
}

TEST_CASE("pdf rows: the page's footer beside a table's last row is no row") {
  // "-3-" in the foot zone, closer to the last row than a paragraph break.
  PdfPage p = Page();
  p.words = {Word("项目", 60, 700),         Word("年初预算数", 160, 700, 50),
             Word("决算数", 260, 700, 30),  Word("基本支出", 60, 730, 40),
             Word("100.00", 160, 730, 30),  Word("98.00", 260, 730, 25),
             Word("项目支出", 60, 760, 40), Word("50.00", 160, 760, 25),
             Word("40.00", 260, 760, 25),   Word("-3-", 180, 785, 15)};
  Layout l = LayoutOfPages({p});
  REQUIRE(l.tables.size() == 1);
  const Rows got = Texts(l.tables[0]);
  REQUIRE(got.size() == 3);
  for (const auto& row : got)
    for (const std::string& c : row) CHECK(c != "-3-");
}

TEST_CASE("pdf rows: two tables of horizontal rules one under the other stay two") {
  // Both tables' rules have one span: one run of six rules, with a
  // paragraph between the first table's foot and the second's head.
  PdfPage p = Page();
  for (double y : {95.0, 113.0, 175.0, 255.0, 273.0, 335.0}) Rule(&p, 50, y, 440, y);
  p.words = {Word("项目", 60, 100),
             Word("预算数", 200, 100, 30),
             Word("决算数", 330, 100, 30),
             Word("基本支出", 60, 120, 40),
             Word("100.00", 200, 120, 30),
             Word("98.00", 330, 120, 25),
             Word("项目支出", 60, 140, 40),
             Word("50.00", 200, 140, 25),
             Word("40.00", 330, 140, 25),
             Word("合计", 60, 160),
             Word("150.00", 200, 160, 30),
             Word("138.00", 330, 160, 30),
             Word("全年支出决算总额为138.00万元，其中基本支出98.00万元。", 50, 195, 380),
             Word("本次自评得分为92分。", 50, 225, 110),
             Word("一级指标", 60, 260, 40),
             Word("分值", 200, 260),
             Word("得分", 330, 260),
             Word("投入", 60, 280),
             Word("20", 200, 280, 10),
             Word("18", 330, 280, 10),
             Word("产出", 60, 300),
             Word("30", 200, 300, 10),
             Word("28", 330, 300, 10),
             Word("合计", 60, 320),
             Word("50", 200, 320, 10),
             Word("46", 330, 320, 10)};
  Layout l = LayoutOfPages({p});
  REQUIRE(l.tables.size() == 2);
  CHECK(Texts(l.tables[0]).size() == 4);
  CHECK(Texts(l.tables[1]).size() == 4);
  for (const auto& t : l.tables)
    for (const auto& row : Texts(t))
      for (const std::string& c : row) CHECK(c.find("决算总额") == std::string::npos);
}

TEST_CASE("pdf rows: a level column empty on its section's first row doubts the labels") {
  // 投入 stands on the second body row with nothing above it to fill down
  // from: the labels may sit on their spans' last rows.
  auto page = [](double first_label_y) {
    PdfPage p = Page();
    p.words = {Word("一级指标", 60, 100, 40), Word("三级指标", 160, 100, 40),
               Word("分值", 260, 100),        Word("得分", 330, 100),
               Word("合理性", 160, 130, 30),  Word("10", 260, 130, 10),
               Word("10", 330, 130, 10),      Word("投入", 60, first_label_y),
               Word("明确性", 160, 160, 30),  Word("10", 260, 160, 10),
               Word("9", 330, 160, 5),        Word("产出", 60, 190),
               Word("完成率", 160, 190, 30),  Word("30", 260, 190, 10),
               Word("28", 330, 190, 10)};
    return p;
  };
  Layout l = LayoutOfPages({page(160)});
  REQUIRE(l.tables.size() == 1);
  REQUIRE(Texts(l.tables[0])[1][0].empty());
  // The section's rows, not the table: another section's figures stand.
  CHECK(std::string(l.tables[0].rows[3][2].doubt) == kDoubtLabels);
  CHECK(std::string(l.tables[0].rows[0][0].doubt).empty());

  Layout m = LayoutOfPages({page(130)});
  REQUIRE(m.tables.size() == 1);
  CHECK(Texts(m.tables[0])[1][0] == "投入");
  for (const auto& row : m.tables[0].rows) CHECK(std::string(row[2].doubt).empty());
}

TEST_CASE("pdf rows: a cut cell's rest above the next page's grid may be the table's") {
  // The last page's table ends at its foot; the next page opens with five
  // lines inside one of its columns (the rest of a cell the break cut,
  // their punctuation hung past the column's edge), then rows without a
  // header: whether they go on with the table is
  // doubted, however many lines the cell's rest took.
  PdfPage p1 = Page(1);
  p1.words = {Word("项目", 60, 700),
              Word("说明", 160, 700),
              Word("金额", 330, 700),
              Word("甲项目", 60, 730, 30),
              Word("说明甲", 160, 730, 30),
              Word("100", 330, 730, 15),
              Word("乙项目", 60, 760, 30),
              Word("说明乙", 160, 760, 30),
              Word("200", 330, 760, 15),
              Word("丙项目", 60, 790, 30),
              Word("说明丙的第一行", 160, 790, 70),
              Word("300", 330, 790, 15)};
  PdfPage p2 = Page(2);
  p2.words = {Word("说明丙第二行。", 160, 100, 128),
              Word("说明丙第三行。", 160, 114, 110),
              Word("说明丙第四行。", 160, 128, 95),
              Word("说明丙第五行。", 160, 142, 80),
              Word("末行。", 160, 156, 40),
              Word("丁项目", 60, 184, 30),
              Word("说明丁的内容较长", 160, 184, 120),
              Word("400", 330, 184, 15),
              Word("戊项目", 60, 200, 30),
              Word("说明戊的内容较长", 160, 200, 120),
              Word("500", 330, 200, 15),
              Word("合计", 60, 230),
              Word("1500", 330, 230, 20)};
  Layout l = LayoutOfPages({p1, p2});
  REQUIRE(l.tables.size() == 2);
  CHECK(Doubted(l.tables[0], kDoubtContinuation));
  CHECK(Doubted(l.tables[1], kDoubtContinuation));
}

TEST_CASE("pdf rows: two frames one under the other are no run of horizontal rules") {
  // Each frame's top and bottom have one span, as a 三线表's rules would;
  // the headings between the frames are no header of a table.
  PdfPage p = Page();
  for (double y : {95.0, 175.0, 225.0, 305.0}) Rule(&p, 50, y, 440, y);
  Rule(&p, 50, 95, 50, 175);
  Rule(&p, 440, 95, 440, 175);
  Rule(&p, 50, 225, 50, 305);
  Rule(&p, 440, 225, 440, 305);
  p.words = {Word("项目", 60, 100),
             Word("决算数", 330, 100, 30),
             Word("本年收入合计", 60, 120, 60),
             Word("1070.00", 330, 120, 35),
             Word("本年支出合计", 60, 140, 60),
             Word("1060.00", 330, 140, 35),
             Word("总计", 60, 160),
             Word("1100.00", 330, 160, 35),
             Word("二、收入决算表", 50, 190, 70),
             Word("单位：万元", 50, 208, 50),
             Word("科目名称", 60, 230, 40),
             Word("本年收入", 330, 230, 40),
             Word("合计", 60, 250),
             Word("1070.00", 330, 250, 35),
             Word("一般公共服务支出", 60, 270, 80),
             Word("900.00", 330, 270, 30),
             Word("社会保障和就业支出", 60, 290, 90),
             Word("170.00", 330, 290, 30)};
  Layout l = LayoutOfPages({p});
  REQUIRE_FALSE(l.tables.empty());
  for (const Table& t : l.tables) CHECK(Texts(t).front().front() != "二、收入决算表");

  // The two tables themselves, each inside its frame, and the headings
  // between them text.
  REQUIRE(l.tables.size() == 2);
  CHECK(Texts(l.tables[0]) == Rows{{"项目", "决算数"},
                                   {"本年收入合计", "1070.00"},
                                   {"本年支出合计", "1060.00"},
                                   {"总计", "1100.00"}});
  CHECK(Texts(l.tables[1]).front() == std::vector<std::string>{"科目名称", "本年收入"});
  CHECK(Texts(l.tables[1]).size() == 4);
}

TEST_CASE(
    "pdf rows: a lattice of numbers parts rows set closer than any leading proves") {
  // Rows 2pt apart (0.2 em), no cell wrapped to show the leading: two
  // columns repeating their stacked numbers at four heights are a table of
  // one value a row, not cells listing values line under line.
  PdfPage p = Page();
  p.words = CloseRows(12, 10, 0);
  double y = 100 + 5 * 12;
  p.words.push_back(Tall("其他", 60, y, 20, 10));
  p.words.push_back(Tall("0.00", 160, y, 20, 10));
  p.words.push_back(Tall("0.00", 260, y, 20, 10));
  Layout l = LayoutOfPages({p});
  REQUIRE(l.tables.size() == 1);
  Rows want = kCloseRows;
  want.push_back({"其他", "0.00", "0.00"});
  CHECK(Texts(l.tables[0]) == want);

  // Rows 1pt apart (0.1 em) are within a cell's own padding of the
  // leading: still not cut.
  PdfPage q = Page();
  q.words = CloseRows(11, 10, 0);
  y = 100 + 5 * 11;
  q.words.push_back(Tall("其他", 60, y, 20, 10));
  q.words.push_back(Tall("0.00", 160, y, 20, 10));
  q.words.push_back(Tall("0.00", 260, y, 20, 10));
  Layout m = LayoutOfPages({q});
  for (const Table& t : m.tables) CHECK(Texts(t).size() < want.size());
}

TEST_CASE("pdf rows: a caption in a larger font set against the rows is no row") {
  // The caption, 14pt, ends 3pt above the header (under the 4.5pt a cell's
  // leading allows at 10pt): its font, not its gap, sets it apart.
  PdfPage p = Page();
  PdfWord caption = Word("《部门整体预算绩效目标申报表》", 58, 83, 210);
  caption.y1 = 97;
  caption.size = 14;
  p.words = {caption};
  for (const PdfWord& w : ColumnsOfText(100)) p.words.push_back(w);
  Layout l = LayoutOfPages({p});
  REQUIRE(l.tables.size() == 1);
  CHECK(Texts(l.tables[0]).front().front() == "项目");
  CHECK(l.tables[0].title == "《部门整体预算绩效目标申报表》");
}

}  // namespace
}  // namespace jx
