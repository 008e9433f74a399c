// How much room an unruled table's columns leave between cells, and what
// doubts them: a cell filled to its column's edge is no doubt where another
// row starts a cell at that edge with room; text run up to the next column
// is; a header cell of several labels run together doubts the columns.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "layout/pdf_internal.h"
#include "pdf_pages.h"
#include "test_util.h"

namespace jx {
namespace {

using test::Has;
using test::LayoutOfPages;
using test::Page;
using test::Word;

// A form of three columns, rows 30pt apart, 10pt words. The first row's
// label ends `gap` points before the second column; the other rows start
// their second cell at `edge`.
PdfPage Form(double gap, double edge, double amount_size = 10) {
  PdfPage p = Page();
  p.words.push_back(Word("项目名称", 60, 100, 200 - gap - 60));
  p.words.push_back(Word("乡村道路养护", 200, 100, 60));
  p.words.push_back(Word("100", 400, 100));
  p.words.back().size = amount_size;
  const char* labels[] = {"主管部门", "实施单位", "项目负责人"};
  const char* values[] = {"某区交通局", "某区公路站", "张三"};
  for (int r = 0; r < 3; ++r) {
    const double y = 130 + 30 * r;
    p.words.push_back(Word(labels[r], 60, y, 40));
    p.words.push_back(Word(values[r], edge, y, 50));
    p.words.push_back(Word(std::to_string(20 + r), 400, y));
  }
  return p;
}

TEST_CASE("pdf column room: a cell filled to an edge other rows start at is no doubt") {
  // 6pt: more than a cell gap, less than the gap and the columns' margin.
  Layout l = LayoutOfPages({Form(6, 200)});
  REQUIRE(l.tables.size() == 1);
  REQUIRE(l.tables[0].rows.size() == 4);
  CHECK(l.tables[0].rows[0][1].text == "乡村道路养护");
  CHECK_FALSE(Has(l.tables[0].doubts, kDoubtColumns));
}

TEST_CASE("pdf column room: a narrow gap at an edge no other row shows is a doubt") {
  // The other rows start their second cell 10pt further right: the edge
  // after the first row's label is seen nowhere else.
  Layout l = LayoutOfPages({Form(6, 210)});
  REQUIRE(l.tables.size() == 1);
  CHECK(Has(l.tables[0].doubts, kDoubtColumns));
}

TEST_CASE("pdf column room: a gap narrower than padding is a doubt at any edge") {
  // The first row's line set in 20pt type (its amount): the 6pt gap is
  // 0.3 em of it, narrower than two cells' padding, text run up to the
  // next column, though the other rows start a cell at that edge.
  Layout l = LayoutOfPages({Form(6, 200, 20)});
  REQUIRE(l.tables.size() == 1);
  CHECK(Has(l.tables[0].doubts, kDoubtColumns));
}

// An indicator table whose third header cell is `third`.
PdfPage Indicators(const std::string& third) {
  PdfPage p = Page();
  p.words = {Word("一级指标", 60, 100, 40), Word("三级指标", 160, 100, 40),
             Word(third, 260, 100, 120), Word("得分", 420, 100)};
  const char* l1[] = {"产出指标", "效益指标", "满意度指标"};
  const char* l3[] = {"接种人次", "知晓率", "家长满意度"};
  for (int r = 0; r < 3; ++r) {
    const double y = 130 + 30 * r;
    p.words.push_back(Word(l1[r], 60, y, 50));
    p.words.push_back(Word(l3[r], 160, y, 50));
    p.words.push_back(Word(std::to_string(10 + r), 300, y));
    p.words.push_back(Word(std::to_string(8 + r), 420, y));
  }
  return p;
}

TEST_CASE(
    "pdf column room: a header cell of three labels run together doubts the columns") {
  Layout l = LayoutOfPages({Indicators("年度目标值实际完成值分值")});
  REQUIRE(l.tables.size() == 1);
  REQUIRE(l.tables[0].header_rows == 1);
  CHECK(Has(l.tables[0].doubts, kDoubtColumns));
}

TEST_CASE("pdf column room: one label or a compound of two leaves the columns sure") {
  for (const char* third : {"年度目标值", "项目资金（万元）"}) {
    Layout l = LayoutOfPages({Indicators(third)});
    REQUIRE(l.tables.size() == 1);
    CHECK_FALSE(Has(l.tables[0].doubts, kDoubtColumns));
  }
}

// A label and a number a wide gap after it in one cell, with no separator
// between them ("合计 141": a number set at the left of its column, taken
// into the label's cell): two columns' values, as two numbers would be.
TEST_CASE("pdf column room: a number a wide gap after a label in one cell doubts") {
  const PdfWord label = Word("合计", 60, 130), number = Word("141", 100, 130, 15),
                second = Word("140", 160, 130, 15);
  const std::vector<layout::pdf::WordLine> lines = {{&label, &number, &second}};
  // A separator between the two numbers only.
  const std::vector<double> seps = {140};
  CHECK(layout::pdf::MeasureColumnRoom(lines, {0}, seps).two_values);
  // The same label with its number a word's space after it is one cell.
  const PdfWord near = Word("141", 82, 130, 15);
  const std::vector<layout::pdf::WordLine> one = {{&label, &near, &second}};
  CHECK_FALSE(layout::pdf::MeasureColumnRoom(one, {0}, seps).two_values);
}

}  // namespace
}  // namespace jx
