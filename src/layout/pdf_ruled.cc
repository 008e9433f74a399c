// A table drawn with rules says where its cells are; nothing about its text
// need be guessed. This file reads those grids — rules merged, grouped into
// tables, cut into cells, merged cells found — and hands back every word no
// grid holds for the unruled reading.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <numeric>

#include "base/text.h"
#include "layout/pdf_internal.h"
#include "layout/table.h"

namespace jx::layout::pdf {
namespace {

// One merged rule: a position and an extent.
struct Line {
  double at, from, to;
};

std::vector<Line> MergeRules(std::vector<Line> v) {
  std::sort(v.begin(), v.end(), [](const Line& a, const Line& b) {
    return a.at != b.at ? a.at < b.at : a.from < b.from;
  });
  std::vector<Line> out;
  for (const Line& l : v) {
    bool merged = false;
    for (auto it = out.rbegin(); it != out.rend() && l.at - it->at <= kPdf.rule_tolerance;
         ++it) {
      if (l.from <= it->to + kPdf.rule_tolerance &&
          l.to >= it->from - kPdf.rule_tolerance) {
        it->from = std::min(it->from, l.from);
        it->to = std::max(it->to, l.to);
        merged = true;
        break;
      }
    }
    if (!merged) out.push_back(l);
  }
  return out;
}

std::vector<double> Cluster(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  std::vector<double> out;
  for (double x : v)
    if (out.empty() || x - out.back() > kPdf.rule_tolerance) out.push_back(x);
  return out;
}

struct Uf {
  std::vector<int> p;
  explicit Uf(size_t n) : p(n) { std::iota(p.begin(), p.end(), 0); }
  int Find(int x) { return p[x] == x ? x : p[x] = Find(p[x]); }
  void Join(int a, int b) { p[Find(a)] = Find(b); }
};

class PageReader {
 public:
  PageReader(const PdfPage& page) : page_(page) {}

  void Run(std::vector<PageTable>* tables, std::vector<std::vector<const PdfWord*>>* text,
           std::vector<Box>* frames) {
    frames_ = frames;
    std::vector<Line> hs, vs;
    for (const PdfRule& r : page_.rules) {
      if (r.horizontal())
        hs.push_back({(r.y0 + r.y1) / 2, r.x0, r.x1});
      else
        vs.push_back({(r.x0 + r.x1) / 2, r.y0, r.y1});
    }
    hs = MergeRules(std::move(hs));
    vs = MergeRules(std::move(vs));
    CutRow(vs, &hs);
    std::vector<bool> used(page_.words.size(), false);
    for (const auto& comp : Components(hs, vs)) {
      PageTable t;
      if (Grid(comp.first, comp.second, &used, &t)) tables->push_back(std::move(t));
    }
    std::vector<const PdfWord*> rest;
    for (size_t i = 0; i < page_.words.size(); ++i)
      if (!used[i]) rest.push_back(&page_.words[i]);
    *text = GroupLines(std::move(rest));
  }

 private:
  // Rules that touch each other form one table.
  std::vector<std::pair<std::vector<Line>, std::vector<Line>>> Components(
      const std::vector<Line>& hs, const std::vector<Line>& vs) {
    Uf uf(hs.size() + vs.size());
    for (size_t i = 0; i < hs.size(); ++i)
      for (size_t j = 0; j < vs.size(); ++j) {
        const Line& h = hs[i];
        const Line& v = vs[j];
        if (v.at >= h.from - kPdf.rule_tolerance && v.at <= h.to + kPdf.rule_tolerance &&
            h.at >= v.from - kPdf.rule_tolerance && h.at <= v.to + kPdf.rule_tolerance)
          uf.Join(static_cast<int>(i), static_cast<int>(hs.size() + j));
      }
    std::map<int, std::pair<std::vector<Line>, std::vector<Line>>> groups;
    for (size_t i = 0; i < hs.size(); ++i)
      groups[uf.Find(static_cast<int>(i))].first.push_back(hs[i]);
    for (size_t j = 0; j < vs.size(); ++j)
      groups[uf.Find(static_cast<int>(hs.size() + j))].second.push_back(vs[j]);
    std::vector<std::pair<std::vector<Line>, std::vector<Line>>> out;
    // One horizontal rule is enough when column rules run on past it: a
    // row the page break cut above or below it (`Grid` opens it). Columns,
    // that is: an outer frame's two sides draw no cells.
    for (auto& [k, g] : groups)
      if (g.second.size() >= 2 &&
          (g.first.size() >= 2 ||
           (g.first.size() == 1 && g.second.size() >= kPdf.cut_row_rules)))
        out.push_back(std::move(g));
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.first[0].at < b.first[0].at; });
    return out;
  }

