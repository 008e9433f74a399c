#include "export/sarif.h"

#include "validate/validate.h"

namespace jx {
namespace {

using json = nlohmann::json;

constexpr const char* kSarifSchema = "https://json.schemastore.org/sarif-2.1.0.json";

std::string Dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

json FileLocation(const std::string& file) {
  return {{"physicalLocation", {{"artifactLocation", {{"uri", FileUri(file)}}}}}};
}

}  // namespace

const char* SarifLevel(const std::string& severity) {
  if (severity == "error") return "error";
  if (severity == "warning") return "warning";
  return "note";
}

std::string FileUri(const std::string& path) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out = !path.empty() && path[0] == '/' ? "file://" : "";
  for (unsigned char c : path) {
    bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                 (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~' ||
                 c == '/';
    if (plain) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

SarifWriter::SarifWriter(const Patterns& patterns, std::string version)
    : version_(std::move(version)) {
  const auto& titles = patterns.rule_titles();
  for (const RuleInfo& r : Rules()) {
    json rule;
    rule["id"] = r.id;
    auto t = titles.find(r.id);
    // A rule without a title in patterns/rules.txt still gets its id.
    const std::string zh = t != titles.end() ? t->second.zh : r.id;
    const std::string en = t != titles.end() ? t->second.en : r.what;
    rule["shortDescription"] = {{"text", zh}};
    rule["fullDescription"] = {{"text", en}};
    rule["help"] = {{"text", r.what}};
    rule["properties"] = {{"title_zh", zh}, {"title_en", en}};
    rule_index_[r.id] = static_cast<int>(rules_.size());
    rules_.push_back(std::move(rule));
  }
}

std::string SarifWriter::Begin() const {
  json driver = {{"name", "jxaudit"},
                 {"version", version_},
                 {"semanticVersion", version_},
                 {"rules", rules_}};
  return "{\"$schema\": \"" + std::string(kSarifSchema) +
         "\", \"version\": \"2.1.0\", \"runs\": [{\"tool\": " +
         Dump(json{{"driver", driver}}) +
         ", \"columnKind\": \"unicodeCodePoints\", \"results\": [\n";
}

json SarifWriter::Result(const std::string& file, const json& f) const {
  json r;
  const std::string rule = f.value("rule", "");
  r["ruleId"] = rule;
  auto idx = rule_index_.find(rule);
  if (idx != rule_index_.end()) r["ruleIndex"] = idx->second;
  r["level"] = SarifLevel(f.value("severity", ""));
  r["message"] = {{"text", f.value("message", "")}};
  json phys = {{"artifactLocation", {{"uri", FileUri(file)}}}};
  json region = json::object();
  json where = json::object();
  const json& loc = f.contains("location") ? f["location"] : json::object();
  // A line is a line of the file only without pages: a PDF's lines are
  // counted over its extracted text, a workbook's are rows of a sheet.
  const bool paged = loc.contains("page") && loc["page"].is_number();
  const int line =
      loc.contains("line") && loc["line"].is_number() ? loc["line"].get<int>() : 0;
  if (!paged && line > 0) region["startLine"] = line;
  if (paged) where["page"] = loc["page"];
  for (const char* k : {"cell", "table", "row", "column"})
    if (loc.contains(k) && !loc[k].is_null()) where[k] = loc[k];
  if (paged && line > 0) where["line"] = line;
  if (!where.empty()) region["properties"] = where;
  if (!region.empty()) phys["region"] = region;
  r["locations"] = json::array({{{"physicalLocation", phys}}});
  // A finding across documents: the other documents it rests on (the
  // declaration), so that a viewer can open them beside it.
  if (f.contains("documents") && f["documents"].is_array()) {
    json related = json::array();
    for (const json& d : f["documents"])
      if (d.is_string() && d.get<std::string>() != file)
        related.push_back(
            {{"id", static_cast<int>(related.size())},
             {"physicalLocation",
              {{"artifactLocation", {{"uri", FileUri(d.get<std::string>())}}}}}});
    if (!related.empty()) r["relatedLocations"] = std::move(related);
  }
  r["partialFingerprints"] = {{"jxaudit/v1", f.value("fingerprint", "")}};
  json props = json::object();
  for (const char* k : {"id", "stated", "computed", "difference", "tolerance", "unit"})
    if (f.contains(k) && !f[k].is_null() &&
        !(f[k].is_string() && f[k].get<std::string>().empty()))
      props[k] = f[k];
  if (!props.empty()) r["properties"] = props;
  return r;
}

std::string SarifWriter::Document(const json& doc) {
  const std::string file = doc.value("file", "");
  if (doc.value("status", "") != "ok") {
    failures_ = true;
    json n = {{"level", "error"},
              {"message",
               {{"text", doc.contains("error") && doc["error"].is_string()
                             ? doc["error"].get<std::string>()
                             : std::string("failed")}}},
              {"locations", json::array({FileLocation(file)})},
              {"properties", {{"status", doc.value("status", "failed")}}}};
    notifications_.push_back(std::move(n));
    return "";
  }
  std::string out;
  if (doc.contains("findings") && doc["findings"].is_array())
    for (const json& f : doc["findings"]) {
      out += (first_ ? "" : ",\n") + Dump(Result(file, f));
      first_ = false;
    }
  return out;
}

void SarifWriter::Skipped(const std::string& file, const std::string& reason) {
  notifications_.push_back({{"level", "note"},
                            {"message", {{"text", "skipped: " + reason}}},
                            {"locations", json::array({FileLocation(file)})},
                            {"properties", {{"status", "skipped"}}}});
}

std::string SarifWriter::End(const json& run_properties) const {
  json inv = {{"executionSuccessful", !failures_},
              {"toolExecutionNotifications", notifications_}};
  return "\n], \"invocations\": [" + Dump(inv) +
         "], \"properties\": " + Dump(run_properties) + "}]}\n";
}

}  // namespace jx
