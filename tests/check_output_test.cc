// check's outputs for scripts, end to end with the built binary: SARIF,
// jsonl, the JSON against its schema, fingerprints, baselines, --fail-on,
// and what check tells on stderr.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "base/patterns.h"
#include "cli/help.h"
#include "test_util.h"
#include "validate/validate.h"

namespace jx {
namespace {

using namespace test;
using json = nlohmann::json;
namespace fs = std::filesystem;

// Runs jxaudit in `dir` (left in place), stdout and stderr kept.
RunResult In(const std::string& dir, const std::vector<std::string>& args) {
  std::string cmd = "cd " + ShellQuote(dir) + " && " + ShellQuote(JXAUDIT_BINARY);
  for (const std::string& a : args) cmd += " " + ShellQuote(a);
  cmd += " >" + ShellQuote(dir + "/.out") + " 2>" + ShellQuote(dir + "/.err");
  RunResult r;
  int rc = std::system(cmd.c_str());
  r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  r.out = ReadFile(dir + "/.out");
  r.err = ReadFile(dir + "/.err");
  return r;
}

std::string Sample(int n) {
  static const char* kNames[] = {"000_78d777d638020fc8.txt", "001_20b715a24a62e05c.txt",
                                 "002_fef1010ff2924dfd.txt", "003_8edb4e5fb5a34cb8.txt",
                                 "004_85c34f88b6099d5e.txt"};
  return SamplePath(kNames[n]);
}

std::vector<std::string> Fingerprints(const json& check) {
  std::vector<std::string> out;
  for (const json& d : check.at("documents"))
    for (const json& f : d.at("findings")) out.push_back(f.at("fingerprint"));
  return out;
}

TEST_CASE("check json: real output of the samples holds to schemas/check.schema.json",
          "[e2e]") {
  const std::string dir = TempDir();
  // Text, PDF (good and broken) and office files: every shape of location.
  RunResult r = In(dir, {"check", "--no-db", "-q", "--format", "json", "-o", "c.json",
                         std::string(JXAUDIT_SAMPLES),
                         std::string(JXAUDIT_TESTS_DIR) + "/office/converted"});
  REQUIRE(r.status == 2);  // samples/pdf/bad are unreadable on purpose
  json j = json::parse(ReadFile(dir + "/c.json"));
  CHECK(j.at("schema_version") == 1);
  CHECK(j.at("summary").at("failed").get<int>() >= 3);
  auto [rc, said] = ValidateSchema("json", "check.schema.json", dir + "/c.json");
  INFO(said);
  CHECK(rc == 0);
  // The validator is not a formality: a finding without its fingerprint fails.
  for (json& d : j["documents"])
    if (!d["findings"].empty()) {
      d["findings"][0].erase("fingerprint");
      break;
    }
  WriteFile(dir + "/bad.json", j.dump());
  auto [bad_rc, bad_said] =
      ValidateSchema("json", "check.schema.json", dir + "/bad.json");
  CHECK(bad_rc == 1);
  CHECK(bad_said.find("'fingerprint' is a required property") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("check jsonl: one document a line in input order then a summary line",
          "[e2e]") {
  const std::string dir = TempDir();
  RunResult r = In(dir, {"check", "--no-db", "-j", "3", "--format", "jsonl", Sample(4),
                         Sample(0), Sample(1), dir + "/missing.txt"});
  CHECK(r.status == 2);
  std::vector<json> lines;
  std::istringstream in(r.out);
  for (std::string l; std::getline(in, l);) lines.push_back(json::parse(l));
  REQUIRE(lines.size() == 5);
  CHECK(lines[0].at("file") == Sample(4));
  CHECK(lines[1].at("file") == Sample(0));
  CHECK(lines[2].at("file") == Sample(1));
  CHECK(lines[3].at("status") == "failed");
  for (size_t i = 0; i < 4; ++i) CHECK(lines[i].at("type") == "document");
  CHECK(lines[4].at("type") == "summary");
  CHECK(lines[4].at("files") == 4);
  CHECK(lines[4].at("failed") == 1);
  WriteFile(dir + "/c.jsonl", r.out);
  auto [rc, said] = ValidateSchema("jsonl", "check.schema.json", dir + "/c.jsonl");
  INFO(said);
  CHECK(rc == 0);
  fs::remove_all(dir);
}

TEST_CASE("check jsonl: a file's line is written when it finishes, not at the end",
          "[e2e]") {
  const std::string dir = TempDir();
  // A long report that runs into --timeout after a small one.
  std::string big;
  for (int k = 0; k < 200; ++k)
    for (int n = 0; n < 5; ++n) big += ReadFile(Sample(n)) + "\n";
  WriteFile(dir + "/big.txt", big);
  const std::string cmd =
      ShellQuote(JXAUDIT_BINARY) + " check --no-db -q -j 1 --timeout 2 --format jsonl " +
      ShellQuote(Sample(0)) + " " + ShellQuote(dir + "/big.txt") + " 2>/dev/null";
  FILE* p = ::popen(cmd.c_str(), "r");
  REQUIRE(p);
  std::string first;
  for (int c; (c = std::fgetc(p)) != EOF && c != '\n';) first += static_cast<char>(c);
  const auto at_first = std::chrono::steady_clock::now();
  while (std::fgetc(p) != EOF) {
  }
  ::pclose(p);
  const double after =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - at_first).count();
  CHECK(json::parse(first).at("file") == Sample(0));
  // The long file ran on for its two seconds after the first line was out.
  CHECK(after > 1.0);
  fs::remove_all(dir);
}

TEST_CASE("check sarif: rules with both titles and results that agree with the JSON",
          "[e2e]") {
  const std::string dir = TempDir();
  fs::copy_file(Sample(1), dir + "/报告 1.txt");
  RunResult s = In(dir, {"check", "--no-db", "-q", "--format", "sarif", "-o", "c.sarif",
                         "报告 1.txt", Sample(4), dir + "/missing.txt"});
  CHECK(s.status == 2);
  RunResult j = In(dir, {"check", "--no-db", "-q", "--format", "json", "-v", "报告 1.txt",
                         Sample(4), dir + "/missing.txt"});
  const json sarif = json::parse(ReadFile(dir + "/c.sarif"));
  const json check = json::parse(j.out);
  CHECK(sarif.at("version") == "2.1.0");
  const json& run = sarif.at("runs").at(0);
  const json& rules = run.at("tool").at("driver").at("rules");
  CHECK(run.at("tool").at("driver").at("name") == "jxaudit");
  REQUIRE(rules.size() == Rules().size());
  for (const json& rule : rules) {
    INFO(rule.dump());
    CHECK(!rule.at("properties").at("title_zh").get<std::string>().empty());
    CHECK(!rule.at("properties").at("title_en").get<std::string>().empty());
  }
  CHECK(rules[0].at("id") == Rules()[0].id);
  const json& results = run.at("results");
  std::vector<std::string> fps = Fingerprints(check);
  REQUIRE(results.size() == fps.size());
  std::map<std::string, std::string> level = {
      {"error", "error"}, {"warning", "warning"}, {"info", "note"}};
  size_t k = 0;
  for (const json& d : check.at("documents"))
    for (const json& f : d.at("findings")) {
      const json& res = results[k++];
      CHECK(res.at("partialFingerprints").at("jxaudit/v1") == f.at("fingerprint"));
      CHECK(res.at("ruleId") == f.at("rule"));
      CHECK(res.at("level") == level.at(f.at("severity")));
      CHECK(res.at("message").at("text") == f.at("message"));
      CHECK(rules.at(res.at("ruleIndex").get<size_t>()).at("id") == f.at("rule"));
      const json& loc = res.at("locations").at(0).at("physicalLocation");
      if (d.at("file") == "报告 1.txt") {
        CHECK(loc.at("artifactLocation").at("uri") == "%E6%8A%A5%E5%91%8A%201.txt");
        CHECK(loc.at("region").at("startLine") == f.at("location").at("line"));
      }
    }
  const json& inv = run.at("invocations").at(0);
  CHECK(inv.at("executionSuccessful") == false);
  REQUIRE(inv.at("toolExecutionNotifications").size() == 1);
  CHECK(inv.at("toolExecutionNotifications")[0].at("level") == "error");
  auto [rc, said] = ValidateSchema("sarif", "sarif.schema.json", dir + "/c.sarif");
  INFO(said);
  CHECK(rc == 0);
  // A level SARIF does not have is caught.
  json bad = sarif;
  bad["runs"][0]["results"][0]["level"] = "fatal";
  WriteFile(dir + "/bad.sarif", bad.dump());
  auto [bad_rc, bad_said] =
      ValidateSchema("sarif", "sarif.schema.json", dir + "/bad.sarif");
  CHECK(bad_rc == 1);
  CHECK(bad_said.find("'fatal' is not one of") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("check sarif: a PDF finding's region names its page", "[e2e]") {
  const std::string dir = TempDir();
  RunResult s = In(dir, {"check", "--no-db", "-q", "--format", "sarif", "-o", "c.sarif",
                         std::string(JXAUDIT_SAMPLES) + "/pdf"});
  const json run = json::parse(ReadFile(dir + "/c.sarif")).at("runs").at(0);
  int paged = 0;
  for (const json& res : run.at("results")) {
    const json& region = res.at("locations")[0].at("physicalLocation").at("region");
    if (region.contains("properties") && region["properties"].contains("page")) {
      ++paged;
      CHECK_FALSE(region.contains("startLine"));  // a PDF has no lines of its own
    }
  }
  CHECK(paged > 0);
  auto [rc, said] = ValidateSchema("sarif", "sarif.schema.json", dir + "/c.sarif");
  INFO(said);
  CHECK(rc == 0);
  fs::remove_all(dir);
}

TEST_CASE(
    "fingerprints: the same under another path, with -j, and read back from the store",
    "[e2e]") {
  const std::string dir = TempDir();
  fs::create_directories(dir + "/elsewhere");
  fs::copy_file(Sample(1), dir + "/elsewhere/renamed.txt");
  RunResult a = In(dir, {"check", "--no-db", "--format", "json", Sample(1)});
  RunResult b =
      In(dir, {"check", "--db", "s.sqlite", "--format", "json", "elsewhere/renamed.txt"});
  // Read back from the store, as JSON and as text with the same lines.
  RunResult c =
      In(dir, {"check", "--db", "s.sqlite", "--format", "json", "elsewhere/renamed.txt"});
  const std::vector<std::string> fa = Fingerprints(json::parse(a.out));
  REQUIRE(fa.size() >= 10);
  CHECK(Fingerprints(json::parse(b.out)) == fa);
  CHECK(Fingerprints(json::parse(c.out)) == fa);
  // The store keeps them in findings.fingerprint, in order.
  RunResult rows = In(
      dir, {"check", "--db", "s.sqlite", "--format", "sarif", "elsewhere/renamed.txt"});
  const json results = json::parse(rows.out).at("runs")[0].at("results");
  REQUIRE(results.size() == fa.size());
  for (size_t i = 0; i < fa.size(); ++i)
    CHECK(results[i].at("partialFingerprints").at("jxaudit/v1") == fa[i]);
  fs::remove_all(dir);
}

TEST_CASE("baseline: recorded findings are left out and only new ones set the status",
          "[e2e]") {
  const std::string dir = TempDir();
  RunResult base = In(dir, {"baseline", "--no-db", Sample(1), "-o", "baseline.json"});
  REQUIRE(base.status == 0);
  const json bl = json::parse(ReadFile(dir + "/baseline.json"));
  CHECK(bl.at("kind") == "baseline");
  REQUIRE(bl.at("findings").size() >= 10);
  CHECK(bl.at("findings")[0].at("file") == Sample(1));
  // Without the baseline 001 has errors (status 1); with it nothing is told.
  CHECK(In(dir, {"check", "--no-db", Sample(1)}).status == 1);
  RunResult quiet =
      In(dir, {"check", "--no-db", "--baseline", "baseline.json", Sample(1)});
  CHECK(quiet.status == 0);
  CHECK(quiet.out.find("error [") == std::string::npos);
  CHECK(quiet.out.find(std::to_string(bl.at("findings").size()) +
                       " findings left out: already in the baseline") !=
        std::string::npos);
  // A new report's findings are told, and set the status.
  RunResult both = In(dir, {"check", "--no-db", "--baseline", "baseline.json", "--format",
                            "json", Sample(1), Sample(4)});
  CHECK(both.status == 1);
  const json j = json::parse(both.out);
  CHECK(j.at("documents")[0].at("findings").empty());
  CHECK(!j.at("documents")[1].at("findings").empty());
  CHECK(j.at("summary").at("suppressed") == bl.at("findings").size());
  // From the store too (a record read back), in every format.
  In(dir, {"check", "--db", "s.sqlite", Sample(1)});
  RunResult stored = In(dir, {"check", "--db", "s.sqlite", "--baseline", "baseline.json",
                              "--format", "sarif", Sample(1)});
  CHECK(stored.status == 0);
  CHECK(json::parse(stored.out).at("runs")[0].at("results").empty());
  // The text of a record read back is made from the findings rows: their
  // fingerprints are the ones the baseline holds.
  RunResult stored_text = In(
      dir, {"check", "--db", "s.sqlite", "--baseline", "baseline.json", "-v", Sample(1)});
  CHECK(stored_text.status == 0);
  CHECK(stored_text.out.find("] ") == std::string::npos);
  CHECK(stored_text.out.find("0 errors, 0 warnings, 0 info in 1 files") !=
        std::string::npos);
  CHECK(stored_text.out.find(std::to_string(bl.at("findings").size()) +
                             " findings left out") != std::string::npos);
  RunResult junk = In(dir, {"check", "--no-db", "--baseline", "c.sqlite", Sample(1)});
  CHECK(junk.status == 2);
  CHECK(junk.err.find("c.sqlite: cannot open") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("fail-on: which findings set status 1, and an unreadable file outweighs them",
          "[e2e]") {
  const std::string dir = TempDir();
  // 000 has one warning and no error; 001 has errors.
  CHECK(In(dir, {"check", "--no-db", Sample(0)}).status == 0);
  CHECK(In(dir, {"check", "--no-db", "--fail-on", "warning", Sample(0)}).status == 1);
  CHECK(In(dir, {"check", "--no-db", "--fail-on", "error", Sample(1)}).status == 1);
  CHECK(In(dir, {"check", "--no-db", "--fail-on", "never", Sample(1)}).status == 0);
  CHECK(In(dir, {"check", "--no-db", "--fail-on", "never", Sample(1), "nothing.txt"})
            .status == 2);
  CHECK(In(dir, {"check", "--no-db", Sample(1), "nothing.txt"}).status == 2);
  RunResult bad = In(dir, {"check", "--no-db", "--fail-on", "sometimes", Sample(1)});
  CHECK(bad.status == 2);
  CHECK(bad.err == "jxaudit: --fail-on 'sometimes': expected error, warning or never\n");
  fs::remove_all(dir);
}

TEST_CASE("check -o FILE.xlsx is refused with one line and nothing written", "[e2e]") {
  const std::string dir = TempDir();
  RunResult r = In(dir, {"check", "-o", "x.xlsx", Sample(1)});
  CHECK(r.status == 2);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  CHECK(r.err.find("jxaudit extract") != std::string::npos);
  CHECK_FALSE(fs::exists(dir + "/x.xlsx"));
  CHECK_FALSE(fs::exists(dir + "/jxaudit.sqlite"));
  fs::remove_all(dir);
}

TEST_CASE("check without --db says where the store went, unless quiet", "[e2e]") {
  const std::string dir = TempDir();
  fs::create_directories(dir + "/out");
  RunResult r = In(dir, {"check", "-o", "out/c.txt", Sample(0)});
  CHECK(r.status == 0);
  CHECK(r.err ==
        "jxaudit: recorded in out/jxaudit.sqlite (--db FILE names another, "
        "--no-db records nothing)\n");
  CHECK(fs::exists(dir + "/out/jxaudit.sqlite"));
  CHECK(In(dir, {"check", "-q", Sample(0)}).err.empty());
  CHECK(In(dir, {"check", "--db", "named.sqlite", Sample(0)}).err.empty());
  CHECK(In(dir, {"check", "--no-db", Sample(0)}).err.empty());
  fs::remove_all(dir);
}

TEST_CASE("help: each command lists its own options", "[e2e]") {
  const std::string dir = TempDir();
  RunResult check = In(dir, {"check", "--help"});
  CHECK(check.status == 0);
  CHECK(check.out.rfind("usage: jxaudit check FILE|DIR...", 0) == 0);
  for (const char* o :
       {"--baseline", "--fail-on", "--format", "sarif", "--db", "--timeout"})
    CHECK(check.out.find(o) != std::string::npos);
  RunResult tables = In(dir, {"tables", "--help"});
  CHECK(tables.status == 0);
  CHECK(tables.out.find("markdown") != std::string::npos);
  CHECK(tables.out.find("--baseline") == std::string::npos);
  CHECK(tables.out.find("--db") == std::string::npos);
  RunResult report = In(dir, {"report", "--help"});
  CHECK(report.out.find("--timeout") == std::string::npos);
  CHECK(report.out.find("--db") != std::string::npos);
  RunResult all = In(dir, {"--help"});
  for (const CommandInfo& c : Commands())
    CHECK(all.out.find(std::string("  ") + c.name + " ") != std::string::npos);
  CHECK(In(dir, {"frobnicate", "--help"}).status == 2);
  fs::remove_all(dir);
}

// The output of a shell command and its exit status.
std::pair<int, std::string> Shell(const std::string& cmd, const std::string& dir) {
  const std::string log = dir + "/.shell";
  int rc = std::system((cmd + " >" + ShellQuote(log) + " 2>&1").c_str());
  return {WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, ReadFile(log)};
}

// The long and short names of the options a command's help lists.
std::vector<std::string> HelpOptions(const std::string& help) {
  std::vector<std::string> out;
  std::istringstream in(help.substr(help.find("\noptions:\n")));
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("  -", 0) != 0) continue;
    std::istringstream words(line);
    for (std::string w; words >> w;) {
      if (w == "[" || w == "]") continue;
      if (w.rfind("-", 0) != 0) break;
      out.push_back(w);
    }
  }
  return out;
}

TEST_CASE("man page: man/jxaudit.1 is what tools/make-man.py makes of the help",
          "[e2e]") {
  const std::string dir = TempDir();
  auto [rc, page] = Shell(
      "python3 " + ShellQuote(std::string(JXAUDIT_SOURCE_DIR) + "/tools/make-man.py") +
          " " + ShellQuote(JXAUDIT_BINARY),
      dir);
  REQUIRE(rc == 0);
  INFO("run tools/make-man.py build/jxaudit > man/jxaudit.1 after changing the help");
  CHECK(page == ReadFile(std::string(JXAUDIT_SOURCE_DIR) + "/man/jxaudit.1"));
  for (const char* o : {"\\-\\-baseline", "\\-\\-fail\\-on", ".SS check", ".SS baseline",
                        ".SH EXIT STATUS"})
    CHECK(page.find(o) != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("completion: every command and each option its help lists", "[e2e]") {
  const std::string dir = TempDir();
  const std::string script = std::string(JXAUDIT_SOURCE_DIR) + "/completion/jxaudit.bash";
  auto complete = [&](const std::string& words, int cword) {
    auto [rc, got] =
        Shell("bash -c " + ShellQuote("source " + ShellQuote(script) + "; COMP_WORDS=(" +
                                      words + "); COMP_CWORD=" + std::to_string(cword) +
                                      "; _jxaudit; printf '%s\\n' \"${COMPREPLY[@]}\""),
              dir);
    REQUIRE(rc == 0);
    std::set<std::string> words_out;
    std::istringstream in(got);
    for (std::string w; std::getline(in, w);) words_out.insert(w);
    return words_out;
  };
  std::set<std::string> commands = complete("jxaudit ''", 1);
  for (const CommandInfo& c : Commands()) {
    INFO(c.name);
    CHECK(commands.count(c.name));
    std::set<std::string> offered = complete(std::string("jxaudit ") + c.name + " -", 2);
    RunResult help = In(dir, {c.name, "--help"});
    std::vector<std::string> listed = HelpOptions(help.out);
    CHECK(listed.size() >= 3);
    for (const std::string& o : listed) {
      INFO(o);
      CHECK(offered.count(o));
    }
  }
  CHECK(complete("jxaudit check --format ''", 3) ==
        std::set<std::string>{"text", "json", "jsonl", "sarif"});
  fs::remove_all(dir);
}

TEST_CASE("install: the binary, its patterns, the man page and the completion", "[e2e]") {
  const std::string dir = TempDir();
  auto [rc, said] = Shell("cmake --install " + ShellQuote(JXAUDIT_BUILD_DIR) +
                              " --prefix " + ShellQuote(dir + "/usr"),
                          dir);
  INFO(said);
  REQUIRE(rc == 0);
  for (const char* f : {"/usr/bin/jxaudit", "/usr/share/man/man1/jxaudit.1",
                        "/usr/share/bash-completion/completions/jxaudit",
                        "/usr/share/jxaudit/patterns/rules.txt",
                        "/usr/share/jxaudit/patterns/header.txt"})
    CHECK(fs::exists(dir + f));
  // The installed binary finds the installed patterns.
  auto [crc, out] =
      Shell("env -u JXAUDIT_PATTERNS " + ShellQuote(dir + "/usr/bin/jxaudit") +
                " check --no-db " + ShellQuote(Sample(0)),
            dir);
  CHECK(crc == 0);
  CHECK(out.find("0 errors, 1 warnings") != std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace jx
