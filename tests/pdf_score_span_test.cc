// Score tables as producers set them: cells whose lines lie further apart
// than the usual leading (1.5 line spacing), captions a document prints
// above several tables.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "pdf_pages.h"
#include "test_util.h"

namespace jx {
namespace {

using test::Grid;
using test::LayoutOf;
using test::LayoutOfPages;
using test::Page;
using test::Texts;
using test::Word;

using Rows = std::vector<std::vector<std::string>>;

// A score table whose cells' lines lie `leading` apart (10pt boxes) and
// whose rows lie `row_gap` apart: the 指标说明 of the first row wraps onto
// three lines, of the second onto two.
std::vector<PdfWord> SpacedScoreTable(double leading, double row_gap) {
  std::vector<PdfWord> w = {Word("指标", 60, 100), Word("指标说明", 160, 100, 40),
                            Word("分值", 340, 100)};
  double y = 110 + row_gap;
  w.push_back(Word("项目立项", 60, y, 40));
  w.push_back(Word("项目是否按照规定的程序申请设立", 160, y, 150));
  w.push_back(Word("5", 340, y, 5));
  y += 10 + leading;
  w.push_back(Word("所提交的文件材料是否符合要求", 160, y, 150));
  y += 10 + leading;
  w.push_back(Word("事前是否经过论证", 160, y, 80));
  y += 10 + row_gap;
  w.push_back(Word("资金落实", 60, y, 40));
  w.push_back(Word("实际到位资金与计划投入资金的比", 160, y, 150));
  w.push_back(Word("4", 340, y, 5));
  y += 10 + leading;
  w.push_back(Word("率用以反映资金落实情况", 160, y, 110));
  y += 10 + row_gap;
  w.push_back(Word("合计", 60, y));
  w.push_back(Word("9", 340, y, 5));
  return w;
}

TEST_CASE("pdf score span: lines set wider apart than the usual leading stay one cell") {
  // Lines 5pt apart (0.5 em, 1.5 line spacing), rows 11pt (3pt padding
  // each side): the wrapped lines show the leading, the scores the rows.
  PdfPage p = Page();
  p.words = SpacedScoreTable(5, 11);
  Layout l = LayoutOfPages({p});
  REQUIRE(l.tables.size() == 1);
  CHECK(
      Texts(l.tables[0]) ==
      Rows{{"指标", "指标说明", "分值"},
           {"项目立项",
            "项目是否按照规定的程序申请设立所提交的文件材料是否符合要求事前是否经过论证",
            "5"},
           {"资金落实", "实际到位资金与计划投入资金的比率用以反映资金落实情况", "4"},
           {"合计", "", "9"}});
}

TEST_CASE("pdf score span: one-line rows as far apart as a cell's lines stay rows") {
  // Every row one line, 5pt apart, a score on each: the numbers lie as
  // close as the text, so nothing shows that 5pt is a cell's leading.
  PdfPage p = Page();
  const Rows body = {{"项目立项规范性", "5"},
                     {"绩效目标合理性", "4"},
                     {"绩效指标明确性", "6"},
                     {"资金到位率", "5"}};
  p.words = {Word("三级指标", 60, 100, 40), Word("分值", 340, 100)};
  double y = 115;
  for (const auto& r : body) {
    p.words.push_back(Word(r[0], 60, y, 70));
    p.words.push_back(Word(r[1], 340, y, 5));
    y += 15;
  }
  Layout l = LayoutOfPages({p});
  REQUIRE(l.tables.size() == 1);
  CHECK(Texts(l.tables[0]) == Rows{{"三级指标", "分值"},
                                   {"项目立项规范性", "5"},
                                   {"绩效目标合理性", "4"},
                                   {"绩效指标明确性", "6"},
                                   {"资金到位率", "5"}});
}

// A ruled grid of two columns on `page`, its rows' texts from `rows`, its
// top at `top`.
PdfPage GridOfRows(int page, double top, const Rows& rows,
                   const std::vector<std::string>& lines = {}) {
  std::vector<double> ys;
  for (size_t r = 0; r <= rows.size(); ++r) ys.push_back(top + 20.0 * r);
  PdfPage p = Grid({50, 200, 400}, ys, {}, page);
  for (size_t r = 0; r < rows.size(); ++r)
    for (size_t c = 0; c < rows[r].size(); ++c)
      p.words.push_back(Word(rows[r][c], c == 0 ? 55 : 205, ys[r] + 5, 60));
  double y = top - 20.0 * lines.size();
  for (const std::string& l : lines) p.words.push_back(Word(l, 55, y, 200)), y += 20;
  return p;
}

TEST_CASE(
    "pdf score span: a caption the document prints above several tables starts a table") {
  // A score table ends its page; the next page opens with the caption of
  // the next form, which the document prints again above a later one, and
  // a form without a header: a new table, not the score table's rest.
  const std::string caption = "2022年度项目支出绩效目标完成情况表";
  const Rows score = {{"三级指标", "分值"}, {"项目立项规范性", "5"}, {"合计", "5"}};
  const Rows form = {{"项目名称", "服务中心工作经费"},
                     {"项目类型", "行政运行"},
                     {"部门名称", "同城化发展工作局"}};
  // Two more pages of text: the caption is on few of the document's pages.
  PdfPage p4 = test::Page(4), p5 = test::Page(5);
  p4.words = {Word("四、评价结论", 55, 300, 60)};
  p5.words = {Word("五、绩效分析", 55, 300, 60)};
  Layout l =
      LayoutOfPages({GridOfRows(1, 700, score), GridOfRows(2, 100, form, {caption}),
                     GridOfRows(3, 100, form, {caption}), p4, p5});
  REQUIRE(l.tables.size() == 3);
  CHECK(l.tables[1].title == caption);
  CHECK(Texts(l.tables[1]) == form);
  CHECK(std::find(l.tables[1].doubts.begin(), l.tables[1].doubts.end(),
                  kDoubtContinuation) == l.tables[1].doubts.end());
}

TEST_CASE("pdf score span: a header printed again over columns read otherwise goes on") {
  // The header printed again on the next page, its first label read one
  // column to the right: the same words in the same order, so the rows
  // below are the first section's (its 合计 sums both), their columns
  // doubted.
  Layout l = LayoutOf(
      "表1 项目支出绩效自评计分表\n"
      "一级指标\t\t二级指标\t分值\n"
      "投入\t\t项目立项\t15\n"
      "\t一级指标\t二级指标\t分值\n"
      "\t\t资金落实\t10\n"
      "合计\t\t\t25\n");
  REQUIRE(l.tables.size() == 1);
  const Table& t = l.tables[0];
  REQUIRE(t.rows.size() == 5);
  CHECK(t.sections.size() == 1);
  CHECK(t.rows[3][2].doubt == kDoubtColumns);
  CHECK(t.rows[4][3].doubt == kDoubtColumns);
  CHECK(t.rows[2][2].doubt.str().empty());
}

TEST_CASE(
    "pdf score span: a cut row's rest drawn into the header printed again goes back") {
  // The page break cut the 社会效益 row; the producer drew its rest into
  // the cells of the header it printed again: every header label starts
  // its cell, the rest follows. The rest goes back to the cut row, which
  // gets its score, and the header reads as printed again.
  Layout l = LayoutOf(
      "表1 项目支出绩效自评计分表\n"
      "三级指标\t指标说明\t分值\n"
      "项目立项\t是否按照规定程序申请\t5\n"
      "社会效益\t社会公众或服务对象是指因该项\t\n"
      "三级指标\t指标说明目实施而受到影响的部门\t分值5\n"
      "合计\t\t10\n");
  REQUIRE(l.tables.size() == 1);
  const Table& t = l.tables[0];
  REQUIRE(t.rows.size() == 5);
  CHECK(t.sections.size() == 1);
  CHECK(t.rows[2][1].text == "社会公众或服务对象是指因该项目实施而受到影响的部门");
  CHECK(t.rows[2][2].text == "5");
  CHECK(t.rows[3][1].text == "指标说明");
  CHECK(t.row_is_header[3]);
  CHECK(t.rows[2][0].doubt == kDoubtRows);
  CHECK(t.rows[4][0].doubt.str().empty());
}

TEST_CASE("pdf score span: a label run past its cell's right rule stays in its cell") {
  // A 三级指标 the producer did not wrap starts at its cell's left padding
  // and runs on past the rule, its centre in the next column: it is still
  // its own column's label, so the row keeps its level.
  PdfPage p = Grid({50, 150, 300, 400}, {100, 120, 140, 160}, {});
  p.words = {Word("三级指标", 55, 105, 40),
             Word("指标解释", 155, 105, 40),
             Word("分值", 305, 105),
             Word("项目立项规范性（5分）", 53, 125, 200),
             Word("项目的申请是否合规", 258, 125, 40),
             Word("5", 305, 125, 5),
             Word("资金到位率（5分）", 53, 145, 80),
             Word("资金到位的比率", 155, 145, 70),
             Word("4", 305, 145, 5)};
  Layout l = LayoutOfPages({p});
  REQUIRE(l.tables.size() == 1);
  CHECK(Texts(l.tables[0]) == Rows{{"三级指标", "指标解释", "分值"},
                                   {"项目立项规范性（5分）", "项目的申请是否合规", "5"},
                                   {"资金到位率（5分）", "资金到位的比率", "4"}});
}

}  // namespace
}  // namespace jx
