// One file through the pipeline, as the commands run it. Each function here
// never throws: whatever goes wrong in a stage is the file's error value, so
// a batch goes on with the next file.
#ifndef JXAUDIT_AUDIT_AUDIT_H_
#define JXAUDIT_AUDIT_AUDIT_H_

#include <string>
#include <string_view>

#include "base/error.h"
#include "base/patterns.h"
#include "export/tables.h"
#include "ingest/read.h"
#include "record/document.h"
#include "record/record.h"

namespace jx {

// read → layout → extract → validate (`check`, `extract`). Without
// `keep_layout` the report's layout tables are left without rows (freed as
// they are typed): only the Tables sheet reads them after extraction.
DocumentReport CheckFile(const std::string& path, const ReadOptions& ropts,
                         const Patterns& patterns, bool keep_layout = true);
// read → layout (`tables`).
DocumentTables LayoutFile(const std::string& path, const ReadOptions& ropts,
                          const Patterns& patterns);

// CheckFile, then its record: what a `check` worker sends back. `sha256` is
// the file's content hash (the store's key), which the findings'
// fingerprints rest on; without `fingerprints` (nothing prints or keeps
// them) they are left empty.
DocumentRecord CheckRecord(const std::string& path, const std::string& sha256,
                           const ReadOptions& ropts, const Patterns& patterns,
                           const RecordParts& parts, bool fingerprints = true);

// CheckFile, then what an `extract` worker sends: the file, its status and
// error, its facts for the comparison across documents (CrossFactsToJson, or
// "" when it failed), then its sheets with the Tables sheet (WireWriter's
// sheets), each Tables row encoded as it is made rather than all of them held
// as values first.
std::string ExtractToWire(const std::string& path, const std::string& sha256,
                          const ReadOptions& ropts, const Patterns& patterns);

// A report's record; its findings' fingerprints are those it carries (see
// AssignFingerprints).
DocumentRecord MakeRecord(const DocumentReport& d,
                          const RecordParts& parts = RecordParts{});
// A file that gave no report: read error, time limit or crash.
DocumentRecord FailedRecord(const std::string& file, const std::string& status,
                            const Error& error, const RecordParts& parts = RecordParts{});

// What a `tables` worker sends back, and its reading; on failure `err` says
// why, its location left for the caller to name. The layout goes as its
// tables (read back with no paragraphs or blocks).
std::string TablesToWire(const DocumentTables& d);
bool TablesFromWire(std::string_view bytes, DocumentTables* d, Error* err);

}  // namespace jx

#endif  // JXAUDIT_AUDIT_AUDIT_H_
