// Extract stage hand-off: what a report states — its facts, its figures, its
// indicator tables — each with where it was printed.
#ifndef JXAUDIT_EXTRACT_EXTRACT_H_
#define JXAUDIT_EXTRACT_EXTRACT_H_

#include <string>
#include <vector>

#include "base/error.h"
#include "base/patterns.h"
#include "extract/number.h"
#include "ingest/document.h"
#include "layout/table.h"

namespace jx {

struct UnitInfo {
  std::string text;  // the unit word as found ("万元", "百元", "%")
  std::string kind;  // "money", "percent", "score", "count", or "" when none
  int pow10 = 0;     // money: 1 unit = 10^pow10 元
};

// The first unit word in `text` (a header, a title, a "单位：" line, a number's
// trailing words), by patterns/units.txt.
bool FindUnit(const PatternFile& units, std::string_view text, UnitInfo* out);

// A number printed in the report and the name it goes by.
struct Figure {
  std::string name;          // labels.txt name ("basic", "budget_total") or ""
  std::string label;         // the row label or the words before it, as printed
  std::string column;        // column key ("budget_initial" …) for table figures
  std::string column_label;  // the column header as printed
  ParsedNumber number;
  bool blank = false;  // a labelled slot printed empty
  UnitInfo unit;
  bool has_yuan = false;
  Decimal yuan;        // money normalized to 元
  std::string source;  // "table", "form" or "sentence"
  Location where;
  std::string evidence;  // the cell or the sentence
};

// "A 为 X，其中 B Y，C Z": a figure and the parts the sentence says it has.
struct Breakdown {
  Figure total;
  std::vector<Figure> parts;
  std::string evidence;
};

// "完成数 a，预算数 b，完成率 r%" (ratio) or "调整数 a，年初预算数 b，调整率 r%"
// (change: (a − b) / b).
struct StatedRate {
  std::string kind;  // "ratio" or "change"
  Figure a, b;
  ParsedNumber rate;
  Location where;
  std::string evidence;
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
  bool has_weights = false;  // any weight printed
  bool has_scores = false;   // any score printed
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
  bool has_declared_score = false;
  Decimal declared_score;
  DocField declared_score_text;
};

struct Extraction {
  DocInfo info;
  std::vector<Figure> figures;
  std::vector<Breakdown> breakdowns;
  std::vector<StatedRate> rates;
  std::vector<Indicator> indicators;
  std::vector<ScoreTable> score_tables;
};

Extraction Extract(const Document& doc, const Layout& layout, const Patterns& patterns);

// Shared with the validate stage: how extraction reads a table.
namespace extract {

// The unit stated for a table as a whole: its title, a "单位：" cell in it, or
// a line just above it.
UnitInfo TableUnit(const Table& t, const Layout& layout, const Patterns& p);
// A column's unit from its header, else the table's.
UnitInfo ColumnUnit(const Column& c, const UnitInfo& table_unit, const Patterns& p);
// Numbering depth of a label: 1 for 一、, 2 for （一）, 3 for 1、, 4 for （1）,
// 0 when unnumbered.
int NumberingDepth(const Patterns& p, std::string_view label);
// The label column of a section: its item/level column, else the first
// column that holds text rather than numbers.
int LabelColumn(const Table& t, const Section& s, size_t end);
// A cell as a number with unit words allowed ("3.4万元", "100%").
bool CellNumber(const Cell& c, ParsedNumber* n);
// Money in 元, when the unit is money.
bool ToYuan(const ParsedNumber& n, const UnitInfo& u, Decimal* yuan);
size_t SectionEnd(const Table& t, size_t section_index);
// Where a cell was printed: file, page, line, table, row, column.
Location CellLocation(const std::string& file, const Table& t, size_t r, size_t c);

}  // namespace extract

}  // namespace jx

#endif  // JXAUDIT_EXTRACT_EXTRACT_H_
