// Across the tables of one disclosure: a figure one table repeats from
// another (the 功能分类表's 合计 is the 财政拨款收支总表's 一般公共预算 支出总计;
// its 基本支出 is the 经济分类表's 合计 …). Tables are matched by their titles
// (patterns/disclosure.txt) and cells by row label and column key; a genre
// printed twice, a unit not stated or a row not found leaves the pair alone.
#include <map>
#include <set>

#include "validate/check.h"
#include "validate/disclosure.h"

namespace jx::validate {
namespace {

using Kind = TypedCell::Kind;

// One printed cell, in 元 with its rounding radius.
struct Cell {
  const TypedTable* t = nullptr;
  const TypedRow* r = nullptr;
  size_t c = 0;
  std::string what;  // "t8 “合计”人员经费"
  ParsedNumber n;
  Decimal yuan, half;
};

bool Read(const TypedTable& t, const TypedSection& s, const TypedRow& r, size_t c,
          Cell* out) {
  const TypedCell& cell = r.Cell(c);
  if (cell.kind != Kind::kNumber || cell.number.percent) return false;
  const UnitInfo& u = c < s.columns.size() ? s.columns[c].unit : t.unit;
  // Without a stated money unit the pair cannot be put side by side.
  if (u.kind != "money") return false;
  if (!extract::ToYuan(cell.number, u, &out->yuan)) return false;
  ParsedNumber half;
  half.value = HalfUlp(cell.number.value);
  if (!extract::ToYuan(half, u, &out->half)) return false;
  out->t = &t;
  out->r = &r;
  out->c = c;
  out->n = cell.number;
  // A 合计 printed in a code column leaves the label empty: the row says it.
  const std::string& label = r.label.empty() ? r.code_label.str() : r.label;
  out->what = t.id +
              (label.empty() ? " 第" + std::to_string(r.row + 1) + "行"
                             : " “" + label + "”") +
              (c < s.columns.size() ? s.columns[c].label : std::string());
  return true;
}

int KeyColumn(const TypedSection& s, std::string_view key) {
  for (size_t c = s.first_column; c < s.columns.size() && c < s.end_column; ++c)
    if (s.columns[c].key == key) return static_cast<int>(c);
  return -1;
}

// The tables of a document by genre; a genre printed more than once (two
// units' tables in one file) is no pair.
class Index {
 public:
  explicit Index(const Context& ctx) {
    for (const TypedTable& t : ctx.ex.tables) {
      std::string g = TableGenre(ctx.patterns, t);
      if (!g.empty()) by_[g].push_back(&t);
    }
  }
  const TypedTable* One(const std::string& genre) const {
    auto it = by_.find(genre);
    return it != by_.end() && it->second.size() == 1 ? it->second.front() : nullptr;
  }

