#include "test_util.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ingest/read.h"
#include "layout/layout.h"

namespace jx::test {

const Patterns& ProjectPatterns() {
  static const Patterns* p = [] {
    auto* pat = new Patterns();
    std::string err;
    if (!pat->LoadDir(JXAUDIT_PATTERNS_DIR, &err)) FAIL("patterns: " << err);
    return pat;
  }();
  return *p;
}

Document DocFromText(const std::string& text, const std::string& name) {
  Document d;
  Error err;
  if (!DocumentFromBytes(name, text, &d, &err)) FAIL(err.ToString());
  return d;
}

Layout LayoutOf(const std::string& text) {
  return BuildLayout(DocFromText(text), ProjectPatterns());
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

std::string SamplePath(const std::string& name) {
  return std::string(JXAUDIT_SAMPLES) + "/" + name;
}

std::vector<std::string> SeedSamples() {
  return {"000_78d777d638020fc8.txt", "001_20b715a24a62e05c.txt",
          "002_fef1010ff2924dfd.txt", "003_8edb4e5fb5a34cb8.txt",
          "004_85c34f88b6099d5e.txt"};
}

std::string TempDir() {
  std::string tmpl =
      (std::filesystem::temp_directory_path() / "jxaudit-test-XXXXXX").string();
  char* d = mkdtemp(tmpl.data());
  REQUIRE(d != nullptr);
  return d;
}

namespace {
std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'')
      q += "'\\''";
    else
      q += c;
  }
  return q + "'";
}
}  // namespace

RunResult RunJxaudit(const std::vector<std::string>& args) {
  std::string dir = TempDir();
  // In a fresh directory: `check` leaves its store (jxaudit.sqlite) there.
  std::string cmd = "cd " + Quote(dir) + " && " + Quote(JXAUDIT_BINARY);
  for (const std::string& a : args) cmd += " " + Quote(a);
  cmd += " >" + Quote(dir + "/out") + " 2>" + Quote(dir + "/err");
  RunResult r;
  int rc = std::system(cmd.c_str());
  r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  r.out = ReadFile(dir + "/out");
  r.err = ReadFile(dir + "/err");
  std::filesystem::remove_all(dir);
  return r;
}

RunResult RunJxauditLimited(const std::vector<std::string>& args, int resource,
                            unsigned long limit) {
  std::string dir = TempDir();
  pid_t pid = ::fork();
  if (pid == 0) {
    ::signal(SIGXFSZ, SIG_IGN);  // ignored signals stay ignored across exec
    int o = ::open((dir + "/out").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int e = ::open((dir + "/err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(o, 1);
    ::dup2(e, 2);
    rlimit lim{limit, limit};
    ::setrlimit(static_cast<__rlimit_resource>(resource), &lim);
    std::vector<const char*> argv{"jxaudit"};
    for (const std::string& a : args) argv.push_back(a.c_str());
    argv.push_back(nullptr);
    ::execv(JXAUDIT_BINARY, const_cast<char* const*>(argv.data()));
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  RunResult r;
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadFile(dir + "/out");
  r.err = ReadFile(dir + "/err");
  std::filesystem::remove_all(dir);
  return r;
}

std::pair<int, std::string> ValidateSchema(const std::string& mode,
                                           const std::string& schema,
                                           const std::string& file) {
  const std::string log = file + ".validate";
  std::string cmd = "python3 " +
                    ShellQuote(std::string(JXAUDIT_TESTS_DIR) + "/schema/validate.py") +
                    " " + mode + " " +
                    ShellQuote(std::string(JXAUDIT_TESTS_DIR) + "/../schemas/" + schema) +
                    " " + ShellQuote(file) + " 2>" + ShellQuote(log);
  int rc = std::system(cmd.c_str());
  return {WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, ReadFile(log)};
}

std::vector<std::vector<std::string>> Texts(const Table& t) {
  std::vector<std::vector<std::string>> out;
  for (const auto& row : t.rows) {
    std::vector<std::string> r;
    for (const Cell& c : row) r.push_back(c.text);
    out.push_back(std::move(r));
  }
  return out;
}

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char ch : s) out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
  return out + "'";
}

}  // namespace jx::test
