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

bool SameTarget(const CrossFacts::Indicator& a, const CrossFacts::Indicator& b) {
  if (!a.qkey.empty() && !b.qkey.empty()) return a.qkey == b.qkey;
  return a.tkey == b.tkey;
}

// The project and year of a form's key, without its unit.
std::string ProjectYear(const std::string& key) {
  size_t at = key.find('\x1f');
  return at == std::string::npos ? key : key.substr(at + 1);
}

Location In(Location l, const std::string& file) {
  l.file = file;
  return l;
}

}  // namespace

std::vector<CrossFinding> CrossCheckFacts(const std::vector<CrossDoc>& docs,
                                          const Patterns& patterns) {
  std::vector<CrossFinding> out;
  const PatternFile* s = patterns.file("scoring");
  if (!s) return out;
  Validation v;
  validate::Sink sink(&v);
  std::vector<std::vector<size_t>> on;  // the documents of each finding
  auto add = [&](std::vector<size_t> d) { on.push_back(std::move(d)); };
  // One project's form inside a document.
  struct Form {
    size_t doc;
    const CrossFacts::Form* form;
  };
  std::vector<Form> selfs, decls;
  for (size_t i = 0; i < docs.size(); ++i) {
    const CrossFacts* x = docs[i].facts;
    if (!x || !x->known) continue;
    std::vector<Form>* to = x->kind == "project_self_evaluation" ? &selfs
                            : x->kind == "target_declaration"    ? &decls
                                                                 : nullptr;
    if (!to) continue;  // department reports are not paired
    for (const CrossFacts::Form& f : x->forms) to->push_back({i, &f});
  }
  // By key, so that a batch of many forms is not compared pair by pair.
  std::map<std::string, std::vector<const Form*>> decl_by_key, decl_by_project;
  std::map<std::string, int> selfs_by_key;
  for (const Form& d : decls) {
    decl_by_key[d.form->key].push_back(&d);
    decl_by_project[ProjectYear(d.form->key)].push_back(&d);
  }
  for (const Form& o : selfs) ++selfs_by_key[o.form->key];
  for (const Form& self : selfs) {
    const std::string& file = docs[self.doc].file;
    const CrossFacts::Form& sf = *self.form;
    if (sf.indicators.empty()) continue;
    Location at = In(sf.at, file);
    const std::vector<const Form*>& found = decl_by_key[sf.key];
    const int selfs_alike = selfs_by_key[sf.key];
    if (found.empty()) {
      // The same project and year under another unit (or none printed): it
      // may be the same project, but that is a guess, so it is told, never
      // compared.
      std::string files, units;
      std::vector<size_t> involved{self.doc};
      for (const Form* d : decl_by_project[ProjectYear(sf.key)]) {
        files += (files.empty() ? "" : "、") + docs[d->doc].file;
        const std::string& u = docs[d->doc].facts->unit;
        units += (units.empty() ? "" : "、") + (u.empty() ? std::string("未填") : u);
        involved.push_back(d->doc);
      }
      if (involved.size() == 1) continue;
      const std::string& mine = docs[self.doc].facts->unit;
      Finding& f =
          sink.Add("cross.ambiguous", Severity::kWarning, at,
                   "项目“" + sf.project + "”的绩效目标申报表（" + files +
                       "）项目名称与年度相同，" + "但单位不同（自评表：" +
                       (mine.empty() ? std::string("未填") : mine) + "；申报表：" +
                       units + "），不能确定为同一项目，未作比对");
      f.evidence = {sf.project, mine, units};
      add(std::move(involved));
      continue;
    }
    if (found.size() > 1 || selfs_alike > 1) {
      std::string files;
      std::vector<size_t> involved{self.doc};
      for (const Form* d : found) {
        files += (files.empty() ? "" : "、") + docs[d->doc].file;
        involved.push_back(d->doc);
      }
      Finding& f = sink.Add(
          "cross.ambiguous", Severity::kWarning, at,
          "项目“" + sf.project + "”的绩效目标申报表与自评表不能一一对应（申报表：" +
              files + "；同名自评表 " + std::to_string(selfs_alike) + " 份），未作比对");
      f.evidence = {sf.project};
      add(std::move(involved));
      continue;
    }
    const Form& decl = *found.front();
    const std::string& dfile = docs[decl.doc].file;
    // Indicators by normalised name; a name printed twice on either side
    // cannot be paired.
    std::map<std::string, std::vector<const CrossFacts::Indicator*>> mine, theirs;
    for (const CrossFacts::Indicator& i : sf.indicators) mine[i.key].push_back(&i);
    for (const CrossFacts::Indicator& i : decl.form->indicators)
      theirs[i.key].push_back(&i);
    for (const CrossFacts::Indicator& di : decl.form->indicators) {
      const CrossFacts::Indicator* d = &di;
      auto it = mine.find(d->key);
      const std::vector<const CrossFacts::Indicator*>& there = theirs[d->key];
      if (there.front() != d) continue;  // once per name
      if (it == mine.end()) {
        Finding& f = sink.Add("cross.indicator_missing", Severity::kWarning, at,
                              "申报的绩效指标“" + d->name + "”（目标 " + d->target +
                                  "）在自评表中没有（申报表 " + dfile + " 第 " +
                                  std::to_string(d->where.line) + " 行）");
        f.evidence = {d->name, d->target};
        f.involved = {In(d->where, dfile)};
        add({self.doc, decl.doc});
        continue;
      }
      if (it->second.size() > 1 || there.size() > 1) {
        Finding& f = sink.Add(
            "cross.ambiguous", Severity::kWarning, In(it->second.front()->where, file),
            "绩效指标“" + d->name + "”在申报表中有 " + std::to_string(there.size()) +
                " 个、在自评表中有 " + std::to_string(it->second.size()) +
                " 个同名，未作比对");
        f.evidence = {d->name};
        add({self.doc, decl.doc});
        continue;
      }
      const CrossFacts::Indicator& e = *it->second.front();
      if (SameTarget(e, *d)) continue;
      Location where = In(e.target_at.table.empty() ? e.where : e.target_at, file);
      Finding& f = sink.Add("cross.target_changed", Severity::kWarning, where,
                            "绩效指标“" + e.name + "”自评表目标 " + e.target +
                                "，与申报表目标 " + d->target + " 不同（申报表 " + dfile +
                                " 第 " + std::to_string(d->where.line) + " 行）");
      f.evidence = {e.target, d->target};
      f.involved = {where, In(d->target_at, dfile)};
      add({self.doc, decl.doc});
    }
    const CrossFacts& a = *docs[self.doc].facts;
    const CrossFacts& b = *docs[decl.doc].facts;
    if (a.has_fund && b.has_fund &&
        !validate::SamePrinted(a.fund, a.fund_half, b.fund, b.fund_half)) {
      Location la = In(a.fund_at, file), lb = In(b.fund_at, dfile);
      Finding& f = sink.Add("cross.budget_mismatch", Severity::kError, la,
                            "自评表年初预算数 " + Num(a.fund) + " 元，与申报表资金总额 " +
                                Num(b.fund) + " 元不符（申报表 " + dfile + " 第 " +
                                std::to_string(lb.line) + " 行）");
      f.has_numbers = true;
      f.stated = a.fund;
      f.computed = b.fund;
      SubDecimal(b.fund, a.fund, &f.difference);
      f.unit = "元";
      f.involved = {la, lb};
      add({self.doc, decl.doc});
    }
  }
  for (size_t i = 0; i < v.findings.size(); ++i)
    out.push_back(
        {std::move(v.findings[i]), i < on.size() ? on[i] : std::vector<size_t>{}});
  for (CrossFinding& f : CrossCheckDisclosures(docs, patterns))
    out.push_back(std::move(f));
  for (size_t i = 0; i < out.size(); ++i) out[i].finding.id = "X" + std::to_string(i + 1);
  return out;
}

std::vector<Finding> CrossCheck(const std::vector<const Extraction*>& docs,
                                const Patterns& patterns) {
  std::vector<CrossFacts> facts;
  facts.reserve(docs.size());
  for (const Extraction* ex : docs)
    facts.push_back(ex ? CrossFactsOf(*ex, patterns) : CrossFacts{});
  std::vector<CrossDoc> cd;
  for (size_t i = 0; i < docs.size(); ++i)
    cd.push_back({docs[i] ? docs[i]->file.str() : std::string(), &facts[i]});
  std::vector<Finding> out;
  for (CrossFinding& f : CrossCheckFacts(cd, patterns))
    out.push_back(std::move(f.finding));
  return out;
}

}  // namespace jx
