// Rules over named figures: forms, sentences, and one figure stated twice.
#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <set>

#include "base/text.h"
#include "validate/check.h"

namespace jx::validate {
namespace {

using extract::ToYuan;

// The rounding radius of a figure's printed value, in 元.
Decimal HalfYuan(const Figure& f) {
  int e = f.unit.pow10 - f.number.value.scale - 1;
  if (e >= 0) {
    int64_t v = 5;
    for (int i = 0; i < e; ++i) v *= 10;
    return Decimal{v, 0};
  }
  return Decimal{5, -e};
}

Term YuanTerm(const Figure& f, int sign = 1) {
  Term t;
  t.sign = sign;
  t.blank = f.blank;
  t.label = f.label;
  t.at = f.where;
  if (!f.blank) {
    t.value = f.yuan;
    t.has_half = true;
    t.half = HalfYuan(f);
  }
  return t;
}

Term PrintedTerm(const Figure& f, int sign = 1) {
  Term t;
  t.sign = sign;
  t.blank = f.blank;
  t.label = f.label;
  t.at = f.where;
  t.value = f.number.value;
  return t;
}

bool IsSource(const std::string& name) { return name.starts_with("source_"); }

}  // namespace

void FormRules(const Context& ctx, Sink* sink) {
  std::map<std::string, std::vector<const Figure*>> by_table;
  for (const Figure& f : ctx.ex.figures)
    if (f.source == "form") by_table[f.where.table].push_back(&f);
  for (const auto& [table, figs] : by_table) {
    const Figure* total = nullptr;
    std::vector<const Figure*> sources, structure;
    for (const Figure* f : figs) {
      if (f->name == "budget_total" && !f->blank && !total) total = f;
      if (IsSource(f->name)) sources.push_back(f);
      if (f->name == "basic" || f->name == "project") structure.push_back(f);
    }
    if (!total) continue;
    std::string unit = total->unit.text;
    const std::string& id = table;  // clang 14 cannot capture a structured binding
    auto check = [&](const std::vector<const Figure*>& parts, const std::string& what) {
      if (parts.empty()) return;
      bool any = false;
      for (const Figure* p : parts) any |= !p->blank;
      if (!any) return;
      std::vector<Term> terms;
      for (const Figure* p : parts) terms.push_back(PrintedTerm(*p));
      sink->ReportSum("sum.form", PrintedTerm(*total), terms, id + " " + what, unit);
    };
    check(sources, "预算总额与资金来源");
    if (structure.size() >= 2) check(structure, "预算总额与基本支出、项目支出");
  }
}

namespace {

// Does the breakdown close if part i was meant in another money unit (元 ↔
// 万元 …)? Returns the unit shift that closes it, or 0.
int ClosingShift(const Term& total, std::vector<Term>* parts,
                 const std::vector<Figure>& figs, size_t i) {
  const Term keep = (*parts)[i];
  int found = 0;
  for (int k : {4, -4, 3, -3, 2, -2}) {
    Figure alt = figs[i];
    alt.unit.pow10 += k;
    if (!ToYuan(alt.number, alt.unit, &alt.yuan)) continue;
    (*parts)[i] = YuanTerm(alt);
    if (CompareSum(total, *parts).consistent) {
      found = k;
      break;
    }
  }
  (*parts)[i] = keep;
  return found;
}

const char* MoneyUnitName(int pow10) {
  switch (pow10) {
    case 0:
      return "元";
    case 2:
      return "百元";
    case 3:
      return "千元";
    case 4:
      return "万元";
    case 6:
      return "百万元";
    case 8:
      return "亿元";
  }
  return "?";
}

void Breakdowns(const Context& ctx, Sink* sink) {
  for (const Breakdown& b : ctx.ex.breakdowns) {
    bool yuan = b.total.has_yuan;
    for (const Figure& p : b.parts) yuan &= p.has_yuan;
    if (!yuan) continue;
    Term total = YuanTerm(b.total);
    std::vector<Term> parts;
    for (const Figure& p : b.parts) parts.push_back(YuanTerm(p));
    SumOutcome o = CompareSum(total, parts);
    bool slipped = false;
    // One part in the wrong unit is a slip a reader makes; try it on short
    // breakdowns only.
    constexpr size_t kMaxSlipParts = 12;
    // A list that may be cut short explains nothing by a slip.
    for (size_t i = 0; i < parts.size() && parts.size() <= kMaxSlipParts &&
                       !o.consistent && !slipped && !b.open_end;
         ++i) {
      int k = ClosingShift(total, &parts, b.parts, i);
      if (k == 0) continue;
      slipped = true;
      const Figure& p = b.parts[i];
      sink->Checked(total.at);
      Finding& f =
          sink->Add("unit.slip", Severity::kError, p.where,
                    "单位疑似错误：“" + b.total.label + "”" + Num(b.total.number.value) +
                        b.total.unit.text + "，其中“" + p.label + "”写作 " +
                        Num(p.number.value) + p.unit.text + "；按 " +
                        MoneyUnitName(p.unit.pow10 + k) + " 计分项之和才等于总数");
      // The part as printed, and what it must be (in its printed unit) for
      // the breakdown to close.
      Decimal want;
      ShiftDecimal(p.number.value, k, &want);
      f.has_numbers = true;
      f.stated = p.number.value;
      f.computed = want;
      SubDecimal(want, p.number.value, &f.difference);
      f.tolerance = HalfUlp(p.number.value);
      f.unit = p.unit.text;
      f.evidence.push_back(b.evidence);
      f.involved.push_back(total.at);
    }
    if (slipped) continue;
    Finding* f =
        sink->ReportSum("sum.sentence", total, parts,
                        "“" + b.total.label + "”与其中所列分项（折合为元）", "元");
    if (f && b.open_end && f->severity == Severity::kError) {
      f->severity = Severity::kWarning;
      f->message += "（所列分项至段末未结句，可能因分行而不全，仅作警告）";
    }
  }
}

void Rates(const Context& ctx, Sink* sink) {
  for (const StatedRate& r : ctx.ex.rates) {
    Decimal a = r.a.number.value, b = r.b.number.value;
    if (r.a.unit.pow10 != r.b.unit.pow10) {
      if (!r.a.has_yuan || !r.b.has_yuan) continue;
      a = r.a.yuan;
      b = r.b.yuan;
    }
    RateOutcome o;
    if (!CompareRate(r.kind, a, b, r.rate, &o)) continue;
    sink->Checked(r.where);
    if (o.consistent) continue;
    if (r.derived_base) {
      // A base derived from two printed figures is off by up to both their
      // roundings: one more half unit either way.
      Decimal half = HalfUlp(b), lo, hi;
      RateOutcome lo_o, hi_o;
      if (SubDecimal(b, half, &lo) && CompareRate(r.kind, a, lo, r.rate, &lo_o) &&
          lo_o.consistent)
        continue;
      if (AddDecimal(b, half, &hi) && CompareRate(r.kind, a, hi, r.rate, &hi_o) &&
          hi_o.consistent)
        continue;
    }
    std::string formula =
        r.kind == "ratio" ? Num(r.a.number.value) + " / " + Num(r.b.number.value)
                          : "(" + Num(r.a.number.value) + " − " + Num(r.b.number.value) +
                                ") / " + Num(r.b.number.value);
    Finding& f = sink->Add("rate.sentence", Severity::kError, r.where,
                           "文中比率不符：填报 " + r.rate.comparator + Num(r.rate.value) +
                               "%，按 " + formula + " 计算为 " + Num(o.computed) + "%");
    f.has_numbers = true;
    f.stated = r.rate.value;
    f.computed = o.computed;
    f.difference = o.difference;
    f.tolerance = o.tolerance;
    f.unit = "%";
    f.evidence.push_back(r.evidence);
  }
}

}  // namespace

void SentenceRules(const Context& ctx, Sink* sink) {
  Breakdowns(ctx, sink);
  Rates(ctx, sink);
}

namespace {

bool SameYuan(const Figure& a, const Figure& b) {
  return SamePrinted(a.yuan, HalfYuan(a), b.yuan, HalfYuan(b));
}

// a = b × 10^k for a unit step k ≠ 0?
int SlipShift(const Figure& a, const Figure& b) {
  for (int k : {2, -2, 3, -3, 4, -4, 6, -6, 8, -8}) {
    Figure alt = b;
    alt.unit.pow10 += k;
    if (!ToYuan(alt.number, alt.unit, &alt.yuan)) continue;
    if (SameYuan(a, alt)) return k;
  }
  return 0;
}

void Implausible(const Context& ctx, Sink* sink) {
  // A budget table whose amounts, read in the unit its header gives, are a few
  // 元: the header's unit is wrong (百元 printed for 百万元).
  std::set<std::string> done;
  for (const Figure& f : ctx.ex.figures) {
    if (f.source != "table" || !f.has_yuan || f.unit.kind != "money") continue;
    if (!ctx.patterns.file("columns")->Matches("budget_stage", f.column.str())) continue;
    if (f.name != "budget_total" && !f.total_row) continue;
    if (f.yuan.units <= 0 || CompareDecimal(f.yuan, Decimal{1000, 0}) >= 0) continue;
    if (!done.insert(f.where.table).second) continue;
    Finding& fd =
        sink->Add("unit.implausible", Severity::kWarning, f.where,
                  f.where.table + " 单位不合理：“" + f.label + "”" +
                      (f.column_label.empty() ? "" : "（" + f.column_label.str() + "）") +
                      " 为 " + Num(f.number.value) + f.unit.text + "，即 " + Num(f.yuan) +
                      " 元，预算金额不应如此之小，表头单位可能有误");
    fd.has_numbers = true;
    fd.stated = f.number.value;
    fd.computed = f.yuan;
    fd.unit = f.unit.text;
    fd.evidence.push_back(f.evidence);
    fd.involved.push_back(f.where);
  }
}

// Where a figure is printed, for messages: "文中" or "t3 “合计”（预算额）".
std::string PlaceOf(const Figure& f) {
  if (f.source == "sentence") return "“" + f.label + "”文中";
  return f.where.table + " “" + f.label + "”" +
         (f.column_label.empty() ? "" : "（" + f.column_label.str() + "）");
}

// `ref` and the figures of one table name the same thing. Nothing when one of
// them agrees; a unit slip when one agrees at another power of ten; else a
// conflict.
void CompareNamed(const Figure& ref, const std::vector<const Figure*>& figs, Sink* sink) {
  bool match = false;
  int shift = 0;
  const Figure* slip = nullptr;
  for (const Figure* t : figs) {
    if (SameYuan(ref, *t)) match = true;
    if (int k = SlipShift(ref, *t); k != 0 && !slip) slip = t, shift = k;
  }
  sink->Checked(ref.where);
  for (const Figure* t : figs) sink->Checked(t->where);
  if (match) return;
  const Figure* t = slip ? slip : figs.front();
  std::string msg = PlaceOf(ref) + "为 " + Num(ref.number.value) + ref.unit.text + "，" +
                    PlaceOf(*t) + "为 " + Num(t->number.value) + t->unit.text;
  Finding& f = sink->Add(slip ? "unit.slip" : "figure.conflict",
                         slip ? Severity::kError : Severity::kWarning, t->where,
                         slip ? "单位疑似错误：" + msg + "；二者只相差 10 的 " +
                                    std::to_string(shift) + " 次方倍"
                              : "同一数字前后不一致：" + msg);
  f.has_numbers = true;
  f.stated = t->number.value;
  f.unit = t->unit.text;
  // What the figure would read in its own unit if it agreed.
  Decimal want;
  if (ShiftDecimal(ref.yuan, -t->unit.pow10, &want)) {
    int keep = std::max(ref.number.value.scale, t->number.value.scale);
    while (want.scale > keep && want.units % 10 == 0) want.units /= 10, --want.scale;
    f.computed = want;
    SubDecimal(want, t->number.value, &f.difference);
  }
  f.evidence = {ref.evidence, t->evidence};
  f.involved = {ref.where, t->where};
}

// Where a project's own rows begin in each table that has them: a table
// that names one project (项目名称) in its first rows totals that project,
// not the department, and a 项目名称 row further down opens a project's form
// in the rows below it (forms printed one after another, or joined into one
// table from a page's geometry). Figures from there on are not the
// department's.
class ProjectRows {
 public:
  explicit ProjectRows(const Context& ctx) {
    const PatternFile* st = ctx.patterns.file("structure");
    for (const TypedTable& t : ctx.ex.tables) {
      std::optional<int> from;
      if (t.names_project) from = std::numeric_limits<int>::min();
      for (const TypedSection& sec : t.sections)
        for (const TypedRow& r : sec.rows)
          if ((!from || r.row < *from) && st && st->Matches("project_label", r.label))
            from = r.row;
      if (from) from_[t.id] = *from;
    }
  }
  bool Covers(const Location& at) const {
    auto it = from_.find(at.table);
    return it != from_.end() && at.row >= it->second;
  }

