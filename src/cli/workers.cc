#include "cli/workers.h"

#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <vector>

namespace jx {
namespace {

using Clock = std::chrono::steady_clock;

struct Child {
  size_t index;
  pid_t pid;
  int fd;  // read end of the result pipe; -1 once at end of file
  Clock::time_point start;
  std::string bytes;
};

bool WriteAll(int fd, const std::string& s) {
  size_t off = 0;
  while (off < s.size()) {
    ssize_t w = ::write(fd, s.data() + off, s.size() - off);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    off += static_cast<size_t>(w);
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

}  // namespace

void RunInChildren(size_t n, unsigned jobs, double timeout_s,
                   const std::function<std::string(size_t)>& work,
                   const std::function<void(size_t, ChildResult&&)>& done) {
  if (jobs == 0) jobs = 1;
  std::vector<Child> running;
  size_t next = 0;
  auto finish = [&](size_t k, ChildResult&& r) {
    Child c = std::move(running[k]);
    running.erase(running.begin() + static_cast<std::ptrdiff_t>(k));
    if (c.fd >= 0) ::close(c.fd);
    r.seconds = std::chrono::duration<double>(Clock::now() - c.start).count();
    done(c.index, std::move(r));
  };
  while (next < n || !running.empty()) {
    while (next < n && running.size() < jobs) {
      int fds[2];
      if (::pipe(fds) != 0) {
        ChildResult r;
        r.status = "crashed";
        r.failure = std::string("cannot start a worker: ") + std::strerror(errno);
        done(next++, std::move(r));
        continue;
      }
      pid_t pid = ::fork();
      if (pid == 0) {
        ::close(fds[0]);
        // Ctrl-C reaches the whole process group: the parent stops and
        // records nothing more, so a child must not die of it first and be
        // recorded as crashed. When the parent goes, the child goes too.
        ::signal(SIGINT, SIG_IGN);
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() == 1) ::_exit(5);
        std::string out;
        try {
          out = work(next);
        } catch (...) {
          ::_exit(3);
        }
        // _exit: the parent's open files (the store) are not the child's to
        // flush or close.
        ::_exit(WriteAll(fds[1], out) ? 0 : 4);
      }
      ::close(fds[1]);
      if (pid < 0) {
        ::close(fds[0]);
        ChildResult r;
        r.status = "crashed";
        r.failure = std::string("cannot start a worker: ") + std::strerror(errno);
        done(next++, std::move(r));
        continue;
      }
      running.push_back({next++, pid, fds[0], Clock::now(), {}});
    }
    if (running.empty()) break;
    // Wait for output, an end of file, or the nearest deadline.
    int wait_ms = -1;
    if (timeout_s > 0) {
      auto now = Clock::now();
      double least = 1e18;
      for (const Child& c : running)
        least = std::min(
            least, timeout_s - std::chrono::duration<double>(now - c.start).count());
      wait_ms = least <= 0 ? 0 : static_cast<int>(least * 1000) + 1;
    }
    std::vector<pollfd> pfds;
    for (const Child& c : running) pfds.push_back({c.fd, POLLIN, 0});
    int pr = ::poll(pfds.data(), pfds.size(), wait_ms);
    if (pr < 0 && errno != EINTR) break;
    for (size_t k = running.size(); k-- > 0;) {
      Child& c = running[k];
      if (pr > 0 && (pfds[k].revents & (POLLIN | POLLHUP | POLLERR))) {
        char buf[65536];
        ssize_t got = ::read(c.fd, buf, sizeof buf);
        if (got > 0) {
          c.bytes.append(buf, static_cast<size_t>(got));
          continue;
        }
        if (got < 0 && errno == EINTR) continue;
        // End of file: the child is done or died.
        int status = 0;
        rusage ru{};
        while (::wait4(c.pid, &status, 0, &ru) < 0 && errno == EINTR) {
        }
        ChildResult r;
        r.max_rss_kb = ru.ru_maxrss;
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
          r.ok = true;
          r.bytes = std::move(c.bytes);
        } else {
          r.status = "crashed";
          r.failure = Describe(status);
        }
        finish(k, std::move(r));
        continue;
      }
      if (timeout_s > 0 &&
          std::chrono::duration<double>(Clock::now() - c.start).count() >= timeout_s) {
        ::kill(c.pid, SIGKILL);
        int status = 0;
        rusage ru{};
        while (::wait4(c.pid, &status, 0, &ru) < 0 && errno == EINTR) {
        }
        ChildResult r;
        r.max_rss_kb = ru.ru_maxrss;
        r.status = "timeout";
        char msg[96];
        std::snprintf(msg, sizeof msg, "stopped after %g s (--timeout)", timeout_s);
        r.failure = msg;
        finish(k, std::move(r));
      }
    }
  }
}

}  // namespace jx
