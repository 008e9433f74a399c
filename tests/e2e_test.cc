// End to end: the built binary on samples/.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "ingest/encoding.h"
#include "test_util.h"

using namespace jx::test;

TEST_CASE("jxaudit tables on all samples", "[e2e]") {
  std::vector<std::string> args = {"tables", "--format", "json"};
  for (const std::string& s : SeedSamples()) args.push_back(SamplePath(s));
  RunResult r = RunJxaudit(args);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  nlohmann::json j = nlohmann::json::parse(r.out);
  REQUIRE(j["documents"].size() == 5);
  size_t tables = 0;
  for (const auto& d : j["documents"]) {
    CHECK(d["status"] == "ok");
    tables += d["tables"].size();
  }
  CHECK(tables == 24);
}

TEST_CASE("A bad file is reported and the batch goes on", "[e2e][errors]") {
  std::string dir = TempDir();
  WriteFile(dir + "/empty.txt", "");
  WriteFile(dir + "/binary.txt", std::string("\x7f"
                                             "ELF\0\0\0",
                                             7));
  std::filesystem::create_directory(dir + "/folder");
  RunResult r = RunJxaudit({"tables", dir + "/empty.txt", dir + "/missing.txt",
                            SamplePath("002_fef1010ff2924dfd.txt"), dir + "/folder",
                            dir + "/binary.txt"});
  CHECK(r.status == 2);
  // A directory is walked; an empty one says so before the files are read.
  CHECK(r.err == "jxaudit: " + dir + "/folder: no report files found\n" +
                     "jxaudit: " + dir + "/empty.txt: empty file\n" + "jxaudit: " + dir +
                     "/missing.txt: no such file\n" + "jxaudit: " + dir +
                     "/binary.txt: binary data (NUL byte at offset 4)\n");
  nlohmann::json j = nlohmann::json::parse(r.out);
  REQUIRE(j["documents"].size() == 4);
  CHECK(j["documents"][2]["status"] == "ok");
  CHECK(j["documents"][2]["tables"].size() == 1);
  CHECK(j["documents"][0]["status"] == "failed");
  std::filesystem::remove_all(dir);
}

