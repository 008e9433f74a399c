// The workbooks: their words, the 问题清单, the flagged tables, long sheets
// split, print setup, no formulas; and LibreOffice opening every workbook
// jxaudit writes.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "audit/audit.h"
#include "base/terms.h"
#include "export/extract.h"
#include "record/sheets.h"
#include "test_util.h"
#include "validate/validate.h"

namespace jx {
namespace {

using namespace test;
namespace fs = std::filesystem;

// Two units' reports: 甲县 with an error in a row whose label a spreadsheet
// would take for a formula, 乙县 with a warning before its error.
const char* kJia =
    "部门名称：甲县财政局\n\n表1 2023年支出情况（单位：万元）\n\n"
    "项目\t年初预算数\t决算数\n基本支出\t100.00\t90.00\n=1+1\t50.00\t40.00\n"
    "合计\t160.00\t130.00\n";
const char* kYi =
    "部门名称：乙县教育局\n\n表1 2023年预算执行情况（单位：万元）\n\n"
    "项目\t调整预算数\t决算数\n基本支出\t10.00\t9.00\n项目支出\t20.00\t22.00\n"
    "合计\t30.00\t32.00\n";

// The flagged tables' sheets: a number, the table's id and its title, cut
// at Excel's 31 characters.
const char* kDrawnJia = "问题表1 t1 表1 2023年支出情况（单位：万元）";
const char* kDrawnYi = "问题表2 t1 表1 2023年预算执行情况（单位：万元）";

std::string Unzipped(const std::string& xlsx, const std::string& member) {
  std::string out = xlsx + ".member";
  std::string cmd =
      "unzip -p '" + xlsx + "' '" + member + "' > '" + out + "' 2>/dev/null";
  if (std::system(cmd.c_str()) != 0) return "";
  return ReadFile(out);
}

// Every worksheet's XML, by its name in the book.
std::map<std::string, std::string> SheetsXml(const std::string& xlsx) {
  std::map<std::string, std::string> out;
  std::string wb = Unzipped(xlsx, "xl/workbook.xml");
  std::regex sheet("<sheet name=\"([^\"]*)\" sheetId=\"([0-9]+)\"");
  for (auto it = std::sregex_iterator(wb.begin(), wb.end(), sheet);
       it != std::sregex_iterator(); ++it)
    out[(*it)[1]] = Unzipped(xlsx, "xl/worksheets/sheet" + (*it)[2].str() + ".xml");
  return out;
}

std::vector<std::string> SheetNames(const std::string& xlsx) {
  std::vector<std::string> names;
  std::string wb = Unzipped(xlsx, "xl/workbook.xml");
  std::regex sheet("<sheet name=\"([^\"]*)\"");
  for (auto it = std::sregex_iterator(wb.begin(), wb.end(), sheet);
       it != std::sregex_iterator(); ++it)
    names.push_back((*it)[1]);
  return names;
}

std::string Unescape(std::string s) {
  for (auto [from, to] : {std::pair<std::string, std::string>{"&quot;", "\""},
                          {"&apos;", "'"},
                          {"&lt;", "<"},
                          {"&gt;", ">"},
                          {"&amp;", "&"}}) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + 1))
      s.replace(at, from.size(), to);
  }
  return s;
}

std::string TwoUnits(const std::string& dir) {
  WriteFile(dir + "/a.txt", kJia);
  WriteFile(dir + "/b.txt", kYi);
  return dir;
}

TEST_CASE("workbook words: every column and severity and rule has Chinese and English",
          "[export][workbook]") {
  const Terms& t = ProjectPatterns().terms();
  std::vector<Sheet> shapes = BuildSheets(std::vector<const DocumentReport*>{}, true);
  shapes.push_back(Sheet{"Failures", {"file", "status", "error", "size", "sha256"}, {}});
  for (const Sheet& s : shapes) {
    INFO(s.name);
    CHECK(t.Has("sheet." + s.name));
    for (const std::string& c : s.columns) {
      INFO(c);
      CHECK((t.Has("col." + s.name + "." + c) || t.Has("col." + c)));
    }
  }
  for (const RuleInfo& r : Rules()) {
    INFO(r.id);
    CHECK(t.Has(std::string("rule.") + r.id));
    CHECK(t.Get(std::string("rule.") + r.id, Lang::kZh) !=
          t.Get(std::string("rule.") + r.id, Lang::kEn));
  }
  for (Severity s : {Severity::kError, Severity::kWarning, Severity::kInfo})
    CHECK(t.Has(std::string("value.severity.") + SeverityName(s)));
  CHECK(t.Get("value.severity.error", Lang::kZh) == "错误");
  CHECK(t.Get("value.severity.warning", Lang::kZh) == "警告");
  CHECK(t.Get("value.severity.info", Lang::kZh) == "提示");
  // English is today's words: the sheets' own names.
  CHECK(t.Get("sheet.Findings", Lang::kEn) == "Findings");
  CHECK(t.Get("col.budget_final", Lang::kEn) == "budget_final");
}

