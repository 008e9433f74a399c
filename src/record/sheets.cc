#include "record/sheets.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <string_view>

#include "extract/number.h"

namespace jx {
namespace {

Value Text(const std::string& s) { return TextValue(s); }
Value Num(const Decimal& d) { return NumberValue(d); }
Value Int(int64_t v) { return Num(Decimal{v, 0}); }
Value OptNum(bool has, const Decimal& d) { return has ? Num(d) : Value{}; }

// A row of the Findings sheet, up to its `fingerprint` column.
std::vector<Value> FindingRow(const std::string& file, const Finding& fd, Value link) {
  const Location& l = fd.where;
  return {Text(file),
          std::move(link),
          Text(fd.rule),
          Text(SeverityName(fd.severity)),
          Text(fd.message),
          OptNum(fd.has_numbers, fd.stated),
          OptNum(fd.has_numbers, fd.computed),
          OptNum(fd.has_numbers, fd.difference),
          OptNum(fd.has_numbers, fd.tolerance),
          Text(fd.unit),
          Int(l.line),
          l.page > 0 ? Int(l.page) : Value{},
          Text(l.table),
          l.row >= 0 ? Int(l.row + 1) : Value{},
          l.column >= 0 ? Int(l.column + 1) : Value{},
          Text(fd.fingerprint)};
}

std::string CellKey(const std::string& file, const std::string& table, int row, int col) {
  return file + '\x1f' + table + '\x1f' + std::to_string(row) + '\x1f' +
         std::to_string(col);
}

// The label of the row a finding points at: the hierarchy label left of the
// cell, an indicator's name, the label column of its typed section, else the
// last text left of the cell (a code column holds numbers).
std::string RowLabel(const DocumentReport& doc, const Location& l) {
  if (l.table.empty() || l.row < 0) return "";
  // In an indicator grid: the hierarchy label nearest left of the cell (a
  // score's indicator, or the level a weight column belongs to).
  for (const Table& tb : doc.layout.tables) {
    if (tb.id != l.table || static_cast<size_t>(l.row) >= tb.rows.size()) continue;
    const Section* sec = tb.SectionOf(static_cast<size_t>(l.row));
    const auto& row = tb.rows[static_cast<size_t>(l.row)];
    const size_t end =
        std::min({row.size(), sec ? sec->columns.size() : 0,
                  l.column < 0 ? row.size() : static_cast<size_t>(l.column)});
    for (size_t c = end; c-- > 0;) {
      const std::string& x = row[c].text.empty() ? row[c].value() : row[c].text;
      if (sec->columns[c].level >= 0 && !x.empty()) return x;
    }
  }
  // An indicator row: its own name, the deepest of its levels.
  for (const Indicator& in : doc.ex.indicators)
    if (in.table == l.table && in.row == l.row && !in.levels.empty() &&
        !in.levels.back().empty())
      return in.levels.back();
  for (const TypedTable& tt : doc.ex.tables) {
    if (tt.id != l.table) continue;
    for (const TypedSection& s : tt.sections) {
      const size_t col = l.column < 0 ? s.first_column : static_cast<size_t>(l.column);
      if (col < s.first_column || col >= s.end_column || s.indicator_grid) continue;
      for (const TypedRow& r : s.rows)
        if (r.row == l.row && !r.label.empty()) return r.label;
    }
  }
  for (const Table& tb : doc.layout.tables) {
    if (tb.id != l.table || static_cast<size_t>(l.row) >= tb.rows.size()) continue;
    const auto& row = tb.rows[static_cast<size_t>(l.row)];
    const size_t end =
        l.column < 0 ? row.size() : std::min(row.size(), static_cast<size_t>(l.column));
    std::string last;
    ParsedNumber n;
    for (size_t c = 0; c < end; ++c) {
      // A covered cell of a hierarchy column holds its label filled down.
      const std::string& x = row[c].text.empty() ? row[c].value() : row[c].text;
      if (!x.empty() && !ParseNumber(x, &n)) last = x;
    }
    return last;
  }
  return "";
}

}  // namespace

Value TextValue(const std::string& s) {
  Value v;
  v.kind = Value::kText;
  v.text = s;
  return v;
}
Value NumberValue(const Decimal& d) {
  Value v;
  v.kind = Value::kNumber;
  v.number = d;
  return v;
}

Value NumberFromDouble(double d) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, d);
  ParsedNumber n;
  if (ParseNumber(std::string_view(buf, static_cast<size_t>(r.ptr - buf)), &n))
    return NumberValue(n.value);
  return TextValue(std::string(buf, r.ptr));
}

