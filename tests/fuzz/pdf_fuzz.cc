#include <string_view>

#include "ingest/pdf.h"
#include "layout/layout.h"
#include "tests/fuzz/common.h"
#include "tests/fuzz/targets.h"

namespace jx::fuzz {

int FuzzPdf(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Document doc;
  Error err;
  // Few pages: a fuzzer's time goes to parsing, not to long documents.
  if (!PdfFromBytes("fuzz.pdf", bytes, &doc, &err, nullptr, 16)) return 0;
  BuildLayout(doc, FuzzPatterns());
  return 0;
}

}  // namespace jx::fuzz

#ifdef JXAUDIT_LIBFUZZER
JX_FUZZ_ENTRY(FuzzPdf)
#endif
