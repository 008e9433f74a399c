#include "layout/layout.h"

#include <catch2/catch.hpp>

#include "ingest/encoding.h"
#include "ingest/read.h"
#include "test_util.h"

using namespace jx;
using namespace jx::test;
using Rows = std::vector<std::vector<std::string>>;

namespace {

Layout SampleLayout(const std::string& name) {
  Document doc;
  Error err;
  REQUIRE(ReadDocument(SamplePath(name), ReadOptions{}, &doc, &err));
  return BuildLayout(doc, ProjectPatterns());
}

const Table* FindTable(const Layout& l, const std::string& title_part) {
  for (const Table& t : l.tables)
    if (t.title.find(title_part) != std::string::npos) return &t;
  return nullptr;
}

}  // namespace

TEST_CASE("Three text layouts give the same table", "[layout]") {
  const Rows want = {{"项目", "年初预算数", "决算数"},
                     {"基本支出", "1,000.00", "900.00"},
                     {"项目支出", "", "100.00"}};
  struct Case {
    const char* name;
    std::string text;
    TableFormat format;
  } cases[] = {
      {"tab rows",
       "表1 预算执行\n\n项目\t年初预算数\t决算数\n基本支出\t1,000.00\t900.00\n"
       "项目支出\t\t100.00\n\n说明。\n",
       TableFormat::kTabRows},
      {"one cell per line",
       "表1 预算执行\n\t项目\n\t年初预算数\n\t决算数\n\n\t基本支出\n\t1,000.00\n"
       "\t900.00\n\n\t项目支出\n\t\n\t100.00\n\n说明。\n",
       TableFormat::kCellLines},
      {"pipe rows",
       "表1 预算执行\n| 项目 | 年初预算数 | 决算数 |\n|---|---:|---:|\n"
       "| 基本支出 | 1,000.00 | 900.00 |\n| 项目支出 |  | 100.00 |\n说明。\n",
       TableFormat::kPipeRows},
      {"pipe rows without outer pipes",
       "表1 预算执行\n项目 | 年初预算数 | 决算数\n---|---:|---:\n"
       "基本支出 | 1,000.00 | 900.00\n项目支出 |  | 100.00\n说明。\n",
       TableFormat::kPipeRows},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    Layout l = LayoutOf(c.text);
    REQUIRE(l.tables.size() == 1);
    const Table& t = l.tables[0];
    CHECK(Texts(t) == want);
    CHECK(t.format == c.format);
    CHECK(t.title == "表1 预算执行");
    CHECK(t.header_rows == 1);
    REQUIRE(t.sections.size() == 1);
    CHECK(t.sections[0].columns[1].key == "budget_initial");
    CHECK(t.sections[0].columns[2].key == "budget_final");
    REQUIRE(l.paragraphs.size() == 2);
    CHECK(l.paragraphs[1].text == "说明。");
    // Document order: title, table, note.
    REQUIRE(l.blocks.size() == 3);
    CHECK(l.blocks[1].kind == Block::kTable);
  }
}

TEST_CASE("Pipes without outer pipes: a table only over its delimiter line", "[layout]") {
  // An edge pipe on a row of such a table is an empty cell, as its header
  // counts the cells.
  Layout l = LayoutOf(
      "一级指标 | 二级指标 | 分值\n---|---|---\n投入 | 预算 | 5\n | 目标 | 5\n\n"
      "甲 | 乙 写在一行里的竖线\n不是表格。\n");
  REQUIRE(l.tables.size() == 1);
  const Table& t = l.tables[0];
  REQUIRE(t.rows.size() == 3);
  REQUIRE(t.rows[2].size() == 3);
  CHECK(t.rows[2][0].text.empty());
  CHECK(t.rows[2][1].text == "目标");
  CHECK(t.rows[2][2].text == "5");
  CHECK(t.header_rows == 1);
  REQUIRE(l.paragraphs.size() == 2);
  CHECK(l.paragraphs[0].text == "甲 | 乙 写在一行里的竖线");
}

TEST_CASE("Columns aligned by spaces are said to be unread", "[layout]") {
  Layout l = LayoutOf(
      "项目名称：灌区改造          实施单位：中心\n\n"
      "项目资金（万元）      年初预算数    全年执行数\n"
      "年度资金总额            1,500.00      1,640.50\n"
      "其中：财政拨款          1,500.00      1,520.50\n\n"
      "本年度完成  灌溉面积  2.3万亩，较上年  增加。\n"
      "项目\t预算数\t执行数\n合计\t100\t90\n");
  REQUIRE(l.aligned_unread.size() == 1);
  CHECK(l.aligned_unread[0].first_line == 3);
  CHECK(l.aligned_unread[0].last_line == 5);
  CHECK(l.tables.size() == 1);  // the tab rows
}