TEST_CASE("workbook words: a malformed line is refused at its line",
          "[export][workbook]") {
  Terms t;
  std::string err;
  CHECK_FALSE(
      t.Parse("patterns/workbook.txt", "# c\nsheet.A  甲 | A\nbroken 甲\n", &err));
  CHECK(err.rfind("patterns/workbook.txt:3: expected 'key 中文 | English'", 0) == 0);
  CHECK_FALSE(t.Parse("patterns/workbook.txt", "a 甲 | A\na 乙 | B\n", &err));
  CHECK(err == "patterns/workbook.txt:2: 'a' given twice");
  REQUIRE(t.Parse("patterns/workbook.txt", "row 第{}行 | row {}\nx 甲 乙 | A B\n", &err));
  CHECK(t.Get("x", Lang::kZh) == "甲 乙");
  CHECK(t.Get("x", Lang::kEn) == "A B");
  CHECK(t.Get("missing.key", Lang::kZh) == "missing.key");
  CHECK(Words(t, Lang::kZh).Format("row", "12") == "第12行");
  // Without the file nothing loads.
  std::string dir = TempDir() + "/patterns";
  fs::copy(JXAUDIT_PATTERNS_DIR, dir);
  fs::remove(dir + "/workbook.txt");
  Patterns p;
  CHECK_FALSE(p.LoadDir(dir, &err));
  CHECK(err.rfind("patterns/workbook.txt: cannot read", 0) == 0);
  fs::remove_all(fs::path(dir).parent_path());
}

