#include "cli/run.h"

#include <boost/program_options.hpp>
#include <fstream>
#include <string>
#include <vector>

#include "base/patterns.h"
#include "export/tables.h"
#include "ingest/read.h"
#include "layout/layout.h"

namespace jx {
namespace {

namespace po = boost::program_options;

constexpr const char* kUsage =
    "usage: jxaudit <command> [options] FILE...\n"
    "\n"
    "commands:\n"
    "  tables   rebuild the tables of each report (json, csv, markdown or xlsx)\n"
    "\n"
    "options:\n";

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
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
    if (!ReadDocument(f, ropts, &doc, &d.error)) {
      d.ok = false;
      err << "jxaudit: " << d.error.ToString() << "\n";
      status = 2;
    } else {
      d.encoding = doc.encoding;
      d.layout = BuildLayout(doc, patterns);
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
    text = TablesToJson(docs).dump(1) + "\n";
  } else if (format == "csv") {
    text = TablesToCsv(docs);
  } else {
    text = TablesToMarkdown(docs);
  }
  if (output.empty()) {
    out << text;
  } else {
    std::ofstream f(output, std::ios::binary);
    f << text;
    if (!f) {
      err << "jxaudit: " << output << ": cannot write\n";
      return 2;
    }
  }
  return status;
}

}  // namespace

int RunCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  po::options_description visible;
  visible.add_options()("help,h", "show this help")("version", "print the version")(
      "format,f", po::value<std::string>()->default_value("json"),
      "output format: json, csv or markdown")(
      "output,o", po::value<std::string>(),
      "write to this file instead of standard output (.xlsx for a workbook)")(
      "patterns", po::value<std::string>(),
      "directory of pattern files (default: the installed patterns/)");
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
  std::string format = vm["format"].as<std::string>();
  if (format != "json" && format != "csv" && format != "markdown" && format != "md") {
    err << "jxaudit: unknown format '" << format << "' (json, csv or markdown)\n";
    return 2;
  }
  if (format == "md") format = "markdown";
  std::string output = vm.count("output") ? vm["output"].as<std::string>() : "";

  Patterns patterns;
  std::string pdir = vm.count("patterns") ? vm["patterns"].as<std::string>()
                                          : Patterns::DefaultDir(argc > 0 ? argv[0] : "");
  std::string perr;
  if (!patterns.LoadDir(pdir, &perr)) {
    err << "jxaudit: " << perr << "\n";
    return 2;
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
