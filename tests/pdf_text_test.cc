// Running text from PDF pages: lines joined into paragraphs however the
// producer spaced them and wherever it wrapped a sentence.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "base/text.h"
#include "pdf_pages.h"

namespace jx {
namespace {

using test::LayoutOfPages;
using test::Page;
using test::Word;

TEST_CASE("text: the first unbreakable run and the end of a sentence", "[base]") {
  CHECK(LeadingUnbreakable("（类）支出7.53万元") == 3);
  CHECK(LeadingUnbreakable("支出") == 1);
  CHECK(LeadingUnbreakable("budget total") == 7);
  CHECK(LeadingUnbreakable("") == 0);
  CHECK(EndsSentence("支出12.92万元。"));
  CHECK(EndsSentence("（见附件1。）"));
  CHECK(EndsSentence("Total."));
  CHECK_FALSE(EndsSentence("卫生健康"));
  CHECK_FALSE(EndsSentence("其中："));
  CHECK_FALSE(EndsSentence("\xff"));
}

TEST_CASE("pdf text: lines at 1.5 spacing are one paragraph, spacing after ends it") {
  // Four full lines 0.9 em apart (the page's leading), then a line 1.3 em
  // below the last: a paragraph's spacing after, not leading.
  PdfPage p = Page();
  p.words = {Word("第一行文字", 50, 100, 500), Word("第二行文字", 50, 119, 500),
             Word("第三行文字", 50, 138, 500), Word("第四行文字。", 50, 157, 500),
             Word("第二段。", 50, 180, 60)};
  auto l = LayoutOfPages({p});
  REQUIRE(l.paragraphs.size() == 2);
  CHECK(l.paragraphs[0].text == "第一行文字第二行文字第三行文字第四行文字。");
  CHECK(l.paragraphs[1].text == "第二段。");
  // With one gap under a full line there is no leading to measure: 0.9 em
  // is then more than leading.
  PdfPage q = Page();
  q.words = {Word("第一行文字", 50, 100, 500), Word("末行。", 50, 119, 40)};
  CHECK(LayoutOfPages({q}).paragraphs.size() == 2);
}

TEST_CASE("pdf text: a line stopped short by what the next starts with goes on") {
  // "…卫生健康" stops 2 em short of the right edge (set by the full line
  // far below); the next line starts with "（类）", 3 em that could not fit.
  auto page = [](const std::string& end, double x1) {
    PdfPage p = Page();
    p.words = {Word(end, 50, 100, x1 - 50), Word("（类）支出7.53万元。", 50, 114, 120),
               Word("另一段文字占满一行", 50, 400, 500)};
    return p;
  };
  auto l = LayoutOfPages({page("社会保障和就业支出15.16万元，卫生健康", 530)});
  REQUIRE(l.paragraphs.size() == 2);
  CHECK(l.paragraphs[0].text ==
        "社会保障和就业支出15.16万元，卫生健康（类）支出7.53万元。");
  // A line that ends its sentence ends there, however close to the edge.
  CHECK(LayoutOfPages({page("社会保障和就业支出15.16万元。", 530)}).paragraphs.size() ==
        3);
  // 7 em short: the next line's first run would have fitted.
  CHECK(
      LayoutOfPages({page("社会保障和就业支出15.16万元，卫生", 480)}).paragraphs.size() ==
      3);
}

TEST_CASE("pdf text: a sentence the page break cut goes on on the next page") {
  auto pages = [](const std::string& end, double x) {
    PdfPage a = Page(1);
    a.words = {Word("经核查，本部门支出决算总额为223.80万元，其中卫生健康", 50, 680, 500),
               Word(end, 50, 694, 500), Word("第1页", 280, 810, 30)};
    PdfPage b = Page(2);
    b.words = {Word("第2页", 280, 30, 30),
               Word("7.53万元，住房保障（类）支出12.92万元。", x, 120, 200)};
    return std::vector<PdfPage>{a, b};
  };
  auto l = LayoutOfPages(pages("（类）支出", 50));
  std::vector<std::string> texts;
  for (const auto& p : l.paragraphs) texts.push_back(p.text);
  CHECK(std::find(texts.begin(), texts.end(),
                  "经核查，本部门支出决算总额为223.80万元，其中卫生健康（类）支出"
                  "7.53万元，住房保障（类）支出12.92万元。") != texts.end());
  // Ended there ("。"), or the next page's line indented: two paragraphs.
  for (const auto& [end, x] : {std::pair<std::string, double>{"（类）支出。", 50},
                               std::pair<std::string, double>{"（类）支出", 80}}) {
    auto m = LayoutOfPages(pages(end, x));
    bool second = false;
    for (const auto& p : m.paragraphs)
      second = second || p.text.rfind("7.53万元", 0) == 0;
    CHECK(second);
  }
}

}  // namespace
}  // namespace jx
