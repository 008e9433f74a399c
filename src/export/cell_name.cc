// The cell names libxlsxwriter writes ("B7"): every cell of a sheet carries
// one (`<c r="B7">`), and the library's own lxw_rowcol_to_cell makes the
// letters, measures them with strlen and prints the row through snprintf,
// a tenth of all the instructions `extract -o` spent writing its sheets.
// The library calls it through its own dynamic symbol, so this definition
// (the executable's symbol comes first in the lookup, as in
// deflate_level.cc) answers for it: the same characters, the row printed by
// hand. A place beyond Excel's grid, which the library refuses before it
// names a cell, goes on to the library's function unchanged.
#include <dlfcn.h>
#include <xlsxwriter.h>

#include "export/book.h"

extern "C" {

__attribute__((visibility("default"))) void lxw_rowcol_to_cell(char* cell_name,
                                                               lxw_row_t row,
                                                               lxw_col_t col) {
  if (row >= LXW_ROW_MAX || col >= LXW_COL_MAX) {
    using Fn = void (*)(char*, lxw_row_t, lxw_col_t);
    static const Fn real = reinterpret_cast<Fn>(dlsym(RTLD_NEXT, "lxw_rowcol_to_cell"));
    if (real)
      real(cell_name, row, col);
    else
      cell_name[0] = '\0';
    return;
  }
  // Letters in base 26 without a zero (A..Z, AA..), most significant first.
  char letters[4];
  int n = 0;
  for (unsigned c = static_cast<unsigned>(col) + 1; c > 0; c = (c - 1) / 26)
    letters[n++] = static_cast<char>('A' + (c - 1) % 26);
  char* p = cell_name;
  while (n > 0) *p++ = letters[--n];
  char digits[8];
  int d = 0;
  for (unsigned r = row + 1; r > 0; r /= 10)
    digits[d++] = static_cast<char>('0' + r % 10);
  while (d > 0) *p++ = digits[--d];
  *p = '\0';
}

}  // extern "C"

namespace jx {

bool WorkbookCellNamesSet() {
  return dlsym(RTLD_DEFAULT, "lxw_rowcol_to_cell") ==
         reinterpret_cast<void*>(&lxw_rowcol_to_cell);
}

}  // namespace jx
