// Score and indicator tables as producers set them without a full grid:
// rows set tightly, a column whose labels and numbers sit to different
// sides, numbers set against the next cell, hierarchy labels at the foot or
// the middle of their spans, and the doubt where a label's rows are a guess.
#include <catch2/catch.hpp>

#include "ingest/pdf.h"
#include "layout/layout.h"
#include "pdf_pages.h"
#include "test_util.h"

namespace jx {
namespace {

using test::LayoutOfPages;
using test::Page;
using test::Texts;
using test::Word;

using Rows = std::vector<std::vector<std::string>>;

TEST_CASE("pdf score: tightly set rows part where two numbers stack") {
  // Rows 12pt apart with 10pt text leave a gap of 0.2 em, under the
  // leading that joins the lines of one cell; "10" over "20" over "30" show
  // it is the table's row gap ("200", its column's widest number, might
  // have wrapped and shows nothing). The wrapped cell's lines, 0.05 em
  // apart, stay one cell.
  PdfPage p = Page();
  p.words = {Word("项目", 50, 100),        Word("说明", 150, 100),
             Word("金额", 300, 100),       Word("甲", 50, 112, 10),
             Word("说明一", 150, 112, 30), Word("10", 300, 112, 10),
             Word("乙", 50, 124, 10),      Word("说明二上", 150, 124, 40),
             Word("200", 300, 124, 15),    Word("说明二下", 150, 134.5, 40),
             Word("丙", 50, 146.5, 10),    Word("说明三", 150, 146.5, 30),
             Word("30", 300, 146.5, 10)};
  Layout l = LayoutOfPages({p});
  REQUIRE(l.tables.size() == 1);
  CHECK(Texts(l.tables[0]) == Rows{{"项目", "说明", "金额"},
                                   {"甲", "说明一", "10"},
                                   {"乙", "说明二上说明二下", "200"},
                                   {"丙", "说明三", "30"}});
}

TEST_CASE("pdf score: a column no row fills beside its neighbour is one column") {
  // "分值" set left over scores set right leaves an empty stretch inside
  // the column; the two halves are never filled on one row, so they are
  // one column, and the layout is not in doubt of it.
  // A form's line with a number above the header: the header zone (which
  // `HeaderSpans` reads) is empty, the columns are the whole table's.
  PdfPage p = Page();
  p.words = {Word("项目编号", 50, 70, 40),  Word("2023001", 300, 70, 35),
             Word("三级指标", 50, 100, 40), Word("分值", 150, 100),
             Word("得分", 300, 100),        Word("指标一", 50, 130, 30),
             Word("10", 190, 130, 10),      Word("8", 300, 130, 5),
             Word("指标二", 50, 160, 30),   Word("20", 190, 160, 10),
             Word("18", 300, 160, 10),      Word("指标三", 50, 190, 30),
             Word("30", 190, 190, 10),      Word("27", 300, 190, 10)};
  Layout l = LayoutOfPages({p});
  REQUIRE(l.tables.size() == 1);
  CHECK(Texts(l.tables[0]) == Rows{{"项目编号", "", "2023001"},
                                   {"三级指标", "分值", "得分"},
                                   {"指标一", "10", "8"},
                                   {"指标二", "20", "18"},
                                   {"指标三", "30", "27"}});
  std::string doubts;
  for (const auto& d : l.tables[0].doubts) doubts += d + " ";
  CAPTURE(doubts);
  CHECK(l.tables[0].doubts.empty());
}

TEST_CASE("pdf score: a number ends its cell however close the next one starts") {
  // "171.00" set right against "—" set left, 2pt apart: the other rows show
  // the separator between the columns, and a number does not run on into
  // the next column's cell.
  PdfPage p = Page();
  p.words = {
      Word("项目", 50, 100),   Word("金额", 200, 100),       Word("分值", 238, 100),
      Word("甲", 50, 130, 10), Word("20.00", 211, 130, 25),  Word("10", 250, 130, 10),
      Word("乙", 50, 160, 10), Word("30.00", 211, 160, 25),  Word("5", 255, 160, 5),
      Word("丙", 50, 190, 10), Word("171.00", 206, 190, 30), Word("—", 238, 190, 8)};
  Layout l = LayoutOfPages({p});
  REQUIRE(l.tables.size() == 1);
  CHECK(Texts(l.tables[0]) == Rows{{"项目", "金额", "分值"},
                                   {"甲", "20.00", "10"},
                                   {"乙", "30.00", "5"},
                                   {"丙", "171.00", "—"}});
}

TEST_CASE("pdf score: labels set at their rows' foot go to their span's first row") {
  // The last row wraps: its one-line cells sit at its foot, so the table
  // sets cells at the foot, and "产出指标" on the second row ends the span
  // of two rows the header names a hierarchy column.
  PdfPage p = Page();
  p.words = {Word("一级指标", 50, 100, 40),    Word("二级指标", 150, 100, 40),
             Word("分值", 300, 100),           Word("数量指标", 150, 130, 40),
             Word("10", 300, 130, 10),         Word("产出指标", 50, 160, 40),
             Word("质量指标", 150, 160, 40),   Word("20", 300, 160, 10),
             Word("社会效益上", 150, 190, 50), Word("社会效益下", 150, 200, 50),
             Word("效益指标", 50, 200, 40),    Word("30", 300, 200, 10)};
  Layout l = LayoutOfPages({p});
  REQUIRE(l.tables.size() == 1);
  CHECK(l.tables[0].labels_at_foot);
  CHECK(Texts(l.tables[0]) == Rows{{"一级指标", "二级指标", "分值"},
                                   {"产出指标", "数量指标", "10"},
                                   {"", "质量指标", "20"},
                                   {"效益指标", "社会效益上社会效益下", "30"}});
  // Filled down as text prints the merged label.
  CHECK(l.tables[0].rows[2][0].value() == "产出指标");
}

TEST_CASE("pdf score: a centred label spans its rows past a form's blank cells") {
  // A form's rows above the hierarchy leave a label cell blank that no
  // label's span covers; "产出指标", centred on four rows (and on the two in
  // their middle), still takes the four that no other label covers.
  PdfPage p = Page();
  p.words = {Word("资金情况", 50, 100, 40),  Word("预算数", 150, 100, 30),
             Word("100", 300, 100, 15),      Word("其中：拨款", 150, 130, 50),
             Word("80", 300, 130, 10),       Word("一级指标", 50, 160, 40),
             Word("三级指标", 150, 160, 40), Word("分值", 300, 160),
             Word("数量一", 150, 190, 30),   Word("10", 300, 190, 10),
             Word("数量二", 150, 220, 30),   Word("20", 300, 220, 10),
             Word("产出指标", 50, 235, 40),  Word("数量三", 150, 250, 30),
             Word("30", 300, 250, 10),       Word("数量四", 150, 280, 30),
             Word("40", 300, 280, 10),       Word("效益指标", 50, 310, 40),
             Word("满意度", 150, 310, 30),   Word("50", 300, 310, 10)};
  Layout l = LayoutOfPages({p});
  REQUIRE(l.tables.size() == 1);
  CHECK(Texts(l.tables[0]) == Rows{{"资金情况", "预算数", "100"},
                                   {"", "其中：拨款", "80"},
                                   {"一级指标", "三级指标", "分值"},
                                   {"产出指标", "数量一", "10"},
                                   {"", "数量二", "20"},
                                   {"", "数量三", "30"},
                                   {"", "数量四", "40"},
                                   {"效益指标", "满意度", "50"}});
}

TEST_CASE("pdf score: a label the layout could not place doubts its rows") {
  // No row shows how labels are set, and "产出指标" sits level with the
  // second row: the first body row is left without a label, so which rows
  // each label heads is a guess, and the section's rows are doubted.
  PdfPage p = Page();
  p.words = {Word("一级指标", 50, 100, 40),  Word("二级指标", 150, 100, 40),
             Word("分值", 300, 100),         Word("数量指标", 150, 130, 40),
             Word("10", 300, 130, 10),       Word("产出指标", 50, 160, 40),
             Word("质量指标", 150, 160, 40), Word("20", 300, 160, 10),
             Word("效益指标", 50, 190, 40),  Word("社会效益", 150, 190, 40),
             Word("30", 300, 190, 10)};
  Layout l = LayoutOfPages({p});
  REQUIRE(l.tables.size() == 1);
  const Table& t = l.tables[0];
  REQUIRE(t.rows.size() == 4);
  CHECK_FALSE(t.labels_at_foot);
  CHECK(t.rows[0][0].doubt.empty());
  CHECK(t.rows[1][2].doubt == std::string(kDoubtLabels));
  CHECK(t.rows[2][2].doubt == std::string(kDoubtLabels));
  CHECK(t.rows[3][2].doubt == std::string(kDoubtLabels));
}

TEST_CASE("pdf ingest: words set through a doubled size take their ideographs' em") {
  // Reported at 19pt with boxes 2.6 em tall, ideographs advancing 9.5pt:
  // the words are set at 9.5pt, their boxes the em box on the baseline.
  // Words of another reported size, whose ideographs advance a full em,
  // keep theirs; a few narrow ideographs prove nothing.
  std::vector<PdfWord> words;
  std::vector<WordMetrics> metrics;
  auto add = [&](double size, double y0, double y1, double base, int ideographs,
                 double advance) {
    PdfWord w;
    w.text = "字";
    w.size = size, w.y0 = y0, w.y1 = y1;
    words.push_back(w);
    WordMetrics m;
    m.baseline = base, m.upright = true;
    m.advances.assign(static_cast<size_t>(ideographs), advance);
    metrics.push_back(m);
  };
  add(19, 77.2, 101.9, 95.25, 4, 9.5);
  add(19, 88.4, 113.1, 106.5, 6, 9.5);
  add(12, 200, 213, 210, 5, 12);
  add(14, 300, 314, 311, 2, 7);  // two narrow glyphs only
  FitWordsToGlyphs(metrics, &words);
  CHECK(words[0].size == Approx(9.5));
  CHECK(words[0].y0 == Approx(95.25 - 0.88 * 9.5));
  CHECK(words[0].y1 == Approx(95.25 + 0.12 * 9.5));
  CHECK(words[1].size == Approx(9.5));
  CHECK(words[2].size == Approx(12));
  CHECK(words[2].y0 == Approx(200));
  CHECK(words[3].size == Approx(14));
  CHECK(words[3].y1 == Approx(314));
}

}  // namespace
}  // namespace jx
