// 预算/决算 disclosures: the balance of a 收支总表 (each side closes, 收入总计
// = 支出总计), 基本支出 = 人员经费 + 公用经费 as rows, and the figures one
// table repeats from another. Tables are known by their titles and rows by
// their labels (patterns/disclosure.txt), never by position; where a table or
// a row cannot be placed, nothing is compared.
#include <map>
#include <set>

#include "validate/check.h"
#include "validate/disclosure.h"

namespace jx::validate {
namespace {

using Kind = TypedCell::Kind;

const PatternFile& Words(const Patterns& p) { return *p.file("disclosure"); }

bool NumberAt(const TypedRow& r, size_t c, ParsedNumber* n) {
  const TypedCell& cell = r.Cell(c);
  if (cell.kind != Kind::kNumber || cell.number.percent) return false;
  *n = cell.number;
  return true;
}

// The amount columns of a section: summed, not the label, a number somewhere.
std::vector<size_t> ValueColumns(const TypedSection& s) {
  std::vector<size_t> out;
  for (size_t c = s.first_column; c < s.columns.size() && c < s.end_column; ++c) {
    if (static_cast<int>(c) == s.label_column || !s.columns[c].summed) continue;
    if (s.columns[c].code_part != 0 || s.columns[c].key == "item") continue;
    for (const TypedRow& r : s.rows) {
      ParsedNumber n;
      if (!r.header && NumberAt(r, c, &n)) {
        out.push_back(c);
        break;
      }
    }
  }
  return out;
}

Term TermOf(const TypedTable& t, const TypedRow& r, size_t c, const std::string& label) {
  Term term;
  term.label = label;
  term.at = t.At(r, c);
  ParsedNumber n;
  if (NumberAt(r, c, &n))
    term.value = n.value;
  else
    term.blank = true;
  return term;
}

// One side of a 收支总表: its grand total, its year total and the rows
// carrying money between years.
struct Side {
  const TypedSection* s = nullptr;
  const TypedRow* grand = nullptr;
  const TypedRow* year = nullptr;
  std::vector<const TypedRow*> carry;
};

Side ReadSide(const Patterns& p, const TypedSection& s, bool income) {
  const PatternFile& w = Words(p);
  Side side;
  side.s = &s;
  std::vector<const TypedRow*> carry;
  for (const TypedRow& r : s.rows) {
    if (r.header || r.label.empty()) continue;
    if (w.Matches("grand_total", r.label)) {
      if (!side.grand) side.grand = &r;
      continue;
    }
    if (w.Matches("year_total", r.label)) {
      side.year = &r;
      continue;
    }
    if (side.year && !side.grand &&
        w.Matches(income ? "income_carry" : "expense_carry", r.label))
      side.carry.push_back(&r);
  }
  return side;
}

// The two sides of each two-sided layout section, left (收入) then right (支出).
std::vector<std::pair<const TypedSection*, const TypedSection*>> SidePairs(
    const TypedTable& t) {
  std::map<int, std::vector<const TypedSection*>> by;
  for (const TypedSection& s : t.sections)
    if (s.two_sided && s.header_rows > 0) by[s.section].push_back(&s);
  std::vector<std::pair<const TypedSection*, const TypedSection*>> out;
  for (auto& [id, v] : by)
    if (v.size() == 2) out.push_back({v[0], v[1]});
  return out;
}

// A side's grand total as a label says which side it closes: "收入总计" on
// the right is a misread, not a 支出 figure.
bool GrandOnItsSide(const Patterns& p, const TypedRow& r, bool income) {
  const PatternFile& w = Words(p);
  return !w.Matches(income ? "expense_side" : "income_side", r.label);
}

void Demote(Finding* f, const std::string& doubt) {
  if (!f || f->severity != Severity::kError) return;
  f->severity = Severity::kWarning;
  f->message += "（" + doubt + "）";
}

class Balance {
 public:
  Balance(const Context& ctx, Sink* sink, const TypedTable& t)
      : ctx_(ctx), sink_(sink), t_(t) {}

  void Run() {
    const std::string genre = TableGenre(ctx_.patterns, t_);
    known_ = genre == "table_balance" || genre == "table_fiscal_balance";
    for (auto [left, right] : SidePairs(t_)) {
      Side in = ReadSide(ctx_.patterns, *left, true);
      Side out = ReadSide(ctx_.patterns, *right, false);
      if (!known_ && !(in.grand && out.grand)) continue;
      Closes(in, "收入");
      Closes(out, "支出");
      Across(in, out);
    }
  }

