// What `check` (and `baseline`) print of the records as they come, in each
// format: text, json, jsonl, sarif, and the baseline file.
#ifndef JXAUDIT_CLI_CHECK_OUTPUT_H_
#define JXAUDIT_CLI_CHECK_OUTPUT_H_

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "base/patterns.h"
#include "cli/inputs.h"
#include "export/sarif.h"
#include "record/baseline.h"
#include "record/cross.h"
#include "record/document.h"
#include "record/record.h"

namespace jx {

// The version of the check JSON (schemas/check.schema.json): a change that
// a script could trip on gets the next one.
constexpr int kCheckSchemaVersion = 1;

class CheckPrinter {
 public:
  // `format`: text, json, jsonl, sarif, or baseline (the file `jxaudit
  // baseline` writes). `baseline` may be null.
  CheckPrinter(std::string format, bool verbose, const Baseline* baseline,
               const Patterns& patterns, std::ostream* sink);

  // Which parts of a record printing needs.
  RecordParts Parts() const;
  void Begin();
  // One record, in input order, its baseline findings taken out first.
  void Print(DocumentRecord&& r);
  // The run's findings across documents, once every record is printed:
  // after the files (text: a block "across documents"; json: "cross"; jsonl:
  // lines of type "cross"), their baseline findings taken out first.
  void Cross(std::vector<CrossResult> results);
  void End(const std::vector<SkippedInput>& skipped);

  // Over the printed records, after the baseline.
  const Counts& total() const { return total_; }
  int suppressed() const { return suppressed_; }

 private:
  nlohmann::json SummaryJson() const;

  std::string format_;
  bool verbose_;
  const Baseline* baseline_;
  std::ostream* sink_;
  std::unique_ptr<SarifWriter> sarif_;
  nlohmann::json entries_ = nlohmann::json::array();  // baseline format
  nlohmann::json cross_ = nlohmann::json::array();    // json format
  Counts total_;
  size_t files_ = 0;
  int suppressed_ = 0;
};

}  // namespace jx

#endif  // JXAUDIT_CLI_CHECK_OUTPUT_H_
