// The funds block of a project form: its sources (年度资金总额 = 当年财政拨款
// + 上年结转资金 + 其他资金), the 执行率 score, and the inflated self-score
// screen that sets the indicators' points against the execution rate.
#include "base/text.h"
#include "validate/check.h"
#include "validate/result.h"

namespace jx::validate {
namespace {

using Kind = TypedCell::Kind;

int ColumnOf(const TypedSection& s, std::string_view key) {
  for (size_t c = 0; c < s.columns.size(); ++c)
    if (s.columns[c].key == key) return static_cast<int>(c);
  return -1;
}

bool NumberAt(const TypedRow& r, int c, ParsedNumber* n) {
  if (c < 0) return false;
  const TypedCell& cell = r.Cell(static_cast<size_t>(c));
  if (cell.kind != Kind::kNumber) return false;
  *n = cell.number;
  return true;
}

// The funds block: 年度资金总额 and the rows of its sources below it.
void FundRows(const PatternFile& s, const TypedSection& sec, Sink* sink,
              const TypedTable& t, ExecutionFigures* out) {
  for (size_t i = 0; i < sec.rows.size(); ++i) {
    const TypedRow& total = sec.rows[i];
    if (total.header || !s.Matches("fund_total", total.label)) continue;
    std::vector<const TypedRow*> parts;
    for (size_t j = i + 1;
         j < sec.rows.size() && s.Matches("fund_part", sec.rows[j].label); ++j)
      parts.push_back(&sec.rows[j]);
    // Sources the form leaves out (no 其他资金 row) are unknown, not zero: a
    // total they would close is a warning, not an error.
    int unlisted = 0;
    for (const PatternFile::Entry* e : s.Named("fund_part")) {
      bool listed = false;
      for (const TypedRow* p : parts)
        listed |= RE2::PartialMatch(s.Prepare(p->label), e->re());
      unlisted += !listed;
    }
    if (sink && parts.size() >= 1) {
      for (const char* key :
           {"budget_initial", "budget_adjusted", "budget_final", "budget_amount"}) {
        int c = ColumnOf(sec, key);
        ParsedNumber n;
        if (c < 0 || !NumberAt(total, c, &n) || n.percent) continue;
        Term st{n.value, 1, false, total.label, t.At(total, static_cast<size_t>(c))};
        std::vector<Term> terms;
        bool ok = true;
        for (const TypedRow* p : parts) {
          TypedCell cell = p->Cell(static_cast<size_t>(c));
          if (cell.kind == Kind::kText ||
              (cell.kind == Kind::kNumber && cell.number.percent))
            ok = false;
          if (cell.kind == Kind::kNotApplicable) continue;
          Term term;
          term.label = p->label;
          term.at = t.At(*p, static_cast<size_t>(c));
          term.blank = cell.kind == Kind::kBlank;
          term.value = cell.number.value;
          terms.push_back(term);
        }
        if (!ok || terms.empty()) continue;
        for (int k = 0; k < unlisted; ++k) {
          Term missing;
          missing.blank = true;
          missing.label = "未列出的资金来源";
          terms.push_back(missing);
        }
        std::string col = sec.columns[static_cast<size_t>(c)].label;
        sink->ReportSum("sum.fund_sources", st, terms,
                        t.id + " “" + col + "”列年度资金总额与资金来源",
                        sec.columns[static_cast<size_t>(c)].unit.text);
      }
    }
    if (out && !out->found) {
      out->found = true;
      out->table = t.id;
      out->initial_col = ColumnOf(sec, "budget_initial");
      out->row = &total;
      out->section = &sec;
      out->tt = &t;
    }
    return;
  }
}

}  // namespace

bool FindExecution(const Extraction& ex, const PatternFile& s, ExecutionFigures* out) {
  for (const TypedTable& t : ex.tables)
    for (const TypedSection& sec : t.sections) {
      FundRows(s, sec, nullptr, t, out);
      if (out->found) return true;
    }
  return false;
}

namespace {

// 执行率 = 全年执行数 / 全年预算数; its score = 执行率 × 分值, at most the 分值.
void ExecutionRate(const Context& ctx, const PatternFile& s, Sink* sink) {
  for (const TypedTable& t : ctx.ex.tables)
    for (const TypedSection& sec : t.sections) {
      FundRows(s, sec, sink, t, nullptr);
      int fin = ColumnOf(sec, "budget_final"), bud = ColumnOf(sec, "budget_adjusted");
      if (bud < 0) bud = ColumnOf(sec, "budget_amount");
      int w = ColumnOf(sec, "weight"), sc = ColumnOf(sec, "score");
      if (fin < 0 || bud < 0 || w < 0 || sc < 0) continue;
      for (const TypedRow& r : sec.rows) {
        if (r.header || !s.Matches("fund_total", r.label)) continue;
        ParsedNumber a, b, wn, sn;
        if (!NumberAt(r, fin, &a) || !NumberAt(r, bud, &b) || !NumberAt(r, w, &wn) ||
            !NumberAt(r, sc, &sn))
          continue;
        // A percentage where the 分值 or 得分 should be means the row's cells
        // are not under the columns the header names (a column the layout
        // split or shifted): the score is not read from it.
        if (wn.percent || sn.percent) {
          const int odd = sn.percent ? sc : w;
          sink->Add("result.execution_rate", Severity::kWarning,
                    t.At(r, static_cast<size_t>(odd)),
                    t.id + " 预算执行率得分未核对：“" +
                        sec.columns[static_cast<size_t>(odd)].label + "”列为百分数 " +
                        Num(sn.percent ? sn.value : wn.value) +
                        "%，该行单元格可能与表头错位");
          continue;
        }
        Decimal ha = a.value.units == 0 ? Zero() : HalfUlp(a.value);
        Interval iv;
        if (!ScaledInterval(a.value, ha, b.value, HalfUlp(b.value), wn.value, true, &iv))
          continue;
        Location at = t.At(r, static_cast<size_t>(sc));
        std::vector<Location> used = {at, t.At(r, static_cast<size_t>(fin)),
                                      t.At(r, static_cast<size_t>(bud)),
                                      t.At(r, static_cast<size_t>(w))};
        for (const Location& l : used) sink->Checked(l);
        if (Within(sn.value, iv)) continue;
        // Provinces that give the full 分值 from a rate on (set.execution_full_from).
        Decimal from, rate;
        if (ScoringNumber(s, "set.execution_full_from", &from) &&
            CompareDecimal(sn.value, wn.value) == 0 &&
            Ratio(a.value, b.value, Decimal{100, 0}, &rate) &&
            CompareDecimal(rate, from) >= 0)
          continue;
        Decimal expected;
        if (!Ratio(a.value, b.value, wn.value, &expected)) continue;
        expected = Min(expected, wn.value);
        Finding& f = sink->Add(
            "result.execution_rate", Severity::kError, at,
            t.id + " 预算执行率得分不符：全年执行数 " + Num(a.value) + " / 全年预算数 " +
                Num(b.value) + " × 分值 " + Num(wn.value) + " = " +
                Round(expected, sn.value.scale + 2) + "，填报得分 " + Num(sn.value));
        f.has_numbers = true;
        f.stated = sn.value;
        DivideDecimal(expected, Decimal{1, 0}, sn.value.scale + 2, &f.computed);
        SubDecimal(f.computed, sn.value, &f.difference);
        f.unit = "分";
        f.involved = used;
      }
    }
}

// The indicators' share of their points against the execution rate: a
// project that spent 60% of its budget rarely earns 98% of its points.
void Inflated(const Context& ctx, const PatternFile& s, Sink* sink) {
  Decimal margin;
  if (!ScoringNumber(s, "set.inflated_margin", &margin)) return;
  for (const TypedTable& t : ctx.ex.tables)
    for (const TypedSection& sec : t.sections) {
      int fin = ColumnOf(sec, "budget_final"), bud = ColumnOf(sec, "budget_adjusted");
      if (bud < 0) bud = ColumnOf(sec, "budget_amount");
      if (fin < 0 || bud < 0) continue;
      for (const TypedRow& r : sec.rows) {
        if (r.header || !s.Matches("fund_total", r.label)) continue;
        ParsedNumber a, b;
        if (!NumberAt(r, fin, &a) || !NumberAt(r, bud, &b) ||
            CompareDecimal(b.value, Zero()) <= 0)
          continue;
        Decimal got = Zero(), of = Zero();
        for (const Indicator& ind : ctx.ex.indicators) {
          if (ind.table != t.id || ind.is_total || !ind.has_weight || !ind.has_score ||
              ind.weight_from != "column")
            continue;
          AddDecimal(got, ind.score, &got);
          AddDecimal(of, ind.weight, &of);
        }
        if (CompareDecimal(of, Zero()) <= 0) continue;
        Decimal rate, share, gap;
        if (!Ratio(a.value, b.value, Decimal{100, 0}, &rate) ||
            !Ratio(got, of, Decimal{100, 0}, &share))
          continue;
        SubDecimal(share, rate, &gap);
        if (CompareDecimal(gap, margin) <= 0) continue;
        Location at = t.At(r, static_cast<size_t>(fin));
        Finding& f = sink->Add(
            "result.inflated", Severity::kWarning, at,
            t.id + " 自评得分偏高：绩效指标得分 " + Num(got) + " / " + Num(of) + " 分（" +
                Round(share, 2) + "%），而预算执行率仅 " + Round(rate, 2) + "%，高出 " +
                Round(gap, 2) + " 个百分点（阈值 " + Num(margin) + "）");
        f.has_numbers = true;
        f.stated = share;
        f.computed = rate;
        SubDecimal(rate, share, &f.difference);
        f.unit = "%";
        f.involved = {at, t.At(r, static_cast<size_t>(bud))};
        return;
      }
    }
}

}  // namespace

void ExecutionRules(const Context& ctx, const PatternFile& s, Sink* sink) {
  ExecutionRate(ctx, s, sink);
  Inflated(ctx, s, sink);
}

}  // namespace jx::validate
