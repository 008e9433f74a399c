#include "ingest/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <climits>
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

// Rejects decoded text that is mostly control or private-use characters: a
// legacy charset decodes many binary files "successfully".
bool LooksLikeText(std::string_view utf8, std::string* why) {
  size_t total = 0, control = 0, private_use = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t i = 0, n = static_cast<int32_t>(utf8.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    ++total;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v')
      ++control;
    else if (c == 0x7F)
      ++control;
    else if ((c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000)
      ++private_use;
  }
  if (total == 0) return true;
  if (control * 100 > total) {
    *why = "binary data (control characters)";
    return false;
  }
  if (private_use * 20 > total) {
    *why = "not text (mostly private-use characters after decoding)";
    return false;
  }
  return true;
}

}  // namespace

namespace {

// Length of the longest prefix that is well-formed UTF-8.
size_t Utf8ValidPrefix(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(std::min<size_t>(s.size(), INT32_MAX));
  int32_t i = 0;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return static_cast<size_t>(start);
  }
  return static_cast<size_t>(n);
}

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
    size_t utf8_bad = Utf8ValidPrefix(bytes);
    if (utf8_bad == bytes.size()) {
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
  if (!LooksLikeText(r.text, &why)) {
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
