// What the pipeline leaves for one file, and the tally of its findings: the
// input of every rendering (check text and JSON, the normalized sheets).
#ifndef JXAUDIT_RECORD_DOCUMENT_H_
#define JXAUDIT_RECORD_DOCUMENT_H_

#include <string>
#include <vector>

#include "base/error.h"
#include "extract/extract.h"
#include "layout/table.h"
#include "validate/validate.h"

namespace jx {

struct DocumentReport {
  std::string file;
  std::string sha256;  // of the file's bytes; part of every finding's fingerprint
  bool ok = true;
  Error error;  // when !ok
  std::string encoding;
  int pages = 0;  // PDF pages read
  Layout layout;
  Extraction ex;
  Validation v;
};

struct Counts {
  int errors = 0, warnings = 0, infos = 0, failed = 0;

  Counts& operator+=(const Counts& o) {
    errors += o.errors;
    warnings += o.warnings;
    infos += o.infos;
    failed += o.failed;
    return *this;
  }
};

// Findings by severity (`failed` stays 0): the one place they are counted.
Counts Tally(const std::vector<Finding>& findings);
// Over documents, with the ones that failed.
Counts CountFindings(const std::vector<DocumentReport>& docs);

// The printed name of a document kind ("其他" for an unknown one).
std::string KindName(const std::string& kind);

}  // namespace jx

#endif  // JXAUDIT_RECORD_DOCUMENT_H_
