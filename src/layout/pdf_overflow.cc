// A grid whose rows the producer printed at fixed heights (a spreadsheet's
// print) lets a cell's text taller than its row run across the row's rule:
// set at the cell's foot it runs upward, at its top downward, centred both
// ways. A word the rule cuts belongs to one of the two rows; the table's
// own cells, those no rule cuts, show how it sets text in its rows, and
// the row where the cut word's cell then sits as the others do is its own.
// Only where both rows fit it about as well is the placement a guess.
#include <algorithm>
#include <cmath>
#include <functional>

#include "layout/pdf_internal.h"

namespace jx::layout::pdf {
namespace {

// How far text sits from its row's top, its foot, and how far its middle
// from the row's middle.
struct Offsets {
  double top, foot, middle;
};

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
  return v[v.size() / 2];
}

// The mean distance from the median: a setting that holds for most cells
// but not for rows of other heights shows there.
double Spread(const std::vector<double>& v, double median) {
  if (v.empty()) return 0;
  double sum = 0;
  for (double x : v) sum += std::fabs(x - median);
  return sum / static_cast<double>(v.size());
}

}  // namespace

std::vector<size_t> PlaceOverflow(const std::vector<double>& ys,
                                  const std::vector<std::vector<bool>>& single,
                                  const std::function<bool(size_t, double)>& ruled,
                                  std::vector<GridWord>* words) {
  std::vector<size_t> unsure;
  const size_t nr = ys.size() < 2 ? 0 : ys.size() - 1;
  if (nr < 2 || words->empty()) return unsure;
  const size_t nc = single.empty() ? 0 : single[0].size();
  // The inner rule drawn under a word deeper than `rule_through_word` of
  // its height.
  auto cut = [&](const GridWord& g, size_t* rule) {
    const PdfWord& w = *g.word;
    const double h = w.y1 - w.y0;
    if (h <= 0) return false;
    const double deep = kPdf.rule_through_word * h;
    for (size_t i = 1; i < nr; ++i)
      if (ys[i] > w.y0 + deep && ys[i] < w.y1 - deep && ruled(i, (w.x0 + w.x1) / 2)) {
        *rule = i;
        return true;
      }
    return false;
  };
  // The words of each cell, for its text's extent without one of them.
  std::vector<std::vector<const GridWord*>> in(nr * nc);
  for (const GridWord& g : *words)
    if (g.row < nr && g.col < nc) in[g.row * nc + g.col].push_back(&g);
  auto extent = [&](size_t r, size_t c, const GridWord* leave, double* y0, double* y1) {
    *y0 = kFar, *y1 = -kFar;
    for (const GridWord* g : in[r * nc + c])
      if (g != leave) *y0 = std::min(*y0, g->word->y0), *y1 = std::max(*y1, g->word->y1);
    return *y0 < kFar;
  };
  auto move = [&](GridWord* g, size_t row) {
    auto& from = in[g->row * nc + g->col];
    from.erase(std::remove(from.begin(), from.end(), g), from.end());
    g->row = row;
    in[row * nc + g->col].push_back(g);
  };
  // The table's way of setting text: offsets of the cells no rule cuts.
  std::vector<bool> touched(nr * nc, false);
  double em = kPdf.min_em;
  size_t cuts = 0;
  for (const GridWord& g : *words) {
    size_t rule = 0;
    em = std::max(em, g.word->size);
    if (g.row < nr && g.col < nc && cut(g, &rule))
      touched[g.row * nc + g.col] = true, ++cuts;
  }
  std::vector<double> tops, foots, middles;
  for (size_t r = 0; r < nr; ++r)
    for (size_t c = 0; c < nc; ++c) {
      double y0, y1;
      if (touched[r * nc + c] || !single[r][c] || !extent(r, c, nullptr, &y0, &y1))
        continue;
      tops.push_back(y0 - ys[r]);
      foots.push_back(ys[r + 1] - y1);
      middles.push_back((y0 + y1) / 2 - (ys[r] + ys[r + 1]) / 2);
    }
  if (tops.size() < kPdf.overflow_evidence || cuts > kPdf.overflow_max_words) {
    for (const GridWord& g : *words) {
      size_t rule = 0;
      if (cut(g, &rule)) unsure.push_back(rule);
    }
    return unsure;
  }
  // The alignment whose offsets vary least; its usual offset.
  const Offsets usual{Median(tops), Median(foots), Median(middles)};
  const double st = Spread(tops, usual.top), sf = Spread(foots, usual.foot),
               sm = Spread(middles, usual.middle);
  enum { kTop, kFoot, kMiddle } align = kMiddle;
  if (st < sf && st < sm) align = kTop;
  if (sf < st && sf < sm) align = kFoot;
  auto misfit = [&](size_t r, double y0, double y1) {
    if (y0 >= kFar) return 0.0;
    switch (align) {
      case kTop:
        return std::fabs(y0 - ys[r] - usual.top);
      case kFoot:
        return std::fabs(ys[r + 1] - y1 - usual.foot);
      default:
        return std::fabs((y0 + y1) / 2 - (ys[r] + ys[r + 1]) / 2 - usual.middle);
    }
  };
  // Each cut word goes where the two cells it lies between then fit the
  // table's setting best, when that is clearly better than the other way.
  for (GridWord& g : *words) {
    size_t rule = 0;
    if (g.col >= nc || !cut(g, &rule)) continue;
    const size_t up = rule - 1, down = rule;
    if (!single[up][g.col] || !single[down][g.col]) {
      unsure.push_back(rule);
      continue;
    }
    double a0, a1, b0, b1;
    extent(up, g.col, &g, &a0, &a1);
    extent(down, g.col, &g, &b0, &b1);
    const double w0 = g.word->y0, w1 = g.word->y1;
    // The word in the upper cell, or in the lower one.
    const double in_up = misfit(up, std::min(a0, w0), std::max(a1, w1)) +
                         misfit(down, b0, b1),
                 in_down = misfit(up, a0, a1) +
                           misfit(down, std::min(b0, w0), std::max(b1, w1));
    if (std::fabs(in_up - in_down) < kPdf.overflow_fit_em * em) {
      unsure.push_back(rule);
      continue;
    }
    move(&g, in_up < in_down ? up : down);
  }
  return unsure;
}

}  // namespace jx::layout::pdf
