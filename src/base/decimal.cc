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

double Decimal::ToDouble() const { return std::strtod(ToString().c_str(), nullptr); }

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

bool AddDecimal(const Decimal& a, const Decimal& b, Decimal* out) {
  int s = std::max(a.scale, b.scale);
  i128 x, y;
  if (!Rescale(a, s, &x) || !Rescale(b, s, &y)) return false;
  return FromWide(x + y, s, out);
}

bool SubDecimal(const Decimal& a, const Decimal& b, Decimal* out) {
  Decimal nb = b;
  nb.units = -b.units;
  return AddDecimal(a, nb, out);
}

bool ShiftDecimal(const Decimal& a, int pow10, Decimal* out) {
  if (pow10 >= 0) {
    i128 v = a.units;
    for (int i = 0; i < pow10; ++i) v *= 10;
    int scale = a.scale;
    // Use up printed decimals first so 0.39 × 10^2 stays "39".
    while (scale > 0 && v % 10 == 0 && pow10 > 0) {
      v /= 10;
      --scale;
    }
    return FromWide(v, scale, out) || FromWide(v, a.scale, out);
  }
  if (a.scale - pow10 > 18) return false;
  *out = Decimal{a.units, a.scale - pow10};
  return true;
}

int CompareDecimal(const Decimal& a, const Decimal& b) {
  int s = std::max(a.scale, b.scale);
  i128 x = 0, y = 0;
  Rescale(a, s, &x);
  Rescale(b, s, &y);
  return x < y ? -1 : (x > y ? 1 : 0);
}

Decimal HalfUlp(const Decimal& a) { return Decimal{5, a.scale + 1}; }

bool DivideDecimal(const Decimal& a, const Decimal& b, int scale, Decimal* out) {
  if (b.units == 0) return false;
  // a/b = (a.units / 10^a.scale) / (b.units / 10^b.scale)
  // result × 10^scale = a.units × 10^(scale + b.scale - a.scale) / b.units
  int shift = scale + b.scale - a.scale;
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
