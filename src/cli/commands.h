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
int RunCheck(const std::vector<std::string>& files, const std::string& format,
             const std::string& output, bool verbose, const BatchOptions& bo,
             const Patterns& patterns, std::ostream& out, std::ostream& err);
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
