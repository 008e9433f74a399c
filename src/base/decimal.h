// Exact decimals for amounts, rates and scores: never binary floating point.
// Every stage uses them, so they live in base/.
#ifndef JXAUDIT_BASE_DECIMAL_H_
#define JXAUDIT_BASE_DECIMAL_H_

#include <cstdint>
#include <string>

namespace jx {

// The largest magnitude of Decimal::units: 18 significant digits, so that two
// of them rescaled stay exact in 128-bit arithmetic.
inline constexpr int64_t kDecimalMaxUnits = 999'999'999'999'999'999;

// value = units / 10^scale. `scale` is also how many decimals were printed,
// which sets the rounding tolerance of the figure.
struct Decimal {
  int64_t units = 0;
  int scale = 0;

  std::string ToString() const;             // "15897000.0", "-3", "0.48"
  double ToDouble() const;                  // for spreadsheet cells only
  bool operator==(const Decimal& o) const;  // same value, any scale
};

// Exact arithmetic on decimals at a common scale. Overflow (beyond 18
// significant digits after rescaling) is reported, never wrapped.
bool AddDecimal(const Decimal& a, const Decimal& b, Decimal* out);
bool SubDecimal(const Decimal& a, const Decimal& b, Decimal* out);
// a × 10^pow10 (pow10 may be negative: the scale grows).
bool ShiftDecimal(const Decimal& a, int pow10, Decimal* out);
// v / 10^scale when it fits 18 significant digits (trailing zeros dropped as
// needed, never a nonzero digit); false otherwise. For sums kept in 128 bits:
// the one way back that never wraps.
bool DecimalFromWide(__int128 v, int scale, Decimal* out);
// -1, 0, 1.
int CompareDecimal(const Decimal& a, const Decimal& b);
// Half a unit of the last printed digit: the rounding interval's radius.
Decimal HalfUlp(const Decimal& a);
// a / b rounded half away from zero to `scale` decimals; false when b == 0.
bool DivideDecimal(const Decimal& a, const Decimal& b, int scale, Decimal* out);
Decimal AbsDecimal(const Decimal& a);

}  // namespace jx

#endif  // JXAUDIT_BASE_DECIMAL_H_
