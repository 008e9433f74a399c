#include "extract/extract.h"

#include <catch2/catch.hpp>

#include "ingest/read.h"
#include "layout/layout.h"
#include "test_util.h"

using namespace jx;
using namespace jx::test;

namespace {

Extraction ExtractText(const std::string& text) {
  Document doc = DocFromText(text);
  Layout l = BuildLayout(doc, ProjectPatterns());
  return Extract(doc, l, ProjectPatterns());
}

const Figure* FindFigure(const Extraction& ex, const std::string& name,
                         const std::string& source = "") {
  for (const Figure& f : ex.figures)
    if (f.name == name && (source.empty() || f.source == source)) return &f;
  return nullptr;
}

}  // namespace

TEST_CASE("FindUnit reads unit words where reports print them", "[extract]") {
  struct Case {
    const char* text;
    const char* kind;
    int pow10;
    const char* word;
  } cases[] = {
      {"预算额(百元)", "money", 2, "百元"}, {"年度预算金额 （万元）", "money", 4, "万元"},
      {"单位：元", "money", 0, "元"},       {"3.4亿元", "money", 8, "亿元"},
      {"百万元", "money", 6, "百万元"},     {"结转结余率%", "percent", 0, "%"},
      {"参考分值", "score", 0, "分"},       {"场次/年", "count", 0, "场次/年"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    UnitInfo u;
    REQUIRE(FindUnit(*ProjectPatterns().file("units"), c.text, &u));
    CHECK(u.kind == c.kind);
    CHECK(u.pow10 == c.pow10);
    CHECK(u.text == c.word);
  }
  UnitInfo u;
  CHECK_FALSE(FindUnit(*ProjectPatterns().file("units"), "项目名称", &u));
  // A unit's character inside another word is no unit: code and name columns
  // of a classification, a share of something.
  for (const char* text : {"功能分类科目编码", "经济分类科目名称", "支出功能分类科目",
                           "部分完成", "分项", "单元格"}) {
    INFO(text);
    CHECK_FALSE(FindUnit(*ProjectPatterns().file("units"), text, &u));
  }
  // … while a unit printed beside such a word still counts.
  REQUIRE(FindUnit(*ProjectPatterns().file("units"), "分类金额（万元）", &u));
  CHECK(u.text == "万元");
  REQUIRE(FindUnit(*ProjectPatterns().file("units"), "分项得分", &u));
  CHECK(u.kind == "score");
}

TEST_CASE("Chinese numerals where they count things", "[extract]") {
  struct Case {
    const char* text;
    int64_t want;
  } cases[] = {{"两", 2},           {"十九", 19}, {"一百二十", 120},
               {"三千零五", 3005},  {"十", 10},   {"五", 5},
               {"一万二千", 12000}, {"〇", 0},    {"二十一", 21},
               {"三千万", 30000000}};
  for (const Case& c : cases) {
    INFO(c.text);
    int64_t v = -1;
    REQUIRE(ParseChineseCount(c.text, &v));
    CHECK(v == c.want);
  }
  // "万万万万万" overflowed int64 before a bound was put on counts (found by fuzzing).
  for (const char* bad :
       {"", "二三", "abc", "十a", "零百", "万万", "万万万万万", "九千万万万"}) {
    INFO(bad);
    int64_t v;
    CHECK_FALSE(ParseChineseCount(bad, &v));
  }
}

TEST_CASE("Document facts: kind, department, year, filler, grade, score", "[extract]") {
  Extraction ex = ExtractText(
      "2022 年度部门整体支出 绩效自评报告\n\n"
      "部门名称（公章）：深圳市龙岗区宝龙街道土地整备中心\n\n"
      "填报人：陈燕婷\n\n联系电话：0755-23255379\n\n"
      "预算单位名称：某局    预算单位编码： 491001    自评等级：良\n\n"
      "本次绩效自评评分结果为96分。\n");
  const DocInfo& i = ex.info;
  CHECK(i.kind == "department_self_evaluation");
  CHECK(i.department.value == "深圳市龙岗区宝龙街道土地整备中心");
  CHECK(i.department.where.line == 3);
  CHECK(i.year.value == "2022");
  CHECK(i.filler.value == "陈燕婷");
  CHECK(i.phone.value == "0755-23255379");
  CHECK(i.unit_code.value == "491001");
  CHECK(i.grade.value == "良");
  REQUIRE(i.has_declared_score);
  CHECK(i.declared_score == Decimal{96, 0});
}

// A PDF numbers its lines per page: the grade printed at the top of page 2,
// line 1, lies between a table ending on page 1's line 30 and the next one.
TEST_CASE("A grade above a table is found across a page break", "[extract]") {
  const std::string form =
      "一级指标\t分值\t得分\n产出\t60\t50\n效益\t40\t35\n合计\t100\t85\n";
  Document doc = DocFromText(form + "\n自评等级：良\n\n" + form);
  Layout l = BuildLayout(doc, ProjectPatterns());
  REQUIRE(l.tables.size() == 2);
  l.tables[0].page = 1, l.tables[0].first_line = 20, l.tables[0].last_line = 30;
  for (Paragraph& p : l.paragraphs) p.page = 2, p.line = 1;
  l.tables[1].page = 2, l.tables[1].first_line = 2, l.tables[1].last_line = 6;
  Extraction ex = Extract(doc, l, ProjectPatterns());
  REQUIRE(ex.score_tables.size() == 2);
  CHECK(ex.score_tables[0].grade.empty());
  CHECK(ex.score_tables[1].grade == "良");
  CHECK(ex.score_tables[1].grade_at.page == 2);
}

TEST_CASE("Document facts from a form table", "[extract]") {
  Extraction ex = ExtractText(
      "《部门整体预算绩效目标申报表》\n\n"
      "部门名称\t大连市西岗区城市更新事务中心\t预算年度\t2024年度\t预算单位个数\t1个\n");
  CHECK(ex.info.kind == "target_declaration");
  CHECK(ex.info.department.value == "大连市西岗区城市更新事务中心");
  CHECK(ex.info.year.value == "2024");
  CHECK(ex.info.year.where.table == "t1");
}

TEST_CASE("Form figures keep the unit of the label above", "[extract]") {
  Extraction ex = ExtractText(
      "部门名称\t甲\n"
      "\t内容\t一、部门整体预算总额(万元)\t\t65495.31\n"
      "\t内容\t1、资金来源：(1)财政拨款\t\t65459.31\n"
      "\t内容\t(2) 其他资金\t\n");
  const Figure* total = FindFigure(ex, "budget_total", "form");
  REQUIRE(total != nullptr);
  CHECK(total->unit.text == "万元");
  CHECK(total->yuan == Decimal{654953100, 0});
  const Figure* fiscal = FindFigure(ex, "source_fiscal", "form");
  REQUIRE(fiscal != nullptr);
  CHECK(fiscal->unit.text == "万元");
  const Figure* other = FindFigure(ex, "source_other", "form");
  REQUIRE(other != nullptr);
  CHECK(other->blank);
}

TEST_CASE("Sentence figures, breakdowns and stated rates", "[extract]") {
  Extraction ex = ExtractText(
      "经核查，我部门当年财政资金收入223.80万元（其中基本收入184."
      "80万元，项目收入39元）。\n"
      "（1）预算完成率（4分）。预算完成数223.8万元，预算数223.8万元，预算完成率=100%"
      "，得4分。\n"
      "（2）预算调整率（2分）。预算调整数223.8万元，年初预算数180.43万元，预算调整率=24%"
      "。\n");
  const Figure* income = FindFigure(ex, "income_total");
  REQUIRE(income != nullptr);
  CHECK(income->number.value == Decimal{22380, 2});
  CHECK(income->yuan == Decimal{2238000, 0});
  CHECK(income->where.line == 1);
  REQUIRE(ex.breakdowns.size() == 1);
  REQUIRE(ex.breakdowns[0].parts.size() == 2);
  CHECK(ex.breakdowns[0].parts[0].label == "基本收入");
  CHECK(ex.breakdowns[0].parts[1].unit.text == "元");
  REQUIRE(ex.rates.size() == 2);
  CHECK(ex.rates[0].kind == "ratio");
  CHECK(ex.rates[0].rate.value == Decimal{100, 0});
  CHECK(ex.rates[1].kind == "change");
  CHECK(ex.rates[1].b.number.value == Decimal{18043, 2});
  const Figure* final_ = FindFigure(ex, "budget_final");
  REQUIRE(final_ != nullptr);
  CHECK(final_->label == "预算完成数");
}

TEST_CASE("Budget tables give one figure per cell, with the column's unit", "[extract]") {
  Extraction ex = ExtractText(
      "表1 执行情况 (单位：万元)\n\n"
      "项目\t年初预算数\t调整预算数\t决算数\t预算执行率\n"
      "一、基本支出\t10.00\t12.00\t11.00\t91.67%\n");
  const Figure* basic = nullptr;
  for (const Figure& f : ex.figures)
    if (f.name == "basic" && f.column == "budget_final") basic = &f;
  REQUIRE(basic != nullptr);
  CHECK(basic->unit.text == "万元");
  CHECK(basic->yuan == Decimal{110000, 0});
  CHECK(basic->where.table == "t1");
  CHECK(basic->where.row == 1);
  CHECK(basic->where.column == 3);
}

TEST_CASE("Indicator trees: weights from columns or labels, scores, totals",
          "[extract]") {
  SECTION("one column per level, weights in labels") {
    Extraction ex = ExtractText(
        "一级指标\t二级指标\t三级指标\t自评分数\n"
        "投入（20分）\t目标设定（5分）\t绩效目标合理性（2分）\t2\n"
        "\t\t绩效指标明确性（3分）\t3\n"
        "\t预算配置（15分）\t在职人员控制率（15分）\t14\n"
        "合计\t19\t\n");
    REQUIRE(ex.score_tables.size() == 1);
    const ScoreTable& st = ex.score_tables[0];
    REQUIRE(st.roots.size() == 1);
    const ScoreNode& root = st.nodes[static_cast<size_t>(st.roots[0])];
    CHECK(root.label == "投入（20分）");
    CHECK(root.weight == Decimal{20, 0});
    CHECK(root.children.size() == 2);
    CHECK(st.has_total_score);
    CHECK(st.total_score == Decimal{19, 0});
    REQUIRE(ex.indicators.size() == 4);
    CHECK(ex.indicators[1].levels == std::vector<std::string>{"投入（20分）",
                                                              "目标设定（5分）",
                                                              "绩效指标明确性（3分）"});
    CHECK(ex.indicators[1].weight_from == "label");
    CHECK(ex.indicators[3].is_total);
  }
  SECTION("one numbered column, weights in a column") {
    Extraction ex = ExtractText(
        "考核内容\t分值\t计分标准\t自评分数\n"
        "合计\t10\t\t8\n"
        "一、基础管理\t6\t\t5\n"
        "（一）领导重视\t2\t1.专题研究\t1\n"
        "\t2\t2.成立小组\t2\n"
        "（二）明确职责\t2\t3.落实专人\t2\n"
        "二、培训\t4\t\t3\n"
        "（一）宣传\t4\t4.宣传报道\t3\n");
    REQUIRE(ex.score_tables.size() == 1);
    const ScoreTable& st = ex.score_tables[0];
    CHECK(st.has_total_weight);
    CHECK(st.total_weight == Decimal{10, 0});
    REQUIRE(st.roots.size() == 2);
    const ScoreNode& base = st.nodes[static_cast<size_t>(st.roots[0])];
    CHECK(base.label == "一、基础管理");
    CHECK(base.score == Decimal{5, 0});
    REQUIRE(base.children.size() == 2);
    const ScoreNode& lead = st.nodes[static_cast<size_t>(base.children[0])];
    CHECK(lead.label == "（一）领导重视");
    CHECK(lead.children.size() == 2);  // two items under one merged label
  }
}

TEST_CASE("Typed tables give each row its role and each cell its kind", "[extract]") {
  Extraction ex = ExtractText(
      "表1 支出情况 (单位：万元)\n\n"
      "项目\t年初预算数\t决算数\t预算执行率\n"
      "一、基本支出\t10.00\t--\t91.67%\n"
      "其中：人员经费\t6.00\t\t\n"
      "二、项目支出\t5.00\t说明见后\t\n"
      "小计\t15.00\t/\t\n"
      "合计\t15.00\t无\t\n");
  REQUIRE(ex.tables.size() == 1);
  const TypedTable& t = ex.tables[0];
  CHECK(t.id == "t1");
  CHECK(t.unit.text == "万元");
  CHECK_FALSE(t.names_project);
  REQUIRE(t.sections.size() == 1);
  const TypedSection& s = t.sections[0];
  CHECK(s.header_rows == 1);
  CHECK(s.label_column == 0);
  CHECK_FALSE(s.indicator_grid);
  REQUIRE(s.columns.size() == 4);
  CHECK(s.columns[1].key == "budget_initial");
  CHECK(s.columns[1].unit.text == "万元");
  CHECK(s.columns[1].summed);
  CHECK(s.columns[3].key == "rate");
  CHECK_FALSE(s.columns[3].summed);  // a rate is never summed down its column
  REQUIRE(s.rows.size() == 5);
  using K = TypedCell::Kind;
  struct Want {
    const char* label;
    int depth;
    bool total, subtotal, part;
    K budget, final_cell;
  } want[] = {
      {"一、基本支出", 1, false, false, false, K::kNumber, K::kNotApplicable},
      {"其中:人员经费", 0, false, false, true, K::kNumber, K::kBlank},
      {"二、项目支出", 1, false, false, false, K::kNumber, K::kText},
      {"小计", 0, false, true, false, K::kNumber, K::kNotApplicable},
      {"合计", 0, true, false, false, K::kNumber, K::kNotApplicable},
  };
  for (size_t i = 0; i < s.rows.size(); ++i) {
    const TypedRow& r = s.rows[i];
    INFO(r.label);
    CHECK(r.row == static_cast<int>(i) + 1);
    CHECK(r.depth == want[i].depth);
    CHECK(r.total == want[i].total);
    CHECK(r.subtotal == want[i].subtotal);
    CHECK(r.part_of_previous == want[i].part);
    CHECK(r.numeric);
    CHECK(r.Cell(1).kind == want[i].budget);
    CHECK(r.Cell(2).kind == want[i].final_cell);
    CHECK(r.Cell(9).kind == K::kBlank);  // beyond the printed cells
  }
  CHECK(s.rows[0].cells[1].number.value == Decimal{1000, 2});
  CHECK(s.rows[0].cells[3].number.percent);
  Location at = t.At(s.rows[4], 1);
  CHECK(at.table == "t1");
  CHECK(at.row == 5);
  CHECK(at.column == 1);
  CHECK(at.line == 8);
}

TEST_CASE("A table that opens with 项目名称 totals one project", "[extract]") {
  Extraction ex = ExtractText(
      "项目名称\t城市更新\n"
      "项目\t年初预算数\t决算数\n"
      "合计\t15.00\t14.00\n");
  REQUIRE_FALSE(ex.tables.empty());
  CHECK(ex.tables[0].names_project);
}

TEST_CASE("Evidence stays short on a clause that never ends", "[extract]") {
  // A hostile line: a breakdown whose clause runs on for a megabyte. Copying
  // the clause into the evidence made the cost quadratic in the line.
  std::string line = "收入预算100万元，其中：财政拨款60万元，其他资金40万元，";
  for (int i = 0; i < 40000; ++i) line += "相关说明文字，";
  Extraction ex = ExtractText(line + "\n");
  REQUIRE(ex.breakdowns.size() == 1);
  CHECK(ex.breakdowns[0].parts.size() == 2);
  CHECK(ex.breakdowns[0].evidence.str().size() < 1200);
  for (const Figure& f : ex.figures) CHECK(f.evidence.str().size() < 1200);
}

TEST_CASE("Every place in an extraction shares the one path of its file", "[extract]") {
  Document doc;
  Error err;
  REQUIRE(
      ReadDocument(SamplePath("000_78d777d638020fc8.txt"), ReadOptions{}, &doc, &err));
  Layout l = BuildLayout(doc, ProjectPatterns());
  Extraction ex = Extract(doc, l, ProjectPatterns());
  CHECK(ex.file == doc.path);
  const char* shared = ex.file.str().data();
  size_t places = 0;
  auto same = [&](const Location& at) {
    if (at.file.empty()) return;
    ++places;
    CHECK(at.file.str().data() == shared);
  };
  for (const Figure& f : ex.figures) same(f.where);
  for (const Indicator& i : ex.indicators) {
    for (const Location* at : {&i.where, &i.weight_at, &i.score_at, &i.target_at,
                               &i.actual_at, &i.deviation_at})
      same(*at);
  }
  for (const TypedTable& t : ex.tables) CHECK(t.file.str().data() == shared);
  CHECK(places > 10);
}
