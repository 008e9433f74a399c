// Without rules, a table shows only as text set in columns. Lines are split
// into segments at gaps wider than a space; a run of rows that have several
// segments, with the lines between them, is a table. Rows are bands of lines
// that touch (cell padding or paragraph spacing separates rows, leading
// separates the lines of one cell). This file finds those tables among the
// page's lines and cuts them into rows and cells; where the columns are is
// asked of pdf_columns.cc, where labels go of pdf_labels.cc.
#include <cmath>
#include <cstdint>

#include "layout/internal.h"
#include "layout/pdf_internal.h"
#include "layout/table.h"

namespace jx::layout::pdf {
namespace {

class UnruledReader {
 public:
  // `carry`: the separators of the unruled table the last page ended with; a
  // table that opens this page with separators among them goes on with them.
  explicit UnruledReader(std::vector<double> carry) : carry_(std::move(carry)) {}

  // `lines` in reading order (top to bottom). Lines that form tables are
  // moved into `tables`; the rest stay in `text`.
  void Run(std::vector<WordLine> lines, double page_height,
           std::vector<PageTable>* tables, std::vector<WordLine>* text) {
    const size_t n = lines.size();
    std::vector<std::vector<Segment>> segs(n);
    for (size_t i = 0; i < n; ++i) segs[i] = Segments(lines[i]);
    // Bands: lines that touch or nearly touch. A band with a line of several
    // segments is (part of) a table row.
    std::vector<Band> bands;
    double bottom = -1e9;
    for (size_t i = 0; i < n; ++i) {
      double gap_limit = kPdf.cell_leading_em * LineSize(lines[i]);
      if (bands.empty() || LineTop(lines[i]) > bottom + gap_limit) {
        bands.push_back({i, i});
        bottom = LineBottom(lines[i]);
      } else {
        bands.back().second = i;
        bottom = std::max(bottom, LineBottom(lines[i]));
      }
    }
    auto multi = [&](size_t b) {
      int m = 0;
      for (size_t i = bands[b].first; i <= bands[b].second; ++i) m += segs[i].size() >= 2;
      return m;
    };
    auto lines_of = [&](size_t b, size_t e, bool only_multi) {
      std::vector<size_t> idx;
      for (size_t k = b; k <= e; ++k)
        if (!only_multi || multi(k) > 0)
          for (size_t i = bands[k].first; i <= bands[k].second; ++i) idx.push_back(i);
      return idx;
    };
    const size_t last_band = FooterStart(lines, segs, bands, page_height);
    std::vector<bool> taken(n, false);
    bool first_region = true;
    // The table this page's last region made, and its last band.
    size_t joinable = SIZE_MAX, joinable_end = 0;
    size_t b = 0, floor = 0;  // bands before `floor` are decided
    // The last rows of a table the last page ended with may come with no
    // line of several cells at all: a label, then a label wrapped around
    // its neighbour. They are that table's when they stay inside its columns
    // and some band sets cells in two of them.
    if (!carry_.empty() && !bands.empty() &&
        !TextAbove(lines, taken, bands[0].first, page_height)) {
      size_t k = 0;
      bool any_multi = false, two_columns = false;
      while (k < bands.size() && !CrossesAny(lines, bands[k], carry_) &&
             (k == 0 || Near(lines, bands[k - 1], bands[k]))) {
        any_multi = any_multi || multi(k) > 0;
        two_columns = two_columns || Staggered(lines, bands[k], carry_);
        ++k;
      }
      if (k > 0 && !any_multi && two_columns) {
        PageTable t;
        Build(lines, lines_of(0, k - 1, false), carry_, &t);
        t.continues = true;
        if (!t.rows.empty()) {
          for (size_t i : lines_of(0, k - 1, false)) taken[i] = true;
          joinable = tables->size();
          joinable_end = k - 1;
          tables->push_back(std::move(t));
          b = floor = k;
          first_region = false;
        }
      }
    }
    while (b < bands.size()) {
      if (multi(b) == 0) {
        ++b;
        continue;
      }
      size_t e = b;
      while (e + 1 < last_band && Near(lines, bands[e], bands[e + 1])) ++e;
      // Bands without a wide gap that cross a column separator are running
      // text: the table ends before the first of them.
      std::vector<double> seps = Separators(lines, segs, lines_of(b, e, true));
      size_t end = b;
      for (size_t k = b; k <= e; ++k) {
        if (multi(k) == 0 && CrossesAny(lines, bands[k], seps) &&
            !Staggered(lines, bands[k], seps))
          break;
        end = k;
      }
      // A last row with a single cell in the first column is more likely a
      // paragraph that follows the table.
      while (end > b && multi(end) == 0 && !seps.empty() &&
             lines[bands[end].first].front()->x0 < seps.front() &&
             !Staggered(lines, bands[end], seps) &&
             !WrapsInFirstColumn(lines, bands[end], seps))
        --end;
      // Likewise a first row with a single cell belongs to the table unless
      // it is in the first column.
      // At the top of a page that goes on with the last page's table, the
      // rows before the first one with several cells are that table's too,
      // whatever column they are in (a label the page break cut: "标").
      const bool may_continue = first_region && !carry_.empty();
      size_t begin = b;
      // A row of a label and a cell spanning columns ("项目名称" / "招商引资
      // 工作经费") crosses separators but is staggered like any wrapped row.
      while (
          begin > floor && multi(begin - 1) == 0 && !seps.empty() &&
          Near(lines, bands[begin - 1], bands[begin]) &&
          (Staggered(lines, bands[begin - 1], seps) ||
           WrapsInFirstColumn(lines, bands[begin - 1], seps) ||
           (!CrossesAny(lines, bands[begin - 1], may_continue ? carry_ : seps) &&
            (may_continue || lines[bands[begin - 1].first].front()->x0 > seps.front()))))
        --begin;
      b = begin;
      int multi_lines = 0;
      for (size_t k = b; k <= end; ++k) multi_lines += multi(k);
      seps = Separators(lines, segs, lines_of(b, end, false));
      bool continued = false;
      bool spans_unsure = false;  // a header label could head two columns
      const size_t found = seps.size();
      if (may_continue && !seps.empty() &&
          !TextAbove(lines, taken, bands[b].first, page_height) &&
          Fits(carry_, lines, segs, lines_of(b, end, false))) {
        seps = MergeSeparators(carry_, seps, segs, lines_of(b, end, false));
        continued = true;
      } else {
        seps = HeaderSpans(seps, lines, segs, lines_of(b, end, false), &spans_unsure);
      }
      first_region = false;
      // A row of three cells or more that wrap onto several lines, ending
      // the page, opens a table the next page goes on with ("项目名称 … 年度预算
      // 金额/(万元) 140"); a form's one-line header ("填报单位：… 填报日期：…") does
      // not wrap.
      size_t end_lines = 0;
      for (size_t k = b; k <= end; ++k) end_lines += bands[k].second - bands[k].first + 1;
      const bool foot_row =
          end + 1 == last_band && !seps.empty() && end_lines >= 2 &&
          LineBottom(lines[bands[end].second]) > kPdf.page_end_zone * page_height;
      // Rows set a little further below this page's last table than Near
      // allows (an empty row between) go on with it when its columns hold
      // them.
      const bool joins =
          !continued && joinable < tables->size() && joinable_end + 1 == b &&
          multi_lines >= 1 &&
          LineTop(lines[bands[b].first]) - LineBottom(lines[bands[joinable_end].second]) <
              kPdf.row_join_em * LineSize(lines[bands[b].first]) &&
          Fits((*tables)[joinable].xs, lines, segs, lines_of(b, end, false));
      // A continued table needs no second line of cells to be one.
      if (!joins && (multi_lines < (continued || foot_row ? 1 : 2) || seps.empty())) {
        b = end + 1;
        floor = b;
        continue;
      }
      PageTable t;
      Build(lines, lines_of(b, end, false), seps, &t);
      t.continues = continued;
      // Header and body disagreed on the columns and the body's were taken:
      // sure where each label had one column of values beside it to head,
      // not where it stood between two.
      // A label column's cell over many rows leaves the body's columns in
      // doubt too.
      if ((spans_unsure || (seps.size() < found && t.tall_label)) &&
          std::find(t.doubts.begin(), t.doubts.end(), kDoubtColumns) == t.doubts.end())
        t.doubts.emplace_back(kDoubtColumns);
      // Two lines set with wide gaps are more often a form's header ("填报单位：…
      // 填报日期：…") than a table, unless the page ends with them or cells of
      // three columns or more wrap onto further lines.
      // Two rows of three columns or more at the foot of the page are a
      // table the next page goes on with (a header and its first row).
      // Of two columns, only a single row: two lines of label and value
      // ("填报人：…" / "联系电话：…") are not a table at the foot either.
      const bool at_foot =
          (foot_row && (seps.size() >= 2 || t.rows.size() == 1)) ||
          (end + 1 == last_band && t.rows.size() >= 2 && seps.size() >= 2);
      if (joins && t.rows.size() < kPdf.min_table_rows) {
        PageTable& prev = (*tables)[joinable];
        PageTable more;
        Build(lines, lines_of(b, end, false), prev.xs, &more);
        for (size_t i : lines_of(b, end, false)) taken[i] = true;
        for (auto& r : more.rows) prev.rows.push_back(std::move(r));
        prev.open_at_foot = std::move(more.open_at_foot);
        prev.box.y1 = std::max(prev.box.y1, more.box.y1);
        prev.box.x0 = std::min(prev.box.x0, more.box.x0);
        prev.box.x1 = std::max(prev.box.x1, more.box.x1);
        joinable_end = end;
      } else if (t.rows.size() >= kPdf.min_table_rows || at_foot ||
                 (continued && !t.rows.empty()) ||
                 (t.rows.size() == 2 && seps.size() >= 2 && end_lines > 2)) {
        for (size_t i : lines_of(b, end, false)) taken[i] = true;
        joinable = tables->size();
        joinable_end = end;
        tables->push_back(std::move(t));
      }
      b = end + 1;
      floor = b;
    }
    for (size_t i = 0; i < n; ++i)
      if (!taken[i]) text->push_back(std::move(lines[i]));
  }

