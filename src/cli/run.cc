#include "cli/run.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/program_options.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "audit/audit.h"
#include "base/patterns.h"
#include "cli/inputs.h"
#include "cli/workers.h"
#include "export/report.h"
#include "export/summary.h"
#include "export/tables.h"
#include "ingest/read.h"
#include "record/record.h"
#include "store/store.h"

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

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

struct BatchOptions {
  ReadOptions read;
  unsigned jobs = 1;
  bool quiet = false;
  std::string patterns_dir;
  double timeout_s = 0;  // per file, check only; 0: none
  std::string db;        // check's store; "" when --no-db
  bool force = false;    // check again what the store already has
  std::string command_line;
};

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

// Progress on a terminal: files done of total, rate, time left, failures.
class Progress {
 public:
  Progress(size_t total, bool enabled, std::ostream& err)
      : total_(total), enabled_(enabled), err_(err), start_(Clock::now()) {}
  bool enabled() const { return enabled_; }
  void Done(size_t done, size_t failed) {
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

 private:
  using Clock = std::chrono::steady_clock;
  size_t total_;
  bool enabled_;
  std::ostream& err_;
  Clock::time_point start_;
};

// Runs `work(i, patterns)` for every file index on `jobs` threads. Each
// thread has its own Patterns (their answers are memoised per instance);
// results are stored by index, so output order is the input order.
template <typename Result, typename Work>
std::vector<Result> RunBatch(const std::vector<std::string>& files,
                             const BatchOptions& bo, const Patterns& patterns, Work work,
                             std::ostream& err) {
  std::vector<Result> results(files.size());
  std::atomic<size_t> next{0};
  size_t done = 0, failed = 0, reported = 0;  // guarded by `report`
  std::vector<bool> ready(files.size(), false);
  std::mutex report;
  Progress progress(files.size(), !bo.quiet && ::isatty(2) && &err == &std::cerr, err);
  auto worker = [&](const Patterns& pats) {
    for (size_t i; (i = next.fetch_add(1)) < files.size();) {
      results[i] = work(files[i], pats);
      std::lock_guard<std::mutex> lock(report);
      ready[i] = true;
      failed += !results[i].ok;
      // Errors are told in input order, whichever worker finishes first.
      for (; reported < files.size() && ready[reported]; ++reported)
        if (!results[reported].ok && !bo.quiet)
          err << (progress.enabled() ? "\r" : "")
              << "jxaudit: " << results[reported].error.ToString() << "\n";
      progress.Done(++done, failed);
    }
  };
  unsigned jobs = std::max(1u, std::min<unsigned>(bo.jobs, files.size()));
  if (jobs == 1) {
    worker(patterns);
    return results;
  }
  std::vector<Patterns> own(jobs - 1);
  for (Patterns& p : own) {
    std::string perr;
    p.LoadDir(bo.patterns_dir, &perr);  // the same directory loaded once already
  }
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(worker, std::cref(own[t - 1]));
  worker(patterns);
  for (std::thread& t : threads) t.join();
  return results;
}

// The version recorded with each document: the release and a digest of this
// binary, so that a rebuilt jxaudit never takes an older build's results for
// its own.
std::string ToolVersion() {
  std::string hex, err;
  uint64_t size = 0;
  if (!FileSha256("/proc/self/exe", &hex, &size, &err)) return JXAUDIT_VERSION;
  return std::string(JXAUDIT_VERSION) + "+" + hex.substr(0, 12);
}

// `check`: each file in a child process (a crash or a hang costs that file
// only), recorded in the store one transaction per file, output in input
// order as soon as the files before it are done.
int RunCheck(const std::vector<std::string>& files, const std::string& format,
             const std::string& output, bool verbose, const BatchOptions& bo,
             const Patterns& patterns, std::ostream& out, std::ostream& err) {
  std::ofstream file_out;
  std::ostream* sink = &out;
  if (!output.empty()) {
    file_out.open(output, std::ios::binary);
    if (!file_out) {
      err << "jxaudit: " << output << ": cannot write\n";
      return 2;
    }
    sink = &file_out;
  }
  Store store;
  bool use_store = !bo.db.empty();
  if (use_store) {
    std::string pv, serr;
    if (!PatternsVersion(bo.patterns_dir, &pv, &serr) ||
        !store.Open(bo.db, ToolVersion(), pv, &serr) ||
        !store.BeginRun(bo.command_line, &serr)) {
      err << "jxaudit: " << serr << "\n";
      return 2;
    }
  }
  const size_t n = files.size();
  std::vector<FileRow> rows(n);
  std::vector<DocumentRecord> recs(n);
  std::vector<bool> ready(n, false), known(n, false);
  std::map<std::string, size_t> first;           // content → its first file
  std::map<size_t, std::vector<size_t>> copies;  // first file → later copies
  std::vector<size_t> todo;
  RunTotals totals;
  totals.files = static_cast<int64_t>(n);
  bool store_ok = true;
  for (size_t i = 0; i < n; ++i) {
    rows[i].path = files[i];
    std::string herr;
    if (use_store && !FileSha256(files[i], &rows[i].sha256, &rows[i].size, &herr))
      rows[i].sha256.clear();  // the worker will say why it cannot be read
    if (use_store && !bo.force &&
        store.Known(rows[i].sha256, files[i], &rows[i].status, &rows[i].error,
                    &rows[i].pages)) {
      known[i] = true;  // its report is read from the store when its turn comes
      ready[i] = true;
      ++totals.skipped;
    } else if (use_store && !rows[i].sha256.empty() && first.count(rows[i].sha256)) {
      // The same content earlier in this batch: checked once, recorded under
      // the first name, whichever worker ends first.
      copies[first[rows[i].sha256]].push_back(i);
      known[i] = true;
    } else {
      if (use_store && !rows[i].sha256.empty()) first[rows[i].sha256] = i;
      todo.push_back(i);
    }
  }
  RecordParts parts;
  if (!use_store) {
    parts.text = format != "json" && !verbose;
    parts.text_verbose = format != "json" && verbose;
    parts.json = format == "json";
    parts.sheets = false;
  }
  Counts total;
  size_t printed = 0, done = 0, failed = 0;
  Progress progress(n, !bo.quiet && ::isatty(2) && &err == &std::cerr, err);
  if (format == "json")
    *sink << "{\"tool\": \"jxaudit\", \"version\": \"" << JXAUDIT_VERSION
          << "\", \"documents\": [\n";
  auto flush = [&] {
    for (; printed < n && ready[printed]; ++printed) {
      DocumentRecord& r = recs[printed];
      if (known[printed] && !store.Find(rows[printed].sha256, files[printed], &r))
        r = FailedRecord(files[printed], "failed",
                         MakeError(files[printed], "recorded in " + bo.db +
                                                       " but not readable there; run "
                                                       "again with --force"));
      if (r.status != "ok" && !bo.quiet)
        err << (progress.enabled() ? "\r" : "") << "jxaudit: " << r.error << "\n";
      if (format == "json") {
        *sink << (printed > 0 ? ",\n" : "")
              << r.json.dump(1, ' ', false, nlohmann::json::error_handler_t::replace);
      } else {
        *sink << (verbose ? r.text_verbose : r.text);
      }
      total.errors += r.counts.errors;
      total.warnings += r.counts.warnings;
      total.infos += r.counts.infos;
      total.failed += r.status != "ok";
      r = DocumentRecord{};  // printed: its memory goes back
    }
  };
  for (size_t i = 0; i < n; ++i)
    if (known[i]) {
      ++done;
      failed += rows[i].status != "ok";
      {
        std::string serr;
        if (store_ok && !store.Put(rows[i], nullptr, &serr)) {
          err << "jxaudit: " << serr << "\n";
          store_ok = false;
        }
      }
    }
  flush();
  RunInChildren(
      todo.size(), bo.jobs, bo.timeout_s,
      [&](size_t k) {
        return RecordToWire(CheckRecord(files[todo[k]], bo.read, patterns, parts));
      },
      [&](size_t k, ChildResult&& cr) {
        size_t i = todo[k];
        DocumentRecord& r = recs[i];
        std::string werr;
        if (!cr.ok) {
          r = FailedRecord(files[i], cr.status, MakeError(files[i], cr.failure));
        } else if (!RecordFromWire(cr.bytes, &r, &werr)) {
          r = FailedRecord(files[i], "crashed", MakeError(files[i], werr));
        }
        FileRow& row = rows[i];
        row.status = r.status;
        row.error = r.error;
        row.pages = r.pages;
        row.seconds = cr.seconds;
        row.max_rss_kb = cr.max_rss_kb;
        ++totals.checked;
        if (r.status != "ok") ++totals.failed, ++failed;
        if (use_store && store_ok) {
          // A timeout or a crash is recorded too, so a re-run does not retry
          // it unless forced; a file that could not be hashed is not kept.
          std::string serr;
          if (!store.Put(row, row.sha256.empty() ? nullptr : &r, &serr)) {
            err << "jxaudit: " << serr << "\n";
            store_ok = false;
          }
        }
        r.sheets.clear();
        ready[i] = true;
        progress.Done(++done, failed);
        for (size_t c : copies[i]) {
          FileRow& cr = rows[c];
          if (store_ok &&
              store.Known(cr.sha256, files[c], &cr.status, &cr.error, &cr.pages)) {
            std::string serr;
            if (!store.Put(cr, nullptr, &serr)) {
              err << "jxaudit: " << serr << "\n";
              store_ok = false;
            }
          }
          ++totals.skipped;
          failed += cr.status != "ok";
          ready[c] = true;
          progress.Done(++done, failed);
        }
        flush();
      });
  flush();
  if (format == "json")
    *sink << "\n]}\n";
  else
    *sink << SummaryText(total, n);
  sink->flush();
  if (use_store && store_ok) {
    std::string serr;
    if (!store.EndRun(totals, &serr))
      err << "jxaudit: " << serr << "\n", store_ok = false;
  }
  if (!*sink) {
    err << "jxaudit: " << (output.empty() ? "standard output" : output)
        << ": cannot write\n";
    return 2;
  }
  if (!store_ok) return 2;
  return total.failed > 0 ? 2 : (total.errors > 0 ? 1 : 0);
}

int RunAudit(const std::string& command, const std::vector<std::string>& files,
             std::string format, const std::string& output, bool verbose,
             const BatchOptions& bo, const Patterns& patterns, std::ostream& out,
             std::ostream& err) {
  std::vector<DocumentReport> docs = RunBatch<DocumentReport>(
      files, bo, patterns,
      [&](const std::string& f, const Patterns& pats) {
        return CheckFile(f, bo.read, pats);
      },
      err);
  Counts c = CountFindings(docs);
  int status = c.failed > 0 ? 2 : (c.errors > 0 ? 1 : 0);
  if (command == "extract") {
    status = c.failed > 0 ? 2 : 0;  // findings are data here, not a verdict
    if (!output.empty() && EndsWith(output, ".xlsx")) {
      std::string werr;
      if (!WriteExtractXlsx(docs, output, &werr)) {
        err << "jxaudit: " << werr << "\n";
        return 2;
      }
      return status;
    }
    std::string text =
        format == "csv" ? ExtractToCsv(docs)
                        : ExtractToJson(docs).dump(
                              1, ' ', false, nlohmann::json::error_handler_t::replace) +
                              "\n";
    return WriteText(text, output, out, err) ? status : 2;
  }
  std::string text = format == "json"
                         ? ReportToJson(docs).dump(
                               1, ' ', false, nlohmann::json::error_handler_t::replace) +
                               "\n"
                         : ReportToText(docs, verbose);
  return WriteText(text, output, out, err) ? status : 2;
}

int RunReport(const std::string& db, const std::string& output, std::ostream& err) {
  if (!std::filesystem::exists(db)) {
    err << "jxaudit: " << db << ": no such store\n";
    return 2;
  }
  Store store;
  StoreSummary summary;
  std::vector<Sheet> sheets;
  Sheet failures;
  std::string serr;
  if (!store.Open(db, "", "", &serr) || !store.ReadSummary(&summary, &serr) ||
      !store.ReadSheets(&sheets, &serr) || !store.ReadFailures(&failures, &serr) ||
      !WriteSummaryXlsx(summary, sheets, failures, output, &serr)) {
    err << "jxaudit: " << serr << "\n";
    return 2;
  }
  return 0;
}

int RunTables(const std::vector<std::string>& files, const std::string& format,
              const std::string& output, const BatchOptions& bo, const Patterns& patterns,
              std::ostream& out, std::ostream& err) {
  std::vector<DocumentTables> docs = RunBatch<DocumentTables>(
      files, bo, patterns,
      [&](const std::string& f, const Patterns& pats) {
        return LayoutFile(f, bo.read, pats);
      },
      err);
  int status = 0;
  for (const DocumentTables& d : docs)
    if (!d.ok) status = 2;
  if (!output.empty() && EndsWith(output, ".xlsx")) {
    std::string werr;
    if (!WriteTablesXlsx(docs, output, &werr)) {
      err << "jxaudit: " << werr << "\n";
      return 2;
    }
    return status;
  }
  std::string text;
  if (format == "json") {
    text =
        TablesToJson(docs).dump(1, ' ', false, nlohmann::json::error_handler_t::replace) +
        "\n";
  } else if (format == "csv") {
    text = TablesToCsv(docs);
  } else {
    text = TablesToMarkdown(docs);
  }
  if (!WriteText(text, output, out, err)) return 2;
  return status;
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
      ("verbose,v", "check: also list info findings (differences rounding explains)")
      ("patterns", po::value<std::string>(),
       "directory of pattern files (default: the installed patterns/)")
      ("jobs,j", po::value<unsigned>(),
       "files read in parallel (default: all cores)")
      ("max-bytes", po::value<uint64_t>(),
       "refuse files larger than this many bytes (default 256 MiB)")
      ("max-pages", po::value<int>(), "refuse PDFs with more pages (default 20000)")
      ("quiet,q", "no progress and no per-file error lines on stderr")
      ("timeout", po::value<double>(),
       "check: stop a file after this many seconds and record it as timed out")
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
    err << "jxaudit: " << e.what() << "\n" << kUsage << visible;
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
  bo.jobs = vm.count("jobs") ? vm["jobs"].as<unsigned>()
                             : std::max(1u, std::thread::hardware_concurrency());
  if (vm.count("max-bytes")) bo.read.max_bytes = vm["max-bytes"].as<uint64_t>();
  if (vm.count("max-pages")) bo.read.max_pages = vm["max-pages"].as<int>();
  if (vm.count("timeout")) bo.timeout_s = std::max(0.0, vm["timeout"].as<double>());
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
    return RunReport(bo.db, output, err);
  }
  std::vector<std::string> warnings;
  files = CollectInputs(files, &warnings);
  for (const std::string& w : warnings) err << "jxaudit: " << w << "\n";
  if (command == "check" || command == "extract") {
    if (files.empty()) {
      err << "jxaudit: " << command << ": no input files\n";
      return 2;
    }
    if (command == "check")
      return RunCheck(files, format, output, vm.count("verbose") > 0, bo, patterns, out,
                      err);
    return RunAudit(command, files, format, output, vm.count("verbose") > 0, bo, patterns,
                    out, err);
  }
  if (command == "tables") {
    if (files.empty()) {
      err << "jxaudit: tables: no input files\n";
      return 2;
    }
    return RunTables(files, format, output, bo, patterns, out, err);
  }
  err << "jxaudit: unknown command '" << command << "'\n" << kUsage << visible;
  return 2;
}

}  // namespace jx