TEST_CASE("extract workbook: Chinese sheets, 问题清单 linked to the flagged tables",
          "[export][workbook][e2e]") {
  std::string dir = TwoUnits(TempDir());
  std::string out = dir + "/x.xlsx";
  RunResult r = RunJxaudit({"extract", dir + "/a.txt", dir + "/b.txt", "-o", out});
  INFO(r.err);
  REQUIRE(r.status == 0);
  std::vector<std::string> names = SheetNames(out);
  std::vector<std::string> want = {"汇总", "问题清单", "文件",    "预算",  "指标",
                                   "发现", "表格单元", kDrawnJia, kDrawnYi};
  CHECK(names == want);
  auto xml = SheetsXml(out);
  const std::string& problems = xml["问题清单"];
  for (const char* head : {"单位", "报告文件", "表", "行/项目", "填报数", "计算数",
                           "差额", "容差", "说明", "规则", "严重程度", "复核意见"})
    CHECK(problems.find(std::string("<t>") + head + "</t>") != std::string::npos);
  // 甲县 (jiǎ) sorts before 乙县 (yǐ) as in a dictionary, though 乙 comes
  // first in code point order; 乙县's error before the warning printed
  // first; four rows below the header.
  size_t yi_error = problems.find("<t>乙县教育局</t>");
  size_t jia = problems.find("<t>甲县财政局</t>");
  CHECK(jia < yi_error);
  CHECK(problems.find("<row r=\"5\"") != std::string::npos);
  CHECK(problems.find("<row r=\"6\"") == std::string::npos);
  CHECK(problems.find("<t>错误</t>") < problems.find("<t>警告</t>"));
  CHECK(problems.find("<t>合计数与分项之和不符</t>") != std::string::npos);
  CHECK(problems.find("<t>sum.total</t>") != std::string::npos);
  // Every row links to the stated cell of its table as drawn: row r of the
  // table is sheet row r + 2 (a link back and the title above it).
  std::regex link("<hyperlink ref=\"C([0-9]+)\" location=\"'([^']+)'!([A-Z]+)([0-9]+)\"");
  int links = 0;
  for (auto it = std::sregex_iterator(problems.begin(), problems.end(), link);
       it != std::sregex_iterator(); ++it) {
    ++links;
    const std::string target = Unescape((*it)[2]);
    INFO(target);
    REQUIRE(xml.count(target));
    const std::string cell = (*it)[3].str() + (*it)[4].str();
    CHECK(xml[target].find("<c r=\"" + cell + "\"") != std::string::npos);
  }
  CHECK(links == 4);
  CHECK(problems.find("location=\"'" + std::string(kDrawnYi) + "'!C6\"") !=
        std::string::npos);  // 乙县's 合计 决算数: row 4, column 3 of its table
  // The flagged table: a link back, error cells red, warning cells amber,
  // the findings as comments.
  const std::string& drawn = xml[kDrawnYi];
  CHECK(drawn.find("location=\"'问题清单'!A1\"") != std::string::npos);
  std::string styles = Unzipped(out, "xl/styles.xml");
  CHECK(styles.find("FFFFC7CE") != std::string::npos);
  CHECK(styles.find("FFFFEB9C") != std::string::npos);
  std::string comments;
  for (int i = 1; i <= 3; ++i)
    comments += Unzipped(out, "xl/comments" + std::to_string(i) + ".xml");
  CHECK(comments.find("【错误】F2 合计数与分项之和不符 (sum.total)") !=
        std::string::npos);
  CHECK(comments.find("【警告】") != std::string::npos);
  // Messages wrap, and their rows are as tall as the wrapped text.
  CHECK(Unzipped(out, "xl/styles.xml").find("wrapText=\"1\"") != std::string::npos);
  CHECK(std::regex_search(problems,
                          std::regex("<row r=\"2\"[^>]*ht=\"(3[0-9]|[4-9][0-9])")));
  // Print setup on every sheet; header rows repeated.
  for (const auto& [name, x] : xml) {
    INFO(name);
    CHECK(x.find("orientation=\"landscape\"") != std::string::npos);
    CHECK(x.find("fitToHeight=\"0\"") != std::string::npos);
  }
  CHECK(Unzipped(out, "xl/workbook.xml").find("_xlnm.Print_Titles") != std::string::npos);
  // The year is a number; a percent is its fraction under a percent format.
  CHECK(std::regex_search(xml["文件"], std::regex("<c r=\"G2\"[^>]*><v>2023</v>")));
  // Document text is never a formula.
  for (const auto& [name, x] : xml) CHECK(x.find("<f>") == std::string::npos);
  CHECK(problems.find("<t>=1+1</t>") == std::string::npos);  // not a label: a row's
  CHECK(xml[kDrawnJia].find("<t>=1+1</t>") != std::string::npos);
  // --lang en: today's English names.
  RunResult en =
      RunJxaudit({"extract", "--lang", "en", dir + "/a.txt", dir + "/b.txt", "-o", out});
  REQUIRE(en.status == 0);
  names = SheetNames(out);
  CHECK(names == std::vector<std::string>{
                     "Summary", "Problems", "Documents", "Budget", "Indicators",
                     "Findings", "Tables", "Flagged1 t1 表1 2023年支出情况（单位：万元）",
                     "Flagged2 t1 表1 2023年预算执行情况（单位：万"});
  CHECK(SheetsXml(out)["Findings"].find("<t>error</t>") != std::string::npos);
  RunResult bad = RunJxaudit({"extract", "--lang", "fr", dir + "/a.txt", "-o", out});
  CHECK(bad.status == 2);
  CHECK(bad.err == "jxaudit: --lang 'fr': expected zh or en\n");
  fs::remove_all(dir);
}

