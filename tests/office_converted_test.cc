// Office documents through converters: legacy formats by LibreOffice (and
// a converter that misbehaves), the converted samples against their text
// versions, a batch with bad office files, and damaged bytes.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "extract/extract.h"
#include "ingest/office/office.h"
#include "ingest/read.h"
#include "layout/layout.h"
#include "office_cases.h"
#include "test_util.h"
#include "validate/validate.h"

namespace jx {
namespace {

using test::ProjectPatterns;
using test::Read;
using test::ReadBytes;

// An OLE2 file with a WordDocument stream: sniffed as .doc, so converted.
std::string FakeDoc() {
  std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  return ole + std::string(504, '\0') +
         std::string("W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0\0\0", 26);
}

// A stand-in for soffice that behaves badly.
std::string FakeSoffice(const std::string& body) {
  std::string path = test::TempDir() + "/soffice";
  test::WriteFile(path, "#!/bin/sh\n" + body + "\n");
  std::filesystem::permissions(path, std::filesystem::perms::owner_all);
  return path;
}

TEST_CASE("legacy formats: a converter that hangs, crashes or is missing",
          "[office][legacy][bad]") {
  ReadOptions o;
  o.convert_timeout_seconds = 1;
  SECTION("missing") {
    o.soffice = "/nonexistent/soffice";
    Read r = ReadBytes("old.doc", FakeDoc(), o);
    CHECK(!r.ok);
    CHECK(
        r.err.message ==
        "DOC files are converted by LibreOffice, which is not installed: apt-get install "
        "libreoffice-writer libreoffice-calc");
  }
  SECTION("hangs: killed with its process group") {
    // The child it forks would outlive a kill of the script alone.
    o.soffice = FakeSoffice("sleep 30 & sleep 30");
    auto start = std::chrono::steady_clock::now();
    Read r = ReadBytes("old.doc", FakeDoc(), o);
    CHECK(!r.ok);
    CHECK(r.err.message ==
          "DOC: LibreOffice did not finish converting within 1 s (stopped)");
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  }
  SECTION("crashes") {
    o.soffice = FakeSoffice("kill -SEGV $$");
    Read r = ReadBytes("old.doc", FakeDoc(), o);
    CHECK(!r.ok);
    CHECK(r.err.message == "DOC: LibreOffice crashed converting it (signal 11)");
  }
  SECTION("writes nothing") {
    o.soffice = FakeSoffice("exit 0");
    Read r = ReadBytes("old.doc", FakeDoc(), o);
    CHECK(!r.ok);
    CHECK(r.err.message.find("LibreOffice wrote nothing") != std::string::npos);
  }
}

struct Key {
  std::string rule, severity, stated, computed;
  auto operator<=>(const Key&) const = default;
};

// What this test compares is the findings, not how fast LibreOffice starts:
// on a loaded machine its first start with a fresh profile has taken longer
// than the 120 s a run allows by default, so the test allows it more.
constexpr int kPatientConversionSeconds = 900;

std::vector<Key> FindingKeys(const std::string& path, std::string* error) {
  Document d;
  Error err;
  ReadOptions o;
  o.convert_timeout_seconds = kPatientConversionSeconds;
  if (!ReadDocument(path, o, &d, &err)) {
    *error = err.ToString();
    return {};
  }
  Layout l = BuildLayout(d, ProjectPatterns());
  Validation v = Validate(Extract(d, l, ProjectPatterns()), ProjectPatterns());
  std::vector<Key> out;
  for (const Finding& f : v.findings) {
    if (f.severity == Severity::kInfo) continue;
    out.push_back(
        {f.rule, SeverityName(f.severity), f.stated.ToString(), f.computed.ToString()});
  }
  std::sort(out.begin(), out.end());
  return out;
}

// tests/office/converted/<stem>.<format> was written from samples/<stem>.txt
// (or samples/fixtures/) by tools/office-samples.py.
std::string TextOf(const std::string& stem) {
  for (const char* dir : {"", "fixtures/"}) {
    std::string p = test::SamplePath(std::string(dir) + stem + ".txt");
    if (std::filesystem::exists(p)) return p;
  }
  return "";
}

std::map<std::string, std::pair<int, int>> CompareConverted(const std::string& ext) {
  std::map<std::string, std::pair<int, int>> by_format;  // same, all
  std::string dir = std::string(JXAUDIT_TESTS_DIR) + "/office/converted";
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::string name = f.filename().string();
    if (!name.ends_with(ext)) continue;
    std::string stem = name.substr(0, name.find('.'));
    std::string text = TextOf(stem);
    INFO(f.string());
    REQUIRE(!text.empty());
    std::string e1, e2;
    auto want = FindingKeys(text, &e1);
    auto got = FindingKeys(f.string(), &e2);
    INFO(e2);
    CHECK(e2.empty());
    CHECK(got == want);
    auto& [same, all] = by_format[ext];
    ++all;
    if (e2.empty() && got == want) ++same;
  }
  return by_format;
}

TEST_CASE("converted samples: docx, xlsx and html give the text's findings",
          "[office][property]") {
  for (const char* ext : {".docx", ".xlsx", ".utf8.html", ".gbk.html"}) {
    auto r = CompareConverted(ext);
    CHECK(r[ext].second >= 8);
    CHECK(r[ext].first == r[ext].second);
  }
}

TEST_CASE("a batch with bad office files: one error each, the rest checked",
          "[office][bad]") {
  namespace fs = std::filesystem;
  std::string dir = test::TempDir();
  std::string conv = std::string(JXAUDIT_TESTS_DIR) + "/office/converted/";
  // Taken by content whatever their names.
  fs::copy_file(conv + "web_copy_pipes.docx", dir + "/a_report.bin");
  fs::copy_file(conv + "web_copy_pipes.xlsx", dir + "/b_report");
  std::string good = test::ReadFile(conv + "web_copy_pipes.docx");
  test::WriteFile(dir + "/c_corrupt.docx", good.substr(0, good.size() / 3));
  std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  test::WriteFile(dir + "/d_secret.docx",
                  ole + std::string(504, '\0') +
                      std::string("E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0\0\0", 30));
  fs::copy_file(conv + "web_copy_pipes.gbk.html", dir + "/e_page.htm");
  test::RunResult r =
      test::RunJxaudit({"check", "--no-db", "--format", "json", "-j", "1", dir});
  CHECK(r.status == 2);
  nlohmann::json j = nlohmann::json::parse(r.out);
  REQUIRE(j["documents"].size() == 5);
  CHECK(j["documents"][0]["status"] == "ok");
  CHECK(j["documents"][0]["encoding"] == "DOCX");
  CHECK(j["documents"][1]["encoding"] == "XLSX");
  // A finding on a table cell of a workbook names its sheet and cell.
  bool named = false;
  for (const auto& f : j["documents"][1]["findings"])
    named = named || f["location"].value("cell", "").starts_with("报告!");
  CHECK(named);
  CHECK(j["documents"][2]["status"] == "failed");
  CHECK(j["documents"][2]["error"].get<std::string>().find("corrupt zip") !=
        std::string::npos);
  CHECK(j["documents"][3]["error"].get<std::string>().find("password-protected") !=
        std::string::npos);
  CHECK(j["documents"][4]["encoding"] == "HTML GB18030");
  CHECK(j["documents"][4]["findings"].size() == j["documents"][0]["findings"].size());
  fs::remove_all(dir);
}

// Damaged copies of real files: every reader answers (a document or an
// error) and never crashes.
TEST_CASE("office readers survive damaged bytes", "[office][bad]") {
  std::string conv = std::string(JXAUDIT_TESTS_DIR) + "/office/converted/";
  uint32_t seed = 12345;
  auto next = [&seed]() { return seed = seed * 1103515245u + 12345u; };
  for (const char* f :
       {"web_copy_pipes.docx", "web_copy_pipes.xlsx", "web_copy_pipes.gbk.html"}) {
    std::string good = test::ReadFile(conv + f);
    for (int i = 0; i < 60; ++i) {
      std::string bad = good;
      for (int k = 0; k < 8; ++k)
        bad[next() % bad.size()] = static_cast<char>(next() >> 8);
      if (i % 3 == 0) bad.resize(next() % bad.size());
      Read r = ReadBytes(f, bad);
      CHECK((r.ok || !r.err.message.empty()));
    }
  }
}

bool HaveSoffice() {
  for (const char* d : {"/usr/bin/soffice", "/usr/local/bin/soffice"})
    if (std::filesystem::exists(d)) return true;
  return false;
}

TEST_CASE(
    "converted samples: doc, xls and odt through LibreOffice give the text's findings",
    "[office][property][legacy]") {
  if (!HaveSoffice()) {
    WARN("LibreOffice is not installed: legacy conversions not checked");
    return;
  }
  for (const char* ext : {".doc", ".xls", ".odt"}) {
    auto r = CompareConverted(ext);
    CHECK(r[ext].second >= 2);
    CHECK(r[ext].first == r[ext].second);
  }
}

}  // namespace
}  // namespace jx
