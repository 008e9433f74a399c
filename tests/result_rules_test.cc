// The result rules (scores against what was achieved), the funds block of a
// project form and the cross-document check.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "extract/extract.h"
#include "ingest/read.h"
#include "layout/layout.h"
#include "test_util.h"
#include "validate/cross.h"
#include "validate/validate.h"

using namespace jx;
using namespace jx::test;

namespace {

Extraction ExtractText(const std::string& text, const std::string& name = "t.txt") {
  Document doc = DocFromText(text, name);
  Layout l = BuildLayout(doc, ProjectPatterns());
  return Extract(doc, l, ProjectPatterns());
}

// "rule severity" of the findings whose rule starts with `prefix`.
std::vector<std::string> Found(const std::string& text, const std::string& prefix) {
  Validation v = Validate(ExtractText(text), ProjectPatterns());
  std::vector<std::string> out;
  for (const Finding& f : v.findings)
    if (f.rule.starts_with(prefix))
      out.push_back(f.rule + " " + SeverityName(f.severity));
  return out;
}

// A national 项目支出绩效自评表 with one indicator row.
struct Row {
  std::string level2 = "数量指标";
  std::string name = "完成户数";
  std::string target, actual, weight = "10", score, reason = "说明";
};

std::string Form(const Row& r) {
  return "项目支出绩效自评表\n（2023年度）\n\n项目名称\t测试项目\n"
         "主管部门\t某县某局\t实施单位\t某中心\n"
         "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
         "\t年度资金总额\t100.00\t100.00\t100.00\t10\t100.00%\t10\n"
         "\t其中：当年财政拨款\t100.00\t100.00\t100.00\t—\t—\t—\n"
         "\t上年结转资金\t0.00\t0.00\t0.00\t—\t—\t—\n"
         "\t其他资金\t0.00\t0.00\t0.00\t—\t—\t—\n"
         "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t"
         "偏差原因分析及改进措施\n"
         "\t产出指标\t" +
         r.level2 + "\t" + r.name + "\t" + r.target + "\t" + r.actual + "\t" + r.weight +
         "\t" + r.score + "\t" + r.reason + "\n";
}

}  // namespace