 private:
  std::map<std::string, int> from_;
};

void SameFigure(const Context& ctx, Sink* sink) {
  const ProjectRows project_rows(ctx);
  // A budget table's 合计 row is the total the text calls 预算总额 or
  // 支出决算总额, depending on the column.
  auto name_of = [&](const Figure& f) -> std::string {
    if (!f.name.empty() || f.source != "table" || !f.total_row ||
        project_rows.Covers(f.where))
      return f.name;
    if (f.column == "budget_final") return "expenditure_total";
    if (f.column == "budget_amount" || f.column == "budget_adjusted")
      return "budget_total";
    return "";
  };
  std::map<std::string, std::map<std::string, std::vector<const Figure*>>> by_name;
  for (const Figure& f : ctx.ex.figures) {
    std::string name = name_of(f);
    if (!name.empty() && f.has_yuan && !f.blank && f.source != "sentence")
      by_name[name][f.where.table].push_back(&f);
  }
  // The first sentence that names a figure is compared with each table that
  // states it.
  std::set<std::string> seen;
  for (const Figure& s : ctx.ex.figures) {
    if (s.source != "sentence" || s.name.empty() || !s.has_yuan) continue;
    auto it = by_name.find(s.name);
    if (it == by_name.end() || !seen.insert(s.name).second) continue;
    for (const auto& [table, figs] : it->second) CompareNamed(s, figs, sink);
  }
  // Two department tables stating the same figure at the same stage.
  std::map<std::pair<std::string, std::string>, std::map<std::string, const Figure*>>
      stages;
  for (const Figure& f : ctx.ex.figures) {
    if (f.source == "sentence" || f.name.empty() || !f.has_yuan || f.blank ||
        project_rows.Covers(f.where))
      continue;
    stages[{f.name, f.column}].emplace(f.where.table, &f);  // first per table
  }
  for (const auto& [key, tables] : stages) {
    if (tables.size() < 2) continue;
    const Figure* ref = tables.begin()->second;
    for (auto it = std::next(tables.begin()); it != tables.end(); ++it)
      CompareNamed(*ref, {it->second}, sink);
  }
}

}  // namespace

void FigureRules(const Context& ctx, Sink* sink) {
  Implausible(ctx, sink);
  SameFigure(ctx, sink);
}

}  // namespace jx::validate
