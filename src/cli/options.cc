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
#include "cli/help.h"
#include "cli/inputs.h"
#include "cli/run.h"

namespace jx {
namespace {

namespace po = boost::program_options;

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
  po::options_description visible = OptionsFor("");
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
    err << "jxaudit: " << ShowControls(e.what()) << "\n" << GeneralHelp();
    return 2;
  }
  if (vm.count("version")) {
    out << "jxaudit " << JXAUDIT_VERSION << "\n";
    return 0;
  }
  if (!vm.count("command")) {
    (vm.count("help") ? out : err) << GeneralHelp();
    return vm.count("help") ? 0 : 2;
  }
  std::string command = vm["command"].as<std::string>();
  if (vm.count("help")) {
    std::string help = CommandHelp(command);
    if (help.empty()) {
      err << "jxaudit: unknown command '" << ShowControls(command) << "'\n"
          << GeneralHelp();
      return 2;
    }
    out << help;
    return 0;
  }
  std::vector<std::string> files;
  if (vm.count("files")) files = vm["files"].as<std::vector<std::string>>();
  std::string format = vm.count("format") ? vm["format"].as<std::string>() : "";
  if (format == "md") format = "markdown";
  static const std::vector<std::pair<std::string, std::vector<std::string>>> kFormats = {
      {"check", {"text", "json", "jsonl", "sarif"}},
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
  CheckSettings cs;
  if (command == "check" || command == "baseline") {
    // check writes text; a workbook of the same files is extract's.
    if (EndsWith(output, ".xlsx")) {
      err << "jxaudit: " << command << ": -o " << ShowControls(output) << ": " << command
          << (command == "check" ? " writes text, JSON or SARIF" : " writes JSON")
          << "; for a workbook run `jxaudit extract FILE|DIR... -o "
          << ShowControls(output) << "`\n";
      return 2;
    }
    cs.output = output;
    cs.verbose = vm.count("verbose") > 0;
    cs.db_given = vm.count("db") > 0;
    if (vm.count("baseline")) cs.baseline = vm["baseline"].as<std::string>();
    if (vm.count("fail-on")) {
      cs.fail_on = vm["fail-on"].as<std::string>();
      if (cs.fail_on != "error" && cs.fail_on != "warning" && cs.fail_on != "never") {
        err << "jxaudit: --fail-on '" << ShowControls(cs.fail_on)
            << "': expected error, warning or never\n";
        return 2;
      }
    }
  }
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
    const bool stores = command == "check" || command == "baseline";
    if (!CheckOutput(output, files, stores ? bo.db : "", &oerr)) {
      err << "jxaudit: " << ShowControls(oerr.ToString()) << "\n";
      return 2;
    }
  }
  if (command == "check" || command == "baseline" || command == "extract") {
    if (files.empty()) {
      err << "jxaudit: " << command << ": no input files\n";
      return 2;
    }
    if (command == "extract")
      return RunExtract(files, format, output, bo, patterns, lang, out, err);
    cs.format = command == "baseline" ? "baseline" : format;
    // A baseline records findings; only an unreadable file fails it.
    if (command == "baseline") cs.fail_on = "never";
    return RunCheck(files, cs, bo, patterns, out, err);
  }
  if (command == "tables") {
    if (files.empty()) {
      err << "jxaudit: tables: no input files\n";
      return 2;
    }
    return RunTables(files, format, output, bo, patterns, lang, out, err);
  }
  err << "jxaudit: unknown command '" << ShowControls(command) << "'\n" << GeneralHelp();
  return 2;
}

}  // namespace jx
