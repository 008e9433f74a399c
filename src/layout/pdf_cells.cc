// An unruled table's lines cut into rows and cells under its column
// separators: words into fragments per column, fragments into the blocks
// of one cell, blocks of the columns filled on nearly every row into rows,
// the sparser ones placed on them (labels through pdf_labels.cc), and the
// layout's doubts of what it read. pdf_unruled.cc finds the tables and asks
// this file for their cells.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>

#include "base/text.h"
#include "layout/internal.h"
#include "layout/pdf_internal.h"
#include "layout/table.h"

namespace jx::layout::pdf {
namespace {

class CellBuilder {
 public:
  static void Build(const std::vector<WordLine>& lines, const std::vector<size_t>& idx,
                    const std::vector<double>& seps, PageTable* t,
                    bool place_labels = true) {
    const size_t nc = seps.size() + 1;
    double x0 = 1e9, x1 = -1e9, y0 = 1e9, y1 = -1e9;
    for (size_t i : idx) {
      x0 = std::min(x0, lines[i].front()->x0);
      x1 = std::max(x1, lines[i].back()->x1);
      y0 = std::min(y0, LineTop(lines[i]));
      y1 = std::max(y1, LineBottom(lines[i]));
    }
    t->box = {x0, y0, x1, y1};
    t->xs = seps;
    t->ruled = false;
    auto column = [&](double x) {
      return static_cast<size_t>(std::upper_bound(seps.begin(), seps.end(), x) -
                                 seps.begin());
    };
    // Fragments: each line's words by column. A run of words that goes on
    // across a separator without a wide gap spans those columns.
    std::vector<Frag> frags;
    for (size_t i : idx) {
      const WordLine& l = lines[i];
      size_t j = 0;
      while (j < l.size()) {
        size_t c = column(l[j]->x0);
        Frag f{c, c, l[j]->y0, l[j]->y1, l[j]->size, {l[j]}, i, {}};
        size_t m = j + 1;
        // A number ends its cell: the word after it across a separator is
        // the next column's, however close the producer set the two ("171.00"
        // right-aligned against "—").
        auto number_ends = [&](size_t m) {
          return column(l[m - 1]->x1) < column(l[m]->x0) && LooksNumeric(l[m - 1]->text);
        };
        // So does a gap with a separator in it, though narrower than a
        // wide one: two cells set close.
        auto parts = [&](size_t m) {
          return WideGap(*l[m - 1], *l[m]) || SeparatorInGap(*l[m - 1], *l[m], seps);
        };
        while (m < l.size() && (column(l[m]->x0) == c || !parts(m)) && !number_ends(m)) {
          f.words.push_back(l[m]);
          ++m;
        }
        for (const PdfWord* w : f.words) {
          f.y0 = std::min(f.y0, w->y0);
          f.y1 = std::max(f.y1, w->y1);
          f.size = std::max(f.size, w->size);
        }
        f.last_col =
            std::max(c, column(f.words.back()->x1 - kPdf.span_overhang_em * f.size));
        frags.push_back(std::move(f));
        j = m;
      }
    }
    // The table's em, for the tolerances of rows and labels.
    double em = kPdf.min_em;
    for (const Frag& f : frags) em = std::max(em, f.size);
    std::sort(frags.begin(), frags.end(), [](const Frag& a, const Frag& b) {
      return a.y0 != b.y0 ? a.y0 < b.y0 : a.words[0]->x0 < b.words[0]->x0;
    });
    std::vector<CellLine> boxes;
    boxes.reserve(frags.size());
    for (Frag& f : frags) {
      f.box = LineOf(f.col, f.y0, f.y1, FragWidth(f), f.size, JoinWords(f.words));
      f.box.spans = f.last_col != f.col;
      boxes.push_back(f.box);
    }
    const std::vector<ColumnShape> shapes = ColumnShapes(boxes, nc);
    const double row_gap = RowGapLimit(boxes, nc, em);
    // Or the table's cells set their lines wider apart than that.
    const double open_leading = OpenLeadingLimit(boxes, nc, em);
    // The least gap the row gap parted two lines of words at, and the
    // widest it left two lines of words in one cell at: unless the first is
    // wider by a cell's padding at least (twice `row_gap_slack_em`), the
    // table's leading may be its row gap too (no vertical padding, or rows
    // set tighter than a cell's lines), and which lines are one cell's is a
    // guess.
    double parted_words = kFar, joined_words = -kFar;
    // Blocks: a column's fragments that follow at the leading of one cell.
    std::vector<Block> blocks;
    std::vector<size_t> open(nc, SIZE_MAX);
    for (const Frag& f : frags) {
      size_t& o = open[f.col];
      const bool leading =
          o != SIZE_MAX &&
          f.y0 <= blocks[o].y1 + std::max(kPdf.cell_leading_em * f.size, open_leading);
      const double gap = leading ? f.y0 - blocks[o].y1 : 0;
      if (leading && row_gap < kFar &&
          !LooksNumeric(JoinWords(blocks[o].frags.back()->words)) &&
          !LooksNumeric(JoinWords(f.words))) {
        if (gap >= row_gap)
          parted_words = std::min(parted_words, gap);
        else
          joined_words = std::max(joined_words, gap);
      }
      if (leading && gap < row_gap) {
        Block& bl = blocks[o];
        bl.y1 = std::max(bl.y1, f.y1);
        bl.last_col = std::max(bl.last_col, f.last_col);
        bl.frags.push_back(&f);
      } else {
        o = blocks.size();
        blocks.push_back({f.col, f.last_col, f.y0, f.y1, {&f}});
      }
    }
    // Rows come from the columns that have a cell on most rows; sparse
    // columns (hierarchy labels, set in the middle of the rows they span)
    // are placed afterwards.
    std::vector<int> per_col(nc, 0);
    for (const Block& bl : blocks) ++per_col[bl.col];
    int most = *std::max_element(per_col.begin(), per_col.end());
    // The columns with a cell on (nearly) every row set the rows.
    auto dense = [&](size_t c) { return 10 * per_col[c] >= kPdf.dense_tenths * most; };
    std::vector<const Block*> order;
    for (const Block& bl : blocks) order.push_back(&bl);
    std::sort(order.begin(), order.end(),
              [](const Block* a, const Block* b) { return a->y0 < b->y0; });
    std::vector<Row> rows;
    for (const Block* bl : order) {
      if (!dense(bl->col)) continue;
      if (rows.empty() || bl->y0 >= rows.back().y1 - kPdf.row_overlap_em * em ||
          bl->y0 - rows.back().y1 >= row_gap) {
        rows.push_back({bl->y0, bl->y1, {bl}});
      } else {
        rows.back().y1 = std::max(rows.back().y1, bl->y1);
        rows.back().blocks.push_back(bl);
      }
    }
    if (rows.empty()) return;
    // A sparse cell near a row, or between two rows closer than rows are to
    // each other, belongs to the nearest row (a label centred on the rows it
    // spans); one as far from every row as rows are apart is a row of its own.
    std::vector<double> gaps;
    for (size_t r = 1; r < rows.size(); ++r) gaps.push_back(rows[r].y0 - rows[r - 1].y1);
    double typical = 0;
    if (!gaps.empty()) {
      std::nth_element(gaps.begin(), gaps.begin() + gaps.size() / 2, gaps.end());
      typical = gaps[gaps.size() / 2];
    }
    for (const Block* bl : order) {
      if (dense(bl->col)) continue;
      size_t best = 0;
      double dist = kFar;
      for (size_t r = 0; r < rows.size(); ++r) {
        double d = bl->y1 < rows[r].y0   ? rows[r].y0 - bl->y1
                   : bl->y0 > rows[r].y1 ? bl->y0 - rows[r].y1
                                         : 0;
        double dc = std::fabs(bl->cy() - (rows[r].y0 + rows[r].y1) / 2);
        double bc = std::fabs(bl->cy() - (rows[best].y0 + rows[best].y1) / 2);
        if (d < dist - kPdf.distance_tie ||
            (std::fabs(d - dist) <= kPdf.distance_tie && dc < bc))
          dist = d, best = r;
      }
      if (typical > 0 && dist >= kPdf.own_row_gap * typical) {
        Row nr{bl->y0, bl->y1, {bl}};
        auto at =
            std::upper_bound(rows.begin(), rows.end(), nr,
                             [](const Row& a, const Row& b) { return a.y0 < b.y0; });
        rows.insert(at, std::move(nr));
        continue;
      }
      rows[best].blocks.push_back(bl);
    }
    std::vector<bool> doubted;
    Doubt(lines, idx, seps, rows, nc, em, dense, shapes, t, &doubted);
    if (parted_words < kFar &&
        parted_words - joined_words < 2 * kPdf.row_gap_slack_em * em &&
        std::find(t->doubts.begin(), t->doubts.end(), kDoubtRows) == t->doubts.end())
      t->doubts.emplace_back(kDoubtRows);
    std::vector<std::vector<std::string>> cells(rows.size(),
                                                std::vector<std::string>(nc));
    std::vector<std::vector<double>> centers(rows.size(), std::vector<double>(nc, 0));
    std::vector<std::vector<double>> tops(rows.size(), std::vector<double>(nc, 0));
    for (size_t r = 0; r < rows.size(); ++r) {
      auto& bs = rows[r].blocks;
      std::stable_sort(bs.begin(), bs.end(),
                       [](const Block* a, const Block* b) { return a->y0 < b->y0; });
      for (size_t c = 0; c < nc; ++c) {
        std::vector<WordLine> cell_lines;
        double top = kFar, bot = -kFar;
        for (const Block* bl : bs) {
          if (bl->col != c) continue;
          for (const Frag* f : bl->frags) cell_lines.push_back(f->words);
          top = std::min(top, bl->y0);
          bot = std::max(bot, bl->y1);
        }
        cells[r][c] = JoinCellLines(cell_lines);
        centers[r][c] = (top + bot) / 2;
        tops[r][c] = top;
      }
    }
    if (place_labels) PlaceSpanningHeaders(rows, nc, em, &cells);
    // Before labels move: a cell whose lines end above its row's foot is
    // complete (the row's cells are centred on the tallest).
    std::vector<std::vector<bool>> ends_high(rows.size(), std::vector<bool>(nc, false));
    for (size_t r = 0; r < rows.size(); ++r)
      for (size_t c = 0; c < nc; ++c)
        if (!cells[r][c].empty()) {
          double bot = -kFar, size = kPdf.min_em;
          for (const Block* bl : rows[r].blocks)
            if (bl->col == c) {
              bot = std::max(bot, bl->y1);
              for (const Frag* f : bl->frags) size = std::max(size, f->size);
            }
          ends_high[r][c] = bot < rows[r].y1 - kPdf.ends_high_em * size;
        }
    const auto before = cells;
    // Hierarchy labels lead the row; a sparse column right of a dense one
    // holds values, which sit on their own rows.
    size_t label_columns = 0;
    while (label_columns < nc && !dense(label_columns)) ++label_columns;
    std::vector<RowSpan> spans;
    spans.reserve(rows.size());
    for (const Row& r : rows) spans.push_back({r.y0, r.y1});
    bool unsure = false;
    if (place_labels)
      t->labels_at_foot = PlaceLabels(spans, centers, tops, label_columns, em,
                                      AlignOf(rows, nc, em), &cells, &unsure);
    if (unsure) t->doubts.emplace_back(kDoubtLabels);
    for (size_t r = 0; r < cells.size(); ++r) {
      bool any = false;
      for (const auto& cell : cells[r]) any = any || !cell.empty();
      if (!any) continue;
      t->open_at_foot.assign(nc, false);
      for (size_t c = 0; c < nc; ++c)
        t->open_at_foot[c] =
            !cells[r][c].empty() && (cells[r][c] != before[r][c] || !ends_high[r][c]);
      if (doubted[r]) {
        t->row_doubts.resize(t->rows.size() + 1);
        t->row_doubts.back() = std::string(kDoubtRows);
      }
      t->rows.push_back(std::move(cells[r]));
    }
  }

