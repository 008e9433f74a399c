// Rules over reconstructed tables: totals, identities, rates, partitions.
#include <algorithm>
#include <map>

#include "base/text.h"
#include "validate/check.h"
#include "validate/disclosure.h"

namespace jx::validate {
namespace {

using Kind = TypedCell::Kind;

// A cell of a numeric column: a number, printed empty, "not applicable", or
// text that no rule should read.
Kind ReadSlot(const TypedRow& row, size_t c, ParsedNumber* n) {
  const TypedCell& cell = row.Cell(c);
  if (cell.kind == Kind::kNumber) *n = cell.number;
  return cell.kind;
}

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

  void Run() {
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

 private:
  std::string UnitOf(size_t c) const {
    return c < s_.columns.size() ? s_.columns[c].unit.text : t_.unit.text;
  }

  const TypedRow& Row(const RowInfo& ri) const { return s_.rows[ri.row]; }
  Location At(const RowInfo& ri, size_t c) const { return t_.At(Row(ri), c); }

  void CollectRows() {
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

  void CollectNumericColumns() {
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

  // The stated number and its parts for one column; false when the stated
  // cell is not a number or any part is neither number nor blank.
  bool Build(size_t c, const RowInfo& stated, const std::vector<const RowInfo*>& parts,
             Term* st, std::vector<Term>* terms) {
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

  // Rows right after a 其中 list, unnumbered and of no other role, that
  // together with the list sum to the row the list breaks down, in every
  // column where that row has a number (at least one of them not zero).
  void MarkContinuedParts() {
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

  bool ClosesEveryColumn(const RowInfo& whole, const std::vector<const RowInfo*>& parts) {
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

  // `stated` against `parts` in every numeric column. With `other`, a second
  // reading of the parts: a column it closes, and `parts` does not, is
  // counted as checked and not reported.
  void SumEachColumn(const char* rule, const RowInfo& stated,
                     const std::vector<const RowInfo*>& parts, const std::string& what,
                     const std::vector<const RowInfo*>* other = nullptr) {
    for (size_t c : cols_) {
      Term st;
      std::vector<Term> terms;
      if (!Build(c, stated, parts, &st, &terms)) continue;
      if (other) {
        Term ost;
        std::vector<Term> oterms;
        if (!CompareSum(st, terms).consistent &&
            Build(c, stated, *other, &ost, &oterms) &&
            CompareSum(ost, oterms).consistent) {
          Checked(ost, oterms);
          continue;
        }
      }
      sink_->ReportSum(rule, st, terms, t_.id + " " + ColumnName(c) + what, UnitOf(c));
    }
  }

  std::string ColumnName(size_t c) const {
    return c < s_.columns.size() && !s_.columns[c].label.empty()
               ? "“" + s_.columns[c].label + "”列"
               : "第" + std::to_string(c + 1) + "列";
  }

  void Totals() {
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

  // 小计 closes a group: the rows since the group's numbered heading, the
  // previous 小计/合计, or the top of the section.
  void Subtotals() {
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

  void Children() {
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

  // 类 = Σ 款 under it, 款 = Σ 项, and the table's 合计 = Σ 类.
  void CodeSums() {
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

  // "其中" rows list some of the parts of the row above: together they
  // cannot exceed it.
  void PartsOfPrevious() {
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

  void Checked(const Term& st, const std::vector<Term>& terms) {
    sink_->Checked(st.at);
    sink_->Checked(terms);
  }

  // Each 合计/小计 column against the columns of its own header group (see
  // ColumnParts): never the whole row to its right.
  void ColumnTotals() {
    const std::vector<size_t> totals = TotalColumns(s_);
    // A real table has a handful of total columns; a row of them is no table.
    if (totals.size() > 64) return;
    for (size_t total_col : totals) {
      const std::vector<size_t> cols = ColumnParts(s_, total_col);
      if (cols.size() < 2) continue;
      for (const RowInfo& ri : rows_) {
        const TypedRow& row = Row(ri);
        ParsedNumber n;
        if (ReadSlot(row, total_col, &n) != Kind::kNumber || n.percent) continue;
        Term st{n.value, 1, false, ri.label, At(ri, total_col)};
        std::vector<Term> parts;
        bool ok = true;
        for (size_t c : cols) {
          ParsedNumber pn;
          Kind slot = ReadSlot(row, c, &pn);
          if (slot == Kind::kNotApplicable) continue;
          if (slot == Kind::kText || pn.percent) {
            ok = false;
            break;
          }
          Term term;
          term.label = s_.columns[c].label;
          term.at = At(ri, c);
          term.blank = slot == Kind::kBlank;
          term.value = pn.value;
          parts.push_back(term);
        }
        if (!ok || parts.size() < 2) continue;
        // Several totals in a row (合计 and a 小计) are told apart by name.
        std::string what = t_.id + " “" + ri.label + "”行" +
                           (totals.size() > 1 ? "“" + s_.columns[total_col].label + "”"
                                              : std::string("合计")) +
                           "与各列";
        sink_->ReportSum("sum.column", st, parts, what, UnitOf(total_col));
      }
    }
  }

  int FindCol(std::initializer_list<std::string_view> keys) const {
    for (size_t c = s_.first_column; c < s_.columns.size() && c < s_.end_column; ++c) {
      bool all = true;
      for (std::string_view k : keys) all &= s_.columns[c].HasPathKey(k);
      if (all) return static_cast<int>(c);
    }
    return -1;
  }

  // A fund's year on one row: 年初结转和结余 + 本年收入 − 本年支出 = 年末结转和
  // 结余, 本年支出 read from its 合计 when it has parts.
  void Carried() {
    int b = FindCol({"carry_begin"}), i = FindCol({"year_income"});
    int e = FindCol({"year_expense", "total"}), c = FindCol({"carryover"});
    if (e < 0)
      for (size_t k = s_.first_column; k < s_.columns.size() && k < s_.end_column; ++k)
        if (s_.columns[k].key == "year_expense") {
          e = static_cast<int>(k);
          break;
        }
    if (b < 0 || i < 0 || e < 0 || c < 0) return;
    for (const RowInfo& ri : rows_) {
      ParsedNumber n[4];
      const int cols[4] = {b, i, e, c};
      bool ok = true;
      for (int k = 0; k < 4; ++k)
        ok &= ReadSlot(Row(ri), static_cast<size_t>(cols[k]), &n[k]) == Kind::kNumber;
      if (!ok) continue;
      auto term = [&](int k, int sign) {
        return Term{n[k].value, sign, false,
                    s_.columns[static_cast<size_t>(cols[k])].label,
                    At(ri, static_cast<size_t>(cols[k]))};
      };
      sink_->ReportSum(
          "identity.carry", term(3, 1), {term(0, 1), term(1, 1), term(2, -1)},
          t_.id + " “" + ri.label + "”年初结转结余 + 本年收入 − 本年支出 与年末结转结余",
          UnitOf(static_cast<size_t>(c)));
    }
  }

  void Assets() {
    for (const char* measure : {"quantity", "original_value"}) {
      int o = FindCol({"opening", measure}), i = FindCol({"increase", measure});
      int d = FindCol({"decrease", measure}), c = FindCol({"closing", measure});
      if (o < 0 || i < 0 || d < 0 || c < 0) continue;
      for (const RowInfo& ri : rows_) {
        ParsedNumber n[4];
        int cols[4] = {o, i, d, c};
        bool ok = true;
        for (int k = 0; k < 4; ++k)
          ok &= ReadSlot(Row(ri), static_cast<size_t>(cols[k]), &n[k]) == Kind::kNumber;
        if (!ok) continue;
        Term st{n[3].value, 1, false, "期末", At(ri, static_cast<size_t>(c))};
        std::vector<Term> parts = {
            {n[0].value, 1, false, "期初", At(ri, static_cast<size_t>(o))},
            {n[1].value, 1, false, "本期增加", At(ri, static_cast<size_t>(i))},
            {n[2].value, -1, false, "本期减少", At(ri, static_cast<size_t>(d))}};
        if (std::string(measure) == "quantity") {
          st.exact = true;
          for (Term& p : parts) p.exact = true;
        }
        std::string what = t_.id + " “" + ri.label + "”" +
                           (std::string(measure) == "quantity" ? "数量" : "原值") +
                           "：期初 + 本期增加 − 本期减少 与期末";
        sink_->ReportSum("identity.assets", st, parts, what,
                         std::string(measure) == "quantity" ? "" : t_.unit.text);
      }
    }
    int orig = FindCol({"closing", "original_value"});
    int dep = FindCol({"depreciation"}), net = FindCol({"net_value"});
    if (orig < 0 || dep < 0 || net < 0) return;
    for (const RowInfo& ri : rows_) {
      ParsedNumber a, b, n;
      if (ReadSlot(Row(ri), static_cast<size_t>(orig), &a) != Kind::kNumber ||
          ReadSlot(Row(ri), static_cast<size_t>(dep), &b) != Kind::kNumber ||
          ReadSlot(Row(ri), static_cast<size_t>(net), &n) != Kind::kNumber)
        continue;
      Term st{n.value, 1, false, "净值", At(ri, static_cast<size_t>(net))};
      std::vector<Term> parts = {
          {a.value, 1, false, "原值", At(ri, static_cast<size_t>(orig))},
          {b.value, -1, false, "累计折旧", At(ri, static_cast<size_t>(dep))}};
      sink_->ReportSum("identity.net_value", st, parts,
                       t_.id + " “" + ri.label + "”原值 − 累计折旧 与净值", t_.unit.text);
    }
  }

  void Rates() {
    auto col = [&](std::string_view key) {
      for (size_t c = s_.first_column; c < s_.columns.size() && c < s_.end_column; ++c)
        if (s_.columns[c].key == key) return static_cast<int>(c);
      return -1;
    };
    struct Pair {
      int rate, num, den;
    };
    int base = col("budget_adjusted");
    if (base < 0) base = col("budget_amount");
    if (base < 0) base = col("budget_initial");
    std::vector<Pair> pairs = {{col("rate"), col("budget_final"), base},
                               {col("carryover_rate"), col("carryover"), base}};
    for (const Pair& p : pairs) {
      if (p.rate < 0 || p.num < 0 || p.den < 0) continue;
      for (const RowInfo& ri : rows_) {
        ParsedNumber r, a, b;
        if (ReadSlot(Row(ri), static_cast<size_t>(p.rate), &r) != Kind::kNumber ||
            ReadSlot(Row(ri), static_cast<size_t>(p.num), &a) != Kind::kNumber ||
            ReadSlot(Row(ri), static_cast<size_t>(p.den), &b) != Kind::kNumber)
          continue;
        if (!r.percent) continue;
        RateOutcome o;
        if (!CompareRate("ratio", a.value, b.value, r, &o)) continue;
        Location at = At(ri, static_cast<size_t>(p.rate));
        sink_->Checked(at);
        sink_->Checked(At(ri, static_cast<size_t>(p.num)));
        sink_->Checked(At(ri, static_cast<size_t>(p.den)));
        if (o.consistent) continue;
        Finding& f =
            sink_->Add("rate.table", Severity::kError, at,
                       t_.id + " “" + ri.label + "”" +
                           s_.columns[static_cast<size_t>(p.rate)].label + "不符：填报 " +
                           r.comparator + Num(r.value) + "%，按 " + Num(a.value) + " / " +
                           Num(b.value) + " 计算为 " + Num(o.computed) + "%");
        f.has_numbers = true;
        f.stated = r.value;
        f.computed = o.computed;
        f.difference = o.difference;
        f.tolerance = o.tolerance;
        f.unit = "%";
        f.involved = {at, At(ri, static_cast<size_t>(p.num)),
                      At(ri, static_cast<size_t>(p.den))};
      }
    }
  }

  // 决算 above the (adjusted) budget it executes: possible, but it needs a
  // reason, so it is worth a warning.
  void Overspend() {
    auto col = [&](std::string_view key) {
      for (size_t c = s_.first_column; c < s_.columns.size() && c < s_.end_column; ++c)
        if (s_.columns[c].key == key) return static_cast<int>(c);
      return -1;
    };
    int fin = col("budget_final");
    int base = col("budget_adjusted");
    if (base < 0) base = col("budget_amount");
    if (fin < 0 || base < 0) return;
    for (const RowInfo& ri : rows_) {
      ParsedNumber a, b;
      if (ReadSlot(Row(ri), static_cast<size_t>(fin), &a) != Kind::kNumber ||
          ReadSlot(Row(ri), static_cast<size_t>(base), &b) != Kind::kNumber)
        continue;
      Term budget{b.value, 1, false, "预算", At(ri, static_cast<size_t>(base))};
      Term spent{a.value, 1, false, "决算", At(ri, static_cast<size_t>(fin))};
      SumOutcome o = CompareSum(budget, {spent});
      if (o.consistent || CompareDecimal(o.difference, Decimal{0, 0}) <= 0) continue;
      Finding& f = sink_->Add(
          "budget.overspend", Severity::kWarning, spent.at,
          t_.id + " “" + ri.label + "”" + s_.columns[static_cast<size_t>(fin)].label +
              " " + Num(a.value) + " 超过" + s_.columns[static_cast<size_t>(base)].label +
              " " + Num(b.value));
      f.has_numbers = true;
      f.stated = a.value;
      f.computed = b.value;
      SubDecimal(b.value, a.value, &f.difference);
      f.tolerance = o.tolerance;
      f.unit = UnitOf(static_cast<size_t>(fin));
      f.involved = {spent.at, budget.at};
    }
  }

  // 资金支出计划（%）| 3月底 | 6月底 …: each row of shares adds up to 100%,
  // or climbs to 100% when the plan is cumulative.
  void Partition() {
    std::vector<size_t> periods;
    for (size_t c = s_.first_column; c < s_.columns.size() && c < s_.end_column; ++c)
      if (s_.columns[c].key == "plan_period") periods.push_back(c);
    if (periods.size() < 2) return;
    for (const TypedRow& row : s_.rows) {
      if (row.header) continue;
      std::vector<Term> parts;
      int known = 0;
      bool cumulative = true;
      Decimal prev{0, 0};
      bool bad = false;
      for (size_t c : periods) {
        ParsedNumber n;
        Kind slot = ReadSlot(row, c, &n);
        if (slot == Kind::kText || slot == Kind::kNotApplicable) bad = true;
        Term term;
        term.label = s_.columns[c].label;
        term.at = t_.At(row, c);
        term.exact = true;  // shares of a plan are allocated, not measured
        term.blank = slot != Kind::kNumber;
        if (slot == Kind::kNumber) {
          term.value = n.value;
          ++known;
          if (CompareDecimal(n.value, prev) < 0) cumulative = false;
          prev = n.value;
        }
        parts.push_back(term);
      }
      if (bad || known < 2) continue;
      if (cumulative && known == static_cast<int>(periods.size()) &&
          CompareDecimal(prev, Decimal{100, 0}) == 0) {
        sink_->Checked(parts);
        continue;  // a cumulative plan that reaches 100%
      }
      // 100% is the requirement itself: exact.
      Term hundred{Decimal{100, 0}, 1, false, "100%", parts.front().at};
      hundred.exact = true;
      sink_->ReportSum("percent.partition", hundred, parts,
                       t_.id + " 资金支出计划各期占比之和与 100%", "%",
                       /*requirement=*/true);
    }
  }

  Sink* sink_;
  const Patterns& patterns_;
  const TypedTable& t_;
  const TypedSection& s_;
  int label_col_ = -1;
  std::vector<RowInfo> rows_;
  std::vector<size_t> cols_;
};

}  // namespace

void TableRules(const Context& ctx, Sink* sink) {
  for (const TypedTable& t : ctx.ex.tables)
    for (const TypedSection& s : t.sections) SectionRules(sink, ctx.patterns, t, s).Run();
}

}  // namespace jx::validate
