// Every table an error or warning rests on, drawn again as printed on a
// sheet of its own: header rows, merged cells, numbers as numbers, the
// flagged cells coloured by severity with the findings as cell comments.
// Read from the Tables sheet, which carries what this needs.
#include <algorithm>
#include <map>
#include <set>

#include "base/text.h"
#include "export/book.h"

namespace jx {
namespace {

const Sheet* Find(const std::vector<Sheet>& sheets, std::string_view name) {
  for (const Sheet& s : sheets)
    if (s.name == name) return &s;
  return nullptr;
}

// `v` as AsText gives it, into `*out` (its storage reused: Groups reads
// every row of the Tables sheet).
void TextInto(const Value& v, std::string* out) {
  if (v.kind == Value::kText)
    out->assign(v.text);
  else
    *out = AsText(v);
}

// AsText(v).empty(), without making the text.
bool NoText(const Value& v) {
  return v.kind == Value::kText ? v.text.empty() : v.kind == Value::kEmpty;
}

int64_t IntOf(const Value& v) {
  return v.kind == Value::kNumber && v.number.scale == 0 ? v.number.units : 0;
}

struct Columns {
  size_t file, table, row, column, text, number, header, rowspan, colspan, findings;
  explicit Columns(const Sheet& t)
      : file(ColumnOf(t, "file")),
        table(ColumnOf(t, "table")),
        row(ColumnOf(t, "row")),
        column(ColumnOf(t, "column")),
        text(ColumnOf(t, "text")),
        number(ColumnOf(t, "number")),
        header(ColumnOf(t, "header")),
        rowspan(ColumnOf(t, "rowspan")),
        colspan(ColumnOf(t, "colspan")),
        findings(ColumnOf(t, "findings")) {}
};

size_t TablesSheet(const SheetRows& rows) {
  for (size_t s = 0; s < rows.heads().size(); ++s)
    if (rows.heads()[s].name == "Tables") return s;
  return std::string::npos;
}

// A place a drawn table may hold: rows and columns beyond are not drawn.
bool InRange(int64_t r, int64_t c) {
  return r >= 1 && c >= 1 && r <= 100000 && c <= 16384;
}

// The tables of the Tables sheet, in one pass: consecutive rows of one file
// and table are one table.
bool Groups(const SheetRows& rows, size_t t, std::vector<FlaggedGroup>* groups,
            Error* err) {
  const Columns k(rows.heads()[t]);
  size_t i = 0;
  std::string file, table;
  const bool read = rows.Each(
      t,
      [&](const std::vector<Value>& row) {
        TextInto(At(row, k.file), &file);
        TextInto(At(row, k.table), &table);
        if (groups->empty() || groups->back().file != file ||
            groups->back().table != table) {
          groups->emplace_back();
          groups->back().file = file;
          groups->back().table = table;
          groups->back().first = i;
        }
        FlaggedGroup& g = groups->back();
        g.last = ++i;
        if (!NoText(At(row, k.findings))) g.flagged = true;
        const int64_t r = IntOf(At(row, k.row)), c = IntOf(At(row, k.column));
        if (!InRange(r, c)) return;
        g.rows =
            std::max(g.rows, r + std::max<int64_t>(IntOf(At(row, k.rowspan)), 1) - 1);
        g.cols =
            std::max(g.cols, c + std::max<int64_t>(IntOf(At(row, k.colspan)), 1) - 1);
        if (r < g.at_row || (r == g.at_row && c <= g.at_col)) g.ordered = false;
        if (g.ordered && r != g.at_row && g.in_header) {
          // The first cell of row r: the header goes on while rows 1, 2, …
          // each open with a header cell.
          if (r == g.header_rows + 1 && AsText(At(row, k.header)) == "yes")
            g.header_rows = r;
          else
            g.in_header = false;
        }
        g.at_row = r;
        g.at_col = c;
      },
      err);
  for (FlaggedGroup& g : *groups) {
    g.rows = std::min<int64_t>(g.rows, 100000);
    g.cols = std::min<int64_t>(g.cols, 16384);
  }
  return read;
}

// What a comment and a colour need of a finding.
struct Noted {
  int severity = 2;  // 0 error, 1 warning
  std::string rule, message;
};

std::map<std::pair<std::string, std::string>, Noted> FindingsByID(
    const std::vector<Sheet>& sheets) {
  std::map<std::pair<std::string, std::string>, Noted> out;
  const Sheet* f = Find(sheets, "Findings");
  if (!f) return out;
  const size_t file = ColumnOf(*f, "file"), id = ColumnOf(*f, "id"),
               sev = ColumnOf(*f, "severity"), rule = ColumnOf(*f, "rule"),
               msg = ColumnOf(*f, "message");
  for (const auto& r : f->rows) {
    const std::string s = AsText(At(r, sev));
    out[{AsText(At(r, file)), AsText(At(r, id))}] =
        Noted{s == "error"     ? 0
              : s == "warning" ? 1
                               : 2,
              AsText(At(r, rule)), AsText(At(r, msg))};
  }
  return out;
}

std::map<std::pair<std::string, std::string>, std::string> Titles(
    const std::vector<Sheet>& sheets) {
  std::map<std::pair<std::string, std::string>, std::string> out;
  const Sheet* f = Find(sheets, "Findings");
  if (!f) return out;
  const size_t file = ColumnOf(*f, "file"), table = ColumnOf(*f, "table"),
               title = ColumnOf(*f, "table_title");
  for (const auto& r : f->rows) {
    std::string t = AsText(At(r, title));
    if (!t.empty()) out[{AsText(At(r, file)), AsText(At(r, table))}] = t;
  }
  return out;
}

std::vector<std::string> Ids(const std::string& s) {
  std::vector<std::string> ids;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t sp = s.find(' ', pos);
    if (sp == std::string::npos) sp = s.size();
    if (sp > pos) ids.push_back(s.substr(pos, sp - pos));
    pos = sp + 1;
  }
  return ids;
}

// Cells a drawn table may span in all (blank places included): more than
// any printed table has.
constexpr int64_t kDenseCells = 1000000;

// A table's printed cells at their places (1-based row and column → Tables
// row), its extent with spans, and how many header rows open it.
struct Grid {
  std::map<std::pair<int64_t, int64_t>, size_t> at;
  int64_t rows = 0, cols = 0, header_rows = 0;
};

// The grid of a table whose rows are held (not in order): the last cell at
// a place counts.
Grid GridOf(const std::vector<std::vector<Value>>& rows, const Columns& k) {
  Grid grid;
  for (size_t i = 0; i < rows.size(); ++i) {
    const auto& row = rows[i];
    const int64_t r = IntOf(At(row, k.row)), c = IntOf(At(row, k.column));
    if (!InRange(r, c)) continue;
    grid.at[{r, c}] = i;
    grid.rows =
        std::max(grid.rows, r + std::max<int64_t>(IntOf(At(row, k.rowspan)), 1) - 1);
    grid.cols =
        std::max(grid.cols, c + std::max<int64_t>(IntOf(At(row, k.colspan)), 1) - 1);
  }
  grid.rows = std::min<int64_t>(grid.rows, 100000);
  grid.cols = std::min<int64_t>(grid.cols, 16384);
  for (int64_t r = 1; r <= grid.rows; ++r) {
    auto it = grid.at.lower_bound({r, 0});
    if (it == grid.at.end() || it->first.first != r ||
        AsText(At(rows[it->second], k.header)) != "yes")
      break;
    grid.header_rows = r;
  }
  return grid;
}

// A cell of a drawn row: its column and its Tables row.
using RowCells = std::vector<std::pair<int64_t, const std::vector<Value>*>>;

// Draws flagged tables row by row: the cells of one table row at a time.
class Drawer {
 public:
  Drawer(Book* book, const Columns& k, const std::vector<Sheet>& sheets)
      : book_(book), w_(book->words()), k_(k), findings_(FindingsByID(sheets)) {}