  // Column rules that no horizontal rule meets, several of one extent
  // with text between: a row the page break cut at both ends, taller than
  // the page. Its ends are where the rules end, as an open row's are.
  void CutRow(const std::vector<Line>& vs, std::vector<Line>* hs) const {
    std::vector<Line> loose;
    for (const Line& v : vs) {
      bool met = false;
      for (const Line& h : *hs)
        met =
            met ||
            (v.at >= h.from - kPdf.rule_tolerance && v.at <= h.to + kPdf.rule_tolerance &&
             h.at >= v.from - kPdf.rule_tolerance && h.at <= v.to + kPdf.rule_tolerance);
      if (!met) loose.push_back(v);
    }
    std::vector<bool> used(loose.size(), false);
    for (size_t i = 0; i < loose.size(); ++i) {
      if (used[i]) continue;
      std::vector<size_t> same;
      for (size_t j = i; j < loose.size(); ++j)
        if (!used[j] && std::fabs(loose[j].from - loose[i].from) <= kPdf.rule_tolerance &&
            std::fabs(loose[j].to - loose[i].to) <= kPdf.rule_tolerance)
          same.push_back(j);
      if (same.size() < kPdf.cut_row_rules) continue;
      double x0 = kFar, x1 = -kFar;
      for (size_t j : same) {
        used[j] = true;
        x0 = std::min(x0, loose[j].at);
        x1 = std::max(x1, loose[j].at);
      }
      const Line& v = loose[i];
      bool text = false;
      for (const PdfWord& w : page_.words) {
        const double cx = (w.x0 + w.x1) / 2, cy = (w.y0 + w.y1) / 2;
        text = text || (cx > x0 && cx < x1 && cy > v.from && cy < v.to);
      }
      if (!text) continue;
      hs->push_back({v.from, x0, x1});
      hs->push_back({v.to, x0, x1});
    }
  }

  static bool Covers(const std::vector<Line>& lines, double at, double mid) {
    for (const Line& l : lines)
      if (std::fabs(l.at - at) <= kPdf.rule_tolerance &&
          l.from - kPdf.rule_tolerance <= mid && mid <= l.to + kPdf.rule_tolerance)
        return true;
    return false;
  }

  // A producer that draws the whole table and cuts it into pages draws
  // rules the page does not show: above its top, below its foot. They still
  // hold the table's rules together, but close no cell here: what the page
  // shows of a cell they would close goes on over the break.
  void ClipToPage(std::vector<Line>* hs, std::vector<Line>* vs) const {
    if (page_.height <= 0) return;
    const double top = -kPdf.rule_tolerance, foot = page_.height + kPdf.rule_tolerance;
    std::erase_if(*hs, [&](const Line& h) { return h.at < top || h.at > foot; });
    for (Line& v : *vs)
      v.from = std::max(v.from, 0.0), v.to = std::min(v.to, page_.height);
    std::erase_if(*vs, [](const Line& v) { return v.to <= v.from; });
  }

