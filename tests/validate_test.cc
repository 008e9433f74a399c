#include "validate/validate.h"

#include <catch2/catch.hpp>
#include <set>

#include "extract/extract.h"
#include "layout/layout.h"
#include "test_util.h"
#include "validate/check.h"
#include "validate_cases.h"

using namespace jx;
using namespace jx::test;

TEST_CASE("Sums in tables: totals, children, columns", "[validate]") {
  struct Case {
    const char* name;
    std::string text;
    std::vector<Want> want;
  } cases[] = {
      {"a total that adds up",
       "项目\t年初预算数\t决算数\n一、基本支出\t10.00\t9.00\n二、项目支出\t5.00\t5.00\n"
       "合计\t15.00\t14.00\n",
       {}},
      {"a total that does not",
       "项目\t年初预算数\t决算数\n一、基本支出\t10.00\t9.00\n二、项目支出\t5.00\t5.00\n"
       "合计\t15.00\t15.00\n",
       {{"sum.total", E, "15.00", "14"}}},
      {"rounding explains it: at most info",
       "项目\t决算数\n一般公共服务\t188.18\n社会保障和就业\t15.16\n卫生健康\t7.53\n"
       "住房保障\t12.92\n合计\t223.80\n",
       {{"sum.total", I, "223.80", "223.79"}}},
      {"a blank part is not zero",
       "项目\t决算数\t年初预算数\n甲\t5\t1\n乙\t\t1\n合计\t9\t2\n",
       {{"sum.total", W, "9", "5"}}},
      {"a numbered row and the rows under it",
       "项目\t调整预算数\t决算数\n一、基本支出\t6874309.59\t100.00\n人员经费\t5955094."
       "59\t60.00\n"
       "公用经费\t2215.00\t40.00\n二、项目支出\t917000.00\t0.00\n",
       {{"sum.children", E, "6874309.59", "5957309.59"}}},
      {"a 合计 column against the columns beside it",
       "预算结构\t项目\t合计\t一般公共预算安排\t政府性基金预算安排\n"
       "\t预算额(万元)\t2.24\t2.20\t0.14\n\t执行额(万元)\t2.24\t2.24\t0\n",
       {{"sum.column", E, "2.24", "2.34"}}},
      {"小计 rows close their groups",
       "项目\t金额\n一、基本支出\t\n人员经费\t80\n公用经费\t20\n小计\t100\n二、项目支出\t"
       "\n"
       "甲项目\t30\n乙项目\t20\n小计\t60\n合计\t150\n",
       {{"sum.subtotal", E, "60", "50"}}},
      {"其中 rows are parts of the row above, not of the total",
       "项目\t金额\n收入合计\t100\n财政拨款收入\t80\n其中：一般公共预算\t80\n其他收入\t20"
       "\n",
       {}},
      {"其中 rows that exceed their row",
       "项目\t金额\n收入合计\t100\n财政拨款收入\t80\n其中：一般公共预算\t70\n其中：政府性"
       "基金\t20\n"
       "其他收入\t20\n",
       {{"sum.parts_exceed", E, "80", "90"}}},
      {"not-applicable cells are skipped, not blank",
       "项目\t原值\n合计\t3.00\n甲\t1.00\n乙\t2.00\n丙\t--\n",
       {}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    Expect(c.text, c.want);
  }
}

TEST_CASE("Asset identities", "[validate]") {
  const std::string header =
      "项目\t资产情况\t\t\t\t\t\t\t\t\t\n"
      "\t期初\t\t本期增加\t\t本期减少\t\t期末账面数\t\t累计折旧\t净值\n"
      "\t数量\t原值\t数量\t原值\t数量\t原值\t数量\t原值\t\t\n";
  SECTION("consistent") {
    Expect(header + "计算机\t41\t22.67\t0\t0.00\t1\t0.60\t40\t22.07\t16.38\t5.69\n", {});
  }
  SECTION("a count that does not roll forward, and a net value off") {
    Expect(
        header + "计算机\t41\t22.67\t0\t0.00\t1\t0.60\t41\t22.07\t16.38\t5.96\n",
        {{"identity.assets", E, "41", "40"}, {"identity.net_value", E, "5.96", "5.69"}});
  }
}

TEST_CASE("Rates recomputed from their own row or sentence", "[validate]") {
  struct Case {
    const char* name;
    std::string text;
    std::vector<Want> want;
  } cases[] = {
      {"99.996% prints as 100.00%",
       "项目\t调整预算数\t决算数\t预算执行率\n基本支出\t6,874,309.59\t6,874,062.90\t100."
       "00%\n",
       {}},
      {"spending above the adjusted budget",
       "项目\t调整预算数\t决算数\n基本支出\t100.00\t120.00\n",
       {{"budget.overspend", W, "120.00", "100.00"}}},
      {"a wrong table rate",
       "项目\t调整预算数\t决算数\t预算执行率\n基本支出\t100.00\t80.00\t90.00%\n",
       {{"rate.table", E, "90.00", "80.0000"}}},
      // The header of the 全年预算数 column cut, its rest "数" naming nothing:
      // the rate agrees with that column, so which base is meant is a doubt.
      {"a rate that agrees with a column whose header names nothing",
       "项目\t年初预算数\t数\t全年执行数\t执行率\n基本支出\t120.00\t150.00\t135.00\t90."
       "00%\n",
       {{"rate.table", W, "90.00", "112.5000"}}},
      // No column explains it, but the base is a fallback (no 调整预算数 was
      // named) beside a column the header names nothing: which value the
      // rate should be is a guess, so the finding is a warning naming both.
      {"a rate against a fallback base beside a column naming nothing is a warning",
       "项目\t年初预算数\t数\t全年执行数\t执行率\n基本支出\t120.00\t160.00\t135.00\t90."
       "00%\n",
       {{"rate.table", W, "90.00", "112.5000"}}},
      {"a rate against the adjusted budget no other column explains is an error",
       "项目\t调整预算数\t数\t全年执行数\t执行率\n基本支出\t150.00\t160.00\t135.00\t80."
       "00%\n",
       {{"rate.table", E, "80.00", "90.0000"}}},
      {"a rate against a fallback base with every column named is an error",
       "项目\t年初预算数\t全年执行数\t执行率\n基本支出\t120.00\t135.00\t90.00%\n",
       {{"rate.table", E, "90.00", "112.5000"}}},
      {"a ratio in a sentence",
       "预算完成数200万元，预算数250万元，预算完成率=90%。\n",
       {{"rate.sentence", E, "90", "80.00"}}},
      {"a change rate in a sentence",
       "预算调整数223.8万元，年初预算数180.43万元，预算调整率=24%。\n",
       {}},
      {"a comparator that holds",
       "“三公经费”实际支出数0.48万元，预算安排数9万元，“三公经费”控制率＜100%。\n",
       {}},
      {"counts of people",
       "年末在职人员12人，编制部门批复编制数为15人，在职人员控制率＜100%。\n",
       {}},
      {"counts in Chinese numerals",
       "年末在职人员十二人，编制部门批复编制数为十五人，在职人员控制率为90%。\n",
       {{"rate.sentence", E, "90", "80.00"}}},
      {"budget first, actual second",
       "本年总预算2,215.00元，实际支出2,000.00元，执行率为100%。\n",
       {{"rate.sentence", E, "100", "90.29"}}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    Expect(c.text, c.want);
  }
}

TEST_CASE("Scores against weights, subtotals, totals and grades", "[validate]") {
  struct Case {
    const char* name;
    std::string text;
    std::vector<Want> want;
  } cases[] = {
      {"a consistent framework",
       "一级指标\t二级指标\t三级指标\t自评分数\n"
       "投入（40分）\t目标（40分）\t甲（40分）\t38\n"
       "产出（60分）\t数量（60分）\t乙（30分）\t30\n\t\t丙（30分）\t29\n合计\t97\t\n",
       {}},
      {"score above weight, total off",
       "一级指标\t二级指标\t三级指标\t自评分数\n"
       "投入（40分）\t目标（40分）\t甲（40分）\t38\n"
       "产出（60分）\t数量（60分）\t乙（30分）\t32\n\t\t丙（30分）\t29\n合计\t97\t\n",
       {{"score.exceeds_weight", E, "32", "30"}, {"score.total", E, "97", "99"}}},
      {"children's weights against the parent",
       "一级指标\t二级指标\t三级指标\t自评分数\n"
       "投入（40分）\t目标（40分）\t甲（30分）\t28\n"
       "产出（60分）\t数量（60分）\t乙（30分）\t30\n\t\t丙（30分）\t29\n",
       {{"score.weight_sum", E, "40", "30"}}},
      {"a 100-point framework that is not",
       "一级指标\t二级指标\t三级指标\t自评分数\n"
       "投入（40分）\t目标（40分）\t甲（40分）\t38\n"
       "产出（55分）\t数量（55分）\t乙（55分）\t50\n",
       {{"score.framework", E, "95", "100"}}},
      {"a printed subtotal against its items",
       "考核内容\t分值\t计分标准\t自评分数\n"
       "合计\t10\t\t7\n一、基础管理\t10\t\t7\n（一）甲\t5\t1.甲\t5\n（二）乙\t5\t2."
       "乙\t4\n",
       {{"score.subtotal", E, "7", "9"}}},
      {"a grade outside its band",
       "自评等级：优\n\n一级指标\t二级指标\t三级指标\t自评分数\n"
       "投入（40分）\t目标（40分）\t甲（40分）\t30\n"
       "产出（60分）\t数量（60分）\t乙（60分）\t55\n合计\t85\t\n",
       {{"grade.band", E, "85", "85"}}},
      {"the text's total against the table's",
       "本次绩效自评评分结果为96分。\n\n一级指标\t二级指标\t三级指标\t自评分数\n"
       "投入（40分）\t目标（40分）\t甲（40分）\t40\n"
       "产出（60分）\t数量（60分）\t乙（60分）\t57\n合计\t97\t\n",
       {{"score.text_total", E, "96", "97"}}},
      // The items' sum of a part of a form is not the form's total.
      {"the text's total against a part of a form",
       "本次绩效自评评分结果为96分。\n\n一级指标\t二级指标\t三级指标\t自评分数\n"
       "投入（40分）\t目标（40分）\t甲（40分）\t40\n",
       {}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    Expect(c.text, c.want);
  }
}

TEST_CASE("Forms, partitions, units and repeated figures", "[validate]") {
  struct Case {
    const char* name;
    std::string text;
    std::vector<Want> want;
  } cases[] = {
      {"funding sources that do not add up",
       "部门名称\t甲\n\t一、部门预算总额(万元)\t100.00\n\t1、资金来源：(1)财政拨款\t90."
       "00\n"
       "\t(2)其他资金\t5.00\n\t2、资金结构：(1)基本支出\t60.00\n\t(2)项目支出\t40.00\n",
       {{"sum.form", E, "100.00", "95"}}},
      {"a blank source is said, not invented",
       "部门名称\t甲\n\t一、部门预算总额(万元)\t100.00\n\t1、资金来源：(1)财政拨款\t90."
       "00\n"
       "\t(2)其他资金\t\n",
       {{"sum.form", W, "100.00", "90"}}},
      {"a spending plan of 100%",
       "\t资金支出计划（%）\n\t3月底\n\t6月底\n\t10月底\n\t12月底\n\n"
       "\t\n\t20%\n\t30%\n\t30%\n\t20%\n\n",
       {}},
      {"a spending plan of 90%",
       "\t资金支出计划（%）\n\t3月底\n\t6月底\n\t10月底\n\t12月底\n\n"
       "\t\n\t20%\n\t30%\n\t30%\n\t10%\n\n",
       {{"percent.partition", E, "90", "100"}}},
      // The first period's header merged into the row label: its share
      // stands under a blank header and is read both with and without.
      {"a plan share under a blank header closes the plan",
       "资金支出计划（%）3月底\t\t6月底\t10月底\t12月底\n\t20%\t30%\t30%\t20%\n",
       {}},
      // A narrow column cut the first period's header in two ("3月" over
      // "底"): its share stands under a header that names no period.
      {"a plan share under a cut header closes the plan",
       "资金支出计划（%）\t底\t6月底\t10月底\t12月底\n\t20%\t30%\t30%\t20%\n",
       {}},
      {"a plan share under a cut header that closes nothing is a doubt",
       "资金支出计划（%）\t底\t6月底\t10月底\t12月底\n\t20%\t30%\t30%\t30%\n",
       {{"percent.partition", W, "", ""}}},
      {"a plan no reading closes is a doubt",
       "资金支出计划（%）3月底\t\t6月底\t10月底\t12月底\n\t20%\t30%\t30%\t30%\n",
       {{"percent.partition", W, "", ""}}},
      {"a cumulative plan reaching 100%",
       "\t资金支出计划（%）\n\t3月底\n\t6月底\n\t10月底\n\t12月底\n\n"
       "\t\n\t25%\n\t50%\n\t75%\n\t100%\n\n",
       {}},
      {"a part that only closes in 万元",
       "我部门当年财政资金收入223.80万元（其中基本收入184.80万元，项目收入39元）。\n",
       {{"unit.slip", E, "39", "390000"}}},
      {"a sentence breakdown off by rounding only",
       "支出决算总额为223.80万元，其中：一般公共服务（类）支出188."
       "18万元，社会保障和就业（类）"
       "支出15.16万元，卫生健康（类）支出7.53万元，住房保障（类）支出12.92万元。\n",
       {{"sum.sentence", I, "", ""}}},
      {"the same figure in text and table, scaled by 10^4",
       "其中基本支出184.80万元，项目支出39万元。\n\n"
       "预算执行情况\t项目\t预算额(百元)\t执行额(百元)\n\t合计\t2.24\t2.24\n"
       "\t基本支出\t1.85\t1.85\n\t政策和项目支出\t0.39\t0.39\n",
       {{"unit.implausible", W, "2.24", "224"},
        {"unit.slip", E, "1.85", "18480.00"},
        {"unit.slip", E, "0.39", "3900.00"}}},
      {"two tables stating one figure differently",
       "表1\n\n项目\t决算数(万元)\n基本支出\t180.00\n项目支出\t20.00\n\n说明。\n\n表2\n\n"
       "项目\t决算数(万元)\n基本支出\t185.00\n",
       {{"figure.conflict", W, "185.00", "180.00"}}},
      // Project forms printed one after another under a department's form
      // and read as one table: the project's 年度预算金额 is not the
      // department's 预算总额.
      {"a project's budget below its 项目名称 row is the project's",
       "部门名称\t甲\n\t一、部门整体预算总额(万元)\t100.00\n\t1、资金来源：(1)"
       "财政拨款\t100."
       "00\n\n产出指标\t数量指标\t完成数\t10\n效益指标\t社会效益指标\t效果\t\n"
       "购买服务项目绩效目标表\t\t\t\n项目名称\t某项目\t年度预算金额(万元)\t20\n"
       "年度绩效目标\t完成\t\t\n",
       {}},
      {"the same figure with another value",
       "其中基本支出184.80万元。\n\n项目\t预算额(万元)\t执行额(万元)\n合计\t200.00\t200."
       "00\n"
       "基本支出\t180.00\t180.00\n项目支出\t20.00\t20.00\n",
       {{"figure.conflict", W, "180.00", "184.80"}}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    Expect(c.text, c.want);
  }
}

TEST_CASE("CompareSum follows the printed decimals", "[validate]") {
  using validate::CompareSum;
  using validate::Term;
  auto term = [](int64_t u, int s) { return Term{Decimal{u, s}, 1, false, "", {}}; };
  // 188.18 + 15.16 + 7.53 + 12.92 = 223.79 against 223.80: rounding.
  auto o = CompareSum(term(22380, 2),
                      {term(18818, 2), term(1516, 2), term(753, 2), term(1292, 2)});
  CHECK(o.consistent);
  CHECK_FALSE(o.exact);
  CHECK(o.tolerance.ToString() == "0.025");
  // 1 + 1 against 3: 1.49 + 1.49 = 2.98 prints as 3, so rounding explains it.
  o = CompareSum(term(3, 0), {term(1, 0), term(1, 0)});
  CHECK(o.consistent);
  // 1 + 1 against 4: it does not.
  o = CompareSum(term(4, 0), {term(1, 0), term(1, 0)});
  CHECK_FALSE(o.consistent);
  CHECK(o.difference.ToString() == "-2");
  Term exact = term(3, 0);
  exact.exact = true;
  o = CompareSum(exact, {term(2, 0)});
  CHECK_FALSE(o.consistent);
}

TEST_CASE("Hostile shapes finish and stay bounded", "[validate][errors]") {
  struct Case {
    const char* name;
    std::string text;
  };
  auto repeat = [](const std::string& s, int n) {
    std::string out;
    out.reserve(s.size() * static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) out += s;
    return out;
  };
  std::vector<Case> cases = {
      {"one line of ten thousand breakdowns", repeat("总额1元其中2元,3元", 10000) + "\n"},
      {"ten thousand total rows", "项目\t决算数\n" + repeat("合计\t1\n甲\t1\n", 10000)},
      {"a flat numbered score table",
       "考核内容\t分值\t计分标准\t自评分数\n" + repeat("一、甲\t1\t\t1\n", 10000)},
      {"deep merged cells",
       "一级指标\t二级指标\t三级指标\t自评分数\n甲（5分）\t乙\t丙\t1\n" +
           repeat("\t\t\t1\n", 10000)},
      {"a very wide row", "项目\t决算数\n合计\t" + repeat("1\t", 20000) + "\n"},
      {"a very long line", repeat("预算完成数223.8万元，", 20000) + "\n"},
      {"cell lines without end", repeat("\t1\n", 30000)},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    Validation v = CheckText(c.text);
    CHECK(v.findings.size() < 100000);
  }
}

TEST_CASE("Every rule is registered and documented", "[validate]") {
  std::string readme = ReadFile(std::string(JXAUDIT_SAMPLES) + "/../README.md");
  std::set<std::string> ids;
  for (const RuleInfo& r : Rules()) {
    INFO(r.id);
    CHECK(ids.insert(r.id).second);  // unique
    CHECK(readme.find(std::string("`") + r.id + "`") != std::string::npos);
  }
  for (const std::string& name : SeedSamples()) {
    Validation v = CheckText(ReadFile(SamplePath(name)));
    for (const Finding& f : v.findings) {
      INFO(f.rule);
      CHECK(ids.count(f.rule) == 1);
    }
  }
}

TEST_CASE("Two-sided tables: each side is summed by its own labels", "[validate]") {
  struct Case {
    const char* name;
    std::string text;
    std::vector<Want> want;
  } cases[] = {
      {"income and expenditure sides that each close",
       "项目\t预算数\t项目\t预算数\n"
       "一、财政拨款收入\t100.00\t一、公共安全支出\t70.00\n"
       "二、事业收入\t0.00\t二、社会保障和就业支出\t30.00\n"
       "收入总计\t100.00\t支出总计\t100.00\n",
       {}},
      {"the expenditure side does not close: its own total is named",
       "项目\t预算数\t项目\t预算数\n"
       "一、财政拨款收入\t100.00\t一、公共安全支出\t70.00\n"
       "二、事业收入\t0.00\t二、社会保障和就业支出\t20.00\n"
       "收入总计\t100.00\t支出总计\t100.00\n",
       {{"sum.total", E, "100.00", "90"}}},
      {"the income side does not close",
       "项目\t预算数\t项目\t预算数\n"
       "一、财政拨款收入\t90.00\t一、公共安全支出\t70.00\n"
       "二、事业收入\t0.00\t二、社会保障和就业支出\t30.00\n"
       "收入总计\t100.00\t支出总计\t100.00\n",
       {{"sum.total", E, "100.00", "90"}}},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { Expect(c.text, c.want); }
  }
}

TEST_CASE("A change against last year is not a part of the total", "[validate]") {
  struct Case {
    const char* name;
    std::string text;
    std::vector<Want> want;
  } cases[] = {
      {"比上年增加 after the parts",
       "收入预算9628.22万元，其中：财政拨款收入9628.22万元，比2026年预算增加793."
       "14万元。\n",
       {}},
      {"同比减少 among the parts",
       "支出预算100万元，其中：基本支出60万元，同比减少5万元，项目支出40万元。\n",
       {}},
      {"a part that does not add up is still found",
       "支出预算100万元，其中：基本支出60万元，项目支出30万元，比上年增加8万元。\n",
       {{"sum.sentence", E, "1000000", "900000"}}},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { Expect(c.text, c.want); }
  }
}

TEST_CASE("A two-sided finding names the rows of its own side", "[validate]") {
  Validation v = CheckText(
      "项目\t预算数\t项目\t预算数\n"
      "一、财政拨款收入\t100.00\t一、公共安全支出\t70.00\n"
      "二、事业收入\t0.00\t二、社会保障和就业支出\t20.00\n"
      "收入总计\t100.00\t支出总计\t100.00\n");
  REQUIRE(v.findings.size() == 1);
  const std::string& m = v.findings[0].message;
  INFO(m);
  CHECK(m.find("支出总计") != std::string::npos);
  CHECK(m.find("公共安全支出 70.00") != std::string::npos);
  CHECK(m.find("财政拨款收入") == std::string::npos);
}

TEST_CASE("Classification codes: 类 = Σ 款, 款 = Σ 项, 合计 = Σ 类", "[validate]") {
  const std::string split_header =
      "功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出\n"
      "类\t款\t项\t\t\t\t\n";
  struct Case {
    const char* name;
    std::string text;
    std::vector<Want> want;
  } cases[] = {
      {"a hierarchy that closes, codes split over 类/款/项",
       split_header + "204\t\t\t公共安全支出\t30.00\t10.00\t20.00\n"
                      "204\t06\t\t司法\t30.00\t10.00\t20.00\n"
                      "204\t06\t01\t行政运行\t10.00\t10.00\t0.00\n"
                      "204\t06\t04\t基层司法业务\t20.00\t0.00\t20.00\n"
                      "208\t\t\t社会保障和就业支出\t5.00\t5.00\t0.00\n"
                      "208\t05\t\t行政事业单位养老支出\t5.00\t5.00\t0.00\n"
                      "208\t05\t01\t行政单位离退休\t5.00\t5.00\t0.00\n"
                      "合计\t\t\t\t35.00\t15.00\t20.00\n",
       {}},
      {"a 项 that does not add up to its 款",
       split_header + "204\t\t\t公共安全支出\t30.00\t10.00\t20.00\n"
                      "204\t06\t\t司法\t30.00\t10.00\t20.00\n"
                      "204\t06\t01\t行政运行\t10.00\t10.00\t0.00\n"
                      "204\t06\t04\t基层司法业务\t25.00\t0.00\t25.00\n"
                      "合计\t\t\t\t30.00\t10.00\t20.00\n",
       {{"sum.code", E, "30.00", "35"}, {"sum.code", E, "20.00", "25"}}},
      {"codes whole in one column, 合计 against the 类",
       "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
       "204\t公共安全支出\t30.00\t10.00\t20.00\n"
       "20406\t司法\t30.00\t10.00\t20.00\n"
       "2040601\t行政运行\t30.00\t10.00\t20.00\n"
       "208\t社会保障和就业支出\t5.00\t5.00\t0.00\n"
       "合计\t\t36.00\t15.00\t20.00\n",
       {{"sum.code", E, "36.00", "35"}, {"sum.column", E, "36.00", "35"}}},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { Expect(c.text, c.want); }
  }
}

TEST_CASE("A header printed again mid-table goes on with its section", "[validate]") {
  // Two pages of one 功能分类 table, its header repeated at the second page's
  // top: the 合计 sums the 类 of both pages.
  Expect(
      "科目编码\t科目名称\t合计\n"
      "204\t公共安全支出\t30.00\n"
      "科目编码\t科目名称\t合计\n"
      "208\t社会保障和就业支出\t5.00\n"
      "合计\t\t35.00\n",
      {});
}

TEST_CASE("A header printed twice in a row mid-table goes on with its section",
          "[validate]") {
  // 甲's children are 乙 and 丙 on both sides of the two copies: 12 = 7 + 5.
  Expect(
      "一级指标\t二级指标\t三级指标\t自评分数\n"
      "过程（12分）\t甲（12分）\t乙（7分）\t7\n"
      "一级指标\t二级指标\t三级指标\t自评分数\n"
      "一级指标\t二级指标\t三级指标\t自评分数\n"
      "\t\t丙（5分）\t5\n",
      {});
}

TEST_CASE("Numbers beyond exact range are refused as such, never read as 0",
          "[validate]") {
  struct Case {
    const char* name;
    std::string text;
    std::vector<Want> want;
  } cases[] = {
      {"a 22-digit figure in a sentence",
       "收入预算1234567890123456789012万元，其中：财政拨款收入1万元，其他收入2万元。\n",
       {{"number.out_of_range", W, "", ""}}},
      {"a 22-digit part in a table: named, and the total not checked",
       "项目\t决算数\n一、基本支出\t1234567890123456789012\n二、项目支出\t5.00\n"
       "合计\t15.00\n",
       {{"number.out_of_range", W, "", ""}}},
      {"ten 18-digit parts: their sum has more digits than exact arithmetic keeps",
       [] {
         std::string t = "项目\t决算数\n";
         for (int i = 0; i < 10; ++i)
           t += "甲" + std::to_string(i) + "\t999999999999999999\n";
         return t + "合计\t9\n";
       }(),
       {}},
  };
  for (const Case& c : cases) {
    SECTION(c.name) {
      Validation v = CheckText(c.text);
      INFO(Show(v));
      for (const Finding& f : v.findings) {
        // Never an error, never a figure read as 0 or wrapped negative.
        CHECK(f.severity != Severity::kError);
        CHECK(f.computed.units >= 0);
      }
      size_t ranged = 0;
      for (const Finding& f : v.findings) ranged += f.rule == "number.out_of_range";
      if (!c.want.empty()) CHECK(ranged == c.want.size());
    }
  }
}

TEST_CASE("A sum beyond exact range is a warning, not a wrapped number", "[validate]") {
  validate::Term total{Decimal{9, 0}, 1, false, "合计", Location{}};
  std::vector<validate::Term> parts;
  for (int i = 0; i < 10; ++i)
    parts.push_back(
        validate::Term{Decimal{999999999999999999, 0}, 1, false, "x", Location{}});
  validate::SumOutcome o = validate::CompareSum(total, parts);
  CHECK(o.out_of_range);
  CHECK_FALSE(o.consistent);
  Validation v;
  validate::Sink sink(&v);
  sink.ReportSum("sum.total", total, parts, "t1", "元");
  REQUIRE(v.findings.size() == 1);
  CHECK(v.findings[0].severity == Severity::kWarning);
  CHECK(v.findings[0].message.find("超出可精确计算的范围") != std::string::npos);
}

TEST_CASE("A file no rule checked a number of says so", "[validate]") {
  struct Case {
    const char* name;
    std::string text;
    bool note;
  } cases[] = {
      {"prose of another genre", "会议纪要\n今天天气很好，大家讨论了工作安排。\n", true},
      {"a report whose figures were not read", "2024年度部门整体支出绩效自评报告\n无\n",
       true},
      {"a total checked", "项目\t金额\n甲\t1\n乙\t2\n合计\t3\n", false},
      {"a finding made", "项目\t金额\n甲\t1\n乙\t2\n合计\t4\n", false},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    Validation v = CheckText(c.text);
    INFO(Show(v));
    size_t notes = 0;
    for (const Finding& f : v.findings)
      if (f.rule == "document.nothing_checked") {
        ++notes;
        CHECK(f.severity == I);
      }
    CHECK(notes == (c.note ? 1u : 0u));
  }
  // The genre named when it was recognised.
  Validation v = CheckText("2024年度部门整体支出绩效自评报告\n无\n");
  REQUIRE(!v.findings.empty());
  CHECK(v.findings.back().message.find("未识别") == std::string::npos);
}
