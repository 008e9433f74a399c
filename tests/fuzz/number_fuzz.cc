#include <cstdlib>
#include <string_view>

#include "extract/number.h"
#include "tests/fuzz/targets.h"

namespace jx::fuzz {

int FuzzNumber(const uint8_t* data, size_t size) {
  std::string_view s(reinterpret_cast<const char*>(data), size);
  ParsedNumber a, b;
  bool ok_a = ParseNumber(s, &a, false);
  bool ok_b = ParseNumber(s, &b, true);
  // What parses without a suffix parses the same with one allowed.
  if (ok_a && (!ok_b || !(a.value == b.value))) std::abort();
  if (ok_a) {
    // The printed form parses back to the same value.
    ParsedNumber c;
    if (!ParseNumber(a.value.ToString(), &c) || !(c.value == a.value)) std::abort();
    Decimal sum, diff;
    if (AddDecimal(a.value, a.value, &sum) && SubDecimal(sum, a.value, &diff) &&
        !(diff == a.value))
      std::abort();
  }
  int64_t n = 0;
  ParseChineseCount(s, &n);
  return 0;
}

}  // namespace jx::fuzz

#ifdef JXAUDIT_LIBFUZZER
JX_FUZZ_ENTRY(FuzzNumber)
#endif