TEST_CASE("Cell-per-line: wrapped lines join their cell", "[layout]") {
  Layout l = LayoutOf(
      "\t一级指标\n\t三级指标\n\t分值\n\n"
      "\t投入\n\t预算调整率（2分）\n计算说明第二行\n\t2\n\n");
  REQUIRE(l.tables.size() == 1);
  const Table& t = l.tables[0];
  CHECK(Texts(t) == Rows{{"一级指标", "三级指标", "分值"},
                         {"投入", "预算调整率（2分）\n计算说明第二行", "2"}});
  CHECK(t.rows[1][1].first_line == 6);
  CHECK(t.rows[1][1].last_line == 7);
}

TEST_CASE("Cell-per-line: a row cut by a stray blank line is rejoined", "[layout]") {
  Layout l = LayoutOf(
      "\t考核内容\n\t分值\n\t自评分数\n\n"
      "\t甲\n\t2\n\t1\n\n"
      "\t乙\n\n\t2\n\t2\n\n"
      "\t丙\n\t3\n\t0\n\n");
  REQUIRE(l.tables.size() == 1);
  CHECK(Texts(l.tables[0]) == Rows{{"考核内容", "分值", "自评分数"},
                                   {"甲", "2", "1"},
                                   {"乙", "2", "2"},
                                   {"丙", "3", "0"}});
}

TEST_CASE("Pieces join across repeated titles and page breaks", "[layout]") {
  struct Case {
    const char* name;
    std::string text;
    size_t tables;
    size_t rows_of_first;
  } cases[] = {
      {"repeated form title between pieces",
       "《申报表》\n\n部门名称\t甲\t预算年度\t2024\n年度目标\t乙\t\t\n\n《申报表》\n\n"
       "\t任务\t丙\t\n\t\t丁\t\n\n说明\n",
       1, 4},
      {"repeated header at the top of the next page",
       "一级指标\t二级指标\t分值\n产出\t数量\t5\n\n一级指标\t二级指标\t分值\n\t质量\t5\n",
       1, 3},
      {"a blank line inside a table of the same width",
       "一级指标\t二级指标\t分值\n产出\t数量\t5\n\n效益\t社会\t5\n", 1, 3},
      {"a real paragraph ends the table",
       "一级指标\t二级指标\t分值\n产出\t数量\t5\n\n分解目标\n\n效益\t社会\t5\n", 2, 2},
      {"the same form started again is a new table",
       "项目表\n\n项目名称\t甲\t预算\t200\n一级指标\t二级指标\t分值\n\n项目表\n\n"
       "项目名称\t乙\t预算\t300\n一级指标\t二级指标\t分值\n",
       2, 2},
      {"a blank line between tables of different widths",
       "项目\t金额\n甲\t1\n\n序号\t名称\t周期\n1\t甲\t一年\n", 2, 2},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    Layout l = LayoutOf(c.text);
    REQUIRE(l.tables.size() == c.tables);
    CHECK(l.tables[0].rows.size() == c.rows_of_first);
  }
}

TEST_CASE("Two-level headers: spans and column names", "[layout]") {
  Layout l = LayoutOf(
      "评价指标\t\t\t\t得分\n"
      "一级指标\t\t二级指标\t\t\n"
      "名称\t参考分值\t名称\t参考分值\t\n"
      "决策\t20\t预算编制\t10\t9\n"
      "\t\t目标设置\t10\t10\n");
  REQUIRE(l.tables.size() == 1);
  const Table& t = l.tables[0];
  CHECK(t.header_rows == 3);
  CHECK(t.rows[0][0].colspan == 4);
  CHECK(t.rows[0][4].rowspan == 3);
  CHECK(t.rows[1][0].colspan == 2);
  CHECK(t.rows[1][2].colspan == 2);
  const auto& cols = t.sections[0].columns;
  REQUIRE(cols.size() == 5);
  CHECK(cols[0].label == "评价指标/一级指标/名称");
  CHECK(cols[1].label == "评价指标/一级指标/参考分值");
  CHECK(cols[1].key == "weight");
  CHECK(cols[1].level == 1);
  CHECK(cols[3].level == 2);
  CHECK(cols[4].label == "得分");
  CHECK(cols[4].key == "score");
  CHECK(cols[4].level == -1);
  // The level-1 cells of the last row are covered by the merge above.
  CHECK(t.rows[3][0].rowspan == 2);
  CHECK(t.rows[4][0].anchor_row == 3);
  CHECK(t.rows[4][0].value() == "决策");
  CHECK(t.rows[4][1].value() == "20");
  CHECK(t.rows[4][0].text.empty());
}