std::vector<Sheet> BuildSheets(const std::vector<const DocumentReport*>& docs,
                               bool tables) {
  return BuildSheets(docs, tables, nullptr);
}

std::vector<Sheet> BuildSheets(const std::vector<const DocumentReport*>& docs,
                               bool tables, const TableRowSink& tables_row) {
  Sheet d{
      "Documents",
      {"file", "status", "error", "encoding", "kind", "department", "year", "unit_code",
       "filler", "phone", "declared_score", "grade", "errors", "warnings", "infos"},
      {}};
  Sheet b{"Budget",
          {"file", "table", "line", "item", "name", "budget_initial", "budget_adjusted",
           "budget_amount", "budget_final", "rate_percent", "value", "unit", "value_yuan",
           "source"},
          {}};
  Sheet ind{"Indicators",
            {"file", "table", "row", "level1", "level2", "level3", "level4", "weight",
             "target", "target_comparator", "target_value", "target_unit", "direction",
             "actual", "actual_value", "actual_unit", "score", "deviation", "total_row"},
            {}};
  Sheet f{
      "Findings",
      {"file", "id", "rule", "severity", "message", "stated", "computed", "difference",
       "tolerance", "unit", "line", "page", "table", "row", "column", "fingerprint"},
      {}};
  // With the tables (extract, never the store): what a problem list shows of
  // a finding's place, the table's title and the row's label.
  if (tables) f.columns.insert(f.columns.end(), {"table_title", "item"});
  // Long form: one row per printed cell (titles are in the tables output),
  // with what a flagged table needs to be drawn as printed again: header
  // rows, merged cells, and the errors and warnings resting on the cell.
  Sheet t{"Tables",
          {"file", "table", "row", "column", "line", "text", "number", "header",
           "rowspan", "colspan", "findings"},
          {}};
  // Only cells that findings name need a key: the flagged ones (error or
  // warning) and the ones a finding links to.
  std::set<std::string> flagged, linked, tables_named;
  std::map<std::string, std::string> cell_findings;  // cell → "F1 F4"
  for (const DocumentReport* dp : docs)
    for (const Finding& fd : dp->v.findings) {
      const DocumentReport& doc = *dp;
      std::set<std::string> cells;
      if (!fd.where.table.empty()) {
        std::string k = CellKey(doc.file, fd.where.table, fd.where.row, fd.where.column);
        linked.insert(k);
        cells.insert(k);
        tables_named.insert(doc.file + '\x1f' + fd.where.table);
      }
      if (fd.severity != Severity::kInfo)
        for (const Location& l : fd.involved)
          if (!l.table.empty()) {
            std::string k = CellKey(doc.file, l.table, l.row, l.column);
            flagged.insert(k);
            cells.insert(k);
            tables_named.insert(doc.file + '\x1f' + l.table);
          }
      if (!tables || fd.severity == Severity::kInfo) continue;
      for (const std::string& k : cells) {
        std::string& ids = cell_findings[k];
        ids.append(ids.empty() ? "" : " ").append(fd.id);
      }
    }
  std::map<std::string, size_t> table_row;  // linked cell → row in the Tables sheet
  size_t table_rows = 0;
  for (const DocumentReport* dp : docs) {
    const DocumentReport& doc = *dp;
    if (!tables) break;
    for (const Table& tb : doc.layout.tables) {
      const bool named = tables_named.count(doc.file + '\x1f' + tb.id) > 0;
      for (size_t r = 0; r < tb.rows.size(); ++r) {
        for (size_t c = 0; c < tb.rows[r].size(); ++c) {
          const Cell& cell = tb.rows[r][c];
          if (cell.text.empty()) continue;
          bool is_flagged = false;
          if (named) {
            std::string key =
                CellKey(doc.file, tb.id, static_cast<int>(r), static_cast<int>(c));
            if (linked.count(key)) table_row[key] = table_rows;
            is_flagged = flagged.count(key) > 0;
          }
          ParsedNumber n;
          Value num;
          if (ParseNumber(cell.text, &n)) {
            num = Num(n.value);
            num.percent = n.percent;
          }
          Value text = Text(cell.text);
          text.flagged = num.flagged = is_flagged;
          Value ids;
          if (named) {
            auto it = cell_findings.find(
                CellKey(doc.file, tb.id, static_cast<int>(r), static_cast<int>(c)));
            if (it != cell_findings.end()) ids = Text(it->second);
          }
          const bool header = r < tb.row_is_header.size() && tb.row_is_header[r];
          std::vector<Value> row = {Text(doc.file),
                                    Text(tb.id),
                                    Int(static_cast<int64_t>(r + 1)),
                                    Int(static_cast<int64_t>(c + 1)),
                                    Int(cell.first_line),
                                    std::move(text),
                                    std::move(num),
                                    header ? Text("yes") : Value{},
                                    cell.rowspan > 1 ? Int(cell.rowspan) : Value{},
                                    cell.colspan > 1 ? Int(cell.colspan) : Value{},
                                    std::move(ids)};
          ++table_rows;
          if (tables_row)
            tables_row(std::move(row));
          else
            t.rows.push_back(std::move(row));
        }
      }
    }
  }
  for (const DocumentReport* dp : docs) {
    const DocumentReport& doc = *dp;
    const Counts n = Tally(doc.v.findings);
    const DocInfo& info = doc.ex.info;
    d.rows.push_back(
        {Text(doc.file), Text(doc.ok ? "ok" : "failed"),
         Text(doc.ok ? "" : doc.error.message), Text(doc.encoding),
         Text(doc.ok ? KindName(info.kind) : ""), Text(info.department.value),
         Text(info.year.value), Text(info.unit_code.value), Text(info.filler.value),
         Text(info.phone.value), OptNum(info.has_declared_score, info.declared_score),
         Text(info.grade.value), Int(n.errors), Int(n.warnings), Int(n.infos)});
    // Budget: table figures grouped by row, then form and sentence figures.
    std::map<std::pair<std::string, int>, std::vector<const Figure*>> rows;
    std::vector<std::pair<std::string, int>> order;
    for (const Figure& fg : doc.ex.figures) {
      if (fg.source == "table") {
        auto k = std::make_pair(fg.where.table, fg.where.row);
        if (!rows.count(k)) order.push_back(k);
        rows[k].push_back(&fg);
      }
    }
    for (const auto& k : order) {
      const auto& figs = rows[k];
      Value cols[5];
      Value yuan;
      std::string unit;
      const char* keys[5] = {"budget_initial", "budget_adjusted", "budget_amount",
                             "budget_final", "rate"};
      for (const Figure* fg : figs) {
        for (int c = 0; c < 5; ++c)
          if (fg->column == keys[c]) cols[c] = Num(fg->number.value);
        if (fg->unit.kind == "money") unit = fg->unit.text;
        if (fg->has_yuan && (fg->column == "budget_final" || yuan.kind == Value::kEmpty))
          yuan = Num(fg->yuan);
      }
      const Figure& first = *figs.front();
      b.rows.push_back({Text(doc.file), Text(first.where.table), Int(first.where.line),
                        Text(first.label), Text(first.name), cols[0], cols[1], cols[2],
                        cols[3], cols[4], Value{}, Text(unit), yuan, Text("table")});
    }
    for (const Figure& fg : doc.ex.figures) {
      if (fg.source == "table") continue;
      // A sentence or form figure: under its stage when its name is one.
      Value stage[5];
      const char* keys[5] = {"budget_initial", "budget_adjusted", "budget_amount",
                             "budget_final", "rate"};
      Value value = fg.blank ? Value{} : Num(fg.number.value);
      for (int c = 0; c < 5; ++c)
        if (fg.name == keys[c]) stage[c] = value;
      b.rows.push_back({Text(doc.file), Text(fg.where.table), Int(fg.where.line),
                        Text(fg.label), Text(fg.name), stage[0], stage[1], stage[2],
                        stage[3], stage[4], value, Text(fg.unit.text),
                        OptNum(fg.has_yuan, fg.yuan), Text(std::string(fg.source))});
    }
    for (const Indicator& in : doc.ex.indicators) {
      std::vector<Value> row = {Text(doc.file), Text(in.table), Int(in.row + 1)};
      for (size_t l = 0; l < 4; ++l) {
        if (l == 3 && in.levels.size() > 4) {
          std::string rest;
          for (size_t k = 3; k < in.levels.size(); ++k)
            rest += (k > 3 ? " / " : "") + in.levels[k];
          row.push_back(Text(rest));
        } else {
          row.push_back(l < in.levels.size() ? Text(in.levels[l]) : Value{});
        }
      }
      row.push_back(OptNum(in.has_weight, in.weight));
      row.push_back(Text(in.target));
      row.push_back(in.has_target_value ? Text(in.target_value.comparator) : Value{});
      row.push_back(OptNum(in.has_target_value, in.target_value.value));
      row.push_back(in.has_target_value
                        ? Text(in.target_value.percent ? "%" : in.target_unit.text)
                        : Value{});
      // How the result is judged against the target (the scoring rules'
      // reading): positive, reverse, range, qualitative, or blank.
      row.push_back(in.direction.empty() ? Value{} : Text(in.direction));
      row.push_back(Text(in.actual));
      // The result as a number in the target's canonical unit, when it is one.
      row.push_back(OptNum(in.actual_q.has, in.actual_q.value));
      row.push_back(in.actual_q.has && !in.actual_q.unit.empty() ? Text(in.actual_q.unit)
                                                                 : Value{});
      row.push_back(OptNum(in.has_score, in.score));
      row.push_back(in.has_deviation ? Text(in.deviation) : Value{});
      row.push_back(Text(in.is_total ? "yes" : ""));
      ind.rows.push_back(std::move(row));
    }
    for (const Finding& fd : doc.v.findings) {
      const Location& l = fd.where;
      Value link = Text(fd.id);
      auto it = table_row.find(CellKey(doc.file, l.table, l.row, l.column));
      if (it != table_row.end()) link.link = TablesLink(it->second);
      f.rows.push_back(FindingRow(doc.file, fd, std::move(link)));
      if (tables) {
        const Table* tb = nullptr;
        for (const Table& x : doc.layout.tables)
          if (!l.table.empty() && x.id == l.table) tb = &x;
        f.rows.back().push_back(tb && !tb->title.empty() ? Text(tb->title) : Value{});
        std::string item = RowLabel(doc, l);
        f.rows.back().push_back(item.empty() ? Value{} : Text(item));
      }
    }
  }
  std::vector<Sheet> sheets;
  sheets.reserve(5);
  for (Sheet* s : {&d, &b, &ind, &f}) sheets.push_back(std::move(*s));
  if (tables) sheets.push_back(std::move(t));
  return sheets;
}