  bool Grid(std::vector<Line> hs, std::vector<Line> vs, std::vector<bool>* used,
            PageTable* t) {
    ClipToPage(&hs, &vs);
    std::vector<double> ys, xs;
    for (const Line& h : hs) ys.push_back(h.at);
    for (const Line& v : vs) xs.push_back(v.at);
    ys = Cluster(ys);
    xs = Cluster(xs);
    // A row the page break cut is drawn open: its column rules run on past
    // the last horizontal rule to the page's edge of the table (and from it,
    // on the next page). The stretch they reach is that row's.
    // A rule that merely runs on, with no text there, opens no row.
    if (!ys.empty() && !xs.empty()) {
      double top = ys.front(), bottom = ys.back();
      for (const Line& v : vs) {
        top = std::min(top, v.from);
        bottom = std::max(bottom, v.to);
      }
      auto text_in = [&](double y0, double y1) {
        for (const PdfWord& w : page_.words) {
          double cx = (w.x0 + w.x1) / 2, cy = (w.y0 + w.y1) / 2;
          if (cx > xs.front() && cx < xs.back() && cy > y0 && cy < y1) return true;
        }
        return false;
      };
      if (top < ys.front() - kPdf.open_row_min && text_in(top, ys.front()))
        ys.insert(ys.begin(), top);
      if (bottom > ys.back() + kPdf.open_row_min && text_in(ys.back(), bottom))
        ys.push_back(bottom);
    }
    if (ys.size() < 2 || xs.size() < 2 || ys.size() > kPdf.max_row_rules ||
        xs.size() > kPdf.max_column_rules)
      return false;
    const size_t nr = ys.size() - 1, nc = xs.size() - 1;
    Uf uf(nr * nc);
    auto id = [&](size_t i, size_t j) { return static_cast<int>(i * nc + j); };
    for (size_t i = 0; i < nr; ++i)
      for (size_t j = 0; j < nc; ++j) {
        double my = (ys[i] + ys[i + 1]) / 2, mx = (xs[j] + xs[j + 1]) / 2;
        if (j + 1 < nc && !Covers(vs, xs[j + 1], my)) uf.Join(id(i, j), id(i, j + 1));
        if (i + 1 < nr && !Covers(hs, ys[i + 1], mx)) uf.Join(id(i, j), id(i + 1, j));
      }
    struct Region {
      size_t top = SIZE_MAX, left = SIZE_MAX, bottom = 0;
      std::vector<const PdfWord*> words;
    };
    std::map<int, Region> regions;
    for (size_t i = 0; i < nr; ++i)
      for (size_t j = 0; j < nc; ++j) {
        Region& r = regions[uf.Find(id(i, j))];
        r.top = std::min(r.top, i);
        r.left = std::min(r.left, j);
        r.bottom = std::max(r.bottom, i);
      }
    // Rules that draw one cell only are a frame round text (an outer frame
    // with no inner rules, a box): they say nothing of columns or rows, so
    // the words inside are left to the readings that infer them.
    // Its box still bounds what the alignment readers may take as one table.
    if (regions.size() == 1) {
      if (frames_) frames_->push_back({xs.front(), ys.front(), xs.back(), ys.back()});
      return false;
    }
    t->box = {xs.front(), ys.front(), xs.back(), ys.back()};
    t->xs = xs;
    std::vector<GridWord> placed;
    for (size_t w = 0; w < page_.words.size(); ++w) {
      const PdfWord& pw = page_.words[w];
      double cx = (pw.x0 + pw.x1) / 2, cy = (pw.y0 + pw.y1) / 2;
      if (cx < xs.front() || cx > xs.back() || cy < ys.front() || cy > ys.back())
        continue;
      size_t i =
          static_cast<size_t>(std::upper_bound(ys.begin(), ys.end(), cy) - ys.begin()) -
          1;
      size_t j =
          static_cast<size_t>(std::upper_bound(xs.begin(), xs.end(), cx) - xs.begin()) -
          1;
      // Left-aligned text the producer did not wrap (or stretched to
      // justify it) runs past its cell's right rule: a word starting
      // within a cell's padding of a column's left rule is that column's.
      const size_t j0 =
          static_cast<size_t>(std::upper_bound(xs.begin(), xs.end(), pw.x0) - xs.begin());
      if (j0 >= 1 && j0 - 1 < j && pw.x0 - xs[j0 - 1] <= kPdf.overflow_start_em * pw.size)
        j = j0 - 1;
      i = std::min(i, nr - 1);
      j = std::min(j, nc - 1);
      placed.push_back({&pw, i, j});
      (*used)[w] = true;
    }
    // Text taller than its row, run across the row's rule, goes back to
    // its own cell's row where the grid's setting of text shows which.
    std::vector<std::vector<bool>> single(nr, std::vector<bool>(nc, false));
    for (size_t i = 0; i < nr; ++i)
      for (size_t j = 0; j < nc; ++j) {
        const Region& r = regions[uf.Find(id(i, j))];
        single[i][j] = r.top == r.bottom;
      }
    const std::vector<size_t> unsure = PlaceOverflow(
        ys, single, [&](size_t i, double x) { return Covers(hs, ys[i], x); }, &placed);
    for (const GridWord& g : placed)
      regions[uf.Find(id(g.row, g.col))].words.push_back(g.word);
    // Rows: one cell per grid column. A region shows its text in its top-left
    // grid cell; the cells it covers are empty, to its right as below it, so
    // every number stays under its own column however its row's labels were
    // merged (合计 over the code and name columns, 功能分类科目编码 over 类/款/项).
    std::vector<std::string> text(regions.size());
    std::vector<size_t> grid_rows;  // the grid row each row of t starts in
    // The table row each grid row's text went to (the row a region starts).
    std::vector<size_t> row_of(nr, 0);
    std::map<int, size_t> order;
    for (const auto& [k, r] : regions) order.emplace(k, order.size());
    for (const auto& [k, r] : regions)
      text[order[k]] = JoinCellLines(GroupLines(r.words));
    for (size_t i = 0; i < nr; ++i) {
      bool starts = false;
      for (size_t j = 0; j < nc; ++j)
        starts = starts || regions[uf.Find(id(i, j))].top == i;
      row_of[i] = t->rows.size();
      if (!starts) {
        row_of[i] = t->rows.empty() ? 0 : t->rows.size() - 1;
        continue;
      }
      std::vector<std::string> cells;
      size_t width = 0;  // up to the last cell a region starts in
      for (size_t j = 0; j < nc; ++j) {
        int k = uf.Find(id(i, j));
        const Region& r = regions[k];
        cells.push_back(r.top == i && r.left == j ? text[order[k]] : "");
        if (r.left == j) width = j + 1;
      }
      // A last cell merged over the grid's final columns ends the row there:
      // nothing stands in the columns it covers.
      cells.resize(width);
      t->rows.push_back(std::move(cells));
      grid_rows.push_back(i);
    }
    OpenAtFoot(regions, uf, id, grid_rows, nc, t);
    MarkCutCells(hs, ys, xs, regions, uf, id, row_of, t);
    MarkOverflow(unsure, row_of, t);
    // Text drawn over other text in a cell ran out of a neighbouring cell
    // (Calc sets a bottom-aligned label taller than its row over the row
    // above): the cell's row and the rows either side may hold each
    // other's words.
    for (const auto& [k, r] : regions) {
      if (!TextDrawnOver(r.words)) continue;
      const size_t row = row_of[std::min(r.top, nr - 1)];
      for (size_t x = row == 0 ? 0 : row - 1; x <= row + 1 && x < t->rows.size(); ++x)
        AddNames(&t->row_doubts[x], kDoubtRows);
    }
    return !t->rows.empty();
  }

