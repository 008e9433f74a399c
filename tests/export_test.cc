#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/text.h"
#include "export/check.h"
#include "export/extract.h"
#include "export/json_text.h"
#include "export/tables.h"
#include "export/workbook.h"
#include "test_util.h"

using namespace jx;
using namespace jx::test;

namespace {

std::vector<DocumentTables> OneDoc(const std::string& text) {
  DocumentTables d;
  d.file = "r.txt";
  d.encoding = "UTF-8";
  d.layout = LayoutOf(text);
  std::vector<DocumentTables> v;
  v.push_back(std::move(d));
  return v;
}

const char* kReport =
    "表1 执行情况\n\n"
    "项目\t年初预算数\t决算数\t执行率\n"
    "基本支出\t1,000.50\t=SUM(A1:A9)\t100.00%\n"
    "\t+cmd|' /C calc'!A0\t-3\t@x\n";

BookOptions Book() {
  BookOptions o;
  o.terms = &ProjectPatterns().terms();
  return o;
}

std::string Unzip(const std::string& xlsx, const std::string& member) {
  std::string out = xlsx + "." + std::to_string(std::hash<std::string>{}(member));
  std::string cmd = "unzip -p '" + xlsx + "' '" + member + "' > '" + out + "'";
  REQUIRE(std::system(cmd.c_str()) == 0);
  return ReadFile(out);
}

}  // namespace

TEST_CASE("Tables JSON written a table at a time is the document's dump", "[export]") {
  // Batches of no document, a failed one, one without tables, one with
  // merged cells and text that is not UTF-8.
  std::vector<std::vector<DocumentTables>> batches(1);
  DocumentTables failed;
  failed.file = "gone.txt";
  failed.ok = false;
  failed.error = MakeError("gone.txt", "no such file");
  std::vector<DocumentTables> mixed = OneDoc(kReport);
  mixed.push_back(failed);
  mixed.push_back(OneDoc("只有一段文字，没有表格。\n")[0]);
  mixed.push_back(OneDoc("表2 资金\n\n项目\t金额\n合计\t10\n一、基本\t10\n")[0]);
  REQUIRE_FALSE(mixed.back().layout.tables.empty());
  // A byte that is not UTF-8 (as a damaged file might leave in a cell): both
  // ways replace it alike.
  mixed.back().layout.tables[0].rows.back()[0].text += "\xff";
  batches.push_back(mixed);
  batches.push_back({failed});
  for (size_t i = 0; i < batches.size(); ++i) {
    INFO("batch " << i);
    std::ostringstream streamed;
    WriteTablesJson(batches[i], streamed);
    CHECK(streamed.str() ==
          TablesToJson(batches[i])
                  .dump(1, ' ', false, nlohmann::json::error_handler_t::replace) +
              "\n");
  }
}

TEST_CASE("Tables JSON follows the contract", "[export]") {
  auto docs = OneDoc(kReport);
  DocumentTables failed;
  failed.file = "gone.txt";
  failed.ok = false;
  failed.error = MakeError("gone.txt", "no such file");
  docs.push_back(failed);
  nlohmann::json j = TablesToJson(docs);
  REQUIRE(j["documents"].size() == 2);
  const auto& d = j["documents"][0];
  CHECK(d["file"] == "r.txt");
  CHECK(d["encoding"] == "UTF-8");
  CHECK(d["status"] == "ok");
  REQUIRE(d["tables"].size() == 1);
  const auto& t = d["tables"][0];
  CHECK(t["id"] == "t1");
  CHECK(t["title"] == "表1 执行情况");
  CHECK(t["first_line"] == 3);
  CHECK(t["header_rows"] == 1);
  CHECK(t["rows"][1][2] == "=SUM(A1:A9)");
  CHECK(t["rows"][2].size() == 4);
  CHECK(t["spans"].is_array());
  CHECK(t["sections"][0]["columns"][3]["key"] == "rate");
  const auto& f = j["documents"][1];
  CHECK(f["status"] == "failed");
  CHECK(f["error"] == "gone.txt: no such file");
  CHECK(f["tables"].empty());
}

