#include "ingest/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <memory>

#include "base/text.h"

namespace jx {
namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

// Strict conversion: the first illegal sequence stops it.
bool ToUtf8Strict(std::string_view bytes, const char* charset, std::string* out,
                  size_t* bad_offset) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr cnv(ucnv_open(charset, &status));
  if (U_FAILURE(status)) return false;
  ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                      &status);
  if (U_FAILURE(status)) return false;
  std::u16string u16;
  u16.resize(bytes.size() + 16);
  const char* src = bytes.data();
  const char* src_end = bytes.data() + bytes.size();
  UChar* dst = reinterpret_cast<UChar*>(u16.data());
  UChar* dst_end = dst + u16.size();
  ucnv_toUnicode(cnv.get(), &dst, dst_end, &src, src_end, nullptr, true, &status);
  if (U_FAILURE(status)) {
    *bad_offset = static_cast<size_t>(src - bytes.data());
    return false;
  }
  u16.resize(static_cast<size_t>(dst - reinterpret_cast<UChar*>(u16.data())));
  out->clear();
  out->reserve(u16.size() * 2);
  for (size_t i = 0; i < u16.size();) {
    UChar32 c;
    U16_NEXT(u16.data(), i, u16.size(), c);
    if (U_IS_SURROGATE(c)) {
      *bad_offset = 0;
      return false;
    }
    char buf[4];
    int32_t n = 0;
    UBool err = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, c, err);
    if (err) return false;
    out->append(buf, static_cast<size_t>(n));
  }
  return true;
}

// A share of NUL bytes on one parity only is how BOM-less UTF-16 looks.
const char* GuessUtf16(std::string_view b) {
  if (b.size() < 4 || b.size() % 2 != 0) return nullptr;
  size_t n = std::min<size_t>(b.size(), 1 << 16);
  // Both tests below ask for NULs in a tenth of the pairs at least.
  if (b.substr(0, n).find('\0') == std::string_view::npos) return nullptr;
  size_t even_zero = 0, odd_zero = 0;
  for (size_t i = 0; i + 1 < n; i += 2) {
    if (b[i] == 0) ++even_zero;
    if (b[i + 1] == 0) ++odd_zero;
  }
  // Chinese text has NUL low bytes too (U+4E00 一, U+3000), so ask for a
  // lopsided pattern rather than none at all on the other parity.
  size_t pairs = n / 2;
  if (odd_zero * 10 >= pairs && even_zero * 4 < odd_zero) return "UTF-16LE";
  if (even_zero * 10 >= pairs && odd_zero * 4 < even_zero) return "UTF-16BE";
  return nullptr;
}

// What the text check counts, in code points.
struct TextCounts {
  size_t total = 0, control = 0, private_use = 0;
};

// Eight ASCII bytes with no control character and no DEL, as one word: the
// common case of a report's Latin text, digits and punctuation.
bool PlainAsciiWord(uint64_t w) {
  constexpr uint64_t kHigh = 0x8080808080808080ULL, kOnes = 0x0101010101010101ULL;
  if (w & kHigh) return false;
  uint64_t below_space = (w - 0x20 * kOnes) & ~w & kHigh;  // a byte < 0x20
  uint64_t x = w ^ (0x7F * kOnes);
  uint64_t del = (x - kOnes) & ~x & kHigh;  // a byte == 0x7F
  return (below_space | del) == 0;
}

void CountAscii(unsigned char c, TextCounts* k) {
  ++k->total;
  if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') ||
      c == 0x7F)
    ++k->control;
}

