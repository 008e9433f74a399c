// PDF tables across page breaks: a row the break cut in two is one row,
// however the producer split it and whatever it printed above the rest.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "pdf_pages.h"
#include "test_util.h"

namespace jx {
namespace {

using test::Grid;
using test::LayoutOfPages;
using test::Page;
using test::Rule;
using test::Texts;
using test::Word;

using Rows = std::vector<std::vector<std::string>>;

// A grid ending page 1 with a row whose label and numbers wrap down to its
// foot (`wrapped`) or fit on one line; page 2 prints the header again and
// then, in the same columns, the rest of that row: the tails of the label
// and of two numbers, the count left empty.
std::vector<PdfPage> CutRow(bool wrapped) {
  const std::vector<double> xs = {50, 150, 250, 350, 450};
  PdfPage a = Grid(xs, {600, 630, 800}, {});
  a.words = {Word("项目", 60, 610), Word("原值", 160, 610), Word("净值", 260, 610),
             Word("数量", 360, 610)};
  if (wrapped) {
    for (auto w : {Word("计算", 60, 765), Word("机", 60, 780), Word("22", 160, 765),
                   Word(".", 160, 780, 5), Word("5", 260, 765, 5),
                   Word(".6", 260, 780, 10), Word("41", 360, 710)})
      a.words.push_back(w);
  } else {
    for (auto w : {Word("计算机", 60, 780), Word("22.67", 160, 780),
                   Word("5.6", 260, 780), Word("41", 360, 780)})
      a.words.push_back(w);
  }
  PdfPage b = Grid(xs, {60, 90, 120, 150}, {}, 2);
  b.words = {Word("项目", 60, 70),   Word("原值", 160, 70), Word("净值", 260, 70),
             Word("数量", 360, 70),  Word("设备", 60, 95),  Word("67", 160, 95),
             Word("9", 260, 95, 5),  Word("家具", 60, 130), Word("13.71", 160, 130),
             Word("8.11", 260, 130), Word("72", 360, 130)};
  return {a, b};
}

TEST_CASE("pdf break: a row cut mid-number under a repeated header is one row") {
  Layout l = LayoutOfPages(CutRow(true));
  REQUIRE(l.tables.size() == 1);
  CHECK(Texts(l.tables[0]) == Rows{{"项目", "原值", "净值", "数量"},
                                   {"计算机设备", "22.67", "5.69", "41"},
                                   {"家具", "13.71", "8.11", "72"}});
}

TEST_CASE("pdf break: numbers under a row of one line start a row of their own") {
  // A row of one line cannot be cut: what opens the next page is a row.
  Layout l = LayoutOfPages(CutRow(false));
  REQUIRE(l.tables.size() == 1);
  CHECK(Texts(l.tables[0]) == Rows{{"项目", "原值", "净值", "数量"},
                                   {"计算机", "22.67", "5.6", "41"},
                                   {"设备", "67", "9", ""},
                                   {"家具", "13.71", "8.11", "72"}});
}

// A grid whose second row runs on past the page's foot: its 说明 cell is
// cut after its first line, the page's last rule is the grid's top ones.
const std::vector<double> kCutColumns = {50, 150, 450, 500};
PdfPage CutRowFirstPage() {
  PdfPage a = Grid(kCutColumns, {600, 630, 800}, {});
  a.words = {Word("指标", 60, 610),
             Word("说明", 160, 610),
             Word("分值", 460, 610),
             Word("预算执行率", 60, 640),
             Word("部门预算的执行情况，", 160, 785, 200),
             Word("5", 460, 640)};
  return a;
}

TEST_CASE("pdf break: a row taller than a page is one row over three pages") {
  // The middle page shows only the column rules, top to bottom: no
  // horizontal rule at all, the row cut at both ends.
  const std::vector<double> xs = kCutColumns;
  PdfPage a = CutRowFirstPage();
  PdfPage b = Page(2);
  for (double x : xs) Rule(&b, x, 60, x, 800);
  b.words = {Word("即是否按计划执行，", 160, 60, 200),
             Word("执行率越高得分越高，", 160, 785, 200)};
  PdfPage c = Grid(xs, {60, 90, 120}, {}, 3);
  c.words = {Word("满分为止", 160, 70, 60), Word("资产管理", 60, 100),
             Word("3", 460, 100)};
  Layout l = LayoutOfPages({a, b, c});
  REQUIRE(l.tables.size() == 1);
  CHECK(Texts(l.tables[0]) ==
        Rows{{"指标", "说明", "分值"},
             {"预算执行率",
              "部门预算的执行情况，即是否按计划执行，执行率越高得分越高，满分为止", "5"},
             {"资产管理", "", "3"}});
}

TEST_CASE("pdf break: a row taller than a page under headers printed again is one row") {
  // Each page prints the header row again; page 2 holds only the middle
  // of the row, its column rules running on to the page's foot.
  const std::vector<double> xs = {50, 150, 450, 500};
  auto header = [&](PdfPage* p, double y) {
    for (auto w :
         {Word("指标", 60, y + 10), Word("说明", 160, y + 10), Word("分值", 460, y + 10)})
      p->words.push_back(w);
  };
  PdfPage a = Grid(xs, {600, 630, 800}, {});
  header(&a, 600);
  for (auto w : {Word("预算执行率", 60, 640), Word("部门预算的执行情况，", 160, 785, 200),
                 Word("5", 460, 640)})
    a.words.push_back(w);
  PdfPage b = Grid(xs, {60, 90}, {}, 2);
  for (double x : xs) Rule(&b, x, 90, x, 800);
  header(&b, 60);
  b.words.push_back(Word("即是否按计划执行，", 160, 785, 200));
  PdfPage c = Grid(xs, {60, 90, 120, 150}, {}, 3);
  header(&c, 60);
  for (auto w :
       {Word("满分为止", 160, 95, 60), Word("资产管理", 60, 130), Word("3", 460, 130)})
    c.words.push_back(w);
  Layout l = LayoutOfPages({a, b, c});
  REQUIRE(l.tables.size() == 1);
  CHECK(Texts(l.tables[0]) ==
        Rows{{"指标", "说明", "分值"},
             {"预算执行率", "部门预算的执行情况，即是否按计划执行，满分为止", "5"},
             {"资产管理", "", "3"}});
}

TEST_CASE("pdf break: the rest of a cut row closed by one rule is the grid's") {
  // Page 2 shows the column rules from its top down to the one rule that
  // closes the cut row and the table; a paragraph follows.
  const std::vector<double> xs = kCutColumns;
  PdfPage a = CutRowFirstPage();
  PdfPage b = Page(2);
  for (double x : xs) Rule(&b, x, 60, x, 100);
  Rule(&b, 50, 100, 500, 100);
  b.words = {Word("即是否按计划执行", 160, 70, 200),
             Word("以上为评分表。", 60, 140, 100)};
  Layout l = LayoutOfPages({a, b});
  REQUIRE(l.tables.size() == 1);
  CHECK(Texts(l.tables[0]) ==
        Rows{{"指标", "说明", "分值"},
             {"预算执行率", "部门预算的执行情况，即是否按计划执行", "5"}});
}

TEST_CASE("pdf break: a table of horizontal rules goes on over the page in its columns") {
  // 三线表 cut by the page break: page 1 keeps the rule above and the one
  // under the header, its body running to the page's end; page 2 has only
  // the rule below. A note set in columns under that rule is no row of it.
  PdfPage a = Page();
  for (double y : {600.0, 625.0}) Rule(&a, 50, y, 450, y);
  a.words = {
      Word("项目", 60, 608),     Word("预算数", 200, 608), Word("决算数", 320, 608),
      Word("合计", 60, 640),     Word("100", 200, 640),    Word("90", 320, 640),
      Word("基本支出", 60, 665), Word("30", 200, 665),     Word("25", 320, 665),
      Word("人员经费", 60, 690), Word("20", 200, 690),     Word("15", 320, 690),
      Word("公用经费", 60, 715), Word("10", 200, 715),     Word("10", 320, 715)};
  PdfPage b = Page(2);
  Rule(&b, 50, 150, 450, 150);
  b.words = {Word("项目支出", 60, 110), Word("70", 200, 110),   Word("65", 320, 110),
             Word("其他支出", 60, 130), Word("0", 200, 130, 5), Word("0", 320, 130, 5),
             Word("注：单位", 60, 156), Word("万元", 130, 156), Word("见附表", 260, 156)};
  Layout l = LayoutOfPages({a, b});
  // The note stays out of the table (the unruled reading sets it apart).
  REQUIRE(!l.tables.empty());
  CHECK(Texts(l.tables[0]) == Rows{{"项目", "预算数", "决算数"},
                                   {"合计", "100", "90"},
                                   {"基本支出", "30", "25"},
                                   {"人员经费", "20", "15"},
                                   {"公用经费", "10", "10"},
                                   {"项目支出", "70", "65"},
                                   {"其他支出", "0", "0"}});
}

// Page 2's first column is one cell over the whole page, its rule at the
// left left out: its rows are spread over page 1's columns. Its last row's
// 说明 wraps down to the foot and goes on at page 3's top.
std::vector<PdfPage> CutRowUnderMergedColumn() {
  const std::vector<double> xs = {50, 100, 200, 350, 450};
  PdfPage a = Grid(xs, {100, 130, 160}, {});
  a.words = {Word("一级", 60, 110),        Word("指标", 110, 110),
             Word("说明", 210, 110),       Word("分值", 360, 110),
             Word("投入", 60, 140),        Word("指标甲", 110, 140, 30),
             Word("说明甲", 210, 140, 30), Word("3", 360, 140, 5)};
  PdfPage b = Grid({100, 200, 350, 450}, {60, 200}, {}, 2);
  Rule(&b, 50, 60, 50, 200);  // the merged column's left edge, drawn apart
  b.words = {Word("指标乙", 110, 65, 30), Word("说明乙", 210, 65, 30),
             Word("4", 360, 65, 5), Word("项目是否按照规定的", 210, 80, 90),
             Word("程序申请设立", 210, 185, 60)};
  PdfPage c = Grid(xs, {60, 90, 120}, {}, 3);
  c.words = {Word("与审批", 210, 65, 30), Word("过程", 60, 95),
             Word("指标丙", 110, 95, 30), Word("说明丙", 210, 95, 30),
             Word("5", 360, 95, 5)};
  return {a, b, c};
}

TEST_CASE(
    "pdf break: the cells open at the foot move with a row spread over more columns") {
  Layout l = LayoutOfPages(CutRowUnderMergedColumn());
  REQUIRE(l.tables.size() == 1);
  bool joined = false;
  for (const auto& r : Texts(l.tables[0]))
    joined =
        joined || (r.size() > 2 && r[2] == "说明乙项目是否按照规定的程序申请设立与审批");
  CHECK(joined);
}

}  // namespace
}  // namespace jx