  // Widths of the table's column `c` (0-based) from one cell of it.
  void Measure(std::vector<size_t>* widths, const std::vector<Value>& row, int64_t r,
               int64_t c, int64_t header_rows) const {
    const Value& num = At(row, k_.number);
    const bool header = r <= header_rows;
    size_t& w = (*widths)[static_cast<size_t>(c - 1)];
    if (num.kind == Value::kNumber && !header) {
      w = std::max(w, NumberWidth(num.number, num.percent, true) + 2);
    } else if (std::max<int64_t>(IntOf(At(row, k_.colspan)), 1) == 1) {
      const Value& text = At(row, k_.text);
      const size_t cap = header ? 24 : 40;
      const size_t tw = text.kind == Value::kText ? TextWidth(text.text, cap)
                                                  : TextWidth(AsText(text), cap);
      w = std::max(w, std::min<size_t>(tw + 2, cap));
    }
  }

  // Table row `r` at sheet row `xr`: `cells` in column order, `widths` the
  // sheet's columns as the table was measured.
  void Row(lxw_worksheet* ws, lxw_row_t xr, const std::string& file, int64_t r,
           int64_t rows, int64_t cols, int64_t header_rows, const RowCells& cells,
           const std::vector<size_t>& widths) const {
    const bool header = r <= header_rows;
    size_t lines = 1;
    for (const auto& [col, rp] : cells) {
      const auto& row = *rp;
      if (At(row, k_.number).kind == Value::kNumber && !header) continue;
      size_t w = 0;
      const int64_t cs = std::max<int64_t>(IntOf(At(row, k_.colspan)), 1);
      for (int64_t c = col; c < col + cs && c <= cols; ++c)
        w += widths[static_cast<size_t>(c - 1)];
      // A cell merged down shares its lines with the rows it covers.
      const int64_t rs = std::max<int64_t>(IntOf(At(row, k_.rowspan)), 1);
      const size_t need = WrappedLines(AsText(At(row, k_.text)), w);
      lines =
          std::max(lines, (need + static_cast<size_t>(rs) - 1) / static_cast<size_t>(rs));
    }
    // Always set: a CJK line is taller than the default row.
    worksheet_set_row(ws, xr, RowHeight(lines), nullptr);
    // The empty places are drawn too (bordered), unless the table is far
    // sparser than any printed one: a row of 16,000 cells over 100,000 rows
    // of one is not drawn as 1.6 billion blanks.
    const bool dense = rows * cols <= kDenseCells;
    auto next = cells.begin();
    for (int64_t c = 1; c <= cols; ++c) {
      if (!dense) {
        if (next == cells.end()) break;
        c = next->first;
      }
      const lxw_col_t xc = static_cast<lxw_col_t>(c - 1);
      while (dense && next != cells.end() && next->first < c) ++next;
      if (next == cells.end() || next->first != c) {
        worksheet_write_blank(
            ws, xr, xc, header ? book_->Header() : book_->Text(Mark::kNone, true, true));
        continue;
      }
      Cell(ws, xr, xc, file, header, *next->second);
      ++next;
    }
  }

