// Without rules, a table shows only as text set in columns. Lines are split
// into segments at gaps wider than a space; a run of rows that have several
// segments, with the lines between them, is a table. Rows are bands of lines
// that touch (cell padding or paragraph spacing separates rows, leading
// separates the lines of one cell). This file finds those tables among the
// page's lines; where the columns are is asked of pdf_columns.cc, how its
// lines make rows and cells of pdf_cells.cc.
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
  UnruledReader(std::vector<double> carry, const std::vector<Box>& frames)
      : carry_(std::move(carry)), frames_(frames) {}

  // `lines` in reading order (top to bottom). Lines that form tables are
  // moved into `tables`; the rest stay in `text`.
  void Run(std::vector<WordLine> lines, double page_height,
           std::vector<PageTable>* tables, std::vector<WordLine>* text) {
    const size_t n = lines.size();
    std::vector<std::vector<Segment>> segs(n);
    for (size_t i = 0; i < n; ++i) segs[i] = Segments(lines[i]);
    // Which frame each line lies in (its middle; frames.size(): none).
    frame_of_.assign(n, frames_.size());
    for (size_t i = 0; i < n && !frames_.empty(); ++i) {
      const double cx = (lines[i].front()->x0 + lines[i].back()->x1) / 2,
                   cy = (LineTop(lines[i]) + LineBottom(lines[i])) / 2;
      for (size_t f = 0; f < frames_.size(); ++f)
        if (cx > frames_[f].x0 && cx < frames_[f].x1 && cy > frames_[f].y0 &&
            cy < frames_[f].y1) {
          frame_of_[i] = f;
          break;
        }
    }
    // Bands: lines that touch or nearly touch. A band with a line of several
    // segments is (part of) a table row.
    // A line in another font than the one before it starts a band of its
    // own however close it is set: a caption over the rows.
    std::vector<Band> bands;
    double bottom = -1e9;
    for (size_t i = 0; i < n; ++i) {
      double gap_limit = kPdf.cell_leading_em * LineSize(lines[i]);
      if (bands.empty() || LineTop(lines[i]) > bottom + gap_limit ||
          frame_of_[i] != frame_of_[bands.back().second] ||
          OtherSize(lines[bands.back().second], lines[i])) {
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
        BuildCells(lines, lines_of(0, k - 1, false), carry_, &t);
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
      // A separator is placed mid-gap between the cells its rows set; a
      // cell's line wrapped at its column's edge may reach further into
      // the gap than the rows that placed it, yet stop short of the next
      // column's cells: it crosses nothing there when the cell's next line
      // follows at a leading (`max_leading_em`), where it started. A
      // caption over the next table is set further above it.
      const std::vector<double> starts = ColumnStarts(segs, lines_of(b, e, true), seps);
      auto wraps_on = [&](size_t k) {
        if (k + 1 >= bands.size()) return false;
        const WordLine& l = lines[bands[k].second];
        const WordLine& next = lines[bands[k + 1].first];
        return LineTop(next) - LineBottom(l) <= kPdf.max_leading_em * LineSize(l) &&
               std::fabs(next.front()->x0 - l.front()->x0) <= kPdf.same_separator;
      };
      size_t end = b;
      for (size_t k = b; k <= e; ++k) {
        if (multi(k) == 0 &&
            CrossesAny(lines, bands[k], seps, wraps_on(k) ? &starts : nullptr) &&
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
      // The header alone made separators the body's columns do without.
      const bool header_split = seps.size() < found;
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
      // Columns the whole table never fills on one row are one column whose
      // cells are set to different sides (labels left, numbers right); a
      // piece going on with the last page's columns keeps them. Asked of
      // the cells as they lie, before labels move.
      if (!continued) {
        PageTable unplaced;
        BuildCells(lines, lines_of(b, end, false), seps, &unplaced,
                   /*place_labels=*/false);
        seps = JoinUnsharedColumns(unplaced, seps);
      }
      PageTable t;
      BuildCells(lines, lines_of(b, end, false), seps, &t);
      t.continues = continued;
      // Header and body disagreed on the columns and the body's were taken:
      // sure where each label had one column of values beside it to head,
      // not where it stood between two.
      // A label column's cell over many rows leaves the body's columns in
      // doubt too.
      if ((spans_unsure || (header_split && t.tall_label)) &&
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
        BuildCells(lines, lines_of(b, end, false), prev.xs, &more);
        for (size_t i : lines_of(b, end, false)) taken[i] = true;
        // Its doubts go with its rows.
        more.row_doubts.resize(more.rows.size());
        prev.row_doubts.resize(prev.rows.size());
        for (auto& d : more.row_doubts) prev.row_doubts.push_back(std::move(d));
        for (auto& r : more.rows) prev.rows.push_back(std::move(r));
        for (auto& d : more.doubts)
          if (std::find(prev.doubts.begin(), prev.doubts.end(), d) == prev.doubts.end())
            prev.doubts.push_back(std::move(d));
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

  // Rows of one table are closer than a paragraph break of three lines, and
  // lie in the same frame, or outside every frame, both.
  bool Near(const std::vector<WordLine>& lines, const Band& a, const Band& b) const {
    if (frame_of_[a.second] != frame_of_[b.first]) return false;
    double size = LineSize(lines[b.first]);
    double a_bottom = -1e9;
    for (size_t i = a.first; i <= a.second; ++i)
      a_bottom = std::max(a_bottom, LineBottom(lines[i]));
    return LineTop(lines[b.first]) - a_bottom < kPdf.row_near_em * size;
  }

  // Where the cells right of each separator start: the leftmost segment
  // of `idx`'s lines between it and the next (kFar where none).
  static std::vector<double> ColumnStarts(const std::vector<std::vector<Segment>>& segs,
                                          const std::vector<size_t>& idx,
                                          const std::vector<double>& seps) {
    std::vector<double> out(seps.size(), kFar);
    for (size_t i : idx)
      for (const Segment& sg : segs[i]) {
        auto it = std::upper_bound(seps.begin(), seps.end(), sg.x0);
        if (it == seps.begin()) continue;
        const size_t j = static_cast<size_t>(it - seps.begin()) - 1;
        out[j] = std::min(out[j], sg.x0);
      }
    return out;
  }

  // `starts`, when given: ColumnStarts of `seps`; a line that ends before
  // the cells right of a separator start does not cross it.
  static bool CrossesAny(const std::vector<WordLine>& lines, const Band& band,
                         const std::vector<double>& seps,
                         const std::vector<double>* starts = nullptr) {
    // A justified line may run a little past the separator its column's
    // other lines leave room for ("…完成（6 分）； 2."); running text crosses
    // by far more.
    // A separator in a gap between two of the line's words is not crossed:
    // two cells set close (`GapHolds`).
    for (size_t i = band.first; i <= band.second; ++i) {
      const WordLine& l = lines[i];
      double slack = kPdf.separator_overrun_em * LineSize(l);
      double x0 = l.front()->x0 + slack, x1 = l.back()->x1 - slack;
      for (size_t j = 0; j < seps.size(); ++j) {
        const double s = seps[j];
        if (!(x0 < s && s < x1)) continue;
        if (starts && l.back()->x1 <= (*starts)[j]) continue;
        bool in_gap = false;
        for (size_t k = 0; k + 1 < l.size() && !in_gap; ++k)
          in_gap = GapHolds(*l[k], *l[k + 1], s);
        if (!in_gap) return true;
      }
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

  // Whether two lines are set in fonts of clearly different sizes
  // (`caption_size_em`).
  static bool OtherSize(const WordLine& a, const WordLine& b) {
    const double sa = LineSize(a), sb = LineSize(b);
    return std::abs(sa - sb) > kPdf.caption_size_em * std::min(sa, sb);
  }

  // Running text above line `first`, below the page header zone.
  static bool TextAbove(const std::vector<WordLine>& lines,
                        const std::vector<bool>& taken, size_t first,
                        double page_height) {
    for (size_t i = 0; i < first; ++i)
      if (!taken[i] && LineTop(lines[i]) > kPdf.head_zone * page_height) return true;
    return false;
  }

  std::vector<double> carry_;
  const std::vector<Box>& frames_;
  std::vector<size_t> frame_of_;
};

}  // namespace

void ReadUnruled(std::vector<double> carry, std::vector<WordLine> lines,
                 double page_height, std::vector<PageTable>* tables,
                 std::vector<WordLine>* text, const std::vector<Box>& frames) {
  UnruledReader(std::move(carry), frames)
      .Run(std::move(lines), page_height, tables, text);
}

}  // namespace jx::layout::pdf
