#include "base/text.h"

#include <unicode/brkiter.h>
#include <unicode/bytestream.h>
#include <unicode/coll.h>
#include <unicode/normalizer2.h>
#include <unicode/sortkey.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <unordered_map>
#include <utility>

namespace jx {
namespace {

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

// True when NFKC leaves `s` as it is, known without ICU: ASCII, CJK
// ideographs (U+4000-9FFF: no decompositions, nothing combines with them)
// and the CJK marks and quotes that have no decomposition either (、。《》
// 「」『』【】 and curly quotes). Most of a report's text is this.
static bool StableUnderNfkc(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    if (i + 2 >= n) return false;  // fewer than three bytes left
    unsigned char c1 = p[i + 1], c2 = p[i + 2];
    if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80) return false;
    bool ok = (c >= 0xE4 && c <= 0xE9) ||
              (c == 0xE3 && c1 == 0x80 &&
               (c2 == 0x81 || c2 == 0x82 || (c2 >= 0x8A && c2 <= 0x91))) ||
              (c == 0xE2 && c1 == 0x80 && c2 >= 0x98 && c2 <= 0x9D);
    if (!ok) return false;
    i += 3;
  }
  return true;
}

// CJK Radicals Supplement (U+2E80-U+2EF3) to the unified ideograph each has
// as its equivalent in Unicode's EquivalentUnifiedIdeograph data, sorted;
// radicals without one (a component that is no character alone) are left.
static constexpr std::pair<uint16_t, uint16_t> kSupplementRadicals[] = {
    {0x2E86, 0x5182}, {0x2E89, 0x5202}, {0x2E8A, 0x535C}, {0x2E8C, 0x5C0F},
    {0x2E8D, 0x5C0F}, {0x2E8E, 0x5140}, {0x2E8F, 0x5C23}, {0x2E90, 0x5C22},
    {0x2E92, 0x5DF3}, {0x2E93, 0x5E7A}, {0x2E94, 0x5F51}, {0x2E96, 0x5FC4},
    {0x2E97, 0x38FA}, {0x2E98, 0x624C}, {0x2E99, 0x6535}, {0x2E9B, 0x65E1},
    {0x2E9D, 0x6708}, {0x2E9E, 0x6B7A}, {0x2E9F, 0x6BCD}, {0x2EA0, 0x6C11},
    {0x2EA1, 0x6C35}, {0x2EA2, 0x6C3A}, {0x2EA3, 0x706C}, {0x2EA4, 0x722B},
    {0x2EA6, 0x4E2C}, {0x2EA7, 0x725C}, {0x2EA8, 0x72AD}, {0x2EA9, 0x738B},
    {0x2EAA, 0x758B}, {0x2EAB, 0x7F52}, {0x2EAC, 0x793A}, {0x2EAD, 0x793B},
    {0x2EAF, 0x7CF9}, {0x2EB0, 0x7E9F}, {0x2EB2, 0x7F52}, {0x2EB3, 0x34C1},
    {0x2EB4, 0x7F53}, {0x2EB9, 0x8002}, {0x2EBA, 0x8080}, {0x2EBB, 0x807F},
    {0x2EBE, 0x8279}, {0x2EBF, 0x8279}, {0x2EC0, 0x8279}, {0x2EC1, 0x864E},
    {0x2EC2, 0x8864}, {0x2EC3, 0x8980}, {0x2EC4, 0x897F}, {0x2EC5, 0x89C1},
    {0x2EC6, 0x89D2}, {0x2EC8, 0x8BA0}, {0x2EC9, 0x8D1D}, {0x2ECB, 0x8F66},
    {0x2ECC, 0x8FB6}, {0x2ECD, 0x8FB6}, {0x2ECE, 0x8FB6}, {0x2ECF, 0x961D},
    {0x2ED0, 0x9485}, {0x2ED1, 0x9577}, {0x2ED2, 0x9578}, {0x2ED3, 0x957F},
    {0x2ED4, 0x95E8}, {0x2ED6, 0x961D}, {0x2ED7, 0x96E8}, {0x2ED8, 0x9752},
    {0x2ED9, 0x97E6}, {0x2EDA, 0x9875}, {0x2EDB, 0x98CE}, {0x2EDC, 0x98DE},
    {0x2EDD, 0x98DF}, {0x2EDF, 0x98E0}, {0x2EE0, 0x9963}, {0x2EE2, 0x9A6C},
    {0x2EE3, 0x9AA8}, {0x2EE4, 0x9B3C}, {0x2EE5, 0x9C7C}, {0x2EE6, 0x9E1F},
    {0x2EE7, 0x5364}, {0x2EE8, 0x9EA6}, {0x2EE9, 0x9EC4}, {0x2EEA, 0x9EFE},
    {0x2EEB, 0x6589}, {0x2EEC, 0x9F50}, {0x2EED, 0x6B6F}, {0x2EEE, 0x9F7F},
    {0x2EEF, 0x7ADC}, {0x2EF0, 0x9F99}, {0x2EF1, 0x9F9C}, {0x2EF2, 0x4E80},
    {0x2EF3, 0x9F9F}};