 private:
  void Cell(lxw_worksheet* ws, lxw_row_t xr, lxw_col_t xc, const std::string& file,
            bool header, const std::vector<Value>& row) const {
    // The worst severity among the findings resting on the cell, and their
    // words for the comment.
    Mark m = Mark::kNone;
    std::string note;
    for (const std::string& id : Ids(AsText(At(row, k_.findings)))) {
      auto f = findings_.find({file, id});
      if (f == findings_.end() || f->second.severity > 1) continue;
      const Noted& x = f->second;
      if (x.severity == 0)
        m = Mark::kError;
      else if (m == Mark::kNone)
        m = Mark::kWarning;
      if (!note.empty()) note += "\n\n";
      note +=
          "【" +
          w_(std::string("value.severity.") + (x.severity == 0 ? "error" : "warning")) +
          "】" + id + " " + w_("rule." + x.rule) + " (" + x.rule + ")\n" + x.message;
    }
    const int64_t rs = std::max<int64_t>(IntOf(At(row, k_.rowspan)), 1),
                  cs = std::max<int64_t>(IntOf(At(row, k_.colspan)), 1);
    if ((rs > 1 || cs > 1) && rs * cs <= kDenseCells)
      // No format: the covered cells are written blank, bordered, when their
      // rows come (the book is streamed, row by row).
      worksheet_merge_range(ws, xr, xc, xr + static_cast<lxw_row_t>(rs - 1),
                            xc + static_cast<lxw_col_t>(cs - 1), "", nullptr);
    const Value& num = At(row, k_.number);
    const std::string text = AsText(At(row, k_.text));
    lxw_format* tf =
        header && m == Mark::kNone ? book_->Header() : book_->Text(m, true, true, header);
    if (num.kind == Value::kNumber && !header) {
      const bool grouped = text.find(',') != std::string::npos ||
                           text.find("\xEF\xBC\x8C") != std::string::npos;
      WriteValue(book_, ws, xr, xc, num, tf,
                 book_->Number(num.number.scale, num.percent, grouped, m, true));
    } else {
      worksheet_write_string(ws, xr, xc, FitCell(text).c_str(), tf);
    }
    if (!note.empty()) {
      char author[] = "jxaudit";
      lxw_comment_options co{};
      co.author = author;
      co.width = 420;
      co.height = static_cast<uint16_t>(std::min<size_t>(60 + note.size() / 3, 400));
      worksheet_write_comment_opt(ws, xr, xc, FitCell(note).c_str(), &co);
    }
  }

