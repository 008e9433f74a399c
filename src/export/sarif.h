// `check --format sarif`: SARIF 2.1.0, written as the records come (one run,
// its results in input order), so a large batch is never held whole.
#ifndef JXAUDIT_EXPORT_SARIF_H_
#define JXAUDIT_EXPORT_SARIF_H_

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "base/patterns.h"

namespace jx {

class SarifWriter {
 public:
  // The rules come from validate's list with their titles from
  // patterns/rules.txt.
  SarifWriter(const Patterns& patterns, std::string version);

  // The document up to the opening of the results array.
  std::string Begin() const;
  // The results of one document as `check --format json` prints it (with
  // "file" and "error"); a failed document becomes a notification instead.
  std::string Document(const nlohmann::json& doc);
  // A file a directory walk did not take.
  void Skipped(const std::string& file, const std::string& reason);
  // The rest: invocation (notifications, success) and run properties.
  std::string End(const nlohmann::json& run_properties) const;

  // One SARIF result of a finding of `file` (the finding as in the JSON).
  nlohmann::json Result(const std::string& file, const nlohmann::json& finding) const;

 private:
  std::string version_;
  nlohmann::json rules_ = nlohmann::json::array();
  std::map<std::string, int> rule_index_;
  nlohmann::json notifications_ = nlohmann::json::array();
  bool failures_ = false;
  bool first_ = true;
};

// A path as a URI reference: relative paths stay relative (SARIF resolves
// them against the working directory), absolute ones become file:// URIs;
// bytes outside RFC 3986's unreserved set and '/' are percent-encoded.
std::string FileUri(const std::string& path);

// SARIF's level for a jxaudit severity: error, warning, note.
const char* SarifLevel(const std::string& severity);

}  // namespace jx

#endif  // JXAUDIT_EXPORT_SARIF_H_
