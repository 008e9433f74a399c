#include "base/text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace jx {
namespace {

bool IsAscii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

// Space-like code points that must not separate words in a key.
bool IsSpaceCp(UChar32 c) {
  return c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0B || c == 0x0C ||
         c == 0xA0 || c == 0x3000 || c == 0xFEFF || (c >= 0x2000 && c <= 0x200B) ||
         c == 0x202F || c == 0x205F;
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  if (s.size() > static_cast<size_t>(INT32_MAX)) return false;
  while (i < n) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

std::string NormalizeForMatch(std::string_view s) {
  if (IsAscii(s)) return std::string(s);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  icu::UnicodeString out;
  if (U_SUCCESS(status)) out = nfkc->normalize(in, status);
  if (U_FAILURE(status)) out = in;
  for (int32_t i = 0; i < out.length(); ++i) {
    switch (out.charAt(i)) {
      case 0x2267:
        out.setCharAt(i, 0x2265);
        break;  // ≧ → ≥
      case 0x2266:
        out.setCharAt(i, 0x2264);
        break;  // ≦ → ≤
      case 0xFF1C:
        out.setCharAt(i, u'<');
        break;
      case 0xFF1E:
        out.setCharAt(i, u'>');
        break;
      case 0x2212:
        out.setCharAt(i, u'-');
        break;  // − minus sign
      case 0x2014:
      case 0x2015:
        break;  // dashes stay
      default:
        break;
    }
  }
  std::string r;
  out.toUTF8String(r);
  return r;
}

std::string MatchKey(std::string_view s) {
  std::string n = NormalizeForMatch(s);
  std::string out;
  out.reserve(n.size());
  const auto* p = reinterpret_cast<const uint8_t*>(n.data());
  int32_t i = 0, len = static_cast<int32_t>(n.size());
  while (i < len) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0 || IsSpaceCp(c)) continue;
    out.append(n, static_cast<size_t>(start), static_cast<size_t>(i - start));
  }
  return out;
}

std::string_view TrimSpace(std::string_view s) {
  static constexpr std::string_view kIdeo = "\xE3\x80\x80";  // U+3000
  static constexpr std::string_view kNbsp = "\xC2\xA0";
  for (;;) {
    if (s.empty()) return s;
    unsigned char c = static_cast<unsigned char>(s.front());
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') {
      s.remove_prefix(1);
    } else if (s.starts_with(kIdeo)) {
      s.remove_prefix(kIdeo.size());
    } else if (s.starts_with(kNbsp)) {
      s.remove_prefix(kNbsp.size());
    } else {
      break;
    }
  }
  for (;;) {
    if (s.empty()) return s;
    unsigned char c = static_cast<unsigned char>(s.back());
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') {
      s.remove_suffix(1);
    } else if (s.ends_with(kIdeo)) {
      s.remove_suffix(kIdeo.size());
    } else if (s.ends_with(kNbsp)) {
      s.remove_suffix(kNbsp.size());
    } else {
      break;
    }
  }
  return s;
}

bool IsBlank(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0 || !IsSpaceCp(c)) return false;
  }
  return true;
}

std::string CollapseSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  bool pending = false;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0 && IsSpaceCp(c)) {
      pending = !out.empty();
      continue;
    }
    if (pending) out.push_back(' ');
    pending = false;
    out.append(s.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
  }
  return out;
}

std::vector<std::string> SplitTabs(std::string_view s) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    size_t tab = s.find('\t', start);
    if (tab == std::string_view::npos) {
      out.emplace_back(s.substr(start));
      return out;
    }
    out.emplace_back(s.substr(start, tab - start));
    start = tab + 1;
  }
}

size_t CodePointCount(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace jx
