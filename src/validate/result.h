// Shared by result_rules.cc and cross_rules.cc: the scoring settings and the
// funds block of a project form.
#ifndef JXAUDIT_VALIDATE_RESULT_H_
#define JXAUDIT_VALIDATE_RESULT_H_

#include <string>
#include <string_view>

#include "extract/extraction.h"

namespace jx::validate {

// The value of a `set.*` line of patterns/scoring.txt, or "".
std::string ScoringSetting(const PatternFile& s, std::string_view name);
bool ScoringNumber(const PatternFile& s, std::string_view name, Decimal* d);
// a × b, exact unless it needs more than 18 digits (then rounded).
bool MulDecimal(const Decimal& a, const Decimal& b, Decimal* out);

constexpr int kScale = 8;  // decimals of derived scores and ratios
Decimal Zero();
// x × w / y as an interval from the rounding of x and y (w is awarded, exact).
struct Interval {
  Decimal lo, hi;
};
bool Ratio(const Decimal& x, const Decimal& y, const Decimal& w, Decimal* out);
// Does the printed score (± half its last digit) meet [lo, hi]?
bool Within(const Decimal& score, const Interval& iv);
Decimal Min(const Decimal& a, const Decimal& b);
Decimal Max(const Decimal& a, const Decimal& b);
// [ (x−hx)·w/(y+hy), (x+hx)·w/(y−hy) ], capped at w when `cap`.
bool ScaledInterval(const Decimal& x, const Decimal& hx, const Decimal& y,
                    const Decimal& hy, const Decimal& w, bool cap, Interval* out);
// `d` rounded to `scale` decimals, as printed.
std::string Round(const Decimal& d, int scale);

// The 年度资金总额 row of a project form.
struct ExecutionFigures {
  bool found = false;
  std::string table;
  int initial_col = -1;  // 年初预算数, when the form has one
  const TypedRow* row = nullptr;
  const TypedSection* section = nullptr;
  const TypedTable* tt = nullptr;
};
bool FindExecution(const Extraction& ex, const PatternFile& s, ExecutionFigures* out);

}  // namespace jx::validate

#endif  // JXAUDIT_VALIDATE_RESULT_H_
