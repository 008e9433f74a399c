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

int64_t IntOf(const Value& v) {
  return v.kind == Value::kNumber && v.number.scale == 0 ? v.number.units : 0;
}

// The Tables rows of one table: [first, last).
struct Group {
  std::string file, table;
  size_t first = 0, last = 0;
  bool flagged = false;
};

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

std::vector<Group> Groups(const Sheet& t) {
  const Columns k(t);
  std::vector<Group> groups;
  for (size_t i = 0; i < t.rows.size(); ++i) {
    const auto& row = t.rows[i];
    const std::string file = AsText(At(row, k.file)), table = AsText(At(row, k.table));
    if (groups.empty() || groups.back().file != file || groups.back().table != table)
      groups.push_back({file, table, i, i, false});
    groups.back().last = i + 1;
    if (!AsText(At(row, k.findings)).empty()) groups.back().flagged = true;
  }
  return groups;
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

Grid GridOf(const Sheet& t, const Columns& k, const Group& g) {
  Grid grid;
  for (size_t i = g.first; i < g.last; ++i) {
    const auto& row = t.rows[i];
    const int64_t r = IntOf(At(row, k.row)), c = IntOf(At(row, k.column));
    if (r < 1 || c < 1 || r > 100000 || c > 16384) continue;
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
        AsText(At(t.rows[it->second], k.header)) != "yes")
      break;
    grid.header_rows = r;
  }
  return grid;
}

}  // namespace

DrawnTables AddFlaggedSheets(Book* book, const std::vector<Sheet>& sheets) {
  DrawnTables drawn;
  const Sheet* t = Find(sheets, "Tables");
  if (!t) return drawn;
  const Columns k(*t);
  const auto titles = Titles(sheets);
  std::vector<const Group*> flagged;
  const std::vector<Group> groups = Groups(*t);
  std::set<std::pair<std::string, std::string>> seen;
  for (const Group& g : groups)
    if (g.flagged && seen.insert({g.file, g.table}).second) flagged.push_back(&g);
  const size_t own = book->options().max_table_sheets;
  size_t n = 0;
  std::string rest;
  size_t cursor = 1;  // on the shared sheet: below its link back
  for (const Group* g : flagged) {
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
      if (!book->AddSheet(rest)) return drawn;
    }
    const size_t rows = static_cast<size_t>(GridOf(*t, k, *g).rows);
    if (cursor + rows + 2 > book->options().max_rows) break;  // the sheet is full
    drawn[{g->file, g->table}] = DrawnTable{rest, cursor + 1, false};
    cursor += 1 + rows + 1;  // a blank row after
  }
  return drawn;
}

