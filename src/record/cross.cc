#include "record/cross.h"

#include <map>
#include <set>

#include "record/fingerprint.h"

namespace jx {
namespace {

using json = nlohmann::json;

json LocationToJson(const Location& l) {
  return json::array({l.page, l.line, l.table, l.row, l.column});
}

Location LocationFromJson(const json& j) {
  Location l;
  l.page = j.at(0).get<int>();
  l.line = j.at(1).get<int>();
  l.table = j.at(2).get<std::string>();
  l.row = j.at(3).get<int>();
  l.column = j.at(4).get<int>();
  return l;
}

json DecimalToJson(const Decimal& d) { return json::array({d.units, d.scale}); }

Decimal DecimalFromJson(const json& j) {
  return Decimal{j.at(0).get<int64_t>(), j.at(1).get<int>()};
}

json AmountToJson(const CrossFacts::Amount& a) {
  if (!a.has) return nullptr;
  return json::array({DecimalToJson(a.value), a.pow10, LocationToJson(a.at)});
}

CrossFacts::Amount AmountFromJson(const json& j) {
  CrossFacts::Amount a;
  if (j.is_null()) return a;
  a.has = true;
  a.value = DecimalFromJson(j.at(0));
  a.pow10 = j.at(1).get<int>();
  a.at = LocationFromJson(j.at(2));
  return a;
}

json DisclosureToJson(const CrossFacts& f) {
  json items = json::array(), rows = json::array();
  for (const CrossFacts::Item& i : f.items)
    items.push_back({i.code, i.name, AmountToJson(i.amount), AmountToJson(i.prior),
                     AmountToJson(i.planned),
                     i.has_rate ? DecimalToJson(i.rate) : json(nullptr)});
  for (const CrossFacts::Row& r : f.rows)
    rows.push_back({r.code, r.label, AmountToJson(r.total)});
  return {{"level", f.level}, {"items", items}, {"rows", rows}};
}

void DisclosureFromJson(const json& j, CrossFacts* f) {
  f->level = j.at("level").get<std::string>();
  for (const json& ji : j.at("items")) {
    CrossFacts::Item i;
    i.code = ji.at(0).get<std::string>();
    i.name = ji.at(1).get<std::string>();
    i.amount = AmountFromJson(ji.at(2));
    i.prior = AmountFromJson(ji.at(3));
    i.planned = AmountFromJson(ji.at(4));
    i.has_rate = !ji.at(5).is_null();
    if (i.has_rate) i.rate = DecimalFromJson(ji.at(5));
    f->items.push_back(std::move(i));
  }
  for (const json& jr : j.at("rows")) {
    CrossFacts::Row r;
    r.code = jr.at(0).get<std::string>();
    r.label = jr.at(1).get<std::string>();
    r.total = AmountFromJson(jr.at(2));
    f->rows.push_back(std::move(r));
  }
}

}  // namespace

json CrossFactsToJson(const CrossFacts& f) {
  json forms = json::array();
  for (const CrossFacts::Form& form : f.forms) {
    json inds = json::array();
    for (const CrossFacts::Indicator& i : form.indicators)
      inds.push_back({i.name, i.key, i.target, i.qkey, i.tkey, LocationToJson(i.where),
                      LocationToJson(i.target_at)});
    forms.push_back({form.project, form.key, LocationToJson(form.at), std::move(inds)});
  }
  json j = {{"kind", f.kind}, {"unit", f.unit}, {"year", f.year}, {"forms", forms}};
  if (f.has_fund)
    j["fund"] = {DecimalToJson(f.fund), DecimalToJson(f.fund_half),
                 LocationToJson(f.fund_at)};
  if (!f.level.empty()) j["disclosure"] = DisclosureToJson(f);
  return j;
}

bool CrossFactsFromJson(const json& j, CrossFacts* f) {
  CrossFacts out;
  try {
    if (!j.is_object()) return false;
    out.kind = j.at("kind").get<std::string>();
    out.unit = j.at("unit").get<std::string>();
    out.year = j.at("year").get<std::string>();
    for (const json& jf : j.at("forms")) {
      CrossFacts::Form form;
      form.project = jf.at(0).get<std::string>();
      form.key = jf.at(1).get<std::string>();
      form.at = LocationFromJson(jf.at(2));
      for (const json& ji : jf.at(3)) {
        CrossFacts::Indicator i;
        i.name = ji.at(0).get<std::string>();
        i.key = ji.at(1).get<std::string>();
        i.target = ji.at(2).get<std::string>();
        i.qkey = ji.at(3).get<std::string>();
        i.tkey = ji.at(4).get<std::string>();
        i.where = LocationFromJson(ji.at(5));
        i.target_at = LocationFromJson(ji.at(6));
        form.indicators.push_back(std::move(i));
      }
      out.forms.push_back(std::move(form));
    }
    if (j.contains("fund")) {
      const json& jf = j.at("fund");
      out.has_fund = true;
      out.fund = DecimalFromJson(jf.at(0));
      out.fund_half = DecimalFromJson(jf.at(1));
      out.fund_at = LocationFromJson(jf.at(2));
    }
    if (j.contains("disclosure")) DisclosureFromJson(j.at("disclosure"), &out);
  } catch (const json::exception&) {
    return false;
  }
  out.known = true;
  *f = std::move(out);
  return true;
}

std::vector<CrossResult> RunCrossCheck(const std::vector<RunDocument>& docs,
                                       const Patterns& patterns) {
  std::vector<CrossDoc> in;
  std::vector<size_t> index;  // CrossDoc → docs
  size_t checked = 0;
  // The same content under two names is one document, not two forms of the
  // project that cannot be told apart.
  std::set<std::string> contents;
  for (size_t i = 0; i < docs.size(); ++i)
    if (docs[i].ok &&
        (docs[i].sha256.empty() || contents.insert(docs[i].sha256).second)) {
      ++checked;
      in.push_back({docs[i].file, &docs[i].facts});
      index.push_back(i);
    }
  std::vector<CrossResult> out;
  // Findings resting on the same documents share a content key, and are told
  // apart among themselves as one document's findings are.
  std::map<std::string, std::vector<size_t>> by_key;
  std::vector<Finding> unknown;
  for (size_t i : index)
    if (!docs[i].facts.known && checked > 1) {
      Finding f;
      f.rule = "cross.not_recorded";
      f.severity = Severity::kInfo;
      f.where.file = docs[i].file;
      f.message =
          "存储中的记录早于跨文件比对，缺少比对所需的事实，本文件未与其他文件比对"
          "（--force 重新检查）";
      f.evidence = {docs[i].file};
      std::vector<Finding> one{f};
      AssignFingerprints(docs[i].sha256, &one);
      out.push_back({std::move(one.front()), {docs[i].file}});
    }
  for (CrossFinding& cf : CrossCheckFacts(in, patterns)) {
    CrossResult r;
    r.finding = std::move(cf.finding);
    std::string key;
    for (size_t d : cf.docs) {
      r.files.push_back(docs[index[d]].file);
      key += docs[index[d]].sha256 + "+";
    }
    by_key[key].push_back(out.size());
    out.push_back(std::move(r));
  }
  for (auto& [key, at] : by_key) {
    std::vector<Finding> group;
    for (size_t i : at) group.push_back(out[i].finding);
    AssignFingerprints(key, &group);
    for (size_t k = 0; k < at.size(); ++k)
      out[at[k]].finding.fingerprint = group[k].fingerprint;
  }
  // Ids across the run, in the order printed.
  for (size_t i = 0; i < out.size(); ++i) out[i].finding.id = "X" + std::to_string(i + 1);
  return out;
}

}  // namespace jx
