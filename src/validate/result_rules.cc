// Rules over results: each indicator's score against what it achieved, the
// 执行率 score, the funds block of a project form, and the screens a
// reviewer runs (over-achievement, inflated self-scores). Methods, ratios and
// bands come from patterns/scoring.txt.
#include <algorithm>

#include "base/text.h"
#include "validate/check.h"
#include "validate/result.h"

namespace jx::validate {

using i128 = __int128;

std::string ScoringSetting(const PatternFile& s, std::string_view name) {
  for (const PatternFile::Entry* e : s.Named(name)) return e->pattern;
  return "";
}

bool ScoringNumber(const PatternFile& s, std::string_view name, Decimal* d) {
  ParsedNumber n;
  std::string v = ScoringSetting(s, name);
  if (v.empty() || !ParseNumber(v, &n)) return false;
  *d = n.value;
  return true;
}

bool MulDecimal(const Decimal& a, const Decimal& b, Decimal* out) {
  i128 u = static_cast<i128>(a.units) * b.units;
  int scale = a.scale + b.scale;
  // Drop decimals beyond what 18 digits hold, rounding half away from zero.
  while ((u > kDecimalMaxUnits || u < -kDecimalMaxUnits) && scale > 0) {
    i128 q = u / 10, r = u % 10;
    if (r >= 5) ++q;
    if (r <= -5) --q;
    u = q;
    --scale;
  }
  if (u > kDecimalMaxUnits || u < -kDecimalMaxUnits) return false;
  *out = Decimal{static_cast<int64_t>(u), scale};
  return true;
}

Decimal Zero() { return Decimal{0, 0}; }

bool Ratio(const Decimal& x, const Decimal& y, const Decimal& w, Decimal* out) {
  Decimal xw;
  return MulDecimal(x, w, &xw) && DivideDecimal(xw, y, kScale, out);
}

// Does the printed score (± half its last digit) meet [lo, hi]?
bool Within(const Decimal& score, const Interval& iv) {
  Decimal h = HalfUlp(score), lo, hi;
  SubDecimal(score, h, &lo);
  AddDecimal(score, h, &hi);
  return CompareDecimal(hi, iv.lo) >= 0 && CompareDecimal(lo, iv.hi) <= 0;
}

Decimal Min(const Decimal& a, const Decimal& b) {
  return CompareDecimal(a, b) <= 0 ? a : b;
}
Decimal Max(const Decimal& a, const Decimal& b) {
  return CompareDecimal(a, b) >= 0 ? a : b;
}

// [ (x−hx)·w/(y+hy), (x+hx)·w/(y−hy) ], capped at w when `cap`.
bool ScaledInterval(const Decimal& x, const Decimal& hx, const Decimal& y,
                    const Decimal& hy, const Decimal& w, bool cap, Interval* out) {
  Decimal xl, xh, yl, yh;
  SubDecimal(x, hx, &xl);
  AddDecimal(x, hx, &xh);
  AddDecimal(y, hy, &yh);
  SubDecimal(y, hy, &yl);
  if (CompareDecimal(yl, Zero()) <= 0) return false;
  if (CompareDecimal(xl, Zero()) < 0) xl = Zero();
  if (!Ratio(xl, yh, w, &out->lo) || !Ratio(xh, yl, w, &out->hi)) return false;
  if (cap) out->lo = Min(out->lo, w), out->hi = Min(out->hi, w);
  return true;
}

std::string Round(const Decimal& d, int scale) {
  Decimal r;
  if (!DivideDecimal(d, Decimal{1, 0}, scale, &r)) return Num(d);
  return Num(r);
}

namespace {

std::string Name(const Indicator& ind) {
  return ind.levels.empty() ? "" : "“" + ind.levels.back() + "”";
}

// "12.0" as "12": derived bounds carry the scale of their factors.
std::string Short(Decimal d) {
  while (d.scale > 0 && d.units % 10 == 0) d.units /= 10, --d.scale;
  return Num(d);
}

std::string Show(const Quantity& q) {
  std::string s = Num(q.value);
  if (q.has_high) s += "-" + Num(q.high);
  return s + q.unit;
}

class IndicatorRules {
 public:
  IndicatorRules(const Context& ctx, const PatternFile& s, Sink* sink)
      : ctx_(ctx), s_(s), sink_(sink) {}

  void Run() {
    for (const Indicator& ind : ctx_.ex.indicators) {
      if (ind.is_total) continue;
      Unquantified(ind);
      OverAchievement(ind);
      if (!ind.has_weight || !ind.has_score || CompareDecimal(ind.weight, Zero()) <= 0)
        continue;
      Outcome o = Judge(ind);
      if (o.comparable) Quantitative(ind, o);
      if (ind.direction == "qualitative") Qualitative(ind, &o);
      DeviationReason(ind, o);
    }
  }

