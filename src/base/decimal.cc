#include "base/decimal.h"

#include <algorithm>
#include <cstdlib>

namespace jx {
namespace {

int64_t Pow10(int n) {
  int64_t p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

}  // namespace

std::string Decimal::ToString() const {
  uint64_t mag =
      units < 0 ? static_cast<uint64_t>(-(units + 1)) + 1 : static_cast<uint64_t>(units);
  std::string digits = std::to_string(mag);
  if (scale > 0) {
    if (digits.size() <= static_cast<size_t>(scale))
      digits.insert(0, static_cast<size_t>(scale) - digits.size() + 1, '0');
    digits.insert(digits.size() - static_cast<size_t>(scale), ".");
  }
  return units < 0 ? "-" + digits : digits;
}

double Decimal::ToDouble() const {
  // Units below 2^53 and 10^scale up to 10^22 are exact doubles, and one
  // IEEE division rounds their exact quotient correctly: the same double
  // strtod reads from the printed decimal, without printing it.
  constexpr int64_t kExact = int64_t{1} << 53;
  static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                      1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                      1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  if (scale >= 0 && scale <= 22 && units > -kExact && units < kExact)
    return static_cast<double>(units) / kPow10[scale];
  return std::strtod(ToString().c_str(), nullptr);
}

bool Decimal::operator==(const Decimal& o) const {
  int s = std::max(scale, o.scale);
  if (s > 18) return false;
  // Within 18 digits both rescale without overflow checks failing silently.
  __int128 a = static_cast<__int128>(units) * Pow10(s - scale);
  __int128 b = static_cast<__int128>(o.units) * Pow10(s - o.scale);
  return a == b;
}

namespace {

using i128 = __int128;

constexpr i128 kLimit = static_cast<i128>(kDecimalMaxUnits);

bool Rescale(const Decimal& a, int scale, i128* out) {
  if (scale < a.scale || scale - a.scale > 30) return false;
  i128 v = a.units;
  for (int i = a.scale; i < scale; ++i) {
    v *= 10;
    if (v > kLimit * 1000000000000LL || v < -kLimit * 1000000000000LL) return false;
  }
  *out = v;
  return true;
}

bool FromWide(i128 v, int scale, Decimal* out) {
  // Drop trailing zeros beyond what fits, but never lose a digit.
  while ((v > kLimit || v < -kLimit) && scale > 0 && v % 10 == 0) {
    v /= 10;
    --scale;
  }
  if (v > kLimit || v < -kLimit) return false;
  out->units = static_cast<int64_t>(v);
  out->scale = scale;
  return true;
}

}  // namespace

bool DecimalFromWide(__int128 v, int scale, Decimal* out) {
  return FromWide(v, scale, out);
}

bool AddDecimal(const Decimal& a, const Decimal& b, Decimal* out) {
  int s = std::max(a.scale, b.scale);
  i128 x, y;
  if (!Rescale(a, s, &x) || !Rescale(b, s, &y)) return false;
  return FromWide(x + y, s, out);
}

bool SubDecimal(const Decimal& a, const Decimal& b, Decimal* out) {
  // Negated in 128 bits: -INT64_MIN does not fit an int64_t.
  int s = std::max(a.scale, b.scale);
  i128 x, y;
  if (!Rescale(a, s, &x) || !Rescale(b, s, &y)) return false;
  return FromWide(x - y, s, out);
}

bool ShiftDecimal(const Decimal& a, int pow10, Decimal* out) {
  if (pow10 >= 0) {
    // Use up printed decimals first so 0.39 × 10^2 stays "39": that part of
    // the shift is exact and multiplies nothing.
    const bool shifted = pow10 > 0;
    int scale = a.scale;
    int k = std::max(0, std::min(pow10, scale));
    scale -= k;
    pow10 -= k;
    // What remains multiplies the units; past 18 more digits no nonzero
    // value stays within range, and 10^19 × INT64_MAX still fits 128 bits.
    if (pow10 > 19 && a.units != 0) return false;
    i128 v = a.units;
    for (int i = 0; i < pow10; ++i) v *= 10;
    while (shifted && scale > 0 && v % 10 == 0) {
      v /= 10;
      --scale;
    }
    return FromWide(v, scale, out);
  }
  if (a.scale - pow10 > 18) return false;
  *out = Decimal{a.units, a.scale - pow10};
  return true;
}

int CompareDecimal(const Decimal& a, const Decimal& b) {
  int sa = a.units > 0 ? 1 : (a.units < 0 ? -1 : 0);
  int sb = b.units > 0 ? 1 : (b.units < 0 ? -1 : 0);
  if (sa != sb) return sa < sb ? -1 : 1;
  if (sa == 0) return 0;
  int s = std::max(a.scale, b.scale);
  i128 x = 0, y = 0;
  bool okx = Rescale(a, s, &x), oky = Rescale(b, s, &y);
  if (okx && oky) return x < y ? -1 : (x > y ? 1 : 0);
  // Only the coarser one is multiplied; when that overflows, its magnitude
  // is beyond 10^30 units of the finer scale while the other's is below
  // 10^19: it is the larger in magnitude.
  bool a_larger = !okx;
  return (a_larger == (sa > 0)) ? 1 : -1;
}

Decimal HalfUlp(const Decimal& a) { return Decimal{5, a.scale + 1}; }

bool DivideDecimal(const Decimal& a, const Decimal& b, int scale, Decimal* out) {
  if (b.units == 0) return false;
  // a/b = (a.units / 10^a.scale) / (b.units / 10^b.scale)
  // result × 10^scale = a.units × 10^(scale + b.scale - a.scale) / b.units
  int shift = scale + b.scale - a.scale;
  if (a.units == 0) {
    *out = Decimal{0, scale};
    return true;
  }
  // Beyond 19 digits either way the 128-bit operands would overflow; such a
  // quotient is out of range (or rounds to zero at this scale, which is no
  // answer for a rate either).
  if (shift > 19 || shift < -19) return false;
  i128 num = a.units, den = b.units;
  if (shift >= 0) {
    for (int i = 0; i < shift; ++i) num *= 10;
  } else {
    for (int i = 0; i < -shift; ++i) den *= 10;
  }
  bool neg = (num < 0) != (den < 0);
  if (num < 0) num = -num;
  if (den < 0) den = -den;
  i128 q = num / den, r = num % den;
  if (r * 2 >= den) ++q;
  return FromWide(neg ? -q : q, scale, out);
}

Decimal AbsDecimal(const Decimal& a) {
  return Decimal{a.units < 0 ? -a.units : a.units, a.scale};
}

}  // namespace jx
