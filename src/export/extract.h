// Output of `extract`: the normalized sheets over all given files, as an xlsx
// workbook, a JSON object of arrays, or one CSV with a "sheet" first column.
#ifndef JXAUDIT_EXPORT_EXTRACT_H_
#define JXAUDIT_EXPORT_EXTRACT_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/error.h"
#include "export/workbook.h"
#include "record/sheets.h"

namespace jx {

// `sheets`: BuildSheets over the files, with Tables (or MergeSheets of each
// file's own). Summary by unit and by rule, 问题清单, the sheets, and a
// sheet per flagged table, in `opt`'s words.
bool WriteExtractXlsx(const std::vector<Sheet>& sheets, const std::string& path,
                      const BookOptions& opt, Error* err);
nlohmann::json ExtractToJson(const std::vector<Sheet>& sheets);
std::string ExtractToCsv(const std::vector<Sheet>& sheets);

}  // namespace jx

#endif  // JXAUDIT_EXPORT_EXTRACT_H_