namespace {

constexpr std::string_view kTablesLink = "internal:'Tables'!F";

}  // namespace

std::string TablesLink(size_t row) {
  // The header is the sheet's first row; F is the cell's text.
  return std::string(kTablesLink) + std::to_string(row + 2);
}

bool TablesLinkRow(const std::string& link, size_t* row) {
  if (link.compare(0, kTablesLink.size(), kTablesLink) != 0) return false;
  size_t n = 0;
  auto r =
      std::from_chars(link.data() + kTablesLink.size(), link.data() + link.size(), n);
  if (r.ec != std::errc() || r.ptr != link.data() + link.size() || n < 2) return false;
  *row = n - 2;
  return true;
}

void AddCrossFindings(const std::vector<CrossResult>& cross, std::vector<Sheet>* sheets) {
  auto f = std::find_if(sheets->begin(), sheets->end(),
                        [](const Sheet& s) { return s.name == "Findings"; });
  if (f == sheets->end()) return;
  for (const CrossResult& r : cross) {
    std::vector<Value> row =
        FindingRow(r.finding.where.file, r.finding, Text(r.finding.id));
    // Columns a sheet with the tables has (title, item): the other document
    // is what locates it, and the message names it.
    row.resize(f->columns.size());
    f->rows.push_back(std::move(row));
  }
}

