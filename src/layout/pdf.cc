// PDF pages → the same scan items text reports give: table pieces (rows of
// cells) and text lines, each with its page. Ruled tables come from the grid
// of drawn rules; unruled ones from text lines split at wide gaps, with
// columns from the gaps no row crosses. The joining of pieces across pages,
// titles, headers and fill-down are then shared with text reports.
#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "base/text.h"
#include "layout/internal.h"

namespace jx::layout {
namespace {

constexpr double kTol = 2.0;  // points: rules this close are one rule

struct Box {
  double x0, y0, x1, y1;
  double cx() const { return (x0 + x1) / 2; }
  double cy() const { return (y0 + y1) / 2; }
};

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
    for (auto it = out.rbegin(); it != out.rend() && l.at - it->at <= kTol; ++it) {
      if (l.from <= it->to + kTol && l.to >= it->from - kTol) {
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
    if (out.empty() || x - out.back() > kTol) out.push_back(x);
  return out;
}

struct Uf {
  std::vector<int> p;
  explicit Uf(size_t n) : p(n) { std::iota(p.begin(), p.end(), 0); }
  int Find(int x) { return p[x] == x ? x : p[x] = Find(p[x]); }
  void Join(int a, int b) { p[Find(a)] = Find(b); }
};

bool IsAsciiWordChar(unsigned char c) { return std::isalnum(c) || c == '.' || c == '%'; }

// Words of one visual line, left to right, joined as printed: a space where the
// PDF had one between Latin words, nothing between Chinese characters.
std::string JoinWords(const std::vector<const PdfWord*>& ws) {
  std::string out;
  for (size_t i = 0; i < ws.size(); ++i) {
    if (i > 0) {
      const PdfWord& a = *ws[i - 1];
      const PdfWord& b = *ws[i];
      double gap = b.x0 - a.x1;
      bool wide = gap > 0.25 * std::max(1.0, a.size);
      if ((a.space_after || wide) && !out.empty() &&
          IsAsciiWordChar(static_cast<unsigned char>(out.back())) &&
          IsAsciiWordChar(static_cast<unsigned char>(b.text[0])))
        out += ' ';
      else if (wide && gap > 1.5 * std::max(1.0, a.size))
        out += ' ';
    }
    out += ws[i]->text;
  }
  return out;
}

// Groups words into visual lines: a word joins a line it overlaps vertically
// by more than half its height.
std::vector<std::vector<const PdfWord*>> GroupLines(std::vector<const PdfWord*> ws) {
  std::sort(ws.begin(), ws.end(), [](const PdfWord* a, const PdfWord* b) {
    return a->y0 != b->y0 ? a->y0 < b->y0 : a->x0 < b->x0;
  });
  std::vector<std::vector<const PdfWord*>> lines;
  std::vector<Box> boxes;
  for (const PdfWord* w : ws) {
    bool placed = false;
    double h = std::max(0.1, w->y1 - w->y0);
    for (size_t k = lines.size(); k-- > 0 && k + 4 >= lines.size();) {
      Box& b = boxes[k];
      double overlap = std::min(b.y1, w->y1) - std::max(b.y0, w->y0);
      if (overlap > 0.5 * std::min(h, b.y1 - b.y0)) {
        lines[k].push_back(w);
        b.y0 = std::min(b.y0, w->y0);
        b.y1 = std::max(b.y1, w->y1);
        placed = true;
        break;
      }
    }
    if (!placed) {
      lines.push_back({w});
      boxes.push_back({w->x0, w->y0, w->x1, w->y1});
    }
  }
  for (auto& l : lines)
    std::sort(l.begin(), l.end(),
              [](const PdfWord* a, const PdfWord* b) { return a->x0 < b->x0; });
  return lines;
}

std::string JoinCellLines(const std::vector<std::vector<const PdfWord*>>& lines) {
  std::string out;
  for (const auto& l : lines) {
    std::string t = JoinWords(l);
    if (t.empty()) continue;
    // A wrapped Latin phrase broke at a space; Chinese and numbers did not.
    if (!out.empty() && std::isalpha(static_cast<unsigned char>(out.back())) &&
        std::isalpha(static_cast<unsigned char>(t[0])))
      out += ' ';
    out += t;
  }
  return out;
}

// A table as laid out on one page, before it becomes a piece.
struct PageTable {
  Box box;
  std::vector<double> xs;  // column rules; separators for unruled tables
  bool ruled = true;
  // Unruled: opens the page with the columns the last page's table ended
  // with, perhaps split further where this page shows more columns.
  bool continues = false;
  std::vector<std::vector<std::string>> rows;
  // Unruled: the last row's cells whose text reaches the row's foot and so
  // may go on over the page; a line that stops above it ended its cell.
  std::vector<bool> open_at_foot;
};

bool IsNumberText(const std::string& s) {
  std::string_view t = TrimSpace(s);
  if (t.empty()) return false;
  for (char c : t)
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.' && c != ',' &&
        c != '%' && c != '-')
      return false;
  return true;
}

// Word lets a row break across a page: the rest of its cells opens the next
// page, and cells that were complete stay empty there. It is taken as such
// when every cell printed on the new page continues a printed cell and
// either a number above has nothing below it (a new row would have its own
// scores) or every continued cell stopped mid-sentence.
bool EndsSentence(const std::string& s) {
  static const char* kEnds[] = {"。", "；", ";", "！", "？", ".", "）", ")", "%"};
  std::string_view t = TrimSpace(s);
  for (const char* e : kEnds)
    if (t.ends_with(e)) return true;
  return false;
}

// `open`, when given: the cells above that reach their row's foot; only
// those may go on.
bool ContinuesRow(const std::vector<std::string>& above,
                  const std::vector<std::string>& below, const std::vector<bool>& open) {
  if (above.size() != below.size()) return false;
  if (!open.empty() && open.size() != above.size()) return false;
  bool any = false, number_alone = false, mid_sentence = true, long_text = false;
  for (size_t c = 0; c < above.size(); ++c) {
    bool a = !IsBlank(above[c]), b = !IsBlank(below[c]);
    if (b && !a) return false;
    if (b && !open.empty() && !open[c]) return false;
    if (b && IsNumberText(below[c])) return false;
    if (b) {
      any = true;
      // "(3)单位资金", "……": a new item, not the rest of a sentence.
      unsigned char first = static_cast<unsigned char>(TrimSpace(below[c])[0]);
      mid_sentence = mid_sentence && !EndsSentence(above[c]) && first >= 0xE4 &&
                     first <= 0xE9;  // starts with a Han character
      long_text = long_text || CodePointCount(above[c]) >= 12;
    }
    number_alone = number_alone || (a && !b && IsNumberText(above[c]));
  }
  return any && (number_alone || (mid_sentence && long_text));
}

bool SameColumns(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.empty() || a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::fabs(a[i] - b[i]) > kTol) return false;
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
    while (j < to.size() && to[j] < x - kTol) ++j;
    if (j == to.size() || std::fabs(to[j] - x) > kTol) return {};
    at.push_back(++j);
  }
  return at;
}

