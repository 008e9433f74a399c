#include "extract/number.h"

#include <cstdlib>

#include "base/text.h"

namespace jx {
namespace {

constexpr int64_t kMaxUnits = 999'999'999'999'999'999;  // 18 digits

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

bool ParseNumber(std::string_view text, ParsedNumber* out, bool allow_suffix) {
  std::string norm = NormalizeForMatch(text);
  std::string_view t = TrimSpace(norm);
  ParsedNumber r;
  static constexpr std::string_view kGe = "\xE2\x89\xA5";  // ≥
  static constexpr std::string_view kLe = "\xE2\x89\xA4";  // ≤
  if (t.starts_with(kGe)) {
    r.comparator = "≥";
    t.remove_prefix(kGe.size());
  } else if (t.starts_with(kLe)) {
    r.comparator = "≤";
    t.remove_prefix(kLe.size());
  } else if (t.starts_with(">=")) {
    r.comparator = "≥";
    t.remove_prefix(2);
  } else if (t.starts_with("<=")) {
    r.comparator = "≤";
    t.remove_prefix(2);
  } else if (!t.empty() && (t[0] == '>' || t[0] == '<' || t[0] == '=')) {
    r.comparator = std::string(1, t[0]);
    t.remove_prefix(1);
  }
  t = TrimSpace(t);
  bool neg = false;
  if (!t.empty() && (t[0] == '-' || t[0] == '+')) {
    neg = t[0] == '-';
    t.remove_prefix(1);
  }
  int64_t units = 0;
  int scale = 0, digits = 0, group_digits = -1;
  bool dot = false, any = false;
  size_t i = 0;
  for (; i < t.size(); ++i) {
    char c = t[i];
    if (c >= '0' && c <= '9') {
      if (digits == 0 && c == '0' && !dot) {
        // Leading zeros do not count toward the 18-digit limit.
      } else {
        ++digits;
      }
      if (digits > 18) return false;
      units = units * 10 + (c - '0');
      if (dot) ++scale;
      if (group_digits >= 0 && !dot) ++group_digits;
      any = true;
    } else if (c == ',' && !dot && any) {
      // Thousands separator: groups of exactly three digits.
      if (group_digits >= 0 && group_digits != 3) return false;
      if (group_digits < 0 && i > 3) return false;  // first group too long
      if (i + 1 >= t.size() || t[i + 1] < '0' || t[i + 1] > '9') break;
      group_digits = 0;
    } else if (c == '.' && !dot && any) {
      if (i + 1 >= t.size() || t[i + 1] < '0' || t[i + 1] > '9') break;
      if (group_digits >= 0 && group_digits != 3) return false;
      dot = true;
    } else {
      break;
    }
  }
  if (!any) return false;
  if (group_digits >= 0 && !dot && group_digits != 3) return false;
  if (units > kMaxUnits) return false;
  std::string_view rest = TrimSpace(t.substr(i));
  if (rest.starts_with("%")) {
    r.percent = true;
    rest = TrimSpace(rest.substr(1));
  }
  if (!rest.empty() && !allow_suffix) return false;
  r.suffix = std::string(rest);
  r.value.units = neg ? -units : units;
  r.value.scale = scale;
  *out = std::move(r);
  return true;
}

namespace {

using i128 = __int128;

constexpr i128 kLimit = static_cast<i128>(kMaxUnits);

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

bool ParseChineseCount(std::string_view text, int64_t* out) {
  constexpr int64_t kMaxCount = 1'000'000'000'000;
  static const std::pair<std::string_view, int> kDigits[] = {
      {"〇", 0}, {"零", 0}, {"一", 1}, {"二", 2}, {"两", 2}, {"三", 3},
      {"四", 4}, {"五", 5}, {"六", 6}, {"七", 7}, {"八", 8}, {"九", 9}};
  static const std::pair<std::string_view, int64_t> kUnits[] = {
      {"十", 10}, {"百", 100}, {"千", 1000}, {"万", 10000}};
  std::string_view t = TrimSpace(text);
  if (t.empty()) return false;
  int64_t total = 0, section = 0, digit = -1;
  bool any = false;
  while (!t.empty()) {
    bool matched = false;
    for (auto [s, v] : kDigits) {
      if (t.starts_with(s)) {
        if (digit > 0) return false;  // two digits in a row: "二三"
        digit = v;
        t.remove_prefix(s.size());
        matched = any = true;
        break;
      }
    }
    if (matched) continue;
    for (auto [s, v] : kUnits) {
      if (t.starts_with(s)) {
        int64_t d = digit < 0 ? 1 : digit;  // 十九: the leading 一 is implied
        if (v == 10000) {
          section += digit < 0 ? 0 : digit;
          // "万万" is no numeral, and no count in a report reaches 一万亿.
          if (section == 0 && total > 0) return false;
          if (total + section > kMaxCount / 10000) return false;
          total = (total + (section == 0 ? 1 : section)) * 10000;
          section = 0;
        } else {
          if (digit == 0) return false;
          section += d * v;
        }
        digit = -1;
        t.remove_prefix(s.size());
        matched = any = true;
        break;
      }
    }
    if (!matched) return false;
  }
  if (!any) return false;
  if (digit > 0) section += digit;
  *out = total + section;
  return true;
}

}  // namespace jx
