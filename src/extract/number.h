// Numbers as printed: digits, comparators, percent signs, Chinese counts.
#ifndef JXAUDIT_EXTRACT_NUMBER_H_
#define JXAUDIT_EXTRACT_NUMBER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "base/decimal.h"

namespace jx {

struct ParsedNumber {
  Decimal value;
  bool percent = false;    // printed with % (value is the printed number)
  std::string comparator;  // "", "≥", "≤", ">", "<", "=" (normalized)
  std::string suffix;      // text after the number ("万元", "个"), trimmed
};

// Parses a cell or token that is one number: optional comparator, sign,
// digits with optional thousands separators and decimals, optional %, and
// optional trailing unit text when `allow_suffix`. Full-width forms are
// accepted. Returns false for anything else (including numbers too large for
// 18 significant digits).
bool ParseNumber(std::string_view text, ParsedNumber* out, bool allow_suffix = false);

// Chinese numerals as used to count things: 两, 十九, 一百二十, 三千零五, 〇.
// Returns false for anything else (including mixed digits).
bool ParseChineseCount(std::string_view text, int64_t* out);

}  // namespace jx

#endif  // JXAUDIT_EXTRACT_NUMBER_H_
