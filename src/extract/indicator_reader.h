// The reader of indicator tables, shared by indicators.cc (each row's
// levels, weight and score, and the table's weights and scores as a tree)
// and indicator_results.cc (each row's target and result, the project a
// row belongs to).
#ifndef JXAUDIT_EXTRACT_INDICATOR_READER_H_
#define JXAUDIT_EXTRACT_INDICATOR_READER_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "extract/reader.h"

namespace jx::extract::indicators {

class IndicatorReader : public Reader {
 public:
  explicit IndicatorReader(const Reader& base)
      : Reader(base), scoring_(p_.file("scoring")) {}

  bool WeightInLabel(const std::string& label, Decimal* w) const;

  static bool PureNumber(const Cell& c, ParsedNumber* n) {
    return !c.text.empty() && ParseNumber(c.text, n) && !n->percent &&
           n->comparator.empty();
  }

  void Run(const Table& t);

  // A 项目支出绩效自评表 scores its budget execution (年度资金总额 | … | 分值 10 |
  // 得分 9.5) above the indicator grid; those rows count toward the total.
  // Printed as a table of its own just before the grid's, they count too,
  // where the grid's printed total weight needs exactly their weights: a
  // weight is awarded, so that sum is no coincidence of rounding.
  void ScoredRowsOutsideGrid(const Table& t);

  // A node's weight, printed or summed from its children's.
  static bool RootWeight(const ScoreTable& st, int i, Decimal* w);

  void AddScoredRows(const Table& t, ScoreTable* st);

  // Columns the result rules read besides target and result.
  struct Columns {
    int deviation = -1;  // 偏差原因分析及改进措施
    int unit = -1;       // 计量单位
  };

  // A target or result that is one quantity: its number (or range) in a
  // canonical unit, and the comparator words before and after it.
  bool ReadQuantity(const std::string& text, Quantity* q, std::string* pre,
                    std::string* post) const;

  static bool HasDigit(const std::string& key) {
    return std::any_of(key.begin(), key.end(),
                       [](char c) { return c >= '0' && c <= '9'; });
  }

  // Direction, numbers, units and deviation text of one indicator row.
  void ReadResult(const Table& t, size_t r, int target_col, int actual_col,
                  const Columns& extra, Indicator* ind);

  // The 项目名称 a row's form states: the nearest one above it in its table,
  // else the last one in the few tables before it (a form broken over pieces).
  // One pass per table, so that long tables stay linear.
  void ProjectsOf(const Table& t);

  bool ProjectNamed(const std::vector<Cell>& row, std::string* out) const;

  // The last 项目名称 table k states, found once per table: the tables after
  // it look back at it.
  const std::string& LastProjectStated(size_t k);

  void BuildIndicators(const Table& t, const Section& s, size_t end,
                       const std::vector<size_t>& names,
                       const std::vector<size_t>& weights, int score_col, int target_col,
                       int actual_col, const Columns& extra);

  int AddNode(ScoreTable* st, ScoreNode node);

  void SetValues(ScoreNode* n, const Indicator& ind);

  // Where the numbered hierarchy of one table stands while rows are added.
  struct NumberedState {
    int last_depth = 0;
    std::vector<int> last_at_depth = std::vector<int>(8, -1);  // newest node per depth
    std::map<int, int> node_of_row;
  };

  void AddNumberedRow(const Table& t, size_t r, size_t col, const Indicator& ind,
                      ScoreTable* st, NumberedState* ns);

  void AddPathRow(const Table& t, const Section& s, size_t r,
                  const std::vector<size_t>& names, const std::vector<size_t>& weights,
                  const Indicator& ind, ScoreTable* st,
                  std::map<std::string, int>* by_path);

  void GradeNear(const Table& t, ScoreTable* st);

  const PatternFile* scoring_;
  std::vector<std::string> projects_;               // per row of the table being read
  std::vector<std::optional<std::string>> stated_;  // per table, once known
};

}  // namespace jx::extract::indicators

#endif  // JXAUDIT_EXTRACT_INDICATOR_READER_H_