  // Two words of other texts covering most of the smaller one's box.
  static bool TextDrawnOver(std::vector<const PdfWord*> words) {
    std::sort(words.begin(), words.end(),
              [](const PdfWord* a, const PdfWord* b) { return a->y0 < b->y0; });
    for (size_t i = 0; i < words.size(); ++i) {
      const PdfWord& a = *words[i];
      const size_t end = std::min(words.size(), i + 1 + kPdf.overlap_neighbours);
      for (size_t j = i + 1; j < end && words[j]->y0 < a.y1; ++j) {
        const PdfWord& b = *words[j];
        if (a.text == b.text) continue;
        const double w = std::min(a.x1, b.x1) - std::max(a.x0, b.x0);
        const double h = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
        const double smaller =
            std::min((a.x1 - a.x0) * (a.y1 - a.y0), (b.x1 - b.x0) * (b.y1 - b.y0));
        if (w > 0 && h > 0 && smaller > 0 && w * h > kPdf.overlap_share * smaller)
          return true;
      }
    }
    return false;
  }

  // Text drawn across a row rule that could not be placed (`PlaceOverflow`)
  // ran out of its cell over the next row's, so the rows on both sides of
  // the rule may hold each other's words.
  static void MarkOverflow(const std::vector<size_t>& rules,
                           const std::vector<size_t>& row_of, PageTable* t) {
    if (t->rows.empty()) return;
    for (size_t i : rules)
      for (size_t r : {i - 1, i})
        if (r < row_of.size())
          AddNames(&t->row_doubts[std::min(row_of[r], t->rows.size() - 1)], kDoubtRows);
  }

