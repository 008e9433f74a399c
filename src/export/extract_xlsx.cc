// The workbook of `extract -o x.xlsx`: a summary by unit and by rule, the
// 问题清单, the normalized sheets, and every flagged table as printed.
#include <xlsxwriter.h>

#include "export/book.h"
#include "export/extract.h"

namespace jx {

bool WriteExtractXlsx(const std::vector<Sheet>& sheets, const std::string& path,
                      const BookOptions& opt, Error* err) {
  // Rows are written in order: constant memory mode streams each sheet.
  lxw_workbook* wb = OpenWorkbook(path, /*streamed=*/true, err);
  if (!wb) return false;
  Book book(wb, opt);
  const Words& w = book.words();
  // Sheets are made in the order they are shown, and filled afterwards:
  // each sheet of a streamed book is its own stream.
  const std::string summary_name = book.SheetName(w("sheet.Summary"));
  lxw_worksheet* summary = book.AddSheet(summary_name);
  const std::string problems_name = book.SheetName(w("sheet.Problems"));
  lxw_worksheet* problems = book.AddSheet(problems_name);
  AddSheets(&book, sheets);
  const DrawnTables drawn = AddFlaggedSheets(&book, sheets);
  if (summary) {
    worksheet_write_string(summary, 0, 0, FitCell(w("summary.title")).c_str(),
                           book.Title());
    lxw_row_t r = 2, first = 0, last = 0;
    WriteSummaryTables(&book, summary, sheets, &r, &first, &last);
    worksheet_set_column(summary, 0, 0, 36, nullptr);
    worksheet_set_column(summary, 1, 1, 24, nullptr);
    worksheet_set_column(summary, 2, 5, 10, nullptr);
    book.PrintSetup(summary, 0);
  }
  if (problems) WriteProblems(&book, problems, sheets, drawn);
  DrawFlagged(&book, sheets, drawn, problems_name);
  lxw_error e = workbook_close(wb);
  if (e != LXW_NO_ERROR) {
    *err = MakeError(path, lxw_strerror(e));
    return false;
  }
  return true;
}

}  // namespace jx
