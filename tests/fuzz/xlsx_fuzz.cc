#include <string_view>

#include "ingest/office/office.h"
#include "layout/layout.h"
#include "tests/fuzz/common.h"
#include "tests/fuzz/targets.h"

namespace jx::fuzz {

// The xlsx reader on any bytes, then the layout of what it read: it must
// answer (a Document or one error), never crash, hang or leak.
int FuzzXlsx(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Document doc;
  Error err;
  if (!office::ReadXlsx("fuzz.xlsx", bytes, &doc, &err)) {
    if (err.message.empty()) std::abort();  // a refusal always says why
    return 0;
  }
  BuildLayout(doc, FuzzPatterns());
  return 0;
}

}  // namespace jx::fuzz

#ifdef JXAUDIT_LIBFUZZER
JX_FUZZ_ENTRY(FuzzXlsx)
#endif
