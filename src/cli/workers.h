// Work in child processes, so that a file that crashes or hangs a library
// (Poppler, ICU) costs only that file.
#ifndef JXAUDIT_CLI_WORKERS_H_
#define JXAUDIT_CLI_WORKERS_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

namespace jx {

struct ChildResult {
  bool ok = false;      // the child finished and returned its bytes
  std::string bytes;    // what `work` returned
  std::string status;   // when !ok: "timeout", "out_of_memory" or "crashed"
  std::string failure;  // when !ok: why, in words
  double seconds = 0;   // wall time of the child
  long max_rss_kb = 0;  // the child's peak resident memory
};

// Runs work(i) for i in [0, n) in up to `jobs` forked worker processes, each
// taking one item after another, and calls done(i, result) in this process
// as each ends (any order). A worker that dies loses only its current item
// and is replaced; one running past `timeout_s` (0: no limit) on an item is
// killed and replaced. Each worker's address space is limited to
// `memory_bytes` (0: no limit): an allocation past it ends the worker, its
// item is "out_of_memory" and a new worker takes its place. Call from a
// process with no other threads.
void RunInChildren(size_t n, unsigned jobs, double timeout_s,
                   const std::function<std::string(size_t)>& work,
                   const std::function<void(size_t, ChildResult&&)>& done,
                   uint64_t memory_bytes = 0);

}  // namespace jx

#endif  // JXAUDIT_CLI_WORKERS_H_