 private:
  struct Outcome {
    bool comparable = false;  // both numbers, one unit
    bool met = false;         // the result reaches the target
    bool known = false;       // met is known (quantitative or qualitative)
    std::string how;          // what the result was compared as
  };

  Outcome Judge(const Indicator& ind) const {
    Outcome o;
    const Quantity &t = ind.target_q, &a = ind.actual_q;
    if (!t.has || !a.has || t.unit != a.unit || ind.direction.empty() ||
        ind.direction == "qualitative")
      return o;
    o.comparable = o.known = true;
    if (ind.direction == "positive") {
      o.met = CompareDecimal(a.value, t.value) >= 0;
    } else if (ind.direction == "reverse") {
      o.met = CompareDecimal(a.value, t.value) <= 0;
    } else {  // range
      o.met =
          CompareDecimal(a.value, t.value) >= 0 && CompareDecimal(a.value, t.high) <= 0;
    }
    return o;
  }

  Finding& Add(const std::string& rule, Severity sev, const Indicator& ind,
               const std::string& msg, bool numbers) {
    Location at = ind.has_score ? ind.score_at : ind.target_at;
    Finding& f = sink_->Add(rule, sev, at, msg);
    if (numbers) {
      f.has_numbers = true;
      f.stated = ind.score;
      f.computed = ind.weight;
      SubDecimal(ind.weight, ind.score, &f.difference);
      f.unit = "分";
    }
    f.evidence = {ind.target, ind.actual};
    for (const Location& l : {ind.score_at, ind.weight_at, ind.target_at, ind.actual_at})
      if (!l.table.empty()) f.involved.push_back(l);
    return f;
  }

  void CheckedAll(const Indicator& ind) {
    for (const Location& l : {ind.score_at, ind.weight_at, ind.target_at, ind.actual_at})
      if (!l.table.empty()) sink_->Checked(l);
  }

  std::string Head(const Indicator& ind) const {
    return ind.table + " " + Name(ind) + "目标 " + ind.target + "，实际 " + ind.actual +
           "，";
  }

  void Quantitative(const Indicator& ind, const Outcome& o) {
    CheckedAll(ind);
    const Quantity &t = ind.target_q, &a = ind.actual_q;
    bool full = CompareDecimal(ind.score, ind.weight) >= 0;
    const std::string score =
        "得分 " + Num(ind.score) + "（分值 " + Num(ind.weight) + "）";
    if (!o.met && full) {
      bool over = ind.direction == "reverse" ||
                  (ind.direction == "range" && CompareDecimal(a.value, t.high) > 0);
      if (ind.direction == "range" && over) {
        // Above a range: whether that counts as reaching it is the method's call.
        Add("result.full_marks_short", Severity::kInfo, ind,
            Head(ind) + "超出目标区间上限，仍得满分；是否算完成取决于评分办法", true);
        return;
      }
      Add(over ? "result.full_marks_over" : "result.full_marks_short", Severity::kError,
          ind,
          Head(ind) + (over ? "超过目标上限" : "未达到目标") + "，却得满分：" + score,
          true);
      return;
    }
    if (o.met && !full) {
      if (ExplainedBySatisfaction(ind)) {
        Add("result.points_lost", Severity::kInfo, ind,
            Head(ind) + "已完成目标但扣分：" + score + "；按满意度比例计分（" +
                Num(a.value) + "% × " + Num(ind.weight) + "）可解释",
            true);
        return;
      }
      Add("result.points_lost", Severity::kWarning, ind,
          Head(ind) + "已完成目标，却被扣分：" + score, true);
      return;
    }
    if (!o.met && !full) Method(ind);
  }