// A code point's ideograph, or 0 when it is no radical that has one.
static UChar32 RadicalIdeograph(UChar32 c) {
  if (c >= 0x2F00 && c <= 0x2FD5) {
    // Every Kangxi radical decomposes (compatibility) to one ideograph.
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status)) return 0;
    icu::UnicodeString d;
    if (!nfkc->getDecomposition(c, d) || d.countChar32() != 1) return 0;
    return d.char32At(0);
  }
  if (c < 0x2E80 || c > 0x2EF3) return 0;
  const auto* end = std::end(kSupplementRadicals);
  const auto* it = std::lower_bound(
      std::begin(kSupplementRadicals), end, c,
      [](const std::pair<uint16_t, uint16_t>& p, UChar32 v) { return p.first < v; });
  return it != end && it->first == c ? it->second : 0;
}

bool FoldRadicals(std::string* s) {
  // Radicals are E2 BA 80 (U+2E80) to E2 BF 95 (U+2FD5) in UTF-8.
  size_t i = 0;
  for (; i + 1 < s->size(); ++i)
    if (static_cast<unsigned char>((*s)[i]) == 0xE2 &&
        static_cast<unsigned char>((*s)[i + 1]) >= 0xBA &&
        static_cast<unsigned char>((*s)[i + 1]) <= 0xBF)
      break;
  if (i + 1 >= s->size()) return false;
  std::string out(*s, 0, i);
  out.reserve(s->size());
  const auto* p = reinterpret_cast<const uint8_t*>(s->data());
  const int32_t len = static_cast<int32_t>(s->size());
  bool changed = false;
  for (int32_t k = static_cast<int32_t>(i); k < len;) {
    const int32_t start = k;
    UChar32 c;
    U8_NEXT(p, k, len, c);
    const UChar32 to = c >= 0 ? RadicalIdeograph(c) : 0;
    if (to == 0) {
      out.append(s->data() + start, static_cast<size_t>(k - start));
      continue;
    }
    char buf[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, to);
    out.append(buf, static_cast<size_t>(n));
    changed = true;
  }
  if (changed) *s = std::move(out);
  return changed;
}

