// Memory in proportion to the input: the per-cell structures stay small, the
// sheets of `extract` are kept on disk until written, and a large grid goes
// through `extract` under an address-space limit the whole run shares.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "export/extract.h"
#include "extract/extract.h"
#include "extract/extraction.h"
#include "layout/layout.h"
#include "layout/table.h"
#include "record/sheets.h"
#include "record/spill.h"
#include "record/wire.h"
#include "test_util.h"

namespace fs = std::filesystem;
using namespace jx;
using namespace jx::test;

namespace {

// A grid of `rows` labelled rows of `cols` small numbers under a header.
std::string Grid(int rows, int cols) {
  std::string s = "项目";
  for (int j = 1; j < cols; ++j) s += "\t列" + std::to_string(j);
  s += '\n';
  for (int i = 0; i < rows; ++i) {
    s += "行" + std::to_string(i);
    for (int j = 1; j < cols; ++j) s += '\t' + std::to_string((i * 7 + j * 13) % 1000);
    s += '\n';
  }
  return s;
}

// Runs jxaudit with the address space of the whole run (it and its workers)
// limited to `mib` MiB.
RunResult RunLimited(const std::vector<std::string>& args, rlim_t mib) {
  return RunJxauditLimited(args, RLIMIT_AS, mib << 20);
}

// What the rules read of an extraction's tables and out-of-range numbers,
// each cell with where it was printed.
std::string TypedDump(const Extraction& ex) {
  std::ostringstream o;
  for (const OutOfRange& x : ex.out_of_range)
    o << "oor " << x.where.table << ' ' << x.where.row << ' ' << x.where.column << ' '
      << x.where.line << ' ' << x.text << '\n';
  for (const TypedTable& t : ex.tables) {
    o << "table " << t.id << ' ' << t.row_doubts.size() << '\n';
    for (const TypedSection& s : t.sections) {
      o << "section " << s.section << ' ' << s.first_column << ' ' << s.coded << '\n';
      for (const TypedRow& r : s.rows) {
        o << r.row << ' ' << r.label << ' ' << r.code << ' ' << r.code_level << ' '
          << r.code_label.str() << ' ' << r.total << r.subtotal << r.numeric << ':';
        for (size_t c = 0; c < r.cells.size(); ++c) {
          const Location l = t.At(r, c);
          o << ' ' << static_cast<int>(r.cells[c].kind) << '@' << l.line << '/' << l.page
            << '/' << l.cell << '=' << r.cells[c].number.value.ToString();
        }
        o << '\n';
      }
    }
  }
  return o.str();
}

Value T(const std::string& s) { return TextValue(s); }
Value N(int64_t v) { return NumberValue(Decimal{v, 0}); }

// One file's own sheets, as BuildSheets gives them with Tables: `cells`
// Tables rows (text `fill` repeated to make them long), and a finding linked
// to Tables row `linked`.
std::vector<Sheet> OwnSheets(const std::string& file, size_t cells, size_t linked,
                             const std::string& fill = "x") {
  std::vector<Sheet> s = BuildSheets(std::vector<const DocumentReport*>{}, true);
  for (Sheet& sh : s) {
    if (sh.name == "Documents") sh.rows.push_back({T(file), T("ok")});
    if (sh.name == "Findings") {
      Value id = T("F1");
      id.link = TablesLink(linked);
      sh.rows.push_back({T(file), id, T("sum.total")});
    }
    if (sh.name == "Tables")
      for (size_t r = 0; r < cells; ++r)
        sh.rows.push_back({T(file), T("t1"), N(static_cast<int64_t>(r / 3 + 1)),
                           N(static_cast<int64_t>(r % 3 + 1)), N(7), T(fill), Value{}});
  }
  return s;
}

std::string Json(const SheetRows& rows) {
  std::ostringstream o;
  Error err;
  REQUIRE(WriteExtractJson(rows, o, &err));
  return o.str();
}

}  // namespace

