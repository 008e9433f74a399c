// The 编制说明 of a disclosure against its tables: each item the text states
// by classification code ("行政运行（01项）1672.67万元") is the 功能分类表 row of
// that code, under the names the table gives, and its "2026年预算安排" repeats
// the amount. Items are matched by code, never by name or order.
#include <map>
#include <set>

#include "base/text.h"
#include "validate/check.h"
#include "validate/disclosure.h"

namespace jx::validate {
namespace {

using Kind = TypedCell::Kind;

Decimal HalfYuanOf(const ParsedNumber& n, const UnitInfo& u) {
  ParsedNumber half;
  half.value = HalfUlp(n.value);
  Decimal out;
  if (!extract::ToYuan(half, u, &out)) return Decimal{0, 0};
  return out;
}

struct Row {
  const TypedTable* t = nullptr;
  const TypedSection* s = nullptr;
  const TypedRow* r = nullptr;
};

// The rows of the one 功能分类表 by code (a table printed twice gives none).
std::map<std::string, Row> FunctionRows(const Context& ctx) {
  std::map<std::string, Row> rows;
  const TypedTable* only = nullptr;
  for (const TypedTable& t : ctx.ex.tables) {
    if (TableGenre(ctx.patterns, t) != "table_function") continue;
    if (only) return {};
    only = &t;
  }
  if (!only) return rows;
  for (const TypedSection& s : only->sections)
    for (const TypedRow& r : s.rows)
      if (!r.header && !r.code.empty() && !rows.count(r.code))
        rows[r.code] = Row{only, &s, &r};
  return rows;
}

class Items {
 public:
  Items(const Context& ctx, Sink* sink)
      : ctx_(ctx), sink_(sink), rows_(FunctionRows(ctx)) {}

  void Run() {
    const std::vector<CodedFigure>& coded = ctx_.ex.coded;
    for (size_t i = 0; i < coded.size(); ++i) {
      const CodedFigure& cf = coded[i];
      if (cf.code.empty()) continue;
      const Figure* planned = cf.has_planned ? &cf.planned : nullptr;
      // A line broken inside the item put its 预算安排 at the head of the
      // next paragraph, before any other item.
      if (!planned && i + 1 < coded.size() && coded[i + 1].code.empty() &&
          coded[i + 1].has_planned &&
          coded[i + 1].planned.where.page == cf.figure.where.page)
        planned = &coded[i + 1].planned;
      if (planned) Planned(cf, *planned);
      AgainstTable(cf);
      Names(cf);
    }
  }

 private:
  void Planned(const CodedFigure& cf, const Figure& p) {
    if (!cf.figure.has_yuan || !p.has_yuan) return;
    sink_->Checked(cf.figure.where);
    if (SamePrinted(cf.figure.yuan, HalfYuanOf(cf.figure.number, cf.figure.unit), p.yuan,
                    HalfYuanOf(p.number, p.unit)))
      return;
    Decimal diff;
    if (!SubDecimal(p.number.value, cf.figure.number.value, &diff)) return;
    Finding& f = sink_->Add("disclosure.item_planned", Severity::kError, p.where,
                            "文中“" + cf.figure.label + "（" + cf.code + "）”为 " +
                                Num(cf.figure.number.value) + cf.figure.unit.text +
                                "，其后“预算安排”却为 " + Num(p.number.value) +
                                p.unit.text + "，相差 " + Num(diff));
    f.has_numbers = true;
    f.stated = p.number.value;
    f.computed = cf.figure.number.value;
    // As every finding's: computed − stated (the message says it the other
    // way round, as the text reads).
    SubDecimal(f.computed, f.stated, &f.difference);
    f.unit = p.unit.text;
    f.evidence = {cf.figure.evidence, p.evidence};
    f.involved = {cf.figure.where, p.where};
  }

  // The item's amount is the 合计 of its row in the 功能分类表.
  void AgainstTable(const CodedFigure& cf) {
    auto it = rows_.find(cf.code);
    if (it == rows_.end() || !cf.figure.has_yuan) return;
    const Row& row = it->second;
    int col = -1;
    for (size_t c = row.s->first_column;
         c < row.s->columns.size() && c < row.s->end_column; ++c)
      if (row.s->columns[c].key == "total") {
        col = static_cast<int>(c);
        break;
      }
    if (col < 0) return;
    const TypedCell& cell = row.r->Cell(static_cast<size_t>(col));
    if (cell.kind != Kind::kNumber || cell.number.percent) return;
    const UnitInfo& u = row.s->columns[static_cast<size_t>(col)].unit;
    Decimal yuan;
    if (u.kind != "money" || !extract::ToYuan(cell.number, u, &yuan)) return;
    Location at = row.t->At(*row.r, static_cast<size_t>(col));
    sink_->Checked(at);
    sink_->Checked(cf.figure.where);
    if (SamePrinted(cf.figure.yuan, HalfYuanOf(cf.figure.number, cf.figure.unit), yuan,
                    HalfYuanOf(cell.number, u)))
      return;
    Decimal diff;
    if (!SubDecimal(cf.figure.yuan, yuan, &diff)) return;
    Finding& f = sink_->Add(
        "disclosure.item_table", Severity::kError, cf.figure.where,
        "文中“" + cf.figure.label + "（" + cf.code + "）”" + Num(cf.figure.number.value) +
            cf.figure.unit.text + "，与 " + row.t->id + " 同一科目的合计 " +
            Num(cell.number.value) + u.text + " 不符，相差 " + Num(diff) + " 元");
    f.has_numbers = true;
    f.stated = cf.figure.yuan;
    f.computed = yuan;
    f.difference = diff;
    f.unit = "元";
    f.evidence = {cf.figure.evidence};
    f.involved = {cf.figure.where, at};
  }

