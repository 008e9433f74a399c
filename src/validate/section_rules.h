// One section of a typed table as the table rules read it: its rows with
// their roles, its numeric columns, and the checks over them. Shared by
// table_rules.cc (rows, columns, sums over rows) and table_checks.cc (total
// columns, carried balances, assets, rates, spending, partitions).
#ifndef JXAUDIT_VALIDATE_SECTION_RULES_H_
#define JXAUDIT_VALIDATE_SECTION_RULES_H_

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "validate/check.h"

namespace jx::validate::section {

using Kind = TypedCell::Kind;

// A cell of a numeric column: a number, printed empty, "not applicable", or
// text that no rule should read.
Kind ReadSlot(const TypedRow& row, size_t c, ParsedNumber* n);

struct RowInfo {
  size_t row;  // index into TypedSection::rows
  std::string label;
  int depth = 0;
  bool total = false;
  bool subtotal = false;
  bool part_of_previous = false;  // "其中：…": a part of the row above
  // The row may continue the 其中 list above it, printed without "其中"
  // (an indent the text lost): "基本支出 / 其中：人员经费 / 公用经费". Only
  // where the list closes its row with it.
  bool maybe_part = false;
};

class SectionRules {
 public:
  SectionRules(Sink* sink, const Patterns& patterns, const TypedTable& t,
               const TypedSection& s)
      : sink_(sink), patterns_(patterns), t_(t), s_(s) {}

  void Run();

 private:
  std::string UnitOf(size_t c) const {
    return c < s_.columns.size() ? s_.columns[c].unit.text : t_.unit.text;
  }

  const TypedRow& Row(const RowInfo& ri) const { return s_.rows[ri.row]; }
  Location At(const RowInfo& ri, size_t c) const { return t_.At(Row(ri), c); }

  void CollectRows();

  void CollectNumericColumns();

  // The stated number and its parts for one column; false when the stated
  // cell is not a number or any part is neither number nor blank.
  bool Build(size_t c, const RowInfo& stated, const std::vector<const RowInfo*>& parts,
             Term* st, std::vector<Term>* terms);

  // Rows right after a 其中 list, unnumbered and of no other role, that
  // together with the list sum to the row the list breaks down, in every
  // column where that row has a number (at least one of them not zero).
  void MarkContinuedParts();

  bool ClosesEveryColumn(const RowInfo& whole, const std::vector<const RowInfo*>& parts);

  // `stated` against `parts` in every numeric column. With `other`, a second
  // reading of the parts: a column it closes, and `parts` does not, is
  // counted as checked and not reported.
  void SumEachColumn(const char* rule, const RowInfo& stated,
                     const std::vector<const RowInfo*>& parts, const std::string& what,
                     const std::vector<const RowInfo*>* other = nullptr);

  std::string ColumnName(size_t c) const {
    return c < s_.columns.size() && !s_.columns[c].label.empty()
               ? "“" + s_.columns[c].label + "”列"
               : "第" + std::to_string(c + 1) + "列";
  }

  void Totals();

  // 小计 closes a group: the rows since the group's numbered heading, the
  // previous 小计/合计, or the top of the section.
  void Subtotals();

  void Children();

  // 类 = Σ 款 under it, 款 = Σ 项, and the table's 合计 = Σ 类.
  void CodeSums();

  // "其中" rows list some of the parts of the row above: together they
  // cannot exceed it.
  void PartsOfPrevious();

  void Checked(const Term& st, const std::vector<Term>& terms) {
    sink_->Checked(st.at);
    sink_->Checked(terms);
  }

  // Each 合计/小计 column against the columns of its own header group (see
  // ColumnParts): never the whole row to its right.
  void ColumnTotals();

  int FindCol(std::initializer_list<std::string_view> keys) const;

  // A fund's year on one row: 年初结转和结余 + 本年收入 − 本年支出 = 年末结转和
  // 结余, 本年支出 read from its 合计 when it has parts.
  void Carried();

  void Assets();

  void Rates();

  // 决算 above the (adjusted) budget it executes: possible, but it needs a
  // reason, so it is worth a warning.
  void Overspend();

  // 资金支出计划（%）| 3月底 | 6月底 …: each row of shares adds up to 100%,
  // or climbs to 100% when the plan is cumulative.
  void Partition();

  Sink* sink_;
  const Patterns& patterns_;
  const TypedTable& t_;
  const TypedSection& s_;
  int label_col_ = -1;
  std::vector<RowInfo> rows_;
  std::vector<size_t> cols_;
};

}  // namespace jx::validate::section

#endif  // JXAUDIT_VALIDATE_SECTION_RULES_H_
