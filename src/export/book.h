// Inside the export stage: one workbook being written, with its words, its
// formats (made once each), its sheet names and the print setup every
// sheet gets. The sheet writers (book_sheets.cc, problems.cc, flagged.cc)
// share it.
#ifndef JXAUDIT_EXPORT_BOOK_H_
#define JXAUDIT_EXPORT_BOOK_H_

#include <xlsxwriter.h>

#include <array>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "base/terms.h"
#include "export/workbook.h"
#include "record/sheets.h"
#include "record/spill.h"

namespace jx {

// How a cell is marked: a finding's severity, or the Tables sheet's
// highlight of a cell some error or warning rests on.
enum class Mark { kNone, kError, kWarning };

// Opens a workbook for writing, or says why not. libxlsxwriter only notices an
// unwritable path when it closes the book (and prints its own complaint), so
// the path is tried first. `streamed`: rows go out in order (constant memory).
lxw_workbook* OpenWorkbook(const std::string& path, bool streamed, Error* err);

// The zlib level a workbook's parts are deflated at (deflate_level.cc):
// fast, for XML that deflates to about a tenth at any level.
inline constexpr int kWorkbookDeflateLevel = 1;
// Whether libxlsxwriter's parts go through deflate_level.cc, at that level.
bool WorkbookDeflateLevelSet();
// Whether libxlsxwriter names its cells through cell_name.cc.
bool WorkbookCellNamesSet();

class Book {
 public:
  Book(lxw_workbook* wb, const BookOptions& o);

  lxw_workbook* wb() const { return wb_; }
  const Words& words() const { return words_; }
  const BookOptions& options() const { return opt_; }

  // Sheet names: at most 31 characters, none of []:*?/\, unique in the book.
  std::string SheetName(const std::string& want);
  // Adds a sheet under a name from SheetName (never null for such a name).
  lxw_worksheet* AddSheet(const std::string& name);
  // Landscape A4, fit to one page wide, the first `head_rows` rows repeated
  // on every page.
  void PrintSetup(lxw_worksheet* ws, int head_rows);

  // An internal link showing `text`; plain text (in `plain`) once the sheet
  // holds Excel's most links (65,530), which libxlsxwriter would refuse
  // with a warning each, leaving the cell empty.
  void WriteLink(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& link,
                 const std::string& text, lxw_format* plain);

  lxw_format* Title();
  lxw_format* Header();
  lxw_format* Link();
  // Text, top-aligned; `wrap` for long messages.
  lxw_format* Text(Mark m = Mark::kNone, bool wrap = false, bool bordered = false,
                   bool bold = false);
  // Numbers with their printed decimals: "#,##0.00" (grouped) or "0.00";
  // a percent cell holds the fraction and shows "0.00%" in every workbook.
  lxw_format* Number(int scale, bool percent, bool grouped, Mark m = Mark::kNone,
                     bool bordered = false, bool bold = false);
  // A year: a number shown without grouping.
  lxw_format* Year();

