// What the command line refuses and what it protects: outputs that are
// inputs or the store, outputs written whole or not at all, limits that are
// not replayed from the store, memory and time limits, option values, stores
// of other applications, read-only stores, the progress line.
#include <fcntl.h>
#include <pty.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <map>
#include <thread>
#include <vector>

#include "cli/batch.h"
#include "cli/workers.h"
#include "store/store.h"
#include "test_util.h"

namespace jx {
namespace {

using namespace test;
namespace fs = std::filesystem;

int64_t Count(const std::string& db, const std::string& q) {
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  int64_t v = -1;
  if (sqlite3_prepare_v2(h, q.c_str(), -1, &st, nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW)
    v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(h);
  return v;
}

std::string Text(const std::string& db, const std::string& q) {
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  std::string v = "<none>";
  if (sqlite3_prepare_v2(h, q.c_str(), -1, &st, nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW) {
    const unsigned char* t = sqlite3_column_text(st, 0);
    v = t ? reinterpret_cast<const char*>(t) : "NULL";
  }
  sqlite3_finalize(st);
  sqlite3_close(h);
  return v;
}

std::vector<std::string> Names(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

size_t Lines(const std::string& s) { return std::count(s.begin(), s.end(), '\n'); }

const std::string kSample = "001_20b715a24a62e05c.txt";

TEST_CASE("output: -o naming an input is refused before anything is written",
          "[e2e][limits]") {
  std::string dir = TempDir();
  const std::string report = ReadFile(SamplePath(kSample));
  fs::create_directories(dir + "/in");
  WriteFile(dir + "/a.txt", report);
  WriteFile(dir + "/in/b.txt", report);
  fs::create_hard_link(dir + "/a.txt", dir + "/link.txt");
  struct Case {
    std::vector<std::string> args;
    std::string victim;
  };
  const Case cases[] = {
      {{"check", "--no-db", dir + "/a.txt", "-o", dir + "/a.txt"}, dir + "/a.txt"},
      {{"check", "--no-db", dir + "/a.txt", "-o", dir + "/link.txt"}, dir + "/link.txt"},
      {{"tables", dir + "/a.txt", "-o", dir + "/a.txt"}, dir + "/a.txt"},
      {{"tables", dir + "/a.txt", "-o", dir + "/./a.txt"}, dir + "/a.txt"},
      {{"extract", dir + "/in", "-o", dir + "/in/b.txt"}, dir + "/in/b.txt"},
      {{"extract", dir + "/in", "-o", dir + "/in/../in/b.txt"}, dir + "/in/b.txt"},
  };
  for (const Case& c : cases) {
    INFO(c.args[0] << " -o " << c.args.back());
    RunResult r = RunJxaudit(c.args);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(Lines(r.err) == 1);
    CHECK(r.err.find("is also an input") != std::string::npos);
    CHECK(ReadFile(c.victim) == report);
  }
  CHECK(Names(dir) == std::vector<std::string>{"a.txt", "in", "link.txt"});
  CHECK(Names(dir + "/in") == std::vector<std::string>{"b.txt"});
  fs::remove_all(dir);
}

TEST_CASE("output: -o naming the store is refused and the store kept", "[e2e][limits]") {
  std::string dir = TempDir();
  std::string db = dir + "/jxaudit.sqlite";
  RunResult first = RunJxaudit({"check", "-q", "--db", db, SamplePath(kSample),
                                SamplePath("002_fef1010ff2924dfd.txt")});
  REQUIRE(Count(db, "SELECT count(*) FROM files") == 2);
  // The store defaults to beside -o: -o naming it names the store.
  RunResult r = RunJxaudit({"check", "-o", db, SamplePath("003_8edb4e5fb5a34cb8.txt")});
  CHECK(r.status == 2);
  CHECK(Lines(r.err) == 1);
  CHECK(r.err.find("is the store") != std::string::npos);
  RunResult rep = RunJxaudit({"report", "--db", db, "-o", db});
  CHECK(rep.status == 2);
  CHECK(rep.err.find("is the store") != std::string::npos);
  // A store not there yet is the output by its path.
  RunResult fresh = RunJxaudit({"check", "--db", dir + "/new.sqlite", "-o",
                                dir + "/new.sqlite", SamplePath(kSample)});
  CHECK(fresh.status == 2);
  CHECK(fresh.err.find("is the store") != std::string::npos);
  CHECK_FALSE(fs::exists(dir + "/new.sqlite"));
  CHECK(Count(db, "SELECT count(*) FROM files") == 2);
  CHECK(Count(db, "SELECT count(*) FROM documents") == 2);
  fs::remove_all(dir);
}

TEST_CASE("output: -o naming a directory says it is a directory", "[e2e][limits]") {
  std::string dir = TempDir();
  RunResult made =
      RunJxaudit({"check", "-q", "--db", dir + "/s.sqlite", SamplePath(kSample)});
  const std::vector<std::vector<std::string>> cases = {
      {"check", "--no-db", SamplePath(kSample), "-o", dir},
      {"tables", SamplePath(kSample), "-o", dir},
      {"extract", SamplePath(kSample), "-o", dir},
      {"report", "--db", dir + "/s.sqlite", "-o", dir},
  };
  for (const auto& args : cases) {
    INFO(args[0]);
    RunResult r = RunJxaudit(args);
    CHECK(r.status == 2);
    CHECK(r.err == "jxaudit: " + dir + ": is a directory; -o names the output file\n");
  }
  fs::remove_all(dir);
}

// Runs jxaudit with files limited to `max_file` bytes, as a full disk would
// stop it: a write past it fails (EFBIG) instead of killing the process.
RunResult RunFileLimited(const std::vector<std::string>& args, rlim_t max_file) {
  return RunJxauditLimited(args, RLIMIT_FSIZE, max_file);
}

TEST_CASE("output: a write that fails leaves the old file and no partial one",
          "[e2e][limits]") {
  std::string dir = TempDir();
  fs::create_directories(dir + "/o");
  const std::string old_bytes = "the previous output\n";
  struct Case {
    std::vector<std::string> args;
    std::string out;
  };
  const Case cases[] = {
      {{"check", "--no-db", SamplePath(kSample)}, "check.txt"},
      {{"check", "--no-db", "-f", "json", SamplePath(kSample)}, "check.json"},
      {{"extract", "-f", "csv", SamplePath(kSample)}, "x.csv"},
      {{"tables", SamplePath(kSample)}, "t.json"},
      {{"tables", SamplePath(kSample)}, "t.xlsx"},
      {{"extract", SamplePath(kSample)}, "x.xlsx"},
  };
  for (const Case& c : cases) {
    INFO(c.out);
    const std::string out = dir + "/o/" + c.out;
    WriteFile(out, old_bytes);
    std::vector<std::string> args = c.args;
    args.push_back("-o");
    args.push_back(out);
    RunResult r = RunFileLimited(args, 1000);
    CHECK(r.status == 2);
    CHECK(r.err.find(out + ": ") != std::string::npos);
    CHECK(ReadFile(out) == old_bytes);
    CHECK(Names(dir + "/o") == std::vector<std::string>{c.out});
    // Unlimited, the output replaces the old file whole, with its mode.
    ::chmod(out.c_str(), 0640);
    RunResult ok = RunJxaudit(args);
    CHECK(ok.status <= 1);
    CHECK(ReadFile(out).size() > 1000);
    CHECK((fs::status(out).permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
    CHECK(Names(dir + "/o") == std::vector<std::string>{c.out});
    fs::remove(out);
  }
  fs::remove_all(dir);
}

TEST_CASE("output: a run stopped by a signal leaves the old output and no partial one",
          "[e2e][limits]") {
  std::string dir = TempDir();
  fs::create_directories(dir + "/in");
  fs::create_directories(dir + "/o");
  for (int k = 0; k < 40; ++k)
    WriteFile(dir + "/in/" + std::to_string(100 + k) + ".txt",
              ReadFile(SamplePath(kSample)) + "\n备注：" + std::to_string(k) + "\n");
  const std::string out = dir + "/o/out.txt";
  for (int sig : {SIGINT, SIGTERM}) {
    INFO("signal " << sig);
    WriteFile(out, "old\n");
    pid_t pid = ::fork();
    if (pid == 0) {
      ::setpgid(0, 0);
      int null = ::open("/dev/null", O_WRONLY);
      ::dup2(null, 2);
      ::execl(JXAUDIT_BINARY, "jxaudit", "check", "-q", "--no-db", "-j", "1", "-o",
              out.c_str(), (dir + "/in").c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    REQUIRE(pid > 0);
    // Stop it once its temporary output exists.
    bool seen = false;
    for (int i = 0; i < 5000 && !seen; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
      seen = Names(dir + "/o").size() > 1;
    }
    CHECK(seen);
    ::kill(sig == SIGINT ? -pid : pid, sig);
    int status = 0;
    ::waitpid(pid, &status, 0);
    CHECK(WIFSIGNALED(status));
    CHECK(ReadFile(out) == "old\n");
    CHECK(Names(dir + "/o") == std::vector<std::string>{"out.txt"});
  }
  fs::remove_all(dir);
}

// A report long enough that a millisecond never sees it through.
std::string LongReport() {
  std::string big;
  for (int k = 0; k < 10; ++k)
    for (const std::string& s : SeedSamples()) big += ReadFile(SamplePath(s)) + "\n";
  return big;
}

TEST_CASE("store: a limit outcome is replayed only under the same limits",
          "[e2e][limits]") {
  std::string dir = TempDir();
  std::string db = dir + "/s.sqlite";
  WriteFile(dir + "/big.txt", LongReport());
  const std::string big = dir + "/big.txt";
  auto run_field = [&](const char* f) {
    std::string q = "SELECT " + std::string(f) + " FROM runs ORDER BY id DESC LIMIT 1";
    return Count(db, q);
  };
  RunResult t = RunJxaudit({"check", "-q", "--db", db, "--timeout", "0.001", big});
  CHECK(t.status == 2);
  CHECK(t.out.find("stopped after 0.001 s (--timeout)") != std::string::npos);
  CHECK(Text(db, "SELECT status FROM files") == "timeout");
  // The same limits: the outcome stands, replayed from the store.
  RunResult same = RunJxaudit({"check", "-q", "--db", db, "--timeout", "0.001", big});
  CHECK(same.out == t.out);
  CHECK(run_field("skipped") == 1);
  // Other limits: checked again, and the new outcome replaces the old.
  RunResult later = RunJxaudit({"check", "-q", "--db", db, big});
  CHECK(later.status == 1);
  CHECK(later.out.find("--timeout") == std::string::npos);
  CHECK(run_field("checked") == 1);
  CHECK(Text(db, "SELECT status FROM files") == "ok");
  CHECK(Text(db, "SELECT status FROM documents") == "ok");
  // An ok record stands under any limits.
  RunResult again = RunJxaudit({"check", "-q", "--db", db, "--timeout", "60", big});
  CHECK(again.out == later.out);
  CHECK(run_field("skipped") == 1);

  // A refusal by --max-bytes or --max-pages is the limits' too.
  const std::string small = SamplePath(kSample);
  const std::string pdf = SamplePath("pdf/002_ruled.pdf");
  RunResult refused =
      RunJxaudit({"check", "-q", "--db", db, "--max-bytes", "100", small});
  CHECK(refused.out.find("file too large") != std::string::npos);
  RunResult pages = RunJxaudit({"check", "-q", "--db", db, "--max-pages", "1", pdf});
  CHECK(pages.out.find("pages, limit 1") != std::string::npos);
  RunResult plain = RunJxaudit({"check", "-q", "--db", db, small, pdf});
  CHECK(plain.out.find("file too large") == std::string::npos);
  CHECK(plain.out.find("limit 1") == std::string::npos);
  CHECK(run_field("checked") == 2);
  CHECK(Count(db, "SELECT count(*) FROM files WHERE status <> 'ok'") == 0);
  fs::remove_all(dir);
}

TEST_CASE("store: records keep the limits they were made under, defaults included",
          "[e2e][limits]") {
  std::string dir = TempDir();
  std::string db = dir + "/s.sqlite";
  RunResult r = RunJxaudit({"check", "-q", "--db", db, SamplePath(kSample)});
  CHECK(r.status == 1);
  CHECK(Text(db, "SELECT limits FROM documents") ==
        "timeout=300 max_bytes=268435456 max_pages=20000 max_memory_mib=4096");
  RunResult m = RunJxaudit({"check", "-q", "--db", db, "--force", "--timeout", "2.5",
                            "--max-memory", "2048", SamplePath(kSample)});
  CHECK(Text(db, "SELECT limits FROM documents") ==
        "timeout=2.5 max_bytes=268435456 max_pages=20000 max_memory_mib=2048");
  fs::remove_all(dir);
}

TEST_CASE("defaults: every batch has a time limit and a memory limit unless told",
          "[limits]") {
  BatchOptions bo;
  CHECK(bo.timeout_s == 300);
  CHECK(bo.timeout_s == kDefaultTimeoutS);
  CHECK(bo.max_memory_mib == 4096);
  CHECK(bo.max_memory_mib == kDefaultMaxMemoryMiB);
  RunResult help = RunJxaudit({"--help"});
  CHECK(help.out.find("timed out (default 300)") != std::string::npos);
  CHECK(help.out.find("4096)") != std::string::npos);
}

TEST_CASE("workers: an item past the memory limit is out_of_memory, a new worker goes on",
          "[limits]") {
  std::map<size_t, ChildResult> got;
  RunInChildren(
      4, 1, 30.0,
      [](size_t i) -> std::string {
        if (i == 1) {
          std::vector<char> v(size_t{1} << 30, 'x');  // far over the limit
          return std::string(v.data(), 8);
        }
        return "item " + std::to_string(i) + " pid " + std::to_string(::getpid());
      },
      [&](size_t i, ChildResult&& r) { got[i] = std::move(r); }, uint64_t{512} << 20);
  REQUIRE(got.size() == 4);
  CHECK(got[0].ok);
  CHECK_FALSE(got[1].ok);
  CHECK(got[1].status == "out_of_memory");
  CHECK(got[1].failure == "out of memory (over 512 MiB, --max-memory)");
  CHECK(got[2].ok);
  CHECK(got[3].ok);
  CHECK(got[2].bytes.substr(0, 6) == "item 2");
  // One worker for all: the one after the failure is a new process.
  CHECK(got[0].bytes.substr(got[0].bytes.find("pid")) !=
        got[2].bytes.substr(got[2].bytes.find("pid")));
}

TEST_CASE("check: a file past --max-memory is recorded out_of_memory, the batch goes on",
          "[e2e][limits]") {
  std::string dir = TempDir();
  std::string db = dir + "/s.sqlite";
  {
    // 160 MiB of holes: reading it needs more memory than the limit.
    int fd = ::open((dir + "/huge.txt").c_str(), O_WRONLY | O_CREAT, 0644);
    REQUIRE(fd >= 0);
    REQUIRE(::ftruncate(fd, 160 << 20) == 0);
    ::close(fd);
  }
  RunResult r = RunJxaudit({"check", "--db", db, "-j", "1", "--max-memory", "120",
                            dir + "/huge.txt", SamplePath(kSample)});
  CHECK(r.status == 2);
  CHECK(r.err ==
        "jxaudit: " + dir + "/huge.txt: out of memory (over 120 MiB, --max-memory)\n");
  CHECK(Text(db, "SELECT status FROM files WHERE path LIKE '%huge.txt'") ==
        "out_of_memory");
  CHECK(Text(db, "SELECT status FROM files WHERE path LIKE '%" + kSample + "'") == "ok");
  CHECK(Count(db, "SELECT count(*) FROM findings") > 0);
  fs::remove_all(dir);
}

TEST_CASE("options: counts and seconds out of range are refused with one line",
          "[e2e][limits]") {
  struct Case {
    std::vector<std::string> args;
    const char* says;
  };
  const Case cases[] = {
      {{"--max-bytes", "-1"}, "--max-bytes '-1': expected a whole number from 1 to"},
      {{"--max-bytes", "0"}, "--max-bytes '0': expected a whole number from 1 to"},
      {{"--max-bytes", "12k"}, "--max-bytes '12k': expected a whole number"},
      {{"--max-pages", "-1"}, "--max-pages '-1': expected a whole number from 1 to"},
      {{"-j", "-1"}, "--jobs '-1': expected a whole number from 1 to 256"},
      {{"-j", "0"}, "--jobs '0': expected a whole number from 1 to 256"},
      {{"-j", "910"}, "--jobs '910': expected a whole number from 1 to 256"},
      {{"--timeout", "nan"}, "--timeout 'nan': expected a number of seconds above 0"},
      {{"--timeout", "inf"}, "--timeout 'inf': expected a number of seconds above 0"},
      {{"--timeout", "-1"}, "--timeout '-1': expected a number of seconds above 0"},
      {{"--timeout", "0"}, "--timeout '0': expected a number of seconds above 0"},
      {{"--timeout", "1e9"}, "--timeout '1e9': expected a number of seconds above 0"},
      {{"--max-memory", "0"}, "--max-memory '0': expected a whole number from 1 to"},
      {{"--max-memory", "-5"}, "--max-memory '-5': expected a whole number from 1 to"},
  };
  for (const char* command : {"check", "tables", "extract"})
    for (const Case& c : cases) {
      std::vector<std::string> args = {command, "--no-db"};
      args.insert(args.end(), c.args.begin(), c.args.end());
      args.push_back(SamplePath(kSample));
      if (std::string(command) != "check") args.erase(args.begin() + 1);
      INFO(command << " " << c.args[0] << " " << c.args[1]);
      RunResult r = RunJxaudit(args);
      CHECK(r.status == 2);
      CHECK(r.out.empty());
      CHECK(Lines(r.err) == 1);
      CHECK(r.err.rfind(std::string("jxaudit: ") + c.says, 0) == 0);
    }
  RunResult most = RunJxaudit({"tables", "-j", "256", "-q", SamplePath(kSample)});
  CHECK(most.status == 0);
}

TEST_CASE("store: another application's database is refused untouched", "[e2e][limits]") {
  std::string dir = TempDir();
  std::string other = dir + "/other.db";
  {
    sqlite3* h = nullptr;
    REQUIRE(sqlite3_open(other.c_str(), &h) == SQLITE_OK);
    REQUIRE(sqlite3_exec(h,
                         "CREATE TABLE contacts(name TEXT); INSERT INTO contacts "
                         "VALUES('x');",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(h);
  }
  const std::string before = ReadFile(other);
  for (const char* command : {"check", "report"}) {
    INFO(command);
    RunResult r = std::string(command) == "check"
                      ? RunJxaudit({"check", "-q", "--db", other, SamplePath(kSample)})
                      : RunJxaudit({"report", "--db", other, "-o", dir + "/s.xlsx"});
    CHECK(r.status == 2);
    CHECK(r.err == "jxaudit: " + other +
                       ": not a jxaudit store (no meta table with a schema_version): "
                       "left untouched; name another --db\n");
    CHECK(ReadFile(other) == before);
    CHECK(Names(dir) == std::vector<std::string>{"other.db"});
  }
  // An empty file is a new store.
  WriteFile(dir + "/empty.db", "");
  RunResult e =
      RunJxaudit({"check", "-q", "--db", dir + "/empty.db", SamplePath(kSample)});
  CHECK(e.status == 1);
  CHECK(Count(dir + "/empty.db", "SELECT count(*) FROM files") == 1);
  fs::remove_all(dir);
}

TEST_CASE("report: a store on a read-only mount is read", "[e2e][limits]") {
  if (std::system("unshare -rm true >/dev/null 2>&1") != 0) {
    WARN("no user namespaces here: cannot make a read-only mount");
    return;
  }
  std::string dir = TempDir();
  fs::create_directories(dir + "/ro");
  std::string db = dir + "/ro/s.sqlite";
  RunResult c = RunJxaudit({"check", "-q", "--db", db, SamplePath(kSample)});
  REQUIRE(c.status == 1);
  const std::string before = ReadFile(db);
  const std::vector<std::string> files_before = Names(dir + "/ro");
  std::string cmd = "unshare -rm sh -c 'mount --bind " + dir + "/ro " + dir +
                    "/ro && mount -o remount,bind,ro " + dir + "/ro && touch " + dir +
                    "/ro/probe 2>/dev/null; " + JXAUDIT_BINARY + " report --db " + db +
                    " -o " + dir + "/summary.xlsx' 2>" + dir + "/err";
  int rc = std::system(cmd.c_str());
  INFO(ReadFile(dir + "/err"));
  CHECK(WIFEXITED(rc));
  CHECK(WEXITSTATUS(rc) == 0);
  CHECK(fs::file_size(dir + "/summary.xlsx") > 1000);
  CHECK(ReadFile(db) == before);
  CHECK(Names(dir + "/ro") == files_before);  // the mount was read-only: no probe
  fs::remove_all(dir);
}

// Runs jxaudit with its stderr on a terminal (a pty) and its stdout into a
// file, or on the terminal too when `out` is ""; returns what the terminal
// showed.
std::string RunOnTerminal(const std::vector<std::string>& args, const std::string& out) {
  int master = -1;
  pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
  if (pid == 0) {
    if (!out.empty()) {
      int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      ::dup2(o, 1);
    }
    std::vector<const char*> argv{"jxaudit"};
    for (const std::string& a : args) argv.push_back(a.c_str());
    argv.push_back(nullptr);
    ::execv(JXAUDIT_BINARY, const_cast<char* const*>(argv.data()));
    ::_exit(127);
  }
  std::string shown;
  char buf[4096];
  for (;;) {
    ssize_t n = ::read(master, buf, sizeof buf);
    if (n <= 0) break;
    shown.append(buf, static_cast<size_t>(n));
  }
  ::close(master);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return shown;
}

TEST_CASE("progress: copies count as skipped, done stays within total, lines are cleared",
          "[e2e][limits]") {
  std::string dir = TempDir();
  fs::create_directories(dir + "/in");
  const std::string report = ReadFile(SamplePath(kSample));
  for (const char* name : {"a.txt", "b.txt", "c.txt", "d.txt"})
    WriteFile(dir + "/in/" + name, report);
  // First, so its error line comes while the progress line shows.
  fs::copy_file(SamplePath("pdf/bad/damaged.pdf"), dir + "/in/0.pdf");
  std::string db = dir + "/s.sqlite";
  for (int round = 0; round < 2; ++round) {
    INFO("round " << round);
    std::string shown =
        RunOnTerminal({"check", "-j", "2", "--db", db, dir + "/in"}, dir + "/out");
    INFO(shown);
    CHECK(shown.find("5/5 files") != std::string::npos);
    CHECK(shown.find("6/5") == std::string::npos);
    CHECK(shown.find("7/5") == std::string::npos);
    CHECK(shown.find("1 failed") != std::string::npos);
    CHECK(shown.find("2 failed") == std::string::npos);
    CHECK(shown.find("ETA -") == std::string::npos);
    // Every ETA is a few digits, never a wrapped count.
    for (size_t at = shown.find("ETA "); at != std::string::npos;
         at = shown.find("ETA ", at + 1))
      CHECK(shown.find(' ', at + 4) - (at + 4) < 6);
    // The error line starts at the margin: the progress text before it on
    // its line is cleared first.
    size_t e = shown.find("jxaudit: " + dir + "/in/0.pdf");
    REQUIRE(e != std::string::npos);
    size_t nl = shown.rfind('\n', e);
    std::string before = shown.substr(nl == std::string::npos ? 0 : nl + 1,
                                      e - (nl == std::string::npos ? 0 : nl + 1));
    size_t clear = before.rfind("\033[K");
    if (clear != std::string::npos) before = before.substr(clear + 3);
    CHECK((before.empty() || before == "\r"));
  }
  CHECK(Count(db, "SELECT skipped FROM runs WHERE id=1") == 3);
  CHECK(Count(db, "SELECT failed FROM runs WHERE id=1") == 1);
  CHECK(Count(db, "SELECT skipped FROM runs WHERE id=2") == 5);
  fs::remove_all(dir);
}

// What precedes `at` on its terminal line once the cleared text is gone: ""
// when what starts at `at` starts at the margin.
std::string BeforeOnLine(const std::string& shown, size_t at) {
  size_t nl = shown.rfind('\n', at);
  std::string before = shown.substr(nl == std::string::npos ? 0 : nl + 1,
                                    at - (nl == std::string::npos ? 0 : nl + 1));
  size_t clear = before.rfind("\033[K");
  if (clear != std::string::npos) before = before.substr(clear + 3);
  before.erase(std::remove(before.begin(), before.end(), '\r'), before.end());
  return before;
}

TEST_CASE("progress: findings on the same terminal start at the margin",
          "[e2e][limits]") {
  std::string dir = TempDir();
  fs::create_directories(dir + "/in");
  const std::string report = ReadFile(SamplePath(kSample));
  for (const char* name : {"a.txt", "b.txt", "c.txt"})
    WriteFile(dir + "/in/" + name, report);
  WriteFile(dir + "/in/d.txt", ReadFile(SamplePath(SeedSamples()[4])));
  std::string db = dir + "/s.sqlite";
  for (int round = 0; round < 2; ++round) {
    INFO("round " << round);
    std::string shown = RunOnTerminal({"check", "-j", "2", "--db", db, dir + "/in"}, "");
    INFO(shown);
    CHECK(shown.find("4/4 files") != std::string::npos);
    CHECK(shown.find("0 failed") != std::string::npos);
    CHECK(shown.find("1 failed") == std::string::npos);  // copies are not failures
    int headers = 0;
    for (const char* name : {"a.txt", "b.txt", "c.txt", "d.txt"}) {
      size_t h = shown.find(dir + "/in/" + name + "  [");
      REQUIRE(h != std::string::npos);
      ++headers;
      CHECK(BeforeOnLine(shown, h).empty());
    }
    CHECK(headers == 4);
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace jx
