// 预算/决算 disclosures: the 收支总表 balance, column groups (“三公”, 基本支出),
// 基本支出 rows, figures across tables, change rates in the text and the
// tables listed as not checked. Each table has cases where the rule must
// stay silent.
#include <catch2/catch.hpp>
#include <chrono>

#include "extract/extract.h"
#include "layout/layout.h"
#include "test_util.h"
#include "validate/validate.h"

using namespace jx;
using namespace jx::test;

namespace {

Validation CheckText(const std::string& text) {
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

std::string Show(const Validation& v) {
  std::string s;
  for (const Finding& f : v.findings)
    s += std::string(SeverityName(f.severity)) + " " + f.rule + " " + f.message + "\n";
  return s;
}

// The findings of `text` other than disclosure.not_checked, in order.
void Expect(const std::string& text, const std::vector<Want>& want) {
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

// A 收入支出决算总表 with the rows carried between years.
std::string Balance(const char* title, const char* in_grand, const char* in_carry,
                    const char* out_grand, const char* out_carry) {
  return std::string(title) +
         "\n单位：万元\n"
         "项目\t决算数\t项目\t决算数\n"
         "一、一般公共预算财政拨款收入\t100.00\t一、公共安全支出\t80.00\n"
         "二、事业收入\t20.00\t二、教育支出\t30.00\n"
         "本年收入合计\t120.00\t本年支出合计\t110.00\n"
         "使用非财政拨款结余\t5.00\t结余分配\t0.00\n"
         "年初结转和结余\t" +
         in_carry + "\t年末结转和结余\t" + out_carry + "\n总计\t" + in_grand +
         "\t总计\t" + out_grand + "\n";
}

}  // namespace

TEST_CASE("收支总表: each side closes with its carried rows and 收入总计 = 支出总计",
          "[validate][disclosure]") {
  Case cases[] = {
      // 总计 is not the sum of 一、二 (120): the carried rows are in it.
      {"a balance that closes on both sides",
       Balance("收入支出决算总表", "135.00", "10.00", "135.00", "25.00"),
       {}},
      {"the income side's 总计 misses its carried rows",
       Balance("收入支出决算总表", "140.00", "10.00", "140.00", "30.00"),
       {{"sum.balance", E, "140.00", "135"}}},
      {"each side closes but 收入总计 is not 支出总计",
       Balance("收入支出决算总表", "135.00", "10.00", "136.00", "26.00"),
       {{"sum.balance", E, "136.00", "135"}}},
      {"a title that names no 收支总表 gives warnings only",
       Balance("表1", "135.00", "10.00", "136.00", "26.00"),
       {{"sum.balance", W, "136.00", "135"}}},
      {"a budget 总表 without carried rows: 收入总计 = 支出总计",
       "2026年部门财务收支预算总表\n单位：万元\n"
       "项目\t预算数\t项目\t预算数\n"
       "一、财政拨款收入\t100.00\t一、公共安全支出\t70.00\n"
       "1、一般公共预算\t100.00\t二、社会保障和就业支出\t30.00\n"
       "二、事业收入\t0.00\t\t\n"
       "收入总计\t100.00\t支出总计\t100.00\n",
       {}},
      {"a budget 总表 whose two totals differ",
       "2026年部门财务收支预算总表\n单位：万元\n"
       "项目\t预算数\t项目\t预算数\n"
       "一、财政拨款收入\t100.00\t一、公共安全支出\t70.00\n"
       "二、事业收入\t0.00\t二、社会保障和就业支出\t40.00\n"
       "收入总计\t100.00\t支出总计\t110.00\n",
       {{"sum.balance", E, "110.00", "100"}}},
      // The 一、二、 printed again under 年初财政拨款结转和结余 are no part of
      // 本年收入合计, and 总计 is not their sum with the first ones either.
      {"the items printed again under the carried row are left alone",
       "财政拨款收入支出决算总表\n单位：万元\n"
       "项目\t决算数\t项目\t合计\n"
       "一、一般公共预算财政拨款\t100.00\t一、公共安全支出\t90.00\n"
       "二、政府性基金预算财政拨款\t0.00\t二、教育支出\t10.00\n"
       "本年收入合计\t100.00\t本年支出合计\t100.00\n"
       "年初财政拨款结转和结余\t20.00\t年末财政拨款结转和结余\t20.00\n"
       "一、一般公共预算财政拨款\t20.00\t\t\n"
       "二、政府性基金预算财政拨款\t0.00\t\t\n"
       "总计\t120.00\t总计\t120.00\n",
       {}},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { Expect(c.text, c.want); }
  }
}

TEST_CASE("Column groups: a 小计 stands for its parts and columns outside stay out",
          "[validate][disclosure]") {
  const std::string budget_head =
      "2026年部门“三公”经费和机关运行经费预算表\n单位：万元\n"
      "“三公”经费预算数\t\t\t\t\t\t机关运行经费预算数\n"
      "合计\t因公出国(境)费\t公务接待费\t公务用车购置及运行费\t\t\t\n"
      "\t\t\t小计\t购置费\t运行费\t\n";
  const std::string final_head =
      "财政拨款“三公”经费支出决算表\n单位：万元\n"
      "合计\t\t因公出国（境）费\t\t公务用车购置及运行维护费\t\t\t\t\t\t公务接待费\t\n"
      "\t\t\t\t小计\t\t公务用车购置费\t\t公务用车运行维护费\t\t\t\n"
      "预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t"
      "预算数\t决算数\n";
  const std::string basic_head =
      "科目名称\t合计\t基本支出\t人员经费\t公用经费\t项目支出\n";
  Case cases[] = {
      // Summing the row right of 合计 would give 10.81 + 9.98 + 217.83.
      {"三公 as budgeted: 合计 and 小计 close",
       budget_head + "10.81\t0\t0.83\t9.98\t0\t9.98\t217.83\n",
       {}},
      {"三公 合计 off its three items",
       budget_head + "10.91\t0\t0.83\t9.98\t0\t9.98\t217.83\n",
       {{"sum.column", E, "10.91", "10.81"}}},
      {"公务用车 小计 off 购置 + 运行",
       budget_head + "10.81\t0\t0.83\t9.98\t1.00\t9.98\t217.83\n",
       {{"sum.column", E, "9.98", "10.98"}}},
      {"三公 决算: 预算数 and 决算数 each close",
       final_head +
           "12.00\t11.00\t2.00\t1.00\t8.00\t8.00\t3.00\t3.00\t5.00\t5.00\t2.00\t2.00\n",
       {}},
      {"三公 决算: the 决算数 合计 does not close",
       final_head +
           "12.00\t11.50\t2.00\t1.00\t8.00\t8.00\t3.00\t3.00\t5.00\t5.00\t2.00\t2.00\n",
       {{"sum.column", E, "11.50", "11"}}},
      // 合计 = 基本支出 + 项目支出, never + 人员经费 + 公用经费 as well.
      {"a flat 基本支出 beside its 人员经费 and 公用经费",
       basic_head + "行政运行\t100.00\t60.00\t40.00\t20.00\t40.00\n",
       {}},
      {"a flat 基本支出 that is not 人员经费 + 公用经费",
       basic_head + "行政运行\t100.00\t60.00\t40.00\t10.00\t40.00\n",
       {{"sum.column", E, "60.00", "50"}}},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { Expect(c.text, c.want); }
  }
}

TEST_CASE("基本支出 rows against 人员经费 and 公用经费 rows", "[validate][disclosure]") {
  Case cases[] = {
      {"the rows close",
       "项目\t金额\n基本支出\t100.00\n人员经费\t60.00\n公用经费\t40.00\n",
       {}},
      {"the rows do not close",
       "项目\t金额\n基本支出\t100.00\n人员经费\t60.00\n公用经费\t30.00\n",
       {{"sum.basic", E, "100.00", "90"}}},
      {"only one of the two parts printed: nothing to compare",
       "项目\t金额\n基本支出\t100.00\n人员经费\t60.00\n项目支出\t30.00\n",
       {}},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { Expect(c.text, c.want); }
  }
}

namespace {

std::string FunctionTable(
    const char* unit, const char* total, const char* basic, const char* project,
    const char* title = "2026年部门一般公共预算支出功能分类预算表") {
  return std::string(title) + "\n" + unit +
         "功能分类科目编码\t功能分类科目名称\t合计\t基本支出\t项目支出\n"
         "204\t公共安全支出\t" +
         total + "\t" + basic + "\t" + project + "\n合计\t\t" + total + "\t" + basic +
         "\t" + project + "\n\n";
}

std::string EconomicTable(const char* unit, const char* personnel, const char* total) {
  return std::string("2026年部门一般公共预算基本支出部门预算经济分类预算表\n") + unit +
         "经济分类科目编码\t经济分类科目名称\t合计\t人员经费\t公用经费\n"
         "301\t工资福利支出\t" +
         personnel + "\t" + personnel + "\t0\n302\t商品和服务支出\t10\t0\t10\n合计\t\t" +
         total + "\t" + personnel + "\t10\n\n";
}

}  // namespace

TEST_CASE("Across tables: a figure repeated from another table, in 元",
          "[validate][disclosure]") {
  Case cases[] = {
      {"功能分类表 基本支出 = 经济分类表 合计, one in 元 the other in 万元",
       FunctionTable("单位：元\n", "1000000.00", "600000.00", "400000.00") +
           EconomicTable("单位：万元\n", "50", "60"),
       {}},
      {"功能分类表 基本支出 differs from the 经济分类表 合计",
       FunctionTable("单位：元\n", "1010000.00", "610000.00", "400000.00") +
           EconomicTable("单位：万元\n", "50", "60"),
       {{"disclosure.cross_table", E, "610000.00", "600000"}}},
      {"no unit stated: the pair is left alone",
       FunctionTable("", "1010000.00", "610000.00", "400000.00") +
           EconomicTable("", "50", "60"),
       {}},
      {"a genre printed twice is no pair",
       FunctionTable("单位：元\n", "1010000.00", "610000.00", "400000.00") +
           FunctionTable("单位：元\n", "1010000.00", "610000.00", "400000.00",
                         "2026年单位一般公共预算支出功能分类预算表") +
           EconomicTable("单位：万元\n", "50", "60"),
       {}},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { Expect(c.text, c.want); }
  }
}

TEST_CASE("Across tables: the 总表 split of 基本支出 against the 经济分类表",
          "[validate][disclosure]") {
  auto balance = [](const char* total, const char* project) {
    return std::string(
               "2026年预算单位财务收支预算总表\n单位：万元\n"
               "本年收入\t\t本年支出\t\t\t\t\n"
               "项目\t预算数\t项目\t预算数\t\t\t\n"
               "\t\t\t合计\t基本支出\t\t项目支出\n"
               "\t\t\t\t人员经费\t公用经费\t\n"
               "一、财政拨款收入\t") +
           total + "\t一、公共安全支出\t" + total + "\t51\t9\t" + project +
           "\n收入总计\t" + total + "\t支出总计\t" + total + "\t51\t9\t" + project +
           "\n\n";
  };
  Case cases[] = {
      // All spending is 一般公共预算 (the 功能分类表 totals 100): the split must
      // be the 经济分类表's.
      {"all 一般公共预算: a split that differs is an error",
       balance("100", "40") + FunctionTable("单位：万元\n", "100", "60", "40") +
           EconomicTable("单位：万元\n", "50", "60"),
       {{"disclosure.cross_table", E, "510000", "500000"},
        {"disclosure.cross_table", E, "90000", "100000"}}},
      {"other funds in the 总表: the same difference is a warning",
       balance("120", "60") + FunctionTable("单位：万元\n", "100", "60", "40") +
           EconomicTable("单位：万元\n", "50", "60"),
       {{"disclosure.cross_table", W, "510000", "500000"},
        {"disclosure.cross_table", W, "90000", "100000"}}},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { Expect(c.text, c.want); }
  }
}

TEST_CASE("Change against last year's execution stated in the text",
          "[validate][disclosure]") {
  Case cases[] = {
      {"减少 read as a fall",
       "2025年当年预算执行数为1690.69万元，2026年预算安排1672."
       "67万元，比2025年预算执行数减少"
       "1.07%。\n",
       {}},
      {"增加 printed for a fall",
       "2025年当年预算执行数为1690.69万元，2026年预算安排1672."
       "67万元，比2025年预算执行数增加"
       "1.07%。\n",
       {{"rate.sentence", E, "1.07", ""}}},
      {"within the rounding of 0.50 and 0.64",
       "2025年当年预算执行数为0.50万元，2026年预算安排0.64万元，比2025年预算执行数增加28%"
       "。\n",
       {}},
      {"a percentage of another item",
       "2025年当年预算执行数为77.99万元，2026年预算安排91.97万元，比2025年预算执行数增加"
       "17.66%。\n",
       {{"rate.sentence", E, "17.66", ""}}},
      {"a line broken after 执行数为 starts with the base",
       "241.76万元，2026年预算安排170.03万元，比2025年预算执行数增加21.74%。\n",
       {{"rate.sentence", E, "21.74", ""}}},
      {"比上年预算增加 an amount is no rate", "比2025年预算增加794.88万元。\n", {}},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { Expect(c.text, c.want); }
  }
}

TEST_CASE("Disclosure tables no rule read are listed as not checked",
          "[validate][disclosure]") {
  Validation v = CheckText(
      "2026年部门政府性基金预算支出功能分类预算表\n单位：元\n"
      "功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出\n"
      "类\t款\t项\t\t\t\t\n"
      "无\t\t\t\t\t\t\n"
      "合计\t\t\t\t\t\t\n\n"
      "表3 其他情况\n项目\t金额\n甲\t1\n乙\t2\n");
  INFO(Show(v));
  REQUIRE(v.findings.size() == 1);
  CHECK(v.findings[0].rule == "disclosure.not_checked");
  CHECK(v.findings[0].severity == Severity::kInfo);
  CHECK(v.findings[0].message.find("政府性基金") != std::string::npos);
  // A table that some rule read is not listed.
  Validation read =
      CheckText(FunctionTable("单位：元\n", "1000000.00", "600000.00", "400000.00"));
  for (const Finding& f : read.findings) CHECK(f.rule != "disclosure.not_checked");
}

namespace {

// A 功能分类表 in 元 with 204 / 204 06 / 204 06 01, and a budget's cover.
const char kCover[] = "上海市普陀区2026年区级部门预算\n\n";
const char kFunction[] =
    "2026年部门一般公共预算支出功能分类预算表\n单位：元\n"
    "功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出\n"
    "类\t款\t项\t\t\t\t\n"
    "204\t\t\t公共安全支出\t16726725.44\t16726725.44\t0.00\n"
    "204\t06\t\t司法\t16726725.44\t16726725.44\t0.00\n"
    "204\t06\t01\t行政运行\t16726725.44\t16726725.44\t0.00\n"
    "合计\t\t\t\t16726725.44\t16726725.44\t0.00\n\n";

std::string Item(const char* class_name, const char* amount, const char* planned) {
  return std::string("1、") + class_name + "（204类）司法（06款）行政运行（01项）" +
         amount +
         "万元。主要用于：行政单位的基本支出。2025年当年预算执行数为1690."
         "69万元，2026年预算安排" +
         planned + "万元。\n\n";
}

}  // namespace

TEST_CASE("Items of the text by code against the 功能分类表 and their 预算安排",
          "[validate][disclosure]") {
  Case cases[] = {
      {"the item, its 预算安排 and the table agree",
       kCover + Item("公共安全支出", "1672.67", "1672.67") + kFunction,
       {}},
      {"the 预算安排 repeats another amount",
       kCover + Item("公共安全支出", "1672.67", "1601.50") + kFunction,
       {{"disclosure.item_planned", E, "1601.50", "1672.67"}}},
      {"the item's amount is not its row's 合计",
       kCover + Item("公共安全支出", "1634.89", "1634.89") + kFunction,
       {{"disclosure.item_table", E, "16348900", "16726725.44"}}},
      {"the same code under another name",
       kCover + Item("医疗卫生与计划生育支出", "1672.67", "1672.67") + kFunction,
       {{"disclosure.item_name", W, "", ""}}},
      {"no 功能分类表: the item is only checked against its 预算安排",
       kCover + Item("公共安全支出", "1634.89", "1634.89"),
       {}},
      {"a 预算安排 cut off by a line break belongs to the item before",
       std::string(kCover) +
           "1、公共安全支出（204类）司法（06款）行政运行（01项）1672."
           "67万元。2025年当年预算执行数为\n"
           "1690.69万元，2026年预算安排1601.50万元。\n\n" +
           kFunction,
       {{"disclosure.item_planned", E, "1601.50", "1672.67"}}},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { Expect(c.text, c.want); }
  }
}

TEST_CASE("A disclosure compared with its own year", "[validate][disclosure]") {
  Case cases[] = {
      {"a 2026 budget compared with 2025",
       std::string(kCover) + "财政拨款收入9628.22万元，比2025年预算增加793.14万元；"
                             "政府性基金拨款支出预算0万元，与2025年预算持平。\n",
       {}},
      {"a 2026 budget compared with 2026",
       std::string(kCover) + "财政拨款收入9628.22万元，比2026年预算增加793.14万元；"
                             "政府性基金拨款支出预算0万元，与2026年预算持平。\n",
       {{"disclosure.compared_year", W, "", ""}}},
      {"a report of another kind is not read so",
       "2026年度部门整体支出绩效自评报告\n\n比2026年预算增加793.14万元。\n",
       {}},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { Expect(c.text, c.want); }
  }
}

TEST_CASE("Disclosure balance rows across tables and numbered parts",
          "[validate][disclosure]") {
  auto tables = [](const char* fiscal_income, const char* one) {
    return std::string(
               "2026年部门财务收支预算总表\n单位：万元\n"
               "项目\t预算数\t项目\t预算数\n"
               "一、财政拨款收入\t") +
           fiscal_income +
           "\t一、公共安全支出\t100.00\n"
           "1、一般公共预算\t" +
           one +
           "\t\t\n"
           "2、政府性基金预算\t0.00\t\t\n"
           "二、事业收入\t0.00\t\t\n"
           "收入总计\t" +
           fiscal_income + "\t支出总计\t" + fiscal_income +
           "\n\n2026年部门财政拨款收支预算总表\n单位：万元\n"
           "项目\t预算数\t项目\t合计\n"
           "一、一般公共预算\t100.00\t一、公共安全支出\t100.00\n"
           "二、政府性基金预算\t0.00\t\t\n"
           "收入总计\t100.00\t支出总计\t100.00\n";
  };
  Case cases[] = {
      {"总表 财政拨款收入 = 财政拨款收支总表 收入总计, 1、 under 一、 closes",
       tables("100.00", "100.00"),
       {}},
      // 一、 lists 1、2、 with no （一） level between them.
      {"一、财政拨款收入 off its 1、 and 2、",
       tables("100.00", "90.00"),
       {{"sum.children", E, "100.00", "90"}, {"figure.conflict", W, "", ""}}},
      {"the 总表's 财政拨款收入 is not what the 财政拨款收支总表 receives",
       tables("110.00", "110.00"),
       {{"disclosure.cross_table", E, "1100000", "1000000"},
        {"figure.conflict", W, "", ""}}},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { Expect(c.text, c.want); }
  }
}

TEST_CASE("A budget's periods end in its year or later", "[validate][disclosure]") {
  Case cases[] = {
      {"a period in the budget year",
       std::string(kCover) + "五、实施周期\n\n2026年1月1日-2026年12月31日\n",
       {}},
      {"a period that ended the year before",
       std::string(kCover) + "五、实施周期\n\n2025年1月1日-2025年12月31日\n",
       {{"disclosure.period_year", W, "", ""}}},
      {"a date alone is no period",
       std::string(kCover) + "截至2025年8月31日，共有车辆3辆。\n",
       {}},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { Expect(c.text, c.want); }
  }
}

TEST_CASE("A code list in two halves is summed by its left codes only",
          "[validate][disclosure]") {
  const std::string head =
      "一般公共预算财政拨款基本支出决算表\n单位：万元\n"
      "经济分类科目编码\t科目名称\t决算数\t经济分类科目编码\t科目名称\t决算数\n";
  Case cases[] = {
      // The right half (302 …) does not add up by the left codes, nor should it.
      {"both halves as printed",
       head + "301\t工资福利支出\t30.00\t302\t商品和服务支出\t10.00\n"
              "30101\t基本工资\t10.00\t30201\t办公费\t1.00\n"
              "30102\t津贴补贴\t20.00\t30202\t印刷费\t2.00\n"
              "303\t对个人和家庭的补助\t5.00\t30203\t咨询费\t3.00\n"
              "30301\t离休费\t5.00\t30204\t手续费\t4.00\n",
       {}},
      {"the left half does not close",
       head + "301\t工资福利支出\t31.00\t302\t商品和服务支出\t10.00\n"
              "30101\t基本工资\t10.00\t30201\t办公费\t1.00\n"
              "30102\t津贴补贴\t20.00\t30202\t印刷费\t2.00\n"
              "303\t对个人和家庭的补助\t5.00\t30203\t咨询费\t3.00\n"
              "30301\t离休费\t5.00\t30204\t手续费\t4.00\n",
       {{"sum.code", E, "31.00", "30"}}},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { Expect(c.text, c.want); }
  }
}

TEST_CASE("The 收入预算总表 against a 总表 whose total carries last year's money",
          "[validate][disclosure]") {
  auto doc = [](const char* carry_row) {
    return std::string(
               "2026年部门财务收支预算总表\n单位：万元\n"
               "项目\t预算数\t项目\t预算数\n"
               "一、财政拨款收入\t100.00\t一、公共安全支出\t110.00\n") +
           carry_row +
           "收入总计\t110.00\t支出总计\t110.00\n\n"
           "2026年部门收入预算总表\n单位：万元\n"
           "科目编码\t科目名称\t合计\t财政拨款收入\t事业收入\n"
           "204\t公共安全支出\t100.00\t100.00\t0.00\n"
           "合计\t\t100.00\t100.00\t0.00\n";
  };
  Case cases[] = {
      // 收入总计 holds 上年结转; the 收入预算总表 only this year's income.
      {"a 总计 with 上年结转: no year total to compare",
       doc("二、上年结转\t10.00\t\t\n"),
       {}},
      {"no carried row: the 收入预算总表 must total the 总表",
       doc("二、事业收入\t10.00\t\t\n"),
       {{"disclosure.cross_table", E, "1000000", "1100000"}}},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { Expect(c.text, c.want); }
  }
}

TEST_CASE("Shares stated for the parts of a figure", "[validate][disclosure]") {
  Case cases[] = {
      {"both shares hold",
       "本年收入合计1000.00万元，其中：财政拨款收入800.00万元，占80.00%；事业收入200."
       "00万元，"
       "占20.00%。\n",
       {}},
      {"a share that is not the part's",
       "本年收入合计1000.00万元，其中：财政拨款收入800.00万元，占70.00%；事业收入200."
       "00万元，"
       "占20.00%。\n",
       {{"rate.sentence", E, "70.00", ""}}},
      {"within rounding of the printed figures",
       "本年收入合计3万元，其中：财政拨款收入2万元，占比66.67%。\n",
       {}},
      {"a share naming its whole",
       "本年收入合计1000.00万元，其中：财政拨款收入800.00万元，占本年收入合计的90%。\n",
       {{"rate.sentence", E, "90", ""}}},
      {"a share of something else is left alone",
       "本年收入合计1000.00万元，其中：财政拨款收入800.00万元，占全区财政拨款的5%。\n",
       {}},
      {"no 其中: no whole to take the share of", "财政拨款收入800.00万元，占5%。\n", {}},
      {"a new sentence starts a new whole",
       "本年收入合计1000.00万元，其中：财政拨款收入800.00万元。事业收入200.00万元，占5%"
       "。\n",
       {}},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { Expect(c.text, c.want); }
  }
}

TEST_CASE("Change against last year from this year's figure and the change printed",
          "[validate][disclosure]") {
  Case cases[] = {
      {"总计 with the change and its rate",
       "收入支出总计1100.00万元。与2023年度相比，收入支出总计增加100.00万元，增长10.00%"
       "。\n",
       {}},
      {"a fall read as a fall",
       "本年收入合计900.00万元，比上年减少100.00万元，下降10.00%。\n",
       {}},
      {"a rate that is not the change's",
       "本年支出合计900.00万元，比上年减少100.00万元，下降12.00%。\n",
       {{"rate.sentence", E, "-12.00", ""}}},
      // Both printed to the unit: last year's 2 may be anything from 1 to 3,
      // so 33% (1 / 3) is reachable though 1 / 2 is 50%.
      {"within the rounding of both printed figures",
       "支出合计3万元，比上年增加1万元，增长33%。\n",
       {}},
      {"a direction that contradicts itself is not read",
       "本年支出合计900.00万元，比上年增加100.00万元，下降50.00%。\n",
       {}},
      {"决算 against 年初预算",
       "“三公”经费财政拨款支出年初预算为20.00万元，支出决算为15.00万元，完成预算的80.00%"
       "。\n",
       {{"rate.sentence", E, "80.00", ""}}},
      {"决算 against 年初预算 that holds",
       "一般公共预算财政拨款支出年初预算为200.00万元，支出决算为190."
       "00万元，完成年初预算的"
       "95.00%。\n",
       {}},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { Expect(c.text, c.want); }
  }
}

TEST_CASE("Totals the text states against the tables they name",
          "[validate][disclosure]") {
  auto doc = [](const char* sentence, const char* carry_row) {
    return std::string(kCover) + sentence +
           "\n\n2026年部门财务收支预算总表\n单位：元\n"
           "项目\t预算数\t项目\t预算数\n"
           "一、财政拨款收入\t1000000.00\t一、公共安全支出\t1000000.00\n" +
           carry_row + "收入总计\t1000000.00\t支出总计\t1000000.00\n";
  };
  Case cases[] = {
      {"收入预算 and 财政拨款收入 as the 总表 prints them",
       doc("2026年，某局收入预算100.00万元，其中：财政拨款收入100.00万元。",
           "二、事业收入\t0.00\t\t\n"),
       {}},
      {"收入预算 the 总表 does not print",
       doc("2026年，某局收入预算110.00万元。", "二、事业收入\t0.00\t\t\n"),
       {{"disclosure.text_table", E, "1100000", "1000000.00"}}},
      {"支出预算 off the 总表's 支出总计",
       doc("支出预算90.00万元。", "二、事业收入\t0.00\t\t\n"),
       {{"disclosure.text_table", E, "900000", "1000000.00"}}},
      {"words naming 政府性基金 are no total of the 总表",
       doc("政府性基金拨款支出预算0万元。", "二、事业收入\t0.00\t\t\n"),
       {}},
      // 收入总计 holds 上年结转 here; "收入预算" may or may not.
      {"a 总表 side carrying last year's money: 收入预算 is left alone",
       doc("2026年，某局收入预算90.00万元。", "二、上年结转\t0.00\t\t\n"),
       {}},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { Expect(c.text, c.want); }
  }
}

TEST_CASE("Words naming an item are no total of the unit", "[validate][disclosure]") {
  const std::string tables =
      "\n\n2026年部门财务收支预算总表\n单位：元\n"
      "项目\t预算数\t项目\t预算数\n"
      "一、财政拨款收入\t1000000.00\t一、公共安全支出\t1000000.00\n"
      "二、事业收入\t0.00\t\t\n"
      "收入总计\t1000000.00\t支出总计\t1000000.00\n";
  Case cases[] = {
      {"项目支出预算", std::string(kCover) + "项目支出预算40.00万元。" + tables, {}},
      {"事业收入预算", std::string(kCover) + "事业收入预算5.00万元。" + tables, {}},
      {"一般公共预算财政拨款收入 is not all 财政拨款收入",
       std::string(kCover) + "一般公共预算财政拨款收入90.00万元。" + tables,
       {}},
      {"“三公”经费财政拨款支出",
       std::string(kCover) + "“三公”经费财政拨款支出10.81万元。" + tables,
       {}},
      {"the unit's own 支出预算",
       std::string(kCover) + "某局支出预算90.00万元。" + tables,
       {{"disclosure.text_table", E, "900000", "1000000.00"}}},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { Expect(c.text, c.want); }
  }
}

TEST_CASE("Column groups stay bounded on a hostile header", "[validate][disclosure]") {
  // Thousands of 合计 over as many 小计: each total's group is read once.
  std::string top = "项目", sub = "", row = "甲";
  for (int i = 0; i < 3000; ++i) {
    top += "\t合计";
    sub += "\t小计";
    row += "\t1";
  }
  auto start = std::chrono::steady_clock::now();
  Validation v = CheckText(top + "\n" + sub + "\n" + row + "\n" + row + "\n");
  // Read group by group this took seconds; a row of 3000 totals is no table.
  CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() <
        4);
  for (const Finding& f : v.findings) CHECK(f.rule != "sum.column");
}

namespace {

std::string final_sangong() {
  return "财政拨款“三公”经费支出决算表\n单位：万元\n"
         "合计\t\t因公出国（境）费\t\t公务用车购置及运行维护费\t\t\t\t\t\t公务接待费\t\n"
         "\t\t\t\t小计\t\t公务用车购置费\t\t公务用车运行维护费\t\t\t\n"
         "预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数"
         "\t预算数\t"
         "决算数\n"
         "12.00\t11.00\t2.00\t1.00\t8.00\t8.00\t3.00\t3.00\t5.00\t5.00\t2.00\t2.00\n";
}

}  // namespace

TEST_CASE("“三公” and 机关运行经费 stated in a budget's text against its table",
          "[validate][disclosure]") {
  const std::string table =
      "\n\n2026年部门“三公”经费和机关运行经费预算表\n单位：万元\n"
      "“三公”经费预算数\t\t\t\t\t\t机关运行经费预算数\n"
      "合计\t因公出国(境)费\t公务接待费\t公务用车购置及运行费\t\t\t\n"
      "\t\t\t小计\t购置费\t运行费\t\n"
      "10.81\t0\t0.83\t9.98\t0\t9.98\t217.83\n";
  Case cases[] = {
      {"the text as the table prints it",
       std::string(kCover) +
           "2026年“三公”经费预算数为10.81万元。公务用车购置及运行费9."
           "98万元，其中：公务用车购置费0万元，"
           "公务用车运行费9.98万元。公务接待费0.83万元。机关运行经费预算为217.83万元。" +
           table,
       {}},
      {"the 小计 stated otherwise",
       std::string(kCover) + "公务用车购置及运行费10.98万元。" + table,
       {{"disclosure.text_table", E, "109800", "99800"}}},
      {"机关运行经费 stated otherwise",
       std::string(kCover) + "机关运行经费预算为218.83万元。" + table,
       {{"disclosure.text_table", E, "2188300", "2178300"}}},
      // 预算数 and 决算数 side by side: which one the text means is not known.
      {"a 决算 table with both measures is left alone",
       std::string(kCover) + "“三公”经费预算数为13.00万元。\n\n" + final_sangong(),
       {}},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { Expect(c.text, c.want); }
  }
}
