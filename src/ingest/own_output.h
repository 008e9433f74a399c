// jxaudit's own text outputs, known by the lines their writers print
// (base/producer.h), so that a second audit of a folder does not read the
// first audit's outputs as reports.
#ifndef JXAUDIT_INGEST_OWN_OUTPUT_H_
#define JXAUDIT_INGEST_OWN_OUTPUT_H_

#include <string>
#include <string_view>

namespace jx {

// What a decoded text shows itself to be: "check text", "tables CSV",
// "extract CSV", "tables markdown", or "" for anything else (a report). Only
// its first 64 KiB and last 4 KiB are looked at: the lines that tell.
std::string OwnOutputKind(std::string_view text);

// The same, for a file on disk (UTF-8, as jxaudit writes them).
std::string OwnOutputKindOfFile(const std::string& path);

}  // namespace jx

#endif  // JXAUDIT_INGEST_OWN_OUTPUT_H_
