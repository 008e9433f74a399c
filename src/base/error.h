// Errors are values: every stage reports where (file, page, line, cell) and why.
#ifndef JXAUDIT_BASE_ERROR_H_
#define JXAUDIT_BASE_ERROR_H_

#include <string>

namespace jx {

struct Location {
  std::string file;
  int page = 0;       // 1-based; 0 when the source has no pages (text input)
  int line = 0;       // 1-based; 0 when unknown
  std::string table;  // table id ("t3") when the place is a cell
  int row = -1;       // 0-based row within the table, -1 when none
  int column = -1;    // 0-based column within the row, -1 when none
  std::string cell;   // workbooks: the sheet and cell ("表1!B7"), else ""
};

struct Error {
  Location where;
  std::string message;

  // "file:page 2:line 14: message" with the parts that are known.
  std::string ToString() const;
};

inline Error MakeError(std::string file, std::string message, int line = 0) {
  Error e;
  e.where.file = std::move(file);
  e.where.line = line;
  e.message = std::move(message);
  return e;
}

}  // namespace jx

#endif  // JXAUDIT_BASE_ERROR_H_