TEST_CASE("extract workbook: a sheet past the row limit goes on with its links",
          "[export][workbook]") {
  std::vector<Sheet> shapes = BuildSheets(std::vector<const DocumentReport*>{}, true);
  std::vector<Sheet> sheets;
  for (Sheet& s : shapes)
    if (s.name == "Documents" || s.name == "Findings" || s.name == "Tables")
      sheets.push_back(std::move(s));
  sheets[0].rows.push_back(std::vector<Value>(sheets[0].columns.size()));
  sheets[0].rows[0][0] = TextValue("r.txt");
  for (int i = 0; i < 10; ++i) {
    std::vector<Value> row(sheets[2].columns.size());
    row[0] = TextValue("r.txt");
    row[1] = TextValue("t1");
    row[2] = NumberValue(Decimal{i + 1, 0});
    row[3] = NumberValue(Decimal{1, 0});
    row[5] = TextValue("cell" + std::to_string(i));
    sheets[2].rows.push_back(std::move(row));
  }
  std::vector<Value> finding(sheets[1].columns.size());
  finding[0] = TextValue("r.txt");
  finding[1] = TextValue("F1");
  finding[1].link = TablesLink(6);  // the seventh cell
  sheets[1].rows.push_back(std::move(finding));
  std::string dir = TempDir();
  std::string out = dir + "/long.xlsx";
  BookOptions opt;
  opt.terms = &ProjectPatterns().terms();
  opt.max_rows = 4;  // a header and three rows a sheet
  Error err;
  REQUIRE(WriteExtractXlsx(sheets, out, opt, &err));
  CHECK(SheetNames(out) == std::vector<std::string>{"汇总", "问题清单", "文件", "发现",
                                                    "表格单元", "表格单元 (2)",
                                                    "表格单元 (3)", "表格单元 (4)"});
  auto xml = SheetsXml(out);
  CHECK(xml["发现"].find("location=\"'表格单元 (3)'!F2\"") != std::string::npos);
  CHECK(xml["表格单元 (3)"].find("<t>cell6</t>") != std::string::npos);
  CHECK(xml["表格单元 (4)"].find("<t>cell9</t>") != std::string::npos);
  // Each part has its header row.
  CHECK(xml["表格单元 (4)"].find("<t>文字</t>") != std::string::npos);
  CHECK(opt.max_rows < kExcelRows);
  CHECK(BookOptions{}.max_rows == 1048576);
  fs::remove_all(dir);
}

