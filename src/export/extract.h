// Output of `extract`: the normalized sheets over all given files, as an xlsx
// workbook, a JSON object of arrays, or one CSV with a "sheet" first column.
#ifndef JXAUDIT_EXPORT_EXTRACT_H_
#define JXAUDIT_EXPORT_EXTRACT_H_

#include <ostream>
#include <string>
#include <vector>

#include "base/error.h"
#include "export/workbook.h"
#include "record/sheets.h"
#include "record/spill.h"

namespace jx {

// `sheets`: BuildSheets over the files, with Tables (or MergeSheets of each
// file's own). Summary by unit and by rule, 问题清单, the sheets, and a
// sheet per flagged table, in `opt`'s words.
bool WriteExtractXlsx(const std::vector<Sheet>& sheets, const std::string& path,
                      const BookOptions& opt, Error* err);
// The same over sheets read row by row (a SheetSpill): the Tables sheet is
// read three times and never held; the others are held while it is written.
bool WriteExtractXlsx(const SheetRows& sheets, const std::string& path,
                      const BookOptions& opt, Error* err);
// The sheets as one JSON object of arrays (sheet names and each row's keys in
// sorted order, one space of indent per level), written row by row: no
// document is built, so memory stays that of the sheets.
void WriteExtractJson(const std::vector<Sheet>& sheets, std::ostream& out);
// One CSV, a "sheet" first column; fields that would start a formula are
// prefixed with '.
void WriteExtractCsv(const std::vector<Sheet>& sheets, std::ostream& out);
// The same over sheets read row by row (a SheetSpill: the rows of a batch on
// disk); false, with why, when the rows cannot be read back.
bool WriteExtractJson(const SheetRows& sheets, std::ostream& out, Error* err);
bool WriteExtractCsv(const SheetRows& sheets, std::ostream& out, Error* err);

}  // namespace jx

#endif  // JXAUDIT_EXPORT_EXTRACT_H_
