#include "cli/run.h"

#include <algorithm>
#include <boost/program_options.hpp>
#include <fstream>
#include <string>
#include <vector>

#include "base/patterns.h"
#include "export/report.h"
#include "export/tables.h"
#include "extract/extract.h"
#include "ingest/read.h"
#include "layout/layout.h"
#include "validate/validate.h"

namespace jx {
namespace {

namespace po = boost::program_options;

constexpr const char* kUsage =
    "usage: jxaudit <command> [options] FILE...\n"
    "\n"
    "commands:\n"
    "  check    audit each report's arithmetic; exit 0 clean, 1 errors found, 2 "
    "unreadable\n"
    "  extract  normalized figures, indicators and findings (xlsx with -o, json, csv)\n"
    "  tables   rebuild the tables of each report (json, csv, markdown or xlsx)\n"
    "\n"
    "options:\n";

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// One file through every stage. Never throws: a failure is a value.
DocumentReport ProcessFile(const std::string& path, const Patterns& patterns) {
  DocumentReport d;
  d.file = path;
  try {
    Document doc;
    if (!ReadAndLayout(path, ReadOptions{}, patterns, &doc, &d.layout, &d.error)) {
      d.ok = false;
      return d;
    }
    d.encoding = doc.encoding;
    d.ex = Extract(doc, d.layout, patterns);
    d.v = Validate(doc, d.layout, d.ex, patterns);
  } catch (const std::exception& e) {
    d = DocumentReport{};
    d.file = path;
    d.ok = false;
    d.error = MakeError(path, std::string("internal error: ") + e.what());
  }
  return d;
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

int RunAudit(const std::string& command, const std::vector<std::string>& files,
             std::string format, const std::string& output, bool verbose,
             const Patterns& patterns, std::ostream& out, std::ostream& err) {
  std::vector<DocumentReport> docs;
  docs.reserve(files.size());
  for (const std::string& f : files) {
    docs.push_back(ProcessFile(f, patterns));
    if (!docs.back().ok) err << "jxaudit: " << docs.back().error.ToString() << "\n";
  }
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

int RunTables(const std::vector<std::string>& files, const std::string& format,
              const std::string& output, const Patterns& patterns, std::ostream& out,
              std::ostream& err) {
  std::vector<DocumentTables> docs;
  docs.reserve(files.size());
  int status = 0;
  ReadOptions ropts;
  for (const std::string& f : files) {
    DocumentTables d;
    d.file = f;
    Document doc;
    if (!ReadAndLayout(f, ropts, patterns, &doc, &d.layout, &d.error)) {
      d.ok = false;
      err << "jxaudit: " << d.error.ToString() << "\n";
      status = 2;
    } else {
      d.encoding = doc.encoding;
    }
    docs.push_back(std::move(d));
  }
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
       "directory of pattern files (default: the installed patterns/)");
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
  if (command == "check" || command == "extract") {
    if (files.empty()) {
      err << "jxaudit: " << command << ": no input files\n";
      return 2;
    }
    return RunAudit(command, files, format, output, vm.count("verbose") > 0, patterns,
                    out, err);
  }
  if (command == "tables") {
    if (files.empty()) {
      err << "jxaudit: tables: no input files\n";
      return 2;
    }
    return RunTables(files, format, output, patterns, out, err);
  }
  err << "jxaudit: unknown command '" << command << "'\n" << kUsage << visible;
  return 2;
}

}  // namespace jx
