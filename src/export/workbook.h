// The xlsx writers of the export stage that work on sheets.
#ifndef JXAUDIT_EXPORT_WORKBOOK_H_
#define JXAUDIT_EXPORT_WORKBOOK_H_

#include <xlsxwriter.h>

#include <string>
#include <vector>

#include "base/error.h"
#include "record/sheets.h"

namespace jx {

// Excel holds at most 32,767 characters (UTF-16 units) in a cell; a longer
// text is cut at a character boundary and says so.
inline constexpr size_t kMaxCellUnits = 32767;
inline constexpr const char* kCutMarker = "…[已截断]";
// Document text as a cell takes it: valid UTF-8, no XML-invalid controls,
// within kMaxCellUnits.
std::string FitCell(const std::string& s);

// Opens a workbook for writing, or says why not. libxlsxwriter only notices an
// unwritable path when it closes the book (and prints its own complaint), so
// the path is tried first. `streamed`: rows go out in order (constant memory).
lxw_workbook* OpenWorkbook(const std::string& path, bool streamed, Error* err);

// Writes the sheets into an open workbook: header row, numbers as numbers,
// text always as text (never a formula), frozen header, autofilter.
void AddSheets(lxw_workbook* wb, const std::vector<Sheet>& sheets);

}  // namespace jx

#endif  // JXAUDIT_EXPORT_WORKBOOK_H_
