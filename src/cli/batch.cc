#include "cli/batch.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>

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
