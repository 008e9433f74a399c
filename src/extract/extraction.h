// Extract stage hand-off: what a report states — its facts, its figures, its
// indicator trees and its tables as the rules read them — each with where it
// was printed. The validate stage reads this and nothing before it.
#ifndef JXAUDIT_EXTRACT_EXTRACTION_H_
#define JXAUDIT_EXTRACT_EXTRACTION_H_

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/error.h"
#include "base/patterns.h"
#include "base/rare_string.h"
#include "extract/number.h"

namespace jx {

struct UnitInfo {
  std::string text;  // the unit word as found ("万元", "百元", "%")
  std::string kind;  // "money", "percent", "score", "count", or "" when none
  int pow10 = 0;     // money: 1 unit = 10^pow10 元
};

// The first unit word in `text` (a header, a title, a "单位：" line, a number's
// trailing words), by patterns/units.txt.
bool FindUnit(const PatternFile& units, std::string_view text, UnitInfo* out);

// What a figure, a breakdown or a rate was read from: a cell, a sentence, or
// the words around it in a long paragraph ("…" marking where they were cut).
// A stretch of a text the figures of one paragraph share, so that a line of
// 300,000 figures is held once, not once per figure.
class Evidence {
 public:
  Evidence() = default;
  Evidence(const std::string& whole)  // NOLINT: a cell's text as it is
      : Evidence(std::make_shared<const std::string>(whole), 0, whole.size()) {}
  // [from, to) of `text`, both at character boundaries.
  Evidence(std::shared_ptr<const std::string> text, size_t from, size_t to) {
    if (to > UINT32_MAX) {
      // Beyond what the offsets hold: a copy of its own, marks included.
      text = std::make_shared<const std::string>((from > 0 ? "…" : "") +
                                                 text->substr(from, to - from) +
                                                 (to < text->size() ? "…" : ""));
      from = 0;
      to = std::min<size_t>(text->size(), UINT32_MAX);
    }
    from_ = static_cast<uint32_t>(from);
    to_ = static_cast<uint32_t>(to);
    text_ = std::move(text);
  }
  std::string str() const {
    if (!text_) return std::string();
    std::string s;
    if (from_ > 0) s = "…";
    s.append(*text_, from_, to_ - from_);
    if (to_ < text_->size()) s += "…";
    return s;
  }
  operator std::string() const { return str(); }  // NOLINT: read as text
  bool empty() const { return !text_ || text_->empty(); }