 private:
  lxw_workbook* wb_;
  BookOptions opt_;
  Words words_;
  std::set<std::string> used_;
  std::map<lxw_worksheet*, size_t> links_;
  lxw_format *title_ = nullptr, *header_ = nullptr, *link_ = nullptr, *year_ = nullptr;
  // Formats made so far, looked up for every cell written: a slot for each
  // scale (-1 for text), flag (wrap for text, grouping for numbers), mark,
  // border and weight; the second half for percents.
  static constexpr size_t kFormatSlots = 2 * 12 * 2 * 3 * 2 * 2;
  static size_t FormatSlot(int scale, bool flag, Mark m, bool bordered, bool bold) {
    size_t slot = static_cast<size_t>(scale + 1);
    slot = slot * 2 + flag;
    slot = slot * 3 + static_cast<size_t>(m);
    slot = slot * 2 + bordered;
    return slot * 2 + bold;
  }
  std::array<lxw_format*, kFormatSlots> formats_{};
};

// Display columns of text as a spreadsheet shows it (CJK two), of its
// longest line; counting stops once a line reaches `enough` (a caller that
// caps the width needs no more), the answer then at least `enough`.
size_t TextWidth(std::string_view s, size_t enough = static_cast<size_t>(-1));
// Lines `text` takes wrapped in a column `width` wide, and the height of a
// row of that many lines (neither Excel nor LibreOffice sizes rows of a
// written book by their wrapped text).
size_t WrappedLines(std::string_view text, size_t width);
double RowHeight(size_t lines);
// Display columns of a number as Number() formats it.
size_t NumberWidth(const Decimal& d, bool percent, bool grouped);

// An internal link to a cell: "internal:'Sheet'!B7" (0-based row, column).
std::string CellLink(const std::string& sheet, size_t row, size_t col);

// A value written as a cell: a number with its printed decimals (a percent
// as its fraction), text always as a string, never a formula.
lxw_error WriteValue(Book* book, lxw_worksheet* ws, lxw_row_t r, lxw_col_t c,
                     const Value& v, lxw_format* text, lxw_format* number);

// The column of `sheet` called `name`, or npos.
size_t ColumnOf(const Sheet& sheet, std::string_view name);
// Row `r`'s value in column `c` (empty when out of range).
const Value& At(const std::vector<Value>& row, size_t c);
// The value as text (a number in its printed form).
std::string AsText(const Value& v);

// The normalized sheets (Documents, Budget, Indicators, Findings, Tables,
// Failures), each under its words, long sheets split: `sheets` in order,
// each read twice (widths, then rows) and never held; false, with why, when
// the rows cannot be read back.
bool AddSheets(Book* book, const SheetRows& sheets, Error* err);
void AddSheets(Book* book, const std::vector<Sheet>& sheets);

// Summary tables by unit and by rule, from the Documents and Findings
// sheets, written at `*row` on; the rule rows' first and last row (for a
// chart), or first > last when there are none.
void WriteSummaryTables(Book* book, lxw_worksheet* ws, const std::vector<Sheet>& sheets,
                        lxw_row_t* row, lxw_row_t* rule_first, lxw_row_t* rule_last);

// Where a flagged table was drawn: its sheet, and the sheet row of its row 0.
struct DrawnTable {
  std::string sheet;
  size_t first_row = 0;
  bool own_sheet = true;  // else one of the tables past the limit, on one sheet
};
using DrawnTables =
    std::map<std::pair<std::string, std::string>, DrawnTable>;  // file, table

// A table of the Tables sheet (its rows [first, last)), whether an error or
// warning rests on one of its cells, and its extent with spans; what
// AddFlaggedSheets reads of the sheet in one pass for DrawFlagged.
struct FlaggedGroup {
  std::string file, table;
  size_t first = 0, last = 0;
  bool flagged = false;
  // Cells in increasing (row, column), as BuildSheets makes them: drawn as
  // they are read. Otherwise the table's rows are held while it is drawn.
  bool ordered = true;
  int64_t rows = 0, cols = 0, header_rows = 0;
  int64_t at_row = 0, at_col = 0;  // the last cell read
  bool in_header = true;           // every row so far opens with a header cell
};
struct FlaggedPlan {
  DrawnTables drawn;
  std::vector<FlaggedGroup> groups;
};

// Plans the flagged tables' sheets (every table of the Tables sheet that an
// error or warning rests on: a sheet each up to BookOptions::max_table_sheets,
// the rest one after another on one more sheet) and adds them; DrawFlagged
// fills them. `sheets` holds Findings; the Tables rows are read from `rows`,
// which DrawFlagged reads twice more (widths, then the cells), never whole.
bool AddFlaggedSheets(Book* book, const std::vector<Sheet>& sheets, const SheetRows& rows,
                      FlaggedPlan* plan, Error* err);
bool DrawFlagged(Book* book, const std::vector<Sheet>& sheets, const SheetRows& rows,
                 const FlaggedPlan& plan, const std::string& problems_sheet, Error* err);

// The 问题清单: one row per error or warning, by unit, errors first; rows
// link to their drawn table when there is one.
void WriteProblems(Book* book, lxw_worksheet* ws, const std::vector<Sheet>& sheets,
                   const DrawnTables& drawn);

}  // namespace jx

#endif  // JXAUDIT_EXPORT_BOOK_H_
