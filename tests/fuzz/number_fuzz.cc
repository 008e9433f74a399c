#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdlib>
#include <cstring>
#include <string_view>

#include "extract/number.h"
#include "tests/fuzz/targets.h"

namespace jx::fuzz {
namespace {

using i128 = __int128;

// Decimal digits other than ASCII and full-width ones.
bool HasForeignDigit(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0x80 && !(c >= 0xFF10 && c <= 0xFF19) &&
        u_charType(c) == U_DECIMAL_DIGIT_NUMBER)
      return true;
  }
  return false;
}

i128 At(const Decimal& d, int scale) {
  i128 v = d.units;
  for (int i = d.scale; i < scale; ++i) v *= 10;
  return v;
}

// Sums of up to ten parts: each step is exact or refused, never wrapped.
void CheckSums(const Decimal& first, const Decimal& part) {
  if (first.scale < 0 || part.scale < 0 || first.scale > 18 || part.scale > 18) return;
  int s = std::max(first.scale, part.scale);
  Decimal sum = first;
  i128 want = At(first, 18);
  for (int i = 1; i < 10; ++i) {
    want += At(part, 18);
    Decimal next;
    if (!AddDecimal(sum, part, &next)) return;
    if (At(next, 18) != want) std::abort();
    if (next.units > kDecimalMaxUnits || next.units < -kDecimalMaxUnits) std::abort();
    sum = next;
  }
  (void)s;
}

}  // namespace

int FuzzNumber(const uint8_t* data, size_t size) {
  std::string_view s(reinterpret_cast<const char*>(data), size);
  ParsedNumber a, b;
  NumberStatus st_a, st_b;
  bool ok_a = ParseNumber(s, &a, false, &st_a);
  bool ok_b = ParseNumber(s, &b, true, &st_b);
  if (ok_a != (st_a == NumberStatus::kOk) || ok_b != (st_b == NumberStatus::kOk))
    std::abort();
  // The old signature answers the same.
  ParsedNumber c0;
  if (ParseNumber(s, &c0) != ok_a) std::abort();
  // What parses without a suffix parses the same with one allowed; what is
  // too large without one is too large with one.
  if (ok_a && (!ok_b || !(a.value == b.value))) std::abort();
  if (st_a == NumberStatus::kTooLarge && st_b != NumberStatus::kTooLarge) std::abort();
  // Other scripts' digits are never read.
  if ((ok_a || ok_b) && HasForeignDigit(s)) std::abort();
  if (ok_a) {
    // The printed form parses back to the same value.
    ParsedNumber c;
    if (!ParseNumber(a.value.ToString(), &c) || !(c.value == a.value)) std::abort();
    Decimal sum, diff;
    if (AddDecimal(a.value, a.value, &sum) && SubDecimal(sum, a.value, &diff) &&
        !(diff == a.value))
      std::abort();
    CheckSums(a.value, a.value);
  }
  // Raw decimals from the bytes: arithmetic at the edges of int64 and scale.
  if (size >= 18) {
    Decimal x, y;
    std::memcpy(&x.units, data, 8);
    std::memcpy(&y.units, data + 8, 8);
    x.scale = data[16] % 40;
    y.scale = data[17] % 40;
    Decimal r;
    if (CompareDecimal(x, y) != -CompareDecimal(y, x)) std::abort();
    if (AddDecimal(x, y, &r) && CompareDecimal(r, x) != (y.units > 0   ? 1
                                                         : y.units < 0 ? -1
                                                                       : 0))
      std::abort();
    SubDecimal(x, y, &r);
    ShiftDecimal(x, data[16] % 64, &r);
    ShiftDecimal(x, -(data[17] % 64), &r);
    DivideDecimal(x, y, data[16] % 24, &r);
    CheckSums(x, y);
  }
  int64_t n = 0;
  ParseChineseCount(s, &n);
  return 0;
}

}  // namespace jx::fuzz

#ifdef JXAUDIT_LIBFUZZER
JX_FUZZ_ENTRY(FuzzNumber)
#endif