  // The names the text gives each level against the table's; once per code.
  void Names(const CodedFigure& cf) {
    std::string code;
    for (size_t k = 0; k < cf.names.size(); ++k) {
      code = cf.code.substr(0, 3 + 2 * k);
      auto it = rows_.find(code);
      if (it == rows_.end() || it->second.r->label.empty()) continue;
      const std::string text = MatchKey(cf.names[k]),
                        table = MatchKey(it->second.r->label);
      // The text's words may run on before the name ("…支出公共安全支出").
      if (text.size() >= table.size() && text.ends_with(table)) continue;
      if (!named_.insert(code + "\t" + text).second) continue;
      Finding& f = sink_->Add("disclosure.item_name", Severity::kWarning, cf.figure.where,
                              "文中科目 " + code + " 称“" + cf.names[k] + "”，" +
                                  it->second.t->id + " 称“" + it->second.r->label +
                                  "”：编码相同，名称不同");
      f.evidence = {cf.figure.evidence};
      f.involved = {cf.figure.where, it->second.t->At(*it->second.r, 0)};
    }
  }

  const Context& ctx_;
  Sink* sink_;
  std::map<std::string, Row> rows_;
  std::set<std::string> named_;
};

}  // namespace

// A budget for year N compares with N − 1: a comparison with its own year
// is a slip. The document's year is read, so this stays a warning.
void ComparedYears(const Context& ctx, Sink* sink) {
  const DocInfo& info = ctx.ex.info;
  if (info.kind != "budget_disclosure" && info.kind != "final_account_disclosure") return;
  if (info.year.value.empty()) return;
  std::map<std::pair<int, int>, std::vector<const DocField*>> same;
  for (const DocField& y : ctx.ex.compared_years)
    // One finding per page (per line in text input without pages).
    if (y.value == info.year.value)
      same[{y.where.page, y.where.page > 0 ? 0 : y.where.line}].push_back(&y);
  for (const auto& [at, ys] : same) {
    Finding& f = sink->Add(
        "disclosure.compared_year", Severity::kWarning, ys.front()->where,
        "文中以“" + info.year.value + "年”为比较基期（本页 " + std::to_string(ys.size()) +
            " 处），而本文件是 " + info.year.value + " 年的" +
            (info.kind == "budget_disclosure" ? "预算" : "决算") + "：基期应为上一年");
    f.involved.push_back(ys.front()->where);
  }
}

// A budget for year N plans what it pays for in N: a period that ended
// before N (a project sheet copied from last year) is worth a look.
void Periods(const Context& ctx, Sink* sink) {
  const DocInfo& info = ctx.ex.info;
  if (info.kind != "budget_disclosure" || info.year.value.size() != 4) return;
  for (const DocField& p : ctx.ex.period_ends) {
    if (p.value.size() != 4 || p.value >= info.year.value) continue;
    Finding& f = sink->Add(
        "disclosure.period_year", Severity::kWarning, p.where,
        "文中期间止于 " + p.value + " 年，而本文件是 " + info.year.value + " 年的预算");
    f.involved.push_back(p.where);
  }
}

// The “三公” the text states, over its paragraphs: the total is 因公出国（境）
// + 公务用车购置及运行 + 公务接待, and the 公务用车 figure its 购置 + 运行. Only
// where each figure is stated once: a text giving 预算数 and 决算数 of one
// item says two figures under one name, and is left alone.
void SangongSums(const Context& ctx, Sink* sink) {
  const DocInfo& info = ctx.ex.info;
  if (info.kind != "budget_disclosure" && info.kind != "final_account_disclosure") return;
  std::map<std::string, std::vector<const Figure*>> by;
  for (const Figure& f : ctx.ex.stated)
    if (f.has_yuan) by[f.name].push_back(&f);
  auto one = [&](const std::string& n) -> const Figure* {
    auto it = by.find(n);
    return it != by.end() && it->second.size() == 1 ? it->second.front() : nullptr;
  };
  auto term = [](const Figure& f) {
    Term t;
    t.value = f.yuan;
    t.label = f.label;
    t.at = f.where;
    t.has_half = true;
    t.half = HalfYuanOf(f.number, f.unit);
    return t;
  };
  const struct {
    const char* total;
    std::vector<const char*> parts;
  } sums[] = {
      {"text_sangong",
       {"text_sangong_abroad", "text_sangong_vehicle", "text_sangong_reception"}},
      {"text_sangong_vehicle", {"text_sangong_purchase", "text_sangong_running"}},
  };
  // A total its own sentence breaks down ("“三公”经费预算14.50万元，其中：…")
  // is that breakdown's to check (sum.sentence on the breakdown): once.
  auto broken_down = [&](const Figure& t) {
    for (const Breakdown& b : ctx.ex.breakdowns)
      if (b.total.where.page == t.where.page && b.total.where.line == t.where.line &&
          b.total.label == t.label &&
          CompareDecimal(b.total.number.value, t.number.value) == 0)
        return true;
    return false;
  };
  for (const auto& sum : sums) {
    const Figure* total = one(sum.total);
    if (!total || broken_down(*total)) continue;
    std::vector<Term> parts;
    for (const char* n : sum.parts)
      if (const Figure* p = one(n)) parts.push_back(term(*p));
    if (parts.size() != sum.parts.size()) continue;
    sink->ReportSum("sum.sentence", term(*total), parts,
                    "文中“" + total->label + "”与文中所列各项（折合为元）", "元");
  }
}

void DisclosureTextRules(const Context& ctx, Sink* sink) {
  Items(ctx, sink).Run();
  ComparedYears(ctx, sink);
  Periods(ctx, sink);
  SangongSums(ctx, sink);
}

}  // namespace jx::validate
