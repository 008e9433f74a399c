#include "ingest/office/office.h"
#include "tests/fuzz/common.h"
#include "tests/fuzz/targets.h"

namespace jx::fuzz {

int FuzzXlsx(const uint8_t* data, size_t size) {
  return FuzzReader(data, size, "fuzz.xlsx", office::ReadXlsx);
}

}  // namespace jx::fuzz

#ifdef JXAUDIT_LIBFUZZER
JX_FUZZ_ENTRY(FuzzXlsx)
#endif