void DrawFlagged(Book* book, const std::vector<Sheet>& sheets, const DrawnTables& drawn,
                 const std::string& problems_sheet) {
  const Sheet* t = Find(sheets, "Tables");
  if (!t || drawn.empty()) return;
  const Words& w = book->words();
  const Columns k(*t);
  const auto findings = FindingsByID(sheets);
  const auto titles = Titles(sheets);
  std::set<std::string> linked_back, drawn_once;
  std::map<std::string, std::vector<size_t>> sheet_widths;
  for (const Group& g : Groups(*t)) {
    auto d = drawn.find({g.file, g.table});
    if (!g.flagged || d == drawn.end() ||
        !drawn_once.insert(g.file + '\x1f' + g.table).second)
      continue;
    lxw_worksheet* ws =
        workbook_get_worksheet_by_name(book->wb(), d->second.sheet.c_str());
    if (!ws) continue;
    const size_t top = d->second.first_row;
    const Grid grid = GridOf(*t, k, g);
    const auto& at = grid.at;
    const int64_t rows = grid.rows, cols = grid.cols, header_rows = grid.header_rows;
    if (!problems_sheet.empty() && linked_back.insert(d->second.sheet).second)
      book->WriteLink(ws, 0, 0, CellLink(problems_sheet, 0, 0), w("flagged.back"),
                      nullptr);
    std::string title = g.file + " — " + g.table;
    auto tt = titles.find({g.file, g.table});
    if (tt != titles.end()) title.append(" ").append(tt->second);
    worksheet_write_string(ws, static_cast<lxw_row_t>(top - 1), 0, FitCell(title).c_str(),
                           book->Title());
    // Widths first: a row's height follows from its wrapped cells.
    std::vector<size_t>& widths = sheet_widths[d->second.sheet];
    widths.resize(
        std::max(widths.size(), static_cast<size_t>(std::max<int64_t>(cols, 1))), 6);
    for (const auto& [rc, i] : at) {
      const auto& row = t->rows[i];
      const size_t c = static_cast<size_t>(rc.second - 1);
      const Value& num = At(row, k.number);
      const std::string text = AsText(At(row, k.text));
      const bool header = rc.first <= header_rows;
      if (num.kind == Value::kNumber && !header)
        widths[c] = std::max(widths[c], NumberWidth(num.number, num.percent, true) + 2);
      else if (std::max<int64_t>(IntOf(At(row, k.colspan)), 1) == 1)
        widths[c] =
            std::max(widths[c], std::min<size_t>(TextWidth(text) + 2, header ? 24 : 40));
    }
    for (int64_t r = 1; r <= rows; ++r) {
      const bool header = r <= header_rows;
      const lxw_row_t xr = static_cast<lxw_row_t>(top + static_cast<size_t>(r - 1));
      size_t lines = 1;
      for (auto it = at.lower_bound({r, 0}); it != at.end() && it->first.first == r;
           ++it) {
        const auto& row = t->rows[it->second];
        if (At(row, k.number).kind == Value::kNumber && !header) continue;
        size_t w = 0;
        const int64_t cs = std::max<int64_t>(IntOf(At(row, k.colspan)), 1);
        for (int64_t c = it->first.second; c < it->first.second + cs && c <= cols; ++c)
          w += widths[static_cast<size_t>(c - 1)];
        // A cell merged down shares its lines with the rows it covers.
        const int64_t rs = std::max<int64_t>(IntOf(At(row, k.rowspan)), 1);
        const size_t need = WrappedLines(AsText(At(row, k.text)), w);
        lines = std::max(lines,
                         (need + static_cast<size_t>(rs) - 1) / static_cast<size_t>(rs));
      }
      // Always set: a CJK line is taller than the default row.
      worksheet_set_row(ws, xr, RowHeight(lines), nullptr);
      // The empty places are drawn too (bordered), unless the table is
      // far sparser than any printed one: a row of 16,000 cells over
      // 100,000 rows of one is not drawn as 1.6 billion blanks.
      const bool dense = rows * cols <= kDenseCells;
      auto next = at.lower_bound({r, 0});
      for (int64_t c = 1; c <= cols; ++c) {
        if (!dense) {
          if (next == at.end() || next->first.first != r) break;
          c = next->first.second;
        }
        const lxw_col_t xc = static_cast<lxw_col_t>(c - 1);
        auto it = at.find({r, c});
        if (it == at.end()) {
          worksheet_write_blank(
              ws, xr, xc, header ? book->Header() : book->Text(Mark::kNone, true, true));
          continue;
        }
        if (!dense) ++next;
        const auto& row = t->rows[it->second];
        // The worst severity among the findings resting on the cell, and
        // their words for the comment.
        Mark m = Mark::kNone;
        std::string note;
        for (const std::string& id : Ids(AsText(At(row, k.findings)))) {
          auto f = findings.find({g.file, id});
          if (f == findings.end() || f->second.severity > 1) continue;
          const Noted& x = f->second;
          if (x.severity == 0)
            m = Mark::kError;
          else if (m == Mark::kNone)
            m = Mark::kWarning;
          if (!note.empty()) note += "\n\n";
          note += "【" +
                  w(std::string("value.severity.") +
                    (x.severity == 0 ? "error" : "warning")) +
                  "】" + id + " " + w("rule." + x.rule) + " (" + x.rule + ")\n" +
                  x.message;
        }
        const int64_t rs = std::max<int64_t>(IntOf(At(row, k.rowspan)), 1),
                      cs = std::max<int64_t>(IntOf(At(row, k.colspan)), 1);
        if ((rs > 1 || cs > 1) && rs * cs <= kDenseCells)
          // No format: the covered cells are written blank, bordered, when
          // their rows come (the book is streamed, row by row).
          worksheet_merge_range(ws, xr, xc, xr + static_cast<lxw_row_t>(rs - 1),
                                xc + static_cast<lxw_col_t>(cs - 1), "", nullptr);
        const Value& num = At(row, k.number);
        const std::string text = AsText(At(row, k.text));
        lxw_format* tf = header && m == Mark::kNone ? book->Header()
                                                    : book->Text(m, true, true, header);
        if (num.kind == Value::kNumber && !header) {
          const bool grouped = text.find(',') != std::string::npos ||
                               text.find("\xEF\xBC\x8C") != std::string::npos;
          WriteValue(book, ws, xr, xc, num, tf,
                     book->Number(num.number.scale, num.percent, grouped, m, true));
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
    }
    if (d->second.own_sheet) {
      worksheet_freeze_panes(
          ws, static_cast<lxw_row_t>(top + static_cast<size_t>(header_rows)), 0);
      book->PrintSetup(ws, static_cast<int>(top + static_cast<size_t>(header_rows)));
    }
  }
  for (const auto& [name, widths] : sheet_widths) {
    lxw_worksheet* ws = workbook_get_worksheet_by_name(book->wb(), name.c_str());
    if (!ws) continue;
    for (size_t c = 0; c < widths.size(); ++c)
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                           static_cast<double>(widths[c]), nullptr);
  }
  for (const auto& [key, d] : drawn)
    if (!d.own_sheet)
      if (lxw_worksheet* ws =
              workbook_get_worksheet_by_name(book->wb(), d.sheet.c_str())) {
        book->PrintSetup(ws, 0);
        break;
      }
}

}  // namespace jx
