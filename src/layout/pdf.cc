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
  std::vector<double> xs;  // column rules, for ruled tables
  std::vector<std::vector<std::string>> rows;
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

bool ContinuesRow(const std::vector<std::string>& above,
                  const std::vector<std::string>& below) {
  if (above.size() != below.size()) return false;
  bool any = false, number_alone = false, mid_sentence = true, long_text = false;
  for (size_t c = 0; c < above.size(); ++c) {
    bool a = !IsBlank(above[c]), b = !IsBlank(below[c]);
    if (b && !a) return false;
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

void PdfItems(const Document& pdf, Document* lines, std::vector<Item>* items) {
  lines->path = pdf.path;
  lines->encoding = pdf.encoding;
  lines->lines.clear();
  items->clear();
  PageTable last;  // the table that ended the previous page, if it did
  size_t last_piece = SIZE_MAX;
  for (const PdfPage& page : pdf.pages) {
    std::vector<PageTable> tables;
    std::vector<std::vector<const PdfWord*>> text;
    PageReader(page).Run(&tables, &text);
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
    if (!tables.empty() && !last.rows.empty() && SameColumns(last.xs, tables[0].xs) &&
        !tables[0].rows.empty() && last_piece < items->size()) {
      bool text_before = false;
      for (const Para& l : paras)
        if (l.box.y1 < tables[0].box.y0 && l.box.y0 > 0.12 * page.height)
          text_before = true;
      auto& prev = (*items)[last_piece].piece.rows.back().cells;
      const auto& first = tables[0].rows[0];
      same_grid = !text_before;
      if (!text_before && ContinuesRow(last.rows.back(), first)) {
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

}  // namespace jx::layout
