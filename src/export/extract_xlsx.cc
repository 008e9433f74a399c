// The workbook of `extract -o x.xlsx`: a summary by unit and by rule, the
// 问题清单, the normalized sheets, and every flagged table as printed.
#include <xlsxwriter.h>

#include "export/book.h"
#include "export/extract.h"

namespace jx {
namespace {

// The sheets as the writers read them: those held in memory from there (read
// back once, not once per pass), Tables from where it lies.
class HeldRows : public SheetRows {
 public:
  HeldRows(const SheetRows& rows, const std::vector<Sheet>& held)
      : rows_(rows), held_(held) {}
  const std::vector<Sheet>& heads() const override { return rows_.heads(); }
  size_t Rows(size_t sheet) const override { return rows_.Rows(sheet); }
  bool Each(size_t sheet, const RowFn& row, Error* err) const override {
    if (held_[sheet].name == "Tables") return rows_.Each(sheet, row, err);
    for (const auto& r : held_[sheet].rows) row(r);
    return true;
  }

 private:
  const SheetRows& rows_;
  const std::vector<Sheet>& held_;
};

}  // namespace

bool WriteExtractXlsx(const SheetRows& rows, const std::string& path,
                      const BookOptions& opt, Error* err) {
  // Every sheet but Tables in memory (the summaries, the 问题清单 and the
  // flagged tables read Documents and Findings more than once, and every
  // sheet is read twice: widths, then cells); Tables, a row per printed cell,
  // is read from `rows` each time it is needed.
  std::vector<Sheet> sheets = rows.heads();
  for (size_t s = 0; s < sheets.size(); ++s) {
    if (sheets[s].name == "Tables") continue;
    sheets[s].rows.reserve(rows.Rows(s));
    if (!rows.Each(
            s, [&](const std::vector<Value>& r) { sheets[s].rows.push_back(r); }, err))
      return false;
  }
  const HeldRows held(rows, sheets);
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
  FlaggedPlan flagged;
  bool read =
      AddSheets(&book, held, err) && AddFlaggedSheets(&book, sheets, held, &flagged, err);
  if (read && summary) {
    worksheet_write_string(summary, 0, 0, FitCell(w("summary.title")).c_str(),
                           book.Title());
    lxw_row_t r = 2, first = 0, last = 0;
    WriteSummaryTables(&book, summary, sheets, &r, &first, &last);
    worksheet_set_column(summary, 0, 0, 36, nullptr);
    worksheet_set_column(summary, 1, 1, 24, nullptr);
    worksheet_set_column(summary, 2, 5, 10, nullptr);
    book.PrintSetup(summary, 0);
  }
  if (read && problems) WriteProblems(&book, problems, sheets, flagged.drawn);
  read = read && DrawFlagged(&book, sheets, held, flagged, problems_name, err);
  lxw_error e = workbook_close(wb);
  if (!read) return false;
  if (e != LXW_NO_ERROR) {
    *err = MakeError(path, lxw_strerror(e));
    return false;
  }
  return true;
}

bool WriteExtractXlsx(const std::vector<Sheet>& sheets, const std::string& path,
                      const BookOptions& opt, Error* err) {
  return WriteExtractXlsx(SheetsInMemory(sheets), path, opt, err);
}

}  // namespace jx
