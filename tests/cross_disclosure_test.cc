// A 单位's 预算/决算 disclosure against its 部门's: the pairing, the part never
// above the whole, one amount and one rate giving one base; each with the
// cases where nothing may be said.
#include <catch2/catch.hpp>

#include "extract/extract.h"
#include "layout/layout.h"
#include "record/cross.h"
#include "test_util.h"
#include "validate/cross.h"

namespace jx {
namespace {

using namespace test;

struct Doc {
  const char* level = "部门";  // 部门 or 单位
  const char* body = "上海市某区司法局";
  const char* year = "2026";
  const char* amount = "1672.67";  // the item's amount and its 预算安排
  const char* prior = "1690.69";   // 2025年当年预算执行数
  const char* rate = "减少1.07%";
  const char* row = "16726725.44";  // the 功能分类表's 合计 of 204 06 01
  const char* kind = "预算";
};

std::string Text(const Doc& d) {
  const std::string level = d.level;
  const std::string prev = std::to_string(std::stoi(d.year) - 1);
  return std::string("上海市某区") + d.year + "年区级" + level + d.kind + "\n\n" +
         (level == "部门" ? "预算主管部门：" : "预算单位：") + d.body + "\n\n" +
         "1、公共安全支出（204类）司法（06款）行政运行（01项）" + d.amount +
         "万元。主要用于：行政单位的基本支出。" + prev + "年当年预算执行数为" + d.prior +
         "万元，" + d.year + "年预算安排" + d.amount + "万元，比" + prev +
         "年预算执行数" + d.rate + "。\n\n" + d.year + "年" + level +
         "一般公共预算支出功能分类预算表\n单位：元\n"
         "功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出\n"
         "类\t款\t项\t\t\t\t\n"
         "204\t\t\t公共安全支出\t" +
         d.row + "\t" + d.row + "\t0.00\n204\t06\t\t司法\t" + d.row + "\t" + d.row +
         "\t0.00\n204\t06\t01\t行政运行\t" + d.row + "\t" + d.row +
         "\t0.00\n合计\t\t\t\t" + d.row + "\t" + d.row + "\t0.00\n\n";
}

Doc Unit(Doc d) {
  d.level = "单位";
  return d;
}

// "rule severity file stated" of the findings across `docs`.
std::vector<std::string> Cross(const std::vector<Doc>& docs) {
  std::vector<Extraction> exs;
  for (size_t i = 0; i < docs.size(); ++i) {
    Document doc = DocFromText(Text(docs[i]), "d" + std::to_string(i) + ".txt");
    Layout l = BuildLayout(doc, ProjectPatterns());
    exs.push_back(Extract(doc, l, ProjectPatterns()));
  }
  std::vector<const Extraction*> ptrs;
  for (const Extraction& e : exs) ptrs.push_back(&e);
  std::vector<std::string> out;
  for (const Finding& f : CrossCheck(ptrs, ProjectPatterns()))
    out.push_back(f.rule + " " + SeverityName(f.severity) + " " + f.where.file.str() + " " +
                  (f.has_numbers ? f.stated.ToString() : "-"));
  return out;
}

TEST_CASE("A unit's disclosure against its department's", "[validate][cross]") {
  const Doc dep;
  Doc small = Unit(dep);  // the 本部: a part of the 部门
  small.amount = "1434.89";
  small.prior = "1450.89";
  small.rate = "减少1.10%";
  small.row = "14348853.34";
  struct Case {
    const char* name;
    std::vector<Doc> docs;
    std::vector<std::string> want;
  } cases[] = {
      {"the unit below its department everywhere", {dep, small}, {}},
      {"the unit equal to its department (its only unit)", {dep, Unit(dep)}, {}},
      {"the unit's item above the department's",
       {dep,
        [&] {
          Doc d = small;
          d.amount = "1700.00";
          d.rate = "增加0.55%";
          d.prior = "1690.69";
          return d;
        }()},
       {"cross.disclosure_part error d1.txt 1700.00"}},
      {"within rounding of the two prints: not above",
       {dep,
        [&] {
          Doc d = small;
          d.row = "16726725.44";
          d.amount = "1672.67";
          d.prior = "1690.69";
          d.rate = "减少1.07%";
          return d;
        }()},
       {}},
      {"the unit's prior-year figure above the department's",
       {dep,
        [&] {
          Doc d = small;
          d.prior = "1700.00";
          d.rate = "减少15.59%";
          return d;
        }()},
       {"cross.disclosure_part error d1.txt 1700.00"}},
      {"the unit's 功能分类表 row above the department's",
       {dep,
        [&] {
          Doc d = small;
          d.row = "16800000.00";
          return d;
        }()},
       {"cross.disclosure_part error d1.txt 16800000.00",
        "cross.disclosure_part error d1.txt 16800000.00",
        "cross.disclosure_part error d1.txt 16800000.00"}},
      {"one amount and one rate, the department's base wrong",
       {[&] {
          Doc d = dep;
          d.prior = "41690.69";
          return d;
        }(),
        Unit(dep)},
       {"cross.disclosure_prior error d0.txt 41690.69"}},
      {"one amount and one rate, the unit's base wrong: and above the whole",
       {dep,
        [&] {
          Doc d = Unit(dep);
          d.prior = "1990.69";
          return d;
        }()},
       {"cross.disclosure_part error d1.txt 1990.69",
        "cross.disclosure_prior error d1.txt 1990.69"}},
      {"two bases for two rates: each is the document's own", {dep, small}, {}},
      {"another body: not paired",
       {dep,
        [&] {
          Doc d = small;
          d.body = "上海市某区法律援助中心";
          d.amount = "1700.00";
          return d;
        }()},
       {}},
      {"another year: not paired",
       {dep,
        [&] {
          Doc d = small;
          d.year = "2025";
          d.amount = "1700.00";
          return d;
        }()},
       {}},
      {"a 决算 and a 预算: not paired",
       {dep,
        [&] {
          Doc d = small;
          d.kind = "决算";
          d.amount = "1700.00";
          return d;
        }()},
       {}},
      {"two departments: ambiguous, not compared",
       {dep, dep,
        [&] {
          Doc d = small;
          d.amount = "1700.00";
          return d;
        }()},
       {"cross.ambiguous warning d0.txt -"}},
      {"two units alone: nothing to pair", {small, small}, {}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(Cross(c.docs) == c.want);
  }
}

TEST_CASE("A disclosure's facts travel as JSON", "[record][cross]") {
  Doc d = Unit(Doc{});
  Document doc = DocFromText(Text(d), "u.txt");
  Layout l = BuildLayout(doc, ProjectPatterns());
  Extraction ex = Extract(doc, l, ProjectPatterns());
  CrossFacts f = CrossFactsOf(ex, ProjectPatterns());
  CHECK(f.level == "unit");
  REQUIRE(f.items.size() == 1);
  CHECK(f.items[0].code == "2040601");
  CHECK(f.items[0].has_rate);
  CHECK(f.items[0].rate.ToString() == "-1.07");
  CHECK(f.items[0].prior.value.ToString() == "1690.69");
  CHECK(f.rows.size() == 3);
  CrossFacts back;
  REQUIRE(CrossFactsFromJson(CrossFactsToJson(f), &back));
  CHECK(back.level == "unit");
  REQUIRE(back.items.size() == 1);
  CHECK(back.items[0].prior.value == f.items[0].prior.value);
  CHECK(back.items[0].planned.pow10 == 4);
  CHECK(back.items[0].rate == f.items[0].rate);
  REQUIRE(back.rows.size() == 3);
  CHECK(back.rows[2].total.value.ToString() == "16726725.44");
  CHECK(back.rows[2].code == "2040601");
}

}  // namespace
}  // namespace jx
