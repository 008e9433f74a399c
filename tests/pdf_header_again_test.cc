// PDF tables whose header comes back on a later page cut otherwise, columns
// whose header and cells were set apart, and cells set closer than a wide
// gap: the layout joins or reads what it can and doubts what rests on a
// guess, so the rules give at most a warning there.
#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "extract/extract.h"
#include "layout/internal.h"
#include "pdf_findings.h"
#include "pdf_pages.h"
#include "test_util.h"
#include "validate/validate.h"

namespace jx {
namespace {

using test::FindingOf;
using test::FindingsOfPages;
using test::Grid;
using test::Has;
using test::LayoutOfPages;
using test::Page;
using test::PdfOfPages;
using test::ProjectPatterns;
using test::Word;

// Page 1: 项目 | 金额（元） over 基本支出 30, with a page number at its foot.
PdfPage FirstPage() {
  PdfPage p = Grid({50, 200, 400}, {100, 130, 160}, {});
  p.words = {Word("项目", 60, 110), Word("金额（元）", 210, 110, 50),
             Word("基本支出", 60, 140, 40), Word("30", 210, 140),
             Word("第1页", 280, 800)};
  return p;
}

// Page 2 prints the header again in the rows given, then 项目支出 40 and a
// 合计 of 100 (the rows sum to 70), in a grid of other widths: only the
// header can say that it goes on with page 1's table.
PdfPage SecondPage(const std::vector<std::vector<std::string>>& header) {
  std::vector<double> ys;
  for (size_t k = 0; k <= header.size() + 2; ++k) ys.push_back(60 + 30.0 * k);
  PdfPage p = Grid({50, 220, 400}, ys, {}, 2);
  double y = 70;
  for (const auto& row : header) {
    if (!row[0].empty()) p.words.push_back(Word(row[0], 60, y, 40));
    if (!row[1].empty()) p.words.push_back(Word(row[1], 230, y, 50));
    y += 30;
  }
  p.words.push_back(Word("项目支出", 60, y, 40));
  p.words.push_back(Word("40", 230, y));
  p.words.push_back(Word("合计", 60, y + 30));
  p.words.push_back(Word("100", 230, y + 30));
  p.words.push_back(Word("第2页", 280, 800));
  return p;
}

TEST_CASE("pdf layout: a header printed again over two rows instead of one goes on") {
  // 金额（元） set on two lines at the next page's top, each a row of the
  // grid: the same letters, cut into other rows.
  const std::vector<std::vector<std::string>> recut = {{"项目", "金额"}, {"", "（元）"}};
  Layout l = LayoutOfPages({FirstPage(), SecondPage(recut)});
  REQUIRE(l.tables.size() == 1);
  CHECK(l.tables[0].pieces == 2);
  // The header rows of page 2 are dropped: 项目, 基本支出, 项目支出, 合计.
  REQUIRE(l.tables[0].rows.size() == 4);
  CHECK(l.tables[0].rows[2][0].text == "项目支出");
  CHECK(Has(l.tables[0].doubts, kDoubtHeaderRecut));
  // The 合计 is checked against both pages' rows, as a warning that names
  // the doubt: the rows after the header may sit in other columns.
  std::vector<Finding> fs = FindingsOfPages({FirstPage(), SecondPage(recut)});
  const Finding* f = FindingOf(fs, "sum.total");
  REQUIRE(f != nullptr);
  CHECK(f->severity == Severity::kWarning);
  CHECK(f->message.find("header_recut") != std::string::npos);
  CHECK(f->message.find("70") != std::string::npos);
}

TEST_CASE("pdf layout: a header printed again cell for cell goes on without a doubt") {
  Layout l = LayoutOfPages({FirstPage(), SecondPage({{"项目", "金额（元）"}})});
  REQUIRE(l.tables.size() == 1);
  CHECK(l.tables[0].pieces == 2);
  CHECK_FALSE(Has(l.tables[0].doubts, kDoubtHeaderRecut));
  const Finding* f = FindingOf(
      FindingsOfPages({FirstPage(), SecondPage({{"项目", "金额（元）"}})}), "sum.total");
  REQUIRE(f != nullptr);
  CHECK(f->severity == Severity::kError);
}

TEST_CASE("pdf layout: a header printed again with a cell cut short goes on") {
  // The copy keeps the first line of 金额（元） only: the start of the label,
  // long enough not to be another's.
  const std::vector<std::vector<std::string>> cut = {{"项目", "金额（元"}};
  Layout l = LayoutOfPages({FirstPage(), SecondPage(cut)});
  REQUIRE(l.tables.size() == 1);
  CHECK(l.tables[0].pieces == 2);
  REQUIRE(l.tables[0].rows.size() == 4);
  CHECK(l.tables[0].rows[2][0].text == "项目支出");
  const Finding* f =
      FindingOf(FindingsOfPages({FirstPage(), SecondPage(cut)}), "sum.total");
  REQUIRE(f != nullptr);
  CHECK(f->severity == Severity::kError);
  // Two characters are another label's start as well as this one's.
  Layout shorter = LayoutOfPages({FirstPage(), SecondPage({{"项目", "金额"}})});
  REQUIRE(!shorter.tables.empty());
  CHECK(shorter.tables[0].rows.size() != 4);
}

TEST_CASE("pdf layout: another header at the next page's top starts another table") {
  // Other letters (决算数, not 金额（元）): a table of its own.
  Layout l = LayoutOfPages({FirstPage(), SecondPage({{"项目", "决算数"}})});
  CHECK(l.tables.size() == 2);
  for (const Table& t : l.tables) CHECK_FALSE(Has(t.doubts, kDoubtHeaderRecut));
}

// An unruled table 项目 | 分值 | 得分 whose rows print `mid` (x 200, under
// 分值) and `beside` (x 300, between 分值 and 得分, where no header is).
PdfPage UnnamedColumnPage(const std::vector<std::pair<std::string, std::string>>& rows) {
  PdfPage p = Page();
  p.words = {Word("项目", 60, 100), Word("分值", 200, 100), Word("得分", 400, 100)};
  for (size_t r = 0; r < rows.size(); ++r) {
    const double y = 130 + 30.0 * static_cast<double>(r);
    p.words.push_back(Word("指标" + std::to_string(r), 60, y));
    if (!rows[r].first.empty()) p.words.push_back(Word(rows[r].first, 200, y));
    if (!rows[r].second.empty()) p.words.push_back(Word(rows[r].second, 300, y));
    p.words.push_back(Word(std::to_string(5 + r), 400, y));
  }
  return p;
}

TEST_CASE("pdf doubt: a row with a number in a column no header names is doubted") {
  Layout l = LayoutOfPages(
      {UnnamedColumnPage({{"10", "90"}, {"11", "91"}, {"12", ""}, {"13", ""}})});
  REQUIRE(l.tables.size() == 1);
  const Table& t = l.tables[0];
  REQUIRE(t.rows.size() == 5);
  REQUIRE(t.rows[1].size() == 4);
  CHECK(t.rows[1][2].text == "90");
  // The two rows that fill the unnamed column are doubted, the rest not.
  CHECK(t.rows[1][0].doubt == kDoubtUnnamedColumn);
  CHECK(t.rows[2][0].doubt == kDoubtUnnamedColumn);
  CHECK(t.rows[3][0].doubt.empty());
  CHECK(t.rows[4][0].doubt.empty());
  // Every column named: nothing is doubted.
  Layout named = LayoutOfPages(
      {UnnamedColumnPage({{"10", ""}, {"11", ""}, {"12", ""}, {"13", ""}})});
  REQUIRE(named.tables.size() == 1);
  for (const auto& row : named.tables[0].rows)
    for (const Cell& c : row) CHECK(c.doubt.empty());
}

TEST_CASE("pdf layout: a number beside a blank named cell goes into that cell's column") {
  // Row 2 sets its 分值 to the right, where row 1 prints a number more: it is
  // 分值's, and its row is read without a doubt.
  Layout l = LayoutOfPages(
      {UnnamedColumnPage({{"10", "90"}, {"", "11"}, {"12", ""}, {"13", ""}})});
  REQUIRE(l.tables.size() == 1);
  const Table& t = l.tables[0];
  REQUIRE(t.rows[2].size() == 4);
  CHECK(t.rows[2][1].text == "11");
  CHECK(t.rows[2][1].value() == "11");
  CHECK(t.rows[2][2].text.empty());
  CHECK(t.rows[2][0].doubt.empty());
  CHECK(t.rows[1][0].doubt == kDoubtUnnamedColumn);
}

TEST_CASE(
    "pdf layout: a number's last digits wrapped beside it leave its row undoubted") {
  // "12.5" and "0": 12.50 with its last digit on the cell's next line, which
  // alignment set in a column of its own; the number reads as printed.
  Layout l = LayoutOfPages(
      {UnnamedColumnPage({{"10.5", "0"}, {"11.5", "0"}, {"12", ""}, {"13", ""}})});
  REQUIRE(l.tables.size() == 1);
  for (const auto& row : l.tables[0].rows)
    for (const Cell& c : row) CHECK(c.doubt.empty());
  // A whole number beside a whole number is no wrapped tail.
  Layout whole = LayoutOfPages(
      {UnnamedColumnPage({{"10", "0"}, {"11", "0"}, {"12", ""}, {"13", ""}})});
  REQUIRE(whole.tables.size() == 1);
  CHECK(whole.tables[0].rows[1][0].doubt == kDoubtUnnamedColumn);
}

TEST_CASE("pdf layout: two cells set closer than a wide gap part at their separator") {
  // 说明 runs to 390 on most rows, 10pt short of 分值 at 400: a wide gap.
  // One row's 说明 runs to 395, 5pt short (half an em): still two cells,
  // the separator lies in that gap, and the row stays in the table.
  auto page = [](double narrow) {
    PdfPage p = Page();
    p.words = {Word("项目", 60, 100), Word("说明", 200, 100), Word("分值", 400, 100)};
    for (int r = 0; r < 4; ++r) {
      const double y = 130 + 30 * r;
      p.words.push_back(Word("指标" + std::to_string(r), 60, y));
      p.words.push_back(
          Word("说明文字" + std::to_string(r), 200, y, r == 3 ? narrow : 190));
      p.words.push_back(Word(std::to_string(10 + r), 400, y));
    }
    return p;
  };
  Layout l = LayoutOfPages({page(195)});
  REQUIRE(l.tables.size() == 1);
  const Table& t = l.tables[0];
  REQUIRE(t.rows.size() == 5);
  REQUIRE(t.rows[4].size() == 3);
  CHECK(t.rows[4][1].text == "说明文字3");
  CHECK(t.rows[4][2].text == "13");
  // Touching (a gap of a Latin space, a quarter em): one run across columns.
  Layout touching = LayoutOfPages({page(197.5)});
  REQUIRE_FALSE(touching.tables.empty());
  const Table& u = touching.tables[0];
  bool parted = false;
  for (const auto& row : u.rows)
    for (size_t c = 0; c + 1 < row.size(); ++c)
      parted = parted || (row[c].text == "说明文字3" && row[c + 1].text == "13");
  CHECK_FALSE(parted);
}

TEST_CASE("pdf doubt: a page of one column's text under the header printed again") {
  // A row taller than the page: page 2 prints the header again and, under
  // it, only lines of the 说明 cell; page 3 prints the header again with the
  // row's labels and numbers. The text between keeps the pages apart, but
  // it lies within one of the table's columns: both tables are doubted.
  auto head = [](int number, double bottom) {
    PdfPage p = Grid({50, 150, 350, 450}, {60, 90, bottom}, {}, number);
    p.words = {Word("项目", 60, 70), Word("说明", 160, 70),
               Word("金额（元）", 360, 70, 50)};
    return p;
  };
  PdfPage first = head(1, 120);
  first.words.push_back(Word("基本支出", 60, 100, 40));
  first.words.push_back(Word("30", 360, 100));
  auto second = [&](double x, double w) {
    PdfPage p = Grid({50, 150, 350, 450}, {60, 90}, {}, 2);
    p.words = {Word("项目", 60, 70), Word("说明", 160, 70),
               Word("金额（元）", 360, 70, 50)};
    const char* lines[] = {"部门预算实际支付", "进度和既定支付进", "度的匹配情况，反",
                           "映和考核部门执行", "的及时性和均衡性"};
    for (int k = 0; k < 5; ++k) p.words.push_back(Word(lines[k], x, 120 + 25.0 * k, w));
    return p;
  };
  PdfPage third = head(3, 120);
  third.words.push_back(Word("项目支出", 60, 100, 40));
  third.words.push_back(Word("40", 360, 100));
  Layout l = LayoutOfPages({first, second(160, 80), third});
  REQUIRE(l.tables.size() == 2);
  CHECK(Has(l.tables[0].doubts, kDoubtContinuation));
  CHECK(Has(l.tables[1].doubts, kDoubtContinuation));
  // Lines across the table's columns are text of their own: both sure.
  Layout t = LayoutOfPages({first, second(60, 380), third});
  REQUIRE(t.tables.size() == 2);
  CHECK_FALSE(Has(t.tables[0].doubts, kDoubtContinuation));
  CHECK_FALSE(Has(t.tables[1].doubts, kDoubtContinuation));
}

}  // namespace
}  // namespace jx
