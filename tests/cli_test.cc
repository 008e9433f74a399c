// Batch runs: which files a directory contributes, parallel runs in input
// order, and the per-file limits.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "cli/inputs.h"
#include "cli/same_content.h"
#include "ingest/encoding.h"
#include "test_util.h"

namespace jx {
namespace {

using namespace test;
namespace fs = std::filesystem;

TEST_CASE("inputs: a file is a report by its bytes, not its name") {
  std::string dir = TempDir();
  std::string gb;
  REQUIRE(EncodeText("部门整体支出绩效自评报告\t合计\t100\n", "GB18030", &gb));
  struct Case {
    const char* name;
    std::string bytes;
    bool report;
  };
  const Case cases[] = {
      {"report.dat", "项目\t预算数\n合计\t100\n", true},
      {"gbk.bin", gb, true},
      {"utf16.x", std::string("\xff\xfe\x79\x98\xee\x76", 6), true},
      {"scan.doc", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", true},
      {"program.txt",
       std::string("\x7f"
                   "ELF\0\0\0\0",
                   8),
       false},
      {"empty.txt", "", false},
      {"sheet.xlsx", std::string("PK\x03\x04\x14\0\x06\0", 8), false},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    WriteFile(dir + "/" + c.name, c.bytes);
    CHECK(LooksLikeReport(dir + "/" + c.name) == c.report);
  }
  fs::remove_all(dir);
}

TEST_CASE("inputs: directories are walked in path order, hidden entries skipped") {
  std::string dir = TempDir();
  fs::create_directories(dir + "/b/deeper");
  fs::create_directories(dir + "/.cache");
  fs::create_directories(dir + "/nothing");
  WriteFile(dir + "/b/deeper/2.txt", "项目\t100\n");
  WriteFile(dir + "/b/1.txt", "项目\t100\n");
  WriteFile(dir + "/a.txt", "项目\t100\n");
  WriteFile(dir + "/.cache/x.txt", "项目\t100\n");
  WriteFile(dir + "/.hidden.txt", "项目\t100\n");
  WriteFile(dir + "/noise.bin", std::string("\0\1\2\3", 4));
  // A run's own JSON output left in the folder quotes findings ("…223.80万元
  // … 39元"): data, not a report, and named as such. A text that opens with a
  // brace but is no JSON is still read.
  WriteFile(dir + "/check.json",
            "{\"tool\": \"jxaudit\", \"documents\": [{\"message\": "
            "\"收入223.80万元，其中39元\"}]}\n");
  WriteFile(dir + "/brace.md", "{说明} 项目\t100\n");
  std::vector<std::string> warnings;
  std::vector<SkippedInput> skipped;
  std::vector<std::string> got =
      CollectInputs({dir + "/missing.txt", dir, dir + "/nothing"}, &warnings, &skipped);
  // A named file is kept even if it does not exist: the run reports it.
  CHECK(got == std::vector<std::string>{dir + "/missing.txt", dir + "/a.txt",
                                        dir + "/b/1.txt", dir + "/b/deeper/2.txt",
                                        dir + "/brace.md"});
  // Nothing is passed over without a word: the hidden entries are counted,
  // the file that is no report is named with why.
  CHECK(warnings == std::vector<std::string>{
                        dir + ": 2 hidden entries (names starting with '.') not read",
                        dir + "/nothing: no report files found"});
  REQUIRE(skipped.size() == 2);
  CHECK(skipped[0].path == dir + "/check.json");
  CHECK(skipped[0].reason.find("JSON data") != std::string::npos);
  CHECK(skipped[1].path == dir + "/noise.bin");
  CHECK(skipped[1].reason.find("not read") != std::string::npos);
  // check tells it on stderr, in its JSON and in its store.
  std::string db = dir + "/s.sqlite";
  RunResult r = RunJxaudit({"check", "--format", "json", "--db", db, dir});
  CHECK(r.err.find(dir + "/noise.bin: skipped: not read") != std::string::npos);
  nlohmann::json j = nlohmann::json::parse(r.out);
  REQUIRE(j["skipped"].size() == 2);
  CHECK(j["skipped"][1]["file"] == dir + "/noise.bin");
  CHECK(j["skipped"][1]["status"] == "skipped");
  fs::remove_all(dir);
}

TEST_CASE("inputs: workbooks jxaudit wrote into the folder are named as skipped",
          "[e2e]") {
  std::string dir = TempDir();
  fs::copy_file(SamplePath(SeedSamples()[1]), dir + "/report.txt");
  RunResult alone = RunJxaudit({"check", "--no-db", "--format", "json", dir});
  REQUIRE(RunJxaudit({"extract", "--no-db", "-o", dir + "/out.xlsx", dir}).status != 2);
  REQUIRE(
      RunJxaudit({"tables", "-o", dir + "/tables.xlsx", dir + "/report.txt"}).status !=
      2);
  REQUIRE(fs::exists(dir + "/out.xlsx"));
  REQUIRE(fs::exists(dir + "/tables.xlsx"));
  RunResult again = RunJxaudit({"check", "--no-db", "--format", "json", dir});
  nlohmann::json a = nlohmann::json::parse(alone.out);
  nlohmann::json j = nlohmann::json::parse(again.out);
  // The folder still holds one report: the workbooks' findings are not read
  // back as the folder's own.
  CHECK(j["documents"] == a["documents"]);
  REQUIRE(j["skipped"].size() == 2);
  CHECK(j["skipped"][0]["file"] == dir + "/out.xlsx");
  CHECK(j["skipped"][1]["file"] == dir + "/tables.xlsx");
  CHECK(again.err.find("a workbook jxaudit wrote") != std::string::npos);
  // Named on the command line, the workbook is refused with the same reason.
  RunResult named = RunJxaudit({"check", "--no-db", dir + "/out.xlsx"});
  CHECK(named.status == 2);
  CHECK(named.err.find("a workbook jxaudit wrote") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("inputs: text outputs jxaudit wrote into the folder are named as skipped",
          "[e2e]") {
  std::string dir = TempDir();
  fs::copy_file(SamplePath(SeedSamples()[1]), dir + "/report.txt");
  RunResult alone = RunJxaudit({"check", "--no-db", "--format", "json", dir});
  // Each output as an auditor would leave it: text, lines of JSON, tables as
  // CSV and markdown (named .txt too), figures as CSV. A tables export read
  // back repeats every sum of the report, findings and all.
  const std::vector<std::vector<std::string>> writes = {
      {"check", "--no-db", "-o", dir + "/check.txt"},
      {"check", "--no-db", "--format", "jsonl", "-o", dir + "/check.jsonl"},
      {"tables", "--format", "csv", "-o", dir + "/tables.csv"},
      {"tables", "--format", "csv", "-o", dir + "/tables.txt"},
      {"tables", "--format", "markdown", "-o", dir + "/tables.md"},
      {"extract", "--no-db", "--format", "csv", "-o", dir + "/figures.csv"},
  };
  for (std::vector<std::string> w : writes) {
    w.push_back(dir + "/report.txt");
    INFO(w[w.size() - 2]);
    REQUIRE(RunJxaudit(w).status != 2);
    REQUIRE(fs::exists(w[w.size() - 2]));
  }
  RunResult again = RunJxaudit({"check", "--no-db", "--format", "json", dir});
  nlohmann::json a = nlohmann::json::parse(alone.out);
  nlohmann::json j = nlohmann::json::parse(again.out);
  CHECK(j["documents"] == a["documents"]);
  CHECK(j["summary"] == a["summary"]);
  std::set<std::string> skipped;
  for (const auto& s : j["skipped"]) skipped.insert(s["file"].get<std::string>());
  CHECK(skipped == std::set<std::string>{dir + "/check.jsonl", dir + "/check.txt",
                                         dir + "/figures.csv", dir + "/tables.csv",
                                         dir + "/tables.md", dir + "/tables.txt"});
  CHECK(again.err.find("jxaudit's own check text output") != std::string::npos);
  CHECK(again.err.find("jxaudit's own tables CSV output") != std::string::npos);
  CHECK(again.err.find("jxaudit's own tables markdown output") != std::string::npos);
  CHECK(again.err.find("jxaudit's own extract CSV output") != std::string::npos);
  // Named on the command line, an output is refused with the same reason.
  RunResult named = RunJxaudit({"check", "--no-db", dir + "/tables.txt"});
  CHECK(named.status == 2);
  CHECK(named.err.find("jxaudit's own tables CSV output") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("batch: parallel workers give the output of one, in input order", "[e2e]") {
  std::string dir = TempDir();
  for (const std::string& s : SeedSamples()) fs::copy_file(SamplePath(s), dir + "/" + s);
  fs::copy_file(SamplePath("pdf/002_ruled.pdf"), dir + "/002.pdf");
  fs::copy_file(SamplePath("pdf/bad/damaged.pdf"), dir + "/damaged.pdf");
  WriteFile(dir + "/empty.txt", std::string("\xef\xbb\xbf", 3));
  RunResult one = RunJxaudit({"check", "--format", "json", "-j", "1", dir});
  RunResult four = RunJxaudit({"check", "--format", "json", "-j", "4", dir});
  CHECK(one.status == 2);
  CHECK(four.status == one.status);
  CHECK(four.out == one.out);
  CHECK(four.err == one.err);
  nlohmann::json j = nlohmann::json::parse(one.out);
  REQUIRE(j["documents"].size() == 8);
  CHECK(j["documents"][0]["file"] == dir + "/000_78d777d638020fc8.txt");
  CHECK(j["documents"][6]["file"] == dir + "/damaged.pdf");
  CHECK(j["documents"][6]["status"] == "failed");
  fs::remove_all(dir);
}

TEST_CASE("batch: files over --max-bytes or --max-pages are refused, the rest run",
          "[e2e][errors]") {
  const std::string pdf = SamplePath("pdf/002_ruled.pdf");
  const std::string txt = SamplePath("002_fef1010ff2924dfd.txt");
  RunResult pages = RunJxaudit({"check", "-q", "--max-pages", "1", pdf, txt});
  CHECK(pages.status == 2);
  CHECK(pages.err.empty());  // -q: no per-file lines on stderr
  CHECK(pages.out.find("pages, limit 1") != std::string::npos);
  CHECK(pages.out.find("1 could not be read") != std::string::npos);
  RunResult bytes = RunJxaudit({"check", "--max-bytes", "1000", pdf, txt});
  CHECK(bytes.status == 2);
  CHECK(bytes.err.find(pdf + ": file too large") != std::string::npos);
  CHECK(bytes.err.find(txt + ": file too large") != std::string::npos);
}

}  // namespace
}  // namespace jx

namespace jx {
namespace {

using namespace test;
namespace fs = std::filesystem;

// tests/malformed holds one file per way a submission arrives broken; a huge
// single line is made here. Each gets its own clear line on stderr, and the
// good report in the same batch is still checked.
TEST_CASE("batch: every malformed file gets its reason, the batch goes on", "[e2e]") {
  std::string dir = TempDir();
  fs::copy(JXAUDIT_TESTS_DIR "/malformed", dir + "/in", fs::copy_options::recursive);
  {
    std::string line = "部门整体支出绩效自评报告：";
    line.reserve(8u << 20);
    while (line.size() < (8u << 20)) line += "预算执行情况良好，资金使用规范 12.5 万元；";
    WriteFile(dir + "/in/huge_line.txt", line);  // 8 MiB, no newline
  }
  fs::copy_file(SamplePath("001_20b715a24a62e05c.txt"), dir + "/in/zz_good.txt");
  RunResult r = RunJxaudit({"check", "--no-db", "-j", "2", dir + "/in"});
  CHECK(r.status == 2);
  struct Case {
    const char* file;
    const char* says;  // "" when the file is read
  };
  const Case cases[] = {
      {"broken_xref.pdf", ""},  // Poppler rebuilds the cross-reference table
      {"empty.txt", "empty file"},
      {"huge_line.txt", ""},
      {"invalid_utf8.txt", "undecodable: invalid UTF-8 at line 35"},
      {"mixed_encodings.txt", "undecodable: invalid UTF-8 at line 35"},
      {"nested_tables.txt", ""},
      {"nul_bytes.txt", "binary data (NUL byte at offset 1)"},
      {"random_bytes.txt", "binary data"},
      {"truncated.pdf", "damaged PDF"},
  };
  for (const Case& c : cases) {
    INFO(c.file);
    std::string path = dir + "/in/" + c.file;
    if (*c.says) {
      CHECK(r.err.find("jxaudit: " + path + ": " + c.says) != std::string::npos);
      CHECK(r.out.find(path + ": failed: ") != std::string::npos);
    } else {
      CHECK(r.err.find(path) == std::string::npos);
      CHECK(r.out.find(path + "  [") != std::string::npos);
    }
  }
  // The good report after them all: its findings are all there.
  CHECK(r.out.find(dir + "/in/zz_good.txt  [部门整体支出绩效自评") != std::string::npos);
  CHECK(r.out.find("(6 could not be read)") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("timeout: every command stops a file past the limit and goes on", "[e2e]") {
  std::string dir = TempDir();
  // A long report (the samples many times over: about 125 MB, several seconds
  // for even the fastest command on a fast machine) takes far past the limit,
  // and a small one, a worker's first file, well within it on a loaded machine.
  std::string big;
  for (int k = 0; k < 800; ++k)
    for (const std::string& s : SeedSamples()) big += ReadFile(SamplePath(s)) + "\n";
  WriteFile(dir + "/big.txt", big);
  const std::string small = SamplePath(SeedSamples()[0]);
  for (const char* command : {"check", "extract", "tables"}) {
    INFO(command);
    RunResult r = RunJxaudit({command, "--no-db", "-q", "-f", "json", "--timeout", "0.5",
                              dir + "/big.txt", small});
    CHECK(r.status == 2);
    nlohmann::json j = nlohmann::json::parse(r.out);
    const std::string text = j.dump();
    CHECK(text.find("stopped after 0.5 s (--timeout)") != std::string::npos);
    // The small file after it is done all the same.
    if (std::string(command) == "extract") {
      REQUIRE(j["Documents"].size() == 2);
      CHECK(j["Documents"][1]["status"] == "ok");
    } else {
      REQUIRE(j["documents"].size() == 2);
      CHECK(j["documents"][1]["status"] == "ok");
    }
  }
  fs::remove_all(dir);
}

TEST_CASE("stderr shows a file name's control characters, never obeys them", "[e2e]") {
  std::string dir = TempDir();
  std::string name = dir + "/a\x1b]0;owned\x07\nb.txt";  // sets a title, splits the line
  RunResult r = RunJxaudit({"check", "--no-db", name});
  CHECK(r.status == 2);
  CHECK(r.err.find('\x1b') == std::string::npos);
  CHECK(r.err.find('\x07') == std::string::npos);
  CHECK(r.err.find("a\\x1b]0;owned\\x07\\nb.txt: no such file") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("same content: files are one key exactly when their bytes are the same") {
  const std::string dir = TempDir();
  const std::string a = dir + "/a.txt", b = dir + "/b.txt", c = dir + "/c.txt",
                    d = dir + "/d.txt", e = dir + "/e.txt";
  WriteFile(a, "合计\t100\n");
  WriteFile(b, "合计\t100\n");   // a's bytes under another name
  WriteFile(c, "合计\t101\n");   // a's size, other bytes
  WriteFile(d, "合计\t1000\n");  // a size of its own
  WriteFile(e, "合计\t101\n");   // c's bytes, after a file of another content
  const std::vector<std::string> keys =
      SameContentKeys({a, b, c, d, dir + "/missing.txt", e, a});
  REQUIRE(keys.size() == 7);
  CHECK(keys[0] == keys[1]);
  CHECK(keys[0] == keys[6]);  // the same file named twice
  CHECK(keys[2] != keys[0]);
  CHECK(keys[5] == keys[2]);
  std::set<std::string> distinct = {keys[0], keys[2], keys[3], keys[4]};
  CHECK(distinct.size() == 4);  // the missing file is the same as none
  for (const std::string& k : keys) CHECK_FALSE(k.empty());
  fs::remove_all(dir);
}

}  // namespace
}  // namespace jx
