// The commands of the command line, each over its collected input files.
#ifndef JXAUDIT_CLI_COMMANDS_H_
#define JXAUDIT_CLI_COMMANDS_H_

#include <ostream>
#include <string>
#include <vector>

#include "base/patterns.h"
#include "cli/batch.h"

namespace jx {

// `check`: each file in a worker process (a crash or a hang costs that file
// only), recorded in the store one transaction per file, output in input
// order as soon as the files before it are done.
// `baseline` is check with the baseline file as its output.
struct CheckSettings {
  std::string format = "text";  // text, json, jsonl, sarif, baseline
  std::string output;           // -o, "" for standard output
  bool verbose = false;
  // Which findings set exit status 1: error, warning (and errors), never.
  std::string fail_on = "error";
  std::string baseline;   // --baseline FILE, "" when none
  bool db_given = false;  // --db named the store (else the default is told)
};
int RunCheck(const std::vector<std::string>& files, const CheckSettings& cs,
             const BatchOptions& bo, const Patterns& patterns, std::ostream& out,
             std::ostream& err);
// `extract`: the normalized sheets of every file, as xlsx, JSON or CSV.
// Workbooks are written in `lang`.
int RunExtract(const std::vector<std::string>& files, const std::string& format,
               const std::string& output, const BatchOptions& bo,
               const Patterns& patterns, Lang lang, std::ostream& out, std::ostream& err);
// `tables`: the rebuilt tables of every file.
int RunTables(const std::vector<std::string>& files, const std::string& format,
              const std::string& output, const BatchOptions& bo, const Patterns& patterns,
              Lang lang, std::ostream& out, std::ostream& err);
// `report`: the summary workbook of a store, in `lang`.
int RunReport(const std::string& db, const std::string& output, const Patterns& patterns,
              Lang lang, std::ostream& err);

}  // namespace jx

#endif  // JXAUDIT_CLI_COMMANDS_H_
