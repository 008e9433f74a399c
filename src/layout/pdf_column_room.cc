// How much room an unruled table's inferred separators leave between the
// cells they part: the margin the columns doubt measures.
#include <algorithm>
#include <cmath>

#include "layout/internal.h"
#include "layout/pdf_internal.h"

namespace jx::layout::pdf {

namespace {

// Another line of the table starts a cell at `x` right of separator `sep`
// with room before it: the column's edge is seen where nothing crowds it.
bool EdgeSeenWithRoom(const std::vector<WordLine>& lines, const std::vector<size_t>& idx,
                      size_t self, double sep, double x) {
  int seen = 0;
  for (size_t j : idx) {
    if (j == self) continue;
    const WordLine& l = lines[j];
    auto w =
        std::find_if(l.begin(), l.end(), [&](const PdfWord* p) { return p->x0 >= sep; });
    if (w == l.end()) continue;
    const double size = LineSize(l);
    if (std::fabs((*w)->x0 - x) > kPdf.column_edge_em * size) continue;
    if (w != l.begin() &&
        ((*w)->x0 - (*(w - 1))->x1) / size < kPdf.cell_gap_em + kPdf.column_margin_em)
      continue;
    if (++seen >= kPdf.column_edge_lines) return true;
  }
  return false;
}

}  // namespace

ColumnRoom MeasureColumnRoom(const std::vector<WordLine>& lines,
                             const std::vector<size_t>& idx,
                             const std::vector<double>& seps) {
  ColumnRoom room;
  const double need = kPdf.cell_gap_em + kPdf.column_margin_em;
  for (size_t i : idx) {
    const WordLine& l = lines[i];
    const double size = LineSize(l);
    for (size_t k = 0; k + 1 < l.size(); ++k) {
      // A gap with a separator in it (separators are in order). After a
      // number the cells part whatever the gap (`Build`): no margin.
      auto s = std::lower_bound(seps.begin(), seps.end(), l[k]->x1);
      const bool parted = s != seps.end() && *s <= l[k + 1]->x0;
      if (parted && !LooksNumeric(l[k]->text)) {
        const double gap = (l[k + 1]->x0 - l[k]->x1) / size;
        // A cell filled to its column's edge leaves only its padding; the
        // edge is sure where another row starts a cell there with room. A
        // gap narrower than padding is text run up to the next column.
        if (gap < need && gap >= kPdf.column_padding_em &&
            EdgeSeenWithRoom(lines, idx, i, *s, l[k + 1]->x0))
          continue;
        room.margin = std::min(room.margin, gap);
      } else if (!parted && WideGap(*l[k], *l[k + 1]) && LooksNumeric(l[k + 1]->text)) {
        // Two numbers a wide gap apart in one cell are two columns' values;
        // so is a label and a number after it ("合计 141"): a number set at
        // the left of its column, close to the label before it, taken into
        // the label's cell, each value after it one column off.
        room.two_values = true;
      }
    }
  }
  return room;
}

}  // namespace jx::layout::pdf
