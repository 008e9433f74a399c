// Score tables rebuilt from a page whose totals rest on a reading the layout
// cannot vouch for: a form's scored funds row whose cells missed their
// header's columns, a header row with a line of the row above drawn into it.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "pdf_findings.h"
#include "pdf_pages.h"
#include "test_util.h"
#include "validate/validate.h"

namespace jx {
namespace {

using test::FindingsOfPages;
using test::Grid;
using test::LayoutOfPages;
using test::Page;
using test::PdfOfPages;
using test::ProjectPatterns;
using test::Word;

std::vector<const Finding*> Of(const std::vector<Finding>& fs, const std::string& rule) {
  std::vector<const Finding*> out;
  for (const Finding& f : fs)
    if (f.rule == rule) out.push_back(&f);
  return out;
}

// A self-evaluation form: a funds block scored 20, an indicator grid of 80
// and a 总分 of 100 that counts both. `score` is what the funds row prints
// under 得分: "15" where its cells sit under their header, the execution
// rate where the page pushed the row's cells one column on.
PdfPage Form(const std::string& score, const std::string& beyond) {
  const std::vector<double> xs = {50, 130, 210, 290, 370, 450};
  PdfPage p = Grid(xs, {100, 130, 160, 190, 220, 250, 280}, {});
  auto row = [&](double y, std::vector<std::string> cells) {
    for (size_t c = 0; c < cells.size(); ++c)
      if (!cells[c].empty()) p.words.push_back(Word(cells[c], xs[c] + 5, y + 10, 60));
  };
  row(100, {"项目资金", "全年执行数", "分值", "得分", ""});
  row(130, {"年度资金总额", "60.00", "20", score, beyond});
  row(160, {"一级指标", "三级指标", "分值", "得分", ""});
  row(190, {"产出指标", "接种人次", "40", "40", ""});
  row(220, {"效益指标", "档案完整性", "40", "35", ""});
  row(250, {"总分", "", "100", "90", ""});
  return p;
}

TEST_CASE("pdf score doubt: a funds row read under its header counts toward the total") {
  std::vector<Finding> fs = FindingsOfPages({Form("15", "")});
  for (const Finding* f : Of(fs, "score.total")) CHECK(f->severity != Severity::kError);
}

TEST_CASE("pdf score doubt: a funds row off its columns makes the total a warning") {
  std::vector<Finding> fs = FindingsOfPages({Form("75.00%", "15")});
  std::vector<const Finding*> totals = Of(fs, "score.total");
  REQUIRE(!totals.empty());
  for (const Finding* f : totals) {
    CHECK(f->severity == Severity::kWarning);
    CHECK(f->message.find("layout doubt columns") != std::string::npos);
  }
}

// An unruled indicator grid under a header row; `before` is drawn into the
// 一级指标 cell as a line of the row above set level with the header.
PdfPage Unruled(const std::string& before) {
  PdfPage p = Page();
  const std::vector<double> xs = {50, 150, 260, 360, 430};
  auto row = [&](double y, std::vector<std::string> cells) {
    for (size_t c = 0; c < cells.size(); ++c)
      if (!cells[c].empty())
        p.words.push_back(
            Word(cells[c], xs[c], y, 12.0 * static_cast<double>(cells[c].size()) / 3));
  };
  row(100, {"绩效指标", before + "一级指标", "三级指标", "分值", "得分"});
  row(120, {"", "产出指标", "接种人次", "40", "40"});
  row(140, {"", "", "配送时限", "20", "18"});
  row(160, {"", "效益指标", "档案完整性", "30", "30"});
  row(180, {"", "满意度指标", "家长满意度", "10", "9"});
  row(200, {"总分", "", "", "100", "97"});
  return p;
}

bool DoubtsRows(const Layout& l) {
  for (const Table& t : l.tables)
    for (const std::string& d : t.doubts)
      if (d == kDoubtRows) return true;
  return false;
}

TEST_CASE("pdf score doubt: a header cell with a line above drawn in doubts the rows") {
  Layout clean = LayoutOfPages({Unruled("")});
  REQUIRE(!clean.tables.empty());
  CHECK(!DoubtsRows(clean));
  Layout drawn = LayoutOfPages({Unruled("完成养护")});
  REQUIRE(!drawn.tables.empty());
  CHECK(DoubtsRows(drawn));
}

}  // namespace
}  // namespace jx

