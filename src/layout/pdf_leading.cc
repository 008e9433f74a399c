// Where a cell's next line ends and the next row begins, without rules: a
// gap under `cell_leading_em` is leading, a wider one cell padding. Some
// producers set rows closer than that (a font whose boxes are taller than
// its line pitch, rows without padding), and then every column reads as one
// cell. A table shows its own row gap where two columns or more stack whole
// numbers at the same heights: two values, one per row, in each of them.
// That gap parts rows in this table when it is clearly wider than the
// leading its wrapped cells show, or, where none wraps, wide enough that no
// producer's leading comes near it. The other way round, a table may set
// its cells' lines further apart than `cell_leading_em` (1.5 line
// spacing), and then every line reads as a row: lines that fill their
// column show that leading, numbers one per row the rows' wider gap.
#include <algorithm>
#include <cmath>

#include "layout/internal.h"
#include "layout/pdf_internal.h"

namespace jx::layout::pdf {

bool WholeNumber(const std::string& s) {
  if (!LooksNumeric(s)) return false;
  const char end = s.back();
  if (!((end >= '0' && end <= '9') || end == '%')) return false;
  // A zero before another digit is no number's first digit as printed: the
  // middle or tail of one the cell's width wrapped ("2,400," "000.0" "0").
  if (s.size() >= 2 && s[0] == '0' && s[1] >= '0' && s[1] <= '9') return false;
  size_t group = 0;
  bool comma = false;
  for (char ch : s) {
    if (ch == ',') {
      if (comma && group != 3) return false;
      comma = true, group = 0;
    } else if (ch >= '0' && ch <= '9') {
      ++group;
    } else if (ch == '.') {
      break;
    }
  }
  return !comma || group == 3;
}

CellLine LineOf(size_t col, double y0, double y1, double width, double size,
                const std::string& text) {
  CellLine l{col, y0, y1, width, size, LooksNumeric(text), WholeNumber(text)};
  const size_t point = text.find('.');
  if (l.numeric && point != std::string::npos) {
    l.decimals = 0;
    for (size_t k = point + 1; k < text.size() && text[k] >= '0' && text[k] <= '9'; ++k)
      ++l.decimals;
  }
  l.digits = !text.empty() && std::all_of(text.begin(), text.end(),
                                          [](char ch) { return ch >= '0' && ch <= '9'; });
  l.chars = text.size();
  return l;
}

std::vector<double> WidestNumbers(const std::vector<CellLine>& boxes, size_t nc) {
  std::vector<double> widest(nc, 0);
  for (const CellLine& b : boxes)
    if (b.col < nc && b.numeric) widest[b.col] = std::max(widest[b.col], b.width);
  return widest;
}

namespace {

// Calls `f(upper, lower)` for each line of `boxes` (in order down the page)
// and the line before it in its column, where it is set under that one: a
// line starting above the middle of the one before is drawn over it (text
// overflowing its row), with no leading to measure.
template <typename F>
void ForEachStacked(const std::vector<CellLine>& boxes, size_t nc, const F& f) {
  std::vector<const CellLine*> last(nc, nullptr);
  for (const CellLine& b : boxes) {
    if (b.col >= nc) continue;
    const CellLine* p = last[b.col];
    last[b.col] = &b;
    if (p && b.y0 >= (p->y0 + p->y1) / 2) f(*p, b);
  }
}

// A number and the line below it in its column, as the shapes of a number
// and its cut digits go, whatever their gap.
bool CutShape(const CellLine& upper, const CellLine& lower, double widest) {
  if (upper.col != lower.col || upper.decimals < 0 || !lower.digits || lower.chars == 0 ||
      lower.width >= upper.width)
    return false;
  const double digit = lower.width / static_cast<double>(lower.chars);
  return widest <= upper.width + digit + kPdf.wrap_fill_em * upper.size;
}

}  // namespace

std::vector<ColumnShape> ColumnShapes(const std::vector<CellLine>& boxes, size_t nc) {
  std::vector<ColumnShape> shapes(nc);
  for (const CellLine& b : boxes)
    if (b.col < nc && !b.spans)
      shapes[b.col].widest = std::max(shapes[b.col].widest, b.width);
  ForEachStacked(boxes, nc, [&](const CellLine& p, const CellLine& b) {
    ColumnShape& c = shapes[b.col];
    if (p.numeric && b.numeric && !CutShape(p, b, c.widest))
      c.rows_gap = std::min(c.rows_gap, b.y0 - p.y1);
  });
  return shapes;
}

bool CompletesNumber(const CellLine& upper, const CellLine& lower,
                     const ColumnShape& column) {
  return CutShape(upper, lower, column.widest) && column.rows_gap < kFar &&
         lower.y0 - upper.y1 + kPdf.leading_separation_em() * upper.size <=
             column.rows_gap;
}

double RowGapLimit(const std::vector<CellLine>& boxes, size_t nc, double em) {
  struct Step {
    double gap, next_top;
    bool numbers, unwrapped;
  };
  // A number within `wrap_width_em` of its column's widest fills the
  // column and may have wrapped.
  const std::vector<double> widest = WidestNumbers(boxes, nc);
  const std::vector<ColumnShape> shapes = ColumnShapes(boxes, nc);
  std::vector<Step> steps;
  ForEachStacked(boxes, nc, [&](const CellLine& p, const CellLine& b) {
    // A number's last digits under it are its own cell's next line: two
    // columns wrapping their numbers at one height show the leading, not
    // the rows' gap.
    steps.push_back(
        {b.y0 - p.y1, b.y0,
         p.whole_number && b.whole_number && !CompletesNumber(p, b, shapes[b.col]),
         p.width <= widest[b.col] - kPdf.wrap_width_em * p.size});
  });
  const double limit = kPdf.cell_leading_em * em;
  // The least gap between stacked numbers that another column repeats at
  // the same height: rows, not a number wrapped in one cell.
  std::vector<const Step*> numbers;
  for (const Step& s : steps)
    if (s.numbers && s.gap < limit) numbers.push_back(&s);
  std::sort(numbers.begin(), numbers.end(),
            [](const Step* a, const Step* b) { return a->next_top < b->next_top; });
  const double same = kPdf.row_level_em * em;
  double rows = kFar;
  // The heights at which columns repeat each other's stacked numbers: rows
  // of a table one value a row, where they are this many.
  size_t repeated = 0;
  double last_repeated = -kFar;
  for (size_t i = 0, lo = 0, hi = 0; i < numbers.size(); ++i) {
    while (numbers[lo]->next_top < numbers[i]->next_top - same) ++lo;
    while (hi < numbers.size() && numbers[hi]->next_top <= numbers[i]->next_top + same)
      ++hi;
    const bool columns = hi - lo >= kPdf.row_evidence_columns;
    if (columns && numbers[i]->next_top > last_repeated + same) {
      ++repeated;
      last_repeated = numbers[i]->next_top;
    }
    if (columns || numbers[i]->unwrapped) rows = std::min(rows, numbers[i]->gap);
  }
  if (rows == kFar) return kFar;
  // The rows' gap parts rows only when the leading of the table's wrapped
  // cells lies below it by a cell's vertical padding, a point each side at
  // the least: twice `row_gap_slack_em`; nearer, the two are not told apart.
  const double sep = kPdf.leading_separation_em() * em;
  double leading = -kFar;
  for (const Step& s : steps) {
    // Within rounding of the rows' gap (a label's font a hair taller than
    // the numbers'): the rows' gap.
    if (s.gap >= rows - kPdf.row_gap_margin_em * em) continue;
    // A gap between leading and the rows' is neither: no limit is sure.
    if (s.gap > rows - sep) return kFar;
    leading = std::max(leading, s.gap);
  }
  if (leading > -kFar) return (leading + rows) / 2;
  const double limit_rows = rows - kPdf.row_gap_margin_em * em;
  // A lattice of numbers, columns repeating each other at row after row,
  // is rows whatever the leading: no cell stacks whole numbers in several
  // columns at so many heights. Its gap must still exceed a cell's vertical
  // padding, which single-spaced lines of one cell never show.
  if (repeated >= kPdf.lattice_rows && rows >= sep) return limit_rows;
  if (limit_rows < kPdf.unproven_leading_em * em) return kFar;
  return limit_rows;
}

double OpenLeadingLimit(const std::vector<CellLine>& boxes, size_t nc, double em) {
  std::vector<double> widest(nc, 0);
  for (const CellLine& b : boxes)
    if (b.col < nc && !b.numeric) widest[b.col] = std::max(widest[b.col], b.width);
  struct Pair {
    size_t col;
    double gap;
    bool wrapped;
  };
  std::vector<Pair> pairs;
  // Two numbers one under the other in a column are two rows' values (one
  // number per cell): the least gap between them is at least the rows'.
  double numbers = kFar;
  ForEachStacked(boxes, nc, [&](const CellLine& p, const CellLine& b) {
    const double gap = b.y0 - p.y1;
    if (p.numeric && b.numeric) numbers = std::min(numbers, gap);
    if (p.numeric || b.numeric) return;
    pairs.push_back(
        {b.col, gap, p.width >= widest[b.col] - kPdf.wrapped_line_em * p.size});
  });
  if (numbers == kFar) return 0;
  const double floor = kPdf.cell_leading_em * em, ceiling = kPdf.max_leading_em * em;
  // The leading is the least gap between two lines of text in a column:
  // where any lies within `cell_leading_em`, the table sets the usual
  // leading and its wider gaps are rows.
  double leading = kFar;
  for (const Pair& p : pairs) leading = std::min(leading, p.gap);
  if (leading <= floor || leading > ceiling) return 0;
  // The rows must lie further apart than the leading by a cell's vertical
  // padding (a point each side at the least), in the numbers and in the
  // columns that show the leading: a column whose lines all lie one gap
  // apart may as well be rows of one line each.
  const double sep = kPdf.leading_separation_em() * em;
  if (leading == kFar || leading + sep > numbers) return 0;
  std::vector<bool> parted(nc, false);
  for (const Pair& p : pairs)
    if (p.gap >= leading + sep) parted[p.col] = true;
  size_t evidence = 0;
  for (const Pair& p : pairs)
    if (p.wrapped && parted[p.col] && p.gap <= leading + kPdf.row_level_em * em)
      ++evidence;
  if (evidence < kPdf.leading_evidence) return 0;
  return leading + kPdf.row_gap_slack_em * em;
}

double RowGapLimit(const std::vector<WordLine>& lines, const std::vector<size_t>& idx,
                   const std::vector<double>& seps, double em) {
  std::vector<CellLine> boxes;
  for (size_t i : idx) {
    const WordLine& l = lines[i];
    for (size_t j = 0; j < l.size();) {
      size_t m = j + 1;
      while (m < l.size() && !WideGap(*l[m - 1], *l[m])) ++m;
      const std::vector<const PdfWord*> run(l.begin() + j, l.begin() + m);
      double y0 = kFar, y1 = -kFar, size = 0;
      for (const PdfWord* w : run)
        y0 = std::min(y0, w->y0), y1 = std::max(y1, w->y1),
        size = std::max(size, w->size);
      const size_t col = static_cast<size_t>(
          std::upper_bound(seps.begin(), seps.end(), run.front()->x0) - seps.begin());
      boxes.push_back(
          LineOf(col, y0, y1, run.back()->x1 - run.front()->x0, size, JoinWords(run)));
      j = m;
    }
  }
  std::stable_sort(boxes.begin(), boxes.end(),
                   [](const CellLine& a, const CellLine& b) { return a.y0 < b.y0; });
  return RowGapLimit(boxes, seps.size() + 1, em);
}

}  // namespace jx::layout::pdf