namespace jx {
namespace {

// A producer that cuts pages at fixed heights draws the line the page's
// end runs through on both pages, or moves it on whole. Page 1 ends with a
// row whose 说明 cell shows its first line and, at the foot, its second,
// then the empty grid row the cut left; page 2 opens with an empty grid
// row, then the rest. `repeat`: page 2 prints the second line again, then
// goes on; `kRest`: it goes on with the third line; `kNewRow`: a row of its
// own follows the empty rows instead.
// The header 指标 | 说明 | 分值 and a first row 甲 on page 1, in the columns
// at 50, 150 and 450 of the grids below.
std::vector<PdfWord> HeadAndFirstRow() {
  return {Word("指标", 60, 610), Word("说明", 160, 610),       Word("分值", 460, 610),
          Word("甲", 60, 640),   Word("说明甲", 160, 640, 40), Word("3", 460, 640, 5)};
}

enum class Opening { kRepeat, kRest, kNewRow };

std::vector<PdfPage> ClippedRow(Opening opening) {
  const std::vector<double> xs = {50, 150, 450, 500};
  PdfPage a = Grid(xs, {600, 630, 660, 780, 800}, {});
  a.words = HeadAndFirstRow();
  for (auto w :
       {Word("财务监控有效性", 60, 665, 70), Word("项目实施单位是否为", 160, 665, 90),
        Word("保障资金的安全", 160, 768, 70), Word("2", 460, 665, 5)})
    a.words.push_back(w);
  PdfPage b = Grid(xs, {60, 80, 140, 170}, {}, 2);
  if (opening == Opening::kRepeat) b.words.push_back(Word("保障资金的安全", 160, 85, 70));
  if (opening == Opening::kNewRow)
    for (auto w :
         {Word("丙", 60, 100), Word("说明丙", 160, 100, 40), Word("5", 460, 100, 5)})
      b.words.push_back(w);
  else
    b.words.push_back(Word("规范运行的情况", 160, 100, 70));
  for (auto w :
       {Word("乙", 60, 145), Word("说明乙", 160, 145, 40), Word("4", 460, 145, 5)})
    b.words.push_back(w);
  return {a, b};
}

TEST_CASE("pdf break: a cut row's last line printed again opens its rest") {
  Layout l = LayoutOfPages(ClippedRow(Opening::kRepeat));
  REQUIRE(l.tables.size() == 1);
  CHECK(Texts(l.tables[0]) ==
        Rows{{"指标", "说明", "分值"},
             {"甲", "说明甲", "3"},
             {"财务监控有效性", "项目实施单位是否为保障资金的安全规范运行的情况", "2"},
             {"乙", "说明乙", "4"}});
}

TEST_CASE(
    "pdf break: the rest of a cut row after the empty rows the cut left is its own") {
  // Nothing repeats; the rest goes on mid-sentence in the one cell open at
  // the foot, and the score above has nothing below it.
  Layout l = LayoutOfPages(ClippedRow(Opening::kRest));
  REQUIRE(l.tables.size() == 1);
  CHECK(Texts(l.tables[0]) ==
        Rows{{"指标", "说明", "分值"},
             {"甲", "说明甲", "3"},
             {"财务监控有效性", "项目实施单位是否为保障资金的安全规范运行的情况", "2"},
             {"乙", "说明乙", "4"}});
}

TEST_CASE("pdf break: a row of its own after the empty rows stays a row") {
  Layout l = LayoutOfPages(ClippedRow(Opening::kNewRow));
  REQUIRE(l.tables.size() == 1);
  const auto rows = Texts(l.tables[0]);
  REQUIRE(rows.size() >= 4);
  CHECK(rows[2] == std::vector<std::string>{"财务监控有效性",
                                            "项目实施单位是否为保障资金的安全", "2"});
  bool apart = false;
  for (const auto& r : rows)
    apart = apart || r == std::vector<std::string>{"丙", "说明丙", "5"};
  CHECK(apart);
}

// A label merged over two rows, set in its middle, is cut by the page break
// between its lines: its first line ends page 1 beside the first row, whose
// 说明 goes on over the page; the second row's cells beside it are left
// empty (its text moved on whole). Page 2 draws the label's cell from above
// the page top, with the label's second line and the 说明's last one.
std::vector<PdfPage> CutMergedLabel() {
  const std::vector<double> xs = {50, 150, 450, 500};
  // The rule at 760 leaves the label's column open: its cell goes on.
  PdfPage a = Grid(xs, {600, 630, 660, 760, 800}, {{3, 0}});
  a.words = HeadAndFirstRow();
  for (auto w :
       {Word("项目实施单位是否为", 160, 665, 90), Word("保障资金的安全", 160, 745, 70),
        Word("2", 460, 705, 5), Word("财务监控有", 60, 785, 50)})
    a.words.push_back(w);
  PdfPage b = Grid(xs, {-20, 50, 90, 130}, {{1, 0}}, 2);
  for (auto w : {Word("效性", 60, 30), Word("规范运行的情况", 160, 30, 70),
                 Word("说明丁", 160, 60, 40), Word("1", 460, 60, 5), Word("乙", 60, 100),
                 Word("说明乙", 160, 100, 40), Word("4", 460, 100, 5)})
    b.words.push_back(w);
  return {a, b};
}

TEST_CASE("pdf break: a label merged over rows and cut between its lines stays whole") {
  Layout l = LayoutOfPages(CutMergedLabel());
  REQUIRE(l.tables.size() == 1);
  CHECK(Texts(l.tables[0]) ==
        Rows{{"指标", "说明", "分值"},
             {"甲", "说明甲", "3"},
             {"财务监控有效性", "项目实施单位是否为保障资金的安全规范运行的情况", "2"},
             {"", "说明丁", "1"},
             {"乙", "说明乙", "4"}});
}

// A grid ending page 1 (header, 甲) and going on at page 2's top (乙, 丙),
// the header not printed again. With `foot`, the 乙 label is drawn also just
// under page 1's last rule, clipped there (Calc prints a cell beside the
// break on both pages); with `head`, just above page 2's first rule.
std::vector<PdfPage> ClippedLabel(bool foot, bool head, const std::string& shown) {
  const std::vector<double> xs = {50, 150, 450, 500};
  PdfPage a = Grid(xs, {700, 730, 760}, {});
  a.words = {Word("指标", 60, 710), Word("说明", 160, 710),       Word("分值", 460, 710),
             Word("甲", 60, 740),   Word("说明甲", 160, 740, 40), Word("3", 460, 740, 5)};
  if (foot) a.words.push_back(Word(shown, 60, 762, 30));
  PdfPage b = Grid(xs, {60, 90, 120}, {}, 2);
  b.words = {Word("乙项目", 60, 70, 30),   Word("说明乙", 160, 70, 40),
             Word("4", 460, 70, 5),        Word("丙", 60, 100),
             Word("说明丙", 160, 100, 40), Word("2", 460, 100, 5)};
  if (head) b.words.push_back(Word(shown, 60, 48, 30));
  return {a, b};
}

TEST_CASE("pdf break: a cut cell drawn again past the grid's edge is no text between") {
  const Rows whole{{"指标", "说明", "分值"},
                   {"甲", "说明甲", "3"},
                   {"乙项目", "说明乙", "4"},
                   {"丙", "说明丙", "2"}};
  for (auto [foot, head] :
       {std::pair{true, false}, std::pair{false, true}, std::pair{true, true}}) {
    INFO(foot << head);
    Layout l = LayoutOfPages(ClippedLabel(foot, head, "乙项目"));
    REQUIRE(l.tables.size() == 1);
    CHECK(Texts(l.tables[0]) == whole);
    CHECK(l.tables[0].doubts.empty());
  }
  // Text the next page's first row does not hold is the page's own: it
  // stands between the pieces as before.
  Layout other = LayoutOfPages(ClippedLabel(true, false, "注：见附件"));
  CHECK(other.tables.size() == 2);
}

// A header row alone at page 1's foot, its 资产情况 cell merged over the
// two columns page 2's grid draws apart (期初, 期末), the body on page 2.
std::vector<PdfPage> HeaderParted(const std::string& over) {
  PdfPage a = Grid({50, 150, 450}, {760, 790}, {});
  a.words = {Word("项目", 60, 770), Word(over, 260, 770, 40)};
  PdfPage b = Grid({50, 150, 300, 450}, {60, 90, 120, 150}, {}, 2);
  b.words = {Word("期初", 160, 70), Word("期末", 310, 70),    Word("合计", 60, 100),
             Word("10", 160, 100, 10), Word("12", 310, 100, 10), Word("甲", 60, 130),
             Word("4", 160, 130, 5),   Word("5", 310, 130, 5)};
  return {a, b};
}

TEST_CASE("pdf break: a header the break parted from its body heads it in the finer grid") {
  Layout l = LayoutOfPages(HeaderParted("资产情况"));
  REQUIRE(l.tables.size() == 1);
  CHECK(Texts(l.tables[0]) == Rows{{"项目", "资产情况", ""},
                                   {"", "期初", "期末"},
                                   {"合计", "10", "12"},
                                   {"甲", "4", "5"}});
  CHECK(l.tables[0].doubts.empty());
  // A piece with a number in it is no bare header: two tables, as before.
  CHECK(LayoutOfPages(HeaderParted("2022")).tables.size() == 2);
}

// Page 1 ends with a line of text (and with `caption`, a table's caption)
// above its page number; page 2 opens with a grid.
Layout GridAfterPageNumber(bool caption) {
  PdfPage a = Page(1);
  a.words = {Word("本部门情况如下。", 60, 100, 80), Word("-1-", 290, 810, 15)};
  if (caption) a.words.push_back(Word("表1 收入决算表", 60, 760, 70));
  PdfPage b = Grid({50, 150, 300}, {100, 130, 160, 190}, {}, 2);
  b.words = {Word("项目", 60, 110),  Word("决算数", 160, 110, 30), Word("甲", 60, 140),
             Word("5", 160, 140, 5), Word("合计", 60, 170),        Word("5", 160, 170, 5),
             Word("-2-", 290, 810, 15)};
  return LayoutOfPages({a, b});
}

TEST_CASE("pdf break: a page number names no table but a caption before it still does") {
  Layout bare = GridAfterPageNumber(false);
  REQUIRE(bare.tables.size() == 1);
  CHECK(bare.tables[0].title.empty());
  Layout named = GridAfterPageNumber(true);
  REQUIRE(named.tables.size() == 1);
  CHECK(named.tables[0].title == "表1 收入决算表");
}

}  // namespace
}  // namespace jx
