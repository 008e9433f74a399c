// Helpers shared by the test files.
#ifndef JXAUDIT_TESTS_TEST_UTIL_H_
#define JXAUDIT_TESTS_TEST_UTIL_H_

#include <string>
#include <utility>
#include <vector>

#include "base/patterns.h"
#include "ingest/document.h"
#include "layout/table.h"

namespace jx::test {

// The project's patterns/, loaded once.
const Patterns& ProjectPatterns();

// A document from UTF-8 text, as if read from `name`.
Document DocFromText(const std::string& text, const std::string& name = "t.txt");

// Layout of UTF-8 text.
Layout LayoutOf(const std::string& text);

std::string ReadFile(const std::string& path);
// `s` quoted for a POSIX shell command line.
std::string ShellQuote(const std::string& s);
void WriteFile(const std::string& path, const std::string& bytes);

// samples/<name>
std::string SamplePath(const std::string& name);
// The five seed reports in samples/.
std::vector<std::string> SeedSamples();

// A fresh empty directory under the system temp dir.
std::string TempDir();

struct RunResult {
  int status = -1;
  std::string out;
  std::string err;
};
// Runs the built jxaudit with `args` (shell-quoted here).
RunResult RunJxaudit(const std::vector<std::string>& args);
// Runs it directly (no shell) with one resource limit set for it and its
// workers (setrlimit: RLIMIT_AS, RLIMIT_FSIZE …), SIGXFSZ ignored so that a
// write past a file size limit fails (EFBIG) as on a full disk.
RunResult RunJxauditLimited(const std::vector<std::string>& args, int resource,
                            unsigned long limit);

// The schema validator (tests/schema/validate.py, python3-jsonschema) on
// `file` as `mode` (json, jsonl, sarif) against schemas/`schema`: its exit
// status and what it said.
std::pair<int, std::string> ValidateSchema(const std::string& mode,
                                           const std::string& schema,
                                           const std::string& file);

// Row texts of a table, for compact comparisons.
std::vector<std::vector<std::string>> Texts(const Table& t);

}  // namespace jx::test

#endif  // JXAUDIT_TESTS_TEST_UTIL_H_
