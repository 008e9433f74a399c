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
#include "validate_cases.h"

namespace jx::test::disclosure {

using test::CheckText;
using test::E;
using test::Show;
using test::W;
using test::Want;

// The findings of `text` other than disclosure.not_checked, in order.
inline void ExpectDisclosure(const std::string& text, const std::vector<Want>& want) {
  test::Expect(text, want, "disclosure.not_checked");
}

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
