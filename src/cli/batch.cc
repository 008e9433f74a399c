#include "cli/batch.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "base/text.h"

namespace jx {

void Progress::Done(size_t done, size_t failed) {
  if (!enabled_) return;
  done = std::min(done, total_);  // never more done than there are
  double secs = std::chrono::duration<double>(Clock::now() - start_).count();
  double rate = secs > 0 ? static_cast<double>(done) / secs : 0;
  double left = rate > 0 ? static_cast<double>(total_ - done) / rate : 0;
  char line[160];
  std::snprintf(line, sizeof line,
                "\r\033[K%zu/%zu files  %.1f files/s  ETA %.0f s  %zu failed", done,
                total_, rate, left, failed);
  err_ << line << std::flush;
  showing_ = true;
  if (done == total_) err_ << "\n", showing_ = false;
}

void Progress::Clear() {
  if (!enabled_ || !showing_) return;
  // A line printed after it would otherwise start behind the progress text.
  err_ << "\r\033[K" << std::flush;
  showing_ = false;
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
  RunInChildren(
      n, bo.jobs, bo.timeout_s, work,
      [&](size_t i, ChildResult&& cr) {
        bool ok = true;
        take(i, std::move(cr), &ok, &why[i]);
        ready[i] = true;
        failed[i] = !ok;
        failures += !ok;
        for (; reported < n && ready[reported]; ++reported) {
          if (failed[reported] && !bo.quiet) {
            progress.Clear();
            err << "jxaudit: " << ShowControls(why[reported].ToString()) << "\n";
          }
          why[reported] = Error{};
        }
        progress.Done(++done, failures);
      },
      bo.max_memory_mib << 20);
}

bool ShowProgress(const BatchOptions& bo, std::ostream& err) {
  return !bo.quiet && ::isatty(2) && &err == &std::cerr;
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string LimitsKey(const BatchOptions& bo) {
  char key[160];
  std::snprintf(key, sizeof key,
                "timeout=%g max_bytes=%llu max_pages=%d max_memory_mib=%llu",
                bo.timeout_s, static_cast<unsigned long long>(bo.read.max_bytes),
                bo.read.max_pages, static_cast<unsigned long long>(bo.max_memory_mib));
  return key;
}

namespace {

namespace fs = std::filesystem;

// Whether two paths name one file: by device and inode when both exist, else
// by their absolute paths with what exists resolved.
bool SameFile(const std::string& a, const std::string& b) {
  struct stat sa {
  }, sb{};
  bool ea = ::stat(a.c_str(), &sa) == 0, eb = ::stat(b.c_str(), &sb) == 0;
  if (ea && eb) return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  if (ea != eb) return false;
  std::error_code ec1, ec2;
  fs::path ca = fs::weakly_canonical(fs::absolute(a, ec1), ec1);
  fs::path cb = fs::weakly_canonical(fs::absolute(b, ec2), ec2);
  return !ec1 && !ec2 && ca == cb;
}

// The temporary output of this process, removed when Ctrl-C, a hangup or
// kill stops the run, so that a stopped run leaves no partial file behind.
// The workers reset these signals (cli/workers.cc): only this process owns
// the file.
volatile sig_atomic_t g_has_temp = 0;
char g_temp[4096];
constexpr int kStopSignals[] = {SIGINT, SIGTERM, SIGHUP};
struct sigaction g_old[3];

void RemoveTempAndStop(int sig) {
  if (g_has_temp) ::unlink(g_temp);
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

void GuardTemp(const std::string& temp) {
  if (temp.size() >= sizeof g_temp) return;
  std::memcpy(g_temp, temp.c_str(), temp.size() + 1);
  g_has_temp = 1;
  for (size_t k = 0; k < 3; ++k) {
    struct sigaction now {};
    ::sigaction(kStopSignals[k], nullptr, &g_old[k]);
    if (g_old[k].sa_handler != SIG_DFL) continue;  // ignored (nohup): stays so
    now.sa_handler = RemoveTempAndStop;
    ::sigemptyset(&now.sa_mask);
    ::sigaction(kStopSignals[k], &now, nullptr);
  }
}

void UnguardTemp() {
  if (!g_has_temp) return;
  for (size_t k = 0; k < 3; ++k) ::sigaction(kStopSignals[k], &g_old[k], nullptr);
  g_has_temp = 0;
}

}  // namespace

bool CheckOutput(const std::string& output, const std::vector<std::string>& inputs,
                 const std::string& db, Error* err) {
  if (output.empty()) return true;
  struct stat st {};
  if (::stat(output.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    *err = MakeError(output, "is a directory; -o names the output file");
    return false;
  }
  for (const std::string& in : inputs)
    if (SameFile(output, in)) {
      *err = MakeError(output, "is also an input (" + in +
                                   "): writing it would destroy it; name another -o");
      return false;
    }
  if (!db.empty())
    for (const char* side : {"", "-wal", "-shm", "-journal"})
      if (SameFile(output, db + side)) {
        *err = MakeError(output, "is the store (" + db + side +
                                     "): writing it would destroy it; name another -o "
                                     "or --db");
        return false;
      }
  return true;
}

OutputFile::~OutputFile() { Discard(); }

void OutputFile::Discard() {
  if (stream_.is_open()) stream_.close();
  if (open_ && !direct_) {
    ::unlink(temp_.c_str());
    UnguardTemp();
  }
  open_ = false;
}

bool OutputFile::Open(const std::string& path, Error* err) {
  path_ = path;
  std::string target = path;
  struct stat st {};
  if (::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
    // The file a link points to is replaced, not the link.
    std::error_code ec;
    fs::path real = fs::canonical(path, ec);
    if (!ec) target = real.string();
  }
  if (::stat(target.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    if (S_ISDIR(st.st_mode)) {
      *err = MakeError(path, "is a directory; -o names the output file");
      return false;
    }
    direct_ = true;  // a device or a pipe: nothing to rename over
    open_ = true;
    return true;
  }
  fs::path p(target);
  fs::path dir = p.parent_path();
  std::string tmpl = (dir.empty() ? fs::path(".") : dir) /
                     ("." + p.filename().string() + ".jxaudit-XXXXXX");
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  // A stop signal between making the file and guarding it would leave it
  // behind: held until the guard is in place, then delivered.
  sigset_t stop, before;
  ::sigemptyset(&stop);
  for (int sig : kStopSignals) ::sigaddset(&stop, sig);
  ::sigprocmask(SIG_BLOCK, &stop, &before);
  int fd = ::mkstemp(name.data());
  if (fd < 0) {
    ::sigprocmask(SIG_SETMASK, &before, nullptr);
    *err = MakeError(path, std::string("cannot write: ") + std::strerror(errno));
    return false;
  }
  // mkstemp makes the file private; the output gets the mode the old one had,
  // or the one a new file gets.
  mode_t mode;
  if (::stat(target.c_str(), &st) == 0) {
    mode = st.st_mode & 07777;
  } else {
    mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  ::fchmod(fd, mode);
  ::close(fd);
  temp_ = name.data();
  target_ = target;
  open_ = true;
  GuardTemp(temp_);
  ::sigprocmask(SIG_SETMASK, &before, nullptr);
  return true;
}

std::ostream& OutputFile::Stream() {
  if (!stream_.is_open()) stream_.open(WritePath(), std::ios::binary | std::ios::trunc);
  return stream_;
}

bool OutputFile::Commit(Error* err) {
  if (!open_) {
    *err = MakeError(path_, "cannot write: not open");
    return false;
  }
  auto fail = [&](int e) {
    *err = MakeError(path_, std::string("cannot write: ") + std::strerror(e));
    Discard();
    return false;
  };
  if (stream_.is_open()) {
    errno = 0;
    stream_.flush();
    if (!stream_) return fail(errno ? errno : EIO);
    stream_.close();
    if (stream_.fail()) return fail(errno ? errno : EIO);
  }
  if (direct_) {
    open_ = false;
    return true;
  }
  // The bytes reach the disk before the name does, so a crash after the
  // rename never leaves an empty or partial output under the old name.
  int fd = ::open(temp_.c_str(), O_RDONLY);
  if (fd < 0) return fail(errno);
  if (::fsync(fd) != 0) {
    int e = errno;
    ::close(fd);
    return fail(e);
  }
  ::close(fd);
  if (::rename(temp_.c_str(), target_.c_str()) != 0) return fail(errno);
  UnguardTemp();
  open_ = false;
  return true;
}

Error OutputFile::Named(Error e) const {
  if (e.where.file == temp_) e.where.file = path_;
  return e;
}

bool WriteText(const std::string& text, const std::string& output, std::ostream& out,
               std::ostream& err) {
  if (output.empty()) {
    out << text;
    return true;
  }
  OutputFile f;
  Error e;
  if (!f.Open(output, &e) || !(f.Stream() << text, true) || !f.Commit(&e)) {
    err << "jxaudit: " << ShowControls(e.ToString()) << "\n";
    return false;
  }
  return true;
}

}  // namespace jx
