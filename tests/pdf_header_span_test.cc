// Columns and rows of unruled tables where the producer's rounding or its
// tight padding leaves the usual measures a hair short: rows whose gaps
// differ by a renderer's rounding, a value set right against the next
// column's dash.
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
using test::Texts;
using test::Word;

using Rows = std::vector<std::vector<std::string>>;

PdfWord Box(const std::string& text, double x, double y, double w, double h) {
  PdfWord pw = Word(text, x, y, w);
  pw.y1 = y + h;
  return pw;
}

TEST_CASE(
    "pdf header span: a label row a rounding closer than the numbers' rows is no "
    "leading") {
  // Rows 1.5pt apart, boxes 13pt tall, a wrapped label 10.5pt pitch inside
  // its cell. The labels' boxes are a thousandth of a point taller than the
  // numbers' (another font): their gap falls a hair under the rows' gap
  // the numbers show, which is still the rows' gap, not a third kind.
  const double h = 13, pitch = 14.5;
  PdfPage p = Page();
  p.words = {Box("项目", 60, 100, 20, h), Box("年初预算数", 160, 100, 50, h),
             Box("决算数", 260, 100, 30, h)};
  const Rows body = {{"一、基本支出", "100.00", "98.00"},
                     {"人员经费", "60.00", "58.00"},
                     {"公用经费", "40.00", "40.00"},
                     {"合计", "100.00", "98.00"}};
  double y = 100 + pitch;
  for (size_t r = 0; r < body.size(); ++r) {
    if (r == 0) {
      p.words.push_back(Box("一、基本支", 60, y, 50, h + 0.001));
      p.words.push_back(Box("出", 60, y + 10.5, 10, h + 0.001));
    } else {
      p.words.push_back(Box(body[r][0], 60, y, 40, h + 0.001));
    }
    p.words.push_back(Box(body[r][1], 160, y, 30, h));
    p.words.push_back(Box(body[r][2], 260, y, 25, h));
    y += pitch + (r == 0 ? 10.5 : 0);
  }
  Layout l = LayoutOfPages({p});
  REQUIRE(l.tables.size() == 1);
  const Rows want = {{"项目", "年初预算数", "决算数"},
                     {"一、基本支出", "100.00", "98.00"},
                     {"人员经费", "60.00", "58.00"},
                     {"公用经费", "40.00", "40.00"},
                     {"合计", "100.00", "98.00"}};
  CHECK(Texts(l.tables[0]) == want);
}

// A funds block over an indicator block, padding a point: the amounts set
// right end 2pt before the 分值 column's dashes set left, closer than a
// cell gap. The indicator rows show the column's edge there.
PdfPage FundsOverIndicators(const std::string& after_amount) {
  PdfPage p = Page();
  double y = 100;
  auto row = [&](std::vector<PdfWord> ws) {
    for (PdfWord& w : ws) {
      w.y0 += y, w.y1 += y;
      p.words.push_back(w);
    }
    y += 16;
  };
  row({Word("项目", 40, 0, 20), Word("执行数", 260, 0, 30), Word("分值", 340, 0, 20),
       Word("执行率", 400, 0, 30)});
  row({Word("资金总额", 40, 0, 40), Word("180.00", 314, 0, 24), Word("10", 380, 0, 10),
       Word("75.00%", 400, 0, 30)});
  row({Word("当年拨款", 40, 0, 40), Word("180.00", 314, 0, 24),
       Word(after_amount, 340, 0, 10), Word("75.00%", 400, 0, 30)});
  row({Word("上年结转", 40, 0, 40), Word("0.00", 322, 0, 16),
       Word(after_amount, 340, 0, 10), Word("—", 400, 0, 10)});
  row({Word("指标", 40, 0, 20), Word("指标值", 260, 0, 30), Word("实际值", 340, 0, 30),
       Word("分值", 400, 0, 20)});
  for (int k = 0; k < 9; ++k)
    row({Word("指标" + std::to_string(k), 40, 0, 30), Word("≥100人", 260, 0, 30),
         Word("90人", 340, 0, 20), Word("10", 420, 0, 10)});
  return p;
}

TEST_CASE("pdf header span: a number set against the next column's dash ends its cell") {
  Layout l = LayoutOfPages({FundsOverIndicators("—")});
  REQUIRE(l.tables.size() == 1);
  const Rows rows = Texts(l.tables[0]);
  REQUIRE(rows.size() >= 4);
  CHECK(rows[0] == std::vector<std::string>{"项目", "执行数", "分值", "执行率"});
  CHECK(rows[2] == std::vector<std::string>{"当年拨款", "180.00", "—", "75.00%"});
  CHECK(rows[3] == std::vector<std::string>{"上年结转", "0.00", "—", "—"});
}

