// Shared by the xlsx writers of the export stage.
#ifndef JXAUDIT_EXPORT_WORKBOOK_H_
#define JXAUDIT_EXPORT_WORKBOOK_H_

#include <xlsxwriter.h>

#include <string>

namespace jx {

// Opens a workbook for writing, or says why not. libxlsxwriter only notices an
// unwritable path when it closes the book (and prints its own complaint), so
// the path is tried first. `streamed`: rows go out in order (constant memory).
lxw_workbook* OpenWorkbook(const std::string& path, bool streamed, std::string* err);

}  // namespace jx

#endif  // JXAUDIT_EXPORT_WORKBOOK_H_
