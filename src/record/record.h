// A checked file's share of the normalized sheets, with its rendered report,
// is a DocumentRecord: what a worker process hands back and what the store
// keeps.
#ifndef JXAUDIT_RECORD_RECORD_H_
#define JXAUDIT_RECORD_RECORD_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/error.h"
#include "record/document.h"
#include "record/sheets.h"
#include "validate/cross.h"

namespace jx {

// A document's block of `check` text with its path left out. The path is
// put in when the record is printed, so content known under another path
// prints under the path it was given as.
struct CheckText {
  std::string head;  // after the path on the first line: "  [kind · department]"
  struct Line {
    bool info = false;        // an info finding: printed only with -v
    std::string text;         // after "  <path>": ":page 2:14: error [rule] message"
    std::string severity;     // error, warning, info
    std::string fingerprint;  // the finding's (record/fingerprint.h)
    bool operator==(const Line&) const = default;
  };
  std::vector<Line> lines;  // one per finding, in order
  bool operator==(const CheckText&) const = default;
};

// The pieces of a CheckText, from fields: the same for a record made from a
// document and for one read back from a store. `kind` is the printed name.
std::string CheckHead(const std::string& kind, const std::string& department,
                      const std::string& year);
CheckText::Line CheckLine(const Location& where, const std::string& severity,
                          const std::string& rule, const std::string& message,
                          const std::string& fingerprint);
// A document's CheckText; info findings' lines only `with_info`.
CheckText CheckTextOf(const DocumentReport& d, bool with_info);

// What a checked file leaves: status, its error, its `check` output, and its
// rows of the normalized sheets (Tables only for `extract`).
struct DocumentRecord {
  std::string file;
  std::string status = "ok";  // ok, failed, timeout, crashed
  Error error;                // when not ok; where.file is `file`
  int pages = 0;
  Counts counts;
  CheckText text;
  // `check --format json` without file and error, compact JSON text (a tree
  // of a long document costs many times its text).
  std::string json;
  std::vector<Sheet> sheets;  // Documents, Budget, Indicators, Findings[, Tables]
  CrossFacts cross;           // what the comparison across documents reads
};

// Which parts to render: all of them for the store (a skipped file prints
// either form later); without a store, only the output asked for.
// `text_verbose` adds the info findings' lines to the text; `tables` the
// Tables sheet to the sheets (for `extract`; the store keeps none).
struct RecordParts {
  bool text = true, text_verbose = true, json = true, sheets = true, tables = false;
};

}  // namespace jx

#endif  // JXAUDIT_RECORD_RECORD_H_
