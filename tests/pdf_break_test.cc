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

}  // namespace
}  // namespace jx

namespace jx {
namespace {

// A producer that cuts pages at fixed heights draws the line the page's
// end runs through on both pages. Page 1 ends with a row whose 说明 cell
// shows its first line and, clipped at the foot, its second, then the empty
// grid row the cut left; page 2 opens with an empty grid row, then that
// second line again and the rest of the cell. `repeat`: page 2 prints the
// second line again (else it goes on with the third).
std::vector<PdfPage> ClippedRow(bool repeat) {
  const std::vector<double> xs = {50, 150, 450, 500};
  PdfPage a = Grid(xs, {600, 630, 660, 780, 800}, {});
  a.words = {Word("指标", 60, 610),
             Word("说明", 160, 610),
             Word("分值", 460, 610),
             Word("甲", 60, 640),
             Word("说明甲", 160, 640, 40),
             Word("3", 460, 640, 5),
             Word("财务监控有效性", 60, 665, 70),
             Word("项目实施单位是否为", 160, 665, 90),
             Word("保障资金的安全", 160, 768, 70),
             Word("2", 460, 665, 5)};
  PdfPage b = Grid(xs, {60, 80, 140, 170}, {}, 2);
  if (repeat) b.words.push_back(Word("保障资金的安全", 160, 85, 70));
  for (auto w : {Word("规范运行的情况", 160, 100, 70), Word("乙", 60, 145),
                 Word("说明乙", 160, 145, 40), Word("4", 460, 145, 5)})
    b.words.push_back(w);
  return {a, b};
}

TEST_CASE("pdf break: a cut row's last line printed again opens its rest") {
  Layout l = LayoutOfPages(ClippedRow(true));
  REQUIRE(l.tables.size() == 1);
  CHECK(Texts(l.tables[0]) ==
        Rows{{"指标", "说明", "分值"},
             {"甲", "说明甲", "3"},
             {"财务监控有效性", "项目实施单位是否为保障资金的安全规范运行的情况", "2"},
             {"乙", "说明乙", "4"}});
}

TEST_CASE("pdf break: without a line printed again the empty rows stay between") {
  // Nothing repeats: whether the text under the empty rows is the cut
  // row's rest is not shown, so the rows stay as printed.
  Layout l = LayoutOfPages(ClippedRow(false));
  REQUIRE(l.tables.size() == 1);
  const auto rows = Texts(l.tables[0]);
  REQUIRE(rows.size() >= 3);
  CHECK(rows[2] == std::vector<std::string>{"财务监控有效性",
                                            "项目实施单位是否为保障资金的安全", "2"});
  bool rest_apart = false;
  for (const auto& r : rows) rest_apart = rest_apart || r[1] == "规范运行的情况";
  CHECK(rest_apart);
}

}  // namespace
}  // namespace jx
