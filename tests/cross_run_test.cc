// The comparison across documents in real runs: `check A B` and a directory,
// with and without a store, in every output format; the facts on the wire.
#include <sqlite3.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "audit/audit.h"
#include "record/cross.h"
#include "record/wire.h"
#include "test_util.h"

namespace jx {
namespace {

using namespace test;
using json = nlohmann::json;
namespace fs = std::filesystem;

std::string Fixture(const std::string& name) { return SamplePath("fixtures/" + name); }

// The self-evaluation and declaration of one project, and two forms of
// other projects, copied into `dir`.
void CopyFixtures(const std::string& dir) {
  for (const char* f : {"results_national_self.txt", "results_national_target.txt",
                        "results_zhejiang_self.txt", "results_guangdong_self.txt"})
    fs::copy_file(Fixture(f), dir + "/" + f);
}

// "rule severity file line" of each finding across documents.
std::vector<std::string> Cross(const json& j) {
  std::vector<std::string> out;
  for (const json& f : j.at("cross"))
    out.push_back(f.at("rule").get<std::string>() + " " +
                  f.at("severity").get<std::string>() + " " +
                  fs::path(f.at("file").get<std::string>()).filename().string() + " " +
                  std::to_string(f.at("location").at("line").get<int>()));
  return out;
}

const std::vector<std::string> kPlanted = {
    "cross.target_changed warning results_national_self.txt 16",
    "cross.indicator_missing warning results_national_self.txt 14",
    "cross.budget_mismatch error results_national_self.txt 7"};

int64_t Scalar(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &h) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  REQUIRE(sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
  int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
  sqlite3_finalize(st);
  sqlite3_close(h);
  return v;
}

}  // namespace

TEST_CASE("check A B: a self-evaluation against its declaration", "[e2e][cross]") {
  const std::string self = Fixture("results_national_self.txt");
  const std::string decl = Fixture("results_national_target.txt");
  RunResult r = RunJxaudit({"check", "--no-db", "-q", "--format", "json", self, decl});
  INFO(r.err);
  REQUIRE(r.status == 1);
  json j = json::parse(r.out);
  CHECK(Cross(j) == kPlanted);
  std::set<std::string> fps;
  for (const json& f : j.at("cross")) {
    CHECK(f.at("file") == self);
    CHECK(f.at("documents") == json::array({self, decl}));
    fps.insert(f.at("fingerprint").get<std::string>());
  }
  CHECK(fps.size() == 3);
  // The exit status and the summary count them like any finding.
  int errors = 0;
  for (const json& d : j.at("documents"))
    for (const json& f : d.at("findings")) errors += f.at("severity") == "error";
  CHECK(j.at("summary").at("errors").get<int>() == errors + 1);
  // The same content in the other order and under other names: the same
  // fingerprints, found from both documents' content.
  const std::string dir = TempDir();
  fs::copy_file(self, dir + "/a.txt");
  fs::copy_file(decl, dir + "/b.txt");
  json k = json::parse(RunJxaudit({"check", "--no-db", "-q", "--format", "json",
                                   dir + "/b.txt", dir + "/a.txt"})
                           .out);
  std::set<std::string> again;
  for (const json& f : k.at("cross"))
    again.insert(f.at("fingerprint").get<std::string>());
  CHECK(again == fps);
  // Alone, neither document has a counterpart: nothing across documents.
  CHECK(json::parse(RunJxaudit({"check", "--no-db", "-q", "--format", "json", self}).out)
            .at("cross")
            .empty());
  fs::remove_all(dir);
}

TEST_CASE("check on a directory: the planted findings across documents and no others",
          "[e2e][cross]") {
  const std::string dir = TempDir();
  CopyFixtures(dir);
  RunResult r = RunJxaudit({"check", "--no-db", "-q", "--format", "json", dir});
  INFO(r.err);
  REQUIRE(r.status == 1);
  json j = json::parse(r.out);
  CHECK(Cross(j) == kPlanted);
  WriteFile(dir + "/c.json", r.out);
  auto [rc, said] = ValidateSchema("json", "check.schema.json", dir + "/c.json");
  INFO(said);
  CHECK(rc == 0);
  // Text: a block after the files, before the summary.
  RunResult t = RunJxaudit({"check", "--no-db", "-q", dir});
  size_t block = t.out.find("\nacross documents\n");
  REQUIRE(block != std::string::npos);
  CHECK(t.out.find("[cross.budget_mismatch]", block) != std::string::npos);
  CHECK(t.out.find("[cross.", 0) == t.out.find("[cross.", block));
  CHECK(t.out.find(" errors, ", block) != std::string::npos);
  // jsonl: a line of type cross for each, valid against the schema.
  RunResult l = RunJxaudit({"check", "--no-db", "-q", "--format", "jsonl", dir});
  int cross_lines = 0;
  std::istringstream in(l.out);
  for (std::string line; std::getline(in, line);)
    cross_lines += json::parse(line).at("type") == "cross";
  CHECK(cross_lines == 3);
  WriteFile(dir + "/c.jsonl", l.out);
  auto [lrc, lsaid] = ValidateSchema("jsonl", "check.schema.json", dir + "/c.jsonl");
  INFO(lsaid);
  CHECK(lrc == 0);
  // SARIF: results under the self-evaluation.
  RunResult s = RunJxaudit({"check", "--no-db", "-q", "--format", "sarif", dir});
  json sj = json::parse(s.out);
  int cross_results = 0;
  for (const json& res : sj.at("runs").at(0).at("results"))
    if (res.at("ruleId").get<std::string>().rfind("cross.", 0) == 0) {
      ++cross_results;
      CHECK(res.at("locations").dump().find("results_national_self.txt") !=
            std::string::npos);
      CHECK(res.at("relatedLocations").dump().find("results_national_target.txt") !=
            std::string::npos);
    }
  CHECK(cross_results == 3);
  WriteFile(dir + "/c.sarif", s.out);
  auto [src, ssaid] = ValidateSchema("sarif", "sarif.schema.json", dir + "/c.sarif");
  INFO(ssaid);
  CHECK(src == 0);
  fs::remove_all(dir);
}

TEST_CASE("check: a declaration in two printings is ambiguous and not compared",
          "[e2e][cross]") {
  const std::string dir = TempDir();
  fs::copy_file(Fixture("results_national_self.txt"), dir + "/self.txt");
  fs::copy_file(Fixture("results_national_target.txt"), dir + "/decl1.txt");
  // Another printing of it (not the same bytes: copies are one document).
  WriteFile(dir + "/decl2.txt", ReadFile(Fixture("results_national_target.txt")) + "\n");
  json j =
      json::parse(RunJxaudit({"check", "--no-db", "-q", "--format", "json", dir}).out);
  REQUIRE(j.at("cross").size() == 1);
  CHECK(j.at("cross")[0].at("rule") == "cross.ambiguous");
  CHECK(j.at("cross")[0].at("severity") == "warning");
  CHECK(j.at("cross")[0].at("documents").size() == 3);
  fs::remove_all(dir);
}

TEST_CASE("check: copies of one content are one document across documents",
          "[e2e][cross]") {
  const std::string dir = TempDir();
  CopyFixtures(dir);
  fs::copy_file(Fixture("results_national_self.txt"), dir + "/z_copy_of_self.txt");
  for (const char* db : {"", "s.sqlite"}) {
    INFO(db);
    std::vector<std::string> args = {"check", "-q", "--format", "json"};
    if (*db) {
      args.push_back("--db");
      args.push_back(dir + "/" + db);
    } else {
      args.push_back("--no-db");
    }
    args.push_back(dir);
    json j = json::parse(RunJxaudit(args).out);
    CHECK(Cross(j) == kPlanted);
  }
  // Text without a store hashes nothing; its files are told apart by their
  // bytes, and it prints what a run with a store prints.
  const std::string text = RunJxaudit({"check", "--no-db", "-q", dir}).out;
  CHECK(text == RunJxaudit({"check", "-q", "--db", dir + "/t.sqlite", dir}).out);
  CHECK(text.find("cross.") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("check with a store: the second run reads both back and finds the same",
          "[e2e][cross]") {
  const std::string dir = TempDir();
  CopyFixtures(dir);
  const std::string db = dir + "/s.sqlite";
  RunResult first = RunJxaudit({"check", "-q", "--db", db, "--format", "json", dir});
  REQUIRE(first.status == 1);
  RunResult second = RunJxaudit({"check", "-q", "--db", db, "--format", "json", dir});
  REQUIRE(second.status == 1);
  CHECK(Scalar(db, "SELECT skipped FROM runs ORDER BY id DESC LIMIT 1") == 4);
  json a = json::parse(first.out), b = json::parse(second.out);
  CHECK(Cross(b) == kPlanted);
  CHECK(a.at("cross") == b.at("cross"));
  CHECK(RunJxaudit({"check", "-q", "--db", db, dir}).out ==
        RunJxaudit({"check", "--no-db", "-q", dir}).out);
  // A store kept before the facts were: its records are not compared, and
  // the run says so (an info), never guessing.
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &h) == SQLITE_OK);
  REQUIRE(sqlite3_exec(h, "UPDATE documents SET cross_facts=NULL", nullptr, nullptr,
                       nullptr) == SQLITE_OK);
  sqlite3_close(h);
  RunResult old = RunJxaudit({"check", "-q", "--db", db, "--format", "json", dir});
  json o = json::parse(old.out);
  std::vector<std::string> rules;
  for (const json& f : o.at("cross")) {
    rules.push_back(f.at("rule"));
    CHECK(f.at("severity") == "info");
  }
  CHECK(rules == std::vector<std::string>(4, "cross.not_recorded"));
  RunResult text = RunJxaudit({"check", "-q", "--db", db, dir});
  CHECK(text.out.find("across documents") == std::string::npos);  // infos need -v
  CHECK(RunJxaudit({"check", "-q", "-v", "--db", db, dir})
            .out.find("[cross.not_recorded]") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("extract and report: findings across documents are in the workbooks' rows",
          "[e2e][cross]") {
  const std::string dir = TempDir();
  CopyFixtures(dir);
  // extract's sheets as JSON: the Findings rows hold the planted findings
  // under the self-evaluation, beside its own.
  RunResult x = RunJxaudit({"extract", "--no-db", "--format", "json", dir});
  REQUIRE(x.status == 0);
  json sheets = json::parse(x.out);
  std::vector<std::string> got;
  for (const json& row : sheets.at("Findings"))
    if (row.at("rule").get<std::string>().rfind("cross.", 0) == 0)
      got.push_back(row.at("rule").get<std::string>() + " " +
                    row.at("severity").get<std::string>() + " " +
                    fs::path(row.at("file").get<std::string>()).filename().string() +
                    " " + std::to_string(row.at("line").get<int>()));
  CHECK(got == kPlanted);
  // report over a store: the store compared as one run; its 问题清单 holds them.
  const std::string db = dir + "/s.sqlite";
  REQUIRE(RunJxaudit({"check", "-q", "--db", db, dir}).status == 1);
  REQUIRE(RunJxaudit({"report", "--db", db, "-o", dir + "/r.xlsx"}).status == 0);
  const std::string xml = dir + "/sheets.xml";
  REQUIRE(std::system(("unzip -p " + ShellQuote(dir + "/r.xlsx") +
                       " 'xl/worksheets/*.xml' > " + ShellQuote(xml) + " 2>/dev/null")
                          .c_str()) == 0);
  const std::string all = ReadFile(xml);
  for (const char* rule :
       {"cross.budget_mismatch", "cross.target_changed", "cross.indicator_missing"})
    CHECK(all.find(std::string(">") + rule + "<") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("check --baseline: reviewed findings across documents are left out",
          "[e2e][cross]") {
  const std::string dir = TempDir();
  CopyFixtures(dir);
  RunResult base =
      RunJxaudit({"baseline", "--no-db", "-q", dir, "-o", dir + "/baseline.json"});
  REQUIRE(base.status == 0);
  CHECK(ReadFile(dir + "/baseline.json").find("cross.budget_mismatch") !=
        std::string::npos);
  RunResult r = RunJxaudit({"check", "--no-db", "-q", "--format", "json", "--baseline",
                            dir + "/baseline.json", dir});
  CHECK(r.status == 0);
  json j = json::parse(r.out);
  CHECK(j.at("cross").empty());
  CHECK(j.at("summary").at("errors") == 0);
  fs::remove_all(dir);
}

TEST_CASE("record: the facts across documents survive the wire", "[cross]") {
  DocumentRecord r = CheckRecord(Fixture("results_national_target.txt"), "ab",
                                 ReadOptions{}, ProjectPatterns(), RecordParts{});
  REQUIRE(r.cross.known);
  CHECK(r.cross.kind == "target_declaration");
  REQUIRE(r.cross.forms.size() == 1);
  CHECK(r.cross.forms[0].indicators.size() >= 5);
  CHECK(r.cross.has_fund);
  CHECK(r.cross.fund == Decimal{1500000, 0});
  DocumentRecord back;
  Error err;
  REQUIRE(RecordFromWire(RecordToWire(r), &back, &err));
  CHECK(back.cross.known);
  CHECK(CrossFactsToJson(back.cross) == CrossFactsToJson(r.cross));
  // Facts not known stay not known.
  r.cross = CrossFacts{};
  REQUIRE(RecordFromWire(RecordToWire(r), &back, &err));
  CHECK_FALSE(back.cross.known);
  CrossFacts bad;
  CHECK_FALSE(CrossFactsFromJson(json::parse(R"({"kind": 3})"), &bad));
  CHECK_FALSE(bad.known);
}

}  // namespace jx