std::string NormalizeForMatch(std::string_view s) {
  if (StableUnderNfkc(s)) return std::string(s);
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
  constexpr std::string_view kIdeo = kIdeographicSpace;
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

std::string SortKey(std::string_view s) {
  // One collator for the process, never freed: ICU's const calls are safe
  // from several threads.
  static const icu::Collator* zh = [] {
    UErrorCode status = U_ZERO_ERROR;
    icu::Collator* c = icu::Collator::createInstance(icu::Locale("zh"), status);
    if (U_FAILURE(status)) {
      delete c;
      return static_cast<icu::Collator*>(nullptr);
    }
    return c;
  }();
  // Without collation data the bytes are the key: code point order.
  if (!zh) return std::string(s);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  std::string key(64, '\0');
  int32_t n = zh->getSortKey(u, reinterpret_cast<uint8_t*>(key.data()),
                             static_cast<int32_t>(key.size()));
  if (n > static_cast<int32_t>(key.size())) {
    key.resize(static_cast<size_t>(n));
    n = zh->getSortKey(u, reinterpret_cast<uint8_t*>(key.data()), n);
  }
  // The key ends in a NUL that is not part of the order.
  key.resize(n > 0 ? static_cast<size_t>(n - 1) : 0);
  return key;
}

std::string CollapseSpace(std::string_view s) {
  // Runs between spaces are copied whole; a text without any goes as it is.
  std::string out;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  int32_t run = 0;  // start of the run of non-space being read
  bool pending = false, any_space = false;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    if (p[i] < 0x80) {
      c = p[i++];
    } else {
      U8_NEXT(p, i, n, c);
    }
    if (c < 0 || !IsSpaceCp(c)) continue;
    if (!any_space) out.reserve(s.size()), any_space = true;
    if (start > run) {
      if (pending) out.push_back(' ');
      out.append(s.substr(static_cast<size_t>(run), static_cast<size_t>(start - run)));
    }
    pending = !out.empty();
    run = i;
  }
  if (!any_space) return std::string(s);
  if (n > run) {
    if (pending) out.push_back(' ');
    out.append(s.substr(static_cast<size_t>(run), static_cast<size_t>(n - run)));
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

namespace {

void AppendHex(std::string* out, const char* prefix, unsigned v, int digits) {
  static const char kHex[] = "0123456789abcdef";
  *out += prefix;
  for (int d = digits - 1; d >= 0; --d) *out += kHex[(v >> (4 * d)) & 0xF];
}

// Calls `f(code_point, bytes)` for each character; an ill-formed byte comes
// as code point -1 with its one byte.
template <typename F>
void ForEachChar(std::string_view s, F f) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  size_t i = 0;
  while (i < s.size()) {
    if (p[i] < 0x80) {
      f(static_cast<UChar32>(p[i]), s.substr(i, 1));
      ++i;
      continue;
    }
    int32_t j = 0, n = static_cast<int32_t>(std::min<size_t>(s.size() - i, 4));
    UChar32 c;
    U8_NEXT(p + i, j, n, c);
    if (c < 0) {
      f(-1, s.substr(i, 1));
      ++i;
    } else {
      f(c, s.substr(i, static_cast<size_t>(j)));
      i += static_cast<size_t>(j);
    }
  }
}

}  // namespace

namespace {

// Well-formed UTF-8 with no C0 control but tab, line feed and return (when
// `keep_breaks`), no DEL, no C1 (U+0080-009F) and no U+FFFE/FFFF (no
// characters in XML): the common case, answered by one pass, eight ASCII
// bytes at a time where it can.
bool PlainUtf8(std::string_view s, bool keep_breaks) {
  constexpr uint64_t kHigh = 0x8080808080808080ULL, kOnes = 0x0101010101010101ULL;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  auto cont = [&](size_t j) { return j < n && (p[j] & 0xC0) == 0x80; };
  size_t i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      uint64_t w;
      if (i + 8 <= n) {
        std::memcpy(&w, p + i, 8);
        uint64_t below_space = (w - 0x20 * kOnes) & ~w & kHigh;
        uint64_t x = w ^ (0x7F * kOnes);
        uint64_t del = (x - kOnes) & ~x & kHigh;
        if (((w & kHigh) | below_space | del) == 0) {
          i += 8;
          continue;
        }
      }
      if (c == 0x7F) return false;
      if (c < 0x20 && (!keep_breaks || (c != '\t' && c != '\n' && c != '\r')))
        return false;
      ++i;
      continue;
    }
    if (c >= 0xE1 && c <= 0xEC) {
      // Most of a Chinese report: nothing to rule out beyond continuations.
      if (!cont(i + 1) || !cont(i + 2)) return false;
      i += 3;
    } else if (c >= 0xC2 && c <= 0xDF) {
      if (!cont(i + 1) || (c == 0xC2 && p[i + 1] < 0xA0)) return false;
      i += 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      if (!cont(i + 1) || !cont(i + 2)) return false;
      if ((c == 0xE0 && p[i + 1] < 0xA0) || (c == 0xED && p[i + 1] > 0x9F)) return false;
      if (c == 0xEF && p[i + 1] == 0xBF && p[i + 2] >= 0xBE) return false;
      i += 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
      if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return false;
      if ((c == 0xF0 && p[i + 1] < 0x90) || (c == 0xF4 && p[i + 1] > 0x8F)) return false;
      i += 4;
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string ShowControls(std::string_view s) {
  if (PlainUtf8(s, false)) return std::string(s);
  std::string out;
  out.reserve(s.size());
  ForEachChar(s, [&](UChar32 c, std::string_view bytes) {
    if (c < 0) {
      AppendHex(&out, "\\x", static_cast<unsigned char>(bytes[0]), 2);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7F) {
      AppendHex(&out, "\\x", static_cast<unsigned>(c), 2);
    } else if (c >= 0x80 && c < 0xA0) {
      AppendHex(&out, "\\u", static_cast<unsigned>(c), 4);
    } else {
      out += bytes;
    }
  });
  return out;
}

std::string CellText(std::string_view s, size_t max_units, std::string_view marker) {
  // A UTF-16 unit takes at least one byte: text this short fits, and text
  // without controls and well-formed goes as it is.
  if (s.size() <= max_units && PlainUtf8(s, true)) return std::string(s);
  // Each character as written to the cell, with its UTF-16 length.
  std::string out;
  out.reserve(s.size());
  std::vector<std::pair<size_t, size_t>> ends;  // (bytes so far, units so far)
  size_t units = 0;
  ForEachChar(s, [&](UChar32 c, std::string_view bytes) {
    size_t before = out.size();
    if (c < 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
    } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE ||
               c == 0xFFFF) {
      AppendHex(&out, "\\x", static_cast<unsigned>(c), 2);
    } else {
      out += bytes;
    }
    units +=
        c > 0xFFFF
            ? 2
            : (c >= 0 && out.size() - before > bytes.size() ? out.size() - before : 1);
    ends.push_back({out.size(), units});
  });
  if (units <= max_units) return out;
  size_t room =
      max_units > CodePointCount(marker) ? max_units - CodePointCount(marker) : 0;
  size_t keep = 0;
  for (const auto& [bytes, u] : ends) {
    if (u > room) break;
    keep = bytes;
  }
  out.resize(keep);
  out += marker;
  return out;
}

size_t LeadingUnbreakable(std::string_view s) {
  if (s.empty() || !IsValidUtf8(s)) return 0;
  // One iterator per thread: making one loads the break rules.
  thread_local std::unique_ptr<icu::BreakIterator> it;
  if (!it) {
    UErrorCode status = U_ZERO_ERROR;
    it.reset(icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) it.reset();
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  if (!it) return static_cast<size_t>(u.countChar32());
  it->setText(u);
  int32_t end = it->following(0);
  if (end == icu::BreakIterator::DONE) end = u.length();
  return static_cast<size_t>(u.countChar32(0, end));
}

bool EndsSentence(std::string_view s) {
  if (!IsValidUtf8(s)) return false;
  int32_t i = static_cast<int32_t>(s.size());
  while (i > 0) {
    UChar32 c;
    U8_PREV(s.data(), 0, i, c);
    const int sb = u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK);
    if (sb == U_SB_CLOSE || sb == U_SB_SP || u_isUWhiteSpace(c)) continue;
    return sb == U_SB_STERM || sb == U_SB_ATERM;
  }
  return false;
}

}  // namespace jx
