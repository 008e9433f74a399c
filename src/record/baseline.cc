#include "record/baseline.h"

#include "record/fingerprint.h"

namespace jx {

using json = nlohmann::json;

bool ParseBaseline(std::string_view text, Baseline* b, std::string* err) {
  json j = json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object() || j.value("kind", "") != "baseline" ||
      !j.contains("findings") || !j["findings"].is_array()) {
    *err =
        "not a jxaudit baseline (make one with `jxaudit baseline FILE|DIR... -o FILE`)";
    return false;
  }
  if (j.value("fingerprint_version", "") != kFingerprintVersion) {
    *err = "baseline of fingerprint version '" + j.value("fingerprint_version", "") +
           "', this jxaudit makes '" + kFingerprintVersion + "': make it again";
    return false;
  }
  b->fingerprints.clear();
  for (const json& f : j["findings"]) {
    if (!f.is_object() || !f.contains("fingerprint") || !f["fingerprint"].is_string()) {
      *err = "baseline finding without a fingerprint";
      return false;
    }
    // An empty one would take every finding that has none (a store's older
    // rows).
    if (!f["fingerprint"].get<std::string>().empty())
      b->fingerprints.insert(f["fingerprint"].get<std::string>());
  }
  return true;
}

void AddBaselineEntries(const json& doc, json* entries) {
  if (!doc.contains("findings") || !doc["findings"].is_array()) return;
  for (const json& f : doc["findings"])
    entries->push_back({{"fingerprint", f.value("fingerprint", "")},
                        {"file", doc.value("file", "")},
                        {"rule", f.value("rule", "")},
                        {"severity", f.value("severity", "")},
                        {"message", f.value("message", "")}});
}

json BaselineDocument(const std::string& version, json entries) {
  return {{"tool", "jxaudit"},
          {"version", version},
          {"kind", "baseline"},
          {"fingerprint_version", kFingerprintVersion},
          {"findings", std::move(entries)}};
}

int Suppress(const Baseline& b, DocumentRecord* r) {
  if (b.fingerprints.empty()) return 0;
  Counts gone;
  auto count = [&](const std::string& severity) {
    (severity == "error"     ? gone.errors
     : severity == "warning" ? gone.warnings
                             : gone.infos)++;
  };
  // The JSON and the text hold the same findings when both are there; the
  // counts are taken from one of them.
  json doc = r->json.empty() ? json() : json::parse(r->json, nullptr, false);
  const bool from_json = doc.is_object() && doc.contains("findings");
  if (from_json) {
    json kept = json::array();
    for (json& f : doc["findings"]) {
      if (b.fingerprints.count(f.value("fingerprint", "")))
        count(f.value("severity", ""));
      else
        kept.push_back(std::move(f));
    }
    doc["findings"] = std::move(kept);
    r->json = doc.dump(-1, ' ', false, json::error_handler_t::replace);
  }
  std::vector<CheckText::Line> lines;
  for (CheckText::Line& l : r->text.lines) {
    if (!b.fingerprints.count(l.fingerprint)) {
      lines.push_back(std::move(l));
    } else if (!from_json) {
      count(l.severity);
    }
  }
  r->text.lines = std::move(lines);
  r->counts.errors -= gone.errors;
  r->counts.warnings -= gone.warnings;
  r->counts.infos -= gone.infos;
  return gone.errors + gone.warnings + gone.infos;
}

}  // namespace jx