 private:
  std::map<std::string, std::vector<const TypedTable*>> by_;
};

// The 合计 row of a one-sided table: its last total row without a code.
bool TotalCell(const TypedTable* t, std::string_view key, Cell* out) {
  if (!t) return false;
  for (const TypedSection& s : t->sections) {
    if (s.header_rows == 0 || s.two_sided) continue;
    int c = KeyColumn(s, key);
    if (c < 0) continue;
    for (auto it = s.rows.rbegin(); it != s.rows.rend(); ++it)
      if (!it->header && it->total && it->code_level == 0 && it->numeric)
        return Read(*t, s, *it, static_cast<size_t>(c), out);
  }
  return false;
}

// A cell of the 支出 (right) or 收入 (left) side of a 收支总表, on the row
// whose label `row` names, in the column `key` (or the side's first amount
// column when `key` is empty).
bool SideCell(const Context& ctx, const TypedTable* t, bool income, bool year_first,
              std::string_view key, Cell* out, std::string_view row_name = "") {
  if (!t) return false;
  std::map<int, std::vector<const TypedSection*>> by;
  for (const TypedSection& s : t->sections)
    if (s.two_sided && s.header_rows > 0) by[s.section].push_back(&s);
  for (auto& [id, v] : by) {
    if (v.size() != 2) continue;
    const TypedSection& s = *v[income ? 0 : 1];
    int c = -1;
    if (!key.empty()) {
      c = KeyColumn(s, key);
    } else {
      for (size_t k = s.first_column; k < s.columns.size() && k < s.end_column; ++k)
        if (static_cast<int>(k) != s.label_column && s.columns[k].key != "item" &&
            s.columns[k].summed) {
          c = static_cast<int>(k);
          break;
        }
    }
    if (c < 0) continue;
    const TypedRow* grand = nullptr;
    const TypedRow* year = nullptr;
    const TypedRow* named = nullptr;
    for (const TypedRow& r : s.rows) {
      if (r.header) continue;
      if (!grand && GrandTotalLabel(ctx.patterns, r.label)) grand = &r;
      if (!year && YearTotalLabel(ctx.patterns, r.label)) year = &r;
      if (!named && !row_name.empty() &&
          ctx.patterns.file("disclosure")->Matches(row_name, r.label))
        named = &r;
    }
    // Wanted: the year's own total. A side without one whose 总计 adds money
    // carried between years (上年结转, 年末结转和结余) has none to give.
    if (row_name.empty() && year_first && !year) {
      const PatternFile& w = *ctx.patterns.file("disclosure");
      for (const TypedRow& r : s.rows)
        if (!r.header &&
            (w.Matches("income_carry", r.label) || w.Matches("expense_carry", r.label)))
          return false;
    }
    const TypedRow* r = !row_name.empty() ? named : year_first && year ? year : grand;
    if (r) return Read(*t, s, *r, static_cast<size_t>(c), out);
  }
  return false;
}

class Cross {
 public:
  Cross(const Context& ctx, Sink* sink) : ctx_(ctx), sink_(sink), idx_(ctx) {}

  void Run() {
    const TypedTable* balance = idx_.One("table_balance");
    const TypedTable* fiscal = idx_.One("table_fiscal_balance");
    const TypedTable* function = idx_.One("table_function");
    const TypedTable* economic = idx_.One("table_economic");
    const TypedTable* income = idx_.One("table_income");
    const TypedTable* expense = idx_.One("table_expense");
    const TypedTable* sangong = idx_.One("table_sangong");
    Cell a, b;
    // 一般公共预算 支出: the 功能分类表 totals what the 财政拨款收支总表 spends.
    if (TotalCell(function, "total", &a) &&
        SideCell(ctx_, fiscal, false, true, "source_general", &b))
      Equal(a, b, Severity::kError, "");
    // 财政拨款收入: the 总表's row is what the 财政拨款收支总表 receives.
    if (SideCell(ctx_, balance, true, false, "", &a, "fiscal_income_row") &&
        SideCell(ctx_, fiscal, true, true, "", &b))
      Equal(a, b, Severity::kError, "");
    // 基本支出 of the 一般公共预算: the 经济分类表 is its breakdown.
    if (TotalCell(function, "expenditure_basic", &a) && TotalCell(economic, "total", &b))
      Equal(a, b, Severity::kError, "");
    // 收入/支出 表 合计 against the 总表's 本年 (or total) row.
    if (TotalCell(income, "total", &a) && SideCell(ctx_, balance, true, true, "", &b))
      Equal(a, b, Severity::kError, "");
    if (TotalCell(expense, "total", &a) &&
        (SideCell(ctx_, balance, false, true, "total", &b) ||
         SideCell(ctx_, balance, false, true, "", &b)))
      Equal(a, b, Severity::kError, "");
    // A 决算's 经济分类表 has no 合计 row: its 人员经费合计 and 公用经费合计 are.
    if (!TotalCell(economic, "total", &b)) EconomicSplit(function, economic);
    // The 总表 splits 基本支出 over all funds, the 经济分类表 over the
    // 一般公共预算 only: the same only when all spending is 一般公共预算.
    bool general_only = false;
    Cell all, general;
    if ((SideCell(ctx_, balance, false, false, "total", &all) ||
         SideCell(ctx_, balance, false, false, "", &all)) &&
        TotalCell(function, "total", &general))
      general_only = SamePrinted(all.yuan, all.half, general.yuan, general.half);
    const Severity split = general_only ? Severity::kError : Severity::kWarning;
    const std::string split_doubt =
        general_only ? "" : "总表含一般公共预算以外的资金时两者可以不同";
    for (const char* key : {"personnel", "public_funds"})
      if (SideCell(ctx_, balance, false, false, key, &a) && TotalCell(economic, key, &b))
        Equal(a, b, split, split_doubt);
    StatedTotals(balance, fiscal, function);
    // 机关运行经费 is the 公用经费 of the 一般公共预算 基本支出 for 行政单位 and
    // 参公单位; other units may differ, so this is a warning.
    const std::string running_doubt =
        "机关运行经费通常等于一般公共预算基本支出中的公用经费";
    if (RunningCost(sangong, &a)) {
      if (TotalCell(economic, "public_funds", &b))
        Equal(a, b, Severity::kWarning, running_doubt);
      if (SideCell(ctx_, balance, false, false, "public_funds", &b))
        Equal(a, b, Severity::kWarning, running_doubt);
    }
  }

