// The findings of synthetic PDF pages, read through every stage, for the
// layout tests that check what a doubt does to a rule.
#ifndef JXAUDIT_TESTS_PDF_FINDINGS_H_
#define JXAUDIT_TESTS_PDF_FINDINGS_H_

#include <string>
#include <utility>
#include <vector>

#include "extract/extract.h"
#include "pdf_pages.h"
#include "test_util.h"
#include "validate/validate.h"

namespace jx::test {

inline std::vector<Finding> FindingsOfPages(std::vector<PdfPage> pages) {
  Document d = PdfOfPages(std::move(pages));
  Layout l = BuildLayout(d, ProjectPatterns());
  Extraction ex = Extract(d, l, ProjectPatterns());
  return Validate(ex, ProjectPatterns()).findings;
}

// The first finding of `rule`, else null.
inline const Finding* FindingOf(const std::vector<Finding>& fs, const std::string& rule) {
  for (const Finding& f : fs)
    if (f.rule == rule) return &f;
  return nullptr;
}

}  // namespace jx::test

#endif  // JXAUDIT_TESTS_PDF_FINDINGS_H_