TEST_CASE("percent cells: the fraction under 0.00% in every workbook",
          "[export][workbook]") {
  std::string dir = TempDir();
  const std::string in = SamplePath("fixtures/web_copy_pipes.txt");
  REQUIRE(RunJxaudit({"extract", in, "-o", dir + "/x.xlsx"}).status == 0);
  REQUIRE(RunJxaudit({"tables", in, "-o", dir + "/t.xlsx"}).status == 0);
  for (const char* book : {"/x.xlsx", "/t.xlsx"}) {
    INFO(book);
    CHECK(Unzipped(dir + book, "xl/styles.xml").find("formatCode=\"0.00%\"") !=
          std::string::npos);
    std::string all;
    for (const auto& [name, x] : SheetsXml(dir + book)) all += x;
    CHECK(all.find("<v>0.9967</v>") != std::string::npos);  // printed 99.67%
  }
  // The Budget sheet's 执行率 (a number in percent) is shown the same way.
  std::string budget = SheetsXml(dir + "/x.xlsx")["预算"];
  CHECK(budget.find("<v>0.9967</v>") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("extract workbook: links past Excel's 65530 a sheet become plain text",
          "[export][workbook]") {
  std::vector<Sheet> shapes = BuildSheets(std::vector<const DocumentReport*>{}, true);
  std::vector<Sheet> sheets = {shapes[3], shapes[4]};  // Findings, Tables
  REQUIRE(sheets[0].name == "Findings");
  std::vector<Value> cell(sheets[1].columns.size());
  cell[0] = TextValue("r.txt");
  cell[5] = TextValue("x");
  sheets[1].rows.push_back(cell);
  for (int i = 0; i < 65540; ++i) {
    std::vector<Value> row(sheets[0].columns.size());
    row[1] = TextValue("F" + std::to_string(i + 1));
    row[1].link = TablesLink(0);
    sheets[0].rows.push_back(std::move(row));
  }
  std::string dir = TempDir();
  BookOptions opt;
  opt.terms = &ProjectPatterns().terms();
  Error err;
  REQUIRE(WriteExtractXlsx(sheets, dir + "/links.xlsx", opt, &err));
  std::string x = SheetsXml(dir + "/links.xlsx")["发现"];
  size_t links = 0;
  for (size_t at = x.find("<hyperlink "); at != std::string::npos;
       at = x.find("<hyperlink ", at + 1))
    ++links;
  CHECK(links == 65530);
  CHECK(x.find("<t>F65540</t>") != std::string::npos);  // the text is kept
  fs::remove_all(dir);
}

TEST_CASE("extract workbook: a sparse flagged table is drawn without its blanks",
          "[export][workbook][hostile]") {
  std::vector<Sheet> shapes = BuildSheets(std::vector<const DocumentReport*>{}, true);
  std::vector<Sheet> sheets = {shapes[3], shapes[4]};  // Findings, Tables
  std::vector<Value> f(sheets[0].columns.size());
  f[0] = TextValue("r.txt");
  f[1] = TextValue("F1");
  f[2] = TextValue("sum.total");
  f[3] = TextValue("error");
  sheets[0].rows.push_back(f);
  auto cell = [&](int r, int c, const char* text, const char* ids) {
    std::vector<Value> row(sheets[1].columns.size());
    row[0] = TextValue("r.txt");
    row[1] = TextValue("t1");
    row[2] = NumberValue(Decimal{r, 0});
    row[3] = NumberValue(Decimal{c, 0});
    row[5] = TextValue(text);
    if (*ids) row[10] = TextValue(ids);
    sheets[1].rows.push_back(std::move(row));
  };
  cell(1, 1, "x", "F1");
  cell(1, 16000, "wide", "");
  cell(90000, 1, "deep", "");
  std::string dir = TempDir();
  BookOptions opt;
  opt.terms = &ProjectPatterns().terms();
  Error err;
  auto start = std::chrono::steady_clock::now();
  REQUIRE(WriteExtractXlsx(sheets, dir + "/sparse.xlsx", opt, &err));
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(20));
  std::string drawn = SheetsXml(dir + "/sparse.xlsx")["问题表1 t1"];
  CHECK(drawn.find("<t>wide</t>") != std::string::npos);
  CHECK(drawn.find("<t>deep</t>") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("extract workbook: flagged tables past the limit share one sheet",
          "[export][workbook]") {
  std::string dir = TwoUnits(TempDir());
  WriteFile(dir + "/c.txt", kYi);
  std::vector<DocumentReport> docs;
  for (const char* f : {"/a.txt", "/b.txt", "/c.txt"})
    docs.push_back(CheckFile(dir + f, ReadOptions{}, ProjectPatterns()));
  BookOptions opt;
  opt.terms = &ProjectPatterns().terms();
  opt.max_table_sheets = 1;
  std::string out = dir + "/x.xlsx";
  Error err;
  REQUIRE(WriteExtractXlsx(BuildSheets(docs, true), out, opt, &err));
  std::vector<std::string> names = SheetNames(out);
  REQUIRE(names.size() == 9);
  CHECK(names[7] == kDrawnJia);
  CHECK(names[8] == "其余问题表");
  auto xml = SheetsXml(out);
  const std::string& problems = xml["问题清单"];
  // b's table: its title on row 1, its rows from row 2 (合计 on row 5); c's
  // after a blank row: title on row 7, 合计 on row 11.
  CHECK(problems.find("location=\"'其余问题表'!C6\"") != std::string::npos);
  CHECK(problems.find("location=\"'其余问题表'!C12\"") != std::string::npos);
  const std::string& rest = xml["其余问题表"];
  CHECK(std::regex_search(rest, std::regex("<c r=\"C6\"[^>]*><v>32</v>")));
  CHECK(std::regex_search(rest, std::regex("<c r=\"C12\"[^>]*><v>32</v>")));
  CHECK(rest.find("location=\"'问题清单'!A1\"") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("Findings name their row: an indicator's own name or the row's label",
          "[export][workbook]") {
  std::vector<DocumentReport> docs;
  docs.push_back(CheckFile(SamplePath("fixtures/results_national_self.txt"),
                           ReadOptions{}, ProjectPatterns()));
  docs.push_back(CheckFile(SamplePath("001_20b715a24a62e05c.txt"), ReadOptions{},
                           ProjectPatterns()));
  std::vector<Sheet> sheets = BuildSheets(docs, true);
  const Sheet& f = sheets[3];
  REQUIRE(f.name == "Findings");
  auto col = [&](const char* name) {
    return static_cast<size_t>(std::find(f.columns.begin(), f.columns.end(), name) -
                               f.columns.begin());
  };
  std::set<std::string> got;
  for (const auto& row : f.rows)
    got.insert(row[col("rule")].text + " " + row[col("item")].text + " " +
               row[col("table_title")].text);
  // The indicator, not the result printed left of the score.
  CHECK(got.count("result.full_marks_short 养护里程 项目支出绩效自评表"));
  CHECK(got.count(
      "sum.children 一、基本支出 表 1 2022 年预算资金执行情况统计表 （单位：元）"));
  // A weight column beside its level: that level's label.
  CHECK(got.count(
      "score.weight_sum 部门绩效 部门整体支出绩效评价共性指标体系框架（2021 年修订）"));
  // The store's shapes keep their columns.
  std::vector<Sheet> stored = BuildSheets(std::vector<const DocumentReport*>{}, false);
  CHECK(std::find(stored[3].columns.begin(), stored[3].columns.end(), "item") ==
        stored[3].columns.end());
}

TEST_CASE("问题清单: a finding in running text names its line and a PDF's page",
          "[export][workbook]") {
  // A PDF's line is counted on its page, a text file's in the file: the row
  // says which page when there is one.
  std::string dir = TempDir();
  WriteFile(dir + "/r.txt",
            "部门名称：甲县司法局\n\n2025年当年预算执行数为100.00万元，2026年预算安排"
            "120.00万元，比2025年预算执行数增加50.00%。\n");
  std::vector<DocumentReport> docs;
  docs.push_back(CheckFile(dir + "/r.txt", ReadOptions{}, ProjectPatterns()));
  std::vector<Sheet> sheets = BuildSheets(docs, true);
  BookOptions opt;
  opt.terms = &ProjectPatterns().terms();
  Error err;
  REQUIRE(WriteExtractXlsx(sheets, dir + "/text.xlsx", opt, &err));
  Sheet& f = sheets[3];
  REQUIRE(f.name == "Findings");
  const size_t page = static_cast<size_t>(
      std::find(f.columns.begin(), f.columns.end(), "page") - f.columns.begin());
  REQUIRE(page < f.columns.size());
  REQUIRE(f.rows.size() == 1);
  f.rows[0][page] = NumberValue(Decimal{9, 0});
  REQUIRE(WriteExtractXlsx(sheets, dir + "/pdf.xlsx", opt, &err));
  CHECK(SheetsXml(dir + "/text.xlsx")["问题清单"].find("<t>正文第3行</t>") !=
        std::string::npos);
  CHECK(SheetsXml(dir + "/pdf.xlsx")["问题清单"].find("<t>第9页 正文第3行</t>") !=
        std::string::npos);
  fs::remove_all(dir);
}

bool HaveSoffice() {
  for (const char* d : {"/usr/bin/soffice", "/usr/local/bin/soffice"})
    if (fs::exists(d)) return true;
  return false;
}

// Every sheet of `xlsx` as LibreOffice saves it to CSV, by sheet name; empty
// when the conversion failed.
std::map<std::string, std::string> LibreOfficeCsv(const std::string& xlsx,
                                                  const std::string& dir) {
  std::string out = dir + "/csv";
  fs::create_directories(out);
  std::string cmd =
      "cd '" + dir + "' && timeout 120 soffice --headless " +
      "-env:UserInstallation=file://" + dir + "/profile " +
      "--convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,"
      "false,false,false,-1' --outdir '" +
      out + "' '" + xlsx + "' >'" + dir + "/soffice.log' 2>&1";
  std::map<std::string, std::string> sheets;
  if (std::system(cmd.c_str()) != 0) return sheets;
  const std::string stem = fs::path(xlsx).stem().string() + "-";
  for (const auto& e : fs::directory_iterator(out)) {
    std::string name = e.path().stem().string();
    if (name.rfind(stem, 0) == 0) sheets[name.substr(stem.size())] = ReadFile(e.path());
  }
  fs::remove_all(out);
  return sheets;
}

std::vector<std::vector<std::string>> CsvRows(const std::string& csv) {
  std::vector<std::vector<std::string>> rows(1);
  std::string cell;
  bool quoted = false;
  for (size_t i = 0; i < csv.size(); ++i) {
    char c = csv[i];
    if (quoted) {
      if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"')
        cell += '"', ++i;
      else if (c == '"')
        quoted = false;
      else
        cell += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(cell)), cell.clear();
    } else if (c == '\n') {
      rows.back().push_back(std::move(cell)), cell.clear();
      rows.emplace_back();
    } else if (c != '\r') {
      cell += c;
    }
  }
  if (!cell.empty() || !rows.back().empty()) rows.back().push_back(cell);
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

TEST_CASE("LibreOffice opens every workbook jxaudit writes, with the cells expected",
          "[export][workbook][libreoffice]") {
  // tools/install-deps.sh installs LibreOffice: this test always runs.
  REQUIRE(HaveSoffice());
  std::string dir = TwoUnits(TempDir());
  REQUIRE(RunJxaudit({"extract", dir + "/a.txt", dir + "/b.txt", "-o", dir + "/x.xlsx"})
              .status == 0);
  REQUIRE(RunJxaudit({"tables", dir + "/a.txt", dir + "/b.txt", "-o", dir + "/t.xlsx"})
              .status == 0);
  REQUIRE(RunJxaudit(
              {"check", "-q", "--db", dir + "/s.sqlite", dir + "/a.txt", dir + "/b.txt"})
              .status == 1);
  REQUIRE(
      RunJxaudit({"report", "--db", dir + "/s.sqlite", "-o", dir + "/r.xlsx"}).status ==
      0);

  auto x = LibreOfficeCsv(dir + "/x.xlsx", dir);
  INFO(ReadFile(dir + "/soffice.log"));
  REQUIRE(x.size() == 9);
  for (const auto& [name, csv] : x) {
    INFO(name);
    CHECK_FALSE(csv.empty());
  }
  auto problems = CsvRows(x["问题清单"]);
  REQUIRE(problems.size() == 5);
  CHECK(problems[0][0] == "单位");
  CHECK(problems[0][13] == "复核意见");
  // By unit, errors first; the numbers as numbers.
  std::vector<std::string> got;
  for (size_t r = 1; r < problems.size(); ++r)
    got.push_back(problems[r][0] + " " + problems[r][3] + " " + problems[r][4] + " " +
                  problems[r][12]);
  CHECK(got == std::vector<std::string>{
                   "甲县财政局 合计 160 错误", "乙县教育局 合计 32 错误",
                   "乙县教育局 项目支出 22 警告", "乙县教育局 合计 32 警告"});
  // The drawn table holds the stated number where the link points (C6).
  auto drawn = CsvRows(x[kDrawnYi]);
  REQUIRE(drawn.size() >= 6);
  CHECK(drawn[0][0] == "返回问题清单");
  CHECK(drawn[2][0] == "项目");
  CHECK(drawn[5][0] == "合计");
  CHECK(drawn[5][2] == "32");
  auto summary = CsvRows(x["汇总"]);
  bool by_unit = false;
  for (const auto& row : summary)
    if (row.size() >= 5 && row[0] == "乙县教育局" && row[1] == "1" && row[2] == "1" &&
        row[3] == "2")
      by_unit = true;
  CHECK(by_unit);
  CHECK(CsvRows(x["文件"])[1][6] == "2023");
  CHECK(x[kDrawnJia].find("=1+1") != std::string::npos);

  auto t = LibreOfficeCsv(dir + "/t.xlsx", dir);
  REQUIRE(t.size() == 2);
  for (const auto& [name, csv] : t) CHECK(csv.find("合计") != std::string::npos);

  auto rep = LibreOfficeCsv(dir + "/r.xlsx", dir);
  REQUIRE(rep.size() == 7);
  CHECK(CsvRows(rep["问题清单"]).size() == 5);
  CHECK(rep["汇总"].find("甲县财政局") != std::string::npos);
  CHECK(rep["发现"].find("sum.total") != std::string::npos);

  // Widths fit the numbers: nothing prints as ####.
  std::string cmd = "cd '" + dir + "' && timeout 120 soffice --headless " +
                    "-env:UserInstallation=file://" + dir + "/profile " +
                    "--convert-to pdf --outdir '" + dir +
                    "/pdf' x.xlsx >/dev/null 2>&1 && " + "pdftotext pdf/x.pdf pdf/x.txt";
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::string text = ReadFile(dir + "/pdf/x.txt");
  CHECK(text.find("问题清单") != std::string::npos);
  CHECK(text.find("###") == std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace jx