  // A reduced score against the configured method (and its accepted
  // alternatives), at the printed decimals of the score.
  void Method(const Indicator& ind) {
    const Quantity &t = ind.target_q, &a = ind.actual_q;
    std::vector<std::pair<std::string, Interval>> ways;
    Interval iv;
    Decimal expected;  // the configured method's score, unrounded
    bool has_expected = false;
    if (ind.direction == "positive" || ind.direction == "range") {
      if (CompareDecimal(t.value, Zero()) <= 0) return;
      if (ScaledInterval(a.value, a.half, t.value, t.half, ind.weight, true, &iv))
        ways.push_back({"完成值/目标值 × 分值", iv});
      has_expected = Ratio(a.value, t.value, ind.weight, &expected);
    } else if (ind.direction == "reverse") {
      std::string method = ScoringSetting(s_, "set.reverse_method");
      std::string alt = ScoringSetting(s_, "set.reverse_alternative");
      for (const std::string& m : {method, alt}) {
        if (m == "inverse" &&
            ScaledInterval(t.value, t.half, a.value, a.half, ind.weight, true, &iv)) {
          ways.push_back({"目标值/完成值 × 分值", iv});
          if (!has_expected)
            has_expected = Ratio(t.value, a.value, ind.weight, &expected);
        }
        if (m == "two_minus" && CompareDecimal(t.value, Zero()) > 0) {
          // (2 − A/T) × w = 2w − A·w/T; A·w/T grows with A and shrinks with T.
          Interval r;
          if (!ScaledInterval(a.value, a.half, t.value, t.half, ind.weight, false, &r))
            continue;
          Decimal two_w;
          AddDecimal(ind.weight, ind.weight, &two_w);
          SubDecimal(two_w, r.hi, &iv.lo);
          SubDecimal(two_w, r.lo, &iv.hi);
          iv.lo = Max(iv.lo, Zero());
          iv.hi = Max(iv.hi, Zero());
          ways.push_back({"(2 − 完成值/目标值) × 分值", iv});
        }
      }
    }
    if (ways.empty()) return;
    for (const auto& w : ways)
      if (Within(ind.score, w.second)) return;
    Decimal mid;
    if (has_expected) {
      DivideDecimal(Min(expected, ind.weight), Decimal{1, 0}, ind.score.scale + 2, &mid);
    } else {
      AddDecimal(ways[0].second.lo, ways[0].second.hi, &mid);
      DivideDecimal(mid, Decimal{2, 0}, ind.score.scale + 2, &mid);
    }
    Finding& f = Add("result.method", Severity::kWarning, ind,
                     Head(ind) + "得分 " + Num(ind.score) + "，按" + ways[0].first +
                         "应为 " + Num(mid),
                     true);
    f.computed = mid;
    SubDecimal(mid, ind.score, &f.difference);
  }

  // Some provinces score satisfaction as the surveyed share × 分值.
  bool ExplainedBySatisfaction(const Indicator& ind) const {
    if (!ind.satisfaction || ind.actual_q.unit != "%" ||
        ScoringSetting(s_, "set.satisfaction_alternative") != "result_share")
      return false;
    Interval iv;
    if (!ScaledInterval(ind.actual_q.value, ind.actual_q.half, Decimal{100, 0}, Zero(),
                        ind.weight, true, &iv))
      return false;
    return Within(ind.score, iv);
  }

  void Qualitative(const Indicator& ind, Outcome* o) {
    if (ind.actual_blank) return;
    std::string band;
    std::string said = MatchKey(ind.actual);
    if (said == MatchKey(ind.target)) {
      band = "achieved";
    } else if (s_.Matches("qual_missed", said)) {
      band = "missed";
    } else if (s_.Matches("qual_partial", said)) {
      band = "partial";
    } else if (s_.Matches("qual_achieved", said)) {
      band = "achieved";
    }
    if (band.empty()) return;
    o->known = true;
    o->met = band == "achieved";
    std::string range = ScoringSetting(s_, "set.band." + band);
    size_t sp = range.find(' ');
    ParsedNumber lo, hi;
    if (sp == std::string::npos || !ParseNumber(range.substr(0, sp), &lo) ||
        !ParseNumber(TrimSpace(range.substr(sp + 1)), &hi))
      return;
    CheckedAll(ind);
    Decimal wl, wh;
    MulDecimal(lo.value, ind.weight, &wl);
    MulDecimal(hi.value, ind.weight, &wh);
    if (Within(ind.score, Interval{wl, wh})) return;
    const char* names[] = {"达成", "部分达成", "未达成"};
    const char* name = band == "achieved"  ? names[0]
                       : band == "partial" ? names[1]
                                           : names[2];
    Finding& f = Add("result.qualitative_band", Severity::kWarning, ind,
                     Head(ind) + "属“" + name + "”，应得 " + Short(wl) + "–" + Short(wh) +
                         " 分（分值的 " + Num(lo.value) + "–" + Num(hi.value) +
                         " 倍），自评得分 " + Num(ind.score),
                     true);
    f.computed = CompareDecimal(ind.score, wh) > 0 ? wh : wl;
    SubDecimal(f.computed, ind.score, &f.difference);
  }

