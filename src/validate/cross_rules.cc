// Across documents: what a project declared (绩效目标申报表) against what its
// self-evaluation (项目支出绩效自评表) reports.
#include <map>

#include "base/text.h"
#include "validate/check.h"
#include "validate/cross.h"
#include "validate/result.h"

namespace jx {
namespace {

using validate::Num;

// One project's form inside a document.
struct Form {
  const Extraction* ex = nullptr;
  std::string project;  // as printed
  std::string key;      // unit, project and year, normalised
  std::vector<const Indicator*> indicators;
};

std::string Normal(const PatternFile& s, std::string_view text) {
  std::string k = MatchKey(text);
  for (const PatternFile::Entry* e : s.Named("name_noise"))
    RE2::GlobalReplace(&k, *e->re, "");
  return k;
}

std::vector<Form> Forms(const Extraction& ex, const PatternFile& s) {
  std::map<std::string, Form> by_project;
  std::vector<std::string> order;
  for (const Indicator& ind : ex.indicators) {
    if (ind.is_total || ind.project.empty() || ind.levels.empty() || IsBlank(ind.target))
      continue;
    std::string name = Normal(s, ind.project);
    auto [it, fresh] = by_project.try_emplace(name);
    Form& f = it->second;
    if (fresh) {
      order.push_back(name);
      f.ex = &ex;
      f.project = ind.project;
      f.key = Normal(s, ex.info.department.value) + "\x1f" + name + "\x1f" +
              ex.info.year.value;
    }
    f.indicators.push_back(&ind);
  }
  std::vector<Form> out;
  for (const std::string& p : order) out.push_back(by_project[p]);
  return out;
}

// Two targets say the same: one quantity (direction, number, unit), else the
// same words.
bool SameTarget(const Indicator& a, const Indicator& b) {
  const Quantity &x = a.target_q, &y = b.target_q;
  if (x.has && y.has)
    return a.direction == b.direction && x.unit == y.unit && x.value == y.value &&
           x.has_high == y.has_high && (!x.has_high || x.high == y.high);
  return MatchKey(a.target) == MatchKey(b.target);
}

// A 申报表 prints its funds as label and value ("项目资金（万元） | 年度资金总额
// | 150.00"): the row its block label heads.
bool DeclaredBlock(const Extraction& ex, const PatternFile& s,
                   validate::ExecutionFigures* out) {
  for (const TypedTable& t : ex.tables)
    for (const TypedSection& sec : t.sections)
      for (const TypedRow& r : sec.rows)
        if (!r.header && s.Matches("fund_block", r.label)) {
          out->found = true;
          out->table = t.id;
          out->row = &r;
          out->section = &sec;
          out->tt = &t;
          return true;
        }
  return false;
}

// The 资金总额 of a form in 元: the self-evaluation's 年初预算数, the
// declaration's first amount on the row.
bool FundTotal(const Extraction& ex, const PatternFile& s, const PatternFile* units,
               bool initial, Decimal* yuan, Decimal* half, Location* at) {
  validate::ExecutionFigures e;
  if (!validate::FindExecution(ex, s, &e) && !DeclaredBlock(ex, s, &e)) return false;
  std::vector<int> cols;
  if (initial) {
    cols.push_back(e.initial_col);
  } else {
    for (size_t c = 0; c < e.row->cells.size(); ++c) cols.push_back(static_cast<int>(c));
  }
  for (int c : cols) {
    if (c < 0) continue;
    TypedCell cell = e.row->Cell(static_cast<size_t>(c));
    if (cell.kind != TypedCell::Kind::kNumber || cell.number.percent) continue;
    UnitInfo u = static_cast<size_t>(c) < e.section->columns.size()
                     ? e.section->columns[static_cast<size_t>(c)].unit
                     : e.tt->unit;
    // "项目资金（万元）" heads the block's label column and states the unit
    // of all its amounts.
    for (const TypedColumn& col : e.section->columns)
      if (u.kind != "money" && col.unit.kind == "money") u = col.unit;
    if (u.kind != "money") u = e.tt->unit;
    if (u.kind != "money" && units) FindUnit(*units, e.row->label, &u);
    if (u.kind != "money") return false;  // no unit: nothing to compare in 元
    if (!extract::ToYuan(cell.number, u, yuan)) return false;
    Decimal h = HalfUlp(cell.number.value);
    if (!ShiftDecimal(h, u.pow10, half)) return false;
    *at = e.tt->At(*e.row, static_cast<size_t>(c));
    return true;
  }
  return false;
}

}  // namespace

std::vector<Finding> CrossCheck(const std::vector<const Extraction*>& docs,
                                const Patterns& patterns) {
  std::vector<Finding> out;
  const PatternFile* s = patterns.file("scoring");
  if (!s) return out;
  Validation v;
  validate::Sink sink(&v);
  std::vector<Form> selfs, decls;
  for (const Extraction* ex : docs) {
    if (!ex) continue;
    std::vector<Form>* to = ex->info.kind == "project_self_evaluation" ? &selfs
                            : ex->info.kind == "target_declaration"    ? &decls
                                                                       : nullptr;
    if (!to) continue;  // department reports are not paired
    std::vector<Form> forms = Forms(*ex, *s);
    to->insert(to->end(), forms.begin(), forms.end());
  }
  for (const Form& self : selfs) {
    Location at;
    at.file = self.ex->file;
    at.table = self.indicators.front()->table;
    at.line = self.indicators.front()->where.line;
    at.page = self.indicators.front()->where.page;
    std::vector<const Form*> found;
    for (const Form& d : decls)
      if (d.key == self.key) found.push_back(&d);
    int selfs_alike = 0;
    for (const Form& o : selfs) selfs_alike += o.key == self.key;
    if (found.empty()) continue;
    if (found.size() > 1 || selfs_alike > 1) {
      std::string files;
      for (const Form* d : found) files += (files.empty() ? "" : "、") + d->ex->file;
      Finding& f = sink.Add(
          "cross.ambiguous", Severity::kWarning, at,
          "项目“" + self.project + "”的绩效目标申报表与自评表不能一一对应（申报表：" +
              files + "；同名自评表 " + std::to_string(selfs_alike) + " 份），未作比对");
      f.evidence = {self.project};
      continue;
    }
    const Form& decl = *found.front();
    // Indicators by normalised name; a name printed twice on either side
    // cannot be paired.
    std::map<std::string, std::vector<const Indicator*>> mine, theirs;
    for (const Indicator* i : self.indicators)
      mine[Normal(*s, i->levels.back())].push_back(i);
    for (const Indicator* i : decl.indicators)
      theirs[Normal(*s, i->levels.back())].push_back(i);
    for (const Indicator* d : decl.indicators) {
      std::string k = Normal(*s, d->levels.back());
      auto it = mine.find(k);
      const std::vector<const Indicator*>& there = theirs[k];
      if (there.front() != d) continue;  // once per name
      if (it == mine.end()) {
        Finding& f =
            sink.Add("cross.indicator_missing", Severity::kWarning, at,
                     "申报的绩效指标“" + d->levels.back() + "”（目标 " + d->target +
                         "）在自评表中没有（申报表 " + decl.ex->file + " 第 " +
                         std::to_string(d->where.line) + " 行）");
        f.evidence = {d->target};
        f.involved = {d->where};
        continue;
      }
      if (it->second.size() > 1 || there.size() > 1) {
        sink.Add("cross.ambiguous", Severity::kWarning, it->second.front()->where,
                 "绩效指标“" + d->levels.back() + "”在申报表中有 " +
                     std::to_string(there.size()) + " 个、在自评表中有 " +
                     std::to_string(it->second.size()) + " 个同名，未作比对");
        continue;
      }
      const Indicator& e = *it->second.front();
      if (SameTarget(e, *d)) continue;
      Location where = e.target_at.table.empty() ? e.where : e.target_at;
      Finding& f =
          sink.Add("cross.target_changed", Severity::kWarning, where,
                   "绩效指标“" + e.levels.back() + "”自评表目标 " + e.target +
                       "，与申报表目标 " + d->target + " 不同（申报表 " + decl.ex->file +
                       " 第 " + std::to_string(d->where.line) + " 行）");
      f.evidence = {e.target, d->target};
      f.involved = {where, d->target_at};
    }
    Decimal a, ha, b, hb;
    Location la, lb;
    const PatternFile* units = patterns.file("units");
    if (FundTotal(*self.ex, *s, units, true, &a, &ha, &la) &&
        FundTotal(*decl.ex, *s, units, false, &b, &hb, &lb) &&
        !validate::SamePrinted(a, ha, b, hb)) {
      Finding& f = sink.Add("cross.budget_mismatch", Severity::kError, la,
                            "自评表年初预算数 " + Num(a) + " 元，与申报表资金总额 " +
                                Num(b) + " 元不符（申报表 " + decl.ex->file + " 第 " +
                                std::to_string(lb.line) + " 行）");
      f.has_numbers = true;
      f.stated = a;
      f.computed = b;
      SubDecimal(b, a, &f.difference);
      f.unit = "元";
      f.involved = {la, lb};
    }
  }
  out = std::move(v.findings);
  for (size_t i = 0; i < out.size(); ++i) out[i].id = "X" + std::to_string(i + 1);
  return out;
}

}  // namespace jx
