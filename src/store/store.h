// The embedded store: every `check` run records into SQLite, one transaction
// per file, so an interrupted run loses nothing it recorded and a re-run skips
// content already checked by the same tool and patterns.
#ifndef JXAUDIT_STORE_STORE_H_
#define JXAUDIT_STORE_STORE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "base/error.h"
#include "record/cross.h"
#include "record/record.h"
#include "record/sheets.h"

struct sqlite3;

namespace jx {
namespace store {
class Stmt;
}  // namespace store

// SHA-256 of a file's bytes, as hex, read in blocks (any size).
bool FileSha256(const std::string& path, std::string* hex, uint64_t* size, Error* err);
// SHA-256 of the pattern files (names and contents): the patterns' version.
bool PatternsVersion(const std::string& dir, std::string* hex, Error* err);

struct FileRow {
  std::string path, sha256;
  uint64_t size = 0;
  std::string status;
  Error error;  // when status is not ok; where.file is `path`
  int pages = 0;
  double seconds = 0;
  long max_rss_kb = 0;
};

struct RunTotals {
  int64_t files = 0, checked = 0, skipped = 0, failed = 0;
};

class Store {
 public:
  Store() = default;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
  ~Store();

  // Opens or creates the database and its schema. `tool`/`patterns` are the
  // versions recorded with each document; a reader may leave them empty.
  // A file that holds tables but not jxaudit's `meta` with `schema_version`
  // is another application's and is refused untouched; an empty or new file
  // is initialised.
  bool Open(const std::string& path, const std::string& tool, const std::string& patterns,
            Error* err);
  // For reading only (`report`): nothing is created or changed, and a store
  // on a read-only mount is read all the same.
  bool OpenReadOnly(const std::string& path, Error* err);
  // The limits records are made under (cli's LimitsKey). A record that ended
  // in anything but ok (a timeout, a refusal by a limit) is replayed only
  // under the same limits: such an outcome is the limits', not the content's.
  void SetLimits(const std::string& limits) { limits_ = limits; }
  bool BeginRun(const std::string& command_line, Error* err);
  bool EndRun(const RunTotals& totals, Error* err);

  // Whether this content is recorded under the same versions, and how it
  // ended; cheap, for deciding what to skip.
  bool Known(const std::string& sha256, const std::string& path, std::string* status,
             Error* error, int* pages);
  // The record kept for this content, under `path`: what names the file is
  // put in from fields when it is printed. Only the parts asked for are read
  // (the text, the JSON); the sheets never are.
  bool Find(const std::string& sha256, const std::string& path, const RecordParts& parts,
            DocumentRecord* rec);
  // One transaction: the file's row, and the document's rows when `rec` is
  // given (replacing what an older version left for the same content).
  bool Put(const FileRow& file, const DocumentRecord* rec, Error* err);

  // Report side: the normalized sheets over every file path, the failures,
  // and the totals.
  bool ReadSheets(std::vector<Sheet>* sheets, Error* err);
  bool ReadFailures(Sheet* failures, Error* err);
  bool ReadSummary(StoreSummary* s, Error* err);
  // Every file path's document with the facts the comparison across
  // documents reads, in path order: the whole store as one run.
  bool ReadRunDocuments(std::vector<RunDocument>* docs, Error* err);

 private:
  bool Exec(const char* sql, Error* err);
  // Refuses a database without jxaudit's schema marker, or of another
  // version; `*empty` when it has no tables at all, `*upgrade` when it is of
  // the version before and may be upgraded (a writable open only).
  bool CheckSchema(bool* empty, bool* upgrade, Error* err);
  // An error of this store: what failed and SQLite's reason.
  Error Failure(const std::string& what) const;
  // Binds a document query (kCurrentDocument) and steps to its row.
  bool BindCurrent(store::Stmt* s, const std::string& sha256) const;

  sqlite3* db_ = nullptr;
  std::string path_, tool_, patterns_, limits_;
  int64_t run_id_ = 0;
  bool upgrade_allowed_ = false;
  std::string from_version_;  // the schema version an upgrade starts from
};

}  // namespace jx

#endif  // JXAUDIT_STORE_STORE_H_