TEST_CASE("memory: a layout cell and a typed cell stay small", "[memory]") {
  // One of each per printed cell of a grid: with three strings a layout cell
  // was 128 bytes, a typed cell with its own string 72. The rare strings (a
  // workbook reference, a filled-down value, a row's doubt) are 8 bytes each.
  CHECK(sizeof(Cell) <= 80);
  CHECK(sizeof(TypedCell) <= 32);
  // A typed row per printed row (a million short rows make a million): its
  // rare code-column words behind a pointer, it was 152 bytes.
  CHECK(sizeof(TypedRow) <= 128);
  // A sheet value: fourteen per figure of a sentence line in the Budget
  // sheet, eleven per printed cell in Tables. With its link a std::string
  // and its flags apart it was 104 bytes.
  CHECK(sizeof(Value) <= 64);
  Value v = TextValue("x");
  CHECK(v.link.empty());
  v.link = TablesLink(3);
  CHECK(v.link == TablesLink(3));
  v.link.clear();
  CHECK(v.link.empty());
  // The filled-down value is kept apart only where it is not the text.
  Cell c;
  c.text = "决策";
  c.set_value("决策");
  CHECK(c.value() == "决策");
  c.text = "";
  c.set_value("决策");
  CHECK(c.value() == "决策");
  Cell copy = c;
  CHECK(copy.value() == "决策");
  // A cell's doubt is a byte naming one of the doubts.
  CHECK(c.doubt.empty());
  c.doubt = std::string(kDoubtRows);
  CHECK(c.doubt == kDoubtRows);
  CHECK(std::string(c.doubt) == "rows");
  c.doubt = kDoubtLabels;
  CHECK(c.doubt.str() == "labels");
  copy = c;
  CHECK(copy.doubt == kDoubtLabels);
  c.doubt = std::string();
  CHECK(c.doubt.empty());
  RareString r;
  CHECK(r.empty());
  r = std::string("表1!B7");
  RareString r2 = r;
  CHECK(r2.str() == "表1!B7");
  r = std::string();
  CHECK(r.empty());
  CHECK(r2.str() == "表1!B7");
}

TEST_CASE("memory: sheets kept on disk read back as MergeSheets joins them", "[memory]") {
  // Three files, the first given twice, arriving out of order; the second's
  // Tables rows are long enough to fill several chunks on disk.
  const std::string longtext(1000, 'y');
  std::vector<std::vector<Sheet>> own = {
      OwnSheets("a.txt", 5, 4), OwnSheets("b.txt", 3000, 2999, longtext),
      OwnSheets("a.txt", 5, 1), OwnSheets("c.txt", 0, 0)};
  SheetSpill spill(own.size());
  Error err;
  for (size_t i : {2, 0, 3}) REQUIRE(spill.Add(i, own[i], &err));
  // A result that did not read, then the file's own: the first is replaced.
  REQUIRE(spill.Add(1, OwnSheets("b.txt", 7, 0), &err));
  WireWriter w;
  w.Sheets(own[1]);
  REQUIRE(w.bytes().size() > 2 * SheetSpill::kChunkBytes);
  REQUIRE(spill.Add(1, w.bytes(), &err));
  std::vector<Sheet> merged = MergeSheets(std::vector<std::vector<Sheet>>(own));
  std::vector<Sheet> back;
  REQUIRE(spill.Materialize(&back, &err));
  REQUIRE(back.size() == merged.size());
  for (size_t s = 0; s < back.size(); ++s) {
    CHECK(back[s].name == merged[s].name);
    CHECK(spill.Rows(s) == merged[s].rows.size());
  }
  CHECK(Json(spill) == Json(SheetsInMemory(merged)));
  // The links: a's finding to the last copy of its cell, b's past a's rows.
  const Sheet* f = nullptr;
  for (const Sheet& s : back)
    if (s.name == "Findings") f = &s;
  REQUIRE(f);
  REQUIRE(f->rows.size() == 4);
  CHECK(f->rows[0][1].link == TablesLink(3005 + 4));
  CHECK(f->rows[1][1].link == TablesLink(5 + 2999));
  CHECK(f->rows[2][1].link == TablesLink(3005 + 1));
  CHECK(f->rows[3][1].link == TablesLink(0));  // c has no Tables rows: left as it was
  // Bytes that do not read are refused.
  CHECK_FALSE(spill.Add(3, std::string_view("\x05\x01", 2), &err));
  CHECK(err.message == "unreadable worker result");
}