 private:
  // A table cell's run of words on one line.
  struct Frag {
    size_t col, last_col;
    double y0, y1, size;
    WordLine words;
    size_t line;  // of `lines`
    CellLine box{};
  };
  // A cell's lines in one column: fragments that touch.
  struct Block {
    size_t col, last_col;
    double y0, y1;
    std::vector<const Frag*> frags;
    double cy() const { return (y0 + y1) / 2; }
  };
  struct Row {
    double y0, y1;
    std::vector<const Block*> blocks;
  };

  // A header label merged over several columns is centred on them, so it
  // lies in whichever of them holds its middle, not the first. The header
  // rows are those above the first row with a number; each label of a
  // header row above the lowest goes to the first column of the span it is
  // centred on: of the spans of columns empty beside it on its row, with a
  // label below in every column and cutting no span below it, the one whose
  // outer columns' lowest labels centre it best. It moves only when that
  // centres it within `span_centre_em` and its own column does not, within
  // `span_own_em` (or its own column would cut a span below).
  static void PlaceSpanningHeaders(const std::vector<Row>& rows, size_t nc, double em,
                                   std::vector<std::vector<std::string>>* cells) {
    size_t head = 0;
    auto numbered = [&](size_t r) {
      for (const std::string& c : (*cells)[r])
        if (LooksNumeric(c)) return true;
      return false;
    };
    while (head < rows.size() && !numbered(head)) ++head;
    if (head < 2 || head == rows.size()) return;
    // Each header cell's middle, and whether it lies within its column.
    std::vector<std::vector<double>> mid(head, std::vector<double>(nc, kFar));
    std::vector<std::vector<bool>> single(head, std::vector<bool>(nc, false));
    for (size_t r = 0; r < head; ++r)
      for (const Block* bl : rows[r].blocks) {
        double x0 = kFar, x1 = -kFar;
        for (const Frag* f : bl->frags)
          x0 = std::min(x0, f->words.front()->x0), x1 = std::max(x1, f->words.back()->x1);
        const bool first = mid[r][bl->col] == kFar;
        mid[r][bl->col] = first ? (x0 + x1) / 2 : kFar;
        single[r][bl->col] = first && bl->last_col == bl->col;
      }
    // span[r][c]: which label of row r covers column c (its first column),
    // SIZE_MAX where none does.
    std::vector<std::vector<size_t>> span(head, std::vector<size_t>(nc, SIZE_MAX));
    auto text = [&](size_t r, size_t c) { return !(*cells)[r][c].empty(); };
    for (size_t c = 0; c < nc; ++c)
      if (text(head - 1, c)) span[head - 1][c] = c;
    // The middle of the lowest label below row r in column c.
    auto leaf = [&](size_t r, size_t c) {
      for (size_t k = head; k-- > r + 1;)
        if (text(k, c) && mid[k][c] < kFar) return mid[k][c];
      return kFar;
    };
    auto cuts = [&](size_t r, size_t i, size_t j) {
      for (size_t k = r + 1; k < head; ++k) {
        if (i > 0 && span[k][i] != SIZE_MAX && span[k][i] == span[k][i - 1]) return true;
        if (j + 1 < nc && span[k][j] != SIZE_MAX && span[k][j] == span[k][j + 1])
          return true;
      }
      return false;
    };
    for (size_t r = head - 1; r-- > 0;) {
      for (size_t c = 0; c < nc; ++c) {
        if (!text(r, c)) continue;
        span[r][c] = c;
        if (!single[r][c] || mid[r][c] == kFar) continue;
        const double cx = mid[r][c];
        auto err = [&](size_t i, size_t j) {
          const double a = leaf(r, i), b = leaf(r, j);
          return a == kFar || b == kFar ? kFar : std::fabs(cx - (a + b) / 2);
        };
        const double own = cuts(r, c, c) ? kFar : err(c, c);
        size_t bi = c, bj = c;
        double best = kFar;
        for (size_t i = c + 1; i-- > 0;) {
          if (i < c && (text(r, i) || span[r][i] != SIZE_MAX)) break;
          for (size_t j = c; j < nc; ++j) {
            if (j > c && text(r, j)) break;
            if (i == j) continue;
            bool below = true;
            for (size_t k = i; k <= j && below; ++k) below = leaf(r, k) < kFar;
            if (!below || cuts(r, i, j)) continue;
            const double e = err(i, j);
            if (e < best) best = e, bi = i, bj = j;
          }
        }
        if (best > kPdf.span_centre_em * em || best >= own ||
            own <= kPdf.span_own_em * em)
          continue;
        for (size_t k = bi; k <= bj; ++k) span[r][k] = bi;
        if (bi != c) {
          (*cells)[r][bi] = std::move((*cells)[r][c]);
          (*cells)[r][c].clear();
          mid[r][bi] = mid[r][c];
          mid[r][c] = kFar;
        }
        c = bj;
      }
    }
  }