 private:
  using Band = std::pair<size_t, size_t>;  // first and last line

  // A table cell's run of words on one line.
  struct Frag {
    size_t col, last_col;
    double y0, y1, size;
    WordLine words;
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

  // Rows of one table are closer than a paragraph break of three lines.
  static bool Near(const std::vector<WordLine>& lines, const Band& a, const Band& b) {
    double size = LineSize(lines[b.first]);
    double a_bottom = -1e9;
    for (size_t i = a.first; i <= a.second; ++i)
      a_bottom = std::max(a_bottom, LineBottom(lines[i]));
    return LineTop(lines[b.first]) - a_bottom < kPdf.row_near_em * size;
  }

  static bool CrossesAny(const std::vector<WordLine>& lines, const Band& band,
                         const std::vector<double>& seps) {
    // A justified line may run a little past the separator its column's
    // other lines leave room for ("…完成（6 分）； 2."); running text crosses
    // by far more.
    for (size_t i = band.first; i <= band.second; ++i) {
      double slack = kPdf.separator_overrun_em * LineSize(lines[i]);
      double x0 = lines[i].front()->x0 + slack, x1 = lines[i].back()->x1 - slack;
      for (double s : seps)
        if (x0 < s && s < x1) return true;
    }
    return false;
  }

  // A row whose cells are centred on each other comes as lines of one
  // segment each, set half a line apart: a first-column label wrapped around
  // a cell to its right ("满意度指" / "服务对象满意度指标" / "标"). A paragraph's
  // lines start at its left edge and only its last line may stop short.
  static bool Staggered(const std::vector<WordLine>& lines, const Band& band,
                        const std::vector<double>& seps) {
    if (seps.empty() || band.second == band.first) return false;
    bool label = false, right = false;
    for (size_t i = band.first; i <= band.second; ++i) {
      if (i < band.second && lines[i].back()->x1 <= seps.front()) label = true;
      if (lines[i].front()->x0 >= seps.front()) right = true;
    }
    return label && right;
  }