TEST_CASE("Fill-down stops where a parent level changes", "[layout]") {
  Layout l = LayoutOf(
      "一级指标\t二级指标\t三级指标\t指标值\n"
      "产出\t数量\t甲\t1\n"
      "\t\t乙\t2\n"
      "效益\t\t丙\t3\n"
      "\t社会\t丁\t4\n"
      "\t\t\t\n");
  const Table& t = l.tables[0];
  CHECK(t.rows[2][0].value() == "产出");
  CHECK(t.rows[2][1].value() == "数量");
  CHECK(t.rows[3][1].value() == "");  // 效益 starts a new group: no 数量 here
  CHECK(t.rows[3][1].anchor_row == -1);
  CHECK(t.rows[4][0].value() == "效益");
  CHECK(t.rows[5][0].value() == "");  // nothing to the right: an empty row
  CHECK(t.rows[1][0].rowspan == 2);
  CHECK(t.rows[3][0].rowspan == 2);
}

TEST_CASE("A table of contents stays text", "[layout]") {
  Layout l =
      LayoutOf("目 录\n\n一、基本情况\t1\n二、绩效分析\t7\n三、评价\t11\n\n正文\n");
  CHECK(l.tables.empty());
  REQUIRE(l.paragraphs.size() == 5);
  CHECK(l.paragraphs[1].text == "一、基本情况 1");
}

TEST_CASE("Rule rows are decoration, not content", "[layout]") {
  Layout l = LayoutOf("项目\t金额\n甲\t1\n--\t----\n");
  REQUIRE(l.tables.size() == 1);
  CHECK(l.tables[0].rows.size() == 2);
}

TEST_CASE("Layout never fails on odd text", "[layout][errors]") {
  const char* texts[] = {"",
                         "\n\n\n",
                         "\t",
                         "\t\n\t\n",
                         "|",
                         "||\n||",
                         "| a |\n|---|",
                         "a\tb\n\n\n\t\n\tc\nd\n",
                         "\t\t\t\t\t\t\t\t\t\t\n"};
  for (const char* text : texts) {
    INFO(text);
    Document d;
    SplitLines(text, &d);
    Layout l = BuildLayout(d, ProjectPatterns());
    for (const Table& t : l.tables) {
      CHECK_FALSE(t.rows.empty());
      CHECK(t.row_is_header.size() == t.rows.size());
    }
  }
}

// ---- The seeds, checked against the printed reports by hand. ----

TEST_CASE("Seeds: every table appears once", "[layout][samples]") {
  struct Case {
    const char* name;
    size_t tables;
  } cases[] = {
      {"000_78d777d638020fc8.txt", 8},  // form, indicator grid, 6 purchase tables
      {"001_20b715a24a62e05c.txt", 4},  // 表1, 表2, 表3, score framework
      {"002_fef1010ff2924dfd.txt", 1}, {"003_8edb4e5fb5a34cb8.txt", 2},
      {"004_85c34f88b6099d5e.txt", 9},  // 附件2 … 附件10
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(SampleLayout(c.name).tables.size() == c.tables);
  }
}

TEST_CASE("Seed 000: the form split by repeated titles is one table",
          "[layout][samples]") {
  Layout l = SampleLayout("000_78d777d638020fc8.txt");
  const Table& form = l.tables[0];
  CHECK(form.first_line == 5);
  CHECK(form.last_line == 20);
  CHECK(form.pieces == 3);
  CHECK(form.rows[6][0].text == "年度重点任务");
  CHECK(form.rows[6][3].text == "(2) 其他资金");
  const Table& grid = l.tables[1];
  CHECK(grid.first_line == 27);
  CHECK(grid.last_line == 96);
  CHECK(grid.header_rows == 1);
  // Headers repeated at lines 60 and 85 are not rows.
  for (size_t r = 1; r < grid.rows.size(); ++r) CHECK_FALSE(grid.row_is_header[r]);
}