TEST_CASE("CSV fields never start a formula", "[export]") {
  struct Case {
    const char* in;
    const char* want;
  } cases[] = {
      {"=SUM(A1)", "'=SUM(A1)"},
      {"+cmd", "'+cmd"},
      {"@x", "'@x"},
      {"-3", "-3"},
      {"-0.60", "-0.60"},
      {"-abc", "'-abc"},
      {"a,b", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"two\nlines", "\"two\nlines\""},
      {"=1,2", "\"'=1,2\""},
      // The rule is on the text as written: these parse as numbers with a
      // comparator, and a spreadsheet still reads them as formulas.
      {"=5", "'=5"},
      {"=5%", "'=5%"},
      {"=-5", "'=-5"},
      {"+3.2", "+3.2"},
      {"普通文字", "普通文字"},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(CsvField(c.in) == c.want);
  }
  std::string csv = TablesToCsv(OneDoc(kReport));
  CHECK(csv.rfind("file,table,title,row,column,line,header,text,value\n", 0) == 0);
  CHECK(csv.find("r.txt,t1,表1 执行情况,2,3,4,0,'=SUM(A1:A9),'=SUM(A1:A9)\n") !=
        std::string::npos);
}

TEST_CASE("Markdown escapes pipes and keeps one header row", "[export]") {
  std::string md = TablesToMarkdown(OneDoc(kReport));
  CHECK(md.find("## t1 表1 执行情况 (lines 3-5)") != std::string::npos);
  CHECK(md.find("| 项目 | 年初预算数 | 决算数 | 执行率 |\n| --- | --- | --- | --- |") !=
        std::string::npos);
  CHECK(md.find("+cmd\\|' /C calc'!A0") != std::string::npos);
}

TEST_CASE("xlsx: numbers numeric, text never a formula, merges kept", "[export]") {
  std::string dir = TempDir();
  std::string path = dir + "/t.xlsx";
  Error err;
  auto docs = OneDoc("一级指标\t二级指标\t分值\n产出\t数量\t5\n\t质量\t=1+1\n");
  REQUIRE(WriteTablesXlsx(docs, path, Book(), &err));
  std::string sheet = Unzip(path, "xl/worksheets/sheet1.xml");
  std::string strings = Unzip(path, "xl/sharedStrings.xml");
  CHECK(sheet.find("<f>") == std::string::npos);
  CHECK(strings.find("=1+1") != std::string::npos);
  CHECK(sheet.find("<mergeCell ref=\"A3:A4\"/>") != std::string::npos);
  CHECK(sheet.find("<pane ySplit=\"2\"") != std::string::npos);  // title + header
  CHECK(sheet.find("<v>5</v>") != std::string::npos);            // numeric cell
  std::filesystem::remove_all(dir);
}

TEST_CASE("xlsx: unwritable path is an error, not a crash", "[export][errors]") {
  Error err;
  auto docs = OneDoc(kReport);
  CHECK_FALSE(WriteTablesXlsx(docs, "/nonexistent-dir/x.xlsx", Book(), &err));
  CHECK(err.where.file == "/nonexistent-dir/x.xlsx");
  CHECK_FALSE(err.message.empty());
}

TEST_CASE("Text output shows control characters, never passes them to a terminal",
          "[export]") {
  struct Case {
    const char* in;
    const char* want;
  } cases[] = {
      {"\x1b]0;title\x07", "\\x1b]0;title\\x07"},  // set the window title
      {"\x1b[2J\x1b[8m", "\\x1b[2J\\x1b[8m"},      // clear, conceal
      {"a\nb.txt", "a\\nb.txt"},                   // a file name with a newline
      {"\xc2\x9b"
       "31m",
       "\\u009b31m"},                                        // C1 CSI
      {"\xb1\xa8\xb8\xe6.txt", "\\xb1\\xa8\\xb8\\xe6.txt"},  // GBK bytes
      {"普通文字 100%", "普通文字 100%"},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(ShowControls(c.in) == c.want);
  }
  auto docs = OneDoc("项目\t金额\n清屏\t5\n");
  REQUIRE_FALSE(docs[0].layout.tables.empty());
  docs[0].layout.tables[0].rows[1][0].text = "\x1b[2J清屏";  // as a PDF may hand it over
  std::string md = TablesToMarkdown(docs);
  CHECK(md.find('\x1b') == std::string::npos);
  CHECK(md.find("\\x1b[2J清屏") != std::string::npos);
}