TEST_CASE("A GB18030 copy gives byte-identical output", "[e2e]") {
  std::string dir = TempDir();
  std::filesystem::create_directory(dir + "/gb");
  std::filesystem::create_directory(dir + "/u8");
  std::string utf8 = ReadFile(SamplePath("004_85c34f88b6099d5e.txt"));
  std::string gb;
  REQUIRE(jx::EncodeText(utf8, "GB18030", &gb));
  WriteFile(dir + "/gb/r.txt", gb);
  WriteFile(dir + "/u8/r.txt", utf8);
  for (const char* fmt : {"csv", "markdown"}) {
    INFO(fmt);
    RunResult a = RunJxaudit({"tables", "--format", fmt, dir + "/u8/r.txt"});
    RunResult b = RunJxaudit({"tables", "--format", fmt, dir + "/gb/r.txt"});
    REQUIRE(a.status == 0);
    REQUIRE(b.status == 0);
    auto strip = [&](std::string s, const std::string& sub) {
      for (size_t p; (p = s.find(dir + sub)) != std::string::npos;)
        s.replace(p, dir.size() + sub.size(), "");
      return s;
    };
    CHECK(strip(a.out, "/u8") == strip(b.out, "/gb"));
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("tables -o writes a workbook", "[e2e]") {
  std::string dir = TempDir();
  RunResult r = RunJxaudit(
      {"tables", SamplePath("001_20b715a24a62e05c.txt"), "-o", dir + "/t.xlsx"});
  CHECK(r.status == 0);
  std::string bytes = ReadFile(dir + "/t.xlsx");
  REQUIRE(bytes.size() > 1000);
  CHECK(bytes.substr(0, 2) == "PK");
  std::filesystem::remove_all(dir);
}

TEST_CASE("Command-line and pattern errors exit 2 with one clear line", "[e2e][errors]") {
  std::string dir = TempDir();
  WriteFile(dir + "/header.txt", "level1 ^一级指标$\nbroken (\n");
  WriteFile(dir + "/layout.txt", "title 表$\n");
  struct Case {
    std::vector<std::string> args;
    std::string err_starts;
  } cases[] = {
      {{"tables"}, "jxaudit: tables: no input files"},
      {{"frobnicate", "x"}, "jxaudit: unknown command 'frobnicate'"},
      {{"tables", "--format", "yaml", "x"}, "jxaudit: unknown format 'yaml' for tables"},
      {{"tables", "--patterns", dir, SamplePath("002_fef1010ff2924dfd.txt")},
       "jxaudit: patterns/header.txt:2: missing ): ("},
      {{}, "usage: jxaudit"},
  };
  for (const Case& c : cases) {
    INFO(c.err_starts);
    RunResult r = RunJxaudit(c.args);
    CHECK(r.status == 2);
    CHECK(r.err.rfind(c.err_starts, 0) == 0);
  }
  std::filesystem::remove_all(dir);
}

namespace {

// Every error and warning the five reports deserve, worked out by hand from
// the printed numbers (see README "What the samples contain").
struct Expected {
  const char* file;
  const char* rule;
  const char* severity;
  int line;
  double stated;
  double computed;
};

const Expected kExpected[] = {
    // 000: 预算总额 65495.31 万元, 财政拨款 65459.31, 其他资金 left blank.
    {"000", "sum.form", "warning", 9, 65495.31, 65459.31},
    // 001 表1: 基本支出 ≠ 人员经费 + 公用经费 (adjusted, final); 本年支出合计 ≠ 基本 +
    // 项目.
    {"001", "sum.children", "error", 91, 6874309.59, 5957309.59},
    {"001", "sum.children", "error", 91, 6874062.90, 5957062.90},
    {"001", "sum.total", "error", 95, 0.00, 4636809.52},
    {"001", "sum.total", "error", 95, 917000.00, 7791309.59},
    {"001", "sum.total", "error", 95, 917000.00, 7791062.90},
    // 001 表2: 141 − 1 = 140 computers and assets, printed 141 and 41.
    {"001", "identity.assets", "error", 125, 141, 140},
    {"001", "identity.assets", "error", 127, 41, 40},
    // 001: the text says 96 points, the score table totals 97.
    {"001", "score.text_total", "error", 260, 96, 97},
    // 001: first-level weights 20 + 20 + 55 = 95; 部门绩效 55 but its parts give 60.
    {"001", "score.framework", "error", 269, 95, 100},
    {"001", "score.weight_sum", "error", 303, 55, 60},
    // 004: 基本收入 184.80万元 + 项目收入 "39元" = 223.80万元 only if 39 is 万元.
    {"004", "unit.slip", "error", 65, 39, 390000},
    // 004 附件2: （五）绩效结果应用管理 9 points, its items 1 + 2 + 2 + 0 + 2 = 7.
    {"004", "score.subtotal", "error", 484, 9, 7},
    // 004 附件3: 合计 94.9, the scores add up to 97.9.
    {"004", "score.total", "error", 910, 94.9, 97.9},
    // 004 附件4: amounts under 预算额(百元) are the text's 万元 figures / 10^4.
    {"004", "unit.implausible", "warning", 943, 2.24, 224},
    // …and its 合计 2.24 (百元) is the text's 预算数 and 支出决算总额 of 223.80万元.
    {"004", "unit.slip", "error", 943, 2.24, 22380.00},
    {"004", "unit.slip", "error", 944, 2.24, 22380.00},
    {"004", "unit.slip", "error", 951, 1.85, 18480.00},
    {"004", "unit.slip", "error", 959, 0.39, 3900.00},
    // 004 附件5: 管理制度健全性 scored 12 of 3; 合计 87 but the items give 94.
    {"004", "score.exceeds_weight", "error", 1291, 12, 3},
    {"004", "score.weight_sum", "warning", 1357, 30, 25},  // 可持续影响 has no weight
    {"004", "score.total", "error", 1398, 87, 94},
    {"004", "unit.implausible", "warning", 1439, 0.09, 9},
    {"004", "score.weight_sum", "warning", 1956, 30, 25},
    {"004", "unit.implausible", "warning", 2048, 0.2, 20},
    // 差旅发放人数 =13人, its result "已完成": no number to hold against 13 (no
    // figures to state).
    {"004", "result.unquantified_actual", "warning", 2158, 0, 0},
    {"004", "score.weight_sum", "warning", 2585, 30, 25},
    {"004", "unit.implausible", "warning", 2677, 0.1, 10},
};

// Documents of the genre the rules were not written on: nothing false on the
// consistent ones, exactly the errors recorded on the planted ones.
// tests/fixtures/genre/README.md says what they are.
TEST_CASE("Unfamiliar documents: no error when consistent and the planted errors",
          "[e2e]") {
  const std::string dir = std::string(JXAUDIT_TESTS_DIR) + "/fixtures/genre/";
  RunResult ok = RunJxaudit({"check", "--no-db", "--format", "json", dir + "consistent"});
  const nlohmann::json c = nlohmann::json::parse(ok.out);
  REQUIRE(c["documents"].size() == 23);
  for (const auto& d : c["documents"]) {
    INFO(d["file"].get<std::string>());
    CHECK(d["status"] == "ok");
    for (const auto& f : d["findings"]) {
      INFO(f["message"].get<std::string>());
      CHECK(f["severity"] != "error");
      // The result rules' warnings hold for these forms as filled; a table
      // aligned by spaces is said to be unread.
      if (f["severity"] == "warning")
        CHECK((f["rule"].get<std::string>().rfind("result.", 0) == 0 ||
               f["rule"] == "layout.aligned_unread"));
    }
  }
  std::multiset<std::string> want, got;
  std::istringstream tsv(ReadFile(dir + "expected_errors.tsv"));
  for (std::string line; std::getline(tsv, line);) {
    std::istringstream f(line);
    std::string file, rule;
    int n = 0;
    if (std::getline(f, file, '\t') && std::getline(f, rule, '\t') && f >> n)
      for (int i = 0; i < n; ++i) want.insert(file + " " + rule);
  }
  REQUIRE(want.size() >= 50);
  RunResult bad = RunJxaudit({"check", "--no-db", "--format", "json", dir + "planted"});
  const nlohmann::json b = nlohmann::json::parse(bad.out);
  REQUIRE(b["documents"].size() == 26);
  for (const auto& d : b["documents"]) {
    const std::string file = d["file"].get<std::string>();
    const std::string name = file.substr(file.rfind('/') + 1);
    for (const auto& f : d["findings"])
      if (f["severity"] == "error") got.insert(name + " " + f["rule"].get<std::string>());
  }
  CHECK(got == want);
}

}  // namespace

TEST_CASE("check finds every inconsistency of the samples and nothing else", "[e2e]") {
  std::vector<std::string> args = {"check", "--format", "json"};
  for (const std::string& s : SeedSamples()) args.push_back(SamplePath(s));
  RunResult r = RunJxaudit(args);
  CHECK(r.status == 1);  // errors found
  nlohmann::json j = nlohmann::json::parse(r.out);
  std::vector<std::string> got, want;
  char buf[256];
  for (const auto& d : j["documents"]) {
    std::string file = d["file"].get<std::string>();
    std::string id = file.substr(file.rfind('/') + 1, 3);
    for (const auto& f : d["findings"]) {
      if (f["severity"] == "info") continue;
      std::snprintf(buf, sizeof buf, "%s %s %s line %d stated %.2f computed %.2f",
                    id.c_str(), f["rule"].get<std::string>().c_str(),
                    f["severity"].get<std::string>().c_str(),
                    f["location"]["line"].get<int>(),
                    f["stated"].is_null() ? 0.0 : f["stated"].get<double>(),
                    f["computed"].is_null() ? 0.0 : f["computed"].get<double>());
      got.push_back(buf);
    }
  }
  for (const Expected& e : kExpected) {
    std::snprintf(buf, sizeof buf, "%s %s %s line %d stated %.2f computed %.2f", e.file,
                  e.rule, e.severity, e.line, e.stated, e.computed);
    want.push_back(buf);
  }
  CHECK(got == want);
}

TEST_CASE("check --format json follows the contract", "[e2e]") {
  RunResult r =
      RunJxaudit({"check", "--format", "json", SamplePath("001_20b715a24a62e05c.txt"),
                  "/nonexistent/report.txt"});
  CHECK(r.status == 2);  // a file could not be read
  nlohmann::json j = nlohmann::json::parse(r.out);
  CHECK(j["tool"] == "jxaudit");
  CHECK(j["version"].is_string());
  REQUIRE(j["documents"].size() == 2);
  const auto& d = j["documents"][0];
  CHECK(d["status"] == "ok");
  CHECK(d["error"].is_null());
  CHECK(d["kind"] == "department_self_evaluation");
  CHECK(d["department"] == "深圳市龙岗区宝龙街道土地整备中心");
  CHECK(d["year"] == "2022");
  CHECK(d["figures"].is_array());
  CHECK(d["indicators"].is_array());
  REQUIRE(!d["findings"].empty());
  for (const auto& f : d["findings"]) {
    for (const char* k : {"id", "rule", "severity", "message", "stated", "computed",
                          "difference", "tolerance", "unit", "location", "evidence"})
      CHECK(f.contains(k));
    for (const char* k : {"line", "page", "table", "row", "column"})
      CHECK(f["location"].contains(k));
    CHECK((f["severity"] == "error" || f["severity"] == "warning" ||
           f["severity"] == "info"));
  }
  const auto& first = d["findings"][0];
  CHECK(first["rule"] == "sum.children");
  CHECK(first["stated"] == 6874309.59);
  CHECK(first["computed"] == 5957309.59);
  CHECK(first["difference"] == -917000);
  CHECK(first["unit"] == "元");
  CHECK(first["location"]["table"] == "t1");
  CHECK(first["location"]["row"] == 1);     // 0-based: the row under the header
  CHECK(first["location"]["column"] == 2);  // 调整预算数
  const auto& bad = j["documents"][1];
  CHECK(bad["status"] == "failed");
  CHECK(bad["error"] == "/nonexistent/report.txt: no such file");
}

TEST_CASE("check on clean reports exits 0, and its text output names file and line",
          "[e2e]") {
  RunResult clean = RunJxaudit({"check", SamplePath("002_fef1010ff2924dfd.txt"),
                                SamplePath("003_8edb4e5fb5a34cb8.txt")});
  CHECK(clean.status == 0);
  CHECK(clean.out.find("no findings") != std::string::npos);
  RunResult r = RunJxaudit({"check", SamplePath("001_20b715a24a62e05c.txt")});
  CHECK(r.status == 1);
  CHECK(r.out.find(SamplePath("001_20b715a24a62e05c.txt") +
                   ":260: error [score.text_total]") != std::string::npos);
  CHECK(r.out.find("10 errors, 0 warnings, 2 info in 1 files") != std::string::npos);
}

TEST_CASE("extract writes the normalized workbook", "[e2e]") {
  std::string dir = TempDir();
  std::vector<std::string> args = {"extract", "-o", dir + "/x.xlsx"};
  for (const std::string& s : SeedSamples()) args.push_back(SamplePath(s));
  RunResult r = RunJxaudit(args);
  CHECK(r.status == 0);
  std::string cmd =
      "unzip -p '" + dir + "/x.xlsx' xl/workbook.xml > '" + dir + "/wb.xml'";
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::string wb = ReadFile(dir + "/wb.xml");
  for (const char* sheet :
       {"汇总", "问题清单", "文件", "预算", "指标", "发现", "表格单元"})
    CHECK(wb.find(std::string("name=\"") + sheet + "\"") != std::string::npos);
  RunResult js = RunJxaudit({"extract", SamplePath("004_85c34f88b6099d5e.txt")});
  CHECK(js.status == 0);
  nlohmann::json j = nlohmann::json::parse(js.out);
  CHECK(j["Documents"].size() == 1);
  CHECK(j["Findings"].size() >= 12);
  bool found = false;
  for (const auto& b : j["Budget"])
    if (b["item"] == "基本支出" && b["budget_amount"] == 1.85 && b["unit"] == "百元")
      found = true;
  CHECK(found);
  std::filesystem::remove_all(dir);
}

TEST_CASE("Fixtures: a web copy in pipe rows and a GB18030 project table", "[e2e]") {
  struct Case {
    const char* file;
    std::vector<std::string> want;  // "rule severity line"
  } cases[] = {
      {"fixtures/web_copy_pipes.txt",
       {"sum.total error 15", "figure.conflict warning 15", "rate.table error 15"}},
      {"fixtures/project_self_evaluation_gbk.txt",
       {"score.exceeds_weight error 11", "score.total error 14"}},
      // The national 项目支出绩效自评表 layout: 总分 95, the scores give 96.
      {"fixtures/project_mof_template.txt", {"score.total error 21"}},
  };
  for (const Case& c : cases) {
    INFO(c.file);
    RunResult r = RunJxaudit({"check", "--format", "json", SamplePath(c.file)});
    CHECK(r.status == 1);
    nlohmann::json d = nlohmann::json::parse(r.out)["documents"][0];
    std::vector<std::string> got;
    for (const auto& f : d["findings"])
      if (f["severity"] != "info")
        got.push_back(f["rule"].get<std::string>() + " " +
                      f["severity"].get<std::string>() + " " +
                      std::to_string(f["location"]["line"].get<int>()));
    CHECK(got == c.want);
  }
  RunResult gbk = RunJxaudit({"check", "--format", "json",
                              SamplePath("fixtures/project_self_evaluation_gbk.txt")});
  nlohmann::json d = nlohmann::json::parse(gbk.out)["documents"][0];
  CHECK(d["encoding"] == "GB18030");
  CHECK(d["kind"] == "project_self_evaluation");
  CHECK(d["department"] == "某县农业农村局");
}

// samples/real/: published 预算/决算 disclosures, every relation verified by
// hand in samples/real/README.md. Each error and warning found is one of the
// relations that README says do not hold (its id beside it); none is false.
TEST_CASE(
    "real disclosures: the genre is recognised, no false error, the verified ones found",
    "[e2e]") {
  struct Found {
    const char* relation;  // samples/real/README.md id
    const char* rule;
    const char* severity;
    const char* stated;
  };
  struct Want {
    const char* file;
    const char* kind;
    const char* department;
    std::vector<Found> found;
  } wants[] = {
      {"real/putuo_sfj_2026_dept_budget.pdf",
       "budget_disclosure",
       "上海市普陀区司法局",
       {{"R230", "disclosure.compared_year", "warning", "null"},
        {"R249", "rate.sentence", "error", "17.62"},
        {"R258", "rate.sentence", "error", "17.66"},
        {"R266", "disclosure.item_planned", "error", "201.5"},
        {"R267", "rate.sentence", "error", "5.27"},
        {"R274", "disclosure.item_name", "warning", "null"},
        {"R292", "disclosure.period_year", "warning", "null"}}},
      {"real/putuo_sfj_2026_unit_budget.pdf",
       "budget_disclosure",
       "上海市普陀区司法局",
       {{"R353", "sum.column", "error", "14348853.34"},
        {"R392", "sum.code", "error", "64840547.0"},
        {"R412", "sum.column", "error", "14348853.34"},
        {"R451", "sum.code", "error", "64840547.0"},
        {"R519", "disclosure.cross_table", "error", "20374181"},
        {"R520", "disclosure.cross_table", "error", "1744680"},
        {"R524", "disclosure.cross_table", "warning", "1845900"},
        {"R543", "rate.sentence", "error", "-1.1"},
        {"R560", "disclosure.item_planned", "error", "57.8"},
        {"R561", "rate.sentence", "error", "-2.27"},
        {"R579", "disclosure.item_planned", "error", "170.03"},
        {"R580", "rate.sentence", "error", "21.74"},
        {"R584", "disclosure.item_name", "warning", "null"}}},
      {"real/juesuan_template_2024.pdf", "final_account_disclosure", "", {}},
  };
  for (const Want& w : wants) {
    INFO(w.file);
    RunResult r =
        RunJxaudit({"check", "--no-db", "--format", "json", SamplePath(w.file)});
    nlohmann::json j = nlohmann::json::parse(r.out);
    const auto& d = j["documents"][0];
    CHECK(d["kind"] == w.kind);
    CHECK(d["department"] == w.department);
    std::multiset<std::string> got, want;
    for (const auto& f : d["findings"])
      if (f["severity"] != "info")
        got.insert(f["rule"].get<std::string>() + " " + f["severity"].get<std::string>() +
                   " " + f["stated"].dump());
    for (const Found& f : w.found)
      want.insert(std::string(f.rule) + " " + f.severity + " " + f.stated);
    CHECK(got == want);
  }
  // The 单位预算 against the 部门预算 of the same body and year: the 部门's
  // 2025 figure of 其他司法支出 that the shared amount and rate contradict
  // (R613), and the 单位's 住房公积金 2025 figure above the 部门's (R618).
  RunResult both = RunJxaudit({"check", "--no-db", "--format", "json",
                               SamplePath("real/putuo_sfj_2026_dept_budget.pdf"),
                               SamplePath("real/putuo_sfj_2026_unit_budget.pdf")});
  std::multiset<std::string> cross;
  const nlohmann::json bj = nlohmann::json::parse(both.out);
  for (const auto& f : bj["cross"])
    cross.insert(f["rule"].get<std::string>() + " " + f["severity"].get<std::string>() +
                 " " +
                 std::filesystem::path(f["file"].get<std::string>()).filename().string() +
                 " " + f["stated"].dump());
  CHECK(cross ==
        std::multiset<std::string>{
            "cross.disclosure_prior error putuo_sfj_2026_dept_budget.pdf 43269.3",
            "cross.disclosure_part error putuo_sfj_2026_unit_budget.pdf 205.04"});
  // The template has no figures: each of its nine tables is listed as not
  // checked, so the reader sees what was left alone.
  RunResult r = RunJxaudit({"check", "--no-db", "--format", "json", "-v",
                            SamplePath("real/juesuan_template_2024.pdf")});
  int not_checked = 0;
  const nlohmann::json tj = nlohmann::json::parse(r.out);
  for (const auto& f : tj["documents"][0]["findings"])
    not_checked += f["rule"] == "disclosure.not_checked";
  CHECK(not_checked == 9);
}

// A filled 决算 disclosure with planted inconsistencies, as text and as the
// LibreOffice producers print it (Writer .docx, Calc .xlsx with a sheet per
// table, and their PDFs): the planted ones are found and nothing else is
// said. tests/fixtures/final_account/README.md lists what was planted.
TEST_CASE("A 决算 disclosure through several producers: the planted findings, no other",
          "[e2e]") {
  const std::multiset<std::string> planted = {
      "sum.code error",    // 收入决算表 20102 against its 项 (910)
      "sum.column error",  // 收入决算表 2010201 本年收入合计 910 against 900
      "sum.code error",    // 政府性基金表 229 年末 against 22960
      "sum.code error",    // 政府性基金表 22960 年末 against 2296002
      "identity.carry error",            // 22960: 10 + 50 − 45 ≠ 25
      "disclosure.cross_table warning",  // 基本支出 800 against 640 + 170
      "sum.sentence error",              // “三公” 12.50 against 0 + 9.00 + 2.50
  };
  auto found = [](const std::string& file) {
    RunResult r =
        RunJxaudit({"check", "--no-db", "--format", "json",
                    std::string(JXAUDIT_TESTS_DIR) + "/fixtures/final_account/" + file});
    const nlohmann::json j = nlohmann::json::parse(r.out);
    std::multiset<std::string> got;
    for (const auto& f : j["documents"][0]["findings"])
      if (f["severity"] != "info")
        got.insert(f["rule"].get<std::string>() + " " + f["severity"].get<std::string>());
    return got;
  };
  for (const char* file :
       {"final_account_filled.txt", "final_account_filled_writer_1.docx",
        "final_account_filled_calc_1.xlsx"}) {
    INFO(file);
    CHECK(found(file) == planted);
  }
  // Calc's PDF (grid rules): the rows of the 收入决算表 below its 合计 went
  // to a table of their own without a header (not checked), and the cut
  // labels make the fund table doubted (warnings); the rest is found.
  CHECK(found("final_account_filled_calc_2.pdf") ==
        std::multiset<std::string>{"sum.code warning", "identity.carry warning",
                                   "disclosure.cross_table warning",
                                   "sum.sentence error"});
  // Writer's PDF (three-line tables): no error but the planted ones. (A
  // doubted warning reads the right half's codes of the 基本支出决算表 as
  // amounts.)
  const std::multiset<std::string> writer = found("final_account_filled_writer_3.pdf");
  for (const std::string& g : writer) {
    INFO(g);
    // Each error one of the planted ones, never more often than planted.
    if (g.ends_with(" error")) CHECK(writer.count(g) <= planted.count(g));
  }
}
