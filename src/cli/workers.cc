#include "cli/workers.h"

#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <new>
#include <vector>

namespace jx {
namespace {

using Clock = std::chrono::steady_clock;
constexpr size_t kIdle = SIZE_MAX;
// A worker's exit status when an allocation failed under its memory limit.
// The worker ends at once: a failed allocation deep inside a library cannot
// be unwound reliably, and a catch-all would report it as an ordinary error.
constexpr int kOutOfMemoryExit = 86;

void OutOfMemory() { ::_exit(kOutOfMemoryExit); }

// A worker process: it reads item indexes from `to` and answers each with
// a header (payload length, its peak memory) and the payload on `from`. It
// lives for many items, so what the pipeline keeps warm (compiled pattern
// automata, remembered answers) stays warm.
struct Worker {
  pid_t pid = -1;
  int to = -1, from = -1;
  size_t item = kIdle;
  Clock::time_point start;
  std::string buf;
};

bool WriteAll(int fd, const void* p, size_t n) {
  const char* c = static_cast<const char*>(p);
  while (n > 0) {
    ssize_t w = ::write(fd, c, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    c += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

bool ReadAll(int fd, void* p, size_t n) {
  char* c = static_cast<char*>(p);
  while (n > 0) {
    ssize_t r = ::read(fd, c, n);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    c += r;
    n -= static_cast<size_t>(r);
  }
  return true;
}

std::string Describe(int status) {
  if (WIFSIGNALED(status)) {
    int sig = WTERMSIG(status);
    return std::string("worker crashed (signal ") + std::to_string(sig) + ", " +
           strsignal(sig) + ")";
  }
  if (WIFEXITED(status))
    return "worker exited with status " + std::to_string(WEXITSTATUS(status));
  return "worker ended abnormally";
}

[[noreturn]] void ChildLoop(int in, int out,
                            const std::function<std::string(size_t)>& work) {
  for (;;) {
    uint64_t item;
    if (!ReadAll(in, &item, sizeof item)) ::_exit(0);  // no more work
    std::string bytes;
    try {
      bytes = work(static_cast<size_t>(item));
    } catch (...) {
      ::_exit(3);
    }
    rusage ru{};
    ::getrusage(RUSAGE_SELF, &ru);
    uint64_t head[2] = {bytes.size(), static_cast<uint64_t>(ru.ru_maxrss)};
    if (!WriteAll(out, head, sizeof head) || !WriteAll(out, bytes.data(), bytes.size()))
      ::_exit(4);
  }
}

}  // namespace

void RunInChildren(size_t n, unsigned jobs, double timeout_s,
                   const std::function<std::string(size_t)>& work,
                   const std::function<void(size_t, ChildResult&&)>& done,
                   uint64_t memory_bytes) {
  if (n == 0) return;
  if (jobs == 0) jobs = 1;
  // poll() waits in int milliseconds.
  if (!(timeout_s < 1e6)) timeout_s = 1e6;
  // A worker that died leaves a pipe whose write would kill us with SIGPIPE.
  struct sigaction ignore {
  }, old_pipe{};
  ignore.sa_handler = SIG_IGN;
  ::sigaction(SIGPIPE, &ignore, &old_pipe);
  std::vector<Worker> workers(std::min<size_t>(jobs, n));
  size_t next = 0, finished = 0;
  // A run started under a lower address-space limit (ulimit -v) keeps it: a
  // worker never raises its limit, and a file past it is told by the limit
  // that applied, not by --max-memory's.
  rlimit outer{RLIM_INFINITY, RLIM_INFINITY};
  ::getrlimit(RLIMIT_AS, &outer);
  const bool outer_applies = memory_bytes > 0 && outer.rlim_cur != RLIM_INFINITY &&
                             outer.rlim_cur < memory_bytes;
  const uint64_t applied_bytes = outer_applies ? outer.rlim_cur : memory_bytes;

  auto spawn = [&](Worker& w) {
    int down[2], up[2];
    if (::pipe(down) != 0) return false;
    if (::pipe(up) != 0) {
      ::close(down[0]);
      ::close(down[1]);
      return false;
    }
    pid_t pid = ::fork();
    if (pid == 0) {
      // Only this worker's own ends stay open, so every pipe sees its end.
      for (const Worker& o : workers) {
        if (o.to >= 0) ::close(o.to);
        if (o.from >= 0) ::close(o.from);
      }
      ::close(down[1]);
      ::close(up[0]);
      // Ctrl-C reaches the whole process group: the parent stops and
      // records nothing more, so a worker must not die of it first and be
      // recorded as crashed. When the parent goes, the worker goes too.
      ::signal(SIGINT, SIG_IGN);
      ::signal(SIGPIPE, SIG_DFL);
      // The parent's handlers remove its temporary output; a worker's death
      // must not.
      ::signal(SIGTERM, SIG_DFL);
      ::signal(SIGHUP, SIG_DFL);
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (::getppid() == 1) ::_exit(5);
      if (memory_bytes > 0) {
        const rlim_t want = static_cast<rlim_t>(memory_bytes);
        rlimit lim{std::min(want, outer.rlim_cur), std::min(want, outer.rlim_max)};
        ::setrlimit(RLIMIT_AS, &lim);
        std::set_new_handler(OutOfMemory);
      }
      ChildLoop(down[0], up[1], work);
    }
    ::close(down[0]);
    ::close(up[1]);
    if (pid < 0) {
      ::close(down[1]);
      ::close(up[0]);
      return false;
    }
    w = Worker{pid, down[1], up[0], kIdle, {}, {}};
    return true;
  };
  auto retire = [&](Worker& w, bool kill) {
    if (w.to >= 0) ::close(w.to);
    if (w.from >= 0) ::close(w.from);
    int status = 0;
    if (w.pid > 0) {
      if (kill) ::kill(w.pid, SIGKILL);
      while (::waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
      }
    }
    w = Worker{};
    return status;
  };
  auto fail = [&](size_t item, const std::string& status, const std::string& why,
                  double secs) {
    ChildResult r;
    r.status = status;
    r.failure = why;
    r.seconds = secs;
    ++finished;
    done(item, std::move(r));
  };
  auto assign = [&](Worker& w) {
    while (next < n) {
      if (w.pid < 0 && !spawn(w)) {
        fail(next++, "crashed",
             std::string("cannot start a worker: ") + std::strerror(errno), 0);
        continue;
      }
      uint64_t item = next;
      if (!WriteAll(w.to, &item, sizeof item)) {  // died idle: start another
        retire(w, true);
        continue;
      }
      w.item = next++;
      w.start = Clock::now();
      w.buf.clear();
      return;
    }
  };
  for (Worker& w : workers) assign(w);

  while (finished < n) {
    std::vector<pollfd> pfds;
    std::vector<Worker*> polled;
    int wait_ms = -1;
    auto now = Clock::now();
    for (Worker& w : workers) {
      if (w.item == kIdle) continue;
      pfds.push_back({w.from, POLLIN, 0});
      polled.push_back(&w);
      if (timeout_s > 0) {
        double left = timeout_s - std::chrono::duration<double>(now - w.start).count();
        int ms = left <= 0 ? 0 : static_cast<int>(left * 1000) + 1;
        if (wait_ms < 0 || ms < wait_ms) wait_ms = ms;
      }
    }
    if (pfds.empty()) break;  // nothing running and nothing could start
    int pr = ::poll(pfds.data(), pfds.size(), wait_ms);
    if (pr < 0 && errno != EINTR) break;
    for (size_t k = 0; k < polled.size(); ++k) {
      Worker& w = *polled[k];
      const double secs = std::chrono::duration<double>(Clock::now() - w.start).count();
      if (pr > 0 && (pfds[k].revents & (POLLIN | POLLHUP | POLLERR))) {
        char chunk[65536];
        ssize_t got = ::read(w.from, chunk, sizeof chunk);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) {  // the worker died on this item
          size_t item = w.item;
          int status = retire(w, false);
          if (memory_bytes > 0 && WIFEXITED(status) &&
              WEXITSTATUS(status) == kOutOfMemoryExit) {
            char msg[128];
            std::snprintf(msg, sizeof msg,
                          outer_applies
                              ? "out of memory (over %llu MiB, the address-space limit "
                                "jxaudit was started under)"
                              : "out of memory (over %llu MiB, --max-memory)",
                          static_cast<unsigned long long>(applied_bytes >> 20));
            fail(item, "out_of_memory", msg, secs);
          } else {
            fail(item, "crashed", Describe(status), secs);
          }
          assign(w);
          continue;
        }
        w.buf.append(chunk, static_cast<size_t>(got));
        uint64_t head[2];
        if (w.buf.size() < sizeof head) continue;
        std::memcpy(head, w.buf.data(), sizeof head);
        if (w.buf.size() < sizeof head + head[0]) continue;
        ChildResult r;
        r.ok = true;
        r.bytes = w.buf.substr(sizeof head, head[0]);
        r.max_rss_kb = static_cast<long>(head[1]);
        r.seconds = secs;
        size_t item = w.item;
        w.item = kIdle;
        w.buf.clear();
        ++finished;
        done(item, std::move(r));
        assign(w);
        continue;
      }
      if (timeout_s > 0 && secs >= timeout_s) {
        size_t item = w.item;
        retire(w, true);
        char msg[96];
        std::snprintf(msg, sizeof msg, "stopped after %g s (--timeout)", timeout_s);
        fail(item, "timeout", msg, secs);
        assign(w);
      }
    }
  }
  for (Worker& w : workers) retire(w, false);  // EOF on its input: it exits
  ::sigaction(SIGPIPE, &old_pipe, nullptr);
}

}  // namespace jx
