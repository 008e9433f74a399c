// Inside the store: which table and columns each sheet has, shared by the
// schema, the writes and the reads.
#ifndef JXAUDIT_STORE_SCHEMA_H_
#define JXAUDIT_STORE_SCHEMA_H_

#include <string>
#include <vector>

#include "base/error.h"
#include "record/sheets.h"

namespace jx {
namespace store {

std::string Quote(const std::string& ident);
// The table a sheet's rows go to: its name in lower case, except Budget,
// whose rows are the document's figures.
std::string TableOf(const Sheet& sheet);
// The sheets the store keeps, without rows: their columns are the tables'.
std::vector<Sheet> Shapes();
// The columns a sheet's table keeps (the `file` column becomes the join with
// `files`; a document's status and error are the record's).
std::vector<std::string> StoredColumns(const Sheet& s);

// What `meta` says of a store this build writes; a store of another version
// is refused rather than half understood.
extern const char* const kSchemaVersion;
// The older versions a writable open upgrades in place.
extern const char* const kUpgradableVersions[2];

class Stmt;

// An error is kept as its fields, in these columns of `files` and
// `documents`; its file is the path of whatever row names it, so that
// content known under another path reads back under that path.
extern const char* const kErrorColumns;      // "error_message, error_page, ..."
extern const char* const kErrorColumnsDecl;  // the same with their types
constexpr int kErrorColumnCount = 6;
// Binds the error's fields from position `*i` on, advancing it.
void BindError(Stmt& s, int* i, const Error& e);
// The error read from columns `i` … `i + 5`, located in `path`.
Error ColError(Stmt& s, int i, const std::string& path);
// An error column of a sheet: empty for a document that was read, else the
// error as printed, naming `path`.
Value ErrorValue(const std::string& status, const Error& e);

}  // namespace store
}  // namespace jx

#endif  // JXAUDIT_STORE_SCHEMA_H_
