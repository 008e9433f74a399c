// Validate stage: the arithmetic of a report, checked, as findings.
#ifndef JXAUDIT_VALIDATE_VALIDATE_H_
#define JXAUDIT_VALIDATE_VALIDATE_H_

#include <string>
#include <vector>

#include "base/error.h"
#include "base/patterns.h"
#include "extract/extraction.h"

namespace jx {

enum class Severity { kError, kWarning, kInfo };
const char* SeverityName(Severity s);

struct Finding {
  std::string id;    // "F1", "F2" … within a document
  std::string rule;  // "sum.total", "score.subtotal" …
  Severity severity = Severity::kError;
  std::string message;  // Chinese, with the numbers
  bool has_numbers = false;
  Decimal stated;                     // as printed
  Decimal computed;                   // what the rule derived (for a bound: the bound)
  Decimal difference;                 // computed − stated
  Decimal tolerance;                  // what rounding of the printed numbers explains
  std::string unit;                   // the report's own unit for stated/computed
  Location where;                     // the stated number
  std::vector<std::string> evidence;  // printed text the rule read
  std::vector<Location> involved;     // every number the rule used
  // Set by the record stage (record/fingerprint.h), which knows the
  // document's content hash: stable across runs, paths and copies.
  std::string fingerprint;
};

struct Validation {
  std::vector<Finding> findings;
  // Every printed number some rule compared, consistent or not.
  std::vector<Location> checked;
};

// Reads only what the extract stage handed over.
Validation Validate(const Extraction& ex, const Patterns& patterns);

// The rules, by id, with what each checks (for --help and README).
struct RuleInfo {
  const char* id;
  const char* what;
  // The rule compares the cells of one row only (a score with its own
  // weight, a result with its own target): which rows a merged label heads,
  // the layout's labels doubt, cannot change what it finds.
  bool own_row = false;
};
const std::vector<RuleInfo>& Rules();

}  // namespace jx

#endif  // JXAUDIT_VALIDATE_VALIDATE_H_