namespace jx {
namespace {

// An indicator grid whose last row is `last`: a 总分 row, or an indicator's
// row the 总分 label of the row below was drawn onto.
PdfPage TotalRow(std::vector<std::string> last) {
  const std::vector<double> xs = {50, 120, 200, 270, 340, 400, 460};
  PdfPage p = test::Grid(xs, {100, 130, 160, 190, 220}, {});
  auto row = [&](double y, std::vector<std::string> cells) {
    for (size_t c = 0; c < cells.size(); ++c)
      if (!cells[c].empty())
        p.words.push_back(test::Word(cells[c], xs[c] + 4, y + 10, 50));
  };
  row(100, {"一级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"});
  row(130, {"产出指标", "检查座数", "≥15座", "15座", "40", "40"});
  row(160, {"效益指标", "保持年限", "≥3年", "3年", "60", "50"});
  row(190, last);
  return p;
}

TEST_CASE(
    "pdf score doubt: a total row holding a target is an indicator's row the label was "
    "drawn onto") {
  std::vector<Finding> fs =
      FindingsOfPages({TotalRow({"总分", "群众满意度", "≥90%", "92%", "10", "9"})});
  std::vector<const Finding*> totals = Of(fs, "score.total");
  REQUIRE(!totals.empty());
  for (const Finding* f : totals) {
    CHECK(f->severity == Severity::kWarning);
    CHECK(f->message.find("layout doubt labels") != std::string::npos);
  }
}

TEST_CASE(
    "pdf score doubt: a total row naming an indicator beside its label doubts the total "
    "and the grade set against it") {
  // The last indicator's row and the total's read as one ("总分 |
  // 群众满意度（10分）| … | 95"): whose score the 95 is, is unsure.
  PdfPage p = TotalRow({"总分", "群众满意度（10分）", "", "", "100", "95"});
  p.words.push_back(test::Word("自评等级：差", 50, 60, 80));
  std::vector<Finding> fs = FindingsOfPages({p});
  std::vector<const Finding*> totals = Of(fs, "score.total");
  std::vector<const Finding*> grades = Of(fs, "grade.band");
  REQUIRE(!totals.empty());
  REQUIRE(!grades.empty());
  for (const Finding* f : totals) {
    CHECK(f->severity == Severity::kWarning);
    CHECK(f->message.find("layout doubt labels") != std::string::npos);
  }
  for (const Finding* f : grades) CHECK(f->severity == Severity::kWarning);
  // The same grade against a plain total row is an error.
  PdfPage plain = TotalRow({"总分", "", "", "", "100", "95"});
  plain.words.push_back(test::Word("自评等级：差", 50, 60, 80));
  std::vector<Finding> sure = FindingsOfPages({plain});
  REQUIRE(!Of(sure, "grade.band").empty());
  CHECK(Of(sure, "grade.band")[0]->severity == Severity::kError);
}

// A grid of three indicators whose last row's name is `name` (with a total's
// word after its own, the 合计 row's label read into it) and its score
// `score` (weight 10); the severities of `rule`'s findings on it, with a
// grade of 差 stated above the table.
std::vector<Severity> LastRowNamed(const std::string& name, const std::string& score,
                                   const std::string& rule) {
  const std::vector<double> xs = {50, 120, 200, 270, 340, 400, 460};
  PdfPage p = test::Grid(xs, {100, 130, 160, 190, 220}, {});
  auto row = [&](double y, std::vector<std::string> cells) {
    for (size_t c = 0; c < cells.size(); ++c)
      p.words.push_back(test::Word(cells[c], xs[c] + 4, y + 10, 50));
  };
  row(100, {"一级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"});
  row(130, {"产出指标", "检查座数", "≥15座", "15座", "40", "40"});
  row(160, {"效益指标", "保持年限", "≥3年", "3年", "50", "45"});
  row(190, {name, "群众满意度", "≥90%", "92%", "10", score});
  p.words.push_back(test::Word("自评等级：差", 50, 60, 80));
  std::vector<Severity> out;
  for (const Finding* f : Of(FindingsOfPages({p}), rule)) out.push_back(f->severity);
  return out;
}

TEST_CASE(
    "pdf score doubt: a name ending in a total's word doubts the grade set against the "
    "items") {
  // The 合计 row's label read into the last indicator's cell, and with it
  // the total's score: the grade is set against the items' sum, which may
  // not be what the form totals.
  CHECK(LastRowNamed("满意度指标合计", "9", "grade.band") ==
        std::vector<Severity>{Severity::kWarning});
  CHECK(LastRowNamed("满意度指标", "9", "grade.band") ==
        std::vector<Severity>{Severity::kError});
}

TEST_CASE("pdf score doubt: any rule on the row a total's label ran into is a warning") {
  // The row "满意度指标合计 | 群众满意度 | 10 | 12" holds the total's text and
  // an indicator's: its score over its weight may be the total's number.
  CHECK(LastRowNamed("满意度指标合计", "12", "score.exceeds_weight") ==
        std::vector<Severity>{Severity::kWarning});
  CHECK(LastRowNamed("满意度指标", "12", "score.exceeds_weight") ==
        std::vector<Severity>{Severity::kError});
}

TEST_CASE("pdf score doubt: a plain total row that is wrong stays an error") {
  std::vector<Finding> fs =
      FindingsOfPages({TotalRow({"总分", "", "", "", "100", "95"})});
  std::vector<const Finding*> totals = Of(fs, "score.total");
  REQUIRE(totals.size() == 1);
  CHECK(totals[0]->severity == Severity::kError);
}

TEST_CASE(
    "pdf score doubt: words with digits beside a merged total's one number doubt it") {
  // "标 95": a wrapped label's tail drawn into the total row beside its 得分.
  std::vector<Finding> fs =
      FindingsOfPages({TotalRow({"总分", "100", "标 95", "", "", ""})});
  for (const Finding* f : Of(fs, "score.total")) CHECK(f->severity != Severity::kError);
}

// Two 二级指标 in a row of 一级指标 whose weights miss by the child at their
// boundary (经济效益, weight `moved`): the first over, the second under.
// `from_page`: the score table is marked as rebuilt from a page, as the PDF
// reader marks it (its places carry a page).
std::vector<Finding> BoundaryFindings(const std::string& moved, bool from_page) {
  const std::string text =
      "2022年度项目支出绩效自评计分表\n"
      "一级指标\t二级指标\t三级指标\t自评分数\n"
      "产出（40分）\t项目产出（40分）\t实际完成率（10分）\t10\n"
      "\t\t完成及时率（10分）\t10\n"
      "\t\t质量达标率（10分）\t10\n"
      "\t\t成本节约率（10分）\t10\n"
      "\t\t经济效益（" +
      moved + "分）\t" + moved +
      "\n"
      "效果（60分）\t项目效益（60分）\t社会效益（20分）\t20\n"
      "\t\t生态效益（20分）\t20\n"
      "\t\t满意度（15分）\t15\n";
  Document d = test::DocFromText(text);
  Layout l = BuildLayout(d, ProjectPatterns());
  Extraction ex = Extract(d, l, ProjectPatterns());
  if (from_page)
    for (ScoreTable& st : ex.score_tables)
      for (ScoreNode& n : st.nodes) n.weight_at.page = n.score_at.page = 1;
  return Validate(ex, ProjectPatterns()).findings;
}

TEST_CASE("score doubt: neighbours off by the row between them are warnings on a page") {
  // 项目产出 45 against 40 and 项目效益 55 against 60: 经济效益 (5) belongs
  // to the second, a merged label placed a row off.
  std::vector<Finding> page = BoundaryFindings("5", true);
  std::vector<const Finding*> sums = Of(page, "score.weight_sum");
  REQUIRE(sums.size() == 2);
  for (const Finding* f : sums) {
    CHECK(f->severity == Severity::kWarning);
    CHECK(f->message.find("hierarchy doubt") != std::string::npos);
  }
  // Read from text, where the merged cells are printed where they are: errors.
  std::vector<Finding> text = BoundaryFindings("5", false);
  sums = Of(text, "score.weight_sum");
  REQUIRE(sums.size() == 2);
  for (const Finding* f : sums) CHECK(f->severity == Severity::kError);
  // Off by other amounts (+4 and -5): no row moved makes both right.
  std::vector<Finding> other = BoundaryFindings("4", true);
  sums = Of(other, "score.weight_sum");
  REQUIRE(sums.size() == 2);
  for (const Finding* f : sums) CHECK(f->severity == Severity::kError);
}

}  // namespace
}  // namespace jx

