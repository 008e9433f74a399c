// A table drawn with horizontal rules only (三线表: a rule above, one under
// the header, one below) shows its rows' extent but not its columns. This
// file takes runs of such rules that no grid holds and reads the lines
// between the first and the last rule as one table: columns from the
// alignment of the body lines (below the second rule), the header placed on
// them. Lines outside stay for the unruled reading. A page break leaves
// the rule above and the header's on one page, with the body running to
// its end, and the rule below (or the header again) on the next, which goes
// on in the first piece's columns.
#include <cmath>

#include "layout/pdf_internal.h"

namespace jx::layout::pdf {
namespace {

struct HRule {
  double y, x0, x1;
};

}  // namespace

void ReadThreeLine(const PdfPage& page, const PageTable* carry,
                   std::vector<WordLine>* lines, std::vector<PageTable>* tables) {
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
  if (hs.size() < (carry ? 1 : 2)) return;
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
  // Lines within the rules' span whose middle lies between `top` and
  // `bottom`, in `idx`; those below `header_foot` also in `body`.
  auto lines_in = [&](const HRule& span, double top, double bottom, double header_foot,
                      std::vector<size_t>* idx, std::vector<size_t>* body) {
    for (size_t i = 0; i < lines->size(); ++i) {
      if (taken[i]) continue;
      const WordLine& l = (*lines)[i];
      const double cy = (LineTop(l) + LineBottom(l)) / 2;
      if (cy <= top || cy >= bottom || l.front()->x0 < span.x0 - kPdf.three_line_span ||
          l.back()->x1 > span.x1 + kPdf.three_line_span)
        continue;
      idx->push_back(i);
      if (cy > header_foot) body->push_back(i);
    }
  };
  // A vertical rule at an end of the span between `y0` and `y1`: the sides
  // of a frame the page break cut, whose rules only look like these.
  auto framed = [&](const HRule& span, double y0, double y1) {
    for (const PdfRule& r : page.rules) {
      if (r.horizontal() || r.y1 < y0 || r.y0 > y1) continue;
      const double x = (r.x0 + r.x1) / 2;
      if (std::fabs(x - span.x0) <= kPdf.three_line_span ||
          std::fabs(x - span.x1) <= kPdf.three_line_span)
        return true;
    }
    return false;
  };
  // A vertical rule at an end of the span across the middle between `y0`
  // and `y1`: that stretch lies inside a frame.
  auto sides = [&](const HRule& span, double y0, double y1) {
    const double mid = (y0 + y1) / 2;
    return framed(span, mid, mid);
  };
  const double head = kPdf.head_zone * page.height, foot = kPdf.foot_zone * page.height;
  const bool carried = carry && !carry->xs.empty();
  size_t runs = 0;  // each costs a pass over the lines
  for (size_t a = 0; a < merged.size() && runs < kPdf.max_three_line_runs;) {
    // A rule above, one under the header and one below: a page break
    // leaves fewer on each page. The first page keeps the two above, the
    // next one the one below, or the two above again with the header.
    size_t b = a;
    while (b + 1 < merged.size() && same_span(merged[a], merged[b + 1])) ++b;
    // Two tables of one width, one under the other, make one run of rules:
    // the run ends before a stretch whose lines, some, set no two cells
    // apart (the running text between the tables). Not where column rules
    // join two of them: frames, whose rules only look like these.
    bool frames = false;
    for (size_t k = a; k < b && !frames; ++k)
      frames = framed(merged[k], merged[k].y, merged[k + 1].y);
    // Frames of one width one under the other: each frame's sides stop at
    // its bottom rule, and the run ends there, so that the text between
    // two frames is not read as rows of one table drawn by their rules. A
    // side that only touches the gap's rule does not cross its middle.
    if (frames) {
      size_t k = a;
      while (k < b && sides(merged[k], merged[k].y, merged[k + 1].y)) ++k;
      if (k < b) b = k;
    }
    for (size_t k = a + 1; !frames && k + 1 <= b && b >= a + 3; ++k) {
      bool any = false, cells = false;
      for (const WordLine& l : *lines) {
        const double cy = (LineTop(l) + LineBottom(l)) / 2;
        if (cy <= merged[k].y || cy >= merged[k + 1].y) continue;
        any = true;
        cells = cells || Segments(l).size() >= 2;
      }
      if (any && !cells) {
        b = k;
        break;
      }
    }
    const bool last_run = b + 1 == merged.size();
    const bool goes_on =
        carried && a == 0 &&
        std::fabs(merged[a].x0 - carry->rule_x0) <= kPdf.three_line_span &&
        std::fabs(merged[a].x1 - carry->rule_x1) <= kPdf.three_line_span;
    double top = merged[a].y, bottom = merged[b].y,
           header_foot = b > a ? merged[a + 1].y : top;
    bool open = false;
    if (b < a + 2 && framed(merged[a], goes_on && b == a ? head : top, bottom)) {
      ++a;
      continue;
    }
    if (goes_on && b == a) {
      // Only the rule below: the rest of the table from the page's head.
      top = head;
      header_foot = top;
    } else if (b == a + 1 && last_run) {
      // No rule below: the table runs on to the page's end, when lines
      // below the header rule reach down there.
      double low = -kFar;
      for (size_t i = 0; i < lines->size(); ++i) {
        const WordLine& l = (*lines)[i];
        const double cy = (LineTop(l) + LineBottom(l)) / 2;
        if (cy > header_foot && cy < foot) low = std::max(low, LineBottom(l));
      }
      if (low < kPdf.page_end_zone * page.height) {
        ++a;
        continue;
      }
      bottom = foot;
      open = true;
    } else if (b < a + 2) {
      ++a;
      continue;
    }
    ++runs;
    std::vector<size_t> idx, body;
    lines_in(merged[a], top, bottom, header_foot, &idx, &body);
    std::vector<std::vector<Segment>> segs(lines->size());
    size_t multi = 0;
    for (size_t i : body) {
      segs[i] = Segments((*lines)[i]);
      multi += segs[i].size() >= 2;
    }
    std::vector<double> seps;
    if (goes_on && Fits(carry->xs, *lines, segs, body))
      seps = carry->xs;
    else if (multi >= 2)
      seps = Separators(*lines, segs, body);
    if (!seps.empty() && !(goes_on && seps == carry->xs)) {
      std::vector<size_t> header;
      for (size_t i : idx)
        if (std::find(body.begin(), body.end(), i) == body.end()) header.push_back(i);
      seps = ClearOfHeader(std::move(seps), *lines, body, header);
    }
    // Without its foot a table may show few body lines, whose empty
    // columns leave out some the header has: the unruled reading, which
    // sets the header's columns too, does better then.
    if (open && !(carried && seps == carry->xs))
      for (size_t i : idx)
        if (segs[i].empty() && Segments((*lines)[i]).size() > seps.size() + 1) {
          seps.clear();
          break;
        }
    if (!seps.empty()) {
      PageTable t;
      BuildCells(*lines, idx, seps, &t);
      if (!t.rows.empty()) {
        for (size_t i : idx) taken[i] = true;
        t.three_line = true;
        t.open_three_line = open;
        t.rule_x0 = merged[a].x0;
        t.rule_x1 = merged[a].x1;
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
