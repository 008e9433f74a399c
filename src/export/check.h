// `check` output of one document, text or JSON; a run's output is these
// blocks in input order and a summary line.
#ifndef JXAUDIT_EXPORT_CHECK_H_
#define JXAUDIT_EXPORT_CHECK_H_

#include <nlohmann/json.hpp>
#include <string>

#include "base/decimal.h"
#include "record/cross.h"
#include "record/document.h"
#include "record/record.h"

namespace jx {

// What a record keeps of the `check` JSON: the document without what names
// the file ("file", "error"), as compact text (export/json_text.h prints it).
std::string CheckJsonOf(const DocumentReport& d);

// A record's block of `check` output, its path and error put in from its
// fields; info findings in the text only when `verbose`.
std::string RecordText(const DocumentRecord& r, bool verbose);
// What names the file in a record's JSON: "file" and "error", set on the
// document's own members when it is printed.
nlohmann::json RecordExtras(const DocumentRecord& r);
// The record's JSON as a tree, for the outputs that rework it (SARIF, a
// baseline); the text is taken out of the record (it is printed once), the
// rest stays.
nlohmann::json RecordJson(DocumentRecord&& r);
// A finding across documents as `check --format json` lists it under
// "cross": a finding with the file it is printed under and the files it
// rests on.
nlohmann::json CrossFindingJson(const CrossResult& r);
// Its line in the text's block "across documents", or "" when it is an info
// and not `verbose`.
std::string CrossText(const CrossResult& r, bool verbose);
// The last line of `check` text.
std::string SummaryText(const Counts& c, size_t files);

// A decimal in JSON: whole numbers stay integers.
nlohmann::json JsonNumber(const Decimal& d);

}  // namespace jx

#endif  // JXAUDIT_EXPORT_CHECK_H_