TEST_CASE("Scores against results, in both directions", "[result]") {
  struct Case {
    const char* name;
    Row row;
    std::vector<std::string> want;
  } cases[] = {
      // Positive.
      {"≥90% against 92% full marks",
       {.target = "≥90%", .actual = "92%", .score = "10"},
       {}},
      {"≥90% against 92% points lost",
       {.target = "≥90%", .actual = "92%", .score = "9"},
       {"result.points_lost warning"}},
      {"≥90% against 85% full marks",
       {.target = "≥90%", .actual = "85%", .score = "10"},
       {"result.full_marks_short error"}},
      {"≥90% against 85% proportional",
       {.target = "≥90%", .actual = "85%", .score = "9.4"},
       {}},
      {"≥90% against 85% scored too low",
       {.target = "≥90%", .actual = "85%", .score = "8"},
       {"result.method warning"}},
      {"≥100百分比 against 100%",
       {.target = "≥100百分比", .actual = "100%", .score = "10"},
       {}},
      {"100% target met", {.target = "100%", .actual = "100%", .score = "10"}, {}},
      {"100% target missed with full marks",
       {.target = "100%", .actual = "98%", .score = "10"},
       {"result.full_marks_short error"}},
      {"100% target missed and scored",
       {.target = "100%", .actual = "98%", .score = "9.8"},
       {}},
      {"不少于 and 以上",
       {.target = "120公里以上", .actual = "110公里", .weight = "20", .score = "20"},
       {"result.full_marks_short error"}},
      {"T = 0 positive", {.target = "≥0个", .actual = "3个", .score = "10"}, {}},
      {"A blank is not judged", {.target = "≥90%", .actual = "", .score = "10"}, {}},
      {"different units are not judged",
       {.target = "≥90%", .actual = "92人", .score = "10"},
       {}},
      {"a result with words is not judged",
       {.target = "≥2000条", .actual = "已完成2400余条", .score = "10"},
       {}},
      // Ranges.
      {"range met", {.target = "80%-90%", .actual = "85%", .score = "10"}, {}},
      {"range missed below",
       {.target = "80%-90%", .actual = "75%", .score = "10"},
       {"result.full_marks_short error"}},
      {"range passed above",
       {.target = "80%-90%", .actual = "95%", .score = "10"},
       {"result.full_marks_short info"}},
      // Reverse.
      {"≤5万元 against 52000元 full marks",
       {.level2 = "成本指标", .target = "≤5万元", .actual = "52000元", .score = "10"},
       {"result.full_marks_over error"}},
      {"≤5万元 against 48000元",
       {.level2 = "成本指标", .target = "≤5万元", .actual = "48000元", .score = "10"},
       {}},
      {"T = 0 reverse with full marks",
       {.target = "≤0起", .actual = "1起", .score = "10"},
       {"result.full_marks_over error"}},
      {"T = 0 reverse scored zero",
       {.target = "≤0起", .actual = "1起", .score = "0"},
       {}},
      {"不超过20天 against 25个工作日 T/A",
       {.level2 = "时效指标",
        .target = "不超过20天",
        .actual = "25个工作日",
        .score = "8"},
       {}},
      {"控制在50元以内 against 55元 two minus",
       {.level2 = "成本指标", .target = "控制在50元以内", .actual = "55元", .score = "9"},
       {}},
      {"reverse scored below either method",
       {.level2 = "成本指标", .target = "控制在50元以内", .actual = "55元", .score = "5"},
       {"result.method warning"}},
      {"reverse met but points lost",
       {.level2 = "成本指标", .target = "≤50元", .actual = "45元", .score = "9"},
       {"result.points_lost warning"}},
      {"a plain cost number has no direction",
       {.level2 = "成本指标", .target = "50元", .actual = "55元", .score = "10"},
       {}},
      {"a plain deadline has no direction",
       {.level2 = "时效指标",
        .name = "完成时间",
        .target = "12月",
        .actual = "11月",
        .score = "10"},
       {}},
      {"a plain rate under 时效 is a goal",
       {.level2 = "时效指标",
        .name = "完成及时率",
        .target = "100%",
        .actual = "90%",
        .score = "10"},
       {"result.full_marks_short error"}},
      {"a plain number for complaints has no direction",
       {.level2 = "质量指标",
        .name = "群众投诉率",
        .target = "5%",
        .actual = "2%",
        .score = "10"},
       {}},
      // Satisfaction scored as the surveyed share.
      {"satisfaction share explains the score",
       {.level2 = "满意度指标",
        .name = "群众满意度",
        .target = "≥90%",
        .actual = "93%",
        .score = "9"},
       {"result.points_lost info"}},
      {"satisfaction share does not explain it",
       {.level2 = "满意度指标",
        .name = "群众满意度",
        .target = "≥90%",
        .actual = "95%",
        .score = "8"},
       {"result.points_lost warning"}},
      // Over-achievement.
      {"over-achievement",
       {.target = "≥100人", .actual = "140人", .score = "10"},
       {"result.over_achievement info"}},
      {"just under the over-achievement ratio",
       {.target = "≥100人", .actual = "129人", .score = "10"},
       {}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(Found(Form(c.row), "result.") == c.want);
  }
}

TEST_CASE("Qualitative indicators are scored by band", "[result]") {
  struct Case {
    const char* actual;
    const char* score;
    std::vector<std::string> want;
  } cases[] = {
      {"明显改善", "18", {}},  // written as its target: achieved, 0.8–1
      {"明显改善", "14", {"result.qualitative_band warning"}},
      {"基本完成", "14", {}},  // partial, 0.6–0.8
      {"基本完成", "18", {"result.qualitative_band warning"}},
      {"未完成", "10", {}},  // missed, below 0.6
      {"未完成", "14", {"result.qualitative_band warning"}},
      {"有所改善", "20", {}},  // says nothing the bands know
  };
  for (const Case& c : cases) {
    INFO(std::string(c.actual) + " " + c.score);
    Row r{.level2 = "社会效益指标",
          .name = "出行条件",
          .target = "明显改善",
          .actual = c.actual,
          .weight = "20",
          .score = c.score};
    CHECK(Found(Form(r), "result.") == c.want);
  }
}

TEST_CASE("A lost point needs a deviation reason", "[result]") {
  struct Case {
    const char* reason;
    const char* actual;
    std::vector<std::string> want;
  } cases[] = {
      {"", "85%", {"result.method warning", "result.no_reason warning"}},
      {"无", "85%", {"result.method warning", "result.no_reason warning"}},
      {"/", "85%", {"result.method warning", "result.no_reason warning"}},
      {"暂无", "85%", {"result.method warning", "result.no_reason warning"}},
      {"设备到货延迟", "85%", {"result.method warning"}},
      // The target was reached: nothing deviated, the lost point is the finding.
      {"", "95%", {"result.points_lost warning", "result.no_reason info"}},
      {"", "", {"result.no_reason warning"}},  // no result printed
  };
  for (const Case& c : cases) {
    INFO(std::string("reason '") + c.reason + "' actual '" + c.actual + "'");
    Row r{.target = "≥90%", .actual = c.actual, .score = "8", .reason = c.reason};
    CHECK(Found(Form(r), "result.") == c.want);
  }
}

TEST_CASE("A quantitative indicator needs a number", "[result]") {
  struct Case {
    const char* level2;
    const char* target;
    std::vector<std::string> want;
  } cases[] = {
      {"时效指标", "按时完成", {"result.unquantified warning"}},
      {"数量指标", "达成预期指标", {"result.unquantified warning"}},
      {"成本 指标", "效果明显", {"result.unquantified warning"}},
      {"数量指标", "≥3个", {}},
      {"数量指标", "三个以上", {}},  // Chinese numerals are a number
      {"时效指标", "十五天内完成", {}},
      {"质量指标", "效果明显", {}},  // 质量 may be qualitative
  };
  for (const Case& c : cases) {
    INFO(c.level2 + std::string(" ") + c.target);
    Row r{.level2 = c.level2, .target = c.target, .actual = c.target, .score = "10"};
    CHECK(Found(Form(r), "result.") == c.want);
  }
}

TEST_CASE("A quantitative indicator's result needs a number", "[result]") {
  struct Case {
    const char* level2;
    const char* target;
    const char* actual;
    std::vector<std::string> want;
  } cases[] = {
      {"数量指标", "≥3个", "达成预期指标", {"result.unquantified_actual warning"}},
      {"时效指标", "≤30天", "按时完成", {"result.unquantified_actual warning"}},
      {"成本指标", "≤5万元", "效果明显", {"result.unquantified_actual warning"}},
      {"数量 指标", "100%", "已完成", {"result.unquantified_actual warning"}},
      // Silent: a number, with its unit, in digits or in Chinese numerals.
      {"数量指标", "≥3个", "3个", {}},
      {"数量指标", "≥3个", "三个", {}},
      {"时效指标", "≤30天", "28 天", {}},
      {"成本指标", "≤5万元", "4.8万元", {}},
      // Silent: a qualitative indicator, other words, no result.
      {"质量指标", "明显改善", "效果明显", {}},
      {"社会效益指标", "有所提升", "达成预期指标", {}},
      {"数量指标", "≥3个", "见附件", {}},
      {"数量指标", "≥3个", "", {}},
      // A target with no number is the finding; its result is not told again.
      {"时效指标", "按时完成", "按时完成", {"result.unquantified warning"}},
  };
  for (const Case& c : cases) {
    INFO(c.level2 + std::string(" ") + c.target + " / " + c.actual);
    Row r{.level2 = c.level2, .target = c.target, .actual = c.actual, .score = "10"};
    CHECK(Found(Form(r), "result.unquantified") == c.want);
  }
}

namespace {

std::string Funds(const std::string& total, const std::string& fiscal,
                  const std::string& carry, const std::string& other,
                  const std::string& rate_score) {
  return "项目支出绩效自评表\n（2023年度）\n\n项目名称\t测试项目\n"
         "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
         "\t年度资金总额\t" +
         total + "\t10\t—\t" + rate_score +
         "\n"
         "\t其中：当年财政拨款\t" +
         fiscal +
         "\t—\t—\t—\n"
         "\t上年结转资金\t" +
         carry +
         "\t—\t—\t—\n"
         "\t其他资金\t" +
         other + "\t—\t—\t—\n";
}

}  // namespace

TEST_CASE("The funds block closes and its 执行率 scores", "[result]") {
  struct Case {
    const char* name;
    std::string text;
    std::vector<std::string> want;
  } cases[] = {
      {"consistent",
       Funds("120.00\t150.00\t135.00", "100.00\t130.00\t125.00", "20.00\t20.00\t10.00",
             "0.00\t0.00\t0.00", "9"),
       {}},
      {"执行数 does not close",
       Funds("120.00\t150.00\t135.00", "100.00\t130.00\t120.00", "20.00\t20.00\t10.00",
             "0.00\t0.00\t0.00", "9"),
       {"sum.fund_sources error"}},
      {"a blank source leaves it open",
       Funds("120.00\t150.00\t135.00", "100.00\t130.00\t125.00", "10.00\t20.00\t10.00",
             "\t0.00\t0.00", "9"),
       {"sum.fund_sources warning"}},
      {"rounding of the amounts",
       Funds("120.00\t150.00\t135.00", "100.00\t130.00\t125.00", "20.00\t20.00\t10.00",
             "0.00\t0.00\t0.00", "9.0"),
       {}},
      {"执行率 score too high",
       Funds("120.00\t150.00\t135.00", "100.00\t130.00\t125.00", "20.00\t20.00\t10.00",
             "0.00\t0.00\t0.00", "10"),
       {"result.execution_rate error"}},
      {"执行率 capped at the 分值",
       Funds("120.00\t150.00\t160.00", "100.00\t130.00\t150.00", "20.00\t20.00\t10.00",
             "0.00\t0.00\t0.00", "10"),
       {}},
      {"a source left out is unknown, not zero",
       "项目支出绩效自评表\n\n项目名称\t测试项目\n"
       "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
       "\t年度资金总额\t120.00\t150.00\t135.00\t10\t—\t9\n"
       "\t其中：当年财政拨款\t100.00\t150.00\t135.00\t—\t—\t—\n",
       {"sum.fund_sources warning"}},
      // The row's cells slid one column right of their header: the rate
      // sits under 得分. That reads no score.
      {"a percentage under 得分 is a doubt",
       "项目支出绩效自评表\n\n项目名称\t测试项目\n"
       "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
       "\t年度资金总额\t80.00\t80.00\t60.00\t20\t\t75.00%\t15\n"
       "\t其中：当年财政拨款\t70.00\t70.00\t50.00\t—\t—\t—\n"
       "\t上年结转资金\t10.00\t10.00\t10.00\t—\t—\t—\n"
       "\t其他资金\t0.00\t0.00\t0.00\t—\t—\t—\n",
       {"result.execution_rate warning"}},
      {"an integer score rounds 9.3",
       Funds("120.00\t150.00\t139.50", "100.00\t130.00\t129.50", "20.00\t20.00\t10.00",
             "0.00\t0.00\t0.00", "9"),
       {}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    std::vector<std::string> got = Found(c.text, "sum.fund_sources");
    for (const std::string& s : Found(c.text, "result.execution_rate")) got.push_back(s);
    CHECK(got == c.want);
  }
}

namespace {

std::string Declaration(const std::string& year, const std::string& total,
                        const std::vector<std::string>& rows) {
  std::string s =
      "项目支出绩效目标申报表\n（" + year +
      "年度）\n金额单位：万元\n项目名称\t乡村道路养护\n主管部门\t某县交通运输局\n"
      "项目资金（万元）\t年度资金总额\t" +
      total + "\n\t其中：财政拨款\t" + total +
      "\n\t其他资金\t0.00\n"
      "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n";
  for (const std::string& r : rows) s += "\t产出指标\t数量指标\t" + r + "\n";
  return s;
}

std::string SelfEvaluation(const std::string& initial,
                           const std::vector<std::string>& rows) {
  std::string s =
      "项目支出绩效自评表\n（2023年度）\n\n项目名称\t乡村道路 "
      "养护\n主管部门\t某县交通运输局\n"
      "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
      "\t年度资金总额\t" +
      initial +
      "\t150.00\t150.00\t10\t100.00%\t10\n"
      "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n";
  for (const std::string& r : rows) s += "\t产出指标\t数量指标\t" + r + "\t10\t10\n";
  return s;
}

std::vector<std::string> Cross(const std::vector<std::string>& texts) {
  std::vector<Extraction> exs;
  for (size_t i = 0; i < texts.size(); ++i)
    exs.push_back(ExtractText(texts[i], "d" + std::to_string(i) + ".txt"));
  std::vector<const Extraction*> ptrs;
  for (const Extraction& e : exs) ptrs.push_back(&e);
  std::vector<std::string> out;
  for (const Finding& f : CrossCheck(ptrs, ProjectPatterns()))
    out.push_back(f.rule + " " + SeverityName(f.severity) + " " + f.where.file.str());
  return out;
}

}  // namespace

TEST_CASE("A self-evaluation against its declaration", "[result][cross]") {
  const std::string decl =
      Declaration("2023", "150.00", {"养护里程\t≥120公里", "桥梁检查\t≥15座"});
  struct Case {
    const char* name;
    std::vector<std::string> texts;
    std::vector<std::string> want;
  } cases[] = {
      {"the same targets and budget",
       {decl, SelfEvaluation("150.00",
                             {"养护里程\t≥120公里\t126公里", "桥梁检查\t≥15座\t15座"})},
       {}},
      {"a target changed",
       {decl, SelfEvaluation("150.00",
                             {"养护里程\t≥100公里\t126公里", "桥梁检查\t≥15座\t15座"})},
       {"cross.target_changed warning d1.txt"}},
      {"the same target written otherwise",
       {decl, SelfEvaluation("150.00", {"养护里程\t不少于120公里\t126公里",
                                        "桥梁 检查\t≥15座\t15座"})},
       {}},
      {"a declared indicator missing",
       {decl, SelfEvaluation("150.00", {"养护里程\t≥120公里\t126公里"})},
       {"cross.indicator_missing warning d1.txt"}},
      {"年初预算数 is not the declared 资金总额",
       {decl, SelfEvaluation("120.00",
                             {"养护里程\t≥120公里\t126公里", "桥梁检查\t≥15座\t15座"})},
       {"cross.budget_mismatch error d1.txt"}},
      {"the same project under another unit: told, not compared",
       {[&] {
          std::string d = decl;
          d.replace(d.find("某县交通运输局"), std::string("某县交通运输局").size(),
                    "某市交通运输局");
          return d;
        }(),
        SelfEvaluation("120.00", {"养护里程\t≥100公里\t126公里"})},
       {"cross.ambiguous warning d1.txt"}},
      {"another year is another project",
       {Declaration("2024", "150.00", {"养护里程\t≥100公里"}),
        SelfEvaluation("120.00", {"养护里程\t≥120公里\t126公里"})},
       {}},
      {"two declarations: ambiguous, not guessed",
       {decl, decl, SelfEvaluation("120.00", {"养护里程\t≥100公里\t126公里"})},
       {"cross.ambiguous warning d2.txt"}},
      {"one name twice: ambiguous",
       {decl, SelfEvaluation(
                  "150.00", {"养护里程\t≥120公里\t126公里", "养护里程\t≥100公里\t126公里",
                             "桥梁检查\t≥15座\t15座"})},
       {"cross.ambiguous warning d1.txt"}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(Cross(c.texts) == c.want);
  }
}

TEST_CASE("Extract reads direction, numbers and units of each indicator", "[result]") {
  Extraction ex = ExtractText(Form({.level2 = "时效指标",
                                    .target = "不超过5万元",
                                    .actual = "48000元",
                                    .score = "10"}));
  REQUIRE(!ex.indicators.empty());
  const Indicator& ind = ex.indicators.back();
  CHECK(ind.direction == "reverse");
  CHECK(ind.quantitative);
  CHECK(ind.target_q.unit == "元");
  CHECK(ind.target_q.value.ToString() == "50000");
  CHECK(ind.actual_q.value.ToString() == "48000");
  CHECK(ind.has_deviation);
  CHECK(ind.deviation == "说明");
  CHECK(ind.project == "测试项目");
  Extraction range = ExtractText(Form({.target = "80%-90%", .actual = "85百分比"}));
  const Indicator& r = range.indicators.back();
  CHECK(r.direction == "range");
  CHECK(r.target_q.high.ToString() == "90");
  CHECK(r.actual_q.unit == "%");
  Extraction days = ExtractText(Form({.target = "≤30天", .actual = "35个工作日"}));
  CHECK(days.indicators.back().actual_q.unit == "天");
  Extraction text = ExtractText(Form({.target = "明显改善", .actual = "明显改善"}));
  CHECK(text.indicators.back().direction == "qualitative");
  CHECK(!text.indicators.back().actual_q.has);
}

TEST_CASE("Fixtures give exactly their planted findings", "[result][e2e]") {
  struct Case {
    const char* file;
    std::vector<std::string> want;  // "rule severity line"
  } cases[] = {
      {"fixtures/results_national_self.txt",
       {"sum.fund_sources warning 7", "sum.fund_sources error 7",
        "result.execution_rate error 7", "result.full_marks_short error 14",
        "result.points_lost warning 15", "result.no_reason info 15",
        "result.over_achievement info 16", "result.unquantified warning 17",
        "result.full_marks_over error 18", "result.qualitative_band warning 19",
        "result.method warning 20", "result.no_reason warning 20"}},
      {"fixtures/results_national_target.txt", {"result.unquantified info 14"}},
      {"fixtures/results_zhejiang_self.txt",
       {"result.inflated warning 6", "result.full_marks_short error 13",
        "result.full_marks_over error 14", "result.points_lost warning 18",
        "result.no_reason info 18"}},
      {"fixtures/results_guangdong_self.txt",
       {"sum.fund_sources error 7", "result.over_achievement info 12",
        "result.full_marks_short error 13", "result.qualitative_band warning 16",
        "result.method warning 18", "result.no_reason warning 18"}},
  };
  for (const Case& c : cases) {
    INFO(c.file);
    RunResult r =
        RunJxaudit({"check", "--no-db", "--format", "json", SamplePath(c.file)});
    nlohmann::json d = nlohmann::json::parse(r.out)["documents"][0];
    std::vector<std::string> got;
    for (const auto& f : d["findings"])
      got.push_back(f["rule"].get<std::string>() + " " +
                    f["severity"].get<std::string>() + " " +
                    std::to_string(f["location"]["line"].get<int>()));
    CHECK(got == c.want);
  }
  // The national pair, checked across documents.
  std::vector<Extraction> exs;
  for (const char* f :
       {"fixtures/results_national_self.txt", "fixtures/results_national_target.txt"}) {
    Document doc;
    Error err;
    REQUIRE(ReadDocument(SamplePath(f), ReadOptions{}, &doc, &err));
    Layout l = BuildLayout(doc, ProjectPatterns());
    exs.push_back(Extract(doc, l, ProjectPatterns()));
  }
  std::vector<std::string> got;
  for (const Finding& f : CrossCheck({&exs[0], &exs[1]}, ProjectPatterns()))
    got.push_back(f.rule + " " + SeverityName(f.severity) + " " +
                  std::to_string(f.where.line));
  CHECK(got == std::vector<std::string>{"cross.target_changed warning 16",
                                        "cross.indicator_missing warning 14",
                                        "cross.budget_mismatch error 7"});
}

TEST_CASE("Methods and thresholds come from patterns/scoring.txt", "[result]") {
  // A province that flags over-achievement from 1.2 × T as a warning, and
  // wants 0.9 × 分值 for an achieved qualitative indicator.
  std::string dir = TempDir();
  std::string src = std::string(JXAUDIT_PATTERNS_DIR);
  for (const auto& entry : std::filesystem::directory_iterator(src)) {
    std::string name = entry.path().stem().string();
    std::string text = ReadFile(entry.path().string());
    if (name == "scoring") {
      auto set = [&](const std::string& key, const std::string& value) {
        size_t at = text.find("\n" + key + " ");
        REQUIRE(at != std::string::npos);
        size_t end = text.find('\n', at + 1);
        text.replace(at + 1, end - at - 1, key + "  " + value);
      };
      set("set.over_ratio", "1.2");
      set("set.over_severity", "warning");
      set("set.band.achieved", "0.9 1");
      text += "set.execution_full_from  95\n";
    }
    WriteFile(dir + "/" + name + ".txt", text);
  }
  Patterns p;
  std::string err;
  INFO(err);
  REQUIRE(p.LoadDir(dir, &err));
  auto found = [&](const Row& r) {
    Document doc = DocFromText(Form(r));
    Layout l = BuildLayout(doc, p);
    Validation v = Validate(Extract(doc, l, p), p);
    std::vector<std::string> out;
    for (const Finding& f : v.findings)
      if (f.rule.starts_with("result."))
        out.push_back(f.rule + " " + SeverityName(f.severity));
    return out;
  };
  CHECK(found({.target = "≥100人", .actual = "125人", .score = "10"}) ==
        std::vector<std::string>{"result.over_achievement warning"});
  CHECK(found({.level2 = "社会效益指标",
               .target = "明显改善",
               .actual = "明显改善",
               .weight = "20",
               .score = "17"}) ==
        std::vector<std::string>{"result.qualitative_band warning"});
  // 96% executed: the full 10.0 points from 95% on (9.6 by default).
  std::string funds = Funds("120.00\t150.00\t144.00", "100.00\t130.00\t134.00",
                            "20.00\t20.00\t10.00", "0.00\t0.00\t0.00", "10.0");
  {
    Document doc = DocFromText(funds);
    Layout l = BuildLayout(doc, p);
    Validation v = Validate(Extract(doc, l, p), p);
    for (const Finding& f : v.findings) CHECK(f.rule != "result.execution_rate");
  }
  CHECK(Found(funds, "result.execution_rate") ==
        std::vector<std::string>{"result.execution_rate error"});
  // The defaults say nothing about either.
  CHECK(Found(Form({.target = "≥100人", .actual = "125人", .score = "10"}), "result.")
            .empty());
  std::filesystem::remove_all(dir);
}