  // A cell of the first column wraps at that column's edge ("评价" / "指标",
  // "注：土地、房屋及构筑物的数量为面" / "积。"); a paragraph wraps at the
  // page's.
  static bool WrapsInFirstColumn(const std::vector<WordLine>& lines, const Band& band,
                                 const std::vector<double>& seps) {
    if (seps.empty() || band.second == band.first) return false;
    const double edge = seps.front();
    for (size_t i = band.first; i <= band.second; ++i)
      if (lines[i].back()->x1 > edge + kPdf.separator_overrun_em * LineSize(lines[i]))
        return false;
    return lines[band.first].back()->x1 >=
           edge - kPdf.first_column_wrap_em * LineSize(lines[band.first]);
  }

  // Running text above line `first`, below the page header zone.
  static bool TextAbove(const std::vector<WordLine>& lines,
                        const std::vector<bool>& taken, size_t first,
                        double page_height) {
    for (size_t i = 0; i < first; ++i)
      if (!taken[i] && LineTop(lines[i]) > kPdf.head_zone * page_height) return true;
    return false;
  }

  // A cell of two lines that are each a whole number ("10" over "10", read
  // as 1010): two rows' values, not a number wrapped.
  static bool TwoNumbers(const Block& bl) {
    for (size_t k = 0; k + 1 < bl.frags.size(); ++k)
      if (WholeNumber(JoinWords(bl.frags[k]->words)) &&
          WholeNumber(JoinWords(bl.frags[k + 1]->words)))
        return true;
    return false;
  }

