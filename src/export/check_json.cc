#include <nlohmann/json.hpp>

#include "export/check.h"
#include "export/json_text.h"

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
  j["column"] = f.column.str();
  j["source"] = std::string(f.source);
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

// Text written in pieces of about a MiB and joined once at its size: a
// string grown by doubling holds up to three times its text while it grows,
// beside the document the text is made of.
class Pieces {
 public:
  std::string* Tail() {
    if (tail_.size() >= kPiece) {
      done_.push_back(std::move(tail_));
      tail_ = std::string();
      tail_.reserve(kPiece + kPiece / 4);
    }
    return &tail_;
  }
  std::string Join() {
    size_t n = tail_.size();
    for (const std::string& p : done_) n += p.size();
    std::string out;
    out.reserve(n);
    for (std::string& p : done_) {
      out += p;
      std::string().swap(p);
    }
    return out += tail_;
  }

 private:
  static constexpr size_t kPiece = size_t{1} << 20;
  std::vector<std::string> done_;
  std::string tail_;
};

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

std::string CheckJsonOf(const DocumentReport& d) {
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
  // The lists are written an element at a time into the text, so that no
  // tree of the whole document is held beside what it is made of.
  j["figures"] = j["indicators"] = j["findings"] = nlohmann::json::array();
  Pieces out;
  *out.Tail() += '{';
  bool first = true;
  for (const auto& m : j.items()) {
    if (!first) *out.Tail() += ',';
    first = false;
    AppendCompact(nlohmann::json(m.key()), out.Tail());
    *out.Tail() += ':';
    auto list = [&out](const auto& items, auto to_json) {
      *out.Tail() += '[';
      for (size_t k = 0; k < items.size(); ++k) {
        if (k > 0) *out.Tail() += ',';
        AppendCompact(to_json(items[k]), out.Tail());
      }
      *out.Tail() += ']';
    };
    if (m.key() == "figures")
      list(d.ex.figures, FigureJson);
    else if (m.key() == "indicators")
      list(d.ex.indicators, IndicatorJson);
    else if (m.key() == "findings")
      list(d.v.findings, FindingJson);
    else
      AppendCompact(m.value(), out.Tail());
  }
  *out.Tail() += '}';
  return out.Join();
}

nlohmann::json CrossFindingJson(const CrossResult& r) {
  nlohmann::json j = FindingJson(r.finding);
  j["file"] = r.finding.where.file;
  j["documents"] = r.files;
  return j;
}

nlohmann::json RecordExtras(const DocumentRecord& r) {
  return {{"file", r.file},
          {"error", r.status == "ok" ? nlohmann::json(nullptr)
                                     : nlohmann::json(r.error.ToString())}};
}

nlohmann::json RecordJson(DocumentRecord&& r) {
  nlohmann::json j = r.json.empty() ? nlohmann::json::object()
                                    : nlohmann::json::parse(r.json, nullptr, false);
  if (!j.is_object()) j = nlohmann::json::object();
  r.json = std::string();
  j.update(RecordExtras(r));
  return j;
}

}  // namespace jx
