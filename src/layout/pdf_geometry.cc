// Words as Poppler gives them are boxes, in no useful order, some of them
// nowhere at all. Every later step wants lines in reading order and text as
// it was printed; this file is the one place that turns boxes into those, and
// that keeps the coordinates a hostile file may hold away from the sorts.
#include <algorithm>
#include <cctype>
#include <cmath>

#include "base/text.h"
#include "layout/pdf_internal.h"

namespace jx::layout::pdf {
namespace {

// Coordinates a page can hold: finite and within `max_coordinate`. A hostile
// font or text matrix can put a word at infinity or NaN, and NaN breaks the
// ordering every sort here relies on.
bool Sane(double v) { return std::isfinite(v) && std::fabs(v) < kPdf.max_coordinate; }

bool IsAsciiWordChar(unsigned char c) { return std::isalnum(c) || c == '.' || c == '%'; }

}  // namespace

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

std::string JoinWords(const std::vector<const PdfWord*>& ws) {
  std::string out;
  for (size_t i = 0; i < ws.size(); ++i) {
    if (i > 0) {
      const PdfWord& a = *ws[i - 1];
      const PdfWord& b = *ws[i];
      double gap = b.x0 - a.x1;
      bool wide = gap > kPdf.latin_space_em * std::max(kPdf.min_em, a.size);
      if ((a.space_after || wide) && !out.empty() &&
          IsAsciiWordChar(static_cast<unsigned char>(out.back())) &&
          IsAsciiWordChar(static_cast<unsigned char>(b.text[0])))
        out += ' ';
      else if (wide && gap > kPdf.wide_space_em * std::max(kPdf.min_em, a.size))
        out += ' ';
    }
    out += ws[i]->text;
  }
  return out;
}

// A word joins a line it overlaps vertically by more than `line_overlap` of
// its height.
std::vector<WordLine> GroupLines(std::vector<const PdfWord*> ws) {
  std::sort(ws.begin(), ws.end(), [](const PdfWord* a, const PdfWord* b) {
    return a->y0 != b->y0 ? a->y0 < b->y0 : a->x0 < b->x0;
  });
  std::vector<WordLine> lines;
  std::vector<Box> boxes;
  for (const PdfWord* w : ws) {
    bool placed = false;
    double h = std::max(kPdf.min_word_height, w->y1 - w->y0);
    for (size_t k = lines.size(); k-- > 0 && k + kPdf.line_lookback >= lines.size();) {
      Box& b = boxes[k];
      double overlap = std::min(b.y1, w->y1) - std::max(b.y0, w->y0);
      if (overlap > kPdf.line_overlap * std::min(h, b.y1 - b.y0)) {
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

std::string JoinCellLines(const std::vector<WordLine>& lines) {
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

bool GapHolds(const PdfWord& a, const PdfWord& b, double x) {
  const double size = std::max({kPdf.min_em, a.size, b.size});
  const double slack = kPdf.separator_overrun_em * size;
  return (a.ends_cell || b.x0 - a.x1 > kPdf.separator_gap_em * size) &&
         a.x1 - slack <= x && x <= b.x0 + slack;
}

bool SeparatorInGap(const PdfWord& a, const PdfWord& b, const std::vector<double>& seps) {
  const double slack =
      kPdf.separator_overrun_em * std::max({kPdf.min_em, a.size, b.size});
  auto s = std::lower_bound(seps.begin(), seps.end(), a.x1 - slack);
  return s != seps.end() && GapHolds(a, b, *s);
}

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

namespace {

Box LineBox(const WordLine& l) {
  Box b{l.front()->x0, l.front()->y0, l.back()->x1, l.front()->y1};
  for (const PdfWord* w : l) b.y0 = std::min(b.y0, w->y0), b.y1 = std::max(b.y1, w->y1);
  return b;
}

// How wide the first unbreakable run of a line is: its share of the first
// word's width, by code points.
double LeadingRunWidth(const PdfWord& w) {
  const size_t n = CodePointCount(w.text);
  if (n == 0) return 0;
  return (w.x1 - w.x0) * static_cast<double>(std::min(n, LeadingUnbreakable(w.text))) /
         static_cast<double>(n);
}

// The page's leading in em: the median gap under lines of running text
// (one run of words, no columns) that reach the right edge, whose next line
// goes on with them; 0 when fewer than two such gaps say so.
double PageLeading(const std::vector<WordLine>& lines, double right) {
  std::vector<double> gaps;
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    const PdfWord& last = *lines[i].back();
    const double size = std::max(kPdf.min_em, last.size);
    if (last.x1 < right - kPdf.para_full_line_em * size) continue;
    if (Segments(lines[i]).size() != 1 || Segments(lines[i + 1]).size() != 1) continue;
    const double gap = (LineBox(lines[i + 1]).y0 - LineBox(lines[i]).y1) / size;
    if (gap >= 0 && gap < kPdf.para_leading_max_em) gaps.push_back(gap);
  }
  if (gaps.size() < 2) return 0;
  std::nth_element(gaps.begin(),
                   gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2),
                   gaps.end());
  return gaps[gaps.size() / 2];
}

}  // namespace

// A line goes on in the next line when that one follows closely and is not
// indented, and the line reaches the right edge of the text block, or stops
// short of it mid-sentence by less than what the next line starts with:
// "…评分结果为 96" / "分。", "…卫生健康" / "（类）支出 7.53 万元" are one
// sentence.
std::vector<Para> Paragraphs(const std::vector<WordLine>& lines) {
  std::vector<Para> out;
  double right = 0;
  for (const auto& l : lines) right = std::max(right, l.back()->x1);
  const double leading =
      std::max(kPdf.para_leading_em,
               std::min(kPdf.para_leading_max_em,
                        PageLeading(lines, right) + kPdf.para_leading_slack_em));
  const PdfWord* prev_last = nullptr;
  const PdfWord* prev_first = nullptr;
  int fulls = 0;
  for (const auto& l : lines) {
    std::string t = JoinWords(l);
    Box b = LineBox(l);
    bool join = false;
    if (prev_last && !out.empty()) {
      double size = std::max(kPdf.min_em, prev_last->size);
      const bool full = prev_last->x1 >= right - kPdf.para_full_line_em * size;
      join = b.y0 - out.back().box.y1 < leading * size && b.y0 > out.back().box.y0 &&
             l.front()->x0 <= prev_first->x0 + kPdf.para_indent_em * size &&
             std::fabs(l.front()->size - prev_last->size) < kPdf.para_same_size_em * size;
      join =
          join && (full || (right - prev_last->x1 < LeadingRunWidth(*l.front()) +
                                                        kPdf.para_fit_slack_em * size &&
                            !EndsSentence(out.back().text)));
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
      out.back().first_x0 = l.front()->x0;
      out.back().size = l.front()->size;
      prev_first = l.front();
    }
    prev_last = l.back();
    const bool full = prev_last->x1 >= right - kPdf.para_full_line_em *
                                                   std::max(kPdf.min_em, prev_last->size);
    fulls += full;
    out.back().open_end = full && !EndsSentence(out.back().text);
  }
  // One line reaching the right edge is the widest line, not a measure of
  // the text block: nothing is said to go on over the page.
  if (fulls < 2)
    for (Para& p : out) p.open_end = false;
  return out;
}

size_t FooterStart(const std::vector<WordLine>& lines,
                   const std::vector<std::vector<Segment>>& segs,
                   const std::vector<std::pair<size_t, size_t>>& bands,
                   double page_height) {
  // A line that starts or ends where a cell above does is a row of the
  // table's columns, not the page's footer.
  auto aligned = [&](size_t i) {
    const Segment& f = segs[i].front();
    for (size_t k = 0; k < i; ++k)
      for (const Segment& sg : segs[k])
        if (std::fabs(sg.x0 - f.x0) <= kPdf.same_separator ||
            std::fabs(sg.x1 - f.x1) <= kPdf.same_separator)
          return true;
    return false;
  };
  size_t start = bands.size();
  while (start > 0) {
    const auto& f = bands[start - 1];
    if (f.first != f.second || segs[f.first].size() != 1 ||
        LineTop(lines[f.first]) <= kPdf.foot_zone * page_height ||
        CodePointCount(JoinWords(lines[f.first])) > kPdf.title_max_chars ||
        aligned(f.first))
      break;
    --start;
  }
  return start;
}

}  // namespace jx::layout::pdf
