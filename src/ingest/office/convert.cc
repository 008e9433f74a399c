// Older office formats (.doc, .xls, .wps, .et, .rtf, .odt, .ods) through
// LibreOffice: converted headless to .docx or .xlsx, then read as those.
// Each conversion gets a private profile (so it neither waits for nor
// disturbs a running LibreOffice), a temporary folder, its own process
// group and a timeout after which the whole group is killed; one conversion
// at a time per process, as LibreOffice instances sharing a profile block
// each other.
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "ingest/office/office.h"

namespace jx::office {
namespace {

namespace fs = std::filesystem;

constexpr const char* kInstall = "apt-get install libreoffice-writer libreoffice-calc";

std::string FindSoffice(const ReadOptions& opts) {
  if (!opts.soffice.empty())
    return access(opts.soffice.c_str(), X_OK) == 0 ? opts.soffice : "";
  if (const char* env = std::getenv("JXAUDIT_SOFFICE"); env && *env)
    return access(env, X_OK) == 0 ? env : "";
  const char* path = std::getenv("PATH");
  std::string p = path ? path : "/usr/local/bin:/usr/bin:/bin";
  size_t start = 0;
  while (start <= p.size()) {
    size_t end = p.find(':', start);
    if (end == std::string::npos) end = p.size();
    std::string dir = p.substr(start, end - start);
    for (const char* name : {"soffice", "libreoffice"}) {
      std::string f = (dir.empty() ? "." : dir) + "/" + name;
      if (access(f.c_str(), X_OK) == 0) return f;
    }
    start = end + 1;
  }
  return "";
}

// Removes the folder on every way out.
struct TempDir {
  std::string path;
  ~TempDir() {
    std::error_code ec;
    if (!path.empty()) fs::remove_all(path, ec);
  }
};

// Runs `argv` in its own process group; false with `why` on a timeout
// (the group is killed), a crash or a failing exit.
bool RunGroup(const std::vector<std::string>& argv, int timeout_s, std::string* why) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  // HOME stays the caller's (fontconfig's cache lives there); LibreOffice's
  // own state goes to the private profile.
  pid_t pid = fork();
  if (pid < 0) {
    *why = "cannot start LibreOffice (fork failed)";
    return false;
  }
  if (pid == 0) {
    // Only async-signal-safe calls between fork and exec.
    setpgid(0, 0);
    prctl(PR_SET_PDEATHSIG, SIGKILL);  // dies with a worker killed midway
    int devnull = open("/dev/null", O_RDWR);
    if (devnull >= 0) {
      dup2(devnull, 0);
      dup2(devnull, 1);
      dup2(devnull, 2);
    }
    execv(args[0], args.data());
    _exit(127);
  }
  setpgid(pid, pid);  // also here: whichever runs first
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(timeout_s);
  int status = 0;
  for (;;) {
    pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid) break;
    if (r < 0 && errno != EINTR) {
      *why = "lost the LibreOffice process";
      kill(-pid, SIGKILL);
      return false;
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      kill(-pid, SIGKILL);
      while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
      *why = "LibreOffice did not finish converting within " + std::to_string(timeout_s) +
             " s (stopped)";
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(-pid, SIGKILL);  // anything the converter left running in its group
  if (WIFSIGNALED(status)) {
    *why = "LibreOffice crashed converting it (signal " +
           std::to_string(WTERMSIG(status)) + ")";
    return false;
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
    *why = WEXITSTATUS(status) == 127 ? "cannot run LibreOffice (" + argv[0] + ")"
                                      : "LibreOffice failed converting it (exit status " +
                                            std::to_string(WEXITSTATUS(status)) + ")";
    return false;
  }
  return true;
}

std::mutex& ConvertMutex() {
  static std::mutex m;
  return m;
}

}  // namespace

bool ReadConverted(const std::string& path, std::string_view bytes, const Sniffed& s,
                   const ReadOptions& opts, Document* doc, Error* err) {
  const bool sheet = s.kind == Kind::kSheetLegacy;
  std::string soffice = FindSoffice(opts);
  if (soffice.empty()) {
    *err = MakeError(path, s.format +
                               " files are converted by LibreOffice, which is not "
                               "installed: " +
                               kInstall);
    return false;
  }
  std::lock_guard<std::mutex> lock(ConvertMutex());
  TempDir tmp;
  {
    std::string templ = (fs::temp_directory_path() / "jxaudit-convert-XXXXXX").string();
    if (!mkdtemp(templ.data())) {
      *err = MakeError(path, "cannot create a temporary folder for LibreOffice");
      return false;
    }
    tmp.path = templ;
  }
  std::string ext = s.format;
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::string in = tmp.path + "/input." + ext;
  {
    std::ofstream f(in, std::ios::binary);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!f) {
      *err = MakeError(path, "cannot write the file for LibreOffice to convert");
      return false;
    }
  }
  const std::string target =
      sheet ? "xlsx:Calc MS Excel 2007 XML" : "docx:MS Word 2007 XML";
  std::vector<std::string> argv = {
      soffice,
      "-env:UserInstallation=file://" + tmp.path + "/profile",
      "--headless",
      "--invisible",
      "--norestore",
      "--nologo",
      "--nolockcheck",
      "--nodefault",
      "--convert-to",
      target,
      "--outdir",
      tmp.path + "/out",
      in};
  std::string why;
  if (!RunGroup(argv, std::max(1, opts.convert_timeout_seconds), &why)) {
    *err = MakeError(path, s.format + ": " + why);
    return false;
  }
  const std::string out = tmp.path + "/out/input." + (sheet ? "xlsx" : "docx");
  std::ifstream f(out, std::ios::binary);
  if (!f) {
    *err = MakeError(path,
                     s.format +
                         ": LibreOffice wrote nothing (a damaged or password-protected "
                         "file?)");
    return false;
  }
  std::string converted((std::istreambuf_iterator<char>(f)),
                        std::istreambuf_iterator<char>());
  bool ok =
      sheet ? ReadXlsx(path, converted, doc, err) : ReadDocx(path, converted, doc, err);
  if (ok) doc->encoding = s.format + (sheet ? " → XLSX" : " → DOCX");
  if (!ok) err->message = s.format + " converted by LibreOffice: " + err->message;
  return ok;
}

}  // namespace jx::office