TEST_CASE("Seed 001: 表2 asset rows have 11 cells", "[layout][samples]") {
  Layout l = SampleLayout("001_20b715a24a62e05c.txt");
  const Table* t = FindTable(l, "固定资产情况表");
  REQUIRE(t != nullptr);
  CHECK(t->header_rows == 3);
  CHECK(t->rows.size() == 17);
  for (const auto& row : t->rows) CHECK(row.size() == 11);
  CHECK(t->rows[3][0].text == "合计");
  CHECK(t->rows[3][8].text == "54.17");
  CHECK(t->sections[0].columns[8].label == "资产情况/期末账面数/原值");
  const Table* frame = FindTable(l, "共性指标体系框架");
  REQUIRE(frame != nullptr);
  CHECK(frame->pieces == 8);
  CHECK(frame->header_rows == 3);
  CHECK(frame->rows.back()[0].text == "总得分情况");
  CHECK(frame->rows.back()[7].text == "97");
}

TEST_CASE("Seed 004: 附件3 row for 预算调整率 keeps its columns", "[layout][samples]") {
  Layout l = SampleLayout("004_85c34f88b6099d5e.txt");
  const Table* t = FindTable(l, "整体支出绩效自评计分表");
  REQUIRE(t != nullptr);
  const std::vector<Cell>* row = nullptr;
  for (const auto& r : t->rows)
    if (r.size() > 2 && r[2].text == "预算调整率（2分）") row = &r;
  REQUIRE(row != nullptr);
  REQUIRE(row->size() == 7);
  CHECK((*row)[5].text == "1.9");
  CHECK((*row)[6].text.rfind("预算调整数223.8万元", 0) == 0);
  CHECK((*row)[0].value() == "过程（30分）");
  CHECK((*row)[1].value() == "预算执行（20分）");
  CHECK(t->sections[0].columns[5].key == "score");
  // 附件2: the row a stray blank line cut in two is whole again.
  const Table& a2 = l.tables[0];
  for (const auto& r : a2.rows) CHECK(r.size() == 8);
}

TEST_CASE("Seeds: GB18030 and UTF-16 copies give identical tables", "[layout][samples]") {
  for (const std::string& name : SeedSamples()) {
    INFO(name);
    std::string utf8 = ReadFile(SamplePath(name));
    Document base;
    Error err;
    REQUIRE(DocumentFromBytes(name, utf8, &base, &err));
    Layout want = BuildLayout(base, ProjectPatterns());
    for (const char* cs : {"GB18030", "UTF-16LE", "UTF-16BE"}) {
      INFO(cs);
      std::string bytes;
      REQUIRE(EncodeText(utf8, cs, &bytes));
      if (std::string(cs) == "UTF-16LE") bytes = "\xFF\xFE" + bytes;
      Document d;
      REQUIRE(DocumentFromBytes(name, bytes, &d, &err));
      Layout got = BuildLayout(d, ProjectPatterns());
      REQUIRE(got.tables.size() == want.tables.size());
      for (size_t i = 0; i < got.tables.size(); ++i) {
        CHECK(Texts(got.tables[i]) == Texts(want.tables[i]));
        CHECK(got.tables[i].first_line == want.tables[i].first_line);
      }
    }
  }
}

TEST_CASE("Captions: wrapped onto two lines, export artifacts removed", "[layout]") {
  Layout l = LayoutOf(
      "附件4\n2022年度雁江区整体支出绩效目标\n完成情况表\n\n项目\t金额\n甲\t1\n\n"
      "说明。\n\n[bookmark: _Toc_4_4_0000000004]1.郭营子棚改本金利息绩效目标表\n\n"
      "项目\t金额\n乙\t2\n");
  REQUIRE(l.tables.size() == 2);
  CHECK(l.tables[0].title == "2022年度雁江区整体支出绩效目标完成情况表");
  CHECK(l.tables[0].title_line == 2);
  CHECK(l.tables[1].title == "1.郭营子棚改本金利息绩效目标表");
}

TEST_CASE("Columns aligned by ideographic spaces alone are said to be unread",
          "[layout]") {
  // No two ASCII spaces anywhere: the gaps are U+3000, each counting two.
  Layout l = LayoutOf(
      "项目资金\u3000年初预算数\u3000全年执行数\n"
      "年度资金总额\u30001,500.00\u30001,640.50\n"
      "其中：财政拨款\u30001,500.00\u30001,520.50\n\n"
      "本年度完成 灌溉面积 2.3万亩。\n");
  REQUIRE(l.aligned_unread.size() == 1);
  CHECK(l.aligned_unread[0].first_line == 1);
  CHECK(l.aligned_unread[0].last_line == 3);
}