TEST_CASE("pdf header span: a unit set after a number stays with it") {
  // The same geometry with "户" after the amounts: a quantity's unit, one
  // cell with its number, so the amounts' column does not end there.
  Layout l = LayoutOfPages({FundsOverIndicators("户")});
  REQUIRE(l.tables.size() == 1);
  const Rows rows = Texts(l.tables[0]);
  REQUIRE(rows.size() >= 4);
  bool joined = false;
  for (const auto& r : rows)
    for (const auto& c : r) joined = joined || c == "0.00户";
  CHECK(joined);
}

}  // namespace
}  // namespace jx

namespace jx {
namespace {

// Two header rows over values set left, labels centred: 期初 over 数量 and
// 原值, 本期增加 over the next two. Each parent's middle lies in the second
// column of its span, where the values' gaps put the separators.
PdfPage TwoLevelHeader(double parent_shift) {
  PdfPage p = test::Page();
  auto w = [&](const std::string& t, double x, double y, double wd) {
    p.words.push_back(test::Word(t, x, y, wd));
  };
  w("期初", 280 + parent_shift, 100, 20);
  w("本期增加", 470 + parent_shift, 100, 40);
  w("项目", 40, 116, 20);
  w("数量", 230, 116, 20);
  w("原值", 330, 116, 20);
  w("数量", 430, 116, 20);
  w("原值", 530, 116, 20);
  const std::vector<std::string> labels = {"合计", "通用设备", "专用设备"};
  for (size_t r = 0; r < labels.size(); ++r) {
    const double y = 132 + 16 * static_cast<double>(r);
    w(labels[r], 40, y, 40);
    w("1,410.00", 200, y, 50);
    w("5,477.00", 300, y, 50);
    w("100.00", 400, y, 40);
    w("200.00", 500, y, 40);
  }
  return p;
}

TEST_CASE("pdf header span: a label centred over two columns goes to the first of them") {
  Layout l = test::LayoutOfPages({TwoLevelHeader(0)});
  REQUIRE(l.tables.size() == 1);
  const auto rows = test::Texts(l.tables[0]);
  REQUIRE(rows.size() == 5);
  CHECK(rows[0] == std::vector<std::string>{"", "期初", "", "本期增加", ""});
  CHECK(rows[1] == std::vector<std::string>{"项目", "数量", "原值", "数量", "原值"});
  CHECK(rows[2] ==
        std::vector<std::string>{"合计", "1,410.00", "5,477.00", "100.00", "200.00"});
  // The header then reads as the text's: 期初 over 数量 and 原值.
  const Section& s = l.tables[0].sections.at(0);
  REQUIRE(s.columns.size() == 5);
  CHECK(s.columns[1].label == "期初/数量");
  CHECK(s.columns[2].label == "期初/原值");
  CHECK(s.columns[4].label == "本期增加/原值");
}

TEST_CASE("pdf header span: a label centred on its own column stays") {
  // The parents set 50pt right: each is centred on the second column alone.
  Layout l = test::LayoutOfPages({TwoLevelHeader(50)});
  REQUIRE(l.tables.size() == 1);
  const auto rows = test::Texts(l.tables[0]);
  REQUIRE(rows.size() == 5);
  CHECK(rows[0] == std::vector<std::string>{"", "", "期初", "", "本期增加"});
}

}  // namespace
}  // namespace jx

namespace jx {
namespace {

TEST_CASE("pdf header span: a number wrapped over three lines is no two rows' values") {
  // A narrow column wraps "2,400,000.00" as "2,400," "000.0" "0": the
  // pieces after the first open with a zero before a digit, which no
  // number printed whole does, so the cell is not read as two values.
  PdfPage p = test::Page();
  auto w = [&](const std::string& t, double x, double y, double wd) {
    p.words.push_back(test::Word(t, x, y, wd));
  };
  w("项目", 60, 100, 20);
  w("全年预算", 160, 100, 40);
  w("执行率", 260, 100, 30);
  w("年度资金总额", 60, 120, 60);
  w("2,400,", 160, 120, 30);
  w("000.0", 163, 131, 27);
  w("0", 185, 142, 5);
  w("75.00%", 260, 120, 30);
  w("其中：拨款", 60, 162, 50);
  w("100.00", 160, 162, 30);
  w("80.00%", 260, 162, 30);
  w("其他资金", 60, 182, 40);
  w("0.00", 170, 182, 20);
  w("—", 260, 182, 10);
  Layout l = test::LayoutOfPages({p});
  REQUIRE(l.tables.size() == 1);
  const Table& t = l.tables[0];
  CHECK(std::find(t.doubts.begin(), t.doubts.end(), kDoubtRows) == t.doubts.end());
  const auto rows = test::Texts(t);
  REQUIRE(rows.size() == 4);
  CHECK(rows[1] == std::vector<std::string>{"年度资金总额", "2,400,000.00", "75.00%"});
}

}  // namespace
}  // namespace jx