TEST_CASE("memory: extract on a 600 x 300 grid within 250 MiB of address space",
          "[memory][e2e]") {
  // Before the sheets went to disk and the Tables rows to the wire as they
  // were made, the worker and the parent each held eleven values per printed
  // cell: this run needed about 400 MiB.
  std::string dir = TempDir();
  WriteFile(dir + "/grid.txt", Grid(600, 300));
  RunResult r = RunLimited({"extract", "--no-db", "-q", "-j", "1", "--patterns",
                            JXAUDIT_PATTERNS_DIR, "--format", "csv", dir + "/grid.txt"},
                           250);
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  // Every printed cell is a row of Tables: 601 rows of 300.
  size_t n = 0;
  for (size_t p = r.out.find("\nTables,"); p != std::string::npos;
       p = r.out.find("\nTables,", p + 1))
    ++n;
  CHECK(n == 601 * 300);
  fs::remove_all(dir);
}

TEST_CASE("memory: extract -o x.xlsx on a 600 x 300 grid within 200 MiB of address space",
          "[memory][e2e]") {
  // The workbook was written from the sheets back in memory (eleven values
  // per printed cell): this run needed about 235 MB resident and failed
  // under 250 MiB. Now the Tables sheet is read from disk as it is written.
  std::string dir = TempDir();
  WriteFile(dir + "/grid.txt", Grid(600, 300));
  const std::string out = dir + "/x.xlsx";
  RunResult r = RunLimited({"extract", "--no-db", "-q", "-j", "1", "--patterns",
                            JXAUDIT_PATTERNS_DIR, "-o", out, dir + "/grid.txt"},
                           200);
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  // The Tables sheet (the seventh) holds every printed cell: 601 × 300 rows
  // under its header.
  REQUIRE(std::system(("unzip -p '" + out + "' xl/worksheets/sheet7.xml > '" + dir +
                       "/tables.xml'")
                          .c_str()) == 0);
  const std::string xml = ReadFile(dir + "/tables.xml");
  CHECK(xml.find("<row r=\"180301\"") != std::string::npos);
  CHECK(xml.find("<row r=\"180302\"") == std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("memory: check on a sentence line of 300,000 figures within 500 MiB a worker",
          "[memory][e2e]") {
  // Each figure was held twice at the end of its line (the line's figures
  // and the extraction's), with each match's groups: 607 MB resident, out
  // of memory under --max-memory 500. Now about 360 MB.
  std::string dir = TempDir();
  std::string line = "收入预算，";
  for (int i = 0; i < 300000; ++i) line += "其中财政拨款12.5万元，";
  WriteFile(dir + "/line.txt", line + "\n");
  RunResult r = RunJxaudit({"check", "--no-db", "-q", "-j", "1", "--max-memory", "500",
                            "--patterns", JXAUDIT_PATTERNS_DIR, dir + "/line.txt"});
  INFO(r.out.substr(0, 2000));
  CHECK(r.status != 2);
  CHECK(r.out.find("out of memory") == std::string::npos);
  CHECK(r.out.find("could not be read") == std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("memory: check --format json on a line of 100 thousand figures within 350 MiB",
          "[memory][e2e]") {
  // The document's JSON was a tree in the worker, again in the CBOR sent and
  // in the parent (three trees of a million nodes): this run needed about
  // 400 MiB of address space a process. Now the JSON is text end to end.
  std::string dir = TempDir();
  std::string line = "收入预算，";
  for (int i = 0; i < 100000; ++i) line += "其中财政拨款12.5万元，";
  WriteFile(dir + "/line.txt", line + "\n");
  for (const char* format : {"json", "jsonl"}) {
    INFO(format);
    RunResult r = RunLimited({"check", "--no-db", "-q", "-j", "1", "--format", format,
                              "--patterns", JXAUDIT_PATTERNS_DIR, dir + "/line.txt"},
                             350);
    INFO(r.err);
    CHECK(r.status == 0);
    const nlohmann::json j = nlohmann::json::parse(
        std::string(format) == "json" ? r.out : r.out.substr(0, r.out.find('\n')),
        nullptr, false);
    REQUIRE(j.is_object());
    const nlohmann::json& doc = std::string(format) == "json" ? j["documents"][0] : j;
    CHECK(doc["status"] == "ok");
    CHECK(doc["file"] == dir + "/line.txt");
    CHECK(doc["figures"].size() >= 100000);
  }
  fs::remove_all(dir);
}

TEST_CASE("memory: an extraction that frees the layout rows reads as one that keeps them",
          "[memory]") {
  // Typed rows are read last, and from a layout given to be freed each
  // layout row goes as it is typed: what the rules read is the same,
  // out-of-range numbers of tables before those of sentences, a two-sided
  // table's sides and codes as before.
  const std::string text =
      "表1 收支总表 (单位：万元)\n\n"
      "项目\t决算数\t项目\t决算数\n"
      "一、财政拨款\t10.00\t一、一般公共服务支出\t9.00\n"
      "二、其他收入\t123456789012345678901\t二、教育支出\t987654321098765432109\n"
      "收入合计\t10.00\t支出合计\t9.00\n\n"
      "表2 支出决算表 (单位：万元)\n\n"
      "科目编码\t科目名称\t决算数\n"
      "201\t一般公共服务支出\t5.00\n"
      "20101\t人大事务\t5.00\n"
      "合计\t\t5.00\n\n"
      "收入预算，其中财政拨款99999999999999999999999万元。\n";
  Document doc = DocFromText(text);
  Layout kept = BuildLayout(doc, ProjectPatterns());
  REQUIRE(kept.tables.size() == 2);
  // Cells printed apart from their row: a workbook reference, another page.
  kept.tables[1].rows[1][2].ref = std::string("表2!C2");
  kept.tables[1].rows[2][1].page = 3;
  Layout given = kept;
  const Extraction a = Extract(doc, kept, ProjectPatterns());
  const Extraction b = Extract(doc, &given, ProjectPatterns());
  CHECK(TypedDump(a) == TypedDump(b));
  CHECK(kept.tables[0].rows.size() == 4);  // the layout kept is left whole
  CHECK(given.tables[0].rows.empty());     // the other's rows are gone
  CHECK(given.paragraphs.size() == kept.paragraphs.size());
  REQUIRE(a.out_of_range.size() >= 3);
  CHECK(a.out_of_range[0].where.table == "t1");
  CHECK(a.out_of_range[0].where.column == 1);
  CHECK(a.out_of_range[1].where.column == 3);
  CHECK(a.out_of_range.back().where.table.empty());
  REQUIRE(a.tables.size() == 2);
  REQUIRE(a.tables[0].sections.size() == 2);  // two sides
  CHECK(a.tables[0].sections[1].rows.size() == 3);
  const TypedSection& coded = a.tables[1].sections[0];
  CHECK(coded.coded);
  REQUIRE(coded.rows.size() == 3);
  CHECK(coded.rows[1].code == "20101");
  const Location ref = a.tables[1].At(coded.rows[0], 2);
  CHECK(ref.cell == "表2!C2");
  CHECK(ref.page == coded.rows[0].page);
  const Location moved = a.tables[1].At(coded.rows[1], 1);
  CHECK(moved.page == 3);
  CHECK(moved.cell.empty());
  CHECK(a.tables[1].At(coded.rows[1], 2).page == coded.rows[1].page);
}

TEST_CASE("memory: check on a 1500 x 500 grid within 155 MiB of address space",
          "[memory][e2e]") {
  // A layout cell (88 bytes) and a typed cell (48) per printed cell were
  // both held to the end of the extraction: this run needed 116 MB resident
  // and ran out of memory under 170 MiB. Now the layout rows are freed as
  // they are typed, and the document's lines once laid out.
  std::string dir = TempDir();
  WriteFile(dir + "/grid.txt", Grid(1500, 500));
  RunResult r = RunLimited({"check", "--no-db", "-q", "-j", "1", "--patterns",
                            JXAUDIT_PATTERNS_DIR, dir + "/grid.txt"},
                           155);
  INFO(r.out.substr(0, 2000));
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(r.out.find("out of memory") == std::string::npos);
  CHECK(r.out.find("0 errors, 0 warnings") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("memory: a sentence figure stays small, its evidence shared with its line",
          "[memory]") {
  // One Figure per figure of a sentence line: with its evidence (up to 240
  // bytes around the figure) a string of its own and its column, column
  // label and source strings it was 480 bytes and about 750 with what its
  // strings held. Now its evidence points into the line's key.
  CHECK(sizeof(Evidence) <= 24);
  CHECK(sizeof(Figure) <= 400);
  std::string line = "收入预算，";
  for (int i = 0; i < 2000; ++i) line += "其中财政拨款" + std::to_string(i) + ".5万元，";
  Document doc = DocFromText(line + "\n");
  const Layout layout = BuildLayout(doc, ProjectPatterns());
  const Extraction ex = Extract(doc, layout, ProjectPatterns());
  REQUIRE(ex.figures.size() >= 2000);
  // The words around each figure, cut with "…" where the line goes on.
  const std::string first = ex.figures.front().evidence;
  CHECK(first.starts_with("收入预算"));
  CHECK(first.ends_with("…"));
  const Figure& mid = ex.figures[1000];
  const std::string text = mid.evidence;
  CHECK(text.starts_with("…"));
  CHECK(text.ends_with("…"));
  CHECK(text.find(mid.number.value.ToString()) != std::string::npos);
  CHECK(text.size() < 1200);
  // A short sentence is its own evidence, whole.
  Document shortdoc =
      DocFromText("收入预算100万元，其中财政拨款60万元，其他资金40万元。\n");
  const Extraction s =
      Extract(shortdoc, BuildLayout(shortdoc, ProjectPatterns()), ProjectPatterns());
  REQUIRE_FALSE(s.figures.empty());
  CHECK(s.figures[0].evidence.str() ==
        "收入预算100万元，其中财政拨款60万元，其他资金40万元。");
  // A cell's text as it is.
  Evidence cell = std::string("12.50");
  CHECK(cell.str() == "12.50");
  CHECK_FALSE(cell.empty());
  CHECK(Evidence().empty());
}

TEST_CASE(
    "memory: a file past the address-space limit the run was started under names it",
    "[memory][e2e]") {
  // A worker under a lower limit than --max-memory's keeps the lower one;
  // the file was said to be over --max-memory's 4096 MiB all the same.
  std::string dir = TempDir();
  {
    // 160 MiB of holes: reading it needs more memory than either limit.
    int fd = ::open((dir + "/huge.txt").c_str(), O_WRONLY | O_CREAT, 0644);
    REQUIRE(fd >= 0);
    REQUIRE(::ftruncate(fd, 160 << 20) == 0);
    ::close(fd);
  }
  RunResult r = RunLimited({"check", "--no-db", "-j", "1", "--patterns",
                            JXAUDIT_PATTERNS_DIR, dir + "/huge.txt"},
                           150);
  CHECK(r.status == 2);
  CHECK(r.err == "jxaudit: " + dir +
                     "/huge.txt: out of memory (over 150 MiB, the address-space limit "
                     "jxaudit was started under)\n");
  // The lower of the two is the one that applies, and the one named.
  r = RunLimited({"check", "--no-db", "-j", "1", "--max-memory", "120", "--patterns",
                  JXAUDIT_PATTERNS_DIR, dir + "/huge.txt"},
                 150);
  CHECK(r.status == 2);
  CHECK(r.err ==
        "jxaudit: " + dir + "/huge.txt: out of memory (over 120 MiB, --max-memory)\n");
  fs::remove_all(dir);
}

TEST_CASE(
    "memory: check on a sentence line of 300,000 figures within 340 MiB of address space",
    "[memory][e2e]") {
  // Each figure held its own evidence (up to 240 bytes) and every figure
  // match its groups until the line's figures were made: this run needed
  // 342 MB resident and ran out of memory under 380 MiB. Now about 224 MB.
  std::string dir = TempDir();
  std::string line = "收入预算，";
  for (int i = 0; i < 300000; ++i) line += "其中财政拨款12.5万元，";
  WriteFile(dir + "/line.txt", line + "\n");
  RunResult r = RunLimited({"check", "--no-db", "-q", "-j", "1", "--patterns",
                            JXAUDIT_PATTERNS_DIR, dir + "/line.txt"},
                           340);
  INFO(r.out.substr(0, 2000));
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(r.out.find("out of memory") == std::string::npos);
  fs::remove_all(dir);
}
