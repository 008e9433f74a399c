// Readings of consistent documents that must give nothing, each beside the
// same form with an inconsistency planted, which must give its finding: a
// 其中 list printed without its 其中 on later rows, a bracketed breakdown
// inside a breakdown, a printed 0万元, a group's own 小计 row, numbered labels
// under a 一级指标 heading, a score one point over its weight, the budget
// block of a form printed as a table of its own.
#include <catch2/catch.hpp>

#include "validate_cases.h"

namespace jx::test {
namespace {

TEST_CASE("A 其中 list continued on unmarked rows is read as the list", "[validate]") {
  const std::string head = "表1 支出情况\n项目\t全年预算数（元）\t全年执行数（元）\n";
  struct Case {
    const char* name;
    std::string text;
    std::vector<Want> want;
  } cases[] = {
      {"公用经费 under 其中：人员经费 closes 基本支出",
       head + "合计\t7,125,600.00\t6,832,450.00\n基本支出\t4,280,000.00\t4,215,800.00\n"
              "其中：人员经费\t3,702,000.00\t3,650,200.00\n公用经费\t578,000.00\t565,600."
              "00\n"
              "项目支出\t2,845,600.00\t2,616,650.00\n",
       {}},
      {"a row that does not close the list is the next item",
       head +
           "合计\t1,000,000.00\t900,000.00\n基本支出\t600,000.00\t550,000.00\n"
           "其中：人员经费\t500,000.00\t450,000.00\n项目支出\t400,000.00\t350,000.00\n",
       {}},
      {"a total neither reading closes is reported on the list's reading",
       head + "合计\t7,225,600.00\t6,832,450.00\n基本支出\t4,280,000.00\t4,215,800.00\n"
              "其中：人员经费\t3,702,000.00\t3,650,200.00\n公用经费\t578,000.00\t565,600."
              "00\n"
              "项目支出\t2,845,600.00\t2,616,650.00\n",
       {{"sum.total", E, "7225600.00", "7125600"}}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    Expect(c.text, c.want);
  }
}

TEST_CASE("Breakdowns in a sentence: brackets and printed zeros", "[validate]") {
  const std::string budget = "某镇人民政府2025年部门预算\n\n";
  struct Case {
    const char* name;
    std::string text;
    std::vector<Want> want;
  } cases[] = {
      {"a bracketed breakdown is its part's own, not more parts",
       budget +
           "2025年“三公”经费预算14.50万元，其中：因公出国（境）费0万元，公务用车购置及"
           "运行费10.50万元（其中：公务用车购置费0万元，公务用车运行费10.50万元），公务"
           "接待费4.00万元。\n",
       {}},
      {"the bracketed breakdown is checked on its own",
       budget +
           "2025年“三公”经费预算14.50万元，其中：因公出国（境）费0万元，公务用车购置及"
           "运行费10.50万元（其中：公务用车购置费0万元，公务用车运行费9.50万元），公务"
           "接待费4.00万元。\n",
       {{"sum.sentence", E, "105000", "95000"}}},
      // ±5000 元 for a printed 0万元 would hide a 5000 元 gap; said once, not
      // again by the text's “三公” sums.
      {"a printed 0万元 is zero",
       budget +
           "2025年“三公”经费预算14.50万元，其中：因公出国（境）费0万元，公务用车购置及"
           "运行费10.50万元，公务接待费4.50万元。\n",
       {{"sum.sentence", E, "145000", "150000"}}},
      {"a list cut at the paragraph's end is only a warning",
       "年末总资产账面价值181,677.15元，其中，流动资产887.01元，固定资产账面价值178,770."
       "14"
       "元，无形资\n\n产账面价值2,020元。\n",
       {{"sum.sentence", W, "181677.15", "179657.15"}}},
      {"a zero is no unit slip",
       "2025年“三公”经费预算17.50万元，其中：因公出国（境）费0万元，公务用车购置及"
       "运行费10.50万元，公务接待费5.00万元。\n",
       {{"sum.sentence", E, "175000", "155000"}}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    Expect(c.text, c.want);
  }
}

TEST_CASE("Score tables: group subtotals, numbered levels, exact weights", "[validate]") {
  const std::string grid =
      "一级指标\t二级指标\t三级指标\t分值\t得分\n"
      "产出指标\t数量指标\t甲\t30\t28\n\t质量指标\t乙\t20\t20\n";
  const std::string numbered =
      "一级指标\t分值\t得分\n一、投入（20分）\t\t\n（一）预算编制\t10\t9\n（二）目标设定"
      "\t10\t10\n"
      "二、产出（80分）\t\t\n（一）产出数量\t40\t38\n（二）产出质量\t40\t40\n";
  struct Case {
    const char* name;
    std::string text;
    std::vector<Want> want;
  } cases[] = {
      {"a group's own 小计 row closes its group",
       grid + "产出指标小计\t\t\t50\t48\n效益指标\t社会效益指标\t丙\t50\t45\n"
              "效益指标小计\t\t\t50\t45\n总分\t\t\t100\t93\n",
       {}},
      {"a plain 小计 row likewise",
       grid + "小计\t\t\t50\t48\n效益指标\t社会效益指标\t丙\t50\t45\n小计\t\t\t50\t45\n"
              "总分\t\t\t100\t93\n",
       {}},
      {"a 小计 that does not close its group",
       grid + "产出指标小计\t\t\t50\t47\n效益指标\t社会效益指标\t丙\t50\t45\n"
              "效益指标小计\t\t\t50\t45\n总分\t\t\t100\t92\n",
       {{"score.subtotal", E, "47", "48"}}},
      {"labels numbered at two depths under a 一级指标 heading",
       numbered + "合计\t100\t97\n",
       {}},
      {"a total off under numbered labels",
       numbered + "合计\t100\t95\n",
       {{"score.total", E, "95", "97"}}},
      {"a form's 年度资金总额 block printed as a table of its own",
       "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
       "年度资金总额\t100.00\t100.00\t90.00\t10\t90.00%\t9\n\n" +
           numbered.substr(0, numbered.find("二、")) +
           "二、产出（70分）\t\t\n（一）产出数量\t40\t38\n（二）产出质量\t30\t30\n"
           "合计\t100\t96\n",
       {}},
      {"that block's score counts toward the total",
       "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
       "年度资金总额\t100.00\t100.00\t90.00\t10\t90.00%\t9\n\n" +
           numbered.substr(0, numbered.find("二、")) +
           "二、产出（70分）\t\t\n（一）产出数量\t40\t38\n（二）产出质量\t30\t30\n"
           "合计\t100\t95\n",
       {{"score.total", E, "95", "96"}}},
      {"the text's total counts that block beside a grid that totals itself",
       "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
       "年度资金总额\t100.00\t100.00\t90.00\t10\t90.00%\t9\n\n" +
           numbered + "合计\t100\t97\n\n自评得分106分，自评等级为优。\n",
       {}},
      {"a grade against the text's own score",
       "一级指标\t二级指标\t三级指标\t分值\t得分\n投入\t预算\t预算编制\t10\t9\n"
       "产出\t数量\t完成量\t90\t80\n合计\t\t\t100\t89\n\n"
       "资金执行得分9分，绩效指标得分89分，自评得分98分。自评等级为良。\n",
       {{"grade.band", E, "98", "98"}, {"score.text_total", E, "98", "89"}}},
      {"a grade against the text's score with no table read",
       "自评得分83.01分，自评等级为优。\n",
       {{"grade.band", E, "83.01", "83.01"}}},
      // One grade per form, and only one form's scores read: the first
      // grade is not the document's, and is not set against that form.
      {"grades that differ by form are no document grade",
       "自评等级：优\n\n项目名称\t甲\n主管部门\t乙\n\n自评等级：良\n\n"
       "项目名称\t丙\n主管部门\t丁\n\n"
       "一级指标\t分值\t得分\n产出\t60\t50\n效益\t40\t35\n合计\t100\t85\n",
       {}},
      {"the same grade declared twice is the document's",
       "自评等级：优\n\n项目名称\t甲\n主管部门\t乙\n\n自评等级：优\n\n"
       "项目名称\t丙\n主管部门\t丁\n\n"
       "一级指标\t分值\t得分\n产出\t60\t50\n效益\t40\t35\n合计\t100\t85\n",
       {{"grade.band", E, "85", "85"}}},
      // Bands grade a 100-point framework: a table of 30 points is a piece.
      {"a grade is not set against a table of another framework",
       "自评等级：优\n\n一级指标\t分值\t得分\n产出\t20\t10\n效益\t10\t5\n合计\t30\t15\n",
       {}},
      {"three places where weights do not add up: the hierarchy is in doubt",
       "一级指标\t分值\t得分\n一、投入（20分）\t\t\n（一）甲\t5\t5\n（二）乙\t5\t5\n"
       "二、产出（40分）\t\t\n（一）丙\t10\t10\n三、效益（40分）\t\t\n（一）丁\t10\t9\n"
       "合计\t100\t29\n",
       {{"score.weight_sum", W, "20", "10"},
        {"score.weight_sum", W, "40", "10"},
        {"score.weight_sum", W, "40", "10"}}},
      {"a grade set against a doubted table is doubted with it",
       "自评等级：优\n\n一级指标\t分值\t得分\n一、投入（20分）\t\t\n（一）甲\t5\t5\n"
       "（二）乙\t5\t5\n二、产出（40分）\t\t\n（一）丙\t10\t10\n三、效益（40分）\t\t\n"
       "（一）丁\t10\t9\n合计\t100\t29\n",
       {{"grade.band", W, "29", "29"},
        {"score.weight_sum", W, "20", "10"},
        {"score.weight_sum", W, "40", "10"},
        {"score.weight_sum", W, "40", "10"}}},
      {"two such places are errors",
       "一级指标\t分值\t得分\n一、投入（20分）\t\t\n（一）甲\t5\t5\n（二）乙\t5\t5\n"
       "二、产出（40分）\t\t\n（一）丙\t10\t10\n三、效益（10分）\t\t\n（一）丁\t10\t9\n"
       "合计\t70\t29\n",
       {{"score.weight_sum", E, "20", "10"}, {"score.weight_sum", E, "40", "10"}}},
      {"a score one point over its weight",
       "一级指标\t二级指标\t三级指标\t分值\t得分\n投入\t预算\t预算编制\t10\t11\n"
       "产出\t数量\t完成量\t90\t80\n合计\t\t\t100\t91\n",
       {{"score.exceeds_weight", E, "11", "10"}}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    Expect(c.text, c.want);
  }
}

}  // namespace
}  // namespace jx::test