// Spreads a row laid out in the last page's columns over the refined ones.
// A row narrower than its table ends in empty cells, as a copied table's
// short rows do.
void Pad(size_t columns, RawRow* row) {
  if (row->cells.empty() || row->cells.size() >= columns) return;
  Cell pad;
  pad.page = row->cells[0].page;
  pad.first_line = pad.last_line = row->first_line;
  row->cells.resize(columns, pad);
}

void Refine(const std::vector<size_t>& at, size_t columns, RawRow* row) {
  if (row->cells.empty() || row->cells.size() >= columns) return;
  if (row->cells.size() != at.size()) return Pad(columns, row);  // an older grid
  std::vector<Cell> out(columns);
  for (size_t c = 0; c < at.size(); ++c) out[at[c]] = std::move(row->cells[c]);
  for (Cell& c : out)
    if (c.page == 0) {
      c.page = out[0].page;
      c.first_line = c.last_line = row->first_line;
    }
  row->cells = std::move(out);
}

class PageReader {
 public:
  PageReader(const PdfPage& page) : page_(page) {}

  void Run(std::vector<PageTable>* tables,
           std::vector<std::vector<const PdfWord*>>* text) {
    std::vector<Line> hs, vs;
    for (const PdfRule& r : page_.rules) {
      if (r.horizontal())
        hs.push_back({(r.y0 + r.y1) / 2, r.x0, r.x1});
      else
        vs.push_back({(r.x0 + r.x1) / 2, r.y0, r.y1});
    }
    hs = MergeRules(std::move(hs));
    vs = MergeRules(std::move(vs));
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
        if (v.at >= h.from - kTol && v.at <= h.to + kTol && h.at >= v.from - kTol &&
            h.at <= v.to + kTol)
          uf.Join(static_cast<int>(i), static_cast<int>(hs.size() + j));
      }
    std::map<int, std::pair<std::vector<Line>, std::vector<Line>>> groups;
    for (size_t i = 0; i < hs.size(); ++i)
      groups[uf.Find(static_cast<int>(i))].first.push_back(hs[i]);
    for (size_t j = 0; j < vs.size(); ++j)
      groups[uf.Find(static_cast<int>(hs.size() + j))].second.push_back(vs[j]);
    std::vector<std::pair<std::vector<Line>, std::vector<Line>>> out;
    for (auto& [k, g] : groups)
      if (g.first.size() >= 2 && g.second.size() >= 2) out.push_back(std::move(g));
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.first[0].at < b.first[0].at; });
    return out;
  }

  static bool Covers(const std::vector<Line>& lines, double at, double mid) {
    for (const Line& l : lines)
      if (std::fabs(l.at - at) <= kTol && l.from - kTol <= mid && mid <= l.to + kTol)
        return true;
    return false;
  }

  bool Grid(const std::vector<Line>& hs, const std::vector<Line>& vs,
            std::vector<bool>* used, PageTable* t) {
    std::vector<double> ys, xs;
    for (const Line& h : hs) ys.push_back(h.at);
    for (const Line& v : vs) xs.push_back(v.at);
    ys = Cluster(ys);
    xs = Cluster(xs);
    if (ys.size() < 2 || xs.size() < 2 || ys.size() > 2000 || xs.size() > 200)
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
    t->box = {xs.front(), ys.front(), xs.back(), ys.back()};
    t->xs = xs;
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
      i = std::min(i, nr - 1);
      j = std::min(j, nc - 1);
      regions[uf.Find(id(i, j))].words.push_back(&pw);
      (*used)[w] = true;
    }
    // Rows: every region that covers the row, left to right; a region shows
    // its text on its top row and is an empty continuation below, as copied
    // text gives a vertically merged cell.
    std::vector<std::vector<std::pair<size_t, const Region*>>> rows(nr);
    for (const auto& [k, r] : regions)
      for (size_t i = r.top; i <= r.bottom; ++i) rows[i].push_back({r.left, &r});
    for (size_t i = 0; i < nr; ++i) {
      auto& row = rows[i];
      std::sort(row.begin(), row.end());
      bool starts = false;
      for (auto& [left, r] : row) starts = starts || r->top == i;
      if (!starts) continue;
      std::vector<std::string> cells;
      for (auto& [left, r] : row)
        cells.push_back(r->top == i ? JoinCellLines(GroupLines(r->words)) : "");
      t->rows.push_back(std::move(cells));
    }
    return !t->rows.empty();
  }

  const PdfPage& page_;
};

