// Inside the store: which table and columns each sheet has, shared by the
// schema, the writes and the reads.
#ifndef JXAUDIT_STORE_SCHEMA_H_
#define JXAUDIT_STORE_SCHEMA_H_

#include <string>
#include <vector>

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

// Extra columns of `documents`, beside the sheet's.
// `report_path`: the path the report texts name, replaced by the path of
// another file with the same content when that one is skipped.
extern const char* const kDocExtra[4];

}  // namespace store
}  // namespace jx

#endif  // JXAUDIT_STORE_SCHEMA_H_
