// The normalized sheets (Documents, Budget, Indicators, Findings, Tables): one
// model for the xlsx, JSON and CSV exports and for the store. A checked file's
// share of them, with its rendered report, is a DocumentRecord: what a worker
// process hands back and what the store keeps.
#ifndef JXAUDIT_EXPORT_SHEETS_H_
#define JXAUDIT_EXPORT_SHEETS_H_

#include <xlsxwriter.h>

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "export/report.h"
#include "base/decimal.h"

namespace jx {

struct Value {
  enum Kind { kEmpty, kText, kNumber } kind = kEmpty;
  std::string text;
  Decimal number;
  bool percent = false;
  std::string link;  // internal link target ("'Tables'!A12")
  bool flagged = false;
};

Value TextValue(const std::string& s);
Value NumberValue(const Decimal& d);

struct Sheet {
  std::string name;
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
};

// Documents, Budget, Indicators, Findings and, with `tables`, the long-form
// Tables sheet (one row per printed cell).
std::vector<Sheet> BuildSheets(const std::vector<DocumentReport>& docs,
                               bool tables = true);

// Writes the sheets into an open workbook: header row, numbers as numbers,
// text always as text (never a formula), frozen header, autofilter.
void AddSheets(lxw_workbook* wb, const std::vector<Sheet>& sheets);

// What a checked file leaves: status, its block of `check` output in both
// forms, and its rows of the normalized sheets (without Tables).
struct DocumentRecord {
  std::string file;
  std::string status = "ok";  // ok, failed, timeout, crashed
  std::string error;          // "file:line: message" when not ok
  int pages = 0;
  Counts counts;
  std::string text, text_verbose;  // the `check` text block
  nlohmann::json json;             // the `check --format json` document
  std::vector<Sheet> sheets;       // Documents, Budget, Indicators, Findings
};

// Which parts to render: all of them for the store (a skipped file prints
// either form later); without a store, only the output asked for.
struct RecordParts {
  bool text = true, text_verbose = true, json = true, sheets = true;
};
DocumentRecord MakeRecord(const DocumentReport& d,
                          const RecordParts& parts = RecordParts{});
// A file that gave no report: read error, time limit or crash.
DocumentRecord FailedRecord(const std::string& file, const std::string& status,
                            const Error& error);

// Between processes: CBOR of the record; decimals stay exact.
std::string RecordToWire(const DocumentRecord& r);
bool RecordFromWire(std::string_view bytes, DocumentRecord* r, std::string* err);

// What a store holds, in totals, for the Summary sheet.
struct StoreSummary {
  int64_t files = 0, documents = 0;
  std::vector<std::pair<std::string, int64_t>> by_status;  // status → files
  struct RuleCount {
    std::string rule;
    int64_t errors = 0, warnings = 0, infos = 0;
  };
  std::vector<RuleCount> by_rule;  // findings, over every file path
  std::string tool_version, patterns_version;
};

// `jxaudit report`: Summary (totals, findings by rule and severity, a chart),
// the normalized sheets, and Failures.
bool WriteSummaryXlsx(const StoreSummary& summary, const std::vector<Sheet>& sheets,
                      const Sheet& failures, const std::string& path, std::string* err);

// `check` output assembled from records.
std::string SummaryText(const Counts& c, size_t files);

}  // namespace jx

#endif  // JXAUDIT_EXPORT_SHEETS_H_
