#include "cli/batch.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>

namespace jx {

void Progress::Done(size_t done, size_t failed) {
  if (!enabled_) return;
  double secs = std::chrono::duration<double>(Clock::now() - start_).count();
  double rate = secs > 0 ? static_cast<double>(done) / secs : 0;
  double left = rate > 0 ? static_cast<double>(total_ - done) / rate : 0;
  char line[160];
  std::snprintf(line, sizeof line,
                "\r%zu/%zu files  %.1f files/s  ETA %.0f s  %zu failed ", done, total_,
                rate, left, failed);
  err_ << line << std::flush;
  if (done == total_) err_ << "\n";
}
void RunFiles(const std::vector<std::string>& files, const BatchOptions& bo,
              const std::function<std::string(size_t)>& work,
              const std::function<void(size_t, ChildResult&&, bool*, Error*)>& take,
              std::ostream& err) {
  const size_t n = files.size();
  std::vector<bool> ready(n, false), failed(n, false);
  std::vector<Error> why(n);
  size_t done = 0, failures = 0, reported = 0;
  Progress progress(n, ShowProgress(bo, err), err);
  RunInChildren(n, bo.jobs, bo.timeout_s, work, [&](size_t i, ChildResult&& cr) {
    bool ok = true;
    take(i, std::move(cr), &ok, &why[i]);
    ready[i] = true;
    failed[i] = !ok;
    failures += !ok;
    for (; reported < n && ready[reported]; ++reported) {
      if (failed[reported] && !bo.quiet)
        err << (progress.enabled() ? "\r" : "") << "jxaudit: " << why[reported].ToString()
            << "\n";
      why[reported] = Error{};
    }
    progress.Done(++done, failures);
  });
}

bool ShowProgress(const BatchOptions& bo, std::ostream& err) {
  return !bo.quiet && ::isatty(2) && &err == &std::cerr;
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool WriteText(const std::string& text, const std::string& output, std::ostream& out,
               std::ostream& err) {
  if (output.empty()) {
    out << text;
    return true;
  }
  std::ofstream f(output, std::ios::binary);
  f << text;
  if (!f) {
    err << "jxaudit: " << output << ": cannot write\n";
    return false;
  }
  return true;
}

}  // namespace jx
