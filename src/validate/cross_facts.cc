// The facts of one document that the comparison across documents reads: made
// where the document is checked, so that they travel and are stored instead
// of the extraction.
#include <map>

#include "base/text.h"
#include "validate/check.h"
#include "validate/cross.h"
#include "validate/result.h"

namespace jx {
namespace {

std::string Normal(const PatternFile& s, std::string_view text) {
  std::string k = MatchKey(text);
  for (const PatternFile::Entry* e : s.Named("name_noise"))
    RE2::GlobalReplace(&k, e->re(), "");
  return k;
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

// A decimal's value without the printed scale: "120" for 120.00.
std::string Plain(const Decimal& d) {
  std::string s = d.ToString();
  if (s.find('.') == std::string::npos) return s;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

// Two targets say the same when they are one quantity (direction, number,
// unit), else when they are the same words: the quantity as a key.
std::string QuantityKey(const Indicator& i) {
  const Quantity& q = i.target_q;
  if (!q.has) return "";
  std::string k = i.direction + "\x1f" + q.unit + "\x1f" + Plain(q.value);
  if (q.has_high) k += "\x1f" + Plain(q.high);
  return k;
}

Location Bare(Location l) {
  l.file.clear();
  return l;
}

}  // namespace

CrossFacts CrossFactsOf(const Extraction& ex, const Patterns& patterns) {
  CrossFacts out;
  out.known = true;
  out.kind = ex.info.kind;
  out.unit = ex.info.department.value;
  out.year = ex.info.year.value;
  const bool self = out.kind == "project_self_evaluation";
  DisclosureFactsOf(ex, patterns, &out);
  if (!self && out.kind != "target_declaration") return out;  // not paired
  const PatternFile* s = patterns.file("scoring");
  if (!s) return out;
  std::map<std::string, size_t> by_project;
  for (const Indicator& ind : ex.indicators) {
    if (ind.is_total || ind.project.empty() || ind.levels.empty() || IsBlank(ind.target))
      continue;
    std::string name = Normal(*s, ind.project);
    auto [it, fresh] = by_project.try_emplace(name, out.forms.size());
    if (fresh) {
      CrossFacts::Form f;
      f.project = ind.project;
      f.key = Normal(*s, out.unit) + "\x1f" + name + "\x1f" + out.year;
      f.at.table = ind.table;
      f.at.line = ind.where.line;
      f.at.page = ind.where.page;
      out.forms.push_back(std::move(f));
    }
    CrossFacts::Indicator ci;
    ci.name = ind.levels.back();
    ci.key = Normal(*s, ci.name);
    ci.target = ind.target;
    ci.qkey = QuantityKey(ind);
    ci.tkey = MatchKey(ind.target);
    ci.where = Bare(ind.where);
    ci.target_at = Bare(ind.target_at);
    out.forms[it->second].indicators.push_back(std::move(ci));
  }
  Location at;
  out.has_fund =
      FundTotal(ex, *s, patterns.file("units"), self, &out.fund, &out.fund_half, &at);
  out.fund_at = Bare(at);
  return out;
}

}  // namespace jx
