// The files a batch run reads: arguments as given, directories walked.
#ifndef JXAUDIT_CLI_INPUTS_H_
#define JXAUDIT_CLI_INPUTS_H_

#include <string>
#include <vector>

namespace jx {

// Expands `args`: a file is kept as given (so a missing or unreadable one is
// reported by the run), a directory is walked recursively and contributes
// the files that look like reports by their first bytes — a PDF header, or
// text that decodes — whatever their extension, and the files named as
// reports (.txt, .pdf, .tsv, .csv) whatever their bytes, so a damaged one is
// reported rather than passed over. Hidden entries are skipped.
// Files found in one directory come in path order, so a run's output order
// does not depend on the file system.
// A file a directory walk did not take, and why: every one is told (stderr,
// check's JSON and store), so nothing in a folder is passed over silently.
struct SkippedInput {
  std::string path;
  std::string reason;
};
std::vector<std::string> CollectInputs(const std::vector<std::string>& args,
                                       std::vector<std::string>* warnings,
                                       std::vector<SkippedInput>* skipped = nullptr);

// The sniffing CollectInputs applies to files inside directories.
bool LooksLikeReport(const std::string& path);

}  // namespace jx

#endif  // JXAUDIT_CLI_INPUTS_H_
