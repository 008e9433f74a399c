// Keys that tell whether two rows print the same labels: a header printed
// again on a later page keeps its labels (perhaps cut short) and its
// letters, though empty cells and the columns they are read into may move.
#include <unicode/utf8.h>

#include <algorithm>

#include "base/text.h"
#include "layout/internal.h"

namespace jx::layout {

// Non-empty cell texts, as keys: a header repeated at the top of a new page
// may lose or gain empty cells but keeps its labels.
// The match keys of a row's non-empty cells, in order.
std::vector<std::string> CellKeys(const std::vector<Cell>& row) {
  std::vector<std::string> keys;
  for (const Cell& c : row)
    if (!IsBlank(c.text)) keys.push_back(MatchKey(c.text));
  return keys;
}

std::string RowKey(const std::vector<Cell>& row) {
  std::string k;
  for (const std::string& key : CellKeys(row)) {
    k += key;
    k += '\x1f';
  }
  return k;
}

// `again` prints the header row `first` again, cell for cell, perhaps with
// cells cut short (CutShortCopy).
bool SameHeaderRow(const std::vector<Cell>& first, const std::vector<Cell>& again) {
  const std::vector<std::string> a = CellKeys(first), b = CellKeys(again);
  if (a.empty() || a.size() != b.size()) return false;
  for (size_t k = 0; k < a.size(); ++k)
    if (a[k] != b[k] && !CutShortCopy(a[k], b[k])) return false;
  return true;
}

// The letters of rows' texts as a multiset, in code point order: a header
// printed again on a new page whose columns were read apart otherwise
// ("参考分值" a line higher, "名称" and "参考分" one cell) keeps its letters.
// `text` is RowKey's (no white space); its cell separators are left out.
std::u32string Letters(std::string_view text) {
  std::u32string out;
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t len = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c > ' ') out.push_back(static_cast<char32_t>(c));
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace jx::layout
