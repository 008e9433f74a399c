// PDF tables whose columns and header structure come from alignment, not
// rules: an outer frame that draws no cells, and a section whose columns are
// wider than the ones the whole table was cut into.
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

const Rows kColumnsOfText = {{"项目", "年初预算数", "决算数", "执行率"},
                             {"基本支出", "100.00", "98.00", "98%"},
                             {"项目支出", "50.00", "40.00", "80%"},
                             {"合计", "150.00", "138.00", "92%"}};

TEST_CASE("pdf columns: an outer frame alone reads as the table inside it") {
  // The frame's four rules draw one cell: its text is set in columns all
  // the same, which only the alignment tells.
  PdfPage p = Page();
  p.words = ColumnsOfText(110);
  Rule(&p, 50, 100, 420, 100);
  Rule(&p, 50, 215, 420, 215);
  Rule(&p, 50, 100, 50, 215);
  Rule(&p, 420, 100, 420, 215);
  Layout l = LayoutOfPages({p});
  REQUIRE(l.tables.size() == 1);
  CHECK(Texts(l.tables[0]) == kColumnsOfText);

  // Without the frame the same table.
  PdfPage bare = Page();
  bare.words = ColumnsOfText(110);
  Layout u = LayoutOfPages({bare});
  REQUIRE(u.tables.size() == 1);
  CHECK(Texts(u.tables[0]) == kColumnsOfText);

  // One inner rule makes it a grid of two cells a row: read by its rules.
  Rule(&p, 150, 100, 150, 215);
  Layout g = LayoutOfPages({p});
  REQUIRE(g.tables.size() == 1);
  CHECK(Texts(g.tables[0]).front().size() == 2);
}

TEST_CASE("pdf columns: a number set right in a section's last column stays in it") {
  // The funds block has three columns, 得分 the widest, its score set
  // right; the indicator block below splits that stretch in two (得分 and
  // 说明), so the table's columns put the funds score under 说明.
  PdfPage p = Page();
  p.words = {Word("项目资金", 50, 100, 40), Word("分值", 150, 100),
             Word("得分", 250, 100),        Word("年度资金总额", 50, 130, 60),
             Word("10", 150, 130, 10),      Word("9", 395, 130, 5),
             Word("一级指标", 50, 160, 40), Word("分值", 150, 160),
             Word("得分", 250, 160),        Word("偏差原因", 330, 160, 40),
             Word("产出指标", 50, 190, 40), Word("20", 150, 190, 10),
             Word("18", 250, 190, 10),      Word("未完成", 330, 190, 30),
             Word("效益指标", 50, 220, 40), Word("30", 150, 220, 10),
             Word("30", 250, 220, 10)};
  Layout l = LayoutOfPages({p});
  REQUIRE(l.tables.size() == 1);
  const Rows got = Texts(l.tables[0]);
  REQUIRE(got.size() == 5);
  CHECK(got[1][2] == "9");
  CHECK(got[3][3] == "未完成");
}

TEST_CASE("pdf columns: a header label centred off its values makes no column") {
  // 分值 and 得分 are centred in their columns, the scores under them set
  // left: no line shows a gap between a label and its scores, yet the
  // header line's gaps part them.
  PdfPage p = Page();
  p.words = {
      Word("项目", 60, 110),           Word("分值", 180, 110),   Word("得分", 280, 110),
      Word("产出指标", 60, 140, 40),   Word("10", 150, 140, 10), Word("8", 250, 140, 5),
      Word("效益指标", 60, 170, 40),   Word("20", 150, 170, 10), Word("18", 250, 170, 10),
      Word("满意度指标", 60, 200, 50), Word("10", 150, 200, 10), Word("9", 250, 200, 5)};
  Layout l = LayoutOfPages({p});
  REQUIRE(l.tables.size() == 1);
  CHECK(Texts(l.tables[0]) == Rows{{"项目", "分值", "得分"},
                                   {"产出指标", "10", "8"},
                                   {"效益指标", "20", "18"},
                                   {"满意度指标", "10", "9"}});
  // Each label had one column of values beside it to head: sure.
  CHECK(std::find(l.tables[0].doubts.begin(), l.tables[0].doubts.end(), kDoubtColumns) ==
        l.tables[0].doubts.end());

  // Without 得分, 分值 stands between two columns of scores, either of
  // which it could head: the columns are doubted.
  PdfPage q = Page();
  q.words = {
      Word("项目", 60, 110),    Word("分值", 180, 110),   Word("产出指标", 60, 140, 40),
      Word("10", 150, 140, 10), Word("8", 250, 140, 5),   Word("效益指标", 60, 170, 40),
      Word("20", 150, 170, 10), Word("18", 250, 170, 10), Word("满意度指标", 60, 200, 50),
      Word("10", 150, 200, 10), Word("9", 250, 200, 5)};
  Layout m = LayoutOfPages({q});
  REQUIRE(m.tables.size() == 1);
  CHECK(std::find(m.tables[0].doubts.begin(), m.tables[0].doubts.end(), kDoubtColumns) !=
        m.tables[0].doubts.end());
}

TEST_CASE("pdf columns: a label its values follow within leading is kept apart") {
  // The first row touches the header line: one column would make 分值 and
  // its first score one cell.
  PdfPage p = Page();
  p.words = {
      Word("项目", 60, 110),         Word("分值", 180, 110),    Word("得分", 280, 110),
      Word("合计", 60, 121),         Word("100", 150, 121, 15), Word("90", 250, 121, 10),
      Word("产出指标", 60, 150, 40), Word("60", 150, 150, 10),  Word("55", 250, 150, 10),
      Word("效益指标", 60, 180, 40), Word("40", 150, 180, 10),  Word("35", 250, 180, 10)};
  Layout l = LayoutOfPages({p});
  REQUIRE(l.tables.size() == 1);
  for (const auto& row : Texts(l.tables[0]))
    for (const std::string& cell : row) {
      CHECK(cell.find("分值1") == std::string::npos);
      CHECK(cell.find("得分9") == std::string::npos);
    }
}

TEST_CASE("pdf columns: a header label over an empty column keeps that column") {
  // 调整预算数 heads a column the body leaves empty: labels only, between
  // columns of labels and values, it is a column of its own.
  PdfPage p = Page();
  p.words = {Word("项目", 60, 110),
             Word("年初预算数", 150, 110, 50),
             Word("调整预算数", 230, 110, 50),
             Word("决算数", 310, 110, 30),
             Word("基本支出", 60, 140, 40),
             Word("100.00", 150, 140, 30),
             Word("98.00", 310, 140, 25),
             Word("项目支出", 60, 170, 40),
             Word("50.00", 150, 170, 25),
             Word("40.00", 310, 170, 25),
             Word("合计", 60, 200),
             Word("150.00", 150, 200, 30),
             Word("138.00", 310, 200, 30)};
  Layout l = LayoutOfPages({p});
  REQUIRE(l.tables.size() == 1);
  CHECK(Texts(l.tables[0]) == Rows{{"项目", "年初预算数", "调整预算数", "决算数"},
                                   {"基本支出", "100.00", "", "98.00"},
                                   {"项目支出", "50.00", "", "40.00"},
                                   {"合计", "150.00", "", "138.00"}});
}

}  // namespace
}  // namespace jx
