// What every batch command shares: its options, progress on a terminal, and
// running the files of a batch.
#ifndef JXAUDIT_CLI_BATCH_H_
#define JXAUDIT_CLI_BATCH_H_

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <iostream>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "base/patterns.h"
#include "ingest/read.h"

namespace jx {

struct BatchOptions {
  ReadOptions read;
  unsigned jobs = 1;
  bool quiet = false;
  std::string patterns_dir;
  double timeout_s = 0;  // per file, check only; 0: none
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

// Runs `work(i, patterns)` for every file index on `jobs` threads. Each
// thread has its own Patterns (their answers are memoised per instance);
// results are stored by index, so output order is the input order.
template <typename Result, typename Work>
std::vector<Result> RunBatch(const std::vector<std::string>& files,
                             const BatchOptions& bo, const Patterns& patterns, Work work,
                             std::ostream& err) {
  std::vector<Result> results(files.size());
  std::atomic<size_t> next{0};
  size_t done = 0, failed = 0, reported = 0;  // guarded by `report`
  std::vector<bool> ready(files.size(), false);
  std::mutex report;
  Progress progress(files.size(), ShowProgress(bo, err), err);
  auto worker = [&](const Patterns& pats) {
    for (size_t i; (i = next.fetch_add(1)) < files.size();) {
      results[i] = work(files[i], pats);
      std::lock_guard<std::mutex> lock(report);
      ready[i] = true;
      failed += !results[i].ok;
      // Errors are told in input order, whichever worker finishes first.
      for (; reported < files.size() && ready[reported]; ++reported)
        if (!results[reported].ok && !bo.quiet)
          err << (progress.enabled() ? "\r" : "")
              << "jxaudit: " << results[reported].error.ToString() << "\n";
      progress.Done(++done, failed);
    }
  };
  unsigned jobs = std::max(1u, std::min<unsigned>(bo.jobs, files.size()));
  if (jobs == 1) {
    worker(patterns);
    return results;
  }
  std::vector<Patterns> own(jobs - 1);
  for (Patterns& p : own) {
    std::string perr;
    p.LoadDir(bo.patterns_dir, &perr);  // the same directory loaded once already
  }
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(worker, std::cref(own[t - 1]));
  worker(patterns);
  for (std::thread& t : threads) t.join();
  return results;
}

bool EndsWith(const std::string& s, const std::string& suffix);

// `text` to `output`, or to `out` when no output file is named.
bool WriteText(const std::string& text, const std::string& output, std::ostream& out,
               std::ostream& err);

}  // namespace jx

#endif  // JXAUDIT_CLI_BATCH_H_
