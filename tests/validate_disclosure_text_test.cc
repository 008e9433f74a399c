// 预算/决算 disclosures, the text: items by code, their 预算安排 and names,
// compared years and periods, shares and changes against last year, and the
// totals the text states against the tables. Each rule has cases where it must
// stay silent.
#include <chrono>

#include "disclosure_cases.h"

using namespace jx;
using namespace jx::test;
using namespace jx::test::disclosure;

namespace {

// A 功能分类表 in 元 with 204 / 204 06 / 204 06 01.
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
    SECTION(c.name) { ExpectDisclosure(c.text, c.want); }
  }
}

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
    SECTION(c.name) { ExpectDisclosure(c.text, c.want); }
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
    SECTION(c.name) { ExpectDisclosure(c.text, c.want); }
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
    SECTION(c.name) { ExpectDisclosure(c.text, c.want); }
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
    SECTION(c.name) { ExpectDisclosure(c.text, c.want); }
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
    SECTION(c.name) { ExpectDisclosure(c.text, c.want); }
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
    SECTION(c.name) { ExpectDisclosure(c.text, c.want); }
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
    SECTION(c.name) { ExpectDisclosure(c.text, c.want); }
  }
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

TEST_CASE("A finding's difference is computed less stated, as in every rule",
          "[validate][disclosure]") {
  Validation v =
      CheckText(kCover + Item("公共安全支出", "1672.67", "1601.50") + kFunction);
  REQUIRE(v.findings.size() == 1);
  const Finding& f = v.findings[0];
  Decimal want;
  REQUIRE(SubDecimal(f.computed, f.stated, &want));
  CHECK(f.difference.ToString() == want.ToString());
  CHECK(f.difference.ToString() == "71.17");
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
    SECTION(c.name) { ExpectDisclosure(c.text, c.want); }
  }
}

TEST_CASE("The “三公” the text states: its sums and a zero after a bracketed word",
          "[validate][disclosure]") {
  const std::string table =
      "\n\n2026年部门“三公”经费和机关运行经费预算表\n单位：万元\n"
      "“三公”经费预算数\t\t\t\t\t\t机关运行经费预算数\n"
      "合计\t因公出国(境)费\t公务接待费\t公务用车购置及运行费\t\t\t\n"
      "\t\t\t小计\t购置费\t运行费\t\n"
      "10.81\t0\t0.83\t9.98\t0\t9.98\t217.83\n";
  auto text = [](const char* total, const char* abroad, const char* vehicle,
                 const char* running) {
    return std::string(kCover) + "2026年“三公”经费预算数为" + total +
           "万元，与2025年预算数持平。其中：\n\n（一）因公出国（境）费" + abroad +
           "万元，与2025年预算数持平。\n\n（二）公务用车购置及运行费" + vehicle +
           "万元，与2025年预算数持平。其中：公务用车购置费0万元，与2025年预算数持平；"
           "公务用车运行费" +
           running + "万元，与2025年预算数持平。\n\n（三）公务接待费0.83万元。\n\n";
  };
  Case cases[] = {
      {"the text adds up and agrees with the table",
       text("10.81", "0", "9.98", "9.98") + table,
       {}},
      {"因公出国（境）费 stated otherwise than the table's 0",
       text("10.81", "1", "9.98", "9.98") + table,
       {{"sum.sentence", E, "108100", "118100"},
        {"disclosure.text_table", E, "10000", "0"}}},
      {"the total is not its three items",
       text("11.81", "0", "9.98", "9.98"),
       {{"sum.sentence", E, "118100", "108100"}}},
      {"公务用车购置及运行费 is not 购置 + 运行",
       text("10.81", "0", "9.98", "8.98"),
       {{"sum.sentence", E, "99800", "89800"}}},
      {"an item stated twice (预算数 and 决算数): left alone",
       text("11.81", "0", "9.98", "9.98") + "公务接待费预算0.50万元。\n",
       {}},
      {"a 决算's words for the total",
       "上海市某区民政局2024年度部门决算\n\n2024年度“三公”经费财政拨款支出决算为12."
       "50万元。\n\n（一）因公出国（境）费0万元。\n\n（二）公务用车购置及运行维护费9."
       "00万元。其中：公务用车购置费0万元；公务用车运行维护费9.00万元。\n\n（三）"
       "公务接待费2.50万元。\n",
       {{"sum.sentence", E, "125000", "115000"}}},
      {"an item not stated: left alone",
       std::string(kCover) + "2026年“三公”经费预算数为11.81万元。公务接待费0.83万元。\n",
       {}},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { ExpectDisclosure(c.text, c.want); }
  }
}
