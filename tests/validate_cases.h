// Shared by the table-driven rule tests: a text through the whole pipeline,
// and the findings it must give.
#ifndef JXAUDIT_TESTS_VALIDATE_CASES_H_
#define JXAUDIT_TESTS_VALIDATE_CASES_H_

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extract.h"
#include "layout/layout.h"
#include "test_util.h"
#include "validate/validate.h"

namespace jx::test {

inline Validation CheckText(const std::string& text) {
  Document doc = DocFromText(text);
  Layout l = BuildLayout(doc, ProjectPatterns());
  Extraction ex = Extract(doc, l, ProjectPatterns());
  return Validate(ex, ProjectPatterns());
}

struct Want {
  const char* rule;
  Severity severity;
  const char* stated;    // "" = not checked
  const char* computed;  // "" = not checked
};

inline std::string Show(const Validation& v) {
  std::string s;
  for (const Finding& f : v.findings)
    s += std::string(SeverityName(f.severity)) + " " + f.rule + " " + f.message + "\n";
  return s;
}

// The findings of `text`, in order, leaving out those of rule `ignored`.
inline void Expect(const std::string& text, const std::vector<Want>& want,
                   std::string_view ignored = {}) {
  Validation v = CheckText(text);
  INFO(Show(v));
  // The note that nothing was checked is about the whole document: a case
  // sees it only when it asks for it (its own test is in validate_test.cc).
  const bool wants_note = std::any_of(want.begin(), want.end(), [](const Want& w) {
    return std::string_view(w.rule) == "document.nothing_checked";
  });
  std::vector<const Finding*> got;
  for (const Finding& f : v.findings)
    if ((ignored.empty() || f.rule != ignored) &&
        (wants_note || f.rule != "document.nothing_checked"))
      got.push_back(&f);
  REQUIRE(got.size() == want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    const Finding& f = *got[i];
    CHECK(f.rule == want[i].rule);
    CHECK(f.severity == want[i].severity);
    if (*want[i].stated) CHECK(f.stated.ToString() == want[i].stated);
    if (*want[i].computed) CHECK(f.computed.ToString() == want[i].computed);
  }
}

constexpr Severity E = Severity::kError;
constexpr Severity W = Severity::kWarning;
constexpr Severity I = Severity::kInfo;

}  // namespace jx::test

#endif  // JXAUDIT_TESTS_VALIDATE_CASES_H_
