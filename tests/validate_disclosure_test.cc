// 预算/决算 disclosures, the tables: the 收支总表 balance, column groups
// (“三公”, 基本支出), 基本支出 rows, figures across tables and the tables listed as
// not checked. Each rule has cases where it must stay silent.
#include <chrono>

#include "disclosure_cases.h"

using namespace jx;
using namespace jx::test;
using namespace jx::test::disclosure;

namespace {

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
    SECTION(c.name) { ExpectDisclosure(c.text, c.want); }
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
    SECTION(c.name) { ExpectDisclosure(c.text, c.want); }
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
    SECTION(c.name) { ExpectDisclosure(c.text, c.want); }
  }
}

namespace {
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
    SECTION(c.name) { ExpectDisclosure(c.text, c.want); }
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
    SECTION(c.name) { ExpectDisclosure(c.text, c.want); }
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
    SECTION(c.name) { ExpectDisclosure(c.text, c.want); }
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
    SECTION(c.name) { ExpectDisclosure(c.text, c.want); }
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
    SECTION(c.name) { ExpectDisclosure(c.text, c.want); }
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

// A 政府性基金预算财政拨款收入支出决算表 with one 类/款/项 chain, in 万元.
std::string FundTable(const char* begin, const char* income, const char* expense,
                      const char* basic, const char* project, const char* end) {
  std::string row = std::string("\t") + begin + "\t" + income + "\t" + expense + "\t" +
                    basic + "\t" + project + "\t" + end + "\n";
  return std::string(
             "政府性基金预算财政拨款收入支出决算表\n单位：万元\n"
             "功能分类科目编码\t科目名称\t年初结转和结余\t本年收入\t本年支出\t\t\t年末结"
             "转和"
             "结余\n"
             "\t\t\t\t合计\t基本支出\t项目支出\t\n"
             "合计\t") +
         row + "229\t其他支出" + row + "22960\t彩票公益金安排的支出" + row +
         "2296002\t用于社会福利的彩票公益金支出" + row;
}

}  // namespace

TEST_CASE("A fund's 决算表: 年初结转和结余 + 本年收入 − 本年支出 = 年末结转和结余",
          "[validate][disclosure]") {
  Case cases[] = {
      {"every row carries over",
       FundTable("10.00", "50.00", "45.00", "0.00", "45.00", "15.00"),
       {}},
      {"年末 is not 年初 + 收入 − 支出",
       FundTable("10.00", "50.00", "45.00", "0.00", "45.00", "25.00"),
       {{"identity.carry", E, "25.00", "15"},
        {"identity.carry", E, "25.00", "15"},
        {"identity.carry", E, "25.00", "15"},
        {"identity.carry", E, "25.00", "15"}}},
      {"within rounding of the four prints: told as rounding",
       FundTable("10.004", "50.00", "45.00", "0.00", "45.00", "15.00"),
       {{"identity.carry", I, "", ""},
        {"identity.carry", I, "", ""},
        {"identity.carry", I, "", ""},
        {"identity.carry", I, "", ""}}},
      {"no 年初 column: not read",
       "政府性基金预算财政拨款收入支出决算表\n单位：万元\n"
       "功能分类科目编码\t科目名称\t本年收入\t本年支出\t年末结转和结余\n"
       "229\t其他支出\t50.00\t45.00\t25.00\n"
       "合计\t\t50.00\t45.00\t25.00\n",
       {}},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { ExpectDisclosure(c.text, c.want); }
  }
}

TEST_CASE("A 收入/支出决算表's 本年收入合计 is the total of its row",
          "[validate][disclosure]") {
  auto income = [](const char* total, const char* fiscal) {
    std::string row =
        std::string(total) + "\t" + fiscal + "\t0.00\t20.00\t0.00\t0.00\t5.00\n";
    return "收入决算表\n单位：万元\n"
           "功能分类科目编码\t科目名称\t本年收入合计\t财政拨款收入\t上级补助收入\t事业收"
           "入\t"
           "经营收入\t附属单位上缴收入\t其他收入\n"
           "合计\t\t" +
           row + "205\t教育支出\t" + row + "20502\t普通教育\t" + row +
           "2050205\t高中教育\t" + row;
  };
  auto expense = [](const char* total) {
    std::string row = std::string(total) + "\t60.00\t40.00\t0.00\t0.00\t0.00\n";
    return "支出决算表\n单位：万元\n"
           "功能分类科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\t上缴上级支出\t"
           "经营支出\t对附属单位补助支出\n"
           "合计\t\t" +
           row + "205\t教育支出\t" + row + "20502\t普通教育\t" + row +
           "2050205\t高中教育\t" + row;
  };
  Case cases[] = {
      {"收入: the row adds up", income("125.00", "100.00"), {}},
      {"收入: 本年收入合计 is not its columns",
       income("135.00", "100.00"),
       {{"sum.column", E, "135.00", "125"},
        {"sum.column", E, "135.00", "125"},
        {"sum.column", E, "135.00", "125"},
        {"sum.column", E, "135.00", "125"}}},
      {"支出: the row adds up", expense("100.00"), {}},
      {"支出: 本年支出合计 is not its columns",
       expense("90.00"),
       {{"sum.column", E, "90.00", "100"},
        {"sum.column", E, "90.00", "100"},
        {"sum.column", E, "90.00", "100"},
        {"sum.column", E, "90.00", "100"}}},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { ExpectDisclosure(c.text, c.want); }
  }
}