  // A grid whose top or bottom rule is drawn over some columns and not
  // over others: a cell merged down over several rows (一级指标 beside its
  // 二级指标) goes on over the page break, and its label, drawn on one page
  // only, may belong to rows on the other; where the label goes is a guess
  // for the rows that cell spans here when it was not drawn in the cell's
  // first part.
  template <typename Regions, typename Id>
  static void MarkCutCells(const std::vector<Line>& hs, const std::vector<double>& ys,
                           const std::vector<double>& xs, Regions& regions, Uf& uf,
                           const Id& id, const std::vector<size_t>& row_of,
                           PageTable* t) {
    t->row_doubts.assign(t->rows.size(), "");
    if (t->rows.empty()) return;
    const size_t nr = ys.size() - 1, nc = xs.size() - 1;
    for (size_t edge : {size_t{0}, nr - 1}) {
      const double y = edge == 0 ? ys.front() : ys.back();
      std::vector<size_t> open;
      for (size_t j = 0; j < nc; ++j)
        if (!Covers(hs, y, (xs[j] + xs[j + 1]) / 2)) open.push_back(j);
      // A cut through every column (a page clipped mid-table) says nothing
      // of its top; at its foot, a cell merged over rows and empty there is
      // still a label drawn after the break.
      const bool all_open = open.size() == nc;
      if (open.empty() || (all_open && edge == 0)) continue;
      for (size_t j : open) {
        const auto& r = regions[uf.Find(id(edge, j))];
        // Shown in its first part (at the foot, before the break; nothing
        // in the rest on the next page), the label heads its rows as
        // fill-down reads them: only a label shown after its first rows is
        // in doubt, with the rows it spans on either page.
        if (r.words.empty() == (edge == 0)) continue;
        if (all_open && !(r.top < r.bottom && r.left == j)) continue;
        if (edge != 0 && r.top < r.bottom && r.left == j) {
          t->label_cut_at_foot.resize(t->rows.back().size(), false);
          if (j < t->label_cut_at_foot.size()) t->label_cut_at_foot[j] = true;
        }
        for (size_t i = r.top; i <= r.bottom && i < nr; ++i)
          AddNames(&t->row_doubts[std::min(row_of[i], t->rows.size() - 1)], kDoubtLabels);
      }
    }
  }

  // The cells of the grid's last row with text whose text reaches as low as
  // any in the row: only those may go on over the page (a complete cell,
  // centred or set at the top, ends higher). A cell merged down from a row
  // above belongs to that row. Empty rows after it are the cut's (the rules
  // of cells whose text the break moved on); a cell merged down over them
  // ends lower than the row, and is measured against those that end where
  // it does.
  template <typename Regions, typename Id>
  static void OpenAtFoot(Regions& regions, Uf& uf, const Id& id,
                         const std::vector<size_t>& grid_rows, size_t nc, PageTable* t) {
    if (t->rows.empty()) return;
    // The last row of t with text, and the grid row it starts in.
    size_t k = t->rows.size() - 1;
    while (k > 0 && std::all_of(t->rows[k].begin(), t->rows[k].end(),
                                [](const std::string& c) { return IsBlank(c); }))
      --k;
    const size_t row = grid_rows[k], blank_after = t->rows.size() - 1 - k;
    double em = kPdf.min_em;
    std::map<size_t, double> foot;  // by the grid row a cell ends in
    std::vector<double> bottom(nc, -kFar);
    std::vector<size_t> lines(nc, 0), ends(nc, 0);
    for (size_t j = 0; j < nc; ++j) {
      const auto& r = regions[uf.Find(id(row, j))];
      if (r.top != row || r.left != j || r.words.empty()) continue;
      for (const PdfWord* w : r.words) {
        bottom[j] = std::max(bottom[j], w->y1);
        em = std::max(em, w->size);
      }
      ends[j] = r.bottom;
      auto [at, fresh] = foot.emplace(r.bottom, bottom[j]);
      if (!fresh) at->second = std::max(at->second, bottom[j]);
      lines[j] = GroupLines(r.words).size();
    }
    const size_t width = t->rows[t->rows.size() - 1 - blank_after].size();
    t->open_at_foot.assign(width, false);
    t->wrapped_at_foot.assign(width, false);
    for (size_t j = 0; j < width && j < nc; ++j) {
      if (lines[j] == 0 || bottom[j] < foot[ends[j]] - kPdf.ends_high_em * em) continue;
      t->open_at_foot[j] = true;
      t->wrapped_at_foot[j] = lines[j] >= 2;
    }
  }

  const PdfPage& page_;
  std::vector<Box>* frames_ = nullptr;
};

}  // namespace

void ReadRuled(const PdfPage& page, std::vector<PageTable>* tables,
               std::vector<WordLine>* text, std::vector<Box>* frames) {
  PageReader(page).Run(tables, text, frames);
}

}  // namespace jx::layout::pdf
