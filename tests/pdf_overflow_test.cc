// A grid printed at fixed row heights lets a cell's text taller than its
// row run across the row's rule; the word the rule cuts goes back to the
// row its cell sits in, as the grid's other cells show it sets text.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "pdf_pages.h"

namespace jx {
namespace {

using test::Grid;
using test::LayoutOfPages;
using test::Word;

// Rows of 20, 30, 20 and 40pt, text set at the top of its cell (2pt under
// the rule), or with `foot` at its foot (2pt over the rule). 基本支出 takes
// two lines in a row of one line's height: at the top its second line runs
// down over the rule below, at the foot its first line up over the rule
// above, the line's middle past the rule either way.
PdfPage FixedRowsGrid(bool foot) {
  const std::vector<double> ys = {100, 120, 150, 170, 210};
  PdfPage p = Grid({50, 200, 400}, ys, {});
  auto at = [&](size_t row) { return foot ? ys[row + 1] - 12 : ys[row] + 2; };
  p.words = {Word("项目", 60, at(0)),
             Word("金额（元）", 210, at(0), 50),
             Word("合计", 60, at(1)),
             Word("100", 210, at(1)),
             Word("基本", 60, foot ? 144 : 152),
             Word("支出", 60, foot ? 158 : 165),
             Word("30", 210, at(2)),
             Word("项目支出", 60, at(3)),
             Word("40", 210, at(3))};
  return p;
}

TEST_CASE("pdf overflow: a line run over its row rule goes back to its cell's row") {
  for (bool foot : {false, true}) {
    Layout l = LayoutOfPages({FixedRowsGrid(foot)});
    REQUIRE(l.tables.size() == 1);
    const auto& rows = l.tables[0].rows;
    REQUIRE(rows.size() == 4);
    CHECK(rows[1][0].text == "合计");
    CHECK(rows[2][0].text == "基本支出");
    CHECK(rows[3][0].text == "项目支出");
    for (const auto& row : rows) CHECK(row[0].doubt.empty());
  }
}

}  // namespace
}  // namespace jx

namespace jx {
namespace {

// A grid of one-line rows whose third row's label takes two lines set at the
// cell's foot: its first line is drawn wholly over the row above, on that
// row's own label (`over`), or, narrower, beside it.
PdfPage OverdrawnGrid(bool over) {
  PdfPage p = Grid({50, 200, 400}, {100, 120, 140, 160, 180}, {});
  p.words = {Word("项目", 60, 106),
             Word("金额（元）", 210, 106, 50),
             Word("合计", 60, 126),
             Word("100", 210, 126),
             Word("一、基本支", over ? 55 : 110, 128, over ? 50 : 40),
             Word("出", 60, 146, 10),
             Word("30", 210, 146),
             Word("项目支出", 60, 166),
             Word("40", 210, 166)};
  return p;
}

// Whether any row of a table carries the rows doubt.
bool RowsDoubted(const Table& t, size_t from, size_t to) {
  bool any = false;
  for (size_t r = from; r < to && r < t.rows.size(); ++r)
    for (const Cell& c : t.rows[r]) any = any || c.doubt == kDoubtRows;
  return any;
}

TEST_CASE("pdf doubt: text drawn over another cell's text doubts the rows beside it") {
  Layout l = LayoutOfPages({OverdrawnGrid(true)});
  REQUIRE(l.tables.size() == 1);
  const Table& t = l.tables[0];
  REQUIRE(t.rows.size() == 4);
  // 合计's cell holds the drawn-over text: its row and the rows either side.
  CHECK(RowsDoubted(t, 0, 1));
  CHECK(RowsDoubted(t, 1, 2));
  CHECK(RowsDoubted(t, 2, 3));
  CHECK_FALSE(RowsDoubted(t, 3, 4));
  CHECK_FALSE(test::Has(t.doubts, kDoubtRows));
  // Side by side, not over each other: no doubt from it.
  Layout beside = LayoutOfPages({OverdrawnGrid(false)});
  REQUIRE(beside.tables.size() == 1);
  CHECK_FALSE(RowsDoubted(beside.tables[0], 0, 4));
  // A bold face drawn twice, a hair apart, is the same text: no doubt.
  PdfPage bold = Grid({50, 200, 400}, {100, 120, 140, 160}, {});
  bold.words = {Word("项目", 60, 106), Word("金额（元）", 210, 106, 50),
                Word("合计", 60, 126), Word("合计", 60.3, 126.2),
                Word("100", 210, 126), Word("项目支出", 60, 146),
                Word("40", 210, 146)};
  Layout b = LayoutOfPages({bold});
  REQUIRE(b.tables.size() == 1);
  CHECK_FALSE(RowsDoubted(b.tables[0], 0, 3));
}

}  // namespace
}  // namespace jx
