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

// Why a text is or is not a number.
enum class NumberStatus {
  kOk,
  kNotNumber,  // not one number: words, two numbers, foreign digits, "330.50²"
  kTooLarge,   // one number, but beyond 18 significant digits: not exact
};

// Parses a cell or token that is one number: optional comparator, sign,
// digits with optional thousands separators and decimals, optional %, and
// optional trailing unit text when `allow_suffix`. Full-width forms are
// accepted. Digits are ASCII or full-width only: other decimal digits (Arabic-
// Indic, Devanagari, mathematical) and superscripts or circled numbers next to
// the digits make it no number, though NFKC would fold some of them to digits.
// Returns false for anything else, including numbers beyond 18 significant
// digits; `status`, when given, tells those (kTooLarge) from the rest.
bool ParseNumber(std::string_view text, ParsedNumber* out, bool allow_suffix = false,
                 NumberStatus* status = nullptr);

// Chinese numerals as used to count things: 两, 十九, 一百二十, 三千零五, 〇.
// Returns false for anything else (including mixed digits).
bool ParseChineseCount(std::string_view text, int64_t* out);

}  // namespace jx

#endif  // JXAUDIT_EXTRACT_NUMBER_H_