// One pass over UTF-8: the length of its valid prefix (well-formed per
// Unicode: no overlongs, no surrogates, nothing past U+10FFFF) and the
// counts of that prefix.
size_t ScanUtf8(std::string_view s, TextCounts* k) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  auto cont = [&](size_t j) { return j < n && (p[j] & 0xC0) == 0x80; };
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      uint64_t w;
      if (i + 8 <= n && (std::memcpy(&w, p + i, 8), PlainAsciiWord(w))) {
        k->total += 8;
        i += 8;
      } else {
        CountAscii(c, k);
        ++i;
      }
      continue;
    }
    uint32_t cp;
    size_t len;
    if (c >= 0xE1 && c <= 0xEC && cont(i + 1) && cont(i + 2)) {
      // Most of a Chinese report: no range check beyond the continuations.
      ++k->total;
      i += 3;
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF) {
      if (!cont(i + 1)) return i;
      cp = (c & 0x1Fu) << 6 | (p[i + 1] & 0x3Fu);
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      if (!cont(i + 1) || !cont(i + 2)) return i;
      unsigned char c1 = p[i + 1];
      if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F)) return i;
      cp = (c & 0x0Fu) << 12 | (c1 & 0x3Fu) << 6 | (p[i + 2] & 0x3Fu);
      len = 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
      if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return i;
      unsigned char c1 = p[i + 1];
      if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F)) return i;
      cp = (c & 0x07u) << 18 | (c1 & 0x3Fu) << 12 | (p[i + 2] & 0x3Fu) << 6 |
           (p[i + 3] & 0x3Fu);
      len = 4;
    } else {
      return i;
    }
    ++k->total;
    if (cp >= 0xE000 && (cp <= 0xF8FF || cp >= 0xF0000)) ++k->private_use;
    i += len;
  }
  return n;
}

// Rejects decoded text that is mostly control or private-use characters: a
// legacy charset decodes many binary files "successfully".
bool LooksLikeText(const TextCounts& k, std::string* why) {
  if (k.total == 0) return true;
  if (k.control * 100 > k.total) {
    *why = "binary data (control characters)";
    return false;
  }
  if (k.private_use * 20 > k.total) {
    *why = "not text (mostly private-use characters after decoding)";
    return false;
  }
  return true;
}

}  // namespace

namespace {

// Length of the longest prefix that is well-formed UTF-8.
// ED A0..BF 80..BF: a surrogate code point written the UTF-8 way.
bool EncodedSurrogate(std::string_view s) {
  return s.size() >= 3 && static_cast<unsigned char>(s[0]) == 0xED &&
         (static_cast<unsigned char>(s[1]) & 0xE0) == 0xA0 &&
         (static_cast<unsigned char>(s[2]) & 0xC0) == 0x80;
}

size_t LineAt(std::string_view bytes, size_t offset) {
  return 1 + static_cast<size_t>(std::count(
                 bytes.begin(), bytes.begin() + static_cast<ptrdiff_t>(offset), '\n'));
}

}  // namespace

bool DecodeAs(std::string_view bytes, const char* charset, std::string* out,
              size_t* bad_offset) {
  return ToUtf8Strict(bytes, charset, out, bad_offset);
}

