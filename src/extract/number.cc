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

}  // namespace jx
