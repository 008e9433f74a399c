#include "base/error.h"

namespace jx {

std::string Error::ToString() const {
  std::string out = where.file;
  // A workbook cell is named as Excel names it; its page and line are the
  // sheet's number and row.
  if (!where.cell.empty()) {
    out += ":" + where.cell;
  } else {
    if (where.page > 0) out += ":page " + std::to_string(where.page);
    if (where.line > 0) out += ":" + std::to_string(where.line);
  }
  if (!where.table.empty()) {
    out += ":" + where.table;
    if (where.row >= 0) out += " row " + std::to_string(where.row + 1);
    if (where.column >= 0) out += " col " + std::to_string(where.column + 1);
  }
  if (!out.empty()) out += ": ";
  out += message;
  return out;
}

}  // namespace jx