  void DeviationReason(const Indicator& ind, const Outcome& o) {
    // A deviation is the result's distance from its target: a rubric row
    // with no target (部门整体 frameworks) has none to explain.
    if (!ind.has_deviation || IsBlank(ind.target) ||
        CompareDecimal(ind.score, ind.weight) >= 0)
      return;
    if (!s_.Matches("no_reason", ind.deviation)) return;
    sink_->Checked(ind.score_at);
    if (o.known && o.met) {
      // The target was reached: there is no deviation to explain, only the
      // lost points (result.points_lost says so where it can tell).
      Add("result.no_reason", Severity::kInfo, ind,
          ind.table + " " + Name(ind) + "得分 " + Num(ind.score) + " 低于分值 " +
              Num(ind.weight) + "，目标已完成，偏差原因栏未说明扣分原因",
          true);
      return;
    }
    Finding& f =
        Add("result.no_reason", Severity::kWarning, ind,
            ind.table + " " + Name(ind) + "得分 " + Num(ind.score) + " 低于分值 " +
                Num(ind.weight) + "，未填写偏差原因分析及改进措施",
            true);
    if (!ind.deviation_at.table.empty()) f.involved.push_back(ind.deviation_at);
  }

  // A number in digits or in Chinese numerals with what they count ("三个").
  bool HasNumber(const std::string& text) const {
    std::string key = MatchKey(text);
    return std::any_of(key.begin(), key.end(),
                       [](char c) { return c >= '0' && c <= '9'; }) ||
           s_.Matches("numeral", key);
  }

  Severity UnquantifiedSeverity() const {
    std::string sev =
        ScoringSetting(s_, "set.unquantified_severity." + ctx_.ex.info.kind);
    if (sev.empty()) sev = ScoringSetting(s_, "set.unquantified_severity");
    return sev == "info" ? Severity::kInfo : Severity::kWarning;
  }

  void Unquantified(const Indicator& ind) {
    if (!ind.quantitative || IsBlank(ind.target)) return;
    if (!HasNumber(ind.target)) {
      Location at = ind.target_at.table.empty() ? ind.where : ind.target_at;
      Finding& f = sink_->Add("result.unquantified", UnquantifiedSeverity(), at,
                              ind.table + " " + Name(ind) + "是定量指标，年度指标值“" +
                                  ind.target + "”没有数值，完成情况无法核对");
      f.evidence = {ind.target};
      f.involved = {at};
      return;  // its result cannot be held against it either
    }
    // A result in the words that say nothing measurable ("达成预期指标"):
    // other words without a number are not judged here.
    if (ind.actual_blank || HasNumber(ind.actual) ||
        !s_.Matches("unquantified_result", ind.actual))
      return;
    Location at = ind.actual_at.table.empty() ? ind.where : ind.actual_at;
    Finding& f =
        sink_->Add("result.unquantified_actual", UnquantifiedSeverity(), at,
                   ind.table + " " + Name(ind) + "是定量指标（年度指标值 " + ind.target +
                       "），实际完成值“" + ind.actual + "”没有数值，是否完成无法核对");
    f.evidence = {ind.target, ind.actual};
    f.involved = {at};
    if (!ind.target_at.table.empty()) f.involved.push_back(ind.target_at);
  }

  void OverAchievement(const Indicator& ind) {
    const Quantity &t = ind.target_q, &a = ind.actual_q;
    if (ind.direction != "positive" || !t.has || !a.has || t.unit != a.unit ||
        CompareDecimal(t.value, Zero()) <= 0)
      return;
    Decimal ratio, bound;
    if (!ScoringNumber(s_, "set.over_ratio", &ratio) ||
        !MulDecimal(ratio, t.value, &bound))
      return;
    if (CompareDecimal(a.value, bound) < 0) return;
    Severity sev = ScoringSetting(s_, "set.over_severity") == "warning"
                       ? Severity::kWarning
                       : Severity::kInfo;
    Decimal share;
    DivideDecimal(a.value, t.value, 2, &share);
    Location at = ind.actual_at.table.empty() ? ind.where : ind.actual_at;
    Finding& f = sink_->Add("result.over_achievement", sev, at,
                            ind.table + " " + Name(ind) + "实际 " + Show(a) + " 是目标 " +
                                Show(t) + " 的 " + Num(share) + " 倍（≥ " + Num(ratio) +
                                " 倍），目标可能定得过低");
    f.has_numbers = true;
    f.stated = a.value;
    f.computed = bound;
    SubDecimal(bound, a.value, &f.difference);
    f.unit = a.unit;
    f.evidence = {ind.target, ind.actual};
    f.involved = {at, ind.target_at};
  }

  const Context& ctx_;
  const PatternFile& s_;
  Sink* sink_;
};

}  // namespace

void ResultRules(const Context& ctx, Sink* sink) {
  const PatternFile* s = ctx.patterns.file("scoring");
  if (!s) return;
  IndicatorRules(ctx, *s, sink).Run();
  ExecutionRules(ctx, *s, sink);
}

}  // namespace jx::validate