std::vector<Sheet> MergeSheets(std::vector<std::vector<Sheet>>&& per_doc) {
  std::vector<Sheet> all = BuildSheets(std::vector<const DocumentReport*>{}, true);
  auto find = [](std::vector<Sheet>& sheets, const std::string& name) -> Sheet* {
    for (Sheet& s : sheets)
      if (s.name == name) return &s;
    return nullptr;
  };
  auto file_of = [&](std::vector<Sheet>& doc) {
    const Sheet* d = find(doc, "Documents");
    return d && !d->rows.empty() && !d->rows[0].empty() ? d->rows[0][0].text
                                                        : std::string();
  };
  // A cell is named by file, table, row and column (the Tables sheet's first
  // four columns).
  auto key = [](const std::vector<Value>& row) {
    std::string k;
    for (size_t c = 0; c < 4 && c < row.size(); ++c)
      k +=
          (row[c].kind == Value::kText ? row[c].text : row[c].number.ToString()) + '\x1f';
    return k;
  };
  // Where each file's Tables rows start in the joined sheet. A file given
  // more than once names the same cells more than once: as when the sheets
  // are built over the whole batch at once, a link then goes to the last row
  // that holds its cell.
  std::map<std::string, int> times;
  for (std::vector<Sheet>& doc : per_doc) ++times[file_of(doc)];
  std::vector<size_t> offset(per_doc.size());
  std::map<std::string, size_t> cell_row;  // of files given more than once
  size_t rows = 0;
  for (size_t d = 0; d < per_doc.size(); ++d) {
    offset[d] = rows;
    const Sheet* t = find(per_doc[d], "Tables");
    if (!t) continue;
    if (times[file_of(per_doc[d])] > 1)
      for (size_t r = 0; r < t->rows.size(); ++r) cell_row[key(t->rows[r])] = rows + r;
    rows += t->rows.size();
  }
  Sheet* tables = find(all, "Tables");
  tables->rows.reserve(rows);
  for (size_t d = 0; d < per_doc.size(); ++d) {
    std::vector<Sheet>& doc = per_doc[d];
    Sheet* own_tables = find(doc, "Tables");
    const bool repeated = times[file_of(doc)] > 1;
    for (Sheet& s : doc) {
      Sheet* into = s.name == "Tables" ? nullptr : find(all, s.name);
      if (!into) continue;
      for (auto& row : s.rows) {
        for (Value& v : row) {
          size_t local;
          if (v.link.empty() || !own_tables || !TablesLinkRow(v.link, &local) ||
              local >= own_tables->rows.size())
            continue;
          v.link = TablesLink(repeated ? cell_row[key(own_tables->rows[local])]
                                       : offset[d] + local);
        }
        into->rows.push_back(std::move(row));
      }
    }
    if (own_tables)
      for (auto& row : own_tables->rows) tables->rows.push_back(std::move(row));
  }
  return all;
}

size_t TablesRows(const DocumentReport& doc) {
  size_t n = 0;
  for (const Table& tb : doc.layout.tables)
    for (const auto& row : tb.rows)
      for (const Cell& cell : row) n += !cell.text.empty();
  return n;
}

std::vector<Sheet> BuildSheets(const std::vector<DocumentReport>& docs, bool tables) {
  std::vector<const DocumentReport*> list;
  for (const DocumentReport& d : docs) list.push_back(&d);
  return BuildSheets(list, tables);
}

}  // namespace jx
