// The extract workbook written from sheets read row by row (the sheets of a
// batch on disk): the same book as from the sheets in memory, the Tables
// sheet never held, a flagged table drawn as it is read.
#include <dlfcn.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <regex>

#include "audit/audit.h"
#include "export/book.h"
#include "export/extract.h"
#include "record/sheets.h"
#include "record/spill.h"
#include "test_util.h"

namespace jx {
namespace {

using namespace test;
namespace fs = std::filesystem;

// An error in 甲县's sums, a warning and an error in 乙县's.
const char* kJia =
    "部门名称：甲县财政局\n\n表1 2023年支出情况（单位：万元）\n\n"
    "项目\t年初预算数\t决算数\n基本支出\t100.00\t90.00\n项目支出\t50.00\t40.00\n"
    "合计\t160.00\t130.00\n";
const char* kYi =
    "部门名称：乙县教育局\n\n表1 2023年预算执行情况（单位：万元）\n\n"
    "项目\t调整预算数\t决算数\n基本支出\t10.00\t9.00\n项目支出\t20.00\t22.00\n"
    "合计\t30.00\t32.00\n";

std::string Member(const std::string& xlsx, const std::string& member) {
  std::string out = xlsx + ".member";
  std::string cmd =
      "unzip -p '" + xlsx + "' '" + member + "' > '" + out + "' 2>/dev/null";
  if (std::system(cmd.c_str()) != 0) return "";
  return ReadFile(out);
}

// Every worksheet's XML, by its name in the book.
std::map<std::string, std::string> SheetsXml(const std::string& xlsx) {
  std::map<std::string, std::string> out;
  std::string wb = Member(xlsx, "xl/workbook.xml");
  std::regex sheet("<sheet name=\"([^\"]*)\" sheetId=\"([0-9]+)\"");
  for (auto it = std::sregex_iterator(wb.begin(), wb.end(), sheet);
       it != std::sregex_iterator(); ++it)
    out[(*it)[1]] = Member(xlsx, "xl/worksheets/sheet" + (*it)[2].str() + ".xml");
  return out;
}

std::vector<DocumentReport> Checked(const std::string& dir) {
  WriteFile(dir + "/a.txt", kJia);
  WriteFile(dir + "/b.txt", kYi);
  WriteFile(dir + "/c.txt", kYi);
  std::vector<DocumentReport> docs;
  for (const char* f : {"/a.txt", "/b.txt", "/c.txt", "/a.txt"})
    docs.push_back(CheckFile(dir + f, ReadOptions{}, ProjectPatterns()));
  return docs;
}

}  // namespace

TEST_CASE("extract workbook: from the sheets on disk the same book as from memory",
          "[export][workbook]") {
  std::string dir = TempDir();
  const std::vector<DocumentReport> docs = Checked(dir);
  BookOptions opt;
  opt.terms = &ProjectPatterns().terms();
  opt.max_table_sheets = 1;  // the shared sheet of flagged tables too
  opt.max_rows = 12;         // and a Tables sheet split into parts
  std::vector<std::vector<Sheet>> own;
  SheetSpill spill(docs.size());
  Error err;
  for (size_t i = 0; i < docs.size(); ++i) {
    own.push_back(BuildSheets(std::vector<const DocumentReport*>{&docs[i]}, true));
    REQUIRE(spill.Add(docs.size() - 1 - i, own.back(), &err) == true);
  }
  // Added in reverse: the spill's file i is docs[n - 1 - i].
  std::vector<std::vector<Sheet>> reversed(own.rbegin(), own.rend());
  const std::vector<Sheet> merged = MergeSheets(std::move(reversed));
  REQUIRE(WriteExtractXlsx(merged, dir + "/memory.xlsx", opt, &err));
  REQUIRE(WriteExtractXlsx(spill, dir + "/disk.xlsx", opt, &err));
  const auto memory = SheetsXml(dir + "/memory.xlsx"),
             disk = SheetsXml(dir + "/disk.xlsx");
  REQUIRE(memory.size() > 9);
  CHECK(memory.count("其余问题表") == 1);
  CHECK(memory.count("表格单元 (2)") == 1);
  for (const auto& [name, xml] : memory) {
    INFO(name);
    CHECK(disk.count(name) == 1);
    CHECK(disk.at(name) == xml);
  }
  CHECK(disk.size() == memory.size());
  fs::remove_all(dir);
}

namespace {

// Sheets in memory that count how often each is read.
class CountedRows : public SheetRows {
 public:
  explicit CountedRows(const std::vector<Sheet>& sheets)
      : rows_(sheets), reads_(sheets.size(), 0) {}
  const std::vector<Sheet>& heads() const override { return rows_.heads(); }
  size_t Rows(size_t sheet) const override { return rows_.Rows(sheet); }
  bool Each(size_t sheet, const RowFn& row, Error* err) const override {
    ++reads_[sheet];
    return rows_.Each(sheet, row, err);
  }
  int reads(const std::string& name) const {
    for (size_t s = 0; s < heads().size(); ++s)
      if (heads()[s].name == name) return reads_[s];
    return -1;
  }

