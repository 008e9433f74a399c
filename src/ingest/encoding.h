// Byte → UTF-8 decoding with detection of the encodings reports arrive in.
#ifndef JXAUDIT_INGEST_ENCODING_H_
#define JXAUDIT_INGEST_ENCODING_H_

#include <string>
#include <string_view>

namespace jx {

struct DecodeResult {
  bool ok = false;
  std::string text;         // UTF-8, BOM removed
  std::string encoding;     // see Document::encoding
  std::string error;        // why not, when !ok
  size_t error_offset = 0;  // byte offset the error refers to
};

// Detects UTF-8 (with or without BOM), UTF-16 LE/BE (BOM, or NUL pattern) and
// GB18030/GBK, and converts to UTF-8. Binary data and undecodable bytes are
// errors, never replacement characters.
DecodeResult DecodeText(std::string_view bytes);

// Converts `bytes` from `charset` (an ICU converter name) to UTF-8, strictly:
// false at the first illegal sequence (`*bad_offset` says where).
bool DecodeAs(std::string_view bytes, const char* charset, std::string* out,
              size_t* bad_offset);

// Converts UTF-8 to `charset` (an ICU converter name); for tests and tools.
bool EncodeText(std::string_view utf8, const char* charset, std::string* out);

}  // namespace jx

#endif  // JXAUDIT_INGEST_ENCODING_H_
