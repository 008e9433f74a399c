// The committed farm subset (samples/farm/: PDFs of the text samples through
// Writer, Calc, Chromium and ReportLab with seeded settings): no rendering
// gives an error its text does not have. A missed finding is allowed here;
// a false error, the worst outcome for an auditor, is not.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "test_util.h"

namespace jx {
namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;
using test::RunJxaudit;
using test::SamplePath;

using Key = std::tuple<std::string, std::string, std::string, std::string>;

// (rule, severity, stated, computed) of each error and warning, counted.
std::map<Key, int> Keys(const json& doc) {
  std::map<Key, int> out;
  if (!doc.contains("findings")) return out;
  for (const json& f : doc.at("findings")) {
    const std::string sev = f.value("severity", "");
    if (sev != "error" && sev != "warning") continue;
    ++out[{f.value("rule", ""), sev, f.contains("stated") ? f.at("stated").dump() : "",
           f.contains("computed") ? f.at("computed").dump() : ""}];
  }
  return out;
}

TEST_CASE("farm subset: no rendering gives an error its text does not have",
          "[e2e][farm]") {
  const std::string farm = SamplePath("farm");
  const std::string repo = fs::path(SamplePath("")).parent_path().parent_path().string();
  std::vector<std::pair<std::string, std::string>> pairs;  // rendering, its text
  std::set<std::string> files;
  for (const auto& e : fs::directory_iterator(farm)) {
    if (e.path().extension() != ".json" || e.path().filename() == "farm-report.json" ||
        e.path().filename() == "manifest.json")
      continue;
    const json side = json::parse(test::ReadFile(e.path().string()), nullptr, false);
    if (side.is_discarded() || !side.contains("file") || !side.at("file").is_string() ||
        !side.contains("source"))
      continue;
    const std::string pdf = farm + "/" + side.at("file").get<std::string>();
    const std::string text = repo + "/" + side.at("source").get<std::string>();
    REQUIRE(fs::exists(pdf));
    REQUIRE(fs::exists(text));
    pairs.emplace_back(pdf, text);
    files.insert(pdf);
    files.insert(text);
  }
  REQUIRE(pairs.size() >= 30);
  std::vector<std::string> args = {"check", "--no-db", "-q", "--format", "json"};
  args.insert(args.end(), files.begin(), files.end());
  const test::RunResult r = RunJxaudit(args);
  const json j = json::parse(r.out, nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  std::map<std::string, json> by_file;
  for (const json& d : j.at("documents")) by_file[d.at("file").get<std::string>()] = d;
  for (const auto& [pdf, text] : pairs) {
    INFO(pdf);
    REQUIRE(by_file.count(pdf));
    REQUIRE(by_file.count(text));
    CHECK(by_file[pdf].at("status") == "ok");
    const std::map<Key, int> want = Keys(by_file[text]), got = Keys(by_file[pdf]);
    for (const auto& [k, n] : got) {
      if (std::get<1>(k) != "error") continue;
      auto it = want.find(k);
      INFO(std::get<0>(k) << " stated " << std::get<2>(k) << " computed "
                          << std::get<3>(k));
      CHECK(n <= (it == want.end() ? 0 : it->second));
    }
  }
}

}  // namespace
}  // namespace jx
