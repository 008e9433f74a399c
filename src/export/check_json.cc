#include <nlohmann/json.hpp>

#include "export/check.h"

namespace jx {

nlohmann::json JsonNumber(const Decimal& d) {
  if (d.scale == 0) return d.units;  // whole numbers stay integers in JSON
  // JSON numbers are read as doubles; the shortest round-trip form keeps the
  // printed digits (6874309.59 stays 6874309.59).
  return d.ToDouble();
}

namespace {

nlohmann::json LocationJson(const Location& l) {
  nlohmann::json j;
  j["line"] = l.line;
  if (!l.cell.empty()) j["cell"] = l.cell;  // workbooks only
  j["page"] = l.page > 0 ? nlohmann::json(l.page) : nlohmann::json(nullptr);
  j["table"] = l.table.empty() ? nlohmann::json(nullptr) : nlohmann::json(l.table);
  // 0-based, as indexes into the rows of `jxaudit tables --format json`.
  j["row"] = l.row >= 0 ? nlohmann::json(l.row) : nlohmann::json(nullptr);
  j["column"] = l.column >= 0 ? nlohmann::json(l.column) : nlohmann::json(nullptr);
  return j;
}

nlohmann::json FigureJson(const Figure& f) {
  nlohmann::json j;
  j["name"] = f.name;
  j["label"] = f.label;
  j["column"] = f.column;
  j["source"] = f.source;
  if (f.blank) {
    j["value"] = nullptr;
  } else {
    j["value"] = JsonNumber(f.number.value);
    j["decimals"] = f.number.value.scale;
  }
  if (!f.number.comparator.empty()) j["comparator"] = f.number.comparator;
  j["unit"] = f.unit.text;
  j["yuan"] = f.has_yuan ? JsonNumber(f.yuan) : nlohmann::json(nullptr);
  j["location"] = LocationJson(f.where);
  return j;
}

nlohmann::json IndicatorJson(const Indicator& i) {
  nlohmann::json j;
  j["table"] = i.table;
  j["row"] = i.row;
  j["levels"] = i.levels;
  j["total"] = i.is_total;
  j["weight"] = i.has_weight ? JsonNumber(i.weight) : nlohmann::json(nullptr);
  j["weight_from"] = i.weight_from;
  j["score"] = i.has_score ? JsonNumber(i.score) : nlohmann::json(nullptr);
  j["target"] = i.target;
  if (i.has_target_value) {
    j["target_comparator"] = i.target_value.comparator;
    j["target_value"] = JsonNumber(i.target_value.value);
    j["target_unit"] = i.target_value.percent ? "%" : i.target_unit.text;
  }
  j["actual"] = i.actual;
  j["location"] = LocationJson(i.where);
  return j;
}

nlohmann::json FindingJson(const Finding& f) {
  nlohmann::json j;
  j["id"] = f.id;
  j["fingerprint"] = f.fingerprint;
  j["rule"] = f.rule;
  j["severity"] = SeverityName(f.severity);
  j["message"] = f.message;
  if (f.has_numbers) {
    j["stated"] = JsonNumber(f.stated);
    j["computed"] = JsonNumber(f.computed);
    j["difference"] = JsonNumber(f.difference);
    j["tolerance"] = JsonNumber(f.tolerance);
  } else {
    j["stated"] = j["computed"] = j["difference"] = j["tolerance"] = nullptr;
  }
  j["unit"] = f.unit;
  j["location"] = LocationJson(f.where);
  j["evidence"] = f.evidence;
  return j;
}

}  // namespace

nlohmann::json CheckJsonOf(const DocumentReport& d) {
  nlohmann::json j;
  j["status"] = d.ok ? "ok" : "failed";
  const DocInfo& info = d.ex.info;
  j["encoding"] = d.encoding;
  j["kind"] = d.ok ? info.kind : "";
  j["department"] = info.department.value;
  j["year"] = info.year.value;
  j["unit_code"] = info.unit_code.value;
  j["filler"] = info.filler.value;
  j["phone"] = info.phone.value;
  j["declared_score"] =
      info.has_declared_score ? JsonNumber(info.declared_score) : nlohmann::json(nullptr);
  j["grade"] = info.grade.value;
  nlohmann::json figs = nlohmann::json::array();
  for (const Figure& f : d.ex.figures) figs.push_back(FigureJson(f));
  j["figures"] = std::move(figs);
  nlohmann::json inds = nlohmann::json::array();
  for (const Indicator& i : d.ex.indicators) inds.push_back(IndicatorJson(i));
  j["indicators"] = std::move(inds);
  nlohmann::json finds = nlohmann::json::array();
  for (const Finding& f : d.v.findings) finds.push_back(FindingJson(f));
  j["findings"] = std::move(finds);
  return j;
}

nlohmann::json CrossFindingJson(const CrossResult& r) {
  nlohmann::json j = FindingJson(r.finding);
  j["file"] = r.finding.where.file;
  j["documents"] = r.files;
  return j;
}

nlohmann::json RecordJson(DocumentRecord&& r) {
  nlohmann::json j = std::move(r.json);
  j["file"] = r.file;
  j["error"] =
      r.status == "ok" ? nlohmann::json(nullptr) : nlohmann::json(r.error.ToString());
  return j;
}

}  // namespace jx