  // A cell of two lines that are each a whole number ("10" over "10", read
  // as 1010): two rows' values, not a number wrapped ("6,874,309.5" over
  // "9": `CompletesNumber`).
  static bool TwoNumbers(const Block& bl, const std::vector<ColumnShape>& shapes) {
    for (size_t k = 0; k + 1 < bl.frags.size(); ++k) {
      const CellLine &upper = bl.frags[k]->box, &lower = bl.frags[k + 1]->box;
      if (upper.whole_number && lower.whole_number &&
          !CompletesNumber(upper, lower, shapes[bl.col]))
        return true;
    }
    return false;
  }

  // The layout's own measures of how sure it is of the table: how much room
  // the inferred columns leave between cells, and whether a cell's lines
  // reach over several rows or a row holds two cells of one column (that
  // row and its neighbours, one of which lacks what it took: `doubted`).
  template <typename Dense>
  static void Doubt(const std::vector<WordLine>& lines, const std::vector<size_t>& idx,
                    const std::vector<double>& seps, const std::vector<Row>& rows,
                    size_t nc, double em, const Dense& dense,
                    const std::vector<ColumnShape>& shapes, PageTable* t,
                    std::vector<bool>* doubted) {
    doubted->assign(rows.size(), false);
    // The header rows, above the first row with a number, give every
    // column its key: two rows read as one there leave the table in doubt.
    size_t head = 0;
    auto numbered = [&](const Row& r) {
      for (const Block* bl : r.blocks)
        for (const Frag* f : bl->frags)
          if (std::any_of(f->words.begin(), f->words.end(),
                          [](const PdfWord* w) { return LooksNumeric(w->text); }))
            return true;
      return false;
    };
    while (head < rows.size() && !numbered(rows[head])) ++head;
    bool whole = false;
    auto doubt = [&](size_t r) {
      whole = whole || r <= head;
      for (size_t k = r == 0 ? 0 : r - 1; k <= r + 1 && k < rows.size(); ++k)
        (*doubted)[k] = true;
    };
    const ColumnRoom room = MeasureColumnRoom(lines, idx, seps);
    // Two whole numbers side by side in one cell ("10" "9"): two rows' values
    // one line took (a label centred between rows joins them).
    for (size_t r = 0; r < rows.size(); ++r)
      for (const Block* bl : rows[r].blocks)
        for (const Frag* f : bl->frags) {
          for (size_t k = 0; k + 1 < f->words.size(); ++k)
            if (WholeNumber(f->words[k]->text) && WholeNumber(f->words[k + 1]->text))
              doubt(r);
        }
    if (room.margin < kPdf.cell_gap_em + kPdf.column_margin_em || room.two_values)
      t->doubts.emplace_back(kDoubtColumns);
    size_t label_columns = 0;
    while (label_columns < nc && !dense(label_columns)) ++label_columns;
    for (size_t ri = 0; ri < rows.size(); ++ri) {
      const Row& r = rows[ri];
      std::vector<int> per(nc, 0);
      for (const Block* bl : r.blocks) {
        if (dense(bl->col) && ++per[bl->col] > 1) doubt(ri);
        if (TwoNumbers(*bl, shapes)) doubt(ri);
        // A label may span rows; one over more rows than a label centred
        // on them overlaps is text of several rows read as one cell.
        const bool label = bl->col < label_columns;
        const size_t most = kPdf.claimed_rows + (label ? 1 : 0);
        // Rows are in order down the page: only those from the first whose
        // foot is below the cell's top can overlap it.
        auto o = std::partition_point(rows.begin(), rows.end(),
                                      [&](const Row& x) { return x.y1 <= bl->y0; });
        size_t over = 0;
        const auto from = o;
        for (; o != rows.end() && o->y0 < bl->y1 && over < most; ++o)
          if (std::min(bl->y1, o->y1) - std::max(bl->y0, o->y0) >
              kPdf.claim_overlap_em * em)
            ++over;
        if (over < most) continue;
        if (label) {
          t->tall_label = true;
          continue;
        }
        // Every row the cell reaches over.
        for (auto k = from; k != rows.end() && k->y0 < bl->y1; ++k)
          doubt(static_cast<size_t>(k - rows.begin()));
      }
    }
    if (whole) t->doubts.emplace_back(kDoubtRows);
    // Two neighbouring columns never filled on one row may be one column
    // whose cells, aligned right or centred, left a gap where it has none.
    std::vector<int> filled(nc, 0), both(nc, 0);
    for (const Row& r : rows) {
      std::vector<bool> has(nc, false);
      for (const Block* bl : r.blocks) has[bl->col] = true;
      for (size_t c = 0; c < nc; ++c) filled[c] += has[c];
      for (size_t c = 0; c + 1 < nc; ++c) both[c] += has[c] && has[c + 1];
    }
    for (size_t c = label_columns; c + 1 < nc; ++c)
      if (filled[c] > 0 && filled[c + 1] > 0 && both[c] == 0 &&
          static_cast<size_t>(filled[c] + filled[c + 1]) >= kPdf.min_table_rows) {
        t->doubts.emplace_back(kDoubtColumns);
        break;
      }
  }