  Book* book_;
  const Words& w_;
  const Columns& k_;
  std::map<std::pair<std::string, std::string>, Noted> findings_;
};

}  // namespace

bool AddFlaggedSheets(Book* book, const std::vector<Sheet>& sheets, const SheetRows& rows,
                      FlaggedPlan* plan, Error* err) {
  *plan = FlaggedPlan{};
  const size_t t = TablesSheet(rows);
  if (t == std::string::npos) return true;
  if (!Groups(rows, t, &plan->groups, err)) return false;
  DrawnTables& drawn = plan->drawn;
  const auto titles = Titles(sheets);
  std::vector<const FlaggedGroup*> flagged;
  std::set<std::pair<std::string, std::string>> seen;
  for (const FlaggedGroup& g : plan->groups)
    if (g.flagged && seen.insert({g.file, g.table}).second) flagged.push_back(&g);
  const size_t own = book->options().max_table_sheets;
  size_t n = 0;
  std::string rest;
  size_t cursor = 1;  // on the shared sheet: below its link back
  for (const FlaggedGroup* g : flagged) {
    if (n < own || (n == own && flagged.size() == own + 1)) {
      std::string want =
          book->words()("sheet.Flagged") + std::to_string(++n) + " " + g->table;
      auto title = titles.find({g->file, g->table});
      if (title != titles.end()) want.append(" ").append(title->second);
      std::string name = book->SheetName(want);
      if (!book->AddSheet(name)) continue;
      // Row 0 links back, row 1 names the table, its rows follow.
      drawn[{g->file, g->table}] = DrawnTable{name, 2, true};
      continue;
    }
    // Past the limit the tables go one after another on one sheet: a sheet
    // each would keep a file open each until the book is closed.
    if (rest.empty()) {
      rest = book->SheetName(book->words()("sheet.FlaggedRest"));
      if (!book->AddSheet(rest)) return true;
    }
    const size_t rows = static_cast<size_t>(g->rows);
    if (cursor + rows + 2 > book->options().max_rows) break;  // the sheet is full
    drawn[{g->file, g->table}] = DrawnTable{rest, cursor + 1, false};
    cursor += 1 + rows + 1;  // a blank row after
  }
  return true;
}

