// A hierarchy label at a page break: a piece that goes on with the table on
// the next page and leaves a named hierarchy column blank on its first row
// may be the rest of the label above the break or the head of a label set
// lower, centred over its rows; the rows between are doubted.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "pdf_pages.h"
#include "test_util.h"

namespace jx {
namespace {

using test::LayoutOfPages;
using test::Page;

const std::vector<double> kXs = {50, 150, 260, 400, 460};

void Row(PdfPage* p, double y, const std::vector<std::string>& cells) {
  for (size_t c = 0; c < cells.size(); ++c)
    if (!cells[c].empty())
      p->words.push_back(test::Word(cells[c], kXs[c], y,
                                    10.0 * static_cast<double>(cells[c].size()) / 3));
}

PdfPage First() {
  PdfPage p = Page(1);
  Row(&p, 700, {"一级指标", "二级指标", "三级指标", "分值", "得分"});
  Row(&p, 720, {"产出指标", "数量指标", "接种人次", "10", "10"});
  Row(&p, 740, {"", "", "覆盖人数", "10", "9"});
  Row(&p, 760, {"", "质量指标", "合格比例", "10", "10"});
  Row(&p, 780, {"效益指标", "效果指标", "群众评价", "10", "10"});
  return p;
}

// The next page's rows; `label_first`: the 二级指标 label 公平指标 is on the
// piece's first row, else on its second.
PdfPage Second(bool label_first) {
  PdfPage p = Page(2);
  Row(&p, 60, {"", label_first ? "公平指标" : "", "信访办理", "3", "3"});
  Row(&p, 80, {"", label_first ? "" : "公平指标", "满意程度", "6", "4"});
  Row(&p, 100, {"", "", "投诉处理", "4", "4"});
  Row(&p, 120, {"总分", "", "", "53", "50"});
  return p;
}

// The doubt of each row of the table holding 信访办理.
std::vector<std::string> RowDoubts(const Layout& l) {
  for (const Table& t : l.tables) {
    bool here = false;
    for (const auto& row : t.rows)
      for (const Cell& c : row) here = here || c.text == "信访办理";
    if (!here) continue;
    std::vector<std::string> out;
    for (const auto& row : t.rows) out.push_back(row.empty() ? "" : row[0].doubt.str());
    return out;
  }
  return {};
}

size_t RowOf(const Layout& l, const std::string& text) {
  for (const Table& t : l.tables)
    for (size_t r = 0; r < t.rows.size(); ++r)
      for (const Cell& c : t.rows[r])
        if (c.text == text) return r;
  return SIZE_MAX;
}

TEST_CASE(
    "pdf break label: a blank hierarchy cell opening a page is doubted to its label") {
  Layout l = LayoutOfPages({First(), Second(false)});
  REQUIRE(l.tables.size() == 1);
  std::vector<std::string> d = RowDoubts(l);
  const size_t first = RowOf(l, "信访办理"), label = RowOf(l, "满意程度");
  REQUIRE(label < d.size());
  CHECK(d[first] == kDoubtLabels);
  CHECK(d[label] == kDoubtLabels);
  CHECK(d[RowOf(l, "投诉处理")].empty());
  CHECK(d[RowOf(l, "接种人次")].empty());
}

TEST_CASE("pdf break label: a piece whose first row names its label is not doubted") {
  Layout l = LayoutOfPages({First(), Second(true)});
  REQUIRE(l.tables.size() == 1);
  for (const std::string& d : RowDoubts(l)) CHECK(d.empty());
}

}  // namespace
}  // namespace jx
