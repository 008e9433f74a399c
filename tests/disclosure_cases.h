// Shared by the disclosure rule tests: a text through the whole pipeline, and
// its findings against a table of wanted ones.
#ifndef JXAUDIT_TESTS_DISCLOSURE_CASES_H_
#define JXAUDIT_TESTS_DISCLOSURE_CASES_H_

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "layout/layout.h"
#include "test_util.h"
#include "validate/validate.h"

namespace jx::test::disclosure {

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

// The findings of `text` other than disclosure.not_checked, in order.
inline void Expect(const std::string& text, const std::vector<Want>& want) {
  Validation v = CheckText(text);
  INFO(Show(v));
  std::vector<const Finding*> got;
  for (const Finding& f : v.findings)
    if (f.rule != "disclosure.not_checked") got.push_back(&f);
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

struct Case {
  const char* name;
  std::string text;
  std::vector<Want> want;
};

// A budget's cover: the document is a 部门预算 of 2026.
inline const char kCover[] = "上海市普陀区2026年区级部门预算\n\n";

inline std::string FunctionTable(
    const char* unit, const char* total, const char* basic, const char* project,
    const char* title = "2026年部门一般公共预算支出功能分类预算表") {
  return std::string(title) + "\n" + unit +
         "功能分类科目编码\t功能分类科目名称\t合计\t基本支出\t项目支出\n"
         "204\t公共安全支出\t" +
         total + "\t" + basic + "\t" + project + "\n合计\t\t" + total + "\t" + basic +
         "\t" + project + "\n\n";
}

}  // namespace jx::test::disclosure

#endif  // JXAUDIT_TESTS_DISCLOSURE_CASES_H_
