// A table does not end where its page does. This file takes each page's
// tables and text in reading order and hands them on as items, deciding
// across the page break whether a table goes on (same or refined columns, no
// text between) and whether its first row is the rest of one the last page
// cut (`ContinuesRow`). It is the only place that holds state across pages.
#include <cctype>
#include <cmath>
#include <cstdint>

#include "base/text.h"
#include "layout/internal.h"
#include "layout/pdf_internal.h"

namespace jx::layout {
namespace {

using pdf::PageTable;
using pdf::Para;
using pdf::Paragraphs;
using pdf::RefinedColumns;
using pdf::SameColumns;

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
// those may go on. `wrapped`, when given: those of them of two lines or
// more, whose number may have been cut between its lines ("22." over "67");
// a cell of one line is never cut, so a number below it is a new row's.
bool ContinuesRow(const std::vector<std::string>& above,
                  const std::vector<std::string>& below, const std::vector<bool>& open,
                  const std::vector<bool>& wrapped) {
  if (above.size() != below.size()) return false;
  if (!open.empty() && open.size() != above.size()) return false;
  bool any = false, number_alone = false, mid_sentence = true, long_text = false;
  for (size_t c = 0; c < above.size(); ++c) {
    bool a = !IsBlank(above[c]), b = !IsBlank(below[c]);
    if (b && !a) return false;
    if (b && !open.empty() && !open[c]) return false;
    if (b && IsNumberText(below[c]) && !(c < wrapped.size() && wrapped[c])) return false;
    if (b) {
      any = true;
      // "(3)单位资金", "……": a new item, not the rest of a sentence.
      unsigned char first = static_cast<unsigned char>(TrimSpace(below[c])[0]);
      mid_sentence = mid_sentence && !EndsSentence(above[c]) && first >= 0xE4 &&
                     first <= 0xE9;  // starts with a Han character
      long_text = long_text || CodePointCount(above[c]) >= pdf::kPdf.continued_min_chars;
    }
    number_alone = number_alone || (a && !b && IsNumberText(above[c]));
  }
  return any && (number_alone || (mid_sentence && long_text));
}

bool AllBlank(const std::vector<std::string>& row) {
  return std::all_of(row.begin(), row.end(),
                     [](const std::string& c) { return IsBlank(c); });
}

// The longest end of `a` that `b` opens with, in bytes, at a character
// boundary of both, within `repeated_line_max_bytes`.
size_t Overlap(std::string_view a, std::string_view b) {
  const size_t most = std::min({a.size(), b.size(), pdf::kPdf.repeated_line_max_bytes});
  for (size_t k = most; k > 0; --k) {
    // b opens at a character, so an equal end of a does too.
    if (k < b.size() && (static_cast<unsigned char>(b[k]) & 0xC0) == 0x80) continue;
    if (a.substr(a.size() - k) == b.substr(0, k)) return k;
  }
  return 0;
}

// `below` opens the page with the rest of the row `above` that the last page
// cut, the cut row's last line printed again first (a producer that cuts
// pages at fixed heights draws the line the page's end runs through on both
// pages): every cell set on both opens with the end of the one above, one of
// them by `repeated_line_chars` or more. Strips what is repeated from
// `below` and says whether it was.
bool StripRepeatedLine(const std::vector<std::string>& above,
                       std::vector<std::string>* below) {
  if (above.size() != below->size()) return false;
  std::vector<size_t> cut(above.size(), 0);
  bool long_enough = false;
  for (size_t c = 0; c < above.size(); ++c) {
    const std::string_view a = TrimSpace(above[c]), b = TrimSpace((*below)[c]);
    if (a.empty() || b.empty()) continue;
    const size_t k = Overlap(a, b);
    if (k == 0) return false;
    const size_t chars = CodePointCount(b.substr(0, k));
    // A short cell repeats whole ("5" over "5", "项目" over "项目效益").
    if (chars < pdf::kPdf.repeated_line_chars && k != a.size()) return false;
    long_enough = long_enough || chars >= pdf::kPdf.repeated_line_chars;
    cut[c] = static_cast<size_t>(b.data() - (*below)[c].data()) + k;
  }
  if (!long_enough) return false;
  for (size_t c = 0; c < cut.size(); ++c)
    if (cut[c] > 0) (*below)[c].erase(0, cut[c]);
  return true;
}

// A row opening the page that `ContinuesRow` did not join, yet could be the
// rest of the cut row: no label of its own where the row above has one,
// nothing but numbers, each under a cell printed above, and one under a
// number (a one-line "1" above "41": one number cut, or two rows?).
bool MayContinueRow(const std::vector<std::string>& above,
                    const std::vector<std::string>& below) {
  if (above.empty() || above.size() != below.size()) return false;
  if (IsBlank(above[0]) || !IsBlank(below[0])) return false;
  // Numbers only: a row of its own under a label merged from above (a
  // score table's next indicator) names itself in a later column.
  bool number_under_number = false;
  for (size_t c = 1; c < above.size(); ++c) {
    if (IsBlank(below[c])) continue;
    if (IsBlank(above[c]) || !IsNumberText(below[c])) return false;
    number_under_number = number_under_number || IsNumberText(above[c]);
  }
  return number_under_number;
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

// `t`'s rules are some of `xs` (outer rules included): its rows are spread
// over the columns of `xs`, each cell in the one it starts in.
void SpreadOver(const std::vector<double>& xs, PageTable* t) {
  if (t->xs.size() < 2 || t->xs.size() >= xs.size()) return;
  std::vector<size_t> at;
  for (double x : t->xs) {
    size_t j = 0;
    while (j < xs.size() && std::fabs(xs[j] - x) > pdf::kPdf.same_separator) ++j;
    if (j == xs.size()) return;
    at.push_back(j);
  }
  for (auto& r : t->rows) {
    // As wide as before: up to the column its last cell starts in.
    if (r.empty() || r.size() >= at.size()) continue;
    std::vector<std::string> out(at[r.size() - 1] + 1);
    for (size_t c = 0; c < r.size(); ++c) out[at[c]] = std::move(r[c]);
    r = std::move(out);
  }
  // What the last row's cells say of the foot goes with them.
  for (std::vector<bool>* v :
       {&t->open_at_foot, &t->wrapped_at_foot, &t->label_cut_at_foot}) {
    if (v->empty() || v->size() >= at.size()) continue;
    std::vector<bool> out(at[v->size() - 1] + 1, false);
    for (size_t c = 0; c < v->size(); ++c) out[at[c]] = (*v)[c];
    *v = std::move(out);
  }
  t->xs = xs;
}

// How many leading rows of `t` repeat, cell for cell, the leading rows of
// the table's first piece: its header printed again. All of them when the
// first piece is all header (a page of it alone) would be a guess, so not
// past the first piece's last row but one.
size_t RepeatedHead(const std::vector<Item>& items, size_t first_piece, size_t last_piece,
                    const PageTable& t) {
  const size_t k = std::min(first_piece, last_piece);
  if (k >= items.size() || items[k].kind != Item::kPiece) return 0;
  const auto& top = items[k].piece.rows;
  size_t n = 0;
  while (n < t.rows.size() && n + 1 < top.size()) {
    const auto& a = t.rows[n];
    const auto& b = top[n].cells;
    bool same = a.size() == b.size(), any = false;
    for (size_t c = 0; same && c < a.size(); ++c) {
      same = TrimSpace(a[c]) == TrimSpace(b[c].text) ||
             CutShortCopy(TrimSpace(b[c].text), TrimSpace(a[c]));
      any = any || !IsBlank(a[c]);
    }
    if (!same || !any) break;
    ++n;
  }
  return n;
}

}  // namespace

struct PdfPager::State {
  Document* lines;
  std::vector<Item>* items;
  const PatternFile* units;
  PageTable last;  // the table that ended the previous page, if it did
  size_t last_piece = SIZE_MAX;
  // The first piece of the table `last_piece` goes on with, over pages.
  size_t first_piece = SIZE_MAX;
  // The line of the paragraph the last page ended with mid-sentence, its
  // page, font size and left edge; SIZE_MAX when it ended otherwise.
  size_t open_line = SIZE_MAX;
  int open_page = 0;
  double open_size = 0, open_x0 = 0;
  // Text just past the last page's grid, within a column (its item, text,
  // and whether above the foot zone): debris when the next page opens with
  // a grid whose first row holds it; else text.
  struct Debris {
    size_t item;
    Para para;
    bool body;
  };
  std::vector<Debris> debris;
};

PdfPager::PdfPager(Document* lines, std::vector<Item>* items, const PatternFile* units)
    : s_(new State{lines, items, units}) {
  lines->lines.clear();
  items->clear();
}

PdfPager::~PdfPager() = default;

void PdfPager::Add(const PdfPage& input) {
  PdfPage copy;
  const PdfPage& page = pdf::MarkCellEdges(pdf::SanePage(input, &copy), s_->units, &copy);
  Document* lines = s_->lines;
  std::vector<Item>* items = s_->items;
  PageTable& last = s_->last;
  size_t& last_piece = s_->last_piece;
  {
    std::vector<PageTable> tables;
    std::vector<std::vector<const PdfWord*>> text;
    std::vector<pdf::Box> frames;
    pdf::ReadRuled(page, &tables, &text, &frames);
    {
      std::vector<std::vector<const PdfWord*>> lines = std::move(text);
      text.clear();
      pdf::ReadThreeLine(page, last.open_three_line ? &last : nullptr, &lines, &tables);
      // One row of two cells places its separator anywhere in a wide gap:
      // too loose to carry.
      const bool carry = !last.ruled && (last.rows.size() >= 2 || last.xs.size() >= 2);
      pdf::ReadUnruled(carry ? last.xs : std::vector<double>{}, std::move(lines),
                       page.height, &tables, &text, frames);
      std::stable_sort(
          tables.begin(), tables.end(),
          [](const PageTable& a, const PageTable& b) { return a.box.y0 < b.box.y0; });
    }
    // Text the last page left just past its grid is the cut cell's, drawn
    // again, when this page's first row holds it; else it ended the table.
    if (!s_->debris.empty()) {
      bool debris = !tables.empty(), body = false;
      for (const auto& d : s_->debris) {
        debris = debris && pdf::RepeatsCell(d.para, tables[0], true);
        body = body || d.body;
      }
      for (const auto& d : s_->debris) (*items)[d.item].debris = debris;
      // Text of the page's own ended the table there (a footer does not).
      if (!debris && body) last = PageTable{};
      s_->debris.clear();
    }
    std::vector<Para> paras = Paragraphs(text);
    std::vector<bool> head_debris(paras.size(), false);
    for (size_t i = 0; i < paras.size(); ++i)
      head_debris[i] = pdf::HeadDebris(paras[i], tables, last);
    // Reading order: text lines and tables by their top edge.
    struct Entry {
      double y;
      int kind;  // 0 text line, 1 table
      size_t index;
    };
    std::vector<Entry> order;
    for (size_t i = 0; i < paras.size(); ++i) order.push_back({paras[i].box.y0, 0, i});
    for (size_t i = 0; i < tables.size(); ++i) order.push_back({tables[i].box.y0, 1, i});
    std::stable_sort(order.begin(), order.end(),
                     [](const Entry& a, const Entry& b) { return a.y < b.y; });
    // A grid that leaves out some of the rules the last page's grid drew (a
    // cell merged over them on this whole page) is that grid: its cells go
    // under the columns they start in.
    if (!tables.empty() && !last.rows.empty() && last.ruled && tables[0].ruled &&
        !SameColumns(last.xs, tables[0].xs))
      SpreadOver(last.xs, &tables[0]);
    // A page that opens with the table the last page ended with, no text in
    // between but running lines: its first row may be the rest of a split row.
    bool same_grid = false;
    // The last page's cut row, when all this page's table went into it.
    std::vector<std::string> whole_row;
    // Only the same ruled grid says so for sure.
    bool sure_grid = false;
    // An unruled table may show more columns on the new page than the last
    // page's rows did (a form above a wider score table): the last rows are
    // spread over them.
    // So may a grid whose last page held only its header, merged over
    // columns drawn apart here.
    std::vector<size_t> refined;
    if (!tables.empty() && !last.rows.empty() && !last.ruled && tables[0].continues &&
        !SameColumns(last.xs, tables[0].xs))
      refined = RefinedColumns(last.xs, tables[0].xs);
    if (!tables.empty() && !last.rows.empty() && last.ruled)
      refined = pdf::RefinedHeaderGrid(last, tables[0]);
    const bool header_refined = last.ruled && !refined.empty();
    // Unruled tables have no rules to tell two tables apart: one that ends a
    // page and one that opens the next, with no text between, are one, as
    // in copied text, whatever their columns.
    const bool unruled_pair = !tables.empty() && !last.ruled && !tables[0].ruled;
    if (!tables.empty() && !last.rows.empty() &&
        (SameColumns(last.xs, tables[0].xs) || !refined.empty() || unruled_pair) &&
        !tables[0].rows.empty() && last_piece < items->size()) {
      bool text_before = false;
      for (size_t i = 0; i < paras.size(); ++i)
        if (paras[i].box.y1 < tables[0].box.y0 &&
            paras[i].box.y0 > pdf::kPdf.head_zone * page.height && !head_debris[i])
          text_before = true;
      same_grid = !text_before;
      // The same rules, or the last page's separators found to hold here.
      // Unruled, as many separators on both pages: column for column the
      // same, each separator moved within its gap.
      // Columns inferred between horizontal rules are matched, not drawn.
      sure_grid =
          same_grid && last.ruled == tables[0].ruled && !tables[0].three_line &&
          ((SameColumns(last.xs, tables[0].xs) &&
            (tables[0].ruled || tables[0].continues)) ||
           (!tables[0].ruled && tables[0].continues && !refined.empty()) ||
           (!tables[0].ruled && last.xs.size() == tables[0].xs.size()) || header_refined);
      // Every piece of the table so far, not only the last page's; only
      // when the columns change, so a long table costs nothing per page.
      std::vector<RawRow*> earlier;
      if (same_grid && !SameColumns(last.xs, tables[0].xs))
        for (size_t k = std::min(s_->first_piece, last_piece); k <= last_piece; ++k)
          if ((*items)[k].kind == Item::kPiece)
            for (RawRow& r : (*items)[k].piece.rows) earlier.push_back(&r);
      if (same_grid && !refined.empty()) {
        // A grid's rules include its outer ones; separators do not.
        const size_t columns =
            tables[0].ruled ? tables[0].xs.size() - 1 : tables[0].xs.size() + 1;
        for (RawRow* r : earlier) Refine(refined, columns, r);
        // The header's grid is now this one.
        if (header_refined)
          for (size_t k = std::min(s_->first_piece, last_piece); k <= last_piece; ++k)
            if ((*items)[k].kind == Item::kPiece)
              (*items)[k].piece.grid_columns = columns;
        for (auto& r : last.rows) {
          std::vector<std::string> out(columns);
          for (size_t c = 0; c < r.size() && c < refined.size(); ++c)
            out[refined[c]] = std::move(r[c]);
          r = std::move(out);
        }
        for (auto* by_column :
             {&last.open_at_foot, &last.wrapped_at_foot, &last.label_cut_at_foot}) {
          std::vector<bool> out(columns, false);
          for (size_t c = 0; c < by_column->size() && c < refined.size(); ++c)
            out[refined[c]] = (*by_column)[c];
          if (!by_column->empty()) *by_column = std::move(out);
        }
      } else if (same_grid && unruled_pair) {
        // Other columns: the rows so far, if narrower, end in empty cells.
        for (RawRow* r : earlier) Pad(tables[0].xs.size() + 1, r);
      }
      // The header printed again at the page top (Writer's repeated rows,
      // `<thead>`) stands between the cut row and its rest.
      const size_t head = RepeatedHead(*items, s_->first_piece, last_piece, tables[0]);
      auto& piece_rows = (*items)[last_piece].piece.rows;
      // A cut row's last line printed again opens this page, perhaps after
      // and before empty grid rows the cut left (its cells' rules drawn on
      // both pages): the row goes on past them.
      size_t trail = 0, lead = head;
      while (trail + 1 < last.rows.size() && trail + 1 < piece_rows.size() &&
             AllBlank(last.rows[last.rows.size() - 1 - trail]))
        ++trail;
      while (lead + 1 < tables[0].rows.size() && AllBlank(tables[0].rows[lead])) ++lead;
      bool repeated = false;
      const std::vector<std::string>& above = last.rows[last.rows.size() - 1 - trail];
      if (!text_before && lead < tables[0].rows.size() &&
          !AllBlank(tables[0].rows[lead]) && !AllBlank(above)) {
        std::vector<std::string> rest = tables[0].rows[lead];
        auto& cut = piece_rows[piece_rows.size() - 1 - trail].cells;
        if (cut.size() == rest.size() && StripRepeatedLine(above, &rest)) {
          repeated = true;
          for (size_t c = 0; c < rest.size(); ++c) cut[c].text += rest[c];
          // The rows between go: the empty ones the cut left, the header
          // printed again above them, and the rest now joined.
          tables[0].rows.erase(
              tables[0].rows.begin(),
              tables[0].rows.begin() + static_cast<std::ptrdiff_t>(lead + 1));
          auto& rd = tables[0].row_doubts;
          if (!rd.empty())
            rd.erase(rd.begin(), rd.begin() + static_cast<std::ptrdiff_t>(
                                                  std::min(rd.size(), lead + 1)));
          piece_rows.resize(piece_rows.size() - trail);
          if (!piece_rows.empty())
            (*items)[last_piece].piece.last_line = piece_rows.back().last_line;
          if (tables[0].rows.empty())
            for (const Cell& c : cut) whole_row.push_back(c.text);
        }
      }
      // Or the rest of the cut row opens this page, past the same empty
      // rows at either side (the grid's reading measured the cells open at
      // the foot on the row above them).
      if (repeated || std::none_of(last.open_at_foot.begin(), last.open_at_foot.end(),
                                   [](bool b) { return b; }))
        trail = 0;
      auto& prev = piece_rows[piece_rows.size() - 1 - trail].cells;
      if (!repeated && !text_before && head < tables[0].rows.size()) {
        const auto& first = tables[0].rows[lead];
        const auto& cut = last.rows[last.rows.size() - 1 - trail];
        if (prev.size() == first.size() && !AllBlank(first) &&
            ContinuesRow(cut, first, last.open_at_foot, last.wrapped_at_foot)) {
          for (size_t c = 0; c < first.size(); ++c) prev[c].text += first[c];
          tables[0].rows.erase(
              tables[0].rows.begin() + static_cast<std::ptrdiff_t>(head),
              tables[0].rows.begin() + static_cast<std::ptrdiff_t>(lead));
          auto& rd = tables[0].row_doubts;
          if (head < rd.size())
            rd.erase(rd.begin() + static_cast<std::ptrdiff_t>(head),
                     rd.begin() + static_cast<std::ptrdiff_t>(std::min(rd.size(), lead)));
          // The empty rows the cut left at the last page's foot go too.
          piece_rows.resize(piece_rows.size() - trail);
          (*items)[last_piece].piece.last_line = piece_rows.back().last_line;
          // A row taller than the page may go on over the next one too;
          // the header printed above its middle is dropped with it, so that
          // the row stays the one the next page goes on with.
          const bool whole = tables[0].rows.size() == head + 1;
          if (whole)
            for (const Cell& c : prev) whole_row.push_back(c.text);
          tables[0].rows.erase(tables[0].rows.begin() +
                               static_cast<std::ptrdiff_t>(head));
          if (head < rd.size()) {
            // The joined row keeps the doubt of either part.
            if (!rd[head].empty() && !prev.empty()) prev.back().doubt.Add(rd[head]);
            rd.erase(rd.begin() + static_cast<std::ptrdiff_t>(head));
          }
          if (whole) tables[0].rows.clear(), rd.clear();
        } else if (prev.size() == first.size() && MayContinueRow(cut, first)) {
          // Not joined, yet it may be the cut row's rest: both rows are in
          // doubt, so no rule reads either for sure.
          for (Cell& c : prev) c.doubt.Add(kDoubtRows);
          auto& rd = tables[0].row_doubts;
          if (rd.size() < tables[0].rows.size()) rd.resize(tables[0].rows.size());
          AddNames(&rd[lead], kDoubtRows);
        }
      }
      // A cell merged over the last page's last rows, empty there, has its
      // label here: the rows it heads here, as fill-down reads them, are a
      // guess too.
      if (!text_before)
        pdf::DoubtLabelsCutAbove(last.label_cut_at_foot, head, &tables[0]);
    }
    last = PageTable{};
    int number = 0;
    if (page.number > 1) {
      // The page break: a gap a table may continue across, as in text.
      lines->lines.push_back({"", 0, page.number});
      items->push_back(Item{Item::kBlank, lines->lines.size() - 1, {}});
    }
    auto in_margin = [&](const Para& p) {
      return p.box.y1 < pdf::kPdf.head_zone * page.height ||
             p.box.y0 > pdf::kPdf.foot_zone * page.height;
    };
    // A sentence the last page broke off goes on in this page's first
    // paragraph when that starts where its lines did, not indented, in the
    // same font: one paragraph, so that its figures are read together.
    const size_t open = s_->open_page + 1 == page.number ? s_->open_line : SIZE_MAX;
    s_->open_line = SIZE_MAX;
    // The entry that goes on with it: the first of the page, running heads
    // aside; one in the head zone only when it starts where the sentence's
    // lines did in its font (a running head is centred or smaller).
    size_t rest = SIZE_MAX;
    for (size_t k = 0; open != SIZE_MAX && k < order.size(); ++k) {
      const Entry& e = order[k];
      if (e.kind != 0) break;
      const Para& p = paras[e.index];
      const double em = std::max(pdf::kPdf.min_em, p.size);
      const bool fits =
          p.first_x0 <= s_->open_x0 + pdf::kPdf.para_indent_em * em &&
          p.first_x0 >= s_->open_x0 - pdf::kPdf.para_indent_em * em &&
          std::fabs(p.size - s_->open_size) < pdf::kPdf.para_same_size_em * em;
      if (fits) {
        rest = k;
        break;
      }
      if (!in_margin(p)) break;
    }
    for (size_t k = 0; k < order.size(); ++k) {
      const Entry& e = order[k];
      if (e.kind == 0) {
        const Para& p = paras[e.index];
        // Just past the page's last grid, within a column: perhaps a cut
        // cell's text, which the next page tells.
        const bool body = p.box.y0 < pdf::kPdf.foot_zone * page.height;
        if (!last.rows.empty() && !tables.empty() &&
            pdf::PastGridEdge(p, tables.back(), true) &&
            (s_->debris.empty() || s_->debris.back().item + 1 == items->size())) {
          s_->debris.push_back({items->size(), p, body});
        } else if (body) {
          last = PageTable{}, s_->debris.clear();
        }
        const bool margin = in_margin(p);
        if (k == rest) {
          lines->lines[open].text += p.text;
          // It may go on over this page too.
          s_->open_line = p.open_end ? open : SIZE_MAX;
          s_->open_page = page.number;
          continue;
        }
        lines->lines.push_back({p.text, ++number, page.number});
        items->push_back(Item{Item::kText, lines->lines.size() - 1, {}});
        items->back().margin = margin;
        items->back().in_column = pdf::InColumn(p, tables);
        items->back().debris = head_debris[e.index];
        // A footer after it leaves it open; running text low on the page,
        // in the foot zone, may be what goes on.
        if (!margin || p.open_end) {
          s_->open_line = p.open_end ? lines->lines.size() - 1 : SIZE_MAX;
          s_->open_page = page.number;
          s_->open_size = p.size;
          s_->open_x0 = p.box.x0;
        }
        continue;
      }
      s_->open_line = SIZE_MAX;
      const PageTable& t = tables[e.index];
      last = t;
      // Whatever of the page's table is left (a header printed again).
      if (e.index == 0 && !whole_row.empty()) last.rows = {std::move(whole_row)};
      if (t.rows.empty()) continue;
      if (!(same_grid && e.index == 0)) s_->first_piece = items->size();
      last_piece = items->size();
      Item it;
      it.kind = Item::kPiece;
      it.line = lines->lines.size();
      it.piece.format = TableFormat::kTabRows;
      it.piece.same_grid_as_previous = same_grid && e.index == 0;
      it.piece.same_ruled_grid = it.piece.same_grid_as_previous && sure_grid;
      it.piece.geometry = true;
      it.piece.doubts = t.doubts;
      it.piece.labels_at_foot = t.labels_at_foot;
      if (t.ruled && !t.xs.empty()) it.piece.grid_columns = t.xs.size() - 1;
      for (size_t ri = 0; ri < t.rows.size(); ++ri) {
        const auto& cells = t.rows[ri];
        const std::string& doubt = ri < t.row_doubts.size() ? t.row_doubts[ri] : "";
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
          cell.doubt = doubt;
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

void PdfItems(const Document& pdf, Document* lines, std::vector<Item>* items,
              const PatternFile* units) {
  lines->path = pdf.path;
  lines->encoding = pdf.encoding;
  PdfPager pager(lines, items, units);
  for (const PdfPage& page : pdf.pages) pager.Add(page);
}

}  // namespace jx::layout
