#include <string_view>

#include "extract/extract.h"
#include "ingest/read.h"
#include "layout/layout.h"
#include "tests/fuzz/common.h"
#include "tests/fuzz/targets.h"
#include "validate/validate.h"

namespace jx::fuzz {

int FuzzText(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (bytes.substr(0, 5) == "%PDF-") return 0;  // the Pdf target's
  Document doc;
  Error err;
  if (!DocumentFromBytes("fuzz.txt", bytes, &doc, &err)) return 0;
  const Patterns& p = FuzzPatterns();
  Layout l = BuildLayout(doc, p);
  Extraction ex = Extract(doc, l, p);
  Validate(ex, p);
  return 0;
}

}  // namespace jx::fuzz

#ifdef JXAUDIT_LIBFUZZER
JX_FUZZ_ENTRY(FuzzText)
#endif
