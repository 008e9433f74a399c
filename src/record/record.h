// A checked file's share of the normalized sheets, with its rendered report,
// is a DocumentRecord: what a worker process hands back and what the store
// keeps.
#ifndef JXAUDIT_RECORD_RECORD_H_
#define JXAUDIT_RECORD_RECORD_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "record/document.h"
#include "record/sheets.h"

namespace jx {

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

// Between processes: CBOR of the record; decimals stay exact.
std::string RecordToWire(const DocumentRecord& r);
bool RecordFromWire(std::string_view bytes, DocumentRecord* r, std::string* err);

}  // namespace jx

#endif  // JXAUDIT_RECORD_RECORD_H_
