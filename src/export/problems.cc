// The 问题清单 an auditor hands back to the units, and the summary tables
// by unit and by rule: both read the Documents and Findings sheets, so the
// extract workbook and the store's report give the same.
#include <algorithm>
#include <array>
#include <map>

#include "base/text.h"
#include "export/book.h"

namespace jx {
namespace {

struct Problem {
  std::string unit, file, table, title, item, message, rule, measure;
  std::string unit_key;  // SortKey(unit)
  int severity = 0;      // 0 error, 1 warning
  int64_t line = 0, page = 0, row = 0, column = 0;
  Value stated, computed, difference, tolerance;
  size_t order = 0;
};

const Sheet* Find(const std::vector<Sheet>& sheets, std::string_view name) {
  for (const Sheet& s : sheets)
    if (s.name == name) return &s;
  return nullptr;
}

int64_t IntOf(const Value& v) {
  return v.kind == Value::kNumber && v.number.scale == 0 ? v.number.units : 0;
}

// file → the unit (department) its Documents row names.
std::map<std::string, std::string> Units(const std::vector<Sheet>& sheets) {
  std::map<std::string, std::string> units;
  const Sheet* d = Find(sheets, "Documents");
  if (!d) return units;
  const size_t file = ColumnOf(*d, "file"), dept = ColumnOf(*d, "department");
  for (const auto& row : d->rows) units[AsText(At(row, file))] = AsText(At(row, dept));
  return units;
}

std::vector<Problem> Problems(const std::vector<Sheet>& sheets) {
  std::vector<Problem> out;
  const Sheet* f = Find(sheets, "Findings");
  if (!f) return out;
  const std::map<std::string, std::string> units = Units(sheets);
  auto col = [&](const char* name) { return ColumnOf(*f, name); };
  const size_t file = col("file"), rule = col("rule"), sev = col("severity"),
               msg = col("message"), stated = col("stated"), computed = col("computed"),
               diff = col("difference"), tol = col("tolerance"), unit = col("unit"),
               line = col("line"), page = col("page"), table = col("table"),
               row = col("row"), column = col("column"), title = col("table_title"),
               item = col("item");
  for (const auto& r : f->rows) {
    const std::string s = AsText(At(r, sev));
    if (s != "error" && s != "warning") continue;
    Problem p;
    p.file = AsText(At(r, file));
    auto u = units.find(p.file);
    p.unit = u == units.end() ? "" : u->second;
    p.severity = s == "error" ? 0 : 1;
    p.rule = AsText(At(r, rule));
    p.message = AsText(At(r, msg));
    p.measure = AsText(At(r, unit));
    p.table = AsText(At(r, table));
    p.title = AsText(At(r, title));
    p.item = AsText(At(r, item));
    p.line = IntOf(At(r, line));
    p.page = IntOf(At(r, page));
    p.row = IntOf(At(r, row));
    p.column = IntOf(At(r, column));
    p.stated = At(r, stated);
    p.computed = At(r, computed);
    p.difference = At(r, diff);
    p.tolerance = At(r, tol);
    for (Value* v : {&p.stated, &p.computed, &p.difference, &p.tolerance})
      v->link.clear();
    p.order = out.size();
    out.push_back(std::move(p));
  }
  // By unit (a document that names none last), errors before warnings, then
  // in the order the files and their findings came.
  for (Problem& p : out) p.unit_key = SortKey(p.unit);
  std::stable_sort(out.begin(), out.end(), [](const Problem& a, const Problem& b) {
    if (a.unit.empty() != b.unit.empty()) return b.unit.empty();
    if (a.unit_key != b.unit_key) return a.unit_key < b.unit_key;
    if (a.unit != b.unit) return a.unit < b.unit;
    if (a.severity != b.severity) return a.severity < b.severity;
    return a.order < b.order;
  });
  return out;
}

}  // namespace

void WriteProblems(Book* book, lxw_worksheet* ws, const std::vector<Sheet>& sheets,
                   const DrawnTables& drawn) {
  const Words& w = book->words();
  const char* keys[] = {"unit",     "file",       "table",     "item",    "stated",
                        "computed", "difference", "tolerance", "measure", "message",
                        "rule",     "rule_id",    "severity",  "review"};
  enum {
    kUnit,
    kFile,
    kTable,
    kItem,
    kStated,
    kComputed,
    kDiff,
    kTol,
    kMeasure,
    kMessage,
    kRule,
    kRuleId,
    kSeverity,
    kReview,
    kColumns
  };
  // The widest a column grows before its text wraps.
  const size_t caps[kColumns] = {20, 36, 28, 20, 0, 0, 0, 0, 10, 44, 22, 22, 10, 30};
  const std::vector<Problem> problems = Problems(sheets);
  // The texts first: the widths and row heights depend on all of them.
  std::vector<std::array<std::string, kColumns>> texts(problems.size());
  std::vector<size_t> widths(kColumns, 8);
  for (size_t c = 0; c < kColumns; ++c)
    widths[c] = std::max(
        widths[c],
        std::min<size_t>(TextWidth(w(std::string("problems.") + keys[c])), 16) + 2);
  for (size_t i = 0; i < problems.size(); ++i) {
    const Problem& p = problems[i];
    auto& t = texts[i];
    t[kUnit] = p.unit.empty() ? w("problems.no_unit") : p.unit;
    t[kFile] = p.file;
    t[kTable] = p.table;
    if (!p.title.empty()) t[kTable].append(" ").append(p.title);
    t[kItem] = p.item;
    if (t[kItem].empty() && p.row > 0)
      t[kItem] = w.Format("problems.row", std::to_string(p.row));
    // A PDF's line is counted on its page: the page goes first.
    if (t[kItem].empty() && p.table.empty() && p.line > 0)
      t[kItem] =
          (p.page > 0 ? w.Format("problems.page", std::to_string(p.page)) + " " : "") +
          w.Format("problems.line", std::to_string(p.line));
    t[kMeasure] = p.measure;
    t[kMessage] = p.message;
    t[kRule] = w("rule." + p.rule);
    t[kRuleId] = p.rule;
    t[kSeverity] =
        w(std::string("value.severity.") + (p.severity == 0 ? "error" : "warning"));
    for (size_t c = 0; c < kColumns; ++c)
      if (caps[c] > 0)
        widths[c] = std::max(widths[c], std::min(TextWidth(t[c]) + 2, caps[c]));
    const std::pair<size_t, const Value*> numbers[] = {{kStated, &p.stated},
                                                       {kComputed, &p.computed},
                                                       {kDiff, &p.difference},
                                                       {kTol, &p.tolerance}};
    for (const auto& [c, v] : numbers)
      if (v->kind == Value::kNumber)
        widths[c] = std::max(widths[c], NumberWidth(v->number, false, true) + 2);
  }
  widths[kReview] = caps[kReview];  // room for the auditor's words
  for (size_t c = 0; c < kColumns; ++c) {
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                         static_cast<double>(widths[c]), nullptr);
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c),
                           FitCell(w(std::string("problems.") + keys[c])).c_str(),
                           book->Header());
  }
  lxw_format* text = book->Text(Mark::kNone, true, true);
  for (size_t i = 0; i < problems.size(); ++i) {
    const Problem& p = problems[i];
    const auto& t = texts[i];
    const lxw_row_t r = static_cast<lxw_row_t>(i + 1);
    size_t lines = 1;
    for (size_t c = 0; c < kColumns; ++c)
      if (caps[c] > 0) lines = std::max(lines, WrappedLines(t[c], widths[c]));
    worksheet_set_row(ws, r, RowHeight(lines), nullptr);
    for (size_t c : {kUnit, kFile, kItem, kMeasure, kMessage, kRule, kRuleId})
      worksheet_write_string(ws, r, static_cast<lxw_col_t>(c), FitCell(t[c]).c_str(),
                             text);
    auto d = drawn.find({p.file, p.table});
    if (!p.table.empty() && d != drawn.end()) {
      // To the stated number in the table as printed.
      std::string link = CellLink(
          d->second.sheet,
          d->second.first_row + static_cast<size_t>(std::max<int64_t>(p.row - 1, 0)),
          static_cast<size_t>(std::max<int64_t>(p.column - 1, 0)));
      book->WriteLink(ws, r, kTable, link, t[kTable], text);
    } else {
      worksheet_write_string(ws, r, kTable, FitCell(t[kTable]).c_str(), text);
    }
    const std::pair<size_t, const Value*> numbers[] = {{kStated, &p.stated},
                                                       {kComputed, &p.computed},
                                                       {kDiff, &p.difference},
                                                       {kTol, &p.tolerance}};
    for (const auto& [c, v] : numbers)
      WriteValue(book, ws, r, static_cast<lxw_col_t>(c), *v, text,
                 book->Number(v->number.scale, false, true, Mark::kNone, true));
    worksheet_write_string(
        ws, r, kSeverity, FitCell(t[kSeverity]).c_str(),
        book->Text(p.severity == 0 ? Mark::kError : Mark::kWarning, false, true, true));
    worksheet_write_blank(ws, r, kReview, text);
  }
  worksheet_freeze_panes(ws, 1, 1);
  if (!problems.empty())
    worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(problems.size()), kColumns - 1);
  book->PrintSetup(ws, 1);
}