bool DrawFlagged(Book* book, const std::vector<Sheet>& sheets, const SheetRows& rows,
                 const FlaggedPlan& plan, const std::string& problems_sheet, Error* err) {
  const size_t t = TablesSheet(rows);
  const DrawnTables& drawn = plan.drawn;
  if (t == std::string::npos || drawn.empty()) return true;
  const Words& w = book->words();
  const Columns k(rows.heads()[t]);
  const auto titles = Titles(sheets);
  const std::vector<FlaggedGroup>& groups = plan.groups;
  // Which tables are drawn (the first of each that is flagged), where.
  std::vector<const DrawnTable*> to(groups.size(), nullptr);
  std::set<std::string> drawn_once;
  for (size_t gi = 0; gi < groups.size(); ++gi) {
    const FlaggedGroup& g = groups[gi];
    auto d = drawn.find({g.file, g.table});
    if (g.flagged && d != drawn.end() &&
        workbook_get_worksheet_by_name(book->wb(), d->second.sheet.c_str()) &&
        drawn_once.insert(g.file + '\x1f' + g.table).second)
      to[gi] = &d->second;
  }
  // First pass: the widths. A row's height follows from its wrapped cells
  // under the widths its sheet has once its table is measured (tables on
  // the shared sheet widen it for the ones after them). A table not in order
  // is held until drawn.
  const Drawer drawer(book, k, sheets);
  std::map<std::string, std::vector<size_t>> sheet_widths;
  std::vector<std::vector<size_t>> table_widths(groups.size());
  std::map<size_t, std::vector<std::vector<Value>>> held;
  std::map<size_t, Grid> held_grid;
  size_t gi = 0, i = 0;
  auto group_of = [&](size_t row) {
    while (gi < groups.size() && row >= groups[gi].last) ++gi;
    return gi;
  };
  auto measured = [&](size_t g) {
    std::vector<size_t>& widths = sheet_widths[to[g]->sheet];
    if (!groups[g].ordered) {
      const Grid grid = GridOf(held[g], k);
      widths.resize(
          std::max(widths.size(), static_cast<size_t>(std::max<int64_t>(grid.cols, 1))),
          6);
      for (const auto& [rc, x] : grid.at)
        drawer.Measure(&widths, held[g][x], rc.first, rc.second, grid.header_rows);
      held_grid[g] = grid;
    }
    table_widths[g].assign(widths.begin(),
                           widths.begin() + static_cast<std::ptrdiff_t>(std::min<size_t>(
                                                widths.size(), groups[g].cols)));
  };
  bool read = rows.Each(
      t,
      [&](const std::vector<Value>& row) {
        const size_t g = group_of(i++);
        if (g >= groups.size() || !to[g]) return;
        const FlaggedGroup& fg = groups[g];
        std::vector<size_t>& widths = sheet_widths[to[g]->sheet];
        if (i - 1 == fg.first)
          widths.resize(
              std::max(widths.size(), static_cast<size_t>(std::max<int64_t>(fg.cols, 1))),
              6);
        if (!fg.ordered) {
          held[g].push_back(row);
        } else {
          const int64_t r = IntOf(At(row, k.row)), c = IntOf(At(row, k.column));
          if (InRange(r, c)) drawer.Measure(&widths, row, r, c, fg.header_rows);
        }
        if (i == fg.last) measured(g);
      },
      err);
  if (!read) return false;
  // Second pass: the cells, a table row at a time.
  std::set<std::string> linked_back;
  lxw_worksheet* ws = nullptr;
  std::vector<std::vector<Value>> buffered;  // the cells of table row `at`
  std::vector<int64_t> buffered_cols;
  int64_t at = 0, next_row = 1;  // next_row: the table row drawn next
  auto draw = [&](size_t g, int64_t r, int64_t rows, int64_t cols, int64_t header_rows,
                  const RowCells& cells) {
    const lxw_row_t xr =
        static_cast<lxw_row_t>(to[g]->first_row + static_cast<size_t>(r - 1));
    drawer.Row(ws, xr, groups[g].file, r, rows, cols, header_rows, cells,
               table_widths[g]);
  };
  // Rows before `upto` without cells, then the buffered row when it is `upto`.
  auto draw_to = [&](size_t g, int64_t upto) {
    const FlaggedGroup& fg = groups[g];
    static const RowCells kNone;
    for (; next_row < upto && next_row <= fg.rows; ++next_row)
      draw(g, next_row, fg.rows, fg.cols, fg.header_rows, kNone);
    if (at != 0 && at == upto && next_row == upto) {
      RowCells cells;
      for (size_t x = 0; x < buffered.size(); ++x)
        cells.emplace_back(buffered_cols[x], &buffered[x]);
      draw(g, at, fg.rows, fg.cols, fg.header_rows, cells);
      ++next_row;
    }
    buffered.clear();
    buffered_cols.clear();
    at = 0;
  };
  auto open = [&](size_t g) {
    const FlaggedGroup& fg = groups[g];
    const DrawnTable& d = *to[g];
    ws = workbook_get_worksheet_by_name(book->wb(), d.sheet.c_str());
    next_row = 1;
    at = 0;
    if (!problems_sheet.empty() && linked_back.insert(d.sheet).second)
      book->WriteLink(ws, 0, 0, CellLink(problems_sheet, 0, 0), w("flagged.back"),
                      nullptr);
    std::string title = fg.file + " — " + fg.table;
    auto tt = titles.find({fg.file, fg.table});
    if (tt != titles.end()) title.append(" ").append(tt->second);
    worksheet_write_string(ws, static_cast<lxw_row_t>(d.first_row - 1), 0,
                           FitCell(title).c_str(), book->Title());
  };
  auto close = [&](size_t g) {
    const FlaggedGroup& fg = groups[g];
    int64_t header_rows = fg.header_rows;
    if (fg.ordered) {
      if (at != 0) draw_to(g, at);
      draw_to(g, fg.rows + 1);
    } else {
      // Held: drawn from its grid, row by row.
      const Grid& grid = held_grid[g];
      header_rows = grid.header_rows;
      const auto& hr = held[g];
      for (int64_t r = 1; r <= grid.rows; ++r) {
        RowCells cells;
        for (auto it = grid.at.lower_bound({r, 0});
             it != grid.at.end() && it->first.first == r; ++it)
          cells.emplace_back(it->first.second, &hr[it->second]);
        draw(g, r, grid.rows, grid.cols, grid.header_rows, cells);
      }
      held.erase(g);
    }
    const DrawnTable& d = *to[g];
    if (d.own_sheet) {
      worksheet_freeze_panes(
          ws, static_cast<lxw_row_t>(d.first_row + static_cast<size_t>(header_rows)), 0);
      book->PrintSetup(ws,
                       static_cast<int>(d.first_row + static_cast<size_t>(header_rows)));
    }
  };
  gi = 0;
  i = 0;
  read = rows.Each(
      t,
      [&](const std::vector<Value>& row) {
        const size_t g = group_of(i++);
        if (g >= groups.size() || !to[g]) return;
        const FlaggedGroup& fg = groups[g];
        if (i - 1 == fg.first) open(g);
        const int64_t r = IntOf(At(row, k.row)), c = IntOf(At(row, k.column));
        if (fg.ordered && InRange(r, c)) {
          if (at != 0 && r != at) draw_to(g, at);
          at = r;
          buffered.push_back(row);
          buffered_cols.push_back(c);
        }
        if (i == fg.last) close(g);
      },
      err);
  if (!read) return false;
  for (const auto& [name, widths] : sheet_widths) {
    lxw_worksheet* s = workbook_get_worksheet_by_name(book->wb(), name.c_str());
    if (!s) continue;
    for (size_t c = 0; c < widths.size(); ++c)
      worksheet_set_column(s, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                           static_cast<double>(widths[c]), nullptr);
  }
  for (const auto& [key, d] : drawn)
    if (!d.own_sheet)
      if (lxw_worksheet* s =
              workbook_get_worksheet_by_name(book->wb(), d.sheet.c_str())) {
        book->PrintSetup(s, 0);
        break;
      }
  return true;
}

}  // namespace jx
