// Text beside a grid's edge at a page break: what a producer shows again of
// a cell it clipped at the print area, just past the grid's last rule or
// above the next page's first, while the cell across the break holds that
// text whole (no text between the table's pieces); and text within one
// column above or below a page's tables (the rest of a cut cell).
#include <algorithm>
#include <string>

#include "base/text.h"
#include "layout/pdf_internal.h"

namespace jx::layout::pdf {

namespace {

// The span of sorted `edges` that holds `box` (a line may hang punctuation
// past the edge), or SIZE_MAX.
size_t SpanOf(const std::vector<double>& edges, const Box& box, double size) {
  const double slack = kPdf.para_fit_slack_em * std::max(kPdf.min_em, size);
  for (size_t k = 0; k + 1 < edges.size(); ++k)
    if (box.x0 >= edges[k] - slack && box.x1 <= edges[k + 1] + slack) return k;
  return SIZE_MAX;
}

// The column of `t`'s rows whose span holds `box`, or SIZE_MAX. A grid's
// rules include its outer ones; an unruled table's separators lie between
// its columns only.
size_t ColumnOf(const Box& box, double size, const PageTable& t) {
  std::vector<double> edges = t.xs;
  if (!t.ruled || edges.empty()) {
    edges.insert(edges.begin(), t.box.x0);
    edges.push_back(t.box.x1);
  }
  std::sort(edges.begin(), edges.end());
  return SpanOf(edges, box, size);
}

}  // namespace

bool PastGridEdge(const Para& p, const PageTable& t, bool below) {
  const double em = std::max(kPdf.min_em, p.size);
  const double mid = (p.box.y0 + p.box.y1) / 2;
  // Drawn over the rule as often as past it: its middle is past the edge.
  const bool past =
      below ? mid >= t.box.y1 && p.box.y0 <= t.box.y1 + kPdf.debris_gap_em * em
            : mid <= t.box.y0 && p.box.y1 >= t.box.y0 - kPdf.debris_gap_em * em;
  return past && ColumnOf(p.box, p.size, t) != SIZE_MAX;
}

bool RepeatsCell(const Para& p, const PageTable& t, bool first_row) {
  if (t.rows.empty()) return false;
  const std::string key = MatchKey(p.text);
  if (key.empty()) return false;
  const size_t c = ColumnOf(p.box, p.size, t);
  // The row across the break: the first with text, or the last.
  const std::vector<std::string>* row = nullptr;
  if (first_row) {
    for (const auto& r : t.rows)
      if (std::any_of(r.begin(), r.end(),
                      [](const std::string& x) { return !x.empty(); })) {
        row = &r;
        break;
      }
  } else {
    row = &t.rows.back();
  }
  if (!row || c >= row->size()) return false;
  return MatchKey((*row)[c]).find(key) != std::string::npos;
}

bool HeadDebris(const Para& p, const std::vector<PageTable>& tables,
                const PageTable& last) {
  if (last.rows.empty() || tables.empty()) return false;
  return PastGridEdge(p, tables.front(), false) &&
         (RepeatsCell(p, tables.front(), true) || RepeatsCell(p, last, false));
}

bool InColumn(const Para& p, const std::vector<PageTable>& tables) {
  if (tables.empty()) return false;
  const bool above = p.box.y1 <= tables.front().box.y0;
  if (!above && p.box.y0 < tables.back().box.y1) return false;
  const PageTable& t = above ? tables.front() : tables.back();
  // Any rule or separator and the table's own edges: within one span of
  // them, and not the table's whole width.
  std::vector<double> edges = t.xs;
  edges.push_back(t.box.x0);
  edges.push_back(t.box.x1);
  std::sort(edges.begin(), edges.end());
  const size_t k = SpanOf(edges, p.box, p.size);
  if (k == SIZE_MAX) return false;
  const double slack = kPdf.para_fit_slack_em * std::max(kPdf.min_em, p.size);
  return edges[k] > t.box.x0 + slack || edges[k + 1] < t.box.x1 - slack;
}

}  // namespace jx::layout::pdf
