// A table drawn with horizontal rules only (三线表: a rule above, one under
// the header, one below) shows its rows' extent but not its columns. This
// file takes runs of such rules that no grid holds and reads the lines
// between the first and the last rule as one table: columns from the
// alignment of the body lines (below the second rule), the header placed on
// them. Lines outside stay for the unruled reading.
#include <cmath>

#include "layout/pdf_internal.h"

namespace jx::layout::pdf {
namespace {

struct HRule {
  double y, x0, x1;
};

}  // namespace

void ReadThreeLine(const PdfPage& page, std::vector<WordLine>* lines,
                   std::vector<PageTable>* tables) {
  std::vector<HRule> hs;
  for (const PdfRule& r : page.rules) {
    if (!r.horizontal()) continue;
    HRule h{(r.y0 + r.y1) / 2, r.x0, r.x1};
    bool in_grid = false;
    for (const PageTable& t : *tables)
      in_grid = in_grid || (t.ruled && h.y >= t.box.y0 - kPdf.rule_tolerance &&
                            h.y <= t.box.y1 + kPdf.rule_tolerance && h.x0 < t.box.x1 &&
                            h.x1 > t.box.x0);
    if (!in_grid) hs.push_back(h);
  }
  if (hs.size() < 3) return;
  std::sort(hs.begin(), hs.end(), [](const HRule& a, const HRule& b) {
    return std::fabs(a.y - b.y) > kPdf.rule_tolerance ? a.y < b.y : a.x0 < b.x0;
  });
  // Rules drawn per cell come as pieces along one line: one rule each.
  std::vector<HRule> merged;
  for (const HRule& h : hs) {
    if (!merged.empty() && std::fabs(h.y - merged.back().y) <= kPdf.rule_tolerance &&
        h.x0 <= merged.back().x1 + kPdf.rule_tolerance) {
      merged.back().x1 = std::max(merged.back().x1, h.x1);
      merged.back().x0 = std::min(merged.back().x0, h.x0);
      continue;
    }
    merged.push_back(h);
  }
  std::erase_if(merged,
                [](const HRule& h) { return h.x1 - h.x0 < kPdf.three_line_min_width; });
  auto same_span = [](const HRule& a, const HRule& b) {
    return std::fabs(a.x0 - b.x0) <= kPdf.three_line_span &&
           std::fabs(a.x1 - b.x1) <= kPdf.three_line_span;
  };
  std::vector<bool> taken(lines->size(), false);
  size_t runs = 0;  // each costs a pass over the lines
  for (size_t a = 0; a < merged.size() && runs < kPdf.max_three_line_runs;) {
    // A rule above, one under the header and one below at least: a page
    // break leaves fewer on each page, and those pieces are read as
    // unruled text is.
    size_t b = a;
    while (b + 1 < merged.size() && same_span(merged[a], merged[b + 1])) ++b;
    if (b < a + 2) {
      ++a;
      continue;
    }
    ++runs;
    const double top = merged[a].y, bottom = merged[b].y, header_foot = merged[a + 1].y;
    std::vector<size_t> idx, body;
    for (size_t i = 0; i < lines->size(); ++i) {
      if (taken[i]) continue;
      const WordLine& l = (*lines)[i];
      const double cy = (LineTop(l) + LineBottom(l)) / 2;
      if (cy <= top || cy >= bottom ||
          l.front()->x0 < merged[a].x0 - kPdf.three_line_span ||
          l.back()->x1 > merged[a].x1 + kPdf.three_line_span)
        continue;
      idx.push_back(i);
      if (cy > header_foot) body.push_back(i);
    }
    std::vector<std::vector<Segment>> segs(lines->size());
    size_t multi = 0;
    for (size_t i : body) {
      segs[i] = Segments((*lines)[i]);
      multi += segs[i].size() >= 2;
    }
    std::vector<double> seps =
        multi >= 2 ? Separators(*lines, segs, body) : std::vector<double>{};
    if (!seps.empty()) {
      PageTable t;
      BuildCells(*lines, idx, seps, &t);
      if (!t.rows.empty()) {
        for (size_t i : idx) taken[i] = true;
        tables->push_back(std::move(t));
      }
    }
    a = b + 1;
  }
  std::vector<WordLine> rest;
  for (size_t i = 0; i < lines->size(); ++i)
    if (!taken[i]) rest.push_back(std::move((*lines)[i]));
  *lines = std::move(rest);
}

}  // namespace jx::layout::pdf
