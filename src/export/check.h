// `check` output of one document, text or JSON; a run's output is these
// blocks in input order and a summary line.
#ifndef JXAUDIT_EXPORT_CHECK_H_
#define JXAUDIT_EXPORT_CHECK_H_

#include <nlohmann/json.hpp>
#include <string>

#include "base/decimal.h"
#include "record/document.h"

namespace jx {

// One document's part of the `check --format json` contract.
nlohmann::json DocumentJson(const DocumentReport& d);
// One document's block of `check` text; info findings only when `verbose`.
std::string DocumentText(const DocumentReport& d, bool verbose);
// The last line of `check` text.
std::string SummaryText(const Counts& c, size_t files);

// A decimal in JSON: whole numbers stay integers.
nlohmann::json JsonNumber(const Decimal& d);

}  // namespace jx

#endif  // JXAUDIT_EXPORT_CHECK_H_
