// Export of an audit: findings as text or JSON, normalized data as xlsx, JSON
// or CSV.
#ifndef JXAUDIT_EXPORT_REPORT_H_
#define JXAUDIT_EXPORT_REPORT_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/error.h"
#include "record/document.h"

namespace jx {

// The `check --format json` contract.
nlohmann::json ReportToJson(const std::vector<DocumentReport>& docs);

// One document's part of the JSON contract and of the text.
nlohmann::json DocumentJson(const DocumentReport& d);
std::string DocumentText(const DocumentReport& d, bool verbose);

// Human text, grouped by document; info findings only when `verbose`.
std::string ReportToText(const std::vector<DocumentReport>& docs, bool verbose);
// The last line of `check` text.
std::string SummaryText(const Counts& c, size_t files);

// The normalized sheets (Documents, Budget, Indicators, Findings, Tables).
bool WriteExtractXlsx(const std::vector<DocumentReport>& docs, const std::string& path,
                      std::string* err);
// Same data: JSON object of arrays, or CSV with a "sheet" first column.
nlohmann::json ExtractToJson(const std::vector<DocumentReport>& docs);
std::string ExtractToCsv(const std::vector<DocumentReport>& docs);

}  // namespace jx

#endif  // JXAUDIT_EXPORT_REPORT_H_
