// An unruled table shows its columns only as the gaps its lines leave. This
// file decides where the separators are, whether separators found on one page
// still hold on the next, and how two pages' columns line up; the readers
// that cut lines into cells take its answers.
#include <algorithm>
#include <cctype>
#include <cmath>

#include "layout/internal.h"
#include "layout/pdf_internal.h"

namespace jx::layout::pdf {

namespace {

// Text that opens with a letter, a digit, an ideograph or a percent sign:
// what goes on a number as its unit or its next digits, unlike a dash or a
// slash set as a cell of its own.
bool StartsWord(const std::string& s) {
  if (s.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(s[0]);
  if (c < 0x80) return std::isalnum(c) || c == '%';
  // Lead bytes of U+4000..U+9FFF (CJK ideographs) and of full-width forms
  // (U+FF00..), letters and digits among them.
  return (c >= 0xE4 && c <= 0xE9) || c == 0xEF;
}

}  // namespace

// x positions inside gaps between segments on some line and crossed by
// fewer than half as many segments (cells spanning two columns). One
// line's gap is enough where nothing crosses it: a hierarchy column may
// show a label on one line only.
std::vector<double> Separators(const std::vector<WordLine>& lines,
                               const std::vector<std::vector<Segment>>& segs,
                               const std::vector<size_t>& idx) {
  double lo = 1e9, hi = -1e9;
  for (size_t i : idx) {
    lo = std::min(lo, lines[i].front()->x0);
    hi = std::max(hi, lines[i].back()->x1);
  }
  if (idx.empty() || hi - lo < kPdf.min_scan_width || hi - lo > kPdf.max_scan_width)
    return {};
  constexpr double kStep = kPdf.scan_step;
  const size_t steps = static_cast<size_t>((hi - lo) / kStep) + 1;
  std::vector<int> support(steps, 0), cross(steps, 0);
  auto mark = [&](std::vector<int>& v, double a, double z) {
    if (z <= a) return;
    size_t s0 = static_cast<size_t>(std::max(0.0, std::ceil((a - lo) / kStep)));
    size_t s1 = static_cast<size_t>(std::max(0.0, std::floor((z - lo) / kStep)));
    for (size_t s = s0; s <= s1 && s < steps; ++s) ++v[s];
  };
  for (size_t i : idx) {
    const auto& sg = segs[i];
    for (size_t k = 0; k < sg.size(); ++k) {
      mark(cross, sg[k].x0 + kPdf.segment_inset, sg[k].x1 - kPdf.segment_inset);
      if (k + 1 < sg.size()) mark(support, sg[k].x1, sg[k + 1].x0);
    }
  }
  std::vector<bool> ok(steps);
  for (size_t k = 0; k < steps; ++k) ok[k] = support[k] >= 1 && 2 * cross[k] < support[k];
  // Cells set on lines of their own (centred in taller rows) show no gap on
  // any one line; an empty stretch (`empty_column_em`) still parts two columns.
  double em = kPdf.min_em;
  for (size_t i : idx) em = std::max(em, LineSize(lines[i]));
  for (size_t k = 0; k < steps;) {
    if (cross[k] != 0) {
      ++k;
      continue;
    }
    size_t e = k;
    while (e < steps && cross[e] == 0) ++e;
    if (k > 0 && e < steps &&
        kStep * static_cast<double>(e - k) >= kPdf.empty_column_em * em)
      for (size_t m = k; m < e; ++m) ok[m] = true;
    k = e;
  }
  // A segment that crosses part of a stretch but not all of it is a cell of
  // a sparse column, not a cell spanning two columns: it splits the stretch.
  // Not where it leaves a gap after a number, however narrow, before a mark
  // that is no unit of it: a number ends its cell (a value right-aligned
  // against the next column's "—" set left), so the two are no one cell of
  // a column between them. A word after it ("1260" "户", "95" "%") is its
  // unit.
  auto after_number = [&](size_t i, double x) {
    const WordLine& l = lines[i];
    for (size_t w = 0; w + 1 < l.size(); ++w)
      if (l[w]->x1 <= x && x <= l[w + 1]->x0)
        return LooksNumeric(l[w]->text) && !StartsWord(l[w + 1]->text);
    return false;
  };
  for (size_t k = 0; k < steps;) {
    if (!ok[k]) {
      ++k;
      continue;
    }
    size_t e = k;
    while (e < steps && ok[e]) ++e;
    double a = lo + kStep * static_cast<double>(k),
           z = lo + kStep * static_cast<double>(e - 1);
    for (size_t i : idx)
      for (const Segment& sg : segs[i])
        if (sg.x1 > a && sg.x0 < z && !(sg.x0 < a && sg.x1 > z))
          for (size_t m = k; m < e; ++m) {
            double x = lo + kStep * static_cast<double>(m);
            if (sg.x0 < x && x < sg.x1 && !after_number(i, x)) ok[m] = false;
          }
    k = e;
  }
  std::vector<double> out;
  size_t s = 0;
  while (s < steps) {
    if (!ok[s]) {
      ++s;
      continue;
    }
    size_t best = s, e = s;
    while (e < steps && ok[e]) {
      if (support[e] > support[best]) best = e;
      ++e;
    }
    // The middle of the best-supported stretch.
    size_t f = best;
    while (f + 1 < e && support[f + 1] == support[best]) ++f;
    out.push_back(lo + kStep * static_cast<double>(best + f) / 2);
    s = e;
  }
  return out;
}

// A header label centred over a column whose values are set to one side
// (a centred 分值 over scores set left), or over several columns, leaves
// its line's gaps where the body has none: a separator then parts a column
// holding header labels only from its neighbour holding values only. The
// header does not make columns of its own; such a pair is one column. The
// header zone is the lines above the first one with a number; a column's
// cells are the segments lying within it. A label its values follow within
// leading would join the first of them in one cell: those stay apart.
std::vector<double> HeaderSpans(const std::vector<double>& seps,
                                const std::vector<WordLine>& lines,
                                const std::vector<std::vector<Segment>>& segs,
                                const std::vector<size_t>& idx, bool* unsure) {
  *unsure = false;
  auto numbered = [&](size_t i) {
    for (const PdfWord* w : lines[i])
      if (LooksNumeric(w->text)) return true;
    return false;
  };
  size_t head = 0;
  while (head < idx.size() && !numbered(idx[head])) ++head;
  if (seps.empty() || head == 0 || head == idx.size()) return seps;
  double em = kPdf.min_em;
  for (size_t i : idx) em = std::max(em, LineSize(lines[i]));
  const double slack = kPdf.separator_overrun_em * em;
  // Per column, the foot of its lowest label and the top of its highest
  // value (neither: labels none, values none).
  const size_t nc = seps.size() + 1;
  std::vector<double> label_foot(nc, -kFar), value_top(nc, kFar);
  for (size_t k = 0; k < idx.size(); ++k)
    for (const Segment& sg : segs[idx[k]]) {
      size_t c = static_cast<size_t>(
          std::upper_bound(seps.begin(), seps.end(), sg.x0 + slack) - seps.begin());
      if (c < seps.size() && sg.x1 - slack > seps[c]) continue;  // spans columns
      const WordLine& l = lines[idx[k]];
      if (k < head)
        label_foot[c] = std::max(label_foot[c], LineBottom(l));
      else
        value_top[c] = std::min(value_top[c], LineTop(l));
    }
  auto labels = [&](size_t c) { return label_foot[c] > -kFar; };
  auto values = [&](size_t c) { return value_top[c] < kFar; };
  // A label whose column's values start within leading of it would be read
  // as one cell with the first of them: the two columns are kept apart.
  const double leading =
      std::min(kPdf.cell_leading_em * em, RowGapLimit(lines, idx, seps, em));
  auto apart = [&](size_t l, size_t v) { return value_top[v] - label_foot[l] > leading; };
  auto only_values = [&](size_t c) { return values(c) && !labels(c); };
  auto only_labels = [&](size_t c) { return labels(c) && !values(c); };
  // Separator j parts a label from the values it may head.
  std::vector<bool> pair(seps.size());
  for (size_t j = 0; j < seps.size(); ++j)
    pair[j] = (only_labels(j) && only_values(j + 1) && apart(j, j + 1)) ||
              (only_values(j) && only_labels(j + 1) && apart(j + 1, j));
  // Along a run of such separators labels and values alternate: with as
  // many of each, every label heads its neighbour on the same side; one
  // more of either, and a label could head the values on either side.
  for (size_t j = 0; j < seps.size();) {
    size_t e = j;
    while (e < seps.size() && pair[e]) ++e;
    if (e > j && (e - j) % 2 == 0) *unsure = true;
    j = e > j ? e : j + 1;
  }
  std::vector<double> out;
  bool merged = false;  // the column left of the next separator was merged
  for (size_t j = 0; j < seps.size(); ++j) {
    const bool one = !merged && pair[j];
    merged = one;
    if (!one) out.push_back(seps[j]);
  }
  return out;
}

// A table of horizontal rules only takes its columns from the body: each
// separator lies in the middle of the body's gap, where a header label
// centred over its column, wider than its values, may start. Within that
// gap the separator moves to the widest stretch no header label crosses,
// so that each label lies in the column it is centred on. A label over
// several columns crosses the whole gap and leaves its separator alone.
std::vector<double> ClearOfHeader(std::vector<double> seps,
                                  const std::vector<WordLine>& lines,
                                  const std::vector<size_t>& body,
                                  const std::vector<size_t>& header) {
  std::vector<std::vector<Segment>> head;
  head.reserve(header.size());
  for (size_t i : header) head.push_back(Segments(lines[i]));
  bool any = false;
  for (double x : seps)
    for (const auto& h : head)
      for (const Segment& sg : h) any = any || (sg.x0 < x && x < sg.x1);
  if (!any) return seps;
  std::vector<Segment> cells;
  for (size_t i : body)
    for (const Segment& sg : Segments(lines[i])) cells.push_back(sg);
  for (double& x : seps) {
    double lo = -kFar, hi = kFar;
    for (const Segment& sg : cells) {
      if (sg.x1 <= x) lo = std::max(lo, sg.x1);
      if (sg.x0 >= x) hi = std::min(hi, sg.x0);
    }
    if (lo == -kFar || hi == kFar) continue;
    std::vector<Segment> in;
    bool crossed = false;
    for (const auto& h : head)
      for (const Segment& sg : h)
        if (sg.x1 > lo && sg.x0 < hi) {
          in.push_back(sg);
          crossed = crossed || (sg.x0 < x && x < sg.x1);
        }
    if (!crossed) continue;
    std::sort(in.begin(), in.end(),
              [](const Segment& a, const Segment& b) { return a.x0 < b.x0; });
    double from = lo, best = 0, at = x;
    for (size_t k = 0; k <= in.size(); ++k) {
      const double to = k < in.size() ? std::min(hi, in[k].x0) : hi;
      if (to - from > best) best = to - from, at = (from + to) / 2;
      if (k < in.size()) from = std::max(from, in[k].x1);
    }
    x = at;
  }
  return seps;
}

// The separators of a table on the last page still hold when hardly any
// text crosses them: a spanning cell may, running text would.
bool Fits(const std::vector<double>& seps, const std::vector<WordLine>& lines,
          const std::vector<std::vector<Segment>>& segs, const std::vector<size_t>& idx) {
  for (double x : seps) {
    size_t crossing = 0;
    for (size_t i : idx)
      for (const Segment& sg : segs[i])
        if (sg.x0 < x && x < sg.x1) ++crossing;
    if (crossing > std::max<size_t>(1, idx.size() / kPdf.crossings_per_line))
      return false;
  }
  return true;
}

// The last page's separators, and this page's where it shows text on
// both sides of one inside a column carried over.
std::vector<double> MergeSeparators(const std::vector<double>& carry,
                                    const std::vector<double>& seps,
                                    const std::vector<std::vector<Segment>>& segs,
                                    const std::vector<size_t>& idx) {
  std::vector<double> out = carry;
  for (double x : seps) {
    auto it = std::upper_bound(carry.begin(), carry.end(), x);
    double cr = it == carry.end() ? kFar : *it;
    double cl = it == carry.begin() ? -kFar : *(it - 1);
    bool left = false, right = false;
    for (size_t i : idx)
      for (const Segment& sg : segs[i]) {
        left = left || (sg.x0 >= cl && sg.x1 <= x);
        right = right || (sg.x0 >= x && sg.x1 <= cr);
      }
    if (left && right) out.push_back(x);
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool SameColumns(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.empty() || a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::fabs(a[i] - b[i]) > kPdf.same_separator) return false;
  return true;
}

// Where each of `from`'s columns starts among `to`'s, when `to` keeps every
// separator of `from` and perhaps adds some; empty otherwise.
std::vector<size_t> RefinedColumns(const std::vector<double>& from,
                                   const std::vector<double>& to) {
  if (from.empty() || to.size() < from.size()) return {};
  std::vector<size_t> at = {0};
  size_t j = 0;
  for (double x : from) {
    while (j < to.size() && to[j] < x - kPdf.same_separator) ++j;
    if (j == to.size() || std::fabs(to[j] - x) > kPdf.same_separator) return {};
    at.push_back(++j);
  }
  return at;
}

std::vector<size_t> RefinedHeaderGrid(const PageTable& last, const PageTable& next) {
  if (!last.ruled || !next.ruled || last.xs.size() < 2 ||
      next.xs.size() <= last.xs.size() ||
      std::fabs(last.xs.front() - next.xs.front()) > kPdf.same_separator ||
      std::fabs(last.xs.back() - next.xs.back()) > kPdf.same_separator)
    return {};
  for (const auto& r : last.rows)
    for (const std::string& c : r)
      if (LooksNumeric(c)) return {};
  return RefinedColumns({last.xs.begin() + 1, last.xs.end() - 1},
                        {next.xs.begin() + 1, next.xs.end() - 1});
}

// `seps` without those between two columns right of the label columns
// that no row of `t` fills both of, `min_table_rows` rows filling one or
// the other: every real column shares a row with its neighbour (the
// header's at least), a column cut in two by its cells' alignment (a
// label set left, the numbers below it right) never does.
std::vector<double> JoinUnsharedColumns(const PageTable& t,
                                        const std::vector<double>& seps) {
  const size_t nc = seps.size() + 1;
  std::vector<int> filled(nc, 0);
  for (const auto& r : t.rows)
    for (size_t c = 0; c < nc && c < r.size(); ++c) filled[c] += !r[c].empty();
  const int most = *std::max_element(filled.begin(), filled.end());
  size_t label_columns = 0;
  while (label_columns < nc && 10 * filled[label_columns] < kPdf.dense_tenths * most)
    ++label_columns;
  std::vector<double> out;
  // The run of columns being joined: which rows it fills.
  std::vector<bool> group(t.rows.size(), false);
  int group_filled = 0;
  auto fills = [&](size_t c, size_t r) {
    return c < t.rows[r].size() && !t.rows[r][c].empty();
  };
  for (size_t c = 0; c < nc; ++c) {
    bool shared = false;
    int next_filled = 0;
    for (size_t r = 0; r < t.rows.size(); ++r) {
      if (!fills(c, r)) continue;
      ++next_filled;
      shared = shared || group[r];
    }
    const bool join =
        c > label_columns && !shared && group_filled > 0 && next_filled > 0 &&
        static_cast<size_t>(group_filled + next_filled) >= kPdf.min_table_rows;
    if (c > 0 && !join) {
      out.push_back(seps[c - 1]);
      std::fill(group.begin(), group.end(), false);
      group_filled = 0;
    }
    for (size_t r = 0; r < t.rows.size(); ++r)
      if (fills(c, r)) group[r] = true, ++group_filled;
  }
  return out;
}

}  // namespace jx::layout::pdf