  // The layout's own measures of how sure it is of the table: how much room
  // the inferred columns leave between cells, and whether a cell's lines
  // reach over several rows or a row holds two cells of one column.
  template <typename Dense>
  static void Doubt(const std::vector<WordLine>& lines, const std::vector<size_t>& idx,
                    const std::vector<double>& seps, const std::vector<Row>& rows,
                    size_t nc, double em, const Dense& dense, PageTable* t) {
    double margin = kFar;
    // Two numbers a wide gap parts with no separator between them: two
    // columns' values read as one cell.
    bool two_values = false;
    for (size_t i : idx) {
      const WordLine& l = lines[i];
      const double size = LineSize(l);
      for (size_t k = 0; k + 1 < l.size(); ++k) {
        // A gap with a separator in it (separators are in order).
        auto s = std::lower_bound(seps.begin(), seps.end(), l[k]->x1);
        if (s != seps.end() && *s <= l[k + 1]->x0)
          margin = std::min(margin, (l[k + 1]->x0 - l[k]->x1) / size);
        else if (WideGap(*l[k], *l[k + 1]) && LooksNumeric(l[k]->text) &&
                 LooksNumeric(l[k + 1]->text))
          two_values = true;
      }
    }
    if (margin < kPdf.cell_gap_em + kPdf.column_margin_em || two_values)
      t->doubts.emplace_back(kDoubtColumns);
    size_t label_columns = 0;
    while (label_columns < nc && !dense(label_columns)) ++label_columns;
    bool claimed = false;
    for (const Row& r : rows) {
      std::vector<int> per(nc, 0);
      for (const Block* bl : r.blocks) {
        if (dense(bl->col) && ++per[bl->col] > 1) claimed = true;
        if (TwoNumbers(*bl)) claimed = true;
        // A label may span rows; one over more rows than a label centred
        // on them overlaps is text of several rows read as one cell.
        const bool label = bl->col < label_columns;
        const size_t most = kPdf.claimed_rows + (label ? 1 : 0);
        // Rows are in order down the page: only those from the first whose
        // foot is below the cell's top can overlap it.
        auto o = std::partition_point(rows.begin(), rows.end(),
                                      [&](const Row& x) { return x.y1 <= bl->y0; });
        size_t over = 0;
        for (; o != rows.end() && o->y0 < bl->y1 && over < most; ++o)
          if (std::min(bl->y1, o->y1) - std::max(bl->y0, o->y0) >
              kPdf.claim_overlap_em * em)
            ++over;
        if (over < most) continue;
        if (label)
          t->tall_label = true;
        else
          claimed = true;
      }
    }
    if (claimed) t->doubts.emplace_back(kDoubtRows);
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

  friend void jx::layout::pdf::BuildCells(const std::vector<WordLine>&,
                                          const std::vector<size_t>&,
                                          const std::vector<double>&, PageTable*);

  static void Build(const std::vector<WordLine>& lines, const std::vector<size_t>& idx,
                    const std::vector<double>& seps, PageTable* t) {
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
        Frag f{c, c, l[j]->y0, l[j]->y1, l[j]->size, {l[j]}};
        size_t m = j + 1;
        while (m < l.size() && (column(l[m]->x0) == c || !WideGap(*l[m - 1], *l[m]))) {
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
    // Blocks: a column's fragments that follow at the leading of one cell.
    std::vector<CellLine> boxes;
    boxes.reserve(frags.size());
    for (const Frag& f : frags)
      boxes.push_back({f.col, f.y0, f.y1, WholeNumber(JoinWords(f.words))});
    const double row_gap = RowGapLimit(boxes, nc, em);
    std::vector<Block> blocks;
    std::vector<size_t> open(nc, SIZE_MAX);
    for (const Frag& f : frags) {
      size_t& o = open[f.col];
      if (o != SIZE_MAX &&
          f.y0 <= blocks[o].y1 + std::min(row_gap, kPdf.cell_leading_em * f.size)) {
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
      if (rows.empty() || bl->y0 >= rows.back().y1 - kPdf.row_overlap_em * em) {
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
    Doubt(lines, idx, seps, rows, nc, em, dense, t);
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
    if (!PlaceLabels(spans, centers, tops, label_columns, em, &cells))
      t->doubts.emplace_back(kDoubtLabels);
    for (size_t r = 0; r < cells.size(); ++r) {
      bool any = false;
      for (const auto& cell : cells[r]) any = any || !cell.empty();
      if (!any) continue;
      t->open_at_foot.assign(nc, false);
      for (size_t c = 0; c < nc; ++c)
        t->open_at_foot[c] =
            !cells[r][c].empty() && (cells[r][c] != before[r][c] || !ends_high[r][c]);
      t->rows.push_back(std::move(cells[r]));
    }
  }

  std::vector<double> carry_;
};

}  // namespace

void BuildCells(const std::vector<WordLine>& lines, const std::vector<size_t>& idx,
                const std::vector<double>& seps, PageTable* t) {
  UnruledReader::Build(lines, idx, seps, t);
}

void ReadUnruled(std::vector<double> carry, std::vector<WordLine> lines,
                 double page_height, std::vector<PageTable>* tables,
                 std::vector<WordLine>* text) {
  UnruledReader(std::move(carry)).Run(std::move(lines), page_height, tables, text);
}

}  // namespace jx::layout::pdf