 private:
  // A total the 编制说明 states against the cell of the table it names. A
  // 总表 side that carries money between years has two totals; "收入预算"
  // could be either, so such a side is left alone unless the words say 总计.
  void StatedTotals(const TypedTable* balance, const TypedTable* fiscal,
                    const TypedTable* function) {
    const DocInfo& info = ctx_.ex.info;
    if (info.kind != "budget_disclosure" && info.kind != "final_account_disclosure")
      return;
    for (const Figure& f : ctx_.ex.stated) {
      if (!f.has_yuan) continue;
      const std::string& n = f.name;
      Cell cell;
      bool found = false;
      if (n == "text_income_total" || n == "text_balance_total")
        found =
            !Carries(balance, true, n) && SideCell(ctx_, balance, true, false, "", &cell);
      else if (n == "text_expense_total")
        found = !Carries(balance, false, n) &&
                (SideCell(ctx_, balance, false, false, "total", &cell) ||
                 SideCell(ctx_, balance, false, false, "", &cell));
      else if (n == "text_income_year")
        found = SideCell(ctx_, balance, true, true, "", &cell) &&
                YearTotalLabel(ctx_.patterns, cell.r->label);
      else if (n == "text_expense_year")
        found = (SideCell(ctx_, balance, false, true, "total", &cell) ||
                 SideCell(ctx_, balance, false, true, "", &cell)) &&
                YearTotalLabel(ctx_.patterns, cell.r->label);
      else if (n == "text_fiscal_income")
        found = SideCell(ctx_, balance, true, false, "", &cell, "fiscal_income_row");
      else if (n == "text_fiscal_balance")
        found = SideCell(ctx_, fiscal, true, false, "", &cell);
      else if (n == "text_fiscal_expense")
        found = SideCell(ctx_, fiscal, false, true, "total", &cell) ||
                SideCell(ctx_, fiscal, false, true, "", &cell);
      else if (n == "text_general_expense")
        found = TotalCell(function, "total", &cell);
      else if (n.starts_with("text_sangong") || n == "text_running_cost")
        found = info.kind == "budget_disclosure" && SangongCell(n, &cell);
      if (!found) continue;
      Location at = cell.t->At(*cell.r, cell.c);
      sink_->Checked(at);
      sink_->Checked(f.where);
      Decimal half = HalfOfFigure(f);
      if (SamePrinted(f.yuan, half, cell.yuan, cell.half)) continue;
      Decimal diff;
      if (!SubDecimal(f.yuan, cell.yuan, &diff)) continue;
      Finding& out = sink_->Add(
          "disclosure.text_table", Severity::kError, f.where,
          "文中“" + f.label + "”" + Num(f.number.value) + f.unit.text + "，与 " +
              cell.what + " " + Num(cell.n.value) + " 不符，相差 " + Num(diff) + " 元");
      out.has_numbers = true;
      out.stated = f.yuan;
      out.computed = cell.yuan;
      out.difference = diff;
      AddDecimal(half, cell.half, &out.tolerance);
      out.unit = "元";
      out.evidence = {f.evidence, cell.what + " " + Num(cell.n.value)};
      out.involved = {f.where, at};
    }
  }

