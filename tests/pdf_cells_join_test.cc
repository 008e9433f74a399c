// Unruled cells whose lines a reading could give to one row or two: a
// number its column's width cut before its last digits ("6,874,309.5" over
// "9") is one cell's two lines, not two rows' values, where the number
// fills its column and the digits lie at the cell's leading, closer than
// the column sets two rows' numbers.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "pdf_pages.h"

namespace jx {
namespace {

using test::Has;
using test::LayoutOfPages;
using test::Page;
using test::Word;

// Three columns, rows 30pt apart (20pt between their lines). The middle
// column's first number wraps its last digit onto a line 1pt under it;
// `widest` is the width of the column's widest other number; `tight`: the
// column's last cell holds two numbers 1pt apart, as its rows' values
// would lie in a table set without padding (the lower one the head of a
// number cut in its turn, so that it alone raises no doubt).
PdfPage WrappedNumber(double widest, bool tight) {
  PdfPage p = Page();
  const std::vector<std::string> names = {"一、基本支出", "人员经费", "公用经费",
                                          "二、项目支出"};
  const std::vector<std::string> values = {"1,000.00", "0.20", "0.20"};
  for (int r = 0; r < 4; ++r) {
    const double y = 100 + 30 * r;
    p.words.push_back(Word(names[static_cast<size_t>(r)], 60, y, 60));
    p.words.push_back(Word(std::to_string(10 + r) + ".00", 400, y, 30));
    if (r == 0) continue;
    p.words.push_back(
        Word(values[static_cast<size_t>(r - 1)], 200, y, r == 1 ? widest : 30));
  }
  p.words.push_back(Word("6,874,309.5", 200, 100, 50));
  p.words.push_back(Word("9", 200, 111, 5));
  if (tight) p.words.push_back(Word("2,000,00", 200, 201, 40));
  return p;
}

TEST_CASE("pdf cells: a number cut before its last digit is one cell") {
  Layout l = LayoutOfPages({WrappedNumber(50, false)});
  REQUIRE(l.tables.size() == 1);
  const auto& rows = l.tables[0].rows;
  REQUIRE(rows.size() == 4);
  CHECK(rows[0][1].text == "6,874,309.59");
  CHECK(rows[1][1].text == "1,000.00");
  CHECK_FALSE(Has(l.tables[0].doubts, kDoubtRows));
}

TEST_CASE("pdf cells: digits under a number that leaves room beside it stay in doubt") {
  // The column's widest number is wider than the cut one and a digit: the
  // upper number did not fill its column, so "9" under it is no cut digit
  // but two rows' values one cell took.
  Layout l = LayoutOfPages({WrappedNumber(70, false)});
  REQUIRE(l.tables.size() == 1);
  CHECK(Has(l.tables[0].doubts, kDoubtRows));
}

TEST_CASE("pdf cells: digits at the column's rows' gap stay in doubt") {
  // Two numbers of the column lie as close as the digits under the cut
  // one: this column sets rows at that gap, so the digits may be a row.
  Layout l = LayoutOfPages({WrappedNumber(50, true)});
  REQUIRE(l.tables.size() == 1);
  CHECK(Has(l.tables[0].doubts, kDoubtRows));
}

}  // namespace
}  // namespace jx