// ---- Unruled tables ------------------------------------------------------
//
// Without rules, a table shows only as text set in columns. Lines are split
// into segments at gaps wider than a space; a run of rows that have several
// segments, with the lines between them, is a table. Column separators are
// the x positions that gaps cover on several lines and that few segments
// cross; rows are bands of lines that touch (cell padding or paragraph
// spacing separates rows, leading separates the lines of one cell).

using WordLine = std::vector<const PdfWord*>;

double LineTop(const WordLine& l) {
  double y = l.front()->y0;
  for (const PdfWord* w : l) y = std::min(y, w->y0);
  return y;
}
double LineBottom(const WordLine& l) {
  double y = l.front()->y1;
  for (const PdfWord* w : l) y = std::max(y, w->y1);
  return y;
}
double LineSize(const WordLine& l) {
  double s = 1;
  for (const PdfWord* w : l) s = std::max(s, w->size);
  return s;
}

// A gap wider than half an em between two words is not a space inside a
// cell: Chinese text has no gaps, Latin spaces are about a quarter em.
bool WideGap(const PdfWord& a, const PdfWord& b) {
  return b.x0 - a.x1 > 0.55 * std::max({1.0, a.size, b.size});
}

struct Segment {
  double x0, x1;
};

std::vector<Segment> Segments(const WordLine& l) {
  std::vector<Segment> out;
  for (size_t i = 0; i < l.size(); ++i) {
    if (i == 0 || WideGap(*l[i - 1], *l[i]))
      out.push_back({l[i]->x0, l[i]->x1});
    else
      out.back().x1 = std::max(out.back().x1, l[i]->x1);
  }
  return out;
}

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
      double gap_limit = 0.45 * LineSize(lines[i]);
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
      while (e + 1 < bands.size() && Near(lines, bands[e], bands[e + 1])) ++e;
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
      if (may_continue && !seps.empty() &&
          !TextAbove(lines, taken, bands[b].first, page_height) &&
          Fits(carry_, lines, segs, lines_of(b, end, false))) {
        seps = Merge(carry_, seps, segs, lines_of(b, end, false));
        continued = true;
      }
      first_region = false;
      // A row of three cells or more that wrap onto several lines, ending
      // the page, opens a table the next page goes on with ("项目名称 … 年度预算
      // 金额/(万元) 140"); a form's one-line header ("填报单位：… 填报日期：…") does
      // not wrap.
      size_t end_lines = 0;
      for (size_t k = b; k <= end; ++k) end_lines += bands[k].second - bands[k].first + 1;
      const bool foot_row = end + 1 == bands.size() && !seps.empty() && end_lines >= 2 &&
                            LineBottom(lines[bands[end].second]) > 0.75 * page_height;
      // Rows set a little further below this page's last table than Near
      // allows (an empty row between) go on with it when its columns hold
      // them.
      const bool joins =
          !continued && joinable < tables->size() && joinable_end + 1 == b &&
          multi_lines >= 1 &&
          LineTop(lines[bands[b].first]) - LineBottom(lines[bands[joinable_end].second]) <
              6.0 * LineSize(lines[bands[b].first]) &&
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
      // Two lines set with wide gaps are more often a form's header ("填报单位：…
      // 填报日期：…") than a table, unless the page ends with them or cells of
      // three columns or more wrap onto further lines.
      // Two rows of three columns or more at the foot of the page are a
      // table the next page goes on with (a header and its first row).
      // Of two columns, only a single row: two lines of label and value
      // ("填报人：…" / "联系电话：…") are not a table at the foot either.
      const bool at_foot =
          (foot_row && (seps.size() >= 2 || t.rows.size() == 1)) ||
          (end + 1 == bands.size() && t.rows.size() >= 2 && seps.size() >= 2);
      if (joins && t.rows.size() < 3) {
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
      } else if (t.rows.size() >= 3 || at_foot || (continued && !t.rows.empty()) ||
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
    return LineTop(lines[b.first]) - a_bottom < 3.0 * size;
  }

  static bool CrossesAny(const std::vector<WordLine>& lines, const Band& band,
                         const std::vector<double>& seps) {
    // A justified line may run a little past the separator its column's
    // other lines leave room for ("…完成（6 分）； 2."); running text crosses
    // by far more.
    for (size_t i = band.first; i <= band.second; ++i) {
      double slack = 0.3 * LineSize(lines[i]);
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
      if (lines[i].back()->x1 > edge + 0.3 * LineSize(lines[i])) return false;
    return lines[band.first].back()->x1 >= edge - 1.5 * LineSize(lines[band.first]);
  }

  // Running text above line `first`, below the page header zone.
  static bool TextAbove(const std::vector<WordLine>& lines,
                        const std::vector<bool>& taken, size_t first,
                        double page_height) {
    for (size_t i = 0; i < first; ++i)
      if (!taken[i] && LineTop(lines[i]) > 0.12 * page_height) return true;
    return false;
  }

  // The separators of a table on the last page still hold when hardly any
  // text crosses them: a spanning cell may, running text would.
  static bool Fits(const std::vector<double>& seps, const std::vector<WordLine>& lines,
                   const std::vector<std::vector<Segment>>& segs,
                   const std::vector<size_t>& idx) {
    for (double x : seps) {
      size_t crossing = 0;
      for (size_t i : idx)
        for (const Segment& sg : segs[i])
          if (sg.x0 < x && x < sg.x1) ++crossing;
      if (crossing > std::max<size_t>(1, idx.size() / 10)) return false;
    }
    return true;
  }

  // The last page's separators, and this page's where it shows text on
  // both sides of one inside a column carried over.
  static std::vector<double> Merge(const std::vector<double>& carry,
                                   const std::vector<double>& seps,
                                   const std::vector<std::vector<Segment>>& segs,
                                   const std::vector<size_t>& idx) {
    std::vector<double> out = carry;
    for (double x : seps) {
      auto it = std::upper_bound(carry.begin(), carry.end(), x);
      double cr = it == carry.end() ? 1e18 : *it;
      double cl = it == carry.begin() ? -1e18 : *(it - 1);
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

  // x positions inside gaps between segments on some line and crossed by
  // fewer than half as many segments (cells spanning two columns). One
  // line's gap is enough where nothing crosses it: a hierarchy column may
  // show a label on one line only.
  static std::vector<double> Separators(const std::vector<WordLine>& lines,
                                        const std::vector<std::vector<Segment>>& segs,
                                        const std::vector<size_t>& idx) {
    double lo = 1e9, hi = -1e9;
    for (size_t i : idx) {
      lo = std::min(lo, lines[i].front()->x0);
      hi = std::max(hi, lines[i].back()->x1);
    }
    if (idx.empty() || hi - lo < 1 || hi - lo > 1e5) return {};
    constexpr double kStep = 0.5;
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
        mark(cross, sg[k].x0 + 0.01, sg[k].x1 - 0.01);
        if (k + 1 < sg.size()) mark(support, sg[k].x1, sg[k + 1].x0);
      }
    }
    std::vector<bool> ok(steps);
    for (size_t k = 0; k < steps; ++k)
      ok[k] = support[k] >= 1 && 2 * cross[k] < support[k];
    // Cells set on lines of their own (centred in taller rows) show no gap on
    // any one line; an empty stretch of an em still parts two columns.
    double em = 1;
    for (size_t i : idx) em = std::max(em, LineSize(lines[i]));
    for (size_t k = 0; k < steps;) {
      if (cross[k] != 0) {
        ++k;
        continue;
      }
      size_t e = k;
      while (e < steps && cross[e] == 0) ++e;
      if (k > 0 && e < steps && kStep * static_cast<double>(e - k) >= 0.8 * em)
        for (size_t m = k; m < e; ++m) ok[m] = true;
      k = e;
    }
    // A segment that crosses part of a stretch but not all of it is a cell of
    // a sparse column, not a cell spanning two columns: it splits the stretch.
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
              if (sg.x0 < x && x < sg.x1) ok[m] = false;
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
        f.last_col = std::max(c, column(f.words.back()->x1 - 0.5 * f.size));
        frags.push_back(std::move(f));
        j = m;
      }
    }
    std::sort(frags.begin(), frags.end(), [](const Frag& a, const Frag& b) {
      return a.y0 != b.y0 ? a.y0 < b.y0 : a.words[0]->x0 < b.words[0]->x0;
    });
    // Blocks: a column's fragments that follow at the leading of one cell.
    std::vector<Block> blocks;
    std::vector<size_t> open(nc, SIZE_MAX);
    for (const Frag& f : frags) {
      size_t& o = open[f.col];
      if (o != SIZE_MAX && f.y0 <= blocks[o].y1 + 0.45 * f.size) {
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
    auto dense = [&](size_t c) { return 10 * per_col[c] >= 8 * most; };
    std::vector<const Block*> order;
    for (const Block& bl : blocks) order.push_back(&bl);
    std::sort(order.begin(), order.end(),
              [](const Block* a, const Block* b) { return a->y0 < b->y0; });
    std::vector<Row> rows;
    for (const Block* bl : order) {
      if (!dense(bl->col)) continue;
      if (rows.empty() || bl->y0 >= rows.back().y1 - 0.5) {
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
      double dist = 1e18;
      for (size_t r = 0; r < rows.size(); ++r) {
        double d = bl->y1 < rows[r].y0   ? rows[r].y0 - bl->y1
                   : bl->y0 > rows[r].y1 ? bl->y0 - rows[r].y1
                                         : 0;
        double dc = std::fabs(bl->cy() - (rows[r].y0 + rows[r].y1) / 2);
        double bc = std::fabs(bl->cy() - (rows[best].y0 + rows[best].y1) / 2);
        if (d < dist - 0.01 || (std::fabs(d - dist) <= 0.01 && dc < bc))
          dist = d, best = r;
      }
      if (typical > 0 && dist >= 0.6 * typical) {
        Row nr{bl->y0, bl->y1, {bl}};
        auto at =
            std::upper_bound(rows.begin(), rows.end(), nr,
                             [](const Row& a, const Row& b) { return a.y0 < b.y0; });
        rows.insert(at, std::move(nr));
        continue;
      }
      rows[best].blocks.push_back(bl);
    }
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
        double top = 1e18, bot = -1e18;
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
          double bot = -1e18, size = 1;
          for (const Block* bl : rows[r].blocks)
            if (bl->col == c) {
              bot = std::max(bot, bl->y1);
              for (const Frag* f : bl->frags) size = std::max(size, f->size);
            }
          ends_high[r][c] = bot < rows[r].y1 - 0.3 * size;
        }
    const auto before = cells;
    for (size_t c = 0; c < nc; ++c) {
      // Hierarchy labels lead the row; a sparse column right of a dense one
      // holds values, which sit on their own rows.
      if (dense(c)) break;
      // A label whose middle falls between two rows shows that the column
      // centres its labels; only then may one level with its row's top move.
      bool centred = false;
      for (size_t r = 0; r < rows.size(); ++r)
        if (!cells[r][c].empty() &&
            (centers[r][c] < rows[r].y0 - 0.5 || centers[r][c] > rows[r].y1 + 0.5))
          centred = true;
      if (!TileLabels(rows, centers, tops, c, centred, &cells))
        MoveLabelsOneByOne(rows, centers, tops, c, centred, &cells);
    }
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

  // How far from a span's middle a label may sit and still be centred on
  // it, whatever its top says (points; renderers round positions).
  static constexpr double kExactCentre = 1.5;

  // A label set in the middle of the rows it spans belongs, like a merged
  // cell in copied text, on the first of them. Taken so when the labels of
  // the column tile its rows: each label's span starts where the last one
  // ended, holds the label, ends before the next label and is centred on
  // it. The first span may start above its label. Of the tilings, the best
  // centred wins, and a label stays put unless moving it centres it better.
  // A label level with the top of its row is top-aligned, which vetoes
  // moving it unless the column centres its labels and the span fits exactly.
  static bool TileLabels(const std::vector<Row>& rows,
                         const std::vector<std::vector<double>>& centers,
                         const std::vector<std::vector<double>>& tops, size_t c,
                         bool centred, std::vector<std::vector<std::string>>* cells) {
    std::vector<size_t> at;
    for (size_t r = 0; r < rows.size(); ++r)
      if (!(*cells)[r][c].empty()) at.push_back(r);
    if (at.empty()) return true;
    const size_t n = rows.size();
    constexpr double kNone = 1e18;
    constexpr double kMoveCost = 1.0;  // points: a tie keeps the label where it is
    // cost[k][e]: best tiling of labels 0..k with label k's span ending at e;
    // from[k][e]: where that span starts.
    std::vector<std::vector<double>> cost(at.size(), std::vector<double>(n, kNone));
    std::vector<std::vector<size_t>> from(at.size(), std::vector<size_t>(n, 0));
    for (size_t k = 0; k < at.size(); ++k) {
      const size_t a = at[k];
      const size_t next = k + 1 < at.size() ? at[k + 1] : n;
      const double cy = centers[a][c];
      const double limit = (rows[a].y1 - rows[a].y0) / 3;
      const bool top_aligned = std::fabs(tops[a][c] - rows[a].y0) < 1.0;
      for (size_t s = 0; s <= a; ++s) {
        double before = 0;
        if (k > 0) {
          if (s == 0) continue;
          before = cost[k - 1][s - 1];
          if (before >= kNone) continue;
        }
        for (size_t e = a; e < next; ++e) {
          double err = std::fabs((rows[s].y0 + rows[e].y1) / 2 - cy);
          // The last label may span on past the table's end (the page's):
          // it stays, at the price of the worst centring allowed.
          if (s == a && e + 1 == n && err > limit) err = limit;
          if (err > limit) continue;
          if (s != a && top_aligned && (!centred || err > kExactCentre)) continue;
          double total = before + err + (s != a ? kMoveCost : 0);
          if (total < cost[k][e]) cost[k][e] = total, from[k][e] = s;
        }
      }
    }
    // The last label's span runs to the table's end where it can: the rows
    // below a label are its own, as a merged cell's are. Otherwise the best
    // centred tiling.
    size_t end = n;
    if (cost.back()[n - 1] < kNone) end = n - 1;
    for (size_t e = 0; e < n && end != n - 1; ++e)
      if (cost.back()[e] < kNone && (end == n || cost.back()[e] < cost.back()[end]))
        end = e;
    if (end == n) return false;
    std::vector<size_t> start(at.size());
    for (size_t k = at.size(); k-- > 0;) {
      start[k] = from[k][end];
      if (k > 0) end = start[k] - 1;
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
  static void MoveLabelsOneByOne(const std::vector<Row>& rows,
                                 const std::vector<std::vector<double>>& centers,
                                 const std::vector<std::vector<double>>& tops, size_t c,
                                 bool centred,
                                 std::vector<std::vector<std::string>>* cells) {
    std::vector<size_t> at;
    for (size_t r = 0; r < rows.size(); ++r)
      if (!(*cells)[r][c].empty()) at.push_back(r);
    size_t from = 0;
    for (size_t k = 0; k < at.size(); ++k) {
      const size_t a = at[k];
      const size_t next = k + 1 < at.size() ? at[k + 1] : rows.size();
      const double cy = centers[a][c];
      auto fit = [&](size_t s, size_t* end) {
        double best = 1e18;
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
      const bool top_aligned = std::fabs(tops[a][c] - rows[a].y0) < 1.0;
      if (best_s != a && (stay - best < (rows[a].y1 - rows[a].y0) / 3 ||
                          (top_aligned && (!centred || best > kExactCentre))))
        best_s = a, best_end = stay_end;
      if (best_s != a) std::swap((*cells)[best_s][c], (*cells)[a][c]);
      from = best_end + 1;
    }
  }

  std::vector<double> carry_;
};

struct Para {
  std::string text;
  Box box;
};

// Lines of running text → paragraphs. A line that reaches the right edge of
// the text block goes on in the next line when that one follows closely and
// is not indented: "…评分结果为 96" / "分。" is one sentence.
std::vector<Para> Paragraphs(const std::vector<std::vector<const PdfWord*>>& lines) {
  std::vector<Para> out;
  double right = 0;
  for (const auto& l : lines) right = std::max(right, l.back()->x1);
  const PdfWord* prev_last = nullptr;
  const PdfWord* prev_first = nullptr;
  for (const auto& l : lines) {
    std::string t = JoinWords(l);
    Box b{l.front()->x0, l.front()->y0, l.back()->x1, l.front()->y1};
    for (const PdfWord* w : l) b.y0 = std::min(b.y0, w->y0), b.y1 = std::max(b.y1, w->y1);
    bool join = false;
    if (prev_last && !out.empty()) {
      double size = std::max(1.0, prev_last->size);
      join = prev_last->x1 >= right - 1.5 * size &&
             b.y0 - out.back().box.y1 < 0.8 * size && b.y0 > out.back().box.y0 &&
             l.front()->x0 <= prev_first->x0 + 0.5 * size &&
             std::fabs(l.front()->size - prev_last->size) < 0.5;
    }
    if (join) {
      Para& p = out.back();
      if (std::isalpha(static_cast<unsigned char>(p.text.back())) &&
          std::isalpha(static_cast<unsigned char>(t[0])))
        p.text += ' ';
      p.text += t;
      p.box.x0 = std::min(p.box.x0, b.x0);
      p.box.x1 = std::max(p.box.x1, b.x1);
      p.box.y1 = b.y1;
    } else {
      out.push_back({std::move(t), b});
      prev_first = l.front();
    }
    prev_last = l.back();
  }
  return out;
}

}  // namespace

struct PdfPager::State {
  Document* lines;
  std::vector<Item>* items;
  PageTable last;  // the table that ended the previous page, if it did
  size_t last_piece = SIZE_MAX;
  // The first piece of the table `last_piece` goes on with, over pages.
  size_t first_piece = SIZE_MAX;
};

PdfPager::PdfPager(Document* lines, std::vector<Item>* items)
    : s_(new State{lines, items}) {
  lines->lines.clear();
  items->clear();
}

PdfPager::~PdfPager() = default;

namespace {

// Coordinates a page can hold: finite and within a million points. A hostile
// font or text matrix can put a word at infinity or NaN, and NaN breaks the
// ordering every sort here relies on.
bool Sane(double v) { return std::isfinite(v) && std::fabs(v) < 1e6; }

// `page`, or a copy of it without the words and rules that lie nowhere.
const PdfPage& SanePage(const PdfPage& page, PdfPage* copy) {
  auto word_ok = [](const PdfWord& w) {
    return Sane(w.x0) && Sane(w.y0) && Sane(w.x1) && Sane(w.y1) && Sane(w.size);
  };
  auto rule_ok = [](const PdfRule& r) {
    return Sane(r.x0) && Sane(r.y0) && Sane(r.x1) && Sane(r.y1);
  };
  if (std::all_of(page.words.begin(), page.words.end(), word_ok) &&
      std::all_of(page.rules.begin(), page.rules.end(), rule_ok) && Sane(page.width) &&
      Sane(page.height))
    return page;
  *copy = page;
  std::erase_if(copy->words, [&](const PdfWord& w) { return !word_ok(w); });
  std::erase_if(copy->rules, [&](const PdfRule& r) { return !rule_ok(r); });
  if (!Sane(copy->width) || !Sane(copy->height)) copy->width = copy->height = 0;
  return *copy;
}

}  // namespace

void PdfPager::Add(const PdfPage& input) {
  PdfPage copy;
  const PdfPage& page = SanePage(input, &copy);
  Document* lines = s_->lines;
  std::vector<Item>* items = s_->items;
  PageTable& last = s_->last;
  size_t& last_piece = s_->last_piece;
  {
    std::vector<PageTable> tables;
    std::vector<std::vector<const PdfWord*>> text;
    PageReader(page).Run(&tables, &text);
    {
      std::vector<std::vector<const PdfWord*>> lines = std::move(text);
      text.clear();
      // One row of two cells places its separator anywhere in a wide gap:
      // too loose to carry.
      const bool carry = !last.ruled && (last.rows.size() >= 2 || last.xs.size() >= 2);
      UnruledReader(carry ? last.xs : std::vector<double>{})
          .Run(std::move(lines), page.height, &tables, &text);
      std::stable_sort(
          tables.begin(), tables.end(),
          [](const PageTable& a, const PageTable& b) { return a.box.y0 < b.box.y0; });
    }
    // Reading order: text lines and tables by their top edge.
    struct Entry {
      double y;
      int kind;  // 0 text line, 1 table
      size_t index;
    };
    std::vector<Para> paras = Paragraphs(text);
    std::vector<Entry> order;
    for (size_t i = 0; i < paras.size(); ++i) order.push_back({paras[i].box.y0, 0, i});
    for (size_t i = 0; i < tables.size(); ++i) order.push_back({tables[i].box.y0, 1, i});
    std::stable_sort(order.begin(), order.end(),
                     [](const Entry& a, const Entry& b) { return a.y < b.y; });
    // A page that opens with the table the last page ended with, no text in
    // between but running lines: its first row may be the rest of a split row.
    bool same_grid = false;
    // An unruled table may show more columns on the new page than the last
    // page's rows did (a form above a wider score table): the last rows are
    // spread over them.
    std::vector<size_t> refined;
    if (!tables.empty() && !last.rows.empty() && !last.ruled && tables[0].continues &&
        !SameColumns(last.xs, tables[0].xs))
      refined = RefinedColumns(last.xs, tables[0].xs);
    // Unruled tables have no rules to tell two tables apart: one that ends a
    // page and one that opens the next, with no text between, are one, as
    // in copied text, whatever their columns.
    const bool unruled_pair = !tables.empty() && !last.ruled && !tables[0].ruled;
    if (!tables.empty() && !last.rows.empty() &&
        (SameColumns(last.xs, tables[0].xs) || !refined.empty() || unruled_pair) &&
        !tables[0].rows.empty() && last_piece < items->size()) {
      bool text_before = false;
      for (const Para& l : paras)
        if (l.box.y1 < tables[0].box.y0 && l.box.y0 > 0.12 * page.height)
          text_before = true;
      same_grid = !text_before;
      // Every piece of the table so far, not only the last page's; only
      // when the columns change, so a long table costs nothing per page.
      std::vector<RawRow*> earlier;
      if (same_grid && !SameColumns(last.xs, tables[0].xs))
        for (size_t k = std::min(s_->first_piece, last_piece); k <= last_piece; ++k)
          if ((*items)[k].kind == Item::kPiece)
            for (RawRow& r : (*items)[k].piece.rows) earlier.push_back(&r);
      if (same_grid && !refined.empty()) {
        const size_t columns = tables[0].xs.size() + 1;
        for (RawRow* r : earlier) Refine(refined, columns, r);
        for (auto& r : last.rows) {
          std::vector<std::string> out(columns);
          for (size_t c = 0; c < r.size() && c < refined.size(); ++c)
            out[refined[c]] = std::move(r[c]);
          r = std::move(out);
        }
        std::vector<bool> open(columns, false);
        for (size_t c = 0; c < last.open_at_foot.size() && c < refined.size(); ++c)
          open[refined[c]] = last.open_at_foot[c];
        last.open_at_foot = std::move(open);
      } else if (same_grid && unruled_pair) {
        // Other columns: the rows so far, if narrower, end in empty cells.
        for (RawRow* r : earlier) Pad(tables[0].xs.size() + 1, r);
      }
      auto& prev = (*items)[last_piece].piece.rows.back().cells;
      const auto& first = tables[0].rows[0];
      if (!text_before && prev.size() == first.size() &&
          ContinuesRow(last.rows.back(), first, last.open_at_foot)) {
        for (size_t c = 0; c < first.size(); ++c) prev[c].text += first[c];
        tables[0].rows.erase(tables[0].rows.begin());
      }
    }
    last = PageTable{};
    int number = 0;
    if (page.number > 1) {
      // The page break: a gap a table may continue across, as in text.
      lines->lines.push_back({"", 0, page.number});
      items->push_back(Item{Item::kBlank, lines->lines.size() - 1, {}});
    }
    for (const Entry& e : order) {
      if (e.kind == 0) {
        if (paras[e.index].box.y0 < 0.88 * page.height) last = PageTable{};
        lines->lines.push_back({paras[e.index].text, ++number, page.number});
        items->push_back(Item{Item::kText, lines->lines.size() - 1, {}});
        continue;
      }
      const PageTable& t = tables[e.index];
      last = t;
      if (t.rows.empty()) continue;
      if (!(same_grid && e.index == 0)) s_->first_piece = items->size();
      last_piece = items->size();
      Item it;
      it.kind = Item::kPiece;
      it.line = lines->lines.size();
      it.piece.format = TableFormat::kTabRows;
      it.piece.same_grid_as_previous = same_grid && e.index == 0;
      for (const auto& cells : t.rows) {
        std::string joined;
        for (size_t c = 0; c < cells.size(); ++c) joined += (c ? "\t" : "") + cells[c];
        lines->lines.push_back({joined, ++number, page.number});
        RawRow r;
        r.first_line = r.last_line = number;
        for (const std::string& c : cells) {
          Cell cell;
          cell.text = c;
          cell.first_line = cell.last_line = number;
          cell.page = page.number;
          r.cells.push_back(std::move(cell));
        }
        it.piece.rows.push_back(std::move(r));
      }
      it.piece.first_line = it.piece.rows.front().first_line;
      it.piece.last_line = it.piece.rows.back().last_line;
      items->push_back(std::move(it));
    }
  }
}

void PdfItems(const Document& pdf, Document* lines, std::vector<Item>* items) {
  lines->path = pdf.path;
  lines->encoding = pdf.encoding;
  PdfPager pager(lines, items);
  for (const PdfPage& page : pdf.pages) pager.Add(page);
}

}  // namespace jx::layout