namespace jx {
namespace {

TEST_CASE(
    "score doubt: a mismatch a layout doubt made a warning still counts as incoherent") {
  // Three weights off their children's sum; the layout doubted the row of
  // the first. Three mismatches in one table are a hierarchy read wrong,
  // whichever of them a doubt already reported as a warning.
  const std::string text =
      "2022年度项目支出绩效自评计分表\n"
      "一级指标\t二级指标\t三级指标\t自评分数\n"
      "投入（20分）\t目标（20分）\t甲（15分）\t15\n"
      "过程（30分）\t执行（30分）\t乙（25分）\t25\n"
      "产出（50分）\t数量（50分）\t丙（45分）\t45\n";
  Document d = test::DocFromText(text);
  Layout l = BuildLayout(d, test::ProjectPatterns());
  Extraction ex = Extract(d, l, test::ProjectPatterns());
  REQUIRE(!ex.tables.empty());
  ex.tables[0].row_doubts.emplace_back(2, std::string(kDoubtRows));
  std::vector<Finding> fs = Validate(ex, test::ProjectPatterns()).findings;
  int sums = 0;
  for (const Finding& f : fs) {
    if (f.rule != "score.weight_sum") continue;
    ++sums;
    CHECK(f.severity == Severity::kWarning);
  }
  CHECK(sums >= 3);
}

}  // namespace
}  // namespace jx
