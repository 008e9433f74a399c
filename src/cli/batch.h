// What every batch command shares: its options, progress on a terminal, and
// running the files of a batch.
#ifndef JXAUDIT_CLI_BATCH_H_
#define JXAUDIT_CLI_BATCH_H_

#include <chrono>
#include <fstream>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "base/error.h"
#include "cli/inputs.h"
#include "cli/workers.h"
#include "ingest/read.h"

namespace jx {

// Limits every command applies per file unless told otherwise: a file that
// hangs a library or eats memory costs that file, never the batch.
constexpr double kDefaultTimeoutS = 300;
// Above a day a stuck worker is not told from a slow one, and poll() takes
// milliseconds in an int.
constexpr double kMaxTimeoutS = 86400;
constexpr uint64_t kDefaultMaxMemoryMiB = 4096;  // address space per worker
constexpr uint64_t kMaxMemoryMiB = 1ull << 24;   // 16 TiB: fits any rlim_t
// More workers than this only adds processes competing for the same cores
// and memory (each holds its own pattern automata).
constexpr unsigned kMaxJobs = 256;

struct BatchOptions {
  ReadOptions read;
  unsigned jobs = 1;
  bool quiet = false;
  std::string patterns_dir;
  double timeout_s = kDefaultTimeoutS;  // per file
  uint64_t max_memory_mib = kDefaultMaxMemoryMiB;
  std::string db;      // check's store; "" when --no-db
  bool force = false;  // check again what the store already has
  std::string command_line;
  // Files a directory walk did not take: told on stderr by every command,
  // and in check's JSON and store.
  std::vector<SkippedInput> skipped;
};

// Progress on a terminal: files done of total, rate, time left, failures.
class Progress {
 public:
  Progress(size_t total, bool enabled, std::ostream& err)
      : total_(total), enabled_(enabled), err_(err), start_(Clock::now()) {}
  bool enabled() const { return enabled_; }
  void Done(size_t done, size_t failed);
  // Clears the line (when one shows) so the next line starts at the margin.
  void Clear();

 private:
  using Clock = std::chrono::steady_clock;
  size_t total_;
  bool enabled_;
  bool showing_ = false;
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

// The limits a file's outcome depends on, as one string: a store replays a
// timeout or a refusal only under the same limits.
std::string LimitsKey(const BatchOptions& bo);

bool EndsWith(const std::string& s, const std::string& suffix);

// Refuses an output that the run would destroy before or while reading it:
// one of `inputs` (the files after walking directories) or the store `db`
// ("" when none) and its side files, by device and inode, or by path when
// the output does not exist yet; and a directory, saying so.
bool CheckOutput(const std::string& output, const std::vector<std::string>& inputs,
                 const std::string& db, Error* err);

// An output written whole or not at all: the bytes go to a temporary file in
// the output's directory, renamed over the output once all are written, so
// a full disk or a failed run leaves the old file as it was and no partial
// one. A device or a pipe (-o /dev/stdout) is written in place.
class OutputFile {
 public:
  OutputFile() = default;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();  // an output never committed is removed

  bool Open(const std::string& path, Error* err);
  // Where a writer that takes a path (the xlsx writers) writes.
  const std::string& WritePath() const { return direct_ ? path_ : temp_; }
  // A stream on WritePath(), opened on first use.
  std::ostream& Stream();
  // Flushes, syncs and renames into place; on failure the output is gone
  // and the old file intact.
  bool Commit(Error* err);
  // An error of a writer given WritePath(), naming the output instead.
  Error Named(Error e) const;

 private:
  void Discard();
  std::string path_, target_, temp_;
  bool direct_ = false, open_ = false;
  std::ofstream stream_;
};

// `text` to `output`, or to `out` when no output file is named.
bool WriteText(const std::string& text, const std::string& output, std::ostream& out,
               std::ostream& err);
// The same, for output written piece by piece (no whole copy in memory).
bool WriteOutput(const std::function<void(std::ostream&)>& write,
                 const std::string& output, std::ostream& out, std::ostream& err);

}  // namespace jx

#endif  // JXAUDIT_CLI_BATCH_H_