  // The cell of a budget's “三公” table the text's words name, by header
  // path: 合计 is the total outside the 公务用车 group, its 小计 the one
  // inside. A table with 预算数 and 决算数 side by side is left alone.
  bool SangongCell(const std::string& n, Cell* out) {
    const TypedTable* t = idx_.One("table_sangong");
    if (!t) return false;
    for (const TypedSection& s : t->sections) {
      if (s.header_rows == 0) continue;
      int col = -1;
      bool final_measure = false;
      for (size_t c = s.first_column; c < s.columns.size() && c < s.end_column; ++c) {
        const TypedColumn& k = s.columns[c];
        final_measure |= k.HasPathKey("budget_final");
        bool total = k.HasPathKey("total"), vehicle = k.HasPathKey("sangong_vehicle");
        bool hit = n == "text_sangong" ? total && !vehicle
                   : n == "text_sangong_vehicle"
                       ? vehicle && (total || k.key == "sangong_vehicle")
                   : n == "text_sangong_abroad"    ? k.key == "sangong_abroad"
                   : n == "text_sangong_purchase"  ? k.key == "sangong_purchase"
                   : n == "text_sangong_running"   ? k.key == "sangong_running"
                   : n == "text_sangong_reception" ? k.key == "sangong_reception"
                                                   : k.key == "running_cost";
        if (hit && col < 0) col = static_cast<int>(c);
      }
      if (col < 0 || final_measure) continue;
      for (const TypedRow& r : s.rows)
        if (!r.header && r.numeric && Read(*t, s, r, static_cast<size_t>(col), out)) {
          out->what = t->id + " " + s.columns[static_cast<size_t>(col)].label;
          return true;
        }
    }
    return false;
  }

  // The 决算 template's 基本支出决算表 ends in one row, 人员经费合计 in its left
  // half and 公用经费合计 in its right (or in two rows of those labels): the
  // two are the 功能分类表's 合计 基本支出. The right half's label is not
  // read, so a sum resting on it is a warning naming that.
  void EconomicSplit(const TypedTable* function, const TypedTable* economic) {
    Cell basic;
    if (!economic || !TotalCell(function, "expenditure_basic", &basic)) return;
    const PatternFile& w = *ctx_.patterns.file("disclosure");
    for (const TypedSection& s : economic->sections) {
      if (s.header_rows == 0 || s.two_sided) continue;
      std::vector<size_t> amounts;  // the columns holding amounts, left first
      for (size_t c = s.first_column; c < s.columns.size() && c < s.end_column; ++c) {
        if (static_cast<int>(c) == s.label_column || s.columns[c].key.starts_with("code"))
          continue;
        for (const TypedRow& r : s.rows)
          if (!r.header && r.Cell(c).kind == Kind::kNumber) {
            amounts.push_back(c);
            break;
          }
      }
      if (amounts.empty() || amounts.size() > 2) continue;
      Cell personnel, pub;
      bool has_personnel = false, has_public = false, from_half = false;
      for (const TypedRow& r : s.rows) {
        if (r.header) continue;
        const std::string& label = r.label.empty() ? r.code_label.str() : r.label;
        if (!has_personnel && w.Matches("personnel_row", label)) {
          has_personnel = Read(*economic, s, r, amounts[0], &personnel);
          if (!has_public && amounts.size() == 2)
            from_half = has_public = Read(*economic, s, r, amounts[1], &pub);
        } else if (w.Matches("public_row", label) &&
                   Read(*economic, s, r, amounts[0], &pub)) {
          has_public = true;
          from_half = false;
        }
      }
      if (!has_personnel || !has_public) continue;
      auto term = [](const Cell& c, const std::string& label) {
        Term t;
        t.value = c.yuan;
        t.has_half = true;
        t.half = c.half;
        t.label = label;
        t.at = c.t->At(*c.r, c.c);
        return t;
      };
      Finding* f = sink_->ReportSum(
          "disclosure.cross_table", term(basic, basic.what),
          {term(personnel, personnel.what), term(pub, pub.what)},
          basic.what + " 与 " + economic->id + " 人员经费合计与公用经费合计", "元");
      if (f && from_half && f->severity == Severity::kError) {
        f->severity = Severity::kWarning;
        f->message += "（公用经费合计按财政部模板取自人员经费合计行的右半表）";
      }
      return;
    }
  }