TEST_CASE("A control is shown wherever it falls in the text", "[export]") {
  // The scan reads eight ASCII bytes at a time: a control at each offset of
  // two words, and each kind of text that is not plain, must be found.
  // A terminal is kept from C0, DEL and C1 controls and from bytes that are
  // no UTF-8; a cell from C0 controls, U+FFFE/FFFF and bytes that are no
  // UTF-8 (XML allows DEL and C1).
  const std::vector<std::string> not_utf8 = {"\xc0\xaf", "\xed\xa0\x80",
                                             "\xf4\x90\x80\x80", "\xe4\xb8", "\x80"};
  std::vector<std::string> for_terminal = {"\x01", "\x7f", "\x1b", "\xc2\x85"};
  std::vector<std::string> for_cell = {"\x01", "\x1b", "\xef\xbf\xbe", "\xef\xbf\xbf"};
  for_terminal.insert(for_terminal.end(), not_utf8.begin(), not_utf8.end());
  for_cell.insert(for_cell.end(), not_utf8.begin(), not_utf8.end());
  auto around = [](size_t at, const std::string& bad) {
    return std::string(at, 'a') + bad + std::string(16, 'b');
  };
  for (size_t at = 0; at <= 16; ++at) {
    INFO(at);
    for (const std::string& bad : for_terminal)
      CHECK(ShowControls(around(at, bad)) != around(at, bad));
    for (const std::string& bad : for_cell)
      CHECK(CellText(around(at, bad), 100, "…") != around(at, bad));
  }
  for (const char* good : {"plain words and 100%", "\xc2\xa0\xe4\xb8\xad\xf0\x9f\x98\x80",
                           "tab\tand line\nbreaks in a cell"}) {
    CHECK(CellText(good, 100, "…") == good);
  }
  CHECK(ShowControls("tab\tin text") == "tab\\tin text");
}

TEST_CASE("Spreadsheet cells: valid UTF-8, no XML-invalid controls, cut at Excel's limit",
          "[export]") {
  CHECK(CellText("\xb1\xa8.txt", 100, "…") == "\xEF\xBF\xBD\xEF\xBF\xBD.txt");
  CHECK(CellText("a\x01"
                 "b\tc\nd",
                 100, "…") ==
        "a\\x01"
        "b\tc\nd");
  std::string longer;
  for (int i = 0; i < 40000; ++i) longer += "中";
  std::string cut = CellText(longer, 32767, "…[已截断]");
  CHECK(IsValidUtf8(cut));
  CHECK(CodePointCount(cut) == 32767);
  CHECK(cut.size() > 6);
  CHECK(cut.substr(cut.size() - std::string("…[已截断]").size()) == "…[已截断]");
  // A character outside the BMP is two UTF-16 units.
  std::string emoji;
  for (int i = 0; i < 10; ++i) emoji += "\xF0\x9F\x98\x80";
  CHECK(CodePointCount(CellText(emoji, 10, "")) == 5);
  CHECK(CellText("short", 32767, "…") == "short");
}

TEST_CASE("xlsx: a GBK file name and a 40,000-character cell give a well-formed book",
          "[export]") {
  std::string dir = TempDir();
  std::string name = dir + "/\xb1\xa8\xb8\xe6.txt";  // 报告.txt in GBK
  std::string big;
  for (int i = 0; i < 40000; ++i) big += "长";
  WriteFile(name, "项目\t说明\t金额\n甲\t" + big + "\t5\n乙\t无\t6\n");
  std::string out = dir + "/t.xlsx";
  RunResult r = RunJxaudit({"tables", name, "-o", out});
  REQUIRE(r.status == 0);
  std::string sheet = Unzip(out, "xl/worksheets/sheet1.xml");
  std::string strings = Unzip(out, "xl/sharedStrings.xml");
  for (const std::string* x : {&sheet, &strings}) {
    CHECK(IsValidUtf8(*x));
  }
  CHECK(strings.find("…[已截断]") != std::string::npos);
  std::string wb = Unzip(out, "xl/workbook.xml");
  CHECK(IsValidUtf8(wb));
}

