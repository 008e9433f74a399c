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

}  // namespace
}  // namespace jx