namespace {

// A 决算's 一般公共预算财政拨款支出决算表 (合计 基本支出 800) and its 基本支出决算表
// in two halves, ending in 人员经费合计 | 公用经费合计 on one row.
std::string EconomicHalves(const char* personnel, const char* pub) {
  return std::string(
             "一般公共预算财政拨款支出决算表\n单位：万元\n"
             "功能分类科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
             "201\t一般公共服务支出\t900.00\t800.00\t100.00\n"
             "合计\t\t900.00\t800.00\t100.00\n\n"
             "一般公共预算财政拨款基本支出决算表\n单位：万元\n"
             "经济分类科目编码\t科目名称\t决算数\t经济分类科目编码\t科目名称\t决算数\n"
             "301\t工资福利支出\t") +
         personnel + "\t302\t商品和服务支出\t" + pub + "\n人员经费合计\t\t" + personnel +
         "\t公用经费合计\t\t" + pub + "\n";
}

}  // namespace

TEST_CASE("A 决算's 人员经费合计 and 公用经费合计 against the 功能分类表's 基本支出",
          "[validate][disclosure]") {
  Case cases[] = {
      {"the two halves make the 基本支出", EconomicHalves("640.00", "160.00"), {}},
      // The right half's label is not read: what rests on it is a warning.
      {"the two halves miss the 基本支出",
       EconomicHalves("640.00", "170.00"),
       {{"disclosure.cross_table", W, "8000000", "8100000"}}},
      {"two rows of those labels: an error",
       "一般公共预算财政拨款支出决算表\n单位：万元\n"
       "功能分类科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
       "201\t一般公共服务支出\t900.00\t800.00\t100.00\n"
       "合计\t\t900.00\t800.00\t100.00\n\n"
       "一般公共预算财政拨款基本支出决算表\n单位：万元\n"
       "经济分类科目编码\t科目名称\t决算数\n"
       "301\t工资福利支出\t640.00\n302\t商品和服务支出\t170.00\n"
       "人员经费合计\t\t640.00\n公用经费合计\t\t170.00\n",
       {{"disclosure.cross_table", E, "8000000", "8100000"}}},
      {"no 功能分类表: nothing to compare",
       EconomicHalves("640.00", "170.00")
           .substr(EconomicHalves("640.00", "170.00")
                       .find("一般公共预算财政拨款基本支出决算表")),
       {}},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { ExpectDisclosure(c.text, c.want); }
  }
}

TEST_CASE("A 收支总表 whose 本年合计 label did not survive is not summed as a list",
          "[validate][disclosure]") {
  // The print wrapped 使用非财政拨款结余 into the 本年收入合计 cell: the 总计 is
  // still no sum of the numbered items alone.
  const std::string table =
      "收入支出决算总表\n单位：万元\n"
      "项目\t决算数\t项目\t决算数\n"
      "一、一般公共预算财政拨款收入\t1000.00\t一、一般公共服务支出\t900.00\n"
      "二、事业收入\t20.00\t二、住房保障支出\t40.00\n"
      "本年收入合计使用非财\t1020.00\t本年支出合计\t940.00\n"
      "政拨款结余\t0.00\t结余分配\t0.00\n"
      "年初结转和结余\t30.00\t年末结转和结余\t110.00\n"
      "总计\t1050.00\t总计\t1050.00\n";
  ExpectDisclosure(table, {});
  // Without the title it is a list whose 总计 is checked as ever.
  Validation v = CheckText(table.substr(table.find('\n') + 1));
  bool total = false;
  for (const Finding& f : v.findings) total |= f.rule == "sum.total";
  CHECK(total);
}
