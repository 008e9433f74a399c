// A hierarchy label (一级指标) in an unruled table is set in the middle of the
// rows it spans, where copied text puts it on the first of them. Finding that
// span is a search of its own, apart from how rows are found; it lives here.
#include <cmath>

#include "base/text.h"
#include "layout/internal.h"
#include "layout/pdf_internal.h"

namespace jx::layout::pdf {
namespace {

// A label set in the middle of the rows it spans belongs, like a merged
// cell in copied text, on the first of them. Taken so when the labels of
// the column tile its rows: each label's span starts where the last one
// ended (or further down, the rows between blank cells of their own, at a
// price), holds the label, ends before the next label and is centred on
// it. The first span may start above its label. Of the tilings, the best
// centred wins, and a label stays put unless moving it centres it better.
// A label level with the top of its row is top-aligned, which vetoes
// moving it unless the column centres its labels and the span fits exactly.
bool TileLabels(const std::vector<RowSpan>& rows,
                const std::vector<std::vector<double>>& centers,
                const std::vector<std::vector<double>>& tops, size_t c, double em,
                bool centred, std::vector<std::vector<std::string>>* cells) {
  std::vector<size_t> at;
  for (size_t r = 0; r < rows.size(); ++r)
    if (!(*cells)[r][c].empty()) at.push_back(r);
  if (at.empty()) return true;
  const size_t n = rows.size();
  // cost[k][e]: best tiling of labels 0..k with label k's span ending at e;
  // from[k][e]: where that span starts; prev[k][e]: where label k-1's ended.
  std::vector<std::vector<double>> cost(at.size(), std::vector<double>(n, kFar));
  std::vector<std::vector<size_t>> from(at.size(), std::vector<size_t>(n, 0));
  std::vector<std::vector<size_t>> prev(at.size(), std::vector<size_t>(n, 0));
  // A row between two spans that neither covers is a blank cell of its
  // own (a form's rows above the hierarchy); it costs more than the worst
  // centring allowed on it, so that a span covers it wherever one can.
  auto uncovered = [&](size_t r) {
    return (rows[r].y1 - rows[r].y0) / kPdf.centring_rows + kPdf.move_cost_em * em;
  };
  std::vector<double> before_at(n + 1, kFar);  // best cost of labels < k ending before s
  std::vector<size_t> before_end(n + 1, 0);
  for (size_t k = 0; k < at.size(); ++k) {
    const size_t a = at[k];
    const size_t next = k + 1 < at.size() ? at[k + 1] : n;
    const double cy = centers[a][c];
    const double limit = (rows[a].y1 - rows[a].y0) / kPdf.centring_rows;
    const bool top_aligned =
        std::fabs(tops[a][c] - rows[a].y0) < kPdf.top_aligned_em * em;
    if (k > 0) {
      // before_at[s]: labels 0..k-1 tiled, the last span ending at s-1 or
      // above it with the rows between uncovered.
      before_at[0] = kFar;
      for (size_t s = 1; s <= a; ++s) {
        before_at[s] = cost[k - 1][s - 1], before_end[s] = s - 1;
        if (s > 1 && before_at[s - 1] < kFar &&
            before_at[s - 1] + uncovered(s - 1) < before_at[s])
          before_at[s] = before_at[s - 1] + uncovered(s - 1),
          before_end[s] = before_end[s - 1];
      }
    }
    for (size_t s = 0; s <= a; ++s) {
      double before = 0;
      if (k > 0) {
        if (s == 0) continue;
        before = before_at[s];
        if (before >= kFar) continue;
      }
      for (size_t e = a; e < next; ++e) {
        double err = std::fabs((rows[s].y0 + rows[e].y1) / 2 - cy);
        // The last label may span on past the table's end (the page's):
        // it stays, at the price of the worst centring allowed.
        if (s == a && e + 1 == n && err > limit) err = limit;
        if (err > limit) continue;
        if (s != a && top_aligned && (!centred || err > kPdf.exact_centre_em * em))
          continue;
        double total = before + err + (s != a ? kPdf.move_cost_em * em : 0);
        if (total < cost[k][e])
          cost[k][e] = total, from[k][e] = s, prev[k][e] = k > 0 ? before_end[s] : 0;
      }
    }
  }
  // The last label's span runs to the table's end where it can: the rows
  // below a label are its own, as a merged cell's are. Otherwise the best
  // centred tiling.
  size_t end = n;
  if (cost.back()[n - 1] < kFar) end = n - 1;
  for (size_t e = 0; e < n && end != n - 1; ++e)
    if (cost.back()[e] < kFar && (end == n || cost.back()[e] < cost.back()[end])) end = e;
  if (end == n) return false;
  std::vector<size_t> start(at.size());
  for (size_t k = at.size(); k-- > 0;) {
    start[k] = from[k][end];
    if (k > 0) end = prev[k][end];
  }
  for (size_t k = 0; k < at.size(); ++k)
    if (start[k] != at[k]) std::swap((*cells)[start[k]][c], (*cells)[at[k]][c]);
  return true;
}

// When the labels do not tile (a label on its own row between spans, a
// span cut by the page), each is taken on its own, top down: it may span
// from where the last one ended to the row before the next label, and the
// span whose middle is nearest its centre wins when it fits clearly better
// than the row it was placed on.
void MoveLabelsOneByOne(const std::vector<RowSpan>& rows,
                        const std::vector<std::vector<double>>& centers,
                        const std::vector<std::vector<double>>& tops, size_t c, double em,
                        bool centred, std::vector<std::vector<std::string>>* cells) {
  std::vector<size_t> at;
  for (size_t r = 0; r < rows.size(); ++r)
    if (!(*cells)[r][c].empty()) at.push_back(r);
  size_t from = 0;
  for (size_t k = 0; k < at.size(); ++k) {
    const size_t a = at[k];
    const size_t next = k + 1 < at.size() ? at[k + 1] : rows.size();
    const double cy = centers[a][c];
    auto fit = [&](size_t s, size_t* end) {
      double best = kFar;
      for (size_t e = std::max(s, a); e < next; ++e) {
        double err = std::fabs((rows[s].y0 + rows[e].y1) / 2 - cy);
        if (err < best) best = err, *end = e;
      }
      return best;
    };
    size_t stay_end = a;
    const double stay = fit(a, &stay_end);
    size_t best_s = a, best_end = stay_end;
    double best = stay;
    for (size_t s = from; s < a; ++s) {
      size_t e = a;
      double err = fit(s, &e);
      if (err < best) best = err, best_s = s, best_end = e;
    }
    // By a third of a row, so that rounding in the rendering does not
    // move a label that sits on a row of its own; a top-aligned label
    // moves only onto a span it is centred on exactly.
    const bool top_aligned =
        std::fabs(tops[a][c] - rows[a].y0) < kPdf.top_aligned_em * em;
    if (best_s != a && (stay - best < (rows[a].y1 - rows[a].y0) / kPdf.move_gain_rows ||
                        (top_aligned && (!centred || best > kPdf.exact_centre_em * em))))
      best_s = a, best_end = stay_end;
    if (best_s != a) std::swap((*cells)[best_s][c], (*cells)[a][c]);
    from = best_end + 1;
  }
}

// A column of words with an empty cell between two filled ones: a label
// column, its labels merged over the rows between. A number makes it a
// column of values.
bool Gapped(const std::vector<std::vector<std::string>>& cells, size_t c) {
  bool filled = false, gap = false, between = false;
  for (const auto& row : cells) {
    if (LooksNumeric(row[c])) return false;
    if (between) continue;
    if (row[c].empty()) {
      gap = gap || filled;
    } else if (gap) {
      between = true;
    } else {
      filled = true;
    }
  }
  return between;
}

}  // namespace

bool PlaceLabels(const std::vector<RowSpan>& rows,
                 const std::vector<std::vector<double>>& centers,
                 const std::vector<std::vector<double>>& tops, size_t label_columns,
                 double em, const std::vector<AlignVotes>& votes,
                 std::vector<std::vector<std::string>>* cells, bool* unsure) {
  *unsure = false;
  if (cells->empty()) return false;
  // Rows of a form above the hierarchy may fill the first column nearly as
  // often as the values' columns, so that none reads as sparse: then the
  // leading columns that leave a row empty between two labels are the
  // label columns.
  const size_t nc = (*cells)[0].size();
  if (label_columns == 0)
    while (label_columns < nc && Gapped(*cells, label_columns)) ++label_columns;
  // How the label columns set their labels, by a clear majority of their
  // cells that show it (`align_votes` to one against each other): a
  // producer may set labels otherwise than the values beside them.
  AlignVotes v;
  for (size_t c = 0; c < label_columns && c < votes.size(); ++c)
    v.top += votes[c].top, v.middle += votes[c].middle, v.foot += votes[c].foot;
  auto wins = [](int a, int b, int c) {
    return a > 0 && a >= kPdf.align_votes * (b + c);
  };
  if (wins(v.foot, v.top, v.middle)) return true;
  const double tol = kPdf.top_aligned_em * em;
  for (size_t c = 0; c < label_columns; ++c) {
    // A label whose middle falls between two rows shows that the column
    // centres its labels; only then may one level with its row's top move.
    bool centred = false;
    for (size_t r = 0; r < rows.size(); ++r)
      if (!(*cells)[r][c].empty() &&
          (centers[r][c] < rows[r].y0 - kPdf.centred_slack_em * em ||
           centers[r][c] > rows[r].y1 + kPdf.centred_slack_em * em))
        centred = true;
    // A label level with its row's foot alone, where the label columns'
    // votes did not show them set so: the last row of a merged cell, or a
    // row of its own.
    for (size_t r = 0; r < rows.size(); ++r) {
      if ((*cells)[r][c].empty()) continue;
      const double top = tops[r][c], bottom = 2 * centers[r][c] - top;
      if (std::fabs(bottom - rows[r].y1) < tol && std::fabs(top - rows[r].y0) >= tol)
        *unsure = true;
    }
    if (!TileLabels(rows, centers, tops, c, em, centred, cells))
      MoveLabelsOneByOne(rows, centers, tops, c, em, centred, cells);
  }
  return false;
}

// `cut`: the columns where a merged cell the last page ended with goes on
// here. The rows from `head` to the last that the first label here in such
// a column heads (down to the next label in it) are in doubt.
void DoubtLabelsCutAbove(const std::vector<bool>& cut, size_t head, PageTable* t) {
  size_t last = 0;
  bool any = false;
  for (size_t c = 0; c < cut.size(); ++c) {
    if (!cut[c]) continue;
    size_t r = head;
    while (r < t->rows.size() && (c >= t->rows[r].size() || IsBlank(t->rows[r][c]))) ++r;
    if (r == t->rows.size()) continue;
    while (r + 1 < t->rows.size() &&
           (c >= t->rows[r + 1].size() || IsBlank(t->rows[r + 1][c])))
      ++r;
    last = std::max(last, r);
    any = true;
  }
  if (!any) return;
  auto& rd = t->row_doubts;
  if (rd.size() < t->rows.size()) rd.resize(t->rows.size());
  for (size_t r = head; r <= last; ++r) AddNames(&rd[r], kDoubtLabels);
}

}  // namespace jx::layout::pdf
