// The comparison across documents of a run: the facts each record carries
// (validate/cross.h) on the wire and in the store, and the findings of a
// whole run with their fingerprints.
#ifndef JXAUDIT_RECORD_CROSS_H_
#define JXAUDIT_RECORD_CROSS_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "validate/cross.h"

namespace jx {

nlohmann::json CrossFactsToJson(const CrossFacts& f);
// False (and `f` unknown) when `j` is not what CrossFactsToJson writes.
bool CrossFactsFromJson(const nlohmann::json& j, CrossFacts* f);

// One printed document of a run, as the comparison needs it.
struct RunDocument {
  std::string file, sha256;
  bool ok = false;  // checked (not failed, not timed out)
  CrossFacts facts;
};

// A finding across documents and the files it rests on (the self-evaluation
// first): `finding.where.file` is the file it is printed under.
struct CrossResult {
  Finding finding;
  std::vector<std::string> files;
};

// The run's findings across documents, fingerprinted from the content hashes
// of the documents they rest on. Copies of one content are compared once,
// under the first name. A checked document whose facts were not
// kept (a store written before they were) is not compared, and is told as
// an info when the run holds other documents.
std::vector<CrossResult> RunCrossCheck(const std::vector<RunDocument>& docs,
                                       const Patterns& patterns);

}  // namespace jx

#endif  // JXAUDIT_RECORD_CROSS_H_