 private:
  // 总计 = 本年合计 + the rows carried between years, in every amount column.
  void Closes(const Side& side, const std::string& name) {
    if (!side.grand || !side.year) return;
    for (size_t c : ValueColumns(*side.s)) {
      Term st = TermOf(t_, *side.grand, c, side.grand->label);
      if (st.blank) continue;
      std::vector<Term> parts = {TermOf(t_, *side.year, c, side.year->label)};
      for (const TypedRow* r : side.carry) parts.push_back(TermOf(t_, *r, c, r->label));
      Finding* f = sink_->ReportSum(
          "sum.balance", st, parts,
          t_.id + " " + name + "方“" + side.grand->label + "”与本年合计及结转结余",
          UnitOf(*side.s, c));
      if (!known_) Demote(f, "表名未识别为收支总表");
    }
  }

  // 收入总计 = 支出总计: the income side's amount against the expense side's
  // 合计 column (its first amount column when it has none).
  void Across(const Side& in, const Side& out) {
    if (!in.grand || !out.grand) return;
    if (!GrandOnItsSide(ctx_.patterns, *in.grand, true) ||
        !GrandOnItsSide(ctx_.patterns, *out.grand, false))
      return;
    std::vector<size_t> in_cols = ValueColumns(*in.s), out_cols = ValueColumns(*out.s);
    if (in_cols.empty() || out_cols.empty()) return;
    size_t out_col = out_cols.front();
    for (size_t c : TotalColumns(*out.s))
      if (ColumnParts(*out.s, c).size() >= 2) {
        out_col = c;
        break;
      }
    Term st = TermOf(t_, *out.grand, out_col, out.grand->label);
    Term part = TermOf(t_, *in.grand, in_cols.front(), in.grand->label);
    if (st.blank || part.blank) return;
    Finding* f = sink_->ReportSum(
        "sum.balance", st, {part},
        t_.id + " 支出方“" + out.grand->label + "”与收入方“" + in.grand->label + "”",
        UnitOf(*out.s, out_col));
    if (!known_) Demote(f, "表名未识别为收支总表");
  }

  std::string UnitOf(const TypedSection& s, size_t c) const {
    return c < s.columns.size() ? s.columns[c].unit.text : t_.unit.text;
  }

  const Context& ctx_;
  Sink* sink_;
  const TypedTable& t_;
  bool known_ = false;
};

// "基本支出" rows followed by their "人员经费" and "公用经费" rows (the 经济分类
// 决算表 ends so; some 总表 list them): the whole against its two parts.
void BasicRows(const Context& ctx, Sink* sink, const TypedTable& t,
               const TypedSection& s) {
  if (s.header_rows == 0 || s.indicator_grid || s.coded) return;
  const PatternFile& w = Words(ctx.patterns);
  std::vector<const TypedRow*> rows;
  for (const TypedRow& r : s.rows)
    if (!r.header && r.numeric) rows.push_back(&r);
  for (size_t i = 0; i + 2 < rows.size(); ++i) {
    const TypedRow& whole = *rows[i];
    if (!w.Matches("basic_row", whole.label)) continue;
    const TypedRow* personnel = nullptr;
    const TypedRow* public_funds = nullptr;
    for (size_t j = i + 1; j < rows.size() && j <= i + 2; ++j) {
      if (w.Matches("personnel_row", rows[j]->label)) personnel = rows[j];
      if (w.Matches("public_row", rows[j]->label)) public_funds = rows[j];
    }
    if (!personnel || !public_funds) continue;
    for (size_t c : ValueColumns(s)) {
      Term st = TermOf(t, whole, c, whole.label);
      if (st.blank) continue;
      std::string unit = c < s.columns.size() ? s.columns[c].unit.text : t.unit.text;
      sink->ReportSum("sum.basic", st,
                      {TermOf(t, *personnel, c, personnel->label),
                       TermOf(t, *public_funds, c, public_funds->label)},
                      t.id + " “" + whole.label + "”与人员经费、公用经费", unit);
    }
  }
}

}  // namespace

std::string TableGenre(const Patterns& p, const TypedTable& t) {
  if (t.title.empty()) return "";
  // The file names rows and statements too: only a table_ name is a genre.
  std::string g(Words(p).FirstName(t.title));
  return g.starts_with("table_") ? g : "";
}

bool YearTotalLabel(const Patterns& p, std::string_view label) {
  return Words(p).Matches("year_total", label);
}

bool GrandTotalLabel(const Patterns& p, std::string_view label) {
  return Words(p).Matches("grand_total", label);
}

void DisclosureRules(const Context& ctx, Sink* sink) {
  for (const TypedTable& t : ctx.ex.tables) {
    Balance(ctx, sink, t).Run();
    for (const TypedSection& s : t.sections) BasicRows(ctx, sink, t, s);
  }
  CrossTableRules(ctx, sink);
  DisclosureTextRules(ctx, sink);
}

}  // namespace jx::validate
