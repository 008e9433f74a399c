// Record stage: fingerprints, baselines and what a record carries of them.
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "audit/audit.h"
#include "record/baseline.h"
#include "record/fingerprint.h"
#include "record/wire.h"
#include "test_util.h"

namespace jx {
namespace {

using namespace test;
using json = nlohmann::json;

Finding SumFinding(const std::string& id, int line, int64_t stated) {
  Finding f;
  f.id = id;
  f.rule = "sum.total";
  f.severity = Severity::kError;
  f.message = "合计不符：合计 " + std::to_string(stated);
  f.has_numbers = true;
  f.stated = Decimal{stated, 0};
  f.computed = Decimal{90, 0};
  f.unit = "万元";
  f.where.file = "a.txt";
  f.where.line = line;
  f.evidence = {"合计 " + std::to_string(stated), "甲 40 + 乙 50"};
  return f;
}

TEST_CASE(
    "fingerprint: the same finding elsewhere in the file or under another name keeps "
    "it") {
  std::vector<Finding> a = {SumFinding("F1", 10, 100)};
  std::vector<Finding> b = {SumFinding("F7", 52, 100)};
  b[0].where.file = "renamed/b.txt";
  b[0].where.table = "t9";
  AssignFingerprints("aa11", &a);
  AssignFingerprints("aa11", &b);
  REQUIRE(a[0].fingerprint.size() == 32);
  CHECK(a[0].fingerprint.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(a[0].fingerprint == b[0].fingerprint);
}

TEST_CASE("fingerprint: content, rule, labels and numbers each change it") {
  auto fp = [](const std::string& sha, Finding f) {
    std::vector<Finding> v = {std::move(f)};
    AssignFingerprints(sha, &v);
    return v[0].fingerprint;
  };
  const std::string base = fp("aa11", SumFinding("F1", 10, 100));
  CHECK(fp("bb22", SumFinding("F1", 10, 100)) != base);
  Finding rule = SumFinding("F1", 10, 100);
  rule.rule = "sum.subtotal";
  CHECK(fp("aa11", rule) != base);
  Finding label = SumFinding("F1", 10, 100);
  label.evidence[1] = "丙 40 + 乙 50";
  CHECK(fp("aa11", label) != base);
  CHECK(fp("aa11", SumFinding("F1", 10, 101)) != base);
  Finding computed = SumFinding("F1", 10, 100);
  computed.computed = Decimal{91, 0};
  CHECK(fp("aa11", computed) != base);
  // The message is worded by the build; with evidence it is not part of it.
  Finding worded = SumFinding("F1", 10, 100);
  worded.message = "another wording";
  CHECK(fp("aa11", worded) == base);
}

TEST_CASE("fingerprint: findings alike in everything are told apart by their order") {
  std::vector<Finding> v = {SumFinding("F1", 10, 100), SumFinding("F2", 30, 100),
                            SumFinding("F3", 50, 100)};
  AssignFingerprints("aa11", &v);
  std::set<std::string> fps;
  for (const Finding& f : v) fps.insert(f.fingerprint);
  CHECK(fps.size() == 3);
  // A finding without evidence or numbers rests on its message.
  Finding scan;
  scan.rule = "pdf.no_text_layer";
  scan.message = "第 1-3 页没有文字层";
  Finding scan2 = scan;
  scan2.message = "第 1-4 页没有文字层";
  std::vector<Finding> s = {scan}, s2 = {scan2};
  AssignFingerprints("aa11", &s);
  AssignFingerprints("aa11", &s2);
  CHECK(s[0].fingerprint != s2[0].fingerprint);
}

TEST_CASE(
    "fingerprint: one per finding in the JSON and the text lines and across the wire") {
  const std::string path = SamplePath("001_20b715a24a62e05c.txt");
  DocumentRecord r =
      CheckRecord(path, "00ff", ReadOptions{}, ProjectPatterns(), RecordParts{});
  REQUIRE(r.status == "ok");
  const json doc = json::parse(r.json);
  const json& findings = doc.at("findings");
  REQUIRE(findings.size() >= 10);
  REQUIRE(findings.size() == r.text.lines.size());
  std::set<std::string> fps;
  for (size_t i = 0; i < findings.size(); ++i) {
    const std::string fp = findings[i].at("fingerprint").get<std::string>();
    CHECK(fp.size() == 32);
    CHECK(fp == r.text.lines[i].fingerprint);
    CHECK(findings[i].at("severity").get<std::string>() == r.text.lines[i].severity);
    fps.insert(fp);
  }
  CHECK(fps.size() == findings.size());
  // The Findings sheet (extract, the store) has the same ones.
  const Sheet* sheet = nullptr;
  for (const Sheet& s : r.sheets)
    if (s.name == "Findings") sheet = &s;
  REQUIRE(sheet);
  REQUIRE(sheet->columns.back() == "fingerprint");
  REQUIRE(sheet->rows.size() == findings.size());
  CHECK(sheet->rows[0].back().text == findings[0].at("fingerprint").get<std::string>());
  DocumentRecord back;
  Error err;
  REQUIRE(RecordFromWire(RecordToWire(r), &back, &err));
  CHECK(back.text == r.text);
  CHECK(back.json == r.json);
}

TEST_CASE("baseline: what it holds is taken out of a record and its counts") {
  const std::string path = SamplePath("001_20b715a24a62e05c.txt");
  DocumentRecord r =
      CheckRecord(path, "00ff", ReadOptions{}, ProjectPatterns(), RecordParts{});
  REQUIRE(r.counts.errors >= 2);
  json doc = json::parse(r.json);
  doc["file"] = path;
  json entries = json::array();
  AddBaselineEntries(doc, &entries);
  REQUIRE(entries.size() == doc.at("findings").size());
  // Keep all but the first finding: the first stays reported.
  entries.erase(entries.begin());
  Baseline b;
  std::string why;
  REQUIRE(ParseBaseline(BaselineDocument("0", entries).dump(), &b, &why));
  REQUIRE(b.fingerprints.size() == entries.size());
  const std::string kept = doc["findings"][0]["fingerprint"];
  const std::string kept_severity = doc["findings"][0]["severity"];
  const Counts before = r.counts;
  CHECK(Suppress(b, &r) == static_cast<int>(entries.size()));
  const json after = json::parse(r.json);
  REQUIRE(after["findings"].size() == 1);
  CHECK(after["findings"][0]["fingerprint"] == kept);
  REQUIRE(r.text.lines.size() == 1);
  CHECK(r.text.lines[0].fingerprint == kept);
  CHECK(r.counts.errors + r.counts.warnings + r.counts.infos == 1);
  CHECK(r.counts.errors == (kept_severity == "error" ? 1 : 0));
  CHECK(before.errors + before.warnings + before.infos ==
        static_cast<int>(entries.size()) + 1);
  // Text only (a record read back for text output): counted from the lines.
  DocumentRecord t =
      CheckRecord(path, "00ff", ReadOptions{}, ProjectPatterns(), RecordParts{});
  t.json.clear();
  CHECK(Suppress(b, &t) == static_cast<int>(entries.size()));
  CHECK(t.counts.errors + t.counts.warnings + t.counts.infos == 1);
}

TEST_CASE("baseline: another file or another fingerprint recipe is refused") {
  Baseline b;
  std::string why;
  CHECK_FALSE(ParseBaseline("{\"tool\": \"jxaudit\"}", &b, &why));
  CHECK(why.find("not a jxaudit baseline") != std::string::npos);
  CHECK_FALSE(ParseBaseline("not json", &b, &why));
  json old = BaselineDocument("0", json::array());
  old["fingerprint_version"] = "jxaudit/v0";
  CHECK_FALSE(ParseBaseline(old.dump(), &b, &why));
  CHECK(why.find("make it again") != std::string::npos);
  json blank = BaselineDocument("0", json::array({{{"fingerprint", ""}}}));
  REQUIRE(ParseBaseline(blank.dump(), &b, &why));
  CHECK(b.fingerprints.empty());  // an empty one would take unfingerprinted findings
}

TEST_CASE(
    "rule titles: every rule has a Chinese and an English title in patterns/rules.txt") {
  const auto& titles = ProjectPatterns().rule_titles();
  for (const RuleInfo& r : Rules()) {
    INFO(r.id);
    auto t = titles.find(r.id);
    REQUIRE(t != titles.end());
    CHECK(!t->second.zh.empty());
    CHECK(!t->second.en.empty());
  }
  Patterns p;
  std::string err;
  CHECK_FALSE(p.ParseRuleTitles("patterns/rules.txt", "sum.total 合计不符\n", &err));
  CHECK(err == "patterns/rules.txt:1: expected 'rule-id  中文标题 | English title'");
  CHECK_FALSE(p.ParseRuleTitles("patterns/rules.txt", "a.b 甲 | A\na.b 乙 | B\n", &err));
  CHECK(err.find(":2: rule 'a.b' has a title already") != std::string::npos);
}

}  // namespace
}  // namespace jx

namespace jx {

TEST_CASE("Indicators sheet: direction, the result as a number, the deviation reason",
          "[record]") {
  DocumentReport d = CheckFile(test::SamplePath("fixtures/results_national_self.txt"),
                               ReadOptions{}, test::ProjectPatterns());
  REQUIRE(d.ok);
  std::vector<Sheet> sheets = BuildSheets(std::vector<const DocumentReport*>{&d}, false);
  const Sheet* ind = nullptr;
  for (const Sheet& s : sheets)
    if (s.name == "Indicators") ind = &s;
  REQUIRE(ind);
  auto col = [&](const std::string& name) {
    auto it = std::find(ind->columns.begin(), ind->columns.end(), name);
    REQUIRE(it != ind->columns.end());
    return static_cast<size_t>(it - ind->columns.begin());
  };
  const size_t level3 = col("level3"), direction = col("direction"),
               value = col("actual_value"), unit = col("actual_unit"),
               deviation = col("deviation");
  int seen = 0;
  for (const auto& row : ind->rows) {
    const std::string name = row[level3].text;
    if (name == "单位养护成本") {
      ++seen;
      CHECK(row[direction].text == "reverse");
      CHECK(row[value].kind == Value::kNumber);
      CHECK(row[value].number == Decimal{52000, 0});
      CHECK(row[unit].text == "元/公里");
    } else if (name == "群众出行条件改善") {
      ++seen;
      CHECK(row[direction].text == "qualitative");
      CHECK(row[value].kind == Value::kEmpty);
      CHECK(row[deviation].text == "部分路段施工延期");
    }
  }
  CHECK(seen == 2);
}

TEST_CASE("wire: rows read into one vector take each row's own values") {
  // A reader reuses the row it is given: a cell of text after a number, a
  // number after text, a link, then none, an empty cell after all of them.
  Value linked = TextValue("甲");
  linked.link = "'Tables'!A3";
  linked.flagged = true;
  Value pct = NumberValue(Decimal{955, 1});
  pct.percent = true;
  const std::vector<std::vector<Value>> rows = {
      {NumberValue(Decimal{12, 0}), TextValue("a long text beyond the short form"),
       linked},
      {TextValue("b"), pct, Value{}},
      {Value{}},
      {TextValue(""), NumberValue(Decimal{-3, 2}), TextValue("c"), TextValue("d")}};
  WireWriter w;
  for (const auto& r : rows) w.Row(r);
  WireReader in(w.bytes());
  std::vector<Value> got;
  for (const auto& want : rows) {
    REQUIRE(in.Row(&got));
    REQUIRE(got.size() == want.size());
    for (size_t c = 0; c < want.size(); ++c) {
      INFO(c);
      CHECK(got[c].kind == want[c].kind);
      CHECK(got[c].text == want[c].text);
      CHECK(got[c].number.units == want[c].number.units);
      CHECK(got[c].number.scale == want[c].number.scale);
      CHECK(got[c].percent == want[c].percent);
      CHECK(got[c].flagged == want[c].flagged);
      CHECK(got[c].link.str() == want[c].link.str());
    }
  }
  CHECK(in.done());
  WireReader cut(std::string_view(w.bytes()).substr(0, 3));
  CHECK_FALSE(cut.Row(&got));
  CHECK(got.empty());
}

TEST_CASE("tables wire: a file's tables go to the parent and its paragraphs stay") {
  DocumentTables d;
  d.file = "a.txt";
  d.encoding = "GB18030";
  d.layout.paragraphs.push_back(Paragraph{"部门名称：甲县财政局", 1, 0});
  Table t;
  t.id = "t1";
  t.title = "表1 支出";
  t.first_line = 3;
  t.last_line = 5;
  t.header_rows = 1;
  Cell head, cell;
  head.text = "项目";
  head.set_value("项目");
  cell.text = "100.00";
  cell.set_value("100");
  cell.colspan = 2;
  t.rows = {{head}, {cell}};
  t.row_is_header = {true, false};
  d.layout.tables.push_back(t);
  DocumentTables got;
  Error err;
  REQUIRE(TablesFromWire(TablesToWire(d), &got, &err));
  CHECK(got.file == "a.txt");
  CHECK(got.encoding == "GB18030");
  CHECK(got.layout.paragraphs.empty());
  REQUIRE(got.layout.tables.size() == 1);
  const Table& g = got.layout.tables[0];
  CHECK(g.id == "t1");
  CHECK(g.title == "表1 支出");
  CHECK(g.last_line == 5);
  CHECK(g.row_is_header == std::vector<bool>{true, false});
  REQUIRE(g.rows.size() == 2);
  CHECK(g.rows[1][0].text == "100.00");
  CHECK(g.rows[1][0].value() == "100");
  CHECK(g.rows[1][0].colspan == 2);
  CHECK(g.rows[0][0].value() == "项目");
  // Cut short, the message does not read.
  const std::string bytes = TablesToWire(d);
  CHECK_FALSE(
      TablesFromWire(std::string_view(bytes).substr(0, bytes.size() - 1), &got, &err));
}

}  // namespace jx