TEST_CASE("extract JSON is written row by row as the whole document would print",
          "[export]") {
  // The reference: the document built whole and dumped, as extract printed it
  // before writing row by row.
  auto whole = [](const std::vector<Sheet>& sheets) {
    nlohmann::json out = nlohmann::json::object();
    for (const Sheet& s : sheets) {
      nlohmann::json rows = nlohmann::json::array();
      for (const auto& row : s.rows) {
        nlohmann::json o = nlohmann::json::object();
        for (size_t c = 0; c < s.columns.size() && c < row.size(); ++c) {
          const Value& v = row[c];
          o[s.columns[c]] = v.kind == Value::kText     ? nlohmann::json(v.text)
                            : v.kind == Value::kNumber ? JsonNumber(v.number)
                                                       : nlohmann::json(nullptr);
        }
        rows.push_back(std::move(o));
      }
      out[s.name] = std::move(rows);
    }
    return out.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  };
  Sheet docs{"Documents", {"file", "year", "note"}, {}};
  docs.rows.push_back(
      {TextValue("a \"quoted\"\n名.txt"), NumberValue(Decimal{2024, 0}), Value{}});
  docs.rows.push_back({TextValue("\xff\xfe bad bytes"), NumberValue(Decimal{659531, 2}),
                       TextValue("tab\there \x01")});
  docs.rows.push_back({TextValue("short row")});
  Sheet budget{"Budget", {"value", "z", "a"}, {}};
  budget.rows.push_back({NumberValue(Decimal{-5, 1}), TextValue("z"), TextValue("a")});
  Sheet empty{"Tables", {"file"}, {}};
  Sheet again{"Budget", {"value"}, {}};  // a name given twice: the last one is kept
  again.rows.push_back({NumberValue(Decimal{7, 0})});
  for (const std::vector<Sheet>& sheets :
       {std::vector<Sheet>{docs, budget, empty}, std::vector<Sheet>{empty},
        std::vector<Sheet>{}, std::vector<Sheet>{budget, docs, again}}) {
    std::ostringstream streamed;
    WriteExtractJson(sheets, streamed);
    CHECK(streamed.str() == whole(sheets));
  }
}

TEST_CASE("json text: printed from compact text as the tree would print it") {
  using nlohmann::json;
  const json doc = {{"b", json::array({1, -2.5, 1e20, 100.0, nullptr, true, json::array(),
                                       json::object()})},
                    {"d",
                     {{"x", "a \"quoted\" {brace} [bracket], comma: and \\ slash"},
                      {"y", json::array({{{"k", 1}}})}}},
                    {"f", "文字\n\t\u0001"},
                    {"m", json::object()},
                    {"z", ""}};
  const json extra = {{"a", "first"},
                      {"d", nullptr},
                      {"e", {{"n", json::array({1, 2})}}},
                      {"zz", json::array()}};
  json merged = doc;
  merged.update(extra);
  const std::string compact = doc.dump();
  for (int indent : {-1, 0, 1, 2}) {
    INFO(indent);
    CHECK(JsonText(compact, extra, indent) == merged.dump(indent));
    CHECK(JsonText(compact, json::object(), indent) == doc.dump(indent));
    // A record made without its JSON prints what names the file alone.
    CHECK(JsonText("", extra, indent) == extra.dump(indent));
    CHECK(JsonText("{}", json::object(), indent) == json::object().dump(indent));
  }
  // Text with spaces between its tokens (a store edited by hand) reads the same.
  CHECK(JsonText(doc.dump(2), extra, 1) == merged.dump(1));
  // Cut text ends without reading past it.
  for (size_t n = 0; n < compact.size(); n += 7)
    (void)JsonText(compact.substr(0, n), extra, 1);
}
