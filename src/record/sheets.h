// The normalized sheets (Documents, Budget, Indicators, Findings, Tables): one
// model for the xlsx, JSON and CSV exports and for the store.
#ifndef JXAUDIT_RECORD_SHEETS_H_
#define JXAUDIT_RECORD_SHEETS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "base/decimal.h"
#include "base/rare_string.h"
#include "record/cross.h"
#include "record/document.h"

namespace jx {

// A cell of a sheet: 64 bytes (a sentence line's Budget sheet has a row of
// fourteen per figure; the flags sit together, the link is rare).
struct Value {
  enum Kind : uint8_t { kEmpty, kText, kNumber } kind = kEmpty;
  bool percent = false;
  bool flagged = false;
  std::string text;
  Decimal number;
  RareString link;  // internal link target ("'Tables'!A12")
};

Value TextValue(const std::string& s);
Value NumberValue(const Decimal& d);
// A number kept as a double (a store's REAL) back as a sheet value: its
// shortest printed form, so 6874309.59 is 6874309.59 again; text when that
// form is not a plain number.
Value NumberFromDouble(double d);

struct Sheet {
  std::string name;
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
};

// Documents, Budget, Indicators, Findings and, with `tables`, the long-form
// Tables sheet (one row per printed cell).
std::vector<Sheet> BuildSheets(const std::vector<DocumentReport>& docs,
                               bool tables = true);
// Over pointers, so that one document's rows need no copy of the document.
std::vector<Sheet> BuildSheets(const std::vector<const DocumentReport*>& docs,
                               bool tables);
// The same, each row of the Tables sheet given to `tables_row` as it is made
// (when set) instead of kept: the returned Tables sheet has no rows. One
// file's Tables sheet holds eleven values per printed cell.
// How many rows a document gives the Tables sheet: its printed cells.
size_t TablesRows(const DocumentReport& doc);
using TableRowSink = std::function<void(std::vector<Value>&&)>;
std::vector<Sheet> BuildSheets(const std::vector<const DocumentReport*>& docs,
                               bool tables, const TableRowSink& tables_row);

// The normalized sheets of several files from each one's own (BuildSheets
// of that file with its Tables sheet), in order: the same as BuildSheets over
// all of them at once, finding links moved to the rows of the joined Tables.
std::vector<Sheet> MergeSheets(std::vector<std::vector<Sheet>>&& per_doc);

// Appends the run's findings across documents to the Findings sheet, each
// under the file it is printed under, so that the problem list and the
// counts by rule hold them beside each file's own.
void AddCrossFindings(const std::vector<CrossResult>& cross, std::vector<Sheet>* sheets);

// A finding's link to a row of the Tables sheet (0-based), and back.
std::string TablesLink(size_t row);
bool TablesLinkRow(const std::string& link, size_t* row);

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

}  // namespace jx

#endif  // JXAUDIT_RECORD_SHEETS_H_
