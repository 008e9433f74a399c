// Export of reconstructed tables: JSON, CSV, Markdown and xlsx.
#ifndef JXAUDIT_EXPORT_TABLES_H_
#define JXAUDIT_EXPORT_TABLES_H_

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "base/error.h"
#include "export/workbook.h"
#include "layout/table.h"

namespace jx {

struct DocumentTables {
  std::string file;
  std::string encoding;
  bool ok = true;
  Error error;  // when !ok
  Layout layout;
};

nlohmann::json TablesToJson(const std::vector<DocumentTables>& docs);
// TablesToJson(docs).dump(1) and a newline, written a table at a time: no
// document tree of the whole batch in memory.
void WriteTablesJson(const std::vector<DocumentTables>& docs, std::ostream& out);
nlohmann::json TableToJson(const Table& t);

// Long form, one line per cell: file,table,title,row,column,line,header,text,value.
std::string TablesToCsv(const std::vector<DocumentTables>& docs);

std::string TablesToMarkdown(const std::vector<DocumentTables>& docs);

// One sheet per table, title on the first row, header rows frozen, merged
// ranges merged, numbers as numeric cells, all document text as strings;
// titles and sheet names in `opt`'s words.
bool WriteTablesXlsx(const std::vector<DocumentTables>& docs, const std::string& path,
                     const BookOptions& opt, Error* err);

// A CSV field that a spreadsheet will not evaluate: text starting with = + - @
// (or a tab/CR) is prefixed with ' unless it is a plain number.
std::string CsvField(const std::string& text);

}  // namespace jx

#endif  // JXAUDIT_EXPORT_TABLES_H_
