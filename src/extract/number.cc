#include "extract/number.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdlib>

#include "base/text.h"

namespace jx {
namespace {

// U+FFFD: what a digit-like character that is no digit becomes before NFKC,
// so that normalization cannot turn it into one ("²" → "2").
constexpr std::string_view kNotDigit = "\xEF\xBF\xBD";

enum class Foreign { kNone, kDigit, kNumberSign };

// Finds code points that look like digits but are not ASCII or full-width
// ones. With `masked`, writes `text` with each kNumberSign one replaced.
Foreign ForeignDigits(std::string_view text, std::string* masked) {
  Foreign found = Foreign::kNone;
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = 0, n = static_cast<int32_t>(text.size());
  while (i < n) {
    if (p[i] < 0x80) {
      if (masked) masked->push_back(static_cast<char>(p[i]));
      ++i;
      continue;
    }
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0x4E00 && c <= 0x9FFF) {  // CJK ideographs: letters, never digits
      if (masked)
        masked->append(
            text.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
      continue;
    }
    bool full_width = c >= 0xFF10 && c <= 0xFF19;
    int8_t type = c < 0 ? 0 : u_charType(c);
    if (!full_width && type == U_DECIMAL_DIGIT_NUMBER) return Foreign::kDigit;
    if (type == U_OTHER_NUMBER) {
      found = Foreign::kNumberSign;
      if (masked) masked->append(kNotDigit);
      continue;
    }
    if (masked)
      masked->append(
          text.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
  }
  return found;
}

// True when no reading of `text` holds a digit: no ASCII digit, and every
// other character is one NFKC cannot turn into a digit (CJK ideographs, CJK
// punctuation, full-width forms other than the digits). Most cells a rule
// asks about are words; this spares them normalization.
bool HoldsNoDigit(std::string_view text) {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = 0, n = static_cast<int32_t>(text.size());
  while (i < n) {
    if (p[i] < 0x80) {
      if (p[i] >= '0' && p[i] <= '9') return false;
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    bool plain = (c >= 0x3000 && c <= 0x303F) || (c >= 0x4E00 && c <= 0x9FFF) ||
                 (c >= 0xFF00 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFFEF);
    if (!plain) return false;
  }
  return true;
}

NumberStatus Parse(std::string_view text, ParsedNumber* out, bool allow_suffix) {
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
      // Past 18 digits, read on to see whether the text is one number at
      // all, without accumulating.
      if (digits <= 18) units = units * 10 + (c - '0');
      if (dot) ++scale;
      if (group_digits >= 0 && !dot) ++group_digits;
      any = true;
    } else if (c == ',' && !dot && any) {
      // Thousands separator: groups of exactly three digits.
      if (group_digits >= 0 && group_digits != 3) return NumberStatus::kNotNumber;
      if (group_digits < 0 && i > 3) return NumberStatus::kNotNumber;  // first group
      if (i + 1 >= t.size() || t[i + 1] < '0' || t[i + 1] > '9') break;
      group_digits = 0;
    } else if (c == '.' && !dot && any) {
      if (i + 1 >= t.size() || t[i + 1] < '0' || t[i + 1] > '9') break;
      if (group_digits >= 0 && group_digits != 3) return NumberStatus::kNotNumber;
      dot = true;
    } else {
      break;
    }
  }
  if (!any) return NumberStatus::kNotNumber;
  if (group_digits >= 0 && !dot && group_digits != 3) return NumberStatus::kNotNumber;
  std::string_view rest = TrimSpace(t.substr(i));
  if (rest.starts_with("%")) {
    r.percent = true;
    rest = TrimSpace(rest.substr(1));
  }
  if (!rest.empty() && !allow_suffix) return NumberStatus::kNotNumber;
  if (digits > 18 || units > kDecimalMaxUnits) return NumberStatus::kTooLarge;
  r.suffix = std::string(rest);
  r.value.units = neg ? -units : units;
  r.value.scale = scale;
  *out = std::move(r);
  return NumberStatus::kOk;
}

}  // namespace

bool ParseNumber(std::string_view text, ParsedNumber* out, bool allow_suffix,
                 NumberStatus* status) {
  NumberStatus ignored;
  if (!status) status = &ignored;
  if (HoldsNoDigit(text)) {
    *status = NumberStatus::kNotNumber;
    return false;
  }
  Foreign foreign = ForeignDigits(text, nullptr);
  if (foreign == Foreign::kDigit) {
    *status = NumberStatus::kNotNumber;
    return false;
  }
  ParsedNumber r;
  *status = Parse(text, &r, allow_suffix);
  if (*status != NumberStatus::kOk) return false;
  if (foreign == Foreign::kNumberSign) {
    // A superscript or circled number elsewhere in the unit ("m²") is text;
    // one touching the number changes what NFKC reads ("330.50²" would be
    // 330.502). Read it again with those signs masked: the same number, or
    // none at all.
    std::string masked;
    ForeignDigits(text, &masked);
    ParsedNumber m;
    if (Parse(masked, &m, allow_suffix) != NumberStatus::kOk ||
        m.suffix.starts_with(kNotDigit) || !(m.value.units == r.value.units) ||
        m.value.scale != r.value.scale || m.percent != r.percent ||
        m.comparator != r.comparator) {
      *status = NumberStatus::kNotNumber;
      return false;
    }
  }
  *out = std::move(r);
  return true;
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
