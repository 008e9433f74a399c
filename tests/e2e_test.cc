// End to end: the built binary on samples/.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

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
  CHECK(r.err == "jxaudit: " + dir + "/empty.txt: empty file\n" + "jxaudit: " + dir +
                     "/missing.txt: no such file\n" + "jxaudit: " + dir +
                     "/folder: is a directory, not a report file\n" + "jxaudit: " + dir +
                     "/binary.txt: binary data (NUL byte at offset 4)\n");
  nlohmann::json j = nlohmann::json::parse(r.out);
  REQUIRE(j["documents"].size() == 5);
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
