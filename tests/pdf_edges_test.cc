// Cells set closer than a wide gap: where the page's lines open cells at one
// position, a word after a narrow gap starting there begins a cell, and the
// word before it ends one (layout/pdf_edges.cc). A cell's own words set a
// little apart, a unit after its number and running text stay whole.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "layout/internal.h"
#include "layout/pdf_internal.h"
#include "pdf_pages.h"
#include "test_util.h"

namespace jx {
namespace {

using test::LayoutOfPages;
using test::Page;
using test::ProjectPatterns;
using test::Word;

// Four columns: labels at 50, descriptions at 150 filled to 250, notes at
// 252 (2 pt after them, a fifth of an em) and scores at 400. The header
// and a description's short last line leave a wide gap before the notes.
PdfPage ClosePage() {
  PdfPage p = Page();
  p.words = {
      Word("指标", 50, 100), Word("指标解释", 150, 100, 40),
      Word("计分标准", 252, 100, 40), Word("分值", 400, 100),
      // 投 and 入（25分） are one label set 3 pt apart.
      Word("投", 50, 130, 10), Word("入（25分）", 63, 130, 40),
      Word("这是一段写满了栏宽的解释", 150, 130, 100), Word("①标准第一", 252, 130, 50),
      Word("5", 400, 130, 10), Word("解释的第二行写满栏宽啊", 150, 142, 100),
      Word("标准第二行", 252, 142, 50), Word("完。", 150, 154, 20),
      Word("标准第三", 252, 154, 40), Word("乙", 50, 184, 10),
      Word("另一段写满了栏宽的解释", 150, 184, 100), Word("②标准", 252, 184, 30),
      Word("4", 400, 184, 10), Word("丙", 50, 214, 10), Word("52000", 225, 214, 25),
      Word("元/公里", 252, 214, 30), Word("3", 400, 214, 10),
      // Running text well below the table, no wide gap on its line.
      Word("以下为正文，说明本表的填报口径和", 50, 400, 200),
      Word("各项标准", 252, 400, 40)};
  return p;
}

std::string Show(const Table& t) {
  std::string out;
  for (const auto& r : test::Texts(t)) {
    for (const std::string& c : r) out += "[" + c + "]";
    out += "\n";
  }
  return out;
}

bool EndsCell(const PdfPage& p, const std::string& text) {
  for (const PdfWord& w : p.words)
    if (w.text == text) return w.ends_cell;
  FAIL("no word " << text);
  return false;
}

TEST_CASE("pdf edges: a word opening where the page's cells open ends the word before") {
  const PdfPage page = ClosePage();
  PdfPage copy;
  const PatternFile* units = ProjectPatterns().file("units");
  const PdfPage& m = layout::pdf::MarkCellEdges(page, units, &copy);
  // On the rows' lines, and on the line of two cells between them.
  CHECK(EndsCell(m, "这是一段写满了栏宽的解释"));
  CHECK(EndsCell(m, "另一段写满了栏宽的解释"));
  CHECK(EndsCell(m, "解释的第二行写满栏宽啊"));
  // A label's own words at a position no line opens a cell at.
  CHECK_FALSE(EndsCell(m, "投"));
  // A unit after its number; without the units, an edge.
  CHECK_FALSE(EndsCell(m, "52000"));
  PdfPage bare;
  CHECK(EndsCell(layout::pdf::MarkCellEdges(page, nullptr, &bare), "52000"));
  // Running text far below the edges found.
  CHECK_FALSE(EndsCell(m, "以下为正文，说明本表的填报口径和"));
  // The page itself is left as it was.
  for (const PdfWord& w : page.words) CHECK_FALSE(w.ends_cell);
}

TEST_CASE("pdf edges: a page without such edges is handed on as it is") {
  PdfPage page = Page();
  page.words = {Word("项目", 50, 100), Word("金额", 150, 100),
                Word("基本支出", 50, 130, 40), Word("30", 150, 130)};
  PdfPage copy;
  CHECK(&layout::pdf::MarkCellEdges(page, nullptr, &copy) == &page);
}

TEST_CASE("pdf edges: cells set close read as columns of the table") {
  Layout l = LayoutOfPages({ClosePage()});
  REQUIRE(!l.tables.empty());
  const auto rows = test::Texts(l.tables[0]);
  bool parted = false;
  for (const auto& r : rows)
    for (const std::string& c : r) parted = parted || c == "①标准第一标准第二行标准第三";
  INFO(Show(l.tables[0]));
  CHECK(parted);
}

TEST_CASE("pdf layout: a number its column wrapped doubts the rows it was cut over") {
  // "2,400," over "000.00": the narrow column cut one number in two, and
  // the line spacing set its pieces rows apart.
  PdfPage p = Page();
  p.words = {Word("项目", 50, 100),         Word("预算数", 150, 100, 30),
             Word("执行数", 250, 100, 30),  Word("基本支出", 50, 130, 40),
             Word("2,400,", 150, 130, 30),  Word("1,800,0", 250, 130, 35),
             Word("000.00", 150, 150, 30),  Word("00.00", 250, 150, 25),
             Word("项目支出", 50, 180, 40), Word("10.00", 150, 180, 25),
             Word("9.00", 250, 180, 20),    Word("合计", 50, 210),
             Word("20.00", 150, 210, 25),   Word("19.00", 250, 210, 25)};
  Layout l = LayoutOfPages({p});
  REQUIRE(!l.tables.empty());
  const Table& t = l.tables[0];
  INFO(Show(t));
  bool doubted = false, sure_total = false;
  for (const auto& row : t.rows) {
    if (row.empty()) continue;
    const bool cut =
        row.size() > 1 && (row[1].text == "2,400," || row[1].text == "000.00");
    if (cut) doubted = row[0].doubt == kDoubtRows;
    if (row[0].text == "合计") sure_total = row[0].doubt.empty();
  }
  CHECK(doubted);
  CHECK(sure_total);
}

TEST_CASE(
    "pdf layout: a number wrapped at its last digit doubts the rows it was cut over") {
  // "60.0" over "0": both read as numbers, but together they print the
  // two decimals the table's other numbers do.
  auto page = [](const std::string& tail) {
    PdfPage p = Page();
    p.words = {Word("项目", 50, 100),        Word("预算数", 150, 100, 30),
               Word("执行数", 250, 100, 30), Word("基本支出", 50, 130, 40),
               Word("80.00", 150, 130, 25),  Word("60.0", 250, 130, 20),
               Word(tail, 250, 150, 5),      Word("项目支出", 50, 180, 40),
               Word("10.00", 150, 180, 25),  Word("9.00", 250, 180, 20),
               Word("合计", 50, 210),        Word("90.00", 150, 210, 25),
               Word("69.00", 250, 210, 25)};
    return LayoutOfPages({p});
  };
  auto doubted = [](const Layout& l) {
    std::vector<std::string> out;
    for (const auto& row : l.tables[0].rows)
      if (row.size() > 2 && row[0].doubt == kDoubtRows) out.push_back(row[2].text);
    return out;
  };
  Layout cut = page("0");
  REQUIRE(!cut.tables.empty());
  INFO(Show(cut.tables[0]));
  CHECK(doubted(cut) == std::vector<std::string>{"60.0", "0"});
  // "60.0" over "12": together three decimals, which nothing here prints.
  Layout apart = page("12");
  REQUIRE(!apart.tables.empty());
  CHECK(doubted(apart).empty());
}

}  // namespace
}  // namespace jx
