// Office and web documents: each reader's structures and bad input
// (office_converted_test.cc: converters and the converted samples).
#include "ingest/office/office.h"

#include <zip.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "base/text.h"
#include "extract/extract.h"
#include "ingest/encoding.h"
#include "ingest/office/numbering.h"
#include "ingest/office/numfmt.h"
#include "ingest/office/package.h"
#include "ingest/read.h"
#include "layout/layout.h"
#include "office_cases.h"
#include "test_util.h"
#include "validate/validate.h"

namespace jx {
namespace {

using test::ProjectPatterns;
using test::Read;
using test::ReadBytes;
using test::Texts;

// A zip of the given parts, as bytes.
std::string MakeZip(const std::vector<std::pair<std::string, std::string>>& parts) {
  std::string path = test::TempDir() + "/z.zip";
  int e = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &e);
  REQUIRE(z);
  for (const auto& [name, data] : parts) {
    zip_source_t* s = zip_source_buffer(z, data.data(), data.size(), 0);
    REQUIRE(zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE) >= 0);
  }
  REQUIRE(zip_close(z) == 0);
  return test::ReadFile(path);
}

const char* kWordNs =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
    "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
    "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"";

std::string Docx(const std::string& body) {
  std::string doc =
      std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document ") + kWordNs +
      "><w:body>" + body + "</w:body></w:document>";
  return MakeZip({{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", doc}});
}

std::string P(const std::string& text) {
  return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>";
}
std::string Tc(const std::string& text, const std::string& pr = "") {
  return "<w:tc>" + (pr.empty() ? "" : "<w:tcPr>" + pr + "</w:tcPr>") + P(text) +
         "</w:tc>";
}

std::vector<std::string> Paragraphs(const Layout& l) {
  std::vector<std::string> out;
  for (const Paragraph& p : l.paragraphs) out.push_back(p.text);
  return out;
}

TEST_CASE("the producer mark in custom properties", "[office]") {
  auto props = [](const std::string& name, const std::string& value) {
    return "<?xml version=\"1.0\"?><Properties xmlns=\"http://schemas.openxmlformats.org/"
           "officeDocument/2006/custom-properties\" xmlns:vt=\"http://schemas."
           "openxmlformats.org/officeDocument/2006/docPropsVTypes\"><property "
           "fmtid=\"{D5CDD505-"
           "2E9C-101B-9397-08002B2CF9AE}\" pid=\"2\" name=\"" +
           name + "\"><vt:lpwstr>" + value + "</vt:lpwstr></property></Properties>";
  };
  struct Case {
    std::string what, xml;
    bool marked;
  } cases[] = {
      {"jxaudit as producer", props("Producer", "jxaudit"), true},
      {"with a version", props("Producer", "jxaudit 0.9.0"), true},
      {"another producer", props("Producer", "Acme Reports"), false},
      {"another property", props("Checked by", "jxaudit"), false},
      {"not XML", "Producer jxaudit", false},
      {"a DTD is refused",
       "<!DOCTYPE x [<!ENTITY e \"jxaudit\">]>" + props("Producer", "&e;"), false},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    CHECK(jx::office::MarkedByJxaudit(c.xml) == c.marked);
  }
}

TEST_CASE("office sniffing by content", "[office]") {
  CHECK(office::Sniff("plain text").kind == office::Kind::kNone);
  CHECK(office::Sniff(Docx(P("x"))).kind == office::Kind::kDocx);
  CHECK(office::Sniff("<!DOCTYPE html><html>").kind == office::Kind::kHtml);
  CHECK(office::Sniff("  <HTML><body>").kind == office::Kind::kHtml);
  CHECK(office::Sniff("{\\rtf1\\ansi").kind == office::Kind::kWordLegacy);
  std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  std::string word_stream("W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0\0\0", 26);
  CHECK(office::Sniff(ole + std::string(120, '\0') + word_stream).kind ==
        office::Kind::kWordLegacy);
  CHECK(office::Sniff(MakeZip({{"a.txt", "x"}})).kind == office::Kind::kOtherZip);
}

TEST_CASE("docx paragraphs, fields and tracked changes", "[office][docx]") {
  std::string body =
      P("第一段") +
      // A tracked insertion is kept, a deletion dropped.
      "<w:p><w:r><w:t>预算</w:t></w:r><w:ins><w:r><w:t>总额</w:t></w:r></w:ins>"
      "<w:del><w:r><w:delText>合计</w:delText></w:r></w:del><w:r><w:t>100万元</w:t></"
      "w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r></w:p>"
      // A complex field shows its result, never its code.
      "<w:p><w:r><w:t>第</w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
      "<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar "
      "w:fldCharType=\"separate\"/></w:r>"
      "<w:r><w:t>3</w:t></w:r><w:r><w:fldChar "
      "w:fldCharType=\"end\"/></w:r><w:r><w:t>页</w:t></w:r></w:p>"
      // A simple field: its runs are the result.
      "<w:p><w:fldSimple "
      "w:instr=\"DATE\"><w:r><w:t>2023年</w:t></w:r></w:fldSimple></w:p>"
      // A text box, in both the drawing and its VML fallback: read once.
      "<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent><mc:Choice "
      "Requires=\"wps\">"
      "<w:drawing><wps:txbx><w:txbxContent>" +
      P("文本框内容") +
      "</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict>"
      "<w:txbxContent>" +
      P("文本框内容") +
      "</w:txbxContent></w:pict></mc:Fallback>"
      "</mc:AlternateContent></w:r></w:p>";
  Read r = ReadBytes("a.docx", Docx(body));
  REQUIRE(r.ok);
  CHECK(r.doc.encoding == "DOCX");
  CHECK(Paragraphs(r.layout) == std::vector<std::string>{"第一段", "预算总额100万元",
                                                         "第3页", "2023年", "正文",
                                                         "文本框内容"});
  CHECK(r.layout.paragraphs[1].line == 2);  // paragraphs are numbered
}

TEST_CASE("docx text pasted from a PDF reads its radicals as ideographs",
          "[office][docx]") {
  // 部⻔ (U+2ED4) and 项⽬ (U+2F6C), as a PDF's text layer gives them.
  std::string body = P("部\u2ED4预算") + "<w:tbl><w:tr>" + Tc("项\u2F6C") + Tc("金额") +
                     "</w:tr><w:tr>" + Tc("合计") + Tc("10") + "</w:tr></w:tbl>";
  Read r = ReadBytes("a.docx", Docx(body));
  REQUIRE(r.ok);
  CHECK(Paragraphs(r.layout) == std::vector<std::string>{"部门预算"});
  REQUIRE(r.layout.tables.size() == 1);
  CHECK(r.layout.tables[0].rows[0][0].text == "项目");
}

TEST_CASE("docx automatic numbering is part of the text", "[office][docx]") {
  using office::FormatListNumber;
  CHECK(FormatListNumber(11, "chineseCounting") == "十一");
  CHECK(FormatListNumber(20, "chineseCounting") == "二十");
  CHECK(FormatListNumber(105, "chineseCountingThousand") == "一百〇五");
  CHECK(FormatListNumber(3, "ideographTraditional") == "丙");
  CHECK(FormatListNumber(14, "upperRoman") == "XIV");
  CHECK(FormatListNumber(2, "decimalEnclosedCircle") == "②");
  std::string w = std::string(
      "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"");
  std::string numbering =
      "<w:numbering " + w +
      "><w:abstractNum w:abstractNumId=\"0\">"
      "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/>"
      "<w:lvlText w:val=\"%1、\"/><w:suff w:val=\"nothing\"/></w:lvl>"
      "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/>"
      "<w:lvlText w:val=\"（%2）\"/><w:suff w:val=\"nothing\"/></w:lvl>"
      "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
      "<w:lvlText w:val=\"%1.%3\"/></w:lvl></w:abstractNum>"
      "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";
  std::string styles =
      "<w:styles " + w +
      "><w:style w:type=\"paragraph\" w:styleId=\"H1\"><w:pPr>"
      "<w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style></w:styles>";
  auto np = [](int lvl, const std::string& text) {
    return "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" + std::to_string(lvl) +
           "\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>" + text +
           "</w:t></w:r></w:p>";
  };
  std::string body =
      np(0, "基本支出") + np(1, "人员经费") + np(1, "公用经费") + np(0, "项目支出") +
      np(1, "专项") + np(2, "明细") +
      "<w:p><w:pPr><w:pStyle w:val=\"H1\"/></w:pPr><w:r><w:t>结论</w:t></w:r></w:p>";
  std::string doc = std::string("<w:document ") + kWordNs + "><w:body>" + body +
                    "</w:body></w:document>";
  Read r = ReadBytes("n.docx", MakeZip({{"[Content_Types].xml", "<Types/>"},
                                        {"word/document.xml", doc},
                                        {"word/numbering.xml", numbering},
                                        {"word/styles.xml", styles}}));
  INFO(r.err.ToString());
  REQUIRE(r.ok);
  CHECK(Paragraphs(r.layout) ==
        std::vector<std::string>{"一、基本支出", "（一）人员经费", "（二）公用经费",
                                 "二、项目支出", "（一）专项", "二.1 明细", "三、结论"});
}

TEST_CASE("docx tables: gridSpan and vMerge are spans", "[office][docx]") {
  std::string body =
      P("表1 项目支出绩效自评表") + "<w:tbl><w:tr>" + Tc("一级指标") + Tc("二级指标") +
      Tc("分值") +
      "</w:tr>"
      "<w:tr>" +
      Tc("产出指标", "<w:vMerge w:val=\"restart\"/>") + Tc("数量指标") + Tc("20") +
      "</w:tr>"
      "<w:tr>" +
      Tc("", "<w:vMerge/>") + Tc("质量指标") + Tc("30") +
      "</w:tr>"
      "<w:tr>" +
      Tc("合计", "<w:gridSpan w:val=\"2\"/>") + Tc("50") + "</w:tr></w:tbl>";
  Read r = ReadBytes("a.docx", Docx(body));
  REQUIRE(r.ok);
  REQUIRE(r.layout.tables.size() == 1);
  const Table& t = r.layout.tables[0];
  CHECK(t.title == "表1 项目支出绩效自评表");
  CHECK(t.format == TableFormat::kStructured);
  CHECK(Texts(t) ==
        std::vector<std::vector<std::string>>{{"一级指标", "二级指标", "分值"},
                                              {"产出指标", "数量指标", "20"},
                                              {"", "质量指标", "30"},
                                              {"合计", "", "50"}});
  CHECK(t.rows[1][0].rowspan == 2);
  CHECK(t.rows[2][0].anchor_row == 1);
  CHECK(t.rows[2][0].value() == "产出指标");  // filled down by the header analysis
  CHECK(t.rows[3][0].colspan == 2);
  CHECK(t.rows[3][1].anchor_col == 0);
  CHECK(t.header_rows == 1);
  REQUIRE(!t.sections.empty());
  CHECK(t.sections[0].columns[0].level == 1);
}

TEST_CASE("docx nested tables: a table of tables lays a page out", "[office][docx]") {
  std::string inner = "<w:tbl><w:tr>" + Tc("项目") + Tc("金额") + "</w:tr><w:tr>" +
                      Tc("基本支出") + Tc("10") + "</w:tr></w:tbl>";
  std::string body = "<w:tbl><w:tr><w:tc>" + P("标题") + inner + "</w:tc></w:tr><w:tr>" +
                     Tc("落款") + "</w:tr></w:tbl>";
  Read r = ReadBytes("a.docx", Docx(body));
  REQUIRE(r.ok);
  REQUIRE(r.layout.tables.size() == 1);
  CHECK(Texts(r.layout.tables[0]) ==
        std::vector<std::vector<std::string>>{{"项目", "金额"}, {"基本支出", "10"}});
  CHECK(Paragraphs(r.layout) == std::vector<std::string>{"标题", "落款"});
}

std::string Xlsx(const std::vector<std::pair<std::string, std::string>>& sheets,
                 const std::string& hidden_sheet = "") {
  std::string wb =
      "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
      "<sheets>";
  std::string rels = "<Relationships>";
  std::vector<std::pair<std::string, std::string>> parts = {
      {"[Content_Types].xml", "<Types/>"}};
  for (size_t i = 0; i < sheets.size(); ++i) {
    std::string n = std::to_string(i + 1);
    wb += "<sheet name=\"" + sheets[i].first + "\" sheetId=\"" + n + "\" r:id=\"rId" + n +
          "\"" + (sheets[i].first == hidden_sheet ? " state=\"hidden\"" : "") + "/>";
    rels +=
        "<Relationship Id=\"rId" + n + "\" Target=\"worksheets/sheet" + n + ".xml\"/>";
    parts.push_back({"xl/worksheets/sheet" + n + ".xml",
                     "<worksheet>" + sheets[i].second + "</worksheet>"});
  }
  rels +=
      "<Relationship Id=\"rS\" Target=\"sharedStrings.xml\"/>"
      "<Relationship Id=\"rT\" Target=\"styles.xml\"/></Relationships>";
  parts.push_back({"xl/workbook.xml", wb + "</sheets></workbook>"});
  parts.push_back({"xl/_rels/workbook.xml.rels", rels});
  parts.push_back({"xl/sharedStrings.xml",
                   "<sst><si><t>项目</t></si><si><r><t>预算</t></r><r><t>数</t></r></si>"
                   "<si><t>执行率</t></si><si><t>合计</t></si></sst>"});
  // Styles 0 General, 1 0.00, 2 0%, 3 #,##0, 4 a custom 0.0"万元".
  parts.push_back(
      {"xl/styles.xml",
       "<styleSheet><numFmts><numFmt numFmtId=\"164\" "
       "formatCode=\"0.0&quot;万元&quot;\"/>"
       "</numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"2\"/><xf numFmtId=\"9\"/>"
       "<xf numFmtId=\"3\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>"});
  return MakeZip(parts);
}

TEST_CASE("docx: a workbook embedded as an object is read in its place",
          "[office][docx]") {
  std::string sheet =
      "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" "
      "t=\"s\"><v>1</v></c>"
      "</row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>3</v></c><c r=\"B2\" "
      "s=\"1\"><v>12.5</v></c>"
      "</row></sheetData>";
  std::string xlsx = Xlsx({{"Sheet1", sheet}});
  std::string body =
      P("表3 收支") +
      "<w:p><w:r><w:object><o:OLEObject xmlns:o=\"urn:schemas-microsoft-com:office:"
      "office\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
      "relationships\" ProgID=\"Excel.Sheet.12\" r:id=\"rId9\"/></w:object></w:r></w:p>" +
      P("说明");
  std::string doc = std::string("<w:document ") + kWordNs + "><w:body>" + body +
                    "</w:body></w:document>";
  Read r = ReadBytes(
      "e.docx",
      MakeZip({{"[Content_Types].xml", "<Types/>"},
               {"word/document.xml", doc},
               {"word/_rels/document.xml.rels",
                "<Relationships><Relationship Id=\"rId9\" "
                "Target=\"embeddings/Microsoft_Excel_Worksheet.xlsx\"/></Relationships>"},
               {"word/embeddings/Microsoft_Excel_Worksheet.xlsx", xlsx}}));
  INFO(r.err.ToString());
  REQUIRE(r.ok);
  REQUIRE(r.layout.tables.size() == 1);
  CHECK(r.layout.tables[0].title == "表3 收支");
  CHECK(Texts(r.layout.tables[0]) ==
        std::vector<std::vector<std::string>>{{"项目", "预算数"}, {"合计", "12.50"}});
  CHECK(r.layout.tables[0].rows[1][1].first_line == 2);  // the paragraph holding it
  CHECK(Paragraphs(r.layout) == std::vector<std::string>{"表3 收支", "说明"});
}

TEST_CASE("docx bad input: one clear error each", "[office][docx][bad]") {
  SECTION("corrupt zip") {
    std::string z = Docx(P("x"));
    std::string cut = z.substr(0, z.size() / 2) + std::string(z.size() / 2, 'x');
    Read r = ReadBytes("bad.docx", cut);
    CHECK(!r.ok);
    CHECK(r.err.ToString().find("bad.docx: corrupt zip") == 0);
  }
  SECTION("zip bomb") {
    // 16 MiB of one character pack into a few kilobytes: over the ratio.
    std::string doc = std::string("<w:document ") + kWordNs + "><w:body>" +
                      P(std::string(16 << 20, 'a')) + "</w:body></w:document>";
    Read r = ReadBytes("bomb.docx", MakeZip({{"[Content_Types].xml", "<Types/>"},
                                             {"word/document.xml", doc}}));
    CHECK(!r.ok);
    CHECK(r.err.message.find("zip bomb refused") != std::string::npos);
  }
  SECTION("DTD and external entities are never read") {
    std::string doc = std::string(
                          "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM "
                          "\"file:///etc/passwd\">]><w:document ") +
                      kWordNs + "><w:body>" + P("&x;") + "</w:body></w:document>";
    Read r = ReadBytes("dtd.docx", MakeZip({{"[Content_Types].xml", "<Types/>"},
                                            {"word/document.xml", doc}}));
    CHECK(!r.ok);
    CHECK(r.err.message.find("document type declaration (DTD) refused") !=
          std::string::npos);
  }
  SECTION("deeply nested XML") {
    std::string open, close;
    for (int i = 0; i < 5000; ++i)
      open += "<w:sdt><w:sdtContent>", close += "</w:sdtContent></w:sdt>";
    Read r = ReadBytes("deep.docx", Docx(open + P("x") + close));
    CHECK(!r.ok);
    CHECK(r.err.message.find("depth") != std::string::npos);
  }
  SECTION("password-protected") {
    std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    std::string name("E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0\0\0", 30);
    Read r = ReadBytes("secret.docx", ole + std::string(504, '\0') + name);
    CHECK(!r.ok);
    CHECK(r.err.message.find("password-protected") == 0);
  }
  SECTION("a zip of something else") {
    Read r = ReadBytes("x.docx", MakeZip({{"a.txt", "x"}}));
    CHECK(!r.ok);
    CHECK(r.err.message.find("not a Word or Excel document") != std::string::npos);
  }
}

TEST_CASE("xlsx number formats print as Excel prints", "[office][xlsx]") {
  using office::FormatNumber;
  CHECK(FormatNumber("6874309.59", "0.00", false) == "6874309.59");
  CHECK(FormatNumber("6874309.5", "0.00", false) == "6874309.50");
  CHECK(FormatNumber("0.2", "0%", false) == "20%");
  CHECK(FormatNumber("0.12345", "0.00%", false) == "12.35%");
  CHECK(FormatNumber("1234567", "#,##0", false) == "1,234,567");
  CHECK(FormatNumber("1234567.891", "#,##0.00", false) == "1,234,567.89");
  CHECK(FormatNumber("-1234.5", "#,##0.00;(#,##0.00)", false) == "(1,234.50)");
  CHECK(FormatNumber("-3", "0", false) == "-3");
  CHECK(FormatNumber("2.675", "0.00", false) == "2.68");  // decimal rounding, not binary
  CHECK(FormatNumber("0.30000000000000004", "General", false) == "0.3");
  CHECK(FormatNumber("15897000", "", false) == "15897000");
  CHECK(FormatNumber("12.34", "0.0\"万元\"", false) == "12.3万元");
  CHECK(FormatNumber("1234", "[Red]#,##0", false) == "1,234");
  CHECK(FormatNumber("45000", "yyyy\"年\"m\"月\"d\"日\"", false) == "2023年3月15日");
  CHECK(FormatNumber("45000", "yyyy-mm-dd", false) == "2023-03-15");
  CHECK(FormatNumber("1500", "#,##0,", false) == "2");  // scaled by a thousand
}

TEST_CASE("xlsx cells, merges, sheets, hidden rows and columns", "[office][xlsx]") {
  std::string s1 =
      "<sheetData>"
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>表1 "
      "预算执行情况</t></is></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"B2\" t=\"s\"><v>1</v></c>"
      "<c r=\"C2\" t=\"s\"><v>2</v></c></row>"
      "<row r=\"3\"><c r=\"A3\" t=\"str\"><v>基本支出</v></c><c r=\"B3\" "
      "s=\"1\"><v>6874309.59</v></c>"
      "<c r=\"C3\" s=\"2\"><v>0.2</v></c></row>"
      "<row r=\"4\" hidden=\"1\"><c r=\"A4\" t=\"inlineStr\"><is><t>隐藏行</t></is></c>"
      "<c r=\"B4\"><v>1</v></c></row>"
      // A formula: its cached value, under its format.
      "<row r=\"5\"><c r=\"A5\" t=\"s\"><v>3</v></c><c r=\"B5\" s=\"3\"><f>SUM(B3:B4)</f>"
      "<v>6874310</v></c><c r=\"C5\" s=\"4\"><v>12.34</v></c></row>"
      "<row r=\"6\"><c r=\"A6\" t=\"inlineStr\"><is><t>说明</t></is></c><c r=\"B6\"/><c "
      "r=\"C6\"/></row>"
      "</sheetData><mergeCells><mergeCell ref=\"A6:C6\"/></mergeCells>";
  std::string s2 =
      "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>隐藏表</t></is></c>"
      "</row></sheetData>";
  std::string s3 =
      "<cols><col min=\"4\" max=\"4\" hidden=\"1\"/></cols>"
      "<sheetData><row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>甲</t></is></c>"
      "<c r=\"C2\"><v>1</v></c><c r=\"D2\" t=\"inlineStr\"><is><t>隐藏列</t></is></c>"
      "<c r=\"E2\"><v>2</v></c></row><row r=\"3\"><c r=\"B3\" t=\"inlineStr\">"
      "<is><t>乙</t></is></c><c r=\"C3\" t=\"b\"><v>1</v></c></row></sheetData>";
  Read r = ReadBytes("a.xlsx", Xlsx({{"表一", s1}, {"隐藏", s2}, {"表三", s3}}, "隐藏"));
  INFO(r.err.ToString());
  REQUIRE(r.ok);
  CHECK(r.doc.encoding == "XLSX");
  REQUIRE(r.layout.tables.size() == 2);
  const Table& t = r.layout.tables[0];
  CHECK(t.title == "表1 预算执行情况");
  CHECK(Texts(t) ==
        std::vector<std::vector<std::string>>{{"项目", "预算数", "执行率"},
                                              {"基本支出", "6874309.59", "20%"},
                                              {"合计", "6,874,310", "12.3万元"},
                                              {"说明", "", ""}});
  CHECK(t.rows[3][0].colspan == 3);
  CHECK(t.rows[3][2].anchor_col == 0);
  CHECK(t.rows[1][1].first_line == 3);  // the sheet's row
  CHECK(t.rows[1][1].page == 1);        // the sheet's number
  CHECK(t.rows[1][1].ref.str() == "表一!B3");
  CHECK(r.layout.tables[1].rows[1][1].ref.str() == "表三!C3");
  // The third sheet: its table starts at column B, the hidden sheet is skipped.
  CHECK(Texts(r.layout.tables[1]) ==
        std::vector<std::vector<std::string>>{{"甲", "1", "2"}, {"乙", "TRUE"}});
  CHECK(r.layout.tables[1].rows[0][2].ref.str() == "表三!E2");  // column D is hidden
  CHECK(r.layout.tables[1].rows[0][0].page == 3);
  CHECK(Paragraphs(r.layout) == std::vector<std::string>{"表1 预算执行情况"});
}

TEST_CASE("xlsx: merged ranges are marked on the sheet's own cells within a bound",
          "[office][xlsx][bad]") {
  // Ranges far past the used cells mark nothing there: a one-cell sheet
  // with thousands of them reads as its cell.
  std::string far =
      "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>合计"
      "</t></is></c><c r=\"B1\"><v>5</v></c></row></sheetData><mergeCells>";
  for (int i = 2; i < 20000; ++i)
    far += "<mergeCell ref=\"A" + std::to_string(i) + ":Z" + std::to_string(i + 500) +
           "\"/>";
  far += "</mergeCells>";
  Read ok = ReadBytes("far.xlsx", Xlsx({{"表", far}}));
  INFO(ok.err.ToString());
  REQUIRE(ok.ok);
  REQUIRE(ok.layout.tables.size() == 1);
  CHECK(Texts(ok.layout.tables[0]) ==
        std::vector<std::vector<std::string>>{{"合计", "5"}});
  // Overlapping ranges over a filled grid, which no spreadsheet program
  // writes, would mark the same cells again and again: refused, named.
  std::string over = "<sheetData>";
  for (int r = 1; r <= 2000; ++r) {
    over += "<row r=\"" + std::to_string(r) + "\">";
    for (char c = 'A'; c <= 'Z'; ++c)
      over += "<c r=\"" + std::string(1, c) + std::to_string(r) + "\"><v>1</v></c>";
    over += "</row>";
  }
  over += "</sheetData><mergeCells>";
  for (int i = 1; i < 3000; ++i)
    over += "<mergeCell ref=\"A" + std::to_string(i % 1500 + 1) + ":Z" +
            std::to_string(i % 1500 + 500) + "\"/>";
  over += "</mergeCells>";
  Read bad = ReadBytes("over.xlsx", Xlsx({{"表", over}}));
  CHECK_FALSE(bad.ok);
  CHECK(bad.err.ToString().find("merged ranges cover more than 1000000 cells") !=
        std::string::npos);
}

TEST_CASE("html tables, spans, layout tables and page noise", "[office][html]") {
  std::string page =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
      "charset=gb2312\">"
      "<style>p{color:red}</style><script>var "
      "s='<table><tr><td>1</td></tr></table>';</script>"
      "</head><body><nav>首页 | 信息公开</nav>"
      "<table><tr><td><p>表1&nbsp;&nbsp;绩效指标（朱镕基路𠮷）</p>"
      "<table "
      "border=1><thead><tr><th>一级指标</th><th>二级指标</th><th>分值</th></tr></thead>"
      "<tr><td rowspan=2>产出指标</td><td>数量指标</td><td>20</td></tr>"
      "<tr><td>质量<br>指标</td><td>30</td></tr>"
      "<tr><td colspan=\"2\">合计</td><td>50</td></tr></table></td></tr></table>"
      "<div role=\"navigation\">上一篇</div><footer>版权所有 2023</footer></body></html>";
  std::string gb;
  REQUIRE(EncodeText(page, "GB18030", &gb));
  Read r = ReadBytes("a.html", gb);
  INFO(r.err.ToString());
  REQUIRE(r.ok);
  CHECK(r.doc.encoding == "HTML GB18030");
  CHECK(Paragraphs(r.layout) == std::vector<std::string>{"表1  绩效指标（朱镕基路𠮷）"});
  REQUIRE(r.layout.tables.size() == 1);
  const Table& t = r.layout.tables[0];
  CHECK(Texts(t) ==
        std::vector<std::vector<std::string>>{{"一级指标", "二级指标", "分值"},
                                              {"产出指标", "数量指标", "20"},
                                              {"", "质量\n指标", "30"},
                                              {"合计", "", "50"}});
  CHECK(t.rows[1][0].rowspan == 2);
  CHECK(t.rows[2][0].anchor_row == 1);
  CHECK(t.rows[2][0].value() == "产出指标");
  CHECK(t.rows[3][0].colspan == 2);
  CHECK(t.header_rows == 1);
  CHECK(t.title == "表1  绩效指标（朱镕基路𠮷）");
  // A caption titles its table.
  Read c = ReadBytes(
      "c.html",
      "<html><body><p>正文</p><table><caption>表2 收支情况</caption><tr><td>项目</td>"
      "<td>金额</td></tr><tr><td>合计</td><td>10</td></tr></table></body></html>");
  REQUIRE(c.ok);
  REQUIRE(c.layout.tables.size() == 1);
  CHECK(c.layout.tables[0].title == "表2 收支情况");
}

TEST_CASE("html encodings: meta charset, BOM, detection", "[office][html]") {
  std::string body = "<p>预算执行率 98.5%</p>";
  SECTION("meta charset gbk") {
    std::string gb;
    REQUIRE(EncodeText("<html><head><meta charset=\"gbk\"></head><body>" + body,
                       "GB18030", &gb));
    Read r = ReadBytes("a.html", gb);
    REQUIRE(r.ok);
    CHECK(r.doc.encoding == "HTML GB18030");
    CHECK(Paragraphs(r.layout) == std::vector<std::string>{"预算执行率 98.5%"});
  }
  SECTION("UTF-8 BOM") {
    Read r = ReadBytes("a.html", "\xEF\xBB\xBF<html><body>" + body);
    REQUIRE(r.ok);
    CHECK(Paragraphs(r.layout) == std::vector<std::string>{"预算执行率 98.5%"});
  }
  SECTION("no declaration: detected") {
    std::string gb;
    REQUIRE(EncodeText("<html><body>" + body, "GB18030", &gb));
    Read r = ReadBytes("a.html", gb);
    REQUIRE(r.ok);
    CHECK(r.doc.encoding == "HTML GB18030");
    CHECK(Paragraphs(r.layout) == std::vector<std::string>{"预算执行率 98.5%"});
  }
  SECTION("deep nesting is refused") {
    std::string deep = "<html><body>";
    for (int i = 0; i < 3000; ++i) deep += "<div>";
    Read r = ReadBytes("deep.html", deep + "x");
    CHECK(!r.ok);
    CHECK(r.err.message.find("depth limit") != std::string::npos);
  }
}

// A workbook giving each table a sheet of its own prints the title and the
// "单位：万元" line on the sheet before: that is the table's unit.
TEST_CASE("xlsx: the unit line on the sheet before a table is its unit", "[office]") {
  auto s = [](const std::string& ref, const std::string& text) {
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
  };
  const std::string table = "<sheetData><row r=\"1\">" + s("A1", "项目") +
                            s("B1", "金额") + "</row><row r=\"2\">" +
                            s("A2", "基本支出") +
                            "<c r=\"B2\"><v>10</v></c></row></sheetData>";
  auto unit_of = [&](const std::string& before) {
    Read r = ReadBytes("u.xlsx", Xlsx({{"说明", "<sheetData>" + before + "</sheetData>"},
                                       {"表", table}}));
    REQUIRE(r.ok);
    Extraction ex = Extract(r.doc, r.layout, ProjectPatterns());
    REQUIRE(ex.tables.size() == 1);
    return ex.tables[0].unit;
  };
  UnitInfo u = unit_of("<row r=\"1\">" + s("A1", "收入决算表") + "</row><row r=\"2\">" +
                       s("A2", "单位：万元") + "</row>");
  CHECK(u.kind == "money");
  CHECK(u.pow10 == 4);
  CHECK(unit_of("<row r=\"1\">" + s("A1", "收入决算表") + "</row>").kind.empty());
}

}  // namespace
}  // namespace jx