  // How each column sets a cell of one line in a taller row: level with
  // the row's top, its foot or its middle, as its rows of several lines
  // show. A hierarchy label spanning rows is set so over its span.
  static std::vector<AlignVotes> AlignOf(const std::vector<Row>& rows, size_t nc,
                                         double em) {
    std::vector<AlignVotes> votes(nc);
    const double tol = kPdf.top_aligned_em * em;
    for (const Row& r : rows) {
      bool tall = false;
      for (const Block* bl : r.blocks) tall = tall || bl->frags.size() >= 2;
      if (!tall) continue;
      for (const Block* bl : r.blocks) {
        if (bl->frags.size() != 1) continue;
        AlignVotes& v = votes[bl->col];
        const bool at_top = std::fabs(bl->y0 - r.y0) < tol,
                   at_foot = std::fabs(bl->y1 - r.y1) < tol;
        if (at_top == at_foot) {
          v.middle += !at_top && std::fabs(bl->cy() - (r.y0 + r.y1) / 2) < tol;
          continue;
        }
        v.top += at_top, v.foot += at_foot;
      }
    }
    return votes;
  }

  static double FragWidth(const Frag& f) {
    return f.words.back()->x1 - f.words.front()->x0;
  }
};

}  // namespace

void BuildCells(const std::vector<WordLine>& lines, const std::vector<size_t>& idx,
                const std::vector<double>& seps, PageTable* t, bool place_labels) {
  CellBuilder::Build(lines, idx, seps, t, place_labels);
  // A cell holding a number as no one prints it ("2,400," "000.00"
  // "1,800,0") holds a piece of one its narrow column wrapped: the rest
  // went into the row above or below, so which row's value each piece is,
  // and what those rows hold, is a guess.
  for (size_t r = 0; r < t->rows.size(); ++r) {
    bool cut = false;
    for (const std::string& c : t->rows[r]) {
      const std::string text(TrimSpace(c));
      cut = cut || (LooksNumeric(text) && !WholeNumber(text));
    }
    if (!cut) continue;
    t->row_doubts.resize(t->rows.size());
    for (size_t k = r == 0 ? 0 : r - 1; k <= r + 1 && k < t->rows.size(); ++k)
      AddNames(&t->row_doubts[k], kDoubtRows);
  }
  // The same where the pieces both read as numbers ("60.0" over "0"): a
  // number over a bare digit or two that, set after it, give it the
  // decimals the table's other numbers print.
  auto decimals = [](std::string_view s) -> int {
    const size_t dot = s.find('.');
    return dot == std::string_view::npos ? -1 : static_cast<int>(s.size() - dot - 1);
  };
  auto digits = [](std::string_view s) {
    return !s.empty() && s.size() <= kPdf.wrapped_tail_digits &&
           std::all_of(s.begin(), s.end(),
                       [](char ch) { return ch >= '0' && ch <= '9'; });
  };
  // Decimals printed → cells, over the table: a narrow column may wrap
  // every number it holds.
  std::map<int, int> seen;
  size_t width = 0;
  for (const auto& row : t->rows) {
    width = std::max(width, row.size());
    for (const std::string& cell : row)
      if (LooksNumeric(std::string(TrimSpace(cell)))) ++seen[decimals(TrimSpace(cell))];
  }
  for (size_t c = 0; c < width; ++c) {
    for (size_t r = 0; r + 1 < t->rows.size(); ++r) {
      if (c >= t->rows[r].size() || c >= t->rows[r + 1].size()) continue;
      const std::string_view head = TrimSpace(t->rows[r][c]),
                             tail = TrimSpace(t->rows[r + 1][c]);
      const int d = decimals(head);
      if (d < 0 || !LooksNumeric(std::string(head)) || !digits(tail)) continue;
      const auto it = seen.find(d + static_cast<int>(tail.size()));
      if (it == seen.end() || it->second < 2) continue;
      t->row_doubts.resize(t->rows.size());
      for (size_t k : {r, r + 1}) AddNames(&t->row_doubts[k], kDoubtRows);
    }
  }
}

}  // namespace jx::layout::pdf
