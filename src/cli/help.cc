#include "cli/help.h"

#include <algorithm>
#include <map>
#include <sstream>

namespace jx {
namespace {

namespace po = boost::program_options;

// An option, and what it says under each command that takes it ("*": under
// any other command that takes it, and in the overview).
struct OptionInfo {
  const char* names;
  bool value;
  std::map<std::string, std::string> help;
};

const std::vector<OptionInfo>& Options() {
  static const std::vector<OptionInfo> kOptions = {
      {"help,h", false, {{"*", "show this help"}}},
      {"version", false, {{"", "print the version"}}},
      {"format,f",
       true,
       {{"*",
         "output format. check: text (default), json, jsonl or sarif; extract: json "
         "(default) or csv; tables: json (default), csv or markdown"},
        {"check",
         "text (default), json (one document), jsonl (one JSON document per line, "
         "written as each file finishes) or sarif (SARIF 2.1.0)"},
        {"extract", "json (default) or csv; -o FILE.xlsx writes a workbook"},
        {"tables", "json (default), csv or markdown; -o FILE.xlsx writes a workbook"}}},
      {"output,o",
       true,
       {{"*", "write to this file instead of standard output (.xlsx: a workbook)"},
        {"check",
         "write to this file instead of standard output (not .xlsx: use extract)"},
        {"baseline", "write the baseline to this file (default: standard output)"},
        {"report", "the summary workbook to write (.xlsx)"}}},
      {"lang",
       true,
       {{"*", "extract, tables, report: words of the workbooks, zh (default) or en"},
        {"extract", "words of the workbook: zh (default) or en"},
        {"tables", "words of the workbook: zh (default) or en"},
        {"report", "words of the workbook: zh (default) or en"}}},
      {"verbose,v",
       false,
       {{"*", "check: also list info findings (differences rounding explains)"},
        {"check", "also list info findings (differences rounding explains)"}}},
      {"baseline",
       true,
       {{"", "check: leave out the findings recorded in this baseline file"},
        {"check",
         "leave out the findings recorded in this file (`jxaudit baseline`); only new "
         "findings are told and set the exit status"}}},
      {"fail-on",
       true,
       {{"",
         "check: which findings make the exit status 1: error (default), warning, never"},
        {"check",
         "which findings make the exit status 1: error (default), warning (errors or "
         "warnings), never"}}},
      {"patterns",
       true,
       {{"*", "directory of pattern files (default: the installed patterns/)"}}},
      {"jobs,j",
       true,
       {{"*", "files read in parallel, 1 to 256 (default: all cores, at most 256)"}}},
      {"max-bytes",
       true,
       {{"*", "refuse files larger than this many bytes (default 256 MiB)"}}},
      {"max-pages", true, {{"*", "refuse PDFs with more pages (default 20000)"}}},
      {"max-memory",
       true,
       {{"*",
         "limit each worker's address space to this many MiB; a file past it is "
         "recorded as out_of_memory (default 4096)"}}},
      {"quiet,q",
       false,
       {{"*", "no progress and no per-file error lines on stderr"},
        {"check",
         "no progress, no per-file error lines and no note of the store on stderr"},
        {"baseline",
         "no progress, no per-file error lines and no note of the store on stderr"}}},
      {"timeout",
       true,
       {{"*",
         "stop a file after this many seconds, at most 86400; check records it as "
         "timed out (default 300)"}}},
      {"db",
       true,
       {{"*",
         "check: the SQLite store (default: jxaudit.sqlite beside the output, or in "
         "the current directory); report: the store to summarise"},
        {"check",
         "the SQLite store (default: jxaudit.sqlite beside the output, or in the "
         "current directory)"},
        {"baseline",
         "the SQLite store (default: jxaudit.sqlite beside the output, or in the "
         "current directory)"},
        {"report", "the store to summarise"}}},
      {"no-db",
       false,
       {{"*", "check: record nothing"},
        {"check", "record nothing"},
        {"baseline", "record nothing"}}},
      {"force",
       false,
       {{"*", "check: check again files the store already has"},
        {"check", "check again files the store already has"},
        {"baseline", "check again files the store already has"}}},
  };
  return kOptions;
}

// Which options a command takes, besides --help.
const std::map<std::string, std::vector<std::string>>& Taken() {
  static const std::vector<std::string> kBatch = {
      "patterns", "jobs", "max-bytes", "max-pages", "max-memory", "quiet", "timeout"};
  auto with = [&](std::vector<std::string> own) {
    own.insert(own.end(), kBatch.begin(), kBatch.end());
    return own;
  };
  static const std::map<std::string, std::vector<std::string>> kTaken = {
      {"check", with({"format", "output", "verbose", "baseline", "fail-on", "db", "no-db",
                      "force"})},
      {"baseline", with({"output", "db", "no-db", "force"})},
      {"extract", with({"format", "output", "lang"})},
      {"tables", with({"format", "output", "lang"})},
      {"report", {"db", "output", "lang"}},
  };
  return kTaken;
}

// Paragraph text wrapped at 80 columns, as Boost wraps the options.
std::string Wrap(const std::string& text) {
  std::string out, line;
  std::istringstream words(text);
  std::string w;
  while (words >> w) {
    if (!line.empty() && line.size() + 1 + w.size() > 80)
      out += line + "\n", line.clear();
    line += (line.empty() ? "" : " ") + w;
  }
  return out + line + "\n";
}

std::string LongName(const char* names) {
  std::string n = names;
  return n.substr(0, n.find(','));
}

}  // namespace

const std::vector<CommandInfo>& Commands() {
  static const std::vector<CommandInfo> kCommands = {
      {"check", "check FILE|DIR... [options]",
       "audit each report's arithmetic; exit 0 clean, 1 errors found, 2 unreadable",
       "Findings are printed grouped by document, one line each, and recorded in a "
       "SQLite store. A 项目支出绩效自评表 and the 绩效目标申报表 of the same unit, project "
       "and year in one run are compared once every file is in: those findings follow "
       "the files (text: \"across documents\"; json: \"cross\"). Exit status: 0 when every file was read and no finding reached "
       "--fail-on; 1 when one did; 2 when a file could not be read (whatever was "
       "found in the others), or the command line, a pattern file or the store is "
       "wrong."},
      {"baseline", "baseline FILE|DIR... [-o baseline.json] [options]",
       "record the current findings' fingerprints, for check --baseline",
       "Checks the files as check does and writes every finding's fingerprint with its "
       "file, rule and message. `jxaudit check --baseline baseline.json` then leaves "
       "those findings out: only new ones are told and set the exit status. Exit "
       "status: 0, or 2 when a file could not be read."},
      {"extract", "extract FILE|DIR... [-o out.xlsx | --format json|csv] [options]",
       "normalized figures, indicators and findings (xlsx with -o, json, csv)", ""},
      {"tables", "tables FILE|DIR... [--format json|csv|markdown] [-o OUT] [options]",
       "rebuild the tables of each report (json, csv, markdown or xlsx)", ""},
      {"report", "report --db FILE -o summary.xlsx", "summary workbook of a store", ""},
  };
  return kCommands;
}

po::options_description OptionsFor(const std::string& command) {
  po::options_description d;
  const std::vector<std::string>* taken = nullptr;
  if (!command.empty()) {
    auto it = Taken().find(command);
    if (it != Taken().end()) taken = &it->second;
  }
  for (const OptionInfo& o : Options()) {
    const std::string name = LongName(o.names);
    std::string help;
    if (command.empty()) {
      auto g = o.help.find("");
      help = g != o.help.end() ? g->second : o.help.at("*");
    } else {
      if (name != "help" &&
          (!taken || std::find(taken->begin(), taken->end(), name) == taken->end()))
        continue;
      auto c = o.help.find(command);
      help = c != o.help.end() ? c->second : o.help.at("*");
    }
    if (o.value)
      d.add_options()(o.names, po::value<std::string>(), help.c_str());
    else
      d.add_options()(o.names, help.c_str());
  }
  return d;
}

std::string GeneralHelp() {
  std::ostringstream out;
  out << "usage: jxaudit <command> [options] FILE|DIR...\n\ncommands:\n";
  for (const CommandInfo& c : Commands()) {
    std::string name = c.name;
    name.resize(10, ' ');
    out << "  " << name << c.what << "\n";
  }
  out << "\n`jxaudit COMMAND --help` shows a command's options.\n\noptions:\n"
      << OptionsFor("");
  return out.str();
}

std::string CommandHelp(const std::string& command) {
  for (const CommandInfo& c : Commands()) {
    if (command != c.name) continue;
    std::ostringstream out;
    out << "usage: jxaudit " << c.synopsis << "\n\n" << c.what << "\n";
    if (*c.details) out << "\n" << Wrap(c.details);
    out << "\noptions:\n" << OptionsFor(command);
    return out.str();
  }
  return "";
}

}  // namespace jx
