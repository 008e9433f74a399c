// Rules over one table section's columns and rows beyond sums: total
// columns against their groups, balances carried between years, asset
// identities, rates, spending above budget, partitions of 100%.
#include <algorithm>
#include <map>

#include "base/text.h"
#include "validate/check.h"
#include "validate/disclosure.h"
#include "validate/section_rules.h"

namespace jx::validate::section {

void SectionRules::ColumnTotals() {
  const std::vector<size_t> totals = TotalColumns(s_);
  // A real table has a handful of total columns; a row of them is no table.
  if (totals.size() > 64) return;
  for (size_t total_col : totals) {
    const std::vector<size_t> cols = ColumnParts(s_, total_col);
    if (cols.size() < 2) continue;
    for (const RowInfo& ri : rows_) {
      const TypedRow& row = Row(ri);
      ParsedNumber n;
      if (ReadSlot(row, total_col, &n) != Kind::kNumber || n.percent) continue;
      Term st{n.value, 1, false, ri.label, At(ri, total_col)};
      std::vector<Term> parts;
      bool ok = true;
      for (size_t c : cols) {
        ParsedNumber pn;
        Kind slot = ReadSlot(row, c, &pn);
        if (slot == Kind::kNotApplicable) continue;
        if (slot == Kind::kText || pn.percent) {
          ok = false;
          break;
        }
        Term term;
        term.label = s_.columns[c].label;
        term.at = At(ri, c);
        term.blank = slot == Kind::kBlank;
        term.value = pn.value;
        parts.push_back(term);
      }
      if (!ok || parts.size() < 2) continue;
      // Several totals in a row (合计 and a 小计) are told apart by name.
      std::string what = t_.id + " “" + ri.label + "”行" +
                         (totals.size() > 1 ? "“" + s_.columns[total_col].label + "”"
                                            : std::string("合计")) +
                         "与各列";
      sink_->ReportSum("sum.column", st, parts, what, UnitOf(total_col));
    }
  }
}

int SectionRules::FindCol(std::initializer_list<std::string_view> keys) const {
  for (size_t c = s_.first_column; c < s_.columns.size() && c < s_.end_column; ++c) {
    bool all = true;
    for (std::string_view k : keys) all &= s_.columns[c].HasPathKey(k);
    if (all) return static_cast<int>(c);
  }
  return -1;
}

void SectionRules::Carried() {
  int b = FindCol({"carry_begin"}), i = FindCol({"year_income"});
  int e = FindCol({"year_expense", "total"}), c = FindCol({"carryover"});
  if (e < 0)
    for (size_t k = s_.first_column; k < s_.columns.size() && k < s_.end_column; ++k)
      if (s_.columns[k].key == "year_expense") {
        e = static_cast<int>(k);
        break;
      }
  if (b < 0 || i < 0 || e < 0 || c < 0) return;
  for (const RowInfo& ri : rows_) {
    ParsedNumber n[4];
    const int cols[4] = {b, i, e, c};
    bool ok = true;
    for (int k = 0; k < 4; ++k)
      ok &= ReadSlot(Row(ri), static_cast<size_t>(cols[k]), &n[k]) == Kind::kNumber;
    if (!ok) continue;
    auto term = [&](int k, int sign) {
      return Term{n[k].value, sign, false, s_.columns[static_cast<size_t>(cols[k])].label,
                  At(ri, static_cast<size_t>(cols[k]))};
    };
    sink_->ReportSum(
        "identity.carry", term(3, 1), {term(0, 1), term(1, 1), term(2, -1)},
        t_.id + " “" + ri.label + "”年初结转结余 + 本年收入 − 本年支出 与年末结转结余",
        UnitOf(static_cast<size_t>(c)));
  }
}

void SectionRules::Assets() {
  for (const char* measure : {"quantity", "original_value"}) {
    int o = FindCol({"opening", measure}), i = FindCol({"increase", measure});
    int d = FindCol({"decrease", measure}), c = FindCol({"closing", measure});
    if (o < 0 || i < 0 || d < 0 || c < 0) continue;
    for (const RowInfo& ri : rows_) {
      ParsedNumber n[4];
      int cols[4] = {o, i, d, c};
      bool ok = true;
      for (int k = 0; k < 4; ++k)
        ok &= ReadSlot(Row(ri), static_cast<size_t>(cols[k]), &n[k]) == Kind::kNumber;
      if (!ok) continue;
      Term st{n[3].value, 1, false, "期末", At(ri, static_cast<size_t>(c))};
      std::vector<Term> parts = {
          {n[0].value, 1, false, "期初", At(ri, static_cast<size_t>(o))},
          {n[1].value, 1, false, "本期增加", At(ri, static_cast<size_t>(i))},
          {n[2].value, -1, false, "本期减少", At(ri, static_cast<size_t>(d))}};
      if (std::string(measure) == "quantity") {
        st.exact = true;
        for (Term& p : parts) p.exact = true;
      }
      std::string what = t_.id + " “" + ri.label + "”" +
                         (std::string(measure) == "quantity" ? "数量" : "原值") +
                         "：期初 + 本期增加 − 本期减少 与期末";
      sink_->ReportSum("identity.assets", st, parts, what,
                       std::string(measure) == "quantity" ? "" : t_.unit.text);
    }
  }
  int orig = FindCol({"closing", "original_value"});
  int dep = FindCol({"depreciation"}), net = FindCol({"net_value"});
  if (orig < 0 || dep < 0 || net < 0) return;
  for (const RowInfo& ri : rows_) {
    ParsedNumber a, b, n;
    if (ReadSlot(Row(ri), static_cast<size_t>(orig), &a) != Kind::kNumber ||
        ReadSlot(Row(ri), static_cast<size_t>(dep), &b) != Kind::kNumber ||
        ReadSlot(Row(ri), static_cast<size_t>(net), &n) != Kind::kNumber)
      continue;
    Term st{n.value, 1, false, "净值", At(ri, static_cast<size_t>(net))};
    std::vector<Term> parts = {
        {a.value, 1, false, "原值", At(ri, static_cast<size_t>(orig))},
        {b.value, -1, false, "累计折旧", At(ri, static_cast<size_t>(dep))}};
    sink_->ReportSum("identity.net_value", st, parts,
                     t_.id + " “" + ri.label + "”原值 − 累计折旧 与净值", t_.unit.text);
  }
}

void SectionRules::Rates() {
  auto col = [&](std::string_view key) {
    for (size_t c = s_.first_column; c < s_.columns.size() && c < s_.end_column; ++c)
      if (s_.columns[c].key == key) return static_cast<int>(c);
    return -1;
  };
  struct Pair {
    int rate, num, den;
  };
  int base = col("budget_adjusted");
  if (base < 0) base = col("budget_amount");
  if (base < 0) base = col("budget_initial");
  std::vector<Pair> pairs = {{col("rate"), col("budget_final"), base},
                             {col("carryover_rate"), col("carryover"), base}};
  for (const Pair& p : pairs) {
    if (p.rate < 0 || p.num < 0 || p.den < 0) continue;
    for (const RowInfo& ri : rows_) {
      ParsedNumber r, a, b;
      if (ReadSlot(Row(ri), static_cast<size_t>(p.rate), &r) != Kind::kNumber ||
          ReadSlot(Row(ri), static_cast<size_t>(p.num), &a) != Kind::kNumber ||
          ReadSlot(Row(ri), static_cast<size_t>(p.den), &b) != Kind::kNumber)
        continue;
      if (!r.percent) continue;
      RateOutcome o;
      if (!CompareRate("ratio", a.value, b.value, r, &o)) continue;
      Location at = At(ri, static_cast<size_t>(p.rate));
      sink_->Checked(at);
      sink_->Checked(At(ri, static_cast<size_t>(p.num)));
      sink_->Checked(At(ri, static_cast<size_t>(p.den)));
      if (o.consistent) continue;
      // A column whose header names nothing (a header cell the layout cut,
      // "全年预算" over "数") may hold the base the rate was taken of: when
      // the rate agrees with one of them, which base is meant is a doubt.
      // So may it when the base is a fallback (no 调整预算数 was named): the
      // rate is then against an unknown base, whatever it gives.
      std::string doubt, fallback;
      const bool fell_back = p.den != col("budget_adjusted");
      for (size_t c = s_.first_column; c < s_.columns.size() && c < s_.end_column; ++c) {
        ParsedNumber alt;
        RateOutcome ao;
        if (!s_.columns[c].key.empty() || static_cast<int>(c) == p.num ||
            static_cast<int>(c) == p.den || ReadSlot(Row(ri), c, &alt) != Kind::kNumber ||
            alt.percent || !CompareRate("ratio", a.value, alt.value, r, &ao))
          continue;
        const std::string& name = s_.columns[c].label;
        const std::string which =
            "表头未识别的" +
            (name.empty() ? "第 " + std::to_string(c + 1) + " 列" : "“" + name + "”列") +
            " " + Num(alt.value);
        if (ao.consistent) {
          doubt = "；按" + which + " 计算则相符，分母列无法确定";
          break;
        }
        if (fell_back && fallback.empty())
          fallback = "；按" + which + " 计算为 " + Num(ao.computed) + "%，分母列无法确定";
      }
      if (doubt.empty()) doubt = fallback;
      Finding& f = sink_->Add(
          "rate.table", doubt.empty() ? Severity::kError : Severity::kWarning, at,
          t_.id + " “" + ri.label + "”" + s_.columns[static_cast<size_t>(p.rate)].label +
              "不符：填报 " + r.comparator + Num(r.value) + "%，按 " + Num(a.value) +
              " / " + Num(b.value) + " 计算为 " + Num(o.computed) + "%" + doubt);
      f.has_numbers = true;
      f.stated = r.value;
      f.computed = o.computed;
      f.difference = o.difference;
      f.tolerance = o.tolerance;
      f.unit = "%";
      f.involved = {at, At(ri, static_cast<size_t>(p.num)),
                    At(ri, static_cast<size_t>(p.den))};
    }
  }
}

void SectionRules::Overspend() {
  auto col = [&](std::string_view key) {
    for (size_t c = s_.first_column; c < s_.columns.size() && c < s_.end_column; ++c)
      if (s_.columns[c].key == key) return static_cast<int>(c);
    return -1;
  };
  int fin = col("budget_final");
  int base = col("budget_adjusted");
  if (base < 0) base = col("budget_amount");
  if (fin < 0 || base < 0) return;
  for (const RowInfo& ri : rows_) {
    ParsedNumber a, b;
    if (ReadSlot(Row(ri), static_cast<size_t>(fin), &a) != Kind::kNumber ||
        ReadSlot(Row(ri), static_cast<size_t>(base), &b) != Kind::kNumber)
      continue;
    Term budget{b.value, 1, false, "预算", At(ri, static_cast<size_t>(base))};
    Term spent{a.value, 1, false, "决算", At(ri, static_cast<size_t>(fin))};
    SumOutcome o = CompareSum(budget, {spent});
    if (o.consistent || CompareDecimal(o.difference, Decimal{0, 0}) <= 0) continue;
    Finding& f = sink_->Add(
        "budget.overspend", Severity::kWarning, spent.at,
        t_.id + " “" + ri.label + "”" + s_.columns[static_cast<size_t>(fin)].label + " " +
            Num(a.value) + " 超过" + s_.columns[static_cast<size_t>(base)].label + " " +
            Num(b.value));
    f.has_numbers = true;
    f.stated = a.value;
    f.computed = b.value;
    SubDecimal(b.value, a.value, &f.difference);
    f.tolerance = o.tolerance;
    f.unit = UnitOf(static_cast<size_t>(fin));
    f.involved = {spent.at, budget.at};
  }
}

void SectionRules::Partition() {
  std::vector<size_t> periods;
  for (size_t c = s_.first_column; c < s_.columns.size() && c < s_.end_column; ++c)
    if (s_.columns[c].key == "plan_period") periods.push_back(c);
  if (periods.size() < 2) return;
  for (const TypedRow& row : s_.rows) {
    if (row.header) continue;
    std::vector<Term> parts;
    int known = 0;
    bool cumulative = true;
    Decimal prev{0, 0};
    bool bad = false;
    for (size_t c : periods) {
      ParsedNumber n;
      Kind slot = ReadSlot(row, c, &n);
      if (slot == Kind::kText || slot == Kind::kNotApplicable) bad = true;
      Term term;
      term.label = s_.columns[c].label;
      term.at = t_.At(row, c);
      term.exact = true;  // shares of a plan are allocated, not measured
      term.blank = slot != Kind::kNumber;
      if (slot == Kind::kNumber) {
        term.value = n.value;
        ++known;
        if (CompareDecimal(n.value, prev) < 0) cumulative = false;
        prev = n.value;
      }
      parts.push_back(term);
    }
    if (bad || known < 2) continue;
    // A share under a header that names nothing (blank, or a fragment the
    // header patterns do not know) is most likely a period whose header
    // the layout merged into its neighbour's or cut in two ("3月" over "底"
    // in a narrow column): the plan is then read both with and without it,
    // and a sum neither reading closes is a doubt. A named column (合计)
    // is what it says.
    std::vector<Term> unnamed;
    for (size_t c = s_.first_column; c < s_.columns.size() && c < s_.end_column; ++c) {
      if (!s_.columns[c].key.empty()) continue;
      ParsedNumber n;
      if (ReadSlot(row, c, &n) != Kind::kNumber || !n.percent) continue;
      Term share;
      share.label = s_.columns[c].label.empty()
                        ? std::string("表头空白的一栏")
                        : "表头为“" + s_.columns[c].label + "”的一栏";
      share.at = t_.At(row, c);
      share.exact = true;
      share.value = n.value;
      unnamed.push_back(share);
    }
    Term hundred{Decimal{100, 0}, 1, false, "100%", parts.front().at};
    hundred.exact = true;
    if (!unnamed.empty()) {
      std::vector<Term> all = unnamed;
      all.insert(all.end(), parts.begin(), parts.end());
      sink_->Checked(all);
      SumOutcome with = CompareSum(hundred, all), without = CompareSum(hundred, parts);
      if (with.consistent || without.consistent) continue;
      Finding& f =
          sink_->Add("percent.partition", Severity::kWarning, parts.front().at,
                     t_.id + " 资金支出计划各期占比之和未核对：有表头的各期之和 " +
                         Num(without.computed) + "%，连同未标明期次的栏之和 " +
                         Num(with.computed) + "%，均不为 100%；表头可能读错");
      f.evidence.push_back(Describe(all));
      continue;
    }
    if (cumulative && known == static_cast<int>(periods.size()) &&
        CompareDecimal(prev, Decimal{100, 0}) == 0) {
      sink_->Checked(parts);
      continue;  // a cumulative plan that reaches 100%
    }
    // 100% is the requirement itself: exact.
    sink_->ReportSum("percent.partition", hundred, parts,
                     t_.id + " 资金支出计划各期占比之和与 100%", "%",
                     /*requirement=*/true);
  }
}

}  // namespace jx::validate::section
