// What every batch command shares: its options, progress on a terminal, and
// running the files of a batch.
#ifndef JXAUDIT_CLI_BATCH_H_
#define JXAUDIT_CLI_BATCH_H_

#include <chrono>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "base/error.h"
#include "cli/workers.h"
#include "ingest/read.h"

namespace jx {

struct BatchOptions {
  ReadOptions read;
  unsigned jobs = 1;
  bool quiet = false;
  std::string patterns_dir;
  double timeout_s = 0;  // per file; 0: none
  std::string db;        // check's store; "" when --no-db
  bool force = false;    // check again what the store already has
  std::string command_line;
};

// Progress on a terminal: files done of total, rate, time left, failures.
class Progress {
 public:
  Progress(size_t total, bool enabled, std::ostream& err)
      : total_(total), enabled_(enabled), err_(err), start_(Clock::now()) {}
  bool enabled() const { return enabled_; }
  void Done(size_t done, size_t failed);

 private:
  using Clock = std::chrono::steady_clock;
  size_t total_;
  bool enabled_;
  std::ostream& err_;
  Clock::time_point start_;
};

// Whether progress goes to the terminal: not when quiet, not into a file or a
// test's stream.
bool ShowProgress(const BatchOptions& bo, std::ostream& err);

// Runs `work(i)` for every file index in forked workers (cli/workers.h), so
// a crash or a file past --timeout costs that file only. In this process,
// `take(i, result, &ok, &why)` makes what it needs of the bytes a worker sent
// (or of its failure) and says whether the file failed and why. Failures are
// told on `err` in input order, whichever worker ends first.
void RunFiles(const std::vector<std::string>& files, const BatchOptions& bo,
              const std::function<std::string(size_t)>& work,
              const std::function<void(size_t, ChildResult&&, bool*, Error*)>& take,
              std::ostream& err);

bool EndsWith(const std::string& s, const std::string& suffix);

// `text` to `output`, or to `out` when no output file is named.
bool WriteText(const std::string& text, const std::string& output, std::ostream& out,
               std::ostream& err);

}  // namespace jx

#endif  // JXAUDIT_CLI_BATCH_H_