 private:
  std::shared_ptr<const std::string> text_;
  uint32_t from_ = 0, to_ = 0;
};

// A number printed in the report and the name it goes by. One per figure
// of a sentence line: its rare strings behind a pointer, its evidence shared.
struct Figure {
  std::string name;         // labels.txt name ("basic", "budget_total") or ""
  std::string label;        // the row label or the words before it, as printed
  RareString column;        // column key ("budget_initial" …) for table figures
  RareString column_label;  // the column header as printed
  ParsedNumber number;
  bool blank = false;      // a labelled slot printed empty
  bool total_row = false;  // its label is a 合计/总计
  bool change = false;     // "比上年增加 Y": a change against another figure
  bool has_yuan = false;
  UnitInfo unit;
  Decimal yuan;             // money normalized to 元
  std::string_view source;  // "table", "form" or "sentence" (a literal)
  Location where;
  Evidence evidence;  // the cell or the sentence
};

// "A 为 X，其中 B Y，C Z": a figure and the parts the sentence says it has.
struct Breakdown {
  Figure total;
  std::vector<Figure> parts;
  Evidence evidence;
  // The list ran to the end of its paragraph with no 。 or ；: a paragraph
  // cut where the layout did not join its lines may have left parts out.
  bool open_end = false;
};

// "完成数 a，预算数 b，完成率 r%" (ratio) or "调整数 a，年初预算数 b，调整率 r%"
// (change: (a − b) / b).
struct StatedRate {
  std::string kind;  // "ratio" or "change"
  Figure a, b;
  ParsedNumber rate;
  // b was not printed but derived (this year − the change printed): it
  // carries the rounding of both printed figures.
  bool derived_base = false;
  Location where;
  Evidence evidence;
};

// A classification item the text states ("公共安全支出（204类）司法（06款）行政运行
// （01项）1672.67万元 … 2026年预算安排1672.67万元"), or a lone "预算安排" that a
// line break cut off from its item (`code` empty).
struct CodedFigure {
  std::string code;                // its digits, the levels above included
  std::vector<std::string> names;  // the 类, 款, 项 names as printed, top first
  Figure figure;                   // the amount stated for it
  bool has_planned = false;
  Figure planned;  // "Y年预算安排 X" after it in its paragraph
};

// A target or a result read as a number, in a unit both sides share (money
// in 元, 个工作日 as 天, 百分比 as %: patterns/scoring.txt).
struct Quantity {
  bool has = false;
  Decimal value;          // the number, or a range's low end
  Decimal half;           // rounding radius of the printed number, in `unit`
  bool has_high = false;  // a range ("80%-90%")
  Decimal high;
  std::string unit;  // canonical unit ("%", "元", "天", "公里/年") or ""
};

// One row of an indicator table (一级/二级/三级指标 …).
struct Indicator {
  std::string table;                // table id
  int row = 0;                      // 0-based row in the table
  std::vector<std::string> levels;  // hierarchy labels, top first
  bool is_total = false;
  bool has_weight = false;
  Decimal weight;
  Location weight_at;
  std::string weight_from;  // "column" or "label"
  bool has_score = false;
  Decimal score;
  Location score_at;
  std::string target;             // as printed
  bool has_target_value = false;  // "≥90%", "≤5万元/场", "≥8场次/年"
  ParsedNumber target_value;      // comparator, number, % and trailing words
  UnitInfo target_unit;
  std::string actual;
  Location where;
  // What the result rules compare, read by patterns/scoring.txt.
  std::string direction;      // "positive", "reverse", "range", "qualitative", ""
  bool quantitative = false;  // 数量/成本/时效, or a unit printed for it
  bool satisfaction = false;  // a 满意度 indicator
  Quantity target_q;          // the target as a number
  Location target_at;
  Quantity actual_q;         // the result as a number (a plain value only)
  bool actual_blank = true;  // no result printed
  Location actual_at;
  bool has_deviation = false;  // the table has a deviation-reason column
  std::string deviation;       // its text on this row
  Location deviation_at;
  std::string project;  // the 项目名称 its form names, or ""
};

// The weights and scores of one indicator table as a tree.
struct ScoreNode {
  std::string label;
  int depth = 0;    // 1 = top level
  int parent = -1;  // index into ScoreTable::nodes
  std::vector<int> children;
  int row = -1;  // table row that states this node (-1: only implied)
  bool bonus = false;
  bool is_item = false;  // one of several items under a merged label
  bool has_weight = false;
  Decimal weight;
  Location weight_at;
  bool has_score = false;  // printed on the node's own row
  Decimal score;
  Location score_at;
};

struct ScoreTable {
  std::string table;
  std::string title;
  std::vector<ScoreNode> nodes;
  std::vector<int> roots;
  // Scored rows of the table just before (a form's 项目资金 block printed on
  // its own) that the table's total does not count: a total the text
  // states may count them ("资金执行得分8.85分，绩效指标得分83分，自评总分91.85分").
  std::vector<ScoreNode> outside;
  bool has_weights = false;  // any weight printed
  bool has_scores = false;   // any score printed
  // A doubt of the layout's that the table's totals rest on (a kDoubt* name
  // of layout/table.h), else "": a scored row rebuilt from a page whose
  // weight reads as a number and whose score does not, or the reverse, has
  // its cells off their header's columns, so what the total counts is
  // unsure.
  std::string doubt;
  // The row a total's label ran into ("效果（30分）合计"), else -1: it holds
  // two rows' text, so what any rule reads on it is a guess.
  int doubt_row = -1;
  bool has_total_score = false;
  Decimal total_score;
  Location total_score_at;
  bool has_total_weight = false;
  Decimal total_weight;
  Location total_weight_at;
  std::string grade;  // declared next to the table ("自评等级：良")
  Location grade_at;
};

struct DocField {
  std::string value;
  Location where;
};

struct DocInfo {
  std::string kind = "other";  // target_declaration, department_self_evaluation,
                               // project_self_evaluation, other
  DocField kind_line, department, year, unit_code, filler, phone, grade;
  // Paragraphs declare different grades (one per form): the document has no
  // one grade of its own.
  bool grades_differ = false;
  bool has_declared_score = false;
  Decimal declared_score;
  DocField declared_score_text;
};

// The number of a typed cell: what the rules read of it (a table has a cell
// of these per printed cell, so no strings). Read as a ParsedNumber wherever
// one is wanted.
struct TypedNumber {
  Decimal value;
  bool percent = false;
  // The comparator printed before it ("≥90%" in a rate column), as its index
  // in Comparators(): 0 for none.
  uint8_t comparator = 0;
  static constexpr const char* Comparators[] = {"", "≥", "≤", ">", "<", "="};
  void Set(const ParsedNumber& n) {
    value = n.value;
    percent = n.percent;
    comparator = 0;
    for (uint8_t i = 1; i < std::size(Comparators); ++i)
      if (n.comparator == Comparators[i]) comparator = i;
  }
  operator ParsedNumber() const {
    ParsedNumber n;
    n.value = value;
    n.percent = percent;
    n.comparator = Comparators[comparator];
    return n;
  }
};

// A cell as the arithmetic rules read it (one per printed cell of a table:
// kept small, its rare text behind a pointer).
struct TypedCell {
  enum class Kind : uint8_t {
    kBlank,          // printed empty: unknown, not zero
    kNumber,         // a number, unit words allowed ("3.4万元", "100%")
    kNotApplicable,  // "--", "/", "无": printed to say the figure does not apply
    kText,           // anything else: no rule reads it
    kOutOfRange,     // one number, with more digits than exact arithmetic keeps
  };
  TypedNumber number;  // when kNumber
  int line = 0;        // where it was printed
  Kind kind = Kind::kBlank;
  // Its page is not its row's, or it has a workbook reference ("表1!B7"):
  // both are kept in its table (TypedTable::places), read by TypedTable::At.
  bool placed_apart = false;
};

// A body row of a table section, with its role.
struct TypedRow {
  int row = 0;   // 0-based row in the table
  int line = 0;  // where the row begins
  int page = 0;
  bool header = false;  // a header row printed again inside the body
  std::string label;    // the label column's (filled-down) text, spaces collapsed
  int depth = 0;  // numbering depth of the label: 1 一、 2 （一） 3 1、 4 （1）
  bool total = false;             // 合计/总计
  bool subtotal = false;          // 小计
  bool part_of_previous = false;  // "其中：…": a part of the row above
  bool numeric = false;           // a number outside the label column
  // A classification code (功能分类 204 / 20406 / 2040601, 经济分类 301 /
  // 30101), from its own column, from 类/款/项 columns or from the label.
  std::string code;    // its digits, the levels above included
  int code_level = 0;  // 1 类, 2 款, 3 项; 0 when the row has none
  // The words of the code column on a row without a code whose label column
  // is empty ("合计", "人员经费合计" printed across the code and name columns):
  // rare, and a table has a typed row per printed row.
  RareString code_label;
  std::vector<TypedCell> cells;  // every printed cell of the row
  // Column c of the row; a blank beyond the printed cells (its place is the
  // row's: see TypedTable::At).
  const TypedCell& Cell(size_t c) const {
    static const TypedCell kBlank;
    return c < cells.size() ? cells[c] : kBlank;
  }
};

struct TypedColumn {
  std::string key;                     // header.txt name ("budget_final") or ""
  std::string label;                   // header texts top to bottom, joined with '/'
  std::vector<std::string> path_keys;  // the name of each header text above it
  int level = -1;                      // hierarchy level (see Column::level)
  UnitInfo unit;                       // from its header, else the table's
  bool counted = false;                // 数量: counted things, exact
  bool summed = true;  // amounts; false for rates, scores, plan shares, numbering
  // A code column: 1 类, 2 款, 3 项 of a split code, 4 the whole code; 0 none.
  int code_part = 0;
  bool HasPathKey(std::string_view k) const {
    for (const auto& p : path_keys)
      if (p == k) return true;
    return false;
  }
};

// A run of rows under one header.
// A run of rows under one header, or one side of it: a two-sided table (收入
// on the left, 支出 on the right of the same rows) gives a section per side,
// each with its own label column and its own columns.
struct TypedSection {
  int section = 0;  // index of the layout section (a two-sided one gives two)
  int first_row = 0;
  int header_rows = 0;
  size_t first_column = 0;  // the side's columns: [first_column, end_column)
  size_t end_column = SIZE_MAX;
  std::string side;  // the header text over the side, "" when one-sided
  bool two_sided = false;
  int label_column = -1;        // the item/level column, else the first text column
  bool indicator_grid = false;  // a hierarchy column: read as indicators
  bool coded = false;           // rows keyed by classification codes
  std::vector<TypedColumn> columns;
  std::vector<TypedRow> rows;  // the rows below the header, in order
};

struct TypedTable {
  SharedPath file;
  std::string id;
  std::string title;
  UnitInfo unit;               // stated for the table as a whole
  bool names_project = false;  // 项目名称 in its first rows: it totals one project
  // What the layout doubts of the table ("columns", "rows", "continuation",
  // "header"; empty when sure): what rests on it is at most a warning.
  std::vector<std::string> doubts;
  // The same for single rows (table row, doubt): a merged cell the page
  // break cut, a row whose rest was drawn into a header printed again.
  std::vector<std::pair<int, std::string>> row_doubts;
  std::vector<TypedSection> sections;
  // The page and workbook reference of each cell whose page is not its
  // row's or that has a reference, by table row and column (in that order):
  // few cells of a text or PDF table, so a typed cell does not carry them.
  struct CellPlace {
    int row = 0;
    int column = 0;
    int page = 0;
    RareString ref;
  };
  std::vector<CellPlace> places;
  // Where a cell of a row was printed (file, page, line, table, row, column).
  Location At(const TypedRow& r, size_t c) const;
};

// A number printed with more significant digits than exact arithmetic keeps
// (beyond 18): it is neither read as another number nor silently skipped.
struct OutOfRange {
  Location where;
  std::string text;
};

// Lines a text file prints as a table aligned by spaces, not read as one.
struct UnreadLines {
  Location where;  // the first line
  int last_line = 0;
};

struct Extraction {
  SharedPath file;
  std::vector<OutOfRange> out_of_range;
  std::vector<UnreadLines> aligned_unread;
  std::vector<int> pages_without_text;  // scanned pages: nothing to read there
  DocInfo info;
  std::vector<Figure> figures;
  std::vector<Breakdown> breakdowns;
  std::vector<StatedRate> rates;
  std::vector<CodedFigure> coded;
  // Sentence amounts whose words a disclosure pattern names ("收入预算",
  // "一般公共预算拨款支出预算"): `name` is that pattern's (patterns/disclosure.txt).
  std::vector<Figure> stated;
  // "比2025年预算增加", "与2025年预算持平": the year a sentence compares with.
  std::vector<DocField> compared_years;
  // "2025年1月1日-2025年12月31日": the year a stated period ends in.
  std::vector<DocField> period_ends;
  std::vector<Indicator> indicators;
  std::vector<ScoreTable> score_tables;
  std::vector<TypedTable> tables;
};

namespace extract {

// Money in 元, when the unit is money.
bool ToYuan(const ParsedNumber& n, const UnitInfo& u, Decimal* yuan);

}  // namespace extract

}  // namespace jx

#endif  // JXAUDIT_EXTRACT_EXTRACTION_H_
