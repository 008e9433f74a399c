// Exact decimals for amounts, rates and scores: never binary floating point.
#ifndef JXAUDIT_EXTRACT_NUMBER_H_
#define JXAUDIT_EXTRACT_NUMBER_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace jx {

// value = units / 10^scale. `scale` is also how many decimals were printed,
// which sets the rounding tolerance of the figure.
struct Decimal {
  int64_t units = 0;
  int scale = 0;

  std::string ToString() const;             // "15897000.0", "-3", "0.48"
  double ToDouble() const;                  // for spreadsheet cells only
  bool operator==(const Decimal& o) const;  // same value, any scale
};

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

// Exact arithmetic on decimals at a common scale. Overflow (beyond 18
// significant digits after rescaling) is reported, never wrapped.
bool AddDecimal(const Decimal& a, const Decimal& b, Decimal* out);
bool SubDecimal(const Decimal& a, const Decimal& b, Decimal* out);
// a × 10^pow10 (pow10 may be negative: the scale grows).
bool ShiftDecimal(const Decimal& a, int pow10, Decimal* out);
// -1, 0, 1.
int CompareDecimal(const Decimal& a, const Decimal& b);
// Half a unit of the last printed digit: the rounding interval's radius.
Decimal HalfUlp(const Decimal& a);
// a / b rounded half away from zero to `scale` decimals; false when b == 0.
bool DivideDecimal(const Decimal& a, const Decimal& b, int scale, Decimal* out);
Decimal AbsDecimal(const Decimal& a);

}  // namespace jx

#endif  // JXAUDIT_EXTRACT_NUMBER_H_
