// Worker processes, the SQLite store and `jxaudit report`.
#include "store/store.h"

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <map>
#include <thread>

#include "audit/audit.h"
#include "cli/workers.h"
#include "extract/extract.h"
#include "ingest/read.h"
#include "layout/layout.h"
#include "record/record.h"
#include "record/wire.h"
#include "test_util.h"
#include "validate/validate.h"

namespace jx {
namespace {

using namespace test;
namespace fs = std::filesystem;

TEST_CASE("workers: a crash or a hang costs only its own item") {
  std::map<size_t, ChildResult> got;
  RunInChildren(
      5, 2, 1.0,
      [](size_t i) -> std::string {
        if (i == 1) {
          ::signal(SIGSEGV, SIG_DFL);  // not the test framework's handler
          ::raise(SIGSEGV);
        }
        if (i == 3)
          for (;;) ::pause();
        if (i == 4) return std::string(1 << 20, 'x');  // more than a pipe holds
        return "item " + std::to_string(i);
      },
      [&](size_t i, ChildResult&& r) { got[i] = std::move(r); });
  REQUIRE(got.size() == 5);
  CHECK(got[0].ok);
  CHECK(got[0].bytes == "item 0");
  CHECK_FALSE(got[1].ok);
  CHECK(got[1].status == "crashed");
  CHECK(got[1].failure.find("signal 11") != std::string::npos);
  CHECK(got[2].bytes == "item 2");
  CHECK_FALSE(got[3].ok);
  CHECK(got[3].status == "timeout");
  CHECK(got[3].seconds >= 1.0);
  CHECK(got[4].ok);
  CHECK(got[4].bytes.size() == (1u << 20));
}

DocumentRecord RecordOf(const std::string& path) {
  DocumentReport d;
  d.file = path;
  Document doc;
  REQUIRE(
      ReadAndLayout(path, ReadOptions{}, ProjectPatterns(), &doc, &d.layout, &d.error));
  d.ex = Extract(doc, d.layout, ProjectPatterns());
  d.v = Validate(d.ex, ProjectPatterns());
  return MakeRecord(d);
}

TEST_CASE("records: what a worker sends back arrives whole, decimals exact") {
  for (const std::string& s : SeedSamples()) {
    INFO(s);
    DocumentRecord a = RecordOf(SamplePath(s));
    DocumentRecord b;
    Error err;
    REQUIRE(RecordFromWire(RecordToWire(a), &b, &err));
    CHECK(b.text == a.text);
    CHECK(b.json == a.json);
    CHECK(b.counts.errors == a.counts.errors);
    REQUIRE(b.sheets.size() == a.sheets.size());
    for (size_t k = 0; k < a.sheets.size(); ++k) {
      REQUIRE(b.sheets[k].rows.size() == a.sheets[k].rows.size());
      for (size_t r = 0; r < a.sheets[k].rows.size(); ++r)
        for (size_t c = 0; c < a.sheets[k].rows[r].size(); ++c) {
          const Value &x = a.sheets[k].rows[r][c], &y = b.sheets[k].rows[r][c];
          CHECK(x.kind == y.kind);
          CHECK(x.text == y.text);
          CHECK(x.number.units == y.number.units);
          CHECK(x.number.scale == y.number.scale);
        }
    }
  }
  DocumentRecord r;
  Error err;
  CHECK_FALSE(RecordFromWire("not cbor at all", &r, &err));
  CHECK(err.message.find("unreadable worker result") != std::string::npos);
}

// Every table of a store as sorted text, leaving out what differs between
// runs by nature: run ids, timings, memory.
std::string Dump(const std::string& db) {
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  std::string out;
  const char* queries[] = {
      "SELECT path, sha256, size, status, error_message, error_page, "
      "error_line, error_table, error_row, error_column, pages "
      "FROM files",
      "SELECT * FROM documents", "SELECT * FROM figures", "SELECT * FROM indicators",
      "SELECT * FROM findings"};
  for (const char* q : queries) {
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(h, q, -1, &st, nullptr) == SQLITE_OK);
    std::vector<std::string> rows;
    while (sqlite3_step(st) == SQLITE_ROW) {
      std::string row;
      for (int i = 0; i < sqlite3_column_count(st); ++i) {
        const unsigned char* t = sqlite3_column_text(st, i);
        row += (t ? reinterpret_cast<const char*>(t) : "NULL");
        row += '|';
      }
      rows.push_back(row);
    }
    sqlite3_finalize(st);
    std::sort(rows.begin(), rows.end());
    out += std::string(q) + "\n";
    for (const auto& r : rows) out += r + "\n";
  }
  sqlite3_close(h);
  return out;
}

int64_t Scalar(const std::string& db, const std::string& q) {
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_busy_timeout(h, 5000);
  sqlite3_stmt* st = nullptr;
  int64_t v = -1;
  if (sqlite3_prepare_v2(h, q.c_str(), -1, &st, nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW)
    v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(h);
  return v;
}

TEST_CASE("store: a re-run skips recorded content and --force checks again", "[e2e]") {
  std::string dir = TempDir();
  std::string db = dir + "/s.sqlite";
  std::vector<std::string> args = {"check", "--db", db, "-j", "2"};
  for (const std::string& s : SeedSamples()) args.push_back(SamplePath(s));
  args.push_back(SamplePath("pdf/bad/damaged.pdf"));
  RunResult first = RunJxaudit(args);
  CHECK(first.status == 2);
  CHECK(Scalar(db, "SELECT count(*) FROM files") == 6);
  CHECK(Scalar(db, "SELECT count(*) FROM files WHERE status='failed'") == 1);
  CHECK(Scalar(db, "SELECT count(*) FROM documents") == 6);
  CHECK(Scalar(db, "SELECT count(*) FROM findings WHERE severity='error'") == 19);
  std::string before = Dump(db);
  RunResult again = RunJxaudit(args);
  CHECK(again.status == first.status);
  CHECK(again.out == first.out);  // the report comes from the store, unchanged
  CHECK(again.err == first.err);
  CHECK(Scalar(db, "SELECT skipped FROM runs ORDER BY id DESC LIMIT 1") == 6);
  CHECK(Scalar(db, "SELECT checked FROM runs ORDER BY id DESC LIMIT 1") == 0);
  CHECK(Dump(db) == before);
  args.push_back("--force");
  RunResult forced = RunJxaudit(args);
  CHECK(forced.out == first.out);
  CHECK(Scalar(db, "SELECT checked FROM runs ORDER BY id DESC LIMIT 1") == 6);
  CHECK(Dump(db) == before);
  fs::remove_all(dir);
}

TEST_CASE("store: a run killed or interrupted midway, run again, equals one clean run",
          "[e2e]") {
  std::string dir = TempDir();
  // Forty reports: the five samples, eight times each under other names.
  fs::create_directories(dir + "/in");
  int k = 0;
  for (int copy = 0; copy < 8; ++copy)
    for (const std::string& s : SeedSamples()) {
      std::string text = ReadFile(SamplePath(s));
      // Each copy differs (a trailing line), so none is skipped as known.
      text += "\n备注：副本 " + std::to_string(copy) + "\n";
      char name[32];
      std::snprintf(name, sizeof name, "/in/%03d.txt", k++);
      WriteFile(dir + name, text);
    }
  std::string clean = dir + "/clean.sqlite";
  RunResult c = RunJxaudit({"check", "-q", "-j", "1", "--db", clean, dir + "/in"});
  CHECK(c.status == 1);
  REQUIRE(Scalar(clean, "SELECT count(*) FROM files") == 40);

  // kill -9 of the run, and Ctrl-C (SIGINT to the whole process group).
  for (int sig : {SIGKILL, SIGINT}) {
    INFO("signal " << sig);
    std::string killed = dir + "/killed" + std::to_string(sig) + ".sqlite";
    pid_t pid = ::fork();
    if (pid == 0) {
      ::setpgid(0, 0);
      int null = ::open("/dev/null", O_WRONLY);
      ::dup2(null, 1);
      ::dup2(null, 2);
      ::execl(JXAUDIT_BINARY, "jxaudit", "check", "-q", "-j", "2", "--db", killed.c_str(),
              (dir + "/in").c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    REQUIRE(pid > 0);
    // Stop it once some, not all, files are recorded.
    int64_t seen = 0;
    for (int i = 0; i < 2000 && seen < 5; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
      if (fs::exists(killed)) seen = Scalar(killed, "SELECT count(*) FROM files");
    }
    ::kill(sig == SIGINT ? -pid : pid, sig);
    int status = 0;
    ::waitpid(pid, &status, 0);
    int64_t recorded = Scalar(killed, "SELECT count(*) FROM files");
    INFO("recorded before the signal: " << recorded);
    CHECK(recorded >= 1);
    CHECK(recorded < 40);
    // Workers die with the run and are never recorded as crashed.
    CHECK(Scalar(killed, "SELECT count(*) FROM files WHERE status <> 'ok'") == 0);
    RunResult resumed =
        RunJxaudit({"check", "-q", "-j", "2", "--db", killed, dir + "/in"});
    CHECK(resumed.status == 1);
    CHECK(resumed.out == c.out);
    CHECK(Scalar(killed, "SELECT skipped FROM runs ORDER BY id DESC LIMIT 1") ==
          recorded);
    CHECK(Dump(killed) == Dump(clean));
  }
  fs::remove_all(dir);
}

TEST_CASE("store: content known under another path prints under its own", "[e2e]") {
  std::string dir = TempDir();
  std::string db = dir + "/s.sqlite";
  std::string sample = ReadFile(SamplePath(SeedSamples()[0]));
  std::string bad = ReadFile(SamplePath("pdf/bad/damaged.pdf"));
  WriteFile(dir + "/a.txt", sample);
  WriteFile(dir + "/a.pdf", bad);
  RunResult first = RunJxaudit({"check", "--db", db, dir + "/a.txt", dir + "/a.pdf"});
  WriteFile(dir + "/b.txt", sample);
  WriteFile(dir + "/b.pdf", bad);
  for (const char* format : {"text", "json"}) {
    INFO(format);
    RunResult known =
        RunJxaudit({"check", "--db", db, "-f", format, dir + "/b.txt", dir + "/b.pdf"});
    RunResult fresh =
        RunJxaudit({"check", "--no-db", "-f", format, dir + "/b.txt", dir + "/b.pdf"});
    CHECK(known.status == fresh.status);
    CHECK(known.out == fresh.out);
    CHECK(known.err == fresh.err);
    CHECK(known.out.find(dir + "/a.") == std::string::npos);
  }
  fs::remove_all(dir);
}

TEST_CASE("store: one of another schema version is refused, not half read", "[e2e]") {
  std::string dir = TempDir();
  std::string db = dir + "/old.sqlite";
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &h) == SQLITE_OK);
  REQUIRE(sqlite3_exec(h,
                       "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
                       "INSERT INTO meta VALUES('schema_version', '1');",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(h);
  RunResult r = RunJxaudit({"check", "-q", "--db", db, SamplePath(SeedSamples()[0])});
  CHECK(r.status == 2);
  CHECK(r.err.find("store schema version 1") != std::string::npos);
  RunResult rep = RunJxaudit({"report", "--db", db, "-o", dir + "/s.xlsx"});
  CHECK(rep.status == 2);
  CHECK(Scalar(db, "SELECT count(*) FROM sqlite_master WHERE name='files'") == 0);
  fs::remove_all(dir);
}

TEST_CASE("store: a version 2 store gains findings.fingerprint when written", "[e2e]") {
  std::string dir = TempDir();
  std::string db = dir + "/v2.sqlite";
  const std::string sample = SamplePath(SeedSamples()[1]);
  REQUIRE(RunJxaudit({"check", "-q", "--db", db, sample}).status == 1);
  // As version 2 left it: no fingerprint column.
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &h) == SQLITE_OK);
  REQUIRE(sqlite3_exec(h,
                       "ALTER TABLE findings DROP COLUMN fingerprint;"
                       "ALTER TABLE documents DROP COLUMN cross_facts;"
                       "UPDATE meta SET value='2' WHERE key='schema_version';"
                       "UPDATE documents SET tool_version='0.0.9';",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(h);
  // Read only, it is not upgraded: report says how to.
  RunResult rep = RunJxaudit({"report", "--db", db, "-o", dir + "/s.xlsx"});
  CHECK(rep.status == 2);
  CHECK(rep.err.find("run `jxaudit check --db` on it once to upgrade it") !=
        std::string::npos);
  RunResult r = RunJxaudit({"check", "-q", "--db", db, sample});
  CHECK(r.status == 1);
  CHECK(
      Scalar(db, "SELECT count(*) FROM meta WHERE key='schema_version' AND value='4'") ==
      1);
  CHECK(Scalar(db, "SELECT count(*) FROM findings WHERE length(fingerprint) = 32") >= 10);
  CHECK(Scalar(db, "SELECT count(*) FROM findings WHERE fingerprint IS NULL") == 0);
  CHECK(RunJxaudit({"report", "--db", db, "-o", dir + "/s.xlsx"}).status == 0);
  fs::remove_all(dir);
}

TEST_CASE("store: a version 3 store gains documents.cross_facts when written", "[e2e]") {
  std::string dir = TempDir();
  std::string db = dir + "/v3.sqlite";
  const std::string sample = SamplePath("fixtures/results_national_self.txt");
  REQUIRE(RunJxaudit({"check", "-q", "--db", db, sample}).status == 1);
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &h) == SQLITE_OK);
  REQUIRE(sqlite3_exec(h,
                       "ALTER TABLE documents DROP COLUMN cross_facts;"
                       "UPDATE meta SET value='3' WHERE key='schema_version';"
                       "UPDATE documents SET tool_version='0.0.9';",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(h);
  CHECK(RunJxaudit({"report", "--db", db, "-o", dir + "/s.xlsx"}).status == 2);
  REQUIRE(RunJxaudit({"check", "-q", "--db", db, sample}).status == 1);
  CHECK(
      Scalar(db, "SELECT count(*) FROM meta WHERE key='schema_version' AND value='4'") ==
      1);
  CHECK(Scalar(db, "SELECT count(*) FROM documents WHERE cross_facts LIKE '{%'") == 1);
  fs::remove_all(dir);
}

TEST_CASE("report: Summary with a chart, the normalized sheets, Failures, no formulas",
          "[e2e]") {
  std::string dir = TempDir();
  std::string db = dir + "/s.sqlite";
  // Text that a spreadsheet would take for a formula, in a label and a value.
  WriteFile(dir + "/formula.txt",
            "部门整体支出绩效自评表\n部门名称\t=HYPERLINK(\"http://x\",\"y\")\n"
            "项目\t预算数\t执行数\n=1+1\t100\t90\n合计\t100\t90\n");
  RunResult r =
      RunJxaudit({"check", "-q", "--db", db, SamplePath("001_20b715a24a62e05c.txt"),
                  dir + "/formula.txt", SamplePath("pdf/bad/encrypted.pdf")});
  CHECK(r.status == 2);
  RunResult rep =
      RunJxaudit({"report", "--lang", "en", "--db", db, "-o", dir + "/summary.xlsx"});
  INFO(rep.err);
  REQUIRE(rep.status == 0);
  REQUIRE(std::system(("cd " + dir + " && unzip -qo summary.xlsx -d x").c_str()) == 0);
  std::string book = ReadFile(dir + "/x/xl/workbook.xml");
  for (const char* sheet : {"Summary", "Problems", "Documents", "Budget", "Indicators",
                            "Findings", "Failures"})
    CHECK(book.find(std::string("name=\"") + sheet + "\"") != std::string::npos);
  CHECK(fs::exists(dir + "/x/xl/charts/chart1.xml"));
  std::string all;
  for (const auto& e : fs::directory_iterator(dir + "/x/xl/worksheets"))
    if (e.is_regular_file()) all += ReadFile(e.path().string());
  CHECK(all.find("<f>") == std::string::npos);
  std::string strings = ReadFile(dir + "/x/xl/sharedStrings.xml");
  // Streamed workbooks keep strings inline in the sheets.
  CHECK((strings + all).find("encrypted") != std::string::npos);  // the Failures sheet
  CHECK((strings + all).find("=1+1") != std::string::npos);
  // Reading leaves the folder as it was: no -wal or -shm beside the store.
  CHECK_FALSE(fs::exists(db + "-wal"));
  CHECK_FALSE(fs::exists(db + "-shm"));
  RunResult missing =
      RunJxaudit({"report", "--db", dir + "/none.sqlite", "-o", dir + "/y.xlsx"});
  CHECK(missing.status == 2);
  CHECK(missing.err.find("no such store") != std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace jx