  // Whether a 总表 side has rows carrying money between years, unless the
  // text's words name the 总计 itself.
  bool Carries(const TypedTable* t, bool income, const std::string& name) const {
    if (!t || name == "text_balance_total") return false;
    const PatternFile& w = *ctx_.patterns.file("disclosure");
    for (const TypedSection& s : t->sections)
      if (s.two_sided)
        for (const TypedRow& r : s.rows)
          if (!r.header && w.Matches(income ? "income_carry" : "expense_carry", r.label))
            return true;
    return false;
  }

  static Decimal HalfOfFigure(const Figure& f) {
    ParsedNumber half;
    half.value = HalfUlp(f.number.value);
    Decimal out;
    if (!extract::ToYuan(half, f.unit, &out)) return Decimal{0, 0};
    return out;
  }

  bool RunningCost(const TypedTable* t, Cell* out) {
    if (!t) return false;
    for (const TypedSection& s : t->sections) {
      int c = KeyColumn(s, "running_cost");
      if (s.header_rows == 0 || c < 0) continue;
      for (const TypedRow& r : s.rows)
        if (!r.header && r.numeric && Read(*t, s, r, static_cast<size_t>(c), out)) {
          out->what = t->id + " " + s.columns[static_cast<size_t>(c)].label;
          return true;
        }
    }
    return false;
  }

  void Equal(const Cell& a, const Cell& b, Severity sev, const std::string& doubt) {
    Location la = a.t->At(*a.r, a.c), lb = b.t->At(*b.r, b.c);
    sink_->Checked(la);
    sink_->Checked(lb);
    if (SamePrinted(a.yuan, a.half, b.yuan, b.half)) return;
    Decimal diff;
    if (!SubDecimal(b.yuan, a.yuan, &diff)) return;
    std::string msg = a.what + " " + Num(a.n.value) + " 与 " + b.what + " " +
                      Num(b.n.value) + " 应相等，相差 " + Num(diff) + " 元";
    if (!doubt.empty()) msg += "（" + doubt + "）";
    Finding& f = sink_->Add("disclosure.cross_table", sev, la, msg);
    f.has_numbers = true;
    f.stated = a.yuan;
    f.computed = b.yuan;
    f.difference = diff;
    AddDecimal(a.half, b.half, &f.tolerance);
    f.unit = "元";
    f.evidence = {a.what + " " + Num(a.n.value), b.what + " " + Num(b.n.value)};
    f.involved = {la, lb};
  }

  const Context& ctx_;
  Sink* sink_;
  Index idx_;
};

}  // namespace

void CrossTableRules(const Context& ctx, Sink* sink) { Cross(ctx, sink).Run(); }

void DisclosureCoverage(const Context& ctx, Validation* v) {
  std::set<std::string> checked;
  for (const Location& l : v->checked)
    if (!l.table.empty()) checked.insert(l.table);
  for (const TypedTable& t : ctx.ex.tables) {
    if (checked.count(t.id) || TableGenre(ctx.patterns, t).empty()) continue;
    int numbers = 0, headers = 0;
    for (const TypedSection& s : t.sections) {
      headers += s.header_rows > 0;
      // Codes (205, 20502) are printed as digits but are no amounts.
      for (const TypedRow& r : s.rows)
        for (size_t c = 0; c < r.cells.size(); ++c)
          numbers += r.cells[c].kind == Kind::kNumber &&
                     (c >= s.columns.size() || s.columns[c].code_part == 0);
    }
    std::string why = numbers == 0   ? "表中没有数字（空表或模板）"
                      : headers == 0 ? "未识别表头，不知各列为何数"
                                     : "未能确定其行列之间的加总关系";
    Finding f;
    f.rule = "disclosure.not_checked";
    f.severity = Severity::kInfo;
    f.message = t.id + "《" + t.title + "》未核对：" + why;
    f.where.file = t.file;
    if (!t.sections.empty() && !t.sections.front().rows.empty()) {
      const TypedRow& r = t.sections.front().rows.front();
      f.where = t.At(r, 0);
      f.where.column = -1;
    }
    v->findings.push_back(std::move(f));
  }
}

}  // namespace jx::validate
