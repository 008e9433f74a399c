// What the office tests share: a file's bytes read as the pipeline reads
// them, and laid out.
#ifndef JXAUDIT_TESTS_OFFICE_CASES_H_
#define JXAUDIT_TESTS_OFFICE_CASES_H_

#include <string>

#include "base/error.h"
#include "ingest/document.h"
#include "ingest/read.h"
#include "layout/layout.h"
#include "test_util.h"

namespace jx::test {

struct Read {
  bool ok = false;
  Document doc;
  Layout layout;
  Error err;
};

inline Read ReadBytes(const std::string& name, const std::string& bytes,
                      const ReadOptions& opts = ReadOptions{}) {
  Read r;
  r.ok = DocumentFromBytes(name, bytes, &r.doc, &r.err, opts);
  if (r.ok) r.layout = BuildLayout(r.doc, ProjectPatterns());
  return r;
}

}  // namespace jx::test

#endif  // JXAUDIT_TESTS_OFFICE_CASES_H_
