// The xlsx writers of the export stage: how they are asked to write.
#ifndef JXAUDIT_EXPORT_WORKBOOK_H_
#define JXAUDIT_EXPORT_WORKBOOK_H_

#include <string>
#include <vector>

#include "base/error.h"
#include "base/terms.h"
#include "record/sheets.h"

namespace jx {

// Excel holds at most 32,767 characters (UTF-16 units) in a cell; a longer
// text is cut at a character boundary and says so.
inline constexpr size_t kMaxCellUnits = 32767;
inline constexpr const char* kCutMarker = "…[已截断]";
// Document text as a cell takes it: valid UTF-8, no XML-invalid controls,
// within kMaxCellUnits.
std::string FitCell(const std::string& s);

// Rows of a worksheet in Excel and LibreOffice, its header row included.
inline constexpr size_t kExcelRows = 1048576;

// How a workbook is written.
struct BookOptions {
  const Terms* terms = nullptr;  // patterns/workbook.txt; never null
  Lang lang = Lang::kZh;
  // Rows a worksheet holds, its header row included: a longer sheet goes on
  // in "Name (2)", "Name (3)" … with the links into it following. A
  // parameter so that tests can split a sheet without a million rows.
  size_t max_rows = kExcelRows;
  // Flagged tables drawn on a sheet of their own; the rest share one sheet.
  // A streamed book keeps a temporary file open per sheet until it is
  // closed: thousands of sheets would run out of file descriptors.
  size_t max_table_sheets = 200;
};

}  // namespace jx

#endif  // JXAUDIT_EXPORT_WORKBOOK_H_
