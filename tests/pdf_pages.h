// Synthetic PDF pages for the layout tests: an empty A4 page, words on it
// (10pt, boxes 10pt tall), rules drawn on it, ruled grids.
#ifndef JXAUDIT_TESTS_PDF_PAGES_H_
#define JXAUDIT_TESTS_PDF_PAGES_H_

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/document.h"
#include "layout/layout.h"
#include "test_util.h"

namespace jx::test {

inline PdfPage Page(int number = 1) {
  PdfPage p;
  p.number = number;
  p.width = 595;
  p.height = 842;
  return p;
}

inline PdfWord Word(const std::string& text, double x, double y, double w = 20) {
  PdfWord pw;
  pw.text = text;
  pw.x0 = x;
  pw.x1 = x + w;
  pw.y0 = y;
  pw.y1 = y + 10;
  pw.size = 10;
  return pw;
}

inline void Rule(PdfPage* p, double x0, double y0, double x1, double y1) {
  p->rules.push_back({x0, y0, x1, y1});
}

// A ruled grid: rows at ys, columns at xs; `open` lists the horizontal rules
// left out (row boundary i under column j) to merge cells vertically.
inline PdfPage Grid(const std::vector<double>& xs, const std::vector<double>& ys,
                    const std::vector<std::pair<size_t, size_t>>& open, int number = 1) {
  PdfPage p = Page(number);
  for (double x : xs) Rule(&p, x, ys.front(), x, ys.back());
  for (size_t i = 0; i < ys.size(); ++i)
    for (size_t j = 0; j + 1 < xs.size(); ++j)
      if (std::find(open.begin(), open.end(), std::make_pair(i, j)) == open.end())
        Rule(&p, xs[j], ys[i], xs[j + 1], ys[i]);
  return p;
}

inline Document PdfOfPages(std::vector<PdfPage> pages) {
  Document d;
  d.path = "synthetic.pdf";
  d.encoding = "PDF";
  d.pages = std::move(pages);
  return d;
}

inline Layout LayoutOfPages(std::vector<PdfPage> pages) {
  return BuildLayout(PdfOfPages(std::move(pages)), ProjectPatterns());
}

// Four columns of text (项目, 年初预算数, 决算数, 执行率), rows 30pt apart,
// the header at `top`.
inline std::vector<PdfWord> ColumnsOfText(double top) {
  auto at = [&](int row) { return top + 30 * row; };
  return {Word("项目", 60, at(0)),         Word("年初预算数", 160, at(0), 50),
          Word("决算数", 260, at(0), 30),  Word("执行率", 360, at(0), 30),
          Word("基本支出", 60, at(1), 40), Word("100.00", 160, at(1), 30),
          Word("98.00", 260, at(1), 25),   Word("98%", 360, at(1), 20),
          Word("项目支出", 60, at(2), 40), Word("50.00", 160, at(2), 25),
          Word("40.00", 260, at(2), 25),   Word("80%", 360, at(2), 20),
          Word("合计", 60, at(3)),         Word("150.00", 160, at(3), 30),
          Word("138.00", 260, at(3), 30),  Word("92%", 360, at(3), 20)};
}

// Whether a table's doubts (or any list of names) hold `s`.
inline bool Has(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace jx::test

#endif  // JXAUDIT_TESTS_PDF_PAGES_H_
