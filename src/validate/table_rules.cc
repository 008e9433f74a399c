// Rules over reconstructed tables: totals, subtotals, children, codes, and
// the 其中 rows; the section's rows and columns as the rules read them.
#include <algorithm>
#include <map>

#include "base/text.h"
#include "validate/check.h"
#include "validate/disclosure.h"
#include "validate/section_rules.h"

namespace jx::validate {
namespace section {

Kind ReadSlot(const TypedRow& row, size_t c, ParsedNumber* n) {
  const TypedCell& cell = row.Cell(c);
  if (cell.kind == Kind::kNumber) *n = cell.number;
  return cell.kind;
}

void SectionRules::Run() {
  if (s_.header_rows == 0) return;
  if (s_.indicator_grid) return;  // score rules
  label_col_ = s_.label_column;
  CollectRows();
  CollectNumericColumns();
  if (rows_.empty()) return;
  MarkContinuedParts();
  if (s_.coded) {
    // Rows keyed by codes: the hierarchy is in the codes, not in the
    // numbering or the order of the rows.
    CodeSums();
    ColumnTotals();
    Carried();
    Rates();
    Overspend();
    return;
  }
  Totals();
  Subtotals();
  Children();
  PartsOfPrevious();
  ColumnTotals();
  Carried();
  Assets();
  Rates();
  Overspend();
  Partition();
}

void SectionRules::CollectRows() {
  for (size_t i = 0; i < s_.rows.size(); ++i) {
    const TypedRow& r = s_.rows[i];
    if (r.header || !r.numeric) continue;
    RowInfo ri;
    ri.row = i;
    ri.label = r.label;
    ri.depth = r.depth;
    ri.total = r.total;
    ri.subtotal = r.subtotal;
    ri.part_of_previous = r.part_of_previous;
    rows_.push_back(ri);
  }
}

void SectionRules::CollectNumericColumns() {
  size_t width = 0;
  for (const RowInfo& ri : rows_) width = std::max(width, Row(ri).cells.size());
  // A code list printed in two halves side by side (经济分类 301 … | 302 …,
  // each half with its own code column): the row's code is the left one,
  // so only the left half's amounts are summed by it.
  size_t end = std::min(width, s_.end_column);
  bool code_seen = false, after_code = false;
  for (size_t c = s_.first_column; c < end && c < s_.columns.size(); ++c) {
    bool code = s_.columns[c].code_part != 0;
    if (code && after_code) {
      end = c;
      break;
    }
    code_seen |= code;
    after_code |= code_seen && !code;
  }
  for (size_t c = s_.first_column; c < end; ++c) {
    if (static_cast<int>(c) == label_col_) continue;
    if (c < s_.columns.size() && !s_.columns[c].summed) continue;
    int nums = 0, pct = 0;
    for (const RowInfo& ri : rows_) {
      ParsedNumber n;
      if (ReadSlot(Row(ri), c, &n) == Kind::kNumber) {
        ++nums;
        if (n.percent) ++pct;
      }
    }
    if (nums >= 2 && pct * 2 < nums) cols_.push_back(c);
  }
}

bool SectionRules::Build(size_t c, const RowInfo& stated,
                         const std::vector<const RowInfo*>& parts, Term* st,
                         std::vector<Term>* terms) {
  ParsedNumber n;
  if (ReadSlot(Row(stated), c, &n) != Kind::kNumber || n.percent) return false;
  // Counted things (数量) are exact; amounts were rounded when printed.
  bool exact = c < s_.columns.size() && s_.columns[c].counted;
  st->exact = exact;
  st->value = n.value;
  st->label = stated.label;
  st->at = At(stated, c);
  terms->clear();
  for (const RowInfo* p : parts) {
    Term term;
    term.label = p->label;
    term.at = At(*p, c);
    ParsedNumber pn;
    Kind slot = ReadSlot(Row(*p), c, &pn);
    if (slot == Kind::kText || pn.percent) return false;
    if (slot == Kind::kNotApplicable) continue;
    if (slot == Kind::kBlank) {
      term.blank = true;
    } else {
      term.value = pn.value;
    }
    term.exact = exact;
    terms->push_back(term);
  }
  return true;
}

void SectionRules::MarkContinuedParts() {
  constexpr size_t kMaxContinued = 8;  // a 其中 list is a few rows
  for (size_t i = 0; i + 1 < rows_.size(); ++i) {
    const RowInfo& whole = rows_[i];
    if (whole.part_of_previous || whole.total || whole.subtotal) continue;
    size_t j = i + 1;
    std::vector<const RowInfo*> list;
    for (; j < rows_.size() && rows_[j].part_of_previous &&
           Row(rows_[j]).row == Row(rows_[j - 1]).row + 1;
         ++j)
      list.push_back(&rows_[j]);
    if (list.empty() || Row(whole).row + 1 != Row(*list.front()).row) continue;
    for (size_t k = j; k < rows_.size() && k < j + kMaxContinued; ++k) {
      const RowInfo& next = rows_[k];
      if (next.part_of_previous || next.total || next.subtotal || next.depth > 0 ||
          Row(next).row != Row(rows_[k - 1]).row + 1)
        break;
      list.push_back(&next);
      if (!ClosesEveryColumn(whole, list)) continue;
      for (size_t m = j; m <= k; ++m) rows_[m].maybe_part = true;
      break;
    }
  }
}

bool SectionRules::ClosesEveryColumn(const RowInfo& whole,
                                     const std::vector<const RowInfo*>& parts) {
  int closed = 0;
  for (size_t c : cols_) {
    Term st;
    std::vector<Term> terms;
    if (!Build(c, whole, parts, &st, &terms)) continue;
    for (const Term& t : terms)
      if (t.blank) return false;
    if (!CompareSum(st, terms).consistent) return false;
    closed += st.value.units != 0;
  }
  return closed > 0;
}

void SectionRules::SumEachColumn(const char* rule, const RowInfo& stated,
                                 const std::vector<const RowInfo*>& parts,
                                 const std::string& what,
                                 const std::vector<const RowInfo*>* other) {
  for (size_t c : cols_) {
    Term st;
    std::vector<Term> terms;
    if (!Build(c, stated, parts, &st, &terms)) continue;
    if (other) {
      Term ost;
      std::vector<Term> oterms;
      if (!CompareSum(st, terms).consistent && Build(c, stated, *other, &ost, &oterms) &&
          CompareSum(ost, oterms).consistent) {
        Checked(ost, oterms);
        continue;
      }
    }
    sink_->ReportSum(rule, st, terms, t_.id + " " + ColumnName(c) + what, UnitOf(c));
  }
}

void SectionRules::Totals() {
  int top = 0;
  for (const RowInfo& ri : rows_)
    if (!ri.total && !ri.subtotal && !ri.part_of_previous && ri.depth > 0 &&
        (top == 0 || ri.depth < top))
      top = ri.depth;
  std::vector<const RowInfo*> parts, continued;
  for (const RowInfo& ri : rows_)
    if (!ri.total && !ri.subtotal && !ri.part_of_previous && ri.depth == top) {
      parts.push_back(&ri);
      if (!ri.maybe_part) continued.push_back(&ri);
    }
  if (parts.size() < 2) return;
  // Where a 其中 list closes its row only with the rows after it, those
  // rows are read as its parts first; the rows as printed are the other
  // reading, and a total either reading closes is no finding.
  const bool two_readings = continued.size() < parts.size() && continued.size() >= 2;
  const std::vector<const RowInfo*>& first = two_readings ? continued : parts;
  const std::vector<const RowInfo*>* other = two_readings ? &parts : nullptr;
  // A 收支总表 side: 本年收入合计 sums the numbered items above it, and 总计
  // adds the rows carried between years (sum.balance); the items printed
  // again below (年初结转和结余 一、二、三) are no part of either.
  // A table titled as a 收支总表 is one even where its 本年合计 label did
  // not survive the print (wrapped into its neighbour): its 总计 is never
  // the numbered items alone.
  const std::string genre = TableGenre(patterns_, t_);
  bool balance = genre == "table_balance" || genre == "table_fiscal_balance";
  for (const RowInfo& ri : rows_)
    balance |= ri.total && YearTotalLabel(patterns_, ri.label);
  int totals = 0;
  for (const RowInfo& total : rows_) {
    // A real table has a handful of total rows; a page of them is no table.
    if (!total.total || ++totals > 16) continue;
    if (!balance) {
      SumEachColumn("sum.total", total, first, "合计与分项", other);
      continue;
    }
    if (!YearTotalLabel(patterns_, total.label)) continue;
    std::vector<const RowInfo*> above;
    for (const RowInfo* p : parts)
      if (p->row < total.row) above.push_back(p);
    if (above.size() >= 2) SumEachColumn("sum.total", total, above, "合计与分项");
  }
}

void SectionRules::Subtotals() {
  std::map<size_t, const RowInfo*> by_row;
  for (const RowInfo& ri : rows_) by_row[ri.row] = &ri;
  for (const RowInfo& sub : rows_) {
    if (!sub.subtotal) continue;
    std::vector<const RowInfo*> parts;
    for (size_t r = sub.row; r-- > 0;) {
      auto it = by_row.find(r);
      if (it != by_row.end() && (it->second->subtotal || it->second->total)) break;
      if (s_.rows[r].depth > 0 || s_.rows[r].total) break;  // the group's heading
      if (it != by_row.end() && !it->second->part_of_previous)
        parts.push_back(it->second);
    }
    if (parts.size() < 2) continue;
    std::reverse(parts.begin(), parts.end());
    SumEachColumn("sum.subtotal", sub, parts, "小计与其上各行");
  }
}

void SectionRules::Children() {
  for (size_t i = 0; i < rows_.size(); ++i) {
    const RowInfo& p = rows_[i];
    if (p.depth == 0 || p.total) continue;
    // The children's level is the first numbered level below the row's:
    // "一、财政拨款收入" may list "1、一般公共预算" with no （一） between.
    int kid_depth = 0;
    for (size_t j = i + 1; j < rows_.size(); ++j) {
      const RowInfo& k = rows_[j];
      if (k.total || k.subtotal || (k.depth > 0 && k.depth <= p.depth)) break;
      if (k.depth > 0 && (kid_depth == 0 || k.depth < kid_depth)) kid_depth = k.depth;
    }
    if (kid_depth == 0) kid_depth = p.depth + 1;
    std::vector<const RowInfo*> kids;
    for (size_t j = i + 1; j < rows_.size(); ++j) {
      const RowInfo& k = rows_[j];
      if (k.total || k.subtotal || (k.depth > 0 && k.depth <= p.depth)) break;
      if (k.part_of_previous) continue;  // a part of a child, not a child
      if (k.depth == 0 || k.depth == kid_depth) kids.push_back(&k);
    }
    if (kids.size() < 2) continue;
    SumEachColumn("sum.children", p, kids, "“" + p.label + "”与其明细");
  }
}

void SectionRules::CodeSums() {
  for (size_t i = 0; i < rows_.size(); ++i) {
    const TypedRow& p = Row(rows_[i]);
    if (p.code_level == 0) continue;
    std::vector<const RowInfo*> kids;
    for (size_t j = i + 1; j < rows_.size(); ++j) {
      const TypedRow& k = Row(rows_[j]);
      if (k.code_level == 0) {
        if (k.total) break;
        continue;
      }
      if (k.code_level <= p.code_level || !k.code.starts_with(p.code)) break;
      if (k.code_level == p.code_level + 1) kids.push_back(&rows_[j]);
    }
    if (kids.empty()) continue;
    SumEachColumn("sum.code", rows_[i], kids,
                  "“" + p.code + " " + p.label + "”与其下级科目");
  }
  std::vector<const RowInfo*> top;
  for (const RowInfo& ri : rows_)
    if (Row(ri).code_level == 1) top.push_back(&ri);
  if (top.empty()) return;
  for (const RowInfo& ri : rows_)
    if (Row(ri).total && Row(ri).code_level == 0)
      SumEachColumn("sum.code", ri, top, "合计与各类科目");
}

void SectionRules::PartsOfPrevious() {
  for (size_t i = 0; i + 1 < rows_.size(); ++i) {
    const RowInfo& whole = rows_[i];
    if (whole.part_of_previous) continue;
    std::vector<const RowInfo*> parts;
    for (size_t j = i + 1; j < rows_.size() && rows_[j].part_of_previous &&
                           Row(rows_[j]).row == Row(rows_[j - 1]).row + 1;
         ++j)
      parts.push_back(&rows_[j]);
    if (parts.empty() || Row(whole).row + 1 != Row(*parts.front()).row) continue;
    for (size_t c : cols_) {
      Term st;
      std::vector<Term> terms;
      if (!Build(c, whole, parts, &st, &terms)) continue;
      Checked(st, terms);
      SumOutcome o = CompareSum(st, terms);
      if (o.consistent || CompareDecimal(o.difference, Decimal{0, 0}) <= 0) continue;
      Finding& f = sink_->Add("sum.parts_exceed", Severity::kError, st.at,
                              t_.id + " " + ColumnName(c) + "“" + whole.label +
                                  "”的“其中”各项之和 " + Num(o.computed) +
                                  " 超过其本身 " + Num(st.value));
      f.has_numbers = true;
      f.stated = st.value;
      f.computed = o.computed;
      f.difference = o.difference;
      f.tolerance = o.tolerance;
      f.unit = UnitOf(c);
      f.involved.push_back(st.at);
      for (const Term& t : terms) f.involved.push_back(t.at);
    }
  }
}

}  // namespace section

void TableRules(const Context& ctx, Sink* sink) {
  for (const TypedTable& t : ctx.ex.tables)
    for (const TypedSection& s : t.sections)
      section::SectionRules(sink, ctx.patterns, t, s).Run();
}

}  // namespace jx::validate
