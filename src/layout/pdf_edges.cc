// Two cells set closer than a wide gap read as one run of text: equal
// columns whose text fills them, with a point of padding each side, leave
// gaps narrower than a space between cells, while a cell's own words may
// stand further apart than that (a face that sets one character apart).
// The gap's width cannot tell them; the page's alignment can. A column's
// left-aligned cells start at one x row after row, and some of its lines
// open after a wide gap (the cell to the left ended short) or open the
// line. A word after a narrow gap starting at such a position begins a
// cell, so the word before it ends one.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "base/patterns.h"
#include "layout/internal.h"
#include "layout/pdf_internal.h"

namespace jx::layout::pdf {
namespace {

double Em(const PdfWord& w) { return std::max(kPdf.min_em, w.size); }

bool AsciiAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// A list marker ("7.", "12、", "3)") is set against the item it numbers,
// at any position; the item starts after it, not a cell. Digits, then one
// punctuation mark.
bool ListMarker(const std::string& t) {
  size_t d = 0;
  while (d < t.size() && std::isdigit(static_cast<unsigned char>(t[d]))) ++d;
  if (d == 0 || d == t.size()) return false;
  const auto* p = reinterpret_cast<const uint8_t*>(t.data());
  const int32_t len = static_cast<int32_t>(t.size());
  int32_t i = static_cast<int32_t>(d);
  UChar32 c;
  U8_NEXT(p, i, len, c);
  return i == len && c >= 0 && u_ispunct(c);
}

// How many of the sorted positions lie within `tol` of `x`.
size_t CountNear(const std::vector<double>& xs, double x, double tol) {
  return static_cast<size_t>(std::upper_bound(xs.begin(), xs.end(), x + tol) -
                             std::lower_bound(xs.begin(), xs.end(), x - tol));
}

// A number's unit set just after it ("52000" "元/公里") is the number's.
bool UnitAfter(const PdfWord& a, const PdfWord& b, const PatternFile* units) {
  if (!units || !LooksNumeric(a.text)) return false;
  const auto* p = reinterpret_cast<const uint8_t*>(b.text.data());
  const int32_t len = static_cast<int32_t>(b.text.size());
  int32_t i = 0;
  for (size_t n = 0; n < kPdf.edge_unit_chars && i < len; ++n) {
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0) return false;
    const std::string_view name =
        units->FirstName(std::string_view(b.text.data(), static_cast<size_t>(i)));
    if (!name.empty() && !name.starts_with("no_")) return true;
  }
  return false;
}

}  // namespace

const PdfPage& MarkCellEdges(const PdfPage& page, const PatternFile* units,
                             PdfPage* copy) {
  std::vector<const PdfWord*> ws;
  ws.reserve(page.words.size());
  for (const PdfWord& w : page.words) ws.push_back(&w);
  const std::vector<WordLine> lines = GroupLines(std::move(ws));
  // Where words open a cell for sure (the line's first word, or one after
  // a wide gap), and where words follow a narrow gap.
  std::vector<double> opens, after_narrow;
  struct Gap {
    const PdfWord* a;
    const PdfWord* b;
    bool row;  // on a line that parts cells elsewhere with a wide gap
  };
  std::vector<Gap> narrow;
  for (const WordLine& l : lines) {
    bool row = false;
    for (size_t i = 1; i < l.size() && !row; ++i) row = WideGap(*l[i - 1], *l[i]);
    for (size_t i = 0; i < l.size(); ++i) {
      if (i == 0 || WideGap(*l[i - 1], *l[i])) {
        opens.push_back(l[i]->x0);
        continue;
      }
      const PdfWord& a = *l[i - 1];
      const PdfWord& b = *l[i];
      if (b.x0 - a.x1 < kPdf.edge_gap_em * Em(a) || a.text.empty() || b.text.empty())
        continue;
      // Latin words a space apart are one text, whatever the PDF stored.
      if (AsciiAlnum(a.text.back()) && AsciiAlnum(b.text.front())) continue;
      if (ListMarker(a.text) || UnitAfter(a, b, units)) continue;
      after_narrow.push_back(b.x0);
      narrow.push_back({&a, &b, row});
    }
  }
  if (narrow.empty()) return page;
  std::sort(opens.begin(), opens.end());
  std::sort(after_narrow.begin(), after_narrow.end());
  std::vector<size_t> ends;
  // Edges found on row lines, by position then height: a line of only two
  // cells run together (no wide gap on it) is read at those edges, within
  // the stretch of the page they were found over.
  std::vector<std::pair<double, double>> found;
  for (const Gap& g : narrow) {
    if (!g.row) continue;
    const double tol = kPdf.edge_align_em * Em(*g.b);
    const size_t open = CountNear(opens, g.b->x0, tol);
    if (open < kPdf.edge_support) continue;
    if (open + CountNear(after_narrow, g.b->x0, tol) < kPdf.edge_pairs) continue;
    ends.push_back(static_cast<size_t>(g.a - page.words.data()));
    found.push_back({g.b->x0, g.b->y0});
  }
  if (ends.empty()) return page;
  std::sort(found.begin(), found.end());
  std::vector<double> ys;
  for (const Gap& g : narrow) {
    if (g.row) continue;
    const double tol = kPdf.edge_align_em * Em(*g.b);
    ys.clear();
    for (auto it = std::lower_bound(found.begin(), found.end(),
                                    std::make_pair(g.b->x0 - tol, -kFar));
         it != found.end() && it->first <= g.b->x0 + tol &&
         ys.size() < kPdf.edge_scan_limit;
         ++it)
      ys.push_back(it->second);
    if (ys.empty()) continue;
    std::sort(ys.begin(), ys.end());
    // Below the last edge, as far as the edges found lie apart at most:
    // the last row's own lines.
    double reach = 0;
    for (size_t k = 1; k < ys.size(); ++k) reach = std::max(reach, ys[k] - ys[k - 1]);
    if (g.b->y0 >= ys.front() && g.b->y0 <= ys.back() + reach)
      ends.push_back(static_cast<size_t>(g.a - page.words.data()));
  }
  if (&page != copy) *copy = page;
  for (size_t i : ends) copy->words[i].ends_cell = true;
  return *copy;
}

}  // namespace jx::layout::pdf
