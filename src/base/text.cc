#include "base/text.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <unordered_map>

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
  std::string out;
  if (U_SUCCESS(status)) {
    // Works on UTF-8 directly; text already in NFKC is copied through.
    icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(s.size()));
    nfkc->normalizeUTF8(0, icu::StringPiece(s.data(), static_cast<int32_t>(s.size())),
                        sink, nullptr, status);
  }
  if (U_FAILURE(status)) out.assign(s);
  // Comparison signs NFKC leaves alone: ≧ (E2 89 A7) → ≥ (E2 89 A5),
  // ≦ (E2 89 A6) → ≤ (E2 89 A4); − (E2 88 92) → '-'.
  std::string r;
  r.reserve(out.size());
  for (size_t i = 0; i < out.size(); ++i) {
    if (static_cast<unsigned char>(out[i]) == 0xE2 && i + 2 < out.size()) {
      unsigned char b1 = static_cast<unsigned char>(out[i + 1]);
      unsigned char b2 = static_cast<unsigned char>(out[i + 2]);
      if (b1 == 0x89 && b2 == 0xA7) {
        r += "\xE2\x89\xA5";
        i += 2;
        continue;
      }
      if (b1 == 0x89 && b2 == 0xA6) {
        r += "\xE2\x89\xA4";
        i += 2;
        continue;
      }
      if (b1 == 0x88 && b2 == 0x92) {
        r += '-';
        i += 2;
        continue;
      }
    }
    r += out[i];
  }
  return r;
}

namespace {

std::string ComputeMatchKey(std::string_view s) {
  std::string n = NormalizeForMatch(s);
  std::string out;
  out.reserve(n.size());
  const auto* p = reinterpret_cast<const uint8_t*>(n.data());
  int32_t i = 0, len = static_cast<int32_t>(n.size());
  while (i < len) {
    if (p[i] < 0x80) {
      char c = static_cast<char>(p[i++]);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\v' && c != '\f')
        out.push_back(c);
      continue;
    }
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0 || IsSpaceCp(c)) continue;
    out.append(n, static_cast<size_t>(start), static_cast<size_t>(i - start));
  }
  return out;
}

}  // namespace

std::string MatchKey(std::string_view s) {
  // The same labels are keyed again and again (every rule asks about the
  // cells it reads); normalization costs far more than a lookup.
  thread_local std::unordered_map<std::string, std::string, StringHash, std::equal_to<>>
      cache;
  if (s.size() > 4096) return ComputeMatchKey(s);
  auto it = cache.find(s);
  if (it != cache.end()) return it->second;
  if (cache.size() > 200000) cache.clear();
  std::string k = ComputeMatchKey(s);
  cache.emplace(std::string(s), k);
  return k;
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