DecodeResult DecodeText(std::string_view bytes) {
  DecodeResult r;
  if (bytes.empty()) {
    r.error = "empty file";
    return r;
  }
  const auto u = [&](size_t i) { return static_cast<unsigned char>(bytes[i]); };
  const char* utf16 = nullptr;
  std::string_view body = bytes;
  TextCounts counts;
  bool counted = false;  // counts are of r.text already
  if (bytes.size() >= 3 && u(0) == 0xEF && u(1) == 0xBB && u(2) == 0xBF) {
    body.remove_prefix(3);
    if (!IsValidUtf8(body)) {
      r.error = "invalid UTF-8 after a UTF-8 byte-order mark";
      return r;
    }
    r.text = std::string(body);
    r.encoding = "UTF-8 BOM";
  } else if (bytes.size() >= 2 && u(0) == 0xFF && u(1) == 0xFE) {
    utf16 = "UTF-16LE";
    body.remove_prefix(2);
  } else if (bytes.size() >= 2 && u(0) == 0xFE && u(1) == 0xFF) {
    utf16 = "UTF-16BE";
    body.remove_prefix(2);
  } else {
    utf16 = GuessUtf16(bytes);
  }
  if (r.encoding.empty() && utf16) {
    if (body.size() % 2 != 0) {
      r.error = std::string("truncated ") + utf16 + " (odd number of bytes)";
      return r;
    }
    size_t bad = 0;
    if (!ToUtf8Strict(body, utf16, &r.text, &bad)) {
      r.error = std::string("invalid ") + utf16 + " (unpaired surrogate)";
      r.error_offset = bad;
      return r;
    }
    r.encoding = utf16;
  }
  if (r.encoding.empty()) {
    size_t nul = bytes.find('\0');
    if (nul != std::string_view::npos) {
      r.error = "binary data (NUL byte at offset " + std::to_string(nul) + ")";
      r.error_offset = nul;
      return r;
    }
    size_t utf8_bad = ScanUtf8(bytes, &counts);
    if (utf8_bad == bytes.size()) {
      counted = true;
      r.text = std::string(bytes);
      r.encoding = "UTF-8";
    } else if (EncodedSurrogate(bytes.substr(utf8_bad))) {
      // UTF-8 shaped, but holding a UTF-16 surrogate (CESU-8, WTF-8): the
      // writer meant UTF-8, so say where that breaks, whatever GB18030 makes
      // of the bytes.
      r.error = "undecodable: invalid UTF-8 at line " +
                std::to_string(LineAt(bytes, utf8_bad)) + " (byte offset " +
                std::to_string(utf8_bad) +
                ": a UTF-16 surrogate encoded as UTF-8, as CESU-8 and WTF-8 write)";
      r.error_offset = utf8_bad;
      return r;
    } else {
      size_t bad = 0;
      if (!ToUtf8Strict(bytes, "GB18030", &r.text, &bad)) {
        // Say where the likelier reading breaks: a file that is UTF-8 for
        // pages and then not was damaged or pasted together from two
        // encodings, and the auditor needs that line.
        bool utf8 = utf8_bad >= bad;
        size_t at = utf8 ? utf8_bad : bad;
        size_t line = LineAt(bytes, at);
        r.error = std::string("undecodable: ") +
                  (utf8 ? "invalid UTF-8" : "invalid GB18030") + " at line " +
                  std::to_string(line) + " (byte offset " + std::to_string(at) +
                  "), and neither " + (utf8 ? "GB18030" : "UTF-8") + " nor UTF-16";
        r.error_offset = at;
        r.text.clear();
        return r;
      }
      r.encoding = "GB18030";
    }
  }
  if (r.text.empty()) {
    // Only a byte-order mark: nothing to read.
    r.error = "empty file (only a byte-order mark)";
    return r;
  }
  std::string why;
  if (!counted) ScanUtf8(r.text, &counts);
  if (!LooksLikeText(counts, &why)) {
    r.error = why;
    r.text.clear();
    return r;
  }
  r.ok = true;
  return r;
}

bool EncodeText(std::string_view utf8, const char* charset, std::string* out) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr cnv(ucnv_open(charset, &status));
  if (U_FAILURE(status)) return false;
  std::u16string u16;
  u16.reserve(utf8.size());
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t i = 0, n = static_cast<int32_t>(utf8.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
    if (c > 0xFFFF) {
      u16.push_back(static_cast<char16_t>(U16_LEAD(c)));
      u16.push_back(static_cast<char16_t>(U16_TRAIL(c)));
    } else {
      u16.push_back(static_cast<char16_t>(c));
    }
  }
  out->assign(u16.size() * 4 + 16, '\0');
  int32_t len = ucnv_fromUChars(cnv.get(), out->data(), static_cast<int32_t>(out->size()),
                                reinterpret_cast<const UChar*>(u16.data()),
                                static_cast<int32_t>(u16.size()), &status);
  if (U_FAILURE(status)) return false;
  out->resize(static_cast<size_t>(len));
  return true;
}

}  // namespace jx
