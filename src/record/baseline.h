// A baseline: the fingerprints of findings already reviewed. `check
// --baseline` leaves them out, so that only new findings are told and set
// the exit status.
#ifndef JXAUDIT_RECORD_BASELINE_H_
#define JXAUDIT_RECORD_BASELINE_H_

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>

#include "record/record.h"

namespace jx {

struct Baseline {
  std::set<std::string, std::less<>> fingerprints;
};

// The file `jxaudit baseline` writes: {"tool", "version", "kind": "baseline",
// "fingerprint_version", "findings": [{"fingerprint", "file", "rule",
// "severity", "message"}]}. A file of another fingerprint recipe is refused:
// none of its fingerprints could match.
bool ParseBaseline(std::string_view text, Baseline* b, std::string* err);

// One baseline entry of each finding of a record's JSON document (as
// RecordJson gives it, with "file").
void AddBaselineEntries(const nlohmann::json& doc, nlohmann::json* entries);
nlohmann::json BaselineDocument(const std::string& version, nlohmann::json entries);

// Takes out of `r` (its JSON findings and its text lines) the findings the
// baseline holds; its counts follow. Returns how many findings went.
int Suppress(const Baseline& b, DocumentRecord* r);

}  // namespace jx

#endif  // JXAUDIT_RECORD_BASELINE_H_