 private:
  SheetsInMemory rows_;
  mutable std::vector<int> reads_;
};

// The width libxlsxwriter wrote for column `col` (1-based) of a sheet's XML.
double ColumnWidth(const std::string& xml, int col) {
  std::smatch m;
  const std::regex re("<col min=\"" + std::to_string(col) + "\" max=\"" +
                      std::to_string(col) + "\" width=\"([0-9.]+)\"");
  return std::regex_search(xml, m, re) ? std::stod(m[1]) : -1;
}

}  // namespace

TEST_CASE(
    "workbook sheets: a sheet without wrapped columns is read once and measured on all "
    "rows",
    "[export][workbook]") {
  // A row's height depends on the widths only through a wrapped column
  // (Findings' message): other sheets, Tables above all, are measured as
  // they are written, and their widths still come from every row, the last
  // one's included.
  std::string dir = TempDir();
  std::vector<DocumentReport> docs = Checked(dir);
  std::vector<Sheet> sheets = BuildSheets(docs, true);
  size_t text_col = 0;
  for (Sheet& s : sheets)
    if (s.name == "Tables") {
      REQUIRE(!s.rows.empty());
      const auto it = std::find(s.columns.begin(), s.columns.end(), "text");
      REQUIRE(it != s.columns.end());
      text_col = static_cast<size_t>(it - s.columns.begin());
      s.rows.back()[text_col] = TextValue(std::string(40, 'x'));
    }
  BookOptions opt;
  opt.terms = &ProjectPatterns().terms();
  Error open_err;
  lxw_workbook* wb = OpenWorkbook(dir + "/counted.xlsx", /*streamed=*/true, &open_err);
  REQUIRE(wb != nullptr);
  const CountedRows counted(sheets);
  {
    Book book(wb, opt);
    Error err;
    REQUIRE(AddSheets(&book, counted, &err));
  }
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
  CHECK(counted.reads("Tables") == 1);
  CHECK(counted.reads("Budget") == 1);
  CHECK(counted.reads("Findings") == 2);
  const auto xml = SheetsXml(dir + "/counted.xlsx");
  REQUIRE(xml.count("表格单元") == 1);
  // 40 columns of text and the two of room every column gets, as Excel
  // stores a width (with the padding of its character cell).
  const double width = ColumnWidth(xml.at("表格单元"), static_cast<int>(text_col) + 1);
  CHECK(width > 42);
  CHECK(width < 43);
  fs::remove_all(dir);
}

TEST_CASE(
    "extract workbook: a flagged table whose cells come out of order is drawn as in "
    "order",
    "[export][workbook]") {
  // BuildSheets gives a table's cells row by row, and they are drawn as
  // they are read; cells in another order (a sheet joined some other way)
  // are held and drawn from their places.
  std::string dir = TempDir();
  std::vector<DocumentReport> docs = Checked(dir);
  docs.resize(1);
  BookOptions opt;
  opt.terms = &ProjectPatterns().terms();
  std::vector<Sheet> sheets = BuildSheets(docs, true);
  Error err;
  REQUIRE(WriteExtractXlsx(sheets, dir + "/ordered.xlsx", opt, &err));
  for (Sheet& s : sheets)
    if (s.name == "Tables") {
      REQUIRE(s.rows.size() > 8);
      std::reverse(s.rows.begin(), s.rows.end());
    }
  REQUIRE(WriteExtractXlsx(sheets, dir + "/reversed.xlsx", opt, &err));
  auto ordered = SheetsXml(dir + "/ordered.xlsx"),
       reversed = SheetsXml(dir + "/reversed.xlsx");
  const std::string drawn = "问题表1 t1 表1 2023年支出情况（单位：万元）";
  REQUIRE(ordered.count(drawn) == 1);
  CHECK(ordered[drawn].find("<t>合计</t>") != std::string::npos);
  CHECK(reversed[drawn] == ordered[drawn]);
  CHECK(reversed["问题清单"] == ordered["问题清单"]);
  CHECK(reversed["表格单元"] != ordered["表格单元"]);
  fs::remove_all(dir);
}

TEST_CASE("workbook parts: deflated at the book's level and read back the same",
          "[export][workbook]") {
  // minizip marks a part's deflate option in its local header's flags (bits
  // 1 and 2: 0 normal, 3 for level 1, 2 for level 2): every part of a
  // written book carries the level deflate_level.cc asks for.
  REQUIRE(WorkbookDeflateLevelSet());
  std::string dir = TempDir();
  const std::vector<DocumentReport> docs = Checked(dir);
  BookOptions opt;
  opt.terms = &ProjectPatterns().terms();
  const std::vector<Sheet> sheets = BuildSheets(docs, true);
  Error err;
  REQUIRE(WriteExtractXlsx(sheets, dir + "/book.xlsx", opt, &err));
  const std::string zip = ReadFile(dir + "/book.xlsx");
  auto u16 = [&](size_t at) {
    return static_cast<unsigned>(static_cast<unsigned char>(zip[at])) |
           static_cast<unsigned>(static_cast<unsigned char>(zip[at + 1])) << 8;
  };
  auto u32 = [&](size_t at) { return u16(at) | u16(at + 2) << 16; };
  const unsigned want = kWorkbookDeflateLevel == 1   ? 6u
                        : kWorkbookDeflateLevel == 2 ? 4u
                                                     : 0u;
  size_t parts = 0, at = 0;
  while (at + 30 <= zip.size() && zip.compare(at, 4, "PK\x03\x04") == 0) {
    INFO(zip.substr(at + 30, u16(at + 26)));
    CHECK(u16(at + 8) == 8);  // deflated
    CHECK((u16(at + 6) & 6u) == want);
    ++parts;
    at += 30 + u16(at + 26) + u16(at + 28) + u32(at + 18);
  }
  CHECK(parts > 10);
  // The parts inflate to the XML they were: the sheets read back.
  const auto xml = SheetsXml(dir + "/book.xlsx");
  REQUIRE(xml.count("问题清单") == 1);
  CHECK(xml.at("问题清单").find("<t>甲县财政局</t>") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("extract workbook: a value's word is shown past the values remembered",
          "[export][workbook]") {
  // A column's value words are remembered for so many values; a value after
  // them still shows its word, the others themselves.
  std::string dir = TempDir();
  const std::vector<DocumentReport> docs = Checked(dir);
  BookOptions opt;
  opt.terms = &ProjectPatterns().terms();
  std::vector<Sheet> sheets = BuildSheets(docs, true);
  auto shown = [&](const std::vector<Sheet>& s, const std::string& name) {
    Error err;
    REQUIRE(WriteExtractXlsx(s, dir + "/" + name, opt, &err));
    return SheetsXml(dir + "/" + name).at("发现");
  };
  auto count = [](const std::string& xml, const std::string& what) {
    size_t n = 0;
    for (size_t at = xml.find(what); at != std::string::npos; at = xml.find(what, at + 1))
      ++n;
    return n;
  };
  const size_t errors = count(shown(sheets, "before.xlsx"), "<t>错误</t>");
  REQUIRE(errors > 0);
  for (Sheet& s : sheets) {
    if (s.name != "Findings") continue;
    const size_t sev = static_cast<size_t>(
        std::find(s.columns.begin(), s.columns.end(), "severity") - s.columns.begin());
    REQUIRE(sev < s.columns.size());
    const std::vector<Value> row = s.rows.at(0);
    for (int i = 0; i < 300; ++i) {
      s.rows.push_back(row);
      s.rows.back()[sev] = TextValue("s" + std::to_string(i));
    }
    s.rows.push_back(row);
    s.rows.back()[sev] = TextValue("error");
  }
  const std::string after = shown(sheets, "after.xlsx");
  CHECK(count(after, "<t>错误</t>") == errors + 1);
  CHECK(count(after, "<t>s299</t>") == 1);
  CHECK(count(after, "<t>error</t>") == 0);
  fs::remove_all(dir);
}

TEST_CASE("workbook cell names: cell_name.cc names cells as libxlsxwriter does",
          "[export][workbook]") {
  // The library's own function, found past the executable's definition.
  REQUIRE(WorkbookCellNamesSet());
  using Fn = void (*)(char*, lxw_row_t, lxw_col_t);
  const Fn own = reinterpret_cast<Fn>(dlsym(RTLD_NEXT, "lxw_rowcol_to_cell"));
  REQUIRE(own);
  struct Case {
    lxw_row_t row;
    lxw_col_t col;
    const char* name;
  };
  const Case cases[] = {{0, 0, "A1"},
                        {6, 1, "B7"},
                        {9, 25, "Z10"},
                        {99, 26, "AA100"},
                        {12345, 701, "ZZ12346"},
                        {0, 702, "AAA1"},
                        {1048575, 16383, "XFD1048576"}};
  for (const Case& c : cases) {
    char mine[LXW_MAX_CELL_NAME_LENGTH] = {}, theirs[LXW_MAX_CELL_NAME_LENGTH] = {};
    lxw_rowcol_to_cell(mine, c.row, c.col);
    own(theirs, c.row, c.col);
    CHECK(std::string(mine) == c.name);
    CHECK(std::string(theirs) == c.name);
  }
  // Every place of a sheet's first rows and columns, and rows far down.
  for (lxw_row_t r : {0u, 1u, 9u, 10u, 99u, 100u, 65535u, 65536u, 999999u, 1048575u})
    for (lxw_col_t col = 0; col < LXW_COL_MAX; col = col < 800 ? col + 1 : col * 2) {
      char mine[LXW_MAX_CELL_NAME_LENGTH] = {}, theirs[LXW_MAX_CELL_NAME_LENGTH] = {};
      lxw_rowcol_to_cell(mine, r, col);
      own(theirs, r, col);
      REQUIRE(std::string(mine) == std::string(theirs));
    }
  // Beyond the grid the library's function answers.
  char mine[32] = {}, theirs[32] = {};
  lxw_rowcol_to_cell(mine, LXW_ROW_MAX, 0);
  own(theirs, LXW_ROW_MAX, 0);
  CHECK(std::string(mine) == std::string(theirs));
}

}  // namespace jx