namespace jx {
namespace {

TEST_CASE("pdf header span: a frame round a table bounds its rows") {
  // A justified sentence right above a table drawn in an outer frame only:
  // its stretched spaces set it in segments like a row's, a line's height
  // above the header. The frame says where the table starts.
  PdfPage p = test::Page();
  auto w = [&](const std::string& t, double x, double y, double wd) {
    p.words.push_back(test::Word(t, x, y, wd));
  };
  w("我中心", 60, 100, 30);
  w("2022", 130, 100, 20);
  w("年基本支出决算数为", 190, 100, 90);
  w("98.00", 320, 100, 25);
  w("万元。", 370, 100, 30);
  test::Rule(&p, 55, 114, 400, 114);
  test::Rule(&p, 55, 190, 400, 190);
  test::Rule(&p, 55, 114, 55, 190);
  test::Rule(&p, 400, 114, 400, 190);
  w("项目", 60, 120, 20);
  w("年初预算数", 160, 120, 50);
  w("决算数", 260, 120, 30);
  const std::vector<std::vector<std::string>> body = {{"一、基本支出", "100.00", "98.00"},
                                                      {"人员经费", "60.00", "58.00"},
                                                      {"合计", "100.00", "98.00"}};
  for (size_t r = 0; r < body.size(); ++r) {
    const double y = 136 + 16 * static_cast<double>(r);
    w(body[r][0], 60, y, 60);
    w(body[r][1], 160, y, 30);
    w(body[r][2], 260, y, 25);
  }
  Layout l = test::LayoutOfPages({p});
  REQUIRE(l.tables.size() == 1);
  const auto rows = test::Texts(l.tables[0]);
  REQUIRE(rows.size() == 4);
  CHECK(rows[0] == std::vector<std::string>{"项目", "年初预算数", "决算数"});
  CHECK(rows[3] == std::vector<std::string>{"合计", "100.00", "98.00"});
}

}  // namespace
}  // namespace jx

namespace jx {
namespace {

TEST_CASE("pdf header span: a labelless row under a cut row's numbers doubts both") {
  // A grid's last row on page 1 ends "1" and "54."; page 2 opens the same
  // grid with a row of no label, "41" and "17" under them: the rest of one
  // row cut through its numbers, or a row of its own? Both rows are doubted.
  const std::vector<double> xs = {50, 200, 300, 400};
  PdfPage p1 = test::Grid(xs, {700, 720, 740, 760}, {}, 1);
  auto w = [](PdfPage* p, const std::string& t, double x, double y) {
    p->words.push_back(test::Word(t, x, y, 20));
  };
  w(&p1, "项目", 60, 705);
  w(&p1, "数量", 210, 705);
  w(&p1, "原值", 310, 705);
  w(&p1, "通用设备", 60, 725);
  w(&p1, "28", 210, 725);
  w(&p1, "18.39", 310, 725);
  w(&p1, "合计", 60, 745);
  w(&p1, "1", 210, 745);
  w(&p1, "54.", 310, 745);
  PdfPage p2 = test::Grid(xs, {60, 80, 100}, {}, 2);
  w(&p2, "41", 210, 65);
  w(&p2, "17", 310, 65);
  w(&p2, "专用设备", 60, 85);
  w(&p2, "0", 210, 85);
  w(&p2, "0.00", 310, 85);
  Layout l = test::LayoutOfPages({p1, p2});
  REQUIRE(l.tables.size() == 1);
  const Table& t = l.tables[0];
  size_t cut = t.rows.size();
  for (size_t r = 0; r < t.rows.size(); ++r)
    if (!t.rows[r].empty() && t.rows[r][0].text == "合计") cut = r;
  REQUIRE(cut + 2 < t.rows.size());
  CHECK(t.rows[cut][1].doubt == kDoubtRows);
  CHECK(t.rows[cut + 1][1].text == "41");
  CHECK(t.rows[cut + 1][1].doubt == kDoubtRows);
  // The rows before and after are sure.
  CHECK(t.rows[cut - 1][1].doubt.empty());
  CHECK(t.rows[cut + 2][1].doubt.empty());
}

}  // namespace
}  // namespace jx
