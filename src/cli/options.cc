#include <algorithm>
#include <boost/program_options.hpp>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "base/patterns.h"
#include "base/text.h"
#include "cli/batch.h"
#include "cli/commands.h"
#include "cli/inputs.h"
#include "cli/run.h"

namespace jx {
namespace {

namespace po = boost::program_options;

constexpr const char* kUsage =
    "usage: jxaudit <command> [options] FILE|DIR...\n"
    "\n"
    "commands:\n"
    "  check    audit each report's arithmetic; exit 0 clean, 1 errors found, 2 "
    "unreadable\n"
    "  extract  normalized figures, indicators and findings (xlsx with -o, json, csv)\n"
    "  tables   rebuild the tables of each report (json, csv, markdown or xlsx)\n"
    "  report   summary workbook of a store: jxaudit report --db FILE -o summary.xlsx\n"
    "\n"
    "options:\n";

// A whole number from `lo` to `hi`, all of `text`: no sign, no spaces, no
// wrap-around (Boost reads "-1" as the largest unsigned).
bool ParseCount(const std::string& name, const std::string& text, uint64_t lo,
                uint64_t hi, uint64_t* v, std::ostream& err) {
  uint64_t x = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), x);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || x < lo ||
      x > hi) {
    err << "jxaudit: --" << name << " '" << text << "': expected a whole number from "
        << lo << " to " << hi << "\n";
    return false;
  }
  *v = x;
  return true;
}

// Seconds: finite, above zero, at most `hi`.
bool ParseSeconds(const std::string& name, const std::string& text, double hi, double* v,
                  std::ostream& err) {
  char* end = nullptr;
  double x = text.empty() ? NAN : std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(x) ||
      !(x > 0) || x > hi) {
    err << "jxaudit: --" << name << " '" << text
        << "': expected a number of seconds above 0 and at most " << hi << "\n";
    return false;
  }
  *v = x;
  return true;
}

}  // namespace

int RunCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  po::options_description visible;
  // clang-format off
  visible.add_options()
      ("help,h", "show this help")
      ("version", "print the version")
      ("format,f", po::value<std::string>(),
       "output format. check: text (default) or json; extract: json (default) or "
       "csv; tables: json (default), csv or markdown")
      ("output,o", po::value<std::string>(),
       "write to this file instead of standard output (.xlsx: a workbook)")
      ("lang", po::value<std::string>(),
       "words of the workbooks: zh (default) or en")
      ("verbose,v", "check: also list info findings (differences rounding explains)")
      ("patterns", po::value<std::string>(),
       "directory of pattern files (default: the installed patterns/)")
      ("jobs,j", po::value<std::string>(),
       "files read in parallel, 1 to 256 (default: all cores, at most 256)")
      ("max-bytes", po::value<std::string>(),
       "refuse files larger than this many bytes (default 256 MiB)")
      ("max-pages", po::value<std::string>(), "refuse PDFs with more pages (default 20000)")
      ("max-memory", po::value<std::string>(),
       "limit each worker's address space to this many MiB; a file past it is recorded "
       "as out_of_memory (default 4096)")
      ("quiet,q", "no progress and no per-file error lines on stderr")
      ("timeout", po::value<std::string>(),
       "stop a file after this many seconds, at most 86400; check records it as timed "
       "out (default 300)")
      ("db", po::value<std::string>(),
       "check: the SQLite store (default: jxaudit.sqlite beside the output, or in the "
       "current directory); report: the store to summarise")
      ("no-db", "check: record nothing")
      ("force", "check: check again files the store already has");
  // clang-format on
  po::options_description hidden;
  hidden.add_options()("command", po::value<std::string>())(
      "files", po::value<std::vector<std::string>>()->multitoken());
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description pos;
  pos.add("command", 1).add("files", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    err << "jxaudit: " << ShowControls(e.what()) << "\n" << kUsage << visible;
    return 2;
  }
  if (vm.count("version")) {
    out << "jxaudit " << JXAUDIT_VERSION << "\n";
    return 0;
  }
  if (vm.count("help") || !vm.count("command")) {
    (vm.count("help") ? out : err) << kUsage << visible;
    return vm.count("help") ? 0 : 2;
  }
  std::string command = vm["command"].as<std::string>();
  std::vector<std::string> files;
  if (vm.count("files")) files = vm["files"].as<std::vector<std::string>>();
  std::string format = vm.count("format") ? vm["format"].as<std::string>() : "";
  if (format == "md") format = "markdown";
  static const std::vector<std::pair<std::string, std::vector<std::string>>> kFormats = {
      {"check", {"text", "json"}},
      {"extract", {"json", "csv"}},
      {"tables", {"json", "csv", "markdown"}}};
  for (const auto& [cmd, allowed] : kFormats) {
    if (cmd != command) continue;
    if (format.empty()) format = allowed.front();
    if (std::find(allowed.begin(), allowed.end(), format) == allowed.end()) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      err << "jxaudit: unknown format '" << format << "' for " << command << " (" << list
          << ")\n";
      return 2;
    }
  }
  std::string output = vm.count("output") ? vm["output"].as<std::string>() : "";
  Lang lang = Lang::kZh;
  if (vm.count("lang") && !ParseLang(vm["lang"].as<std::string>(), &lang)) {
    err << "jxaudit: --lang '" << ShowControls(vm["lang"].as<std::string>())
        << "': expected zh or en\n";
    return 2;
  }

  Patterns patterns;
  std::string pdir = vm.count("patterns") ? vm["patterns"].as<std::string>()
                                          : Patterns::DefaultDir(argc > 0 ? argv[0] : "");
  std::string perr;
  if (!patterns.LoadDir(pdir, &perr)) {
    err << "jxaudit: " << perr << "\n";
    return 2;
  }
  BatchOptions bo;
  bo.patterns_dir = pdir;
  bo.quiet = vm.count("quiet") > 0;
  bo.jobs = std::clamp(std::thread::hardware_concurrency(), 1u, kMaxJobs);
  {
    // Every number is checked before anything runs: a negative count read as
    // a huge one forked a worker per file.
    uint64_t v = 0;
    auto opt = [&](const char* name) {
      return vm.count(name) ? vm[name].as<std::string>() : std::string();
    };
    if (vm.count("jobs")) {
      if (!ParseCount("jobs", opt("jobs"), 1, kMaxJobs, &v, err)) return 2;
      bo.jobs = static_cast<unsigned>(v);
    }
    if (vm.count("max-bytes")) {
      if (!ParseCount("max-bytes", opt("max-bytes"), 1, UINT64_MAX, &v, err)) return 2;
      bo.read.max_bytes = v;
    }
    if (vm.count("max-pages")) {
      if (!ParseCount("max-pages", opt("max-pages"), 1, INT32_MAX, &v, err)) return 2;
      bo.read.max_pages = static_cast<int>(v);
    }
    if (vm.count("max-memory")) {
      if (!ParseCount("max-memory", opt("max-memory"), 1, kMaxMemoryMiB, &v, err))
        return 2;
      bo.max_memory_mib = v;
    }
    if (vm.count("timeout") &&
        !ParseSeconds("timeout", opt("timeout"), kMaxTimeoutS, &bo.timeout_s, err))
      return 2;
  }
  bo.force = vm.count("force") > 0;
  for (int i = 0; i < argc; ++i) bo.command_line += (i ? " " : "") + std::string(argv[i]);
  if (vm.count("db")) {
    bo.db = vm["db"].as<std::string>();
  } else {
    std::filesystem::path dir = std::filesystem::path(output).parent_path();
    bo.db = (dir.empty() ? std::filesystem::path(".") : dir) / "jxaudit.sqlite";
  }
  if (vm.count("no-db")) bo.db.clear();
  if (command == "report") {
    if (!vm.count("db") || output.empty()) {
      err << "jxaudit: report: needs --db FILE and -o summary.xlsx\n";
      return 2;
    }
    Error oerr;
    if (!CheckOutput(output, {}, bo.db, &oerr)) {
      err << "jxaudit: " << ShowControls(oerr.ToString()) << "\n";
      return 2;
    }
    return RunReport(bo.db, output, patterns, lang, err);
  }
  std::vector<std::string> warnings;
  files = CollectInputs(files, &warnings, &bo.skipped);
  for (const std::string& w : warnings) err << "jxaudit: " << ShowControls(w) << "\n";
  if (!bo.quiet)
    for (const SkippedInput& s : bo.skipped)
      err << "jxaudit: " << ShowControls(s.path) << ": skipped: " << s.reason << "\n";
  {
    // Before anything is opened for writing: the output must not be what
    // the run reads (an input, or check's store).
    Error oerr;
    if (!CheckOutput(output, files, command == "check" ? bo.db : "", &oerr)) {
      err << "jxaudit: " << ShowControls(oerr.ToString()) << "\n";
      return 2;
    }
  }
  if (command == "check" || command == "extract") {
    if (files.empty()) {
      err << "jxaudit: " << command << ": no input files\n";
      return 2;
    }
    if (command == "check")
      return RunCheck(files, format, output, vm.count("verbose") > 0, bo, patterns, out,
                      err);
    return RunExtract(files, format, output, bo, patterns, lang, out, err);
  }
  if (command == "tables") {
    if (files.empty()) {
      err << "jxaudit: tables: no input files\n";
      return 2;
    }
    return RunTables(files, format, output, bo, patterns, lang, out, err);
  }
  err << "jxaudit: unknown command '" << command << "'\n" << kUsage << visible;
  return 2;
}

}  // namespace jx