void WriteSummaryTables(Book* book, lxw_worksheet* ws, const std::vector<Sheet>& sheets,
                        lxw_row_t* row, lxw_row_t* rule_first, lxw_row_t* rule_last) {
  const Words& w = book->words();
  lxw_row_t& r = *row;
  auto heads = [&](std::initializer_list<const char*> keys) {
    lxw_col_t c = 0;
    for (const char* k : keys)
      worksheet_write_string(ws, r, c++, FitCell(w(std::string("summary.") + k)).c_str(),
                             book->Header());
    ++r;
  };
  auto num = [&](lxw_col_t c, int64_t v, bool bold = false) {
    worksheet_write_number(ws, r, c, static_cast<double>(v),
                           book->Number(0, false, true, Mark::kNone, true, bold));
  };
  // By unit: the Documents rows' counts.
  struct Counts {
    int64_t files = 0, errors = 0, warnings = 0, infos = 0;
  };
  std::vector<std::pair<std::string, Counts>> units;
  Counts all;
  if (const Sheet* d = Find(sheets, "Documents")) {
    std::map<std::string, size_t> at;
    const size_t dept = ColumnOf(*d, "department"), e = ColumnOf(*d, "errors"),
                 wn = ColumnOf(*d, "warnings"), in = ColumnOf(*d, "infos");
    for (const auto& rw : d->rows) {
      std::string u = AsText(At(rw, dept));
      if (u.empty()) u = w("problems.no_unit");
      auto it = at.emplace(u, units.size()).first;
      if (it->second == units.size()) units.push_back({u, {}});
      Counts& c = units[it->second].second;
      for (Counts* x : {&c, &all}) {
        ++x->files;
        x->errors += IntOf(At(rw, e));
        x->warnings += IntOf(At(rw, wn));
        x->infos += IntOf(At(rw, in));
      }
    }
  }
  std::vector<std::string> keys;
  for (const auto& u : units) keys.push_back(SortKey(u.first));
  std::vector<size_t> order(units.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  // Most errors first; among equals, in dictionary order of the unit's name.
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Counts &ca = units[a].second, &cb = units[b].second;
    if (ca.errors != cb.errors) return ca.errors > cb.errors;
    if (ca.warnings != cb.warnings) return ca.warnings > cb.warnings;
    return keys[a] < keys[b];
  });
  {
    decltype(units) sorted;
    for (size_t i : order) sorted.push_back(std::move(units[i]));
    units = std::move(sorted);
  }
  worksheet_write_string(ws, r++, 0, FitCell(w("summary.by_unit")).c_str(),
                         book->Title());
  heads({"unit", "unit_files", "errors", "warnings", "infos"});
  auto counts_row = [&](const std::string& label, const Counts& c, bool bold) {
    worksheet_write_string(ws, r, 0, FitCell(label).c_str(),
                           book->Text(Mark::kNone, true, true, bold));
    num(1, c.files, bold);
    num(2, c.errors, bold);
    num(3, c.warnings, bold);
    num(4, c.infos, bold);
    ++r;
  };
  for (const auto& [u, c] : units) counts_row(u, c, false);
  counts_row(w("summary.total"), all, true);
  ++r;
  // By rule: the Findings rows.
  struct RuleCount {
    int64_t errors = 0, warnings = 0, infos = 0;
  };
  std::map<std::string, RuleCount> by_rule;
  if (const Sheet* f = Find(sheets, "Findings")) {
    const size_t rule = ColumnOf(*f, "rule"), sev = ColumnOf(*f, "severity");
    for (const auto& rw : f->rows) {
      RuleCount& c = by_rule[AsText(At(rw, rule))];
      const std::string s = AsText(At(rw, sev));
      (s == "error" ? c.errors : s == "warning" ? c.warnings : c.infos) += 1;
    }
  }
  std::vector<std::pair<std::string, RuleCount>> rules(by_rule.begin(), by_rule.end());
  std::stable_sort(rules.begin(), rules.end(), [](const auto& a, const auto& b) {
    if (a.second.errors != b.second.errors) return a.second.errors > b.second.errors;
    return a.second.warnings > b.second.warnings;
  });
  worksheet_write_string(ws, r++, 0, FitCell(w("summary.by_rule")).c_str(),
                         book->Title());
  heads({"rule_title", "rule", "errors", "warnings", "infos", "total"});
  *rule_first = r;
  for (const auto& [rule, c] : rules) {
    worksheet_write_string(ws, r, 0, FitCell(w("rule." + rule)).c_str(),
                           book->Text(Mark::kNone, true, true));
    worksheet_write_string(ws, r, 1, FitCell(rule).c_str(),
                           book->Text(Mark::kNone, false, true));
    num(2, c.errors);
    num(3, c.warnings);
    num(4, c.infos);
    num(5, c.errors + c.warnings + c.infos);
    ++r;
  }
  *rule_last = r - 1;  // before rule_first when there are none
}

}  // namespace jx
