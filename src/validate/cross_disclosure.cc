// Across documents: a 单位's 预算/决算 disclosure against its 部门's. The 部门
// is the sum of its units, so no figure the 单位 states for a classification
// code may exceed the 部门's for the same code; and a change rate printed on
// one amount fixes last year's figure, so two documents printing the same
// amount and the same rate cannot print two different bases.
#include <map>

#include "base/text.h"
#include "validate/check.h"
#include "validate/cross.h"
#include "validate/disclosure.h"

namespace jx {
namespace {

using validate::Num;
using Amount = CrossFacts::Amount;

Location Bare(Location l) {
  l.file.clear();
  return l;
}

Location In(Location l, const std::string& file) {
  l.file = file;
  return l;
}

Amount FromFigure(const Figure& f) {
  Amount a;
  if (f.unit.kind != "money" || f.number.percent) return a;
  a.has = true;
  a.value = f.number.value;
  a.pow10 = f.unit.pow10;
  a.at = Bare(f.where);
  return a;
}

bool Yuan(const Amount& a, Decimal* yuan, Decimal* half) {
  return a.has && ShiftDecimal(a.value, a.pow10, yuan) &&
         ShiftDecimal(HalfUlp(a.value), a.pow10, half);
}

bool Same(const Amount& a, const Amount& b) {
  Decimal ya, ha, yb, hb;
  if (!Yuan(a, &ya, &ha) || !Yuan(b, &yb, &hb)) return true;  // unknown: no doubt
  return validate::SamePrinted(ya, ha, yb, hb);
}

// The part above the whole beyond the rounding of both prints; amounts below
// zero (a refund) are no part of this.
bool Exceeds(const Amount& part, const Amount& whole, Decimal* diff) {
  Decimal yp, hp, yw, hw, lo, hi;
  if (!Yuan(part, &yp, &hp) || !Yuan(whole, &yw, &hw)) return false;
  if (yp.units < 0 || yw.units < 0) return false;
  if (!SubDecimal(yp, hp, &lo) || !AddDecimal(yw, hw, &hi)) return false;
  if (CompareDecimal(lo, hi) <= 0) return false;
  return SubDecimal(part.value, whole.value, diff) || SubDecimal(yp, yw, diff);
}

// Whether `rate` is the change from `prior` to `amount` (both as printed).
bool RateFits(const Amount& amount, const Amount& prior, const Decimal& rate) {
  if (amount.pow10 != prior.pow10) return true;  // not compared: no doubt
  ParsedNumber r;
  r.value = rate;
  r.percent = true;
  validate::RateOutcome o;
  if (!validate::CompareRate("change", amount.value, prior.value, r, &o)) return true;
  return o.consistent;
}

std::string Place(const Location& l) {
  return l.page > 0 ? "第 " + std::to_string(l.page) + " 页"
                    : "第 " + std::to_string(l.line) + " 行";
}

}  // namespace

void DisclosureFactsOf(const Extraction& ex, const Patterns& patterns, CrossFacts* out) {
  const PatternFile* d = patterns.file("disclosure");
  if (!d) return;
  if (ex.info.kind != "budget_disclosure" && ex.info.kind != "final_account_disclosure")
    return;
  const std::string& title = ex.info.kind_line.value;
  out->level = d->Matches("doc_department", title) ? "department"
               : d->Matches("doc_unit", title)     ? "unit"
                                                   : "";
  if (out->level.empty()) return;
  // An item's paragraph runs to the next item: the change rate printed in it
  // is the item's.
  std::vector<const CodedFigure*> items;
  for (const CodedFigure& cf : ex.coded)
    if (!cf.code.empty()) items.push_back(&cf);
  auto before = [](const Location& a, const Location& b) {
    return a.page != b.page ? a.page < b.page : a.line < b.line;
  };
  for (size_t i = 0; i < items.size(); ++i) {
    const CodedFigure& cf = *items[i];
    CrossFacts::Item it;
    it.code = cf.code;
    it.name = cf.names.empty() ? "" : cf.names.back();
    it.amount = FromFigure(cf.figure);
    if (!it.amount.has) continue;
    const Location& from = cf.figure.where;
    const Location* to = i + 1 < items.size() ? &items[i + 1]->figure.where : nullptr;
    for (const StatedRate& r : ex.rates) {
      if (r.kind != "change" || r.derived_base || before(r.where, from) ||
          (to && !before(r.where, *to)))
        continue;
      it.prior = FromFigure(r.b);
      it.planned = FromFigure(r.a);
      if (!it.prior.has || !it.planned.has || r.rate.comparator.size()) {
        it.prior = it.planned = Amount{};
        continue;
      }
      it.has_rate = true;
      it.rate = r.rate.value;
      break;
    }
    out->items.push_back(std::move(it));
  }
  // The one 功能分类表's 合计 by code (a table printed twice gives none).
  const TypedTable* only = nullptr;
  for (const TypedTable& t : ex.tables) {
    if (validate::TableGenre(patterns, t) != "table_function") continue;
    if (only) return;
    only = &t;
  }
  if (!only) return;
  std::map<std::string, int> seen;
  for (const TypedSection& s : only->sections)
    for (const TypedRow& r : s.rows) {
      if (r.header || r.code.empty() || seen[r.code]++) continue;
      for (size_t c = s.first_column; c < s.columns.size() && c < s.end_column; ++c) {
        if (s.columns[c].key != "total") continue;
        const TypedCell cell = r.Cell(c);
        const UnitInfo& u = s.columns[c].unit;
        if (cell.kind != TypedCell::Kind::kNumber || cell.number.percent ||
            u.kind != "money")
          break;
        CrossFacts::Row row;
        row.code = r.code;
        row.label = r.label;
        row.total.has = true;
        row.total.value = cell.number.value;
        row.total.pow10 = u.pow10;
        row.total.at = Bare(only->At(r, c));
        out->rows.push_back(std::move(row));
        break;
      }
    }
  // A code printed twice is no one row.
  std::erase_if(out->rows, [&](const CrossFacts::Row& r) { return seen[r.code] > 1; });
}

std::vector<CrossFinding> CrossCheckDisclosures(const std::vector<CrossDoc>& docs,
                                                const Patterns& patterns) {
  std::vector<CrossFinding> out;
  const PatternFile* s = patterns.file("scoring");
  // Body, kind and year: the 部门 and the 单位 documents under each.
  struct Group {
    std::vector<size_t> departments, units;
  };
  std::map<std::string, Group> groups;
  for (size_t i = 0; i < docs.size(); ++i) {
    const CrossFacts* x = docs[i].facts;
    if (!x || !x->known || x->level.empty() || x->unit.empty() || x->year.empty())
      continue;
    std::string body = MatchKey(x->unit);
    if (s)
      for (const PatternFile::Entry* e : s->Named("name_noise"))
        RE2::GlobalReplace(&body, e->re(), "");
    Group& g = groups[body + "\x1f" + x->kind + "\x1f" + x->year];
    (x->level == "department" ? g.departments : g.units).push_back(i);
  }
  Validation v;
  validate::Sink sink(&v);
  std::vector<std::vector<size_t>> on;
  for (const auto& [key, g] : groups) {
    if (g.departments.empty() || g.units.empty()) continue;
    if (g.departments.size() > 1 || g.units.size() > 1) {
      std::string files;
      std::vector<size_t> involved;
      for (const std::vector<size_t>* side : {&g.departments, &g.units})
        for (size_t i : *side) {
          files += (files.empty() ? "" : "、") + docs[i].file;
          involved.push_back(i);
        }
      const CrossFacts& first = *docs[involved.front()].facts;
      Location at;
      at.file = docs[involved.front()].file;
      Finding& f =
          sink.Add("cross.ambiguous", Severity::kWarning, at,
                   first.unit + " " + first.year + " 年的部门与单位公开文件不止一对（" +
                       files + "），不能一一对应，未作比对");
      f.evidence = {first.unit, first.year};
      on.push_back(std::move(involved));
      continue;
    }
    const size_t di = g.departments.front(), ui = g.units.front();
    const CrossFacts& dep = *docs[di].facts;
    const CrossFacts& unit = *docs[ui].facts;
    const std::string &dfile = docs[di].file, &ufile = docs[ui].file;
    auto part = [&](const std::string& what, const Amount& u, const Amount& d) {
      Decimal diff;
      if (!Exceeds(u, d, &diff)) return;
      Location la = In(u.at, ufile), lb = In(d.at, dfile);
      Finding& f =
          sink.Add("cross.disclosure_part", Severity::kError, la,
                   what + "：单位 " + Num(u.value) + "，超过所属部门的 " + Num(d.value) +
                       "（" + dfile + " " + Place(lb) + "）；单位是部门的一部分");
      f.has_numbers = true;
      f.stated = u.value;
      f.computed = d.value;
      f.difference = diff;
      f.involved = {la, lb};
      on.push_back({ui, di});
    };
    // By code, a code stated twice in one document being no one item.
    auto by_code = [](const CrossFacts& x) {
      std::map<std::string, std::vector<const CrossFacts::Item*>> m;
      for (const CrossFacts::Item& i : x.items) m[i.code].push_back(&i);
      return m;
    };
    auto ditems = by_code(dep), uitems = by_code(unit);
    for (const auto& [code, us] : uitems) {
      auto it = ditems.find(code);
      if (it == ditems.end() || us.size() != 1 || it->second.size() != 1) continue;
      const CrossFacts::Item &u = *us.front(), &d = *it->second.front();
      part("文中科目 " + code + "“" + u.name + "”", u.amount, d.amount);
      part("文中科目 " + code + "“" + u.name + "”上年数", u.prior, d.prior);
      // One amount and one rate give one base: the document whose base its
      // own rate does not give printed the wrong one.
      if (!u.has_rate || !d.has_rate || !(u.rate == d.rate) ||
          !Same(u.planned, d.planned) || Same(u.prior, d.prior))
        continue;
      const bool u_fits = RateFits(u.planned, u.prior, u.rate),
                 d_fits = RateFits(d.planned, d.prior, d.rate);
      if (u_fits == d_fits) continue;  // both or neither: one document's own finding
      const CrossFacts::Item& bad = u_fits ? d : u;
      const CrossFacts::Item& good = u_fits ? u : d;
      const std::string& bfile = u_fits ? dfile : ufile;
      const std::string& gfile = u_fits ? ufile : dfile;
      Location la = In(bad.prior.at, bfile), lb = In(good.prior.at, gfile);
      Finding& f =
          sink.Add("cross.disclosure_prior", Severity::kError, la,
                   "文中科目 " + code + "“" + bad.name + "”上年数 " +
                       Num(bad.prior.value) + "，而" + (u_fits ? "单位" : "部门") + "（" +
                       gfile + "）同一科目本年数同为 " + Num(bad.planned.value) +
                       "、增减同为 " + Num(bad.rate) + "%，上年数却为 " +
                       Num(good.prior.value) + "：同一增幅只对应一个上年数，" +
                       Num(bad.rate) + "% 与 " + Num(good.prior.value) + " 相符");
      f.has_numbers = true;
      f.stated = bad.prior.value;
      f.computed = good.prior.value;
      SubDecimal(good.prior.value, bad.prior.value, &f.difference);
      f.involved = {la, lb};
      on.push_back({u_fits ? di : ui, u_fits ? ui : di});
    }
    std::map<std::string, const CrossFacts::Row*> drows;
    for (const CrossFacts::Row& r : dep.rows) drows[r.code] = &r;
    for (const CrossFacts::Row& r : unit.rows) {
      auto it = drows.find(r.code);
      if (it == drows.end()) continue;
      part("功能分类科目 " + r.code + "“" + r.label + "”合计", r.total,
           it->second->total);
    }
  }
  for (size_t i = 0; i < v.findings.size(); ++i)
    out.push_back({std::move(v.findings[i]), on[i]});
  return out;
}

}  // namespace jx
