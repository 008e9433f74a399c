#include "export/report.h"

#include <xlsxwriter.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "base/text.h"
#include "export/sheets.h"
#include "export/tables.h"
#include "export/workbook.h"

namespace jx {
namespace {

nlohmann::json Number(const Decimal& d) {
  if (d.scale == 0) return d.units;  // whole numbers stay integers in JSON
  // JSON numbers are read as doubles; the shortest round-trip form keeps the
  // printed digits (6874309.59 stays 6874309.59).
  return d.ToDouble();
}

nlohmann::json LocationJson(const Location& l) {
  nlohmann::json j;
  j["line"] = l.line;
  j["page"] = l.page > 0 ? nlohmann::json(l.page) : nlohmann::json(nullptr);
  j["table"] = l.table.empty() ? nlohmann::json(nullptr) : nlohmann::json(l.table);
  // 0-based, as indexes into the rows of `jxaudit tables --format json`.
  j["row"] = l.row >= 0 ? nlohmann::json(l.row) : nlohmann::json(nullptr);
  j["column"] = l.column >= 0 ? nlohmann::json(l.column) : nlohmann::json(nullptr);
  if (!l.cell.empty()) j["cell"] = l.cell;  // workbooks only
  return j;
}

nlohmann::json FigureJson(const Figure& f) {
  nlohmann::json j;
  j["name"] = f.name;
  j["label"] = f.label;
  j["column"] = f.column;
  j["source"] = f.source;
  if (f.blank) {
    j["value"] = nullptr;
  } else {
    j["value"] = Number(f.number.value);
    j["decimals"] = f.number.value.scale;
  }
  if (!f.number.comparator.empty()) j["comparator"] = f.number.comparator;
  j["unit"] = f.unit.text;
  j["yuan"] = f.has_yuan ? Number(f.yuan) : nlohmann::json(nullptr);
  j["location"] = LocationJson(f.where);
  return j;
}

nlohmann::json IndicatorJson(const Indicator& i) {
  nlohmann::json j;
  j["table"] = i.table;
  j["row"] = i.row;
  j["levels"] = i.levels;
  j["total"] = i.is_total;
  j["weight"] = i.has_weight ? Number(i.weight) : nlohmann::json(nullptr);
  j["weight_from"] = i.weight_from;
  j["score"] = i.has_score ? Number(i.score) : nlohmann::json(nullptr);
  j["target"] = i.target;
  if (i.has_target_value) {
    j["target_comparator"] = i.target_value.comparator;
    j["target_value"] = Number(i.target_value.value);
    j["target_unit"] = i.target_value.percent ? "%" : i.target_unit.text;
  }
  j["actual"] = i.actual;
  j["location"] = LocationJson(i.where);
  return j;
}

nlohmann::json FindingJson(const Finding& f) {
  nlohmann::json j;
  j["id"] = f.id;
  j["rule"] = f.rule;
  j["severity"] = SeverityName(f.severity);
  j["message"] = f.message;
  if (f.has_numbers) {
    j["stated"] = Number(f.stated);
    j["computed"] = Number(f.computed);
    j["difference"] = Number(f.difference);
    j["tolerance"] = Number(f.tolerance);
  } else {
    j["stated"] = j["computed"] = j["difference"] = j["tolerance"] = nullptr;
  }
  j["unit"] = f.unit;
  j["location"] = LocationJson(f.where);
  j["evidence"] = f.evidence;
  return j;
}

std::string KindName(const std::string& k) {
  if (k == "target_declaration") return "绩效目标申报表";
  if (k == "department_self_evaluation") return "部门整体支出绩效自评";
  if (k == "project_self_evaluation") return "项目支出绩效自评";
  return "其他";
}

// ---- The normalized sheets, one model for xlsx, JSON and CSV ----

Value Text(const std::string& s) { return TextValue(s); }
Value Num(const Decimal& d) { return NumberValue(d); }
Value Int(int64_t v) { return Num(Decimal{v, 0}); }
Value OptNum(bool has, const Decimal& d) { return has ? Num(d) : Value{}; }

std::string CellKey(const std::string& file, const std::string& table, int row, int col) {
  return file + '\x1f' + table + '\x1f' + std::to_string(row) + '\x1f' +
         std::to_string(col);
}

}  // namespace

Value TextValue(const std::string& s) {
  return Value{Value::kText, s, {}, false, "", false};
}
Value NumberValue(const Decimal& d) {
  return Value{Value::kNumber, "", d, false, "", false};
}

namespace {

// Over pointers, so that one document's rows need no copy of the document.
std::vector<Sheet> SheetsOf(const std::vector<const DocumentReport*>& docs, bool tables) {
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
             "target", "target_comparator", "target_value", "target_unit", "actual",
             "score", "total_row"},
            {}};
  Sheet f{"Findings",
          {"file", "id", "rule", "severity", "message", "stated", "computed",
           "difference", "tolerance", "unit", "line", "page", "table", "row", "column"},
          {}};
  // Long form: one row per printed cell (titles are in the tables output).
  Sheet t{"Tables", {"file", "table", "row", "column", "line", "text", "number"}, {}};
  // Only cells that findings name need a key: the flagged ones (error or
  // warning) and the ones a finding links to.
  std::set<std::string> flagged, linked, tables_named;
  for (const DocumentReport* dp : docs)
    for (const Finding& fd : dp->v.findings) {
      const DocumentReport& doc = *dp;
      if (!fd.where.table.empty()) {
        linked.insert(CellKey(doc.file, fd.where.table, fd.where.row, fd.where.column));
        tables_named.insert(doc.file + '\x1f' + fd.where.table);
      }
      if (fd.severity != Severity::kInfo)
        for (const Location& l : fd.involved)
          if (!l.table.empty()) {
            flagged.insert(CellKey(doc.file, l.table, l.row, l.column));
            tables_named.insert(doc.file + '\x1f' + l.table);
          }
    }
  std::map<std::string, size_t> table_row;  // linked cell → row in the Tables sheet
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
            if (linked.count(key)) table_row[key] = t.rows.size();
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
          t.rows.push_back({Text(doc.file), Text(tb.id), Int(static_cast<int64_t>(r + 1)),
                            Int(static_cast<int64_t>(c + 1)), Int(cell.first_line),
                            std::move(text), std::move(num)});
        }
      }
    }
  }
  for (const DocumentReport* dp : docs) {
    const DocumentReport& doc = *dp;
    int e = 0, w = 0, i = 0;
    for (const Finding& fd : doc.v.findings)
      (fd.severity == Severity::kError ? e : fd.severity == Severity::kWarning ? w : i)++;
    const DocInfo& info = doc.ex.info;
    d.rows.push_back(
        {Text(doc.file), Text(doc.ok ? "ok" : "failed"),
         Text(doc.ok ? "" : doc.error.message), Text(doc.encoding),
         Text(doc.ok ? KindName(info.kind) : ""), Text(info.department.value),
         Text(info.year.value), Text(info.unit_code.value), Text(info.filler.value),
         Text(info.phone.value), OptNum(info.has_declared_score, info.declared_score),
         Text(info.grade.value), Int(e), Int(w), Int(i)});
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
                        OptNum(fg.has_yuan, fg.yuan), Text(fg.source)});
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
      row.push_back(Text(in.actual));
      row.push_back(OptNum(in.has_score, in.score));
      row.push_back(Text(in.is_total ? "yes" : ""));
      ind.rows.push_back(std::move(row));
    }
    for (const Finding& fd : doc.v.findings) {
      const Location& l = fd.where;
      Value link = Text(fd.id);
      auto it = table_row.find(CellKey(doc.file, l.table, l.row, l.column));
      if (it != table_row.end())
        link.link = "internal:'Tables'!F" + std::to_string(it->second + 2);
      f.rows.push_back(
          {Text(doc.file), link, Text(fd.rule), Text(SeverityName(fd.severity)),
           Text(fd.message), OptNum(fd.has_numbers, fd.stated),
           OptNum(fd.has_numbers, fd.computed), OptNum(fd.has_numbers, fd.difference),
           OptNum(fd.has_numbers, fd.tolerance), Text(fd.unit), Int(l.line),
           l.page > 0 ? Int(l.page) : Value{}, Text(l.table),
           l.row >= 0 ? Int(l.row + 1) : Value{},
           l.column >= 0 ? Int(l.column + 1) : Value{}});
    }
  }
  std::vector<Sheet> sheets;
  sheets.reserve(5);
  for (Sheet* s : {&d, &b, &ind, &f}) sheets.push_back(std::move(*s));
  if (tables) sheets.push_back(std::move(t));
  return sheets;
}

}  // namespace

std::vector<Sheet> BuildSheets(const std::vector<DocumentReport>& docs, bool tables) {
  std::vector<const DocumentReport*> list;
  for (const DocumentReport& d : docs) list.push_back(&d);
  return SheetsOf(list, tables);
}

Counts CountFindings(const std::vector<DocumentReport>& docs) {
  Counts c;
  for (const DocumentReport& d : docs) {
    if (!d.ok) ++c.failed;
    for (const Finding& f : d.v.findings)
      (f.severity == Severity::kError     ? c.errors
       : f.severity == Severity::kWarning ? c.warnings
                                          : c.infos)++;
  }
  return c;
}

nlohmann::json DocumentJson(const DocumentReport& d) {
  nlohmann::json j;
  j["file"] = d.file;
  j["status"] = d.ok ? "ok" : "failed";
  j["error"] = d.ok ? nlohmann::json(nullptr) : nlohmann::json(d.error.ToString());
  const DocInfo& info = d.ex.info;
  j["encoding"] = d.encoding;
  j["kind"] = d.ok ? info.kind : "";
  j["department"] = info.department.value;
  j["year"] = info.year.value;
  j["unit_code"] = info.unit_code.value;
  j["filler"] = info.filler.value;
  j["phone"] = info.phone.value;
  j["declared_score"] =
      info.has_declared_score ? Number(info.declared_score) : nlohmann::json(nullptr);
  j["grade"] = info.grade.value;
  nlohmann::json figs = nlohmann::json::array();
  for (const Figure& f : d.ex.figures) figs.push_back(FigureJson(f));
  j["figures"] = std::move(figs);
  nlohmann::json inds = nlohmann::json::array();
  for (const Indicator& i : d.ex.indicators) inds.push_back(IndicatorJson(i));
  j["indicators"] = std::move(inds);
  nlohmann::json finds = nlohmann::json::array();
  for (const Finding& f : d.v.findings) finds.push_back(FindingJson(f));
  j["findings"] = std::move(finds);
  return j;
}

nlohmann::json ReportToJson(const std::vector<DocumentReport>& docs) {
  nlohmann::json out;
  out["tool"] = "jxaudit";
  out["version"] = JXAUDIT_VERSION;
  out["documents"] = nlohmann::json::array();
  for (const DocumentReport& d : docs) out["documents"].push_back(DocumentJson(d));
  return out;
}

std::string DocumentText(const DocumentReport& d, bool verbose) {
  std::ostringstream out;
  if (!d.ok) {
    out << d.file << ": failed: " << d.error.message << "\n\n";
    return out.str();
  }
  const DocInfo& info = d.ex.info;
  out << d.file << "  [" << KindName(info.kind);
  if (!info.department.value.empty()) out << " · " << info.department.value;
  if (!info.year.value.empty()) out << " · " << info.year.value;
  out << "]\n";
  int shown = 0;
  for (const Finding& f : d.v.findings) {
    if (f.severity == Severity::kInfo && !verbose) continue;
    ++shown;
    Error where;
    where.where = f.where;
    where.where.file = d.file;
    out << "  " << where.ToString() << SeverityName(f.severity) << " [" << f.rule << "] "
        << f.message << "\n";
  }
  if (shown == 0)
    out << (d.v.findings.empty() ? "  no findings\n"
                                 : "  no errors or warnings (-v lists rounding notes)\n");
  out << "\n";
  return out.str();
}

std::string SummaryText(const Counts& c, size_t files) {
  std::ostringstream out;
  out << c.errors << " errors, " << c.warnings << " warnings, " << c.infos << " info in "
      << files << " files";
  if (c.failed > 0) out << " (" << c.failed << " could not be read)";
  out << "\n";
  return out.str();
}

std::string ReportToText(const std::vector<DocumentReport>& docs, bool verbose) {
  std::string out;
  for (const DocumentReport& d : docs) out += DocumentText(d, verbose);
  return out + SummaryText(CountFindings(docs), docs.size());
}

nlohmann::json ExtractToJson(const std::vector<DocumentReport>& docs) {
  nlohmann::json out = nlohmann::json::object();
  for (const Sheet& s : BuildSheets(docs)) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& row : s.rows) {
      nlohmann::json o = nlohmann::json::object();
      for (size_t c = 0; c < s.columns.size() && c < row.size(); ++c) {
        const Value& v = row[c];
        o[s.columns[c]] = v.kind == Value::kText     ? nlohmann::json(v.text)
                          : v.kind == Value::kNumber ? Number(v.number)
                                                     : nlohmann::json(nullptr);
      }
      rows.push_back(std::move(o));
    }
    out[s.name] = std::move(rows);
  }
  return out;
}

std::string ExtractToCsv(const std::vector<DocumentReport>& docs) {
  std::ostringstream out;
  for (const Sheet& s : BuildSheets(docs)) {
    out << "sheet";
    for (const auto& c : s.columns) out << ',' << c;
    out << '\n';
    for (const auto& row : s.rows) {
      out << s.name;
      for (const Value& v : row)
        out << ','
            << (v.kind == Value::kText     ? CsvField(v.text)
                : v.kind == Value::kNumber ? v.number.ToString()
                                           : "");
      out << '\n';
    }
  }
  return out.str();
}

void AddSheets(lxw_workbook* wb, const std::vector<Sheet>& sheets) {
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_bg_color(head, 0xDDEBF7);
  lxw_format* flag_text = workbook_add_format(wb);
  format_set_bg_color(flag_text, 0xFFC7CE);
  lxw_format* link = workbook_add_format(wb);
  format_set_underline(link, LXW_UNDERLINE_SINGLE);
  format_set_font_color(link, LXW_COLOR_BLUE);
  std::map<std::pair<int, bool>, lxw_format*> nums;
  auto num_format = [&](int scale, bool flagged) {
    auto key = std::make_pair(scale, flagged);
    auto it = nums.find(key);
    if (it != nums.end()) return it->second;
    lxw_format* f = workbook_add_format(wb);
    std::string nf = "#,##0";
    if (scale > 0) nf += "." + std::string(static_cast<size_t>(std::min(scale, 10)), '0');
    format_set_num_format(f, nf.c_str());
    if (flagged) format_set_bg_color(f, 0xFFC7CE);
    nums[key] = f;
    return f;
  };
  for (const Sheet& s : sheets) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, s.name.c_str());
    for (size_t c = 0; c < s.columns.size(); ++c)
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), s.columns[c].c_str(),
                             head);
    std::vector<size_t> width(s.columns.size(), 10);
    for (size_t r = 0; r < s.rows.size(); ++r) {
      const auto& row = s.rows[r];
      for (size_t c = 0; c < row.size(); ++c) {
        const Value& v = row[c];
        lxw_row_t xr = static_cast<lxw_row_t>(r + 1);
        lxw_col_t xc = static_cast<lxw_col_t>(c);
        if (v.kind == Value::kNumber) {
          worksheet_write_number(ws, xr, xc, v.number.ToDouble(),
                                 num_format(v.number.scale, v.flagged));
        } else if (v.kind == Value::kText) {
          std::string text = v.text.size() > 32767 ? v.text.substr(0, 32000) : v.text;
          if (!v.link.empty()) {
            worksheet_write_url_opt(ws, xr, xc, v.link.c_str(), link, text.c_str(),
                                    nullptr);
          } else {
            // Never a formula: write_string stores text as text.
            worksheet_write_string(ws, xr, xc, text.c_str(),
                                   v.flagged ? flag_text : nullptr);
          }
          width[c] =
              std::max(width[c], std::min<size_t>(CodePointCount(text) * 2 + 2, 60));
        }
      }
    }
    for (size_t c = 0; c < width.size(); ++c)
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                           static_cast<double>(width[c]), nullptr);
    worksheet_freeze_panes(ws, 1, 0);
    if (!s.rows.empty())
      worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(s.rows.size()),
                           static_cast<lxw_col_t>(s.columns.size() - 1));
  }
}

bool WriteExtractXlsx(const std::vector<DocumentReport>& docs, const std::string& path,
                      std::string* err) {
  // Rows are written in order: constant memory mode streams each sheet.
  lxw_workbook* wb = OpenWorkbook(path, /*streamed=*/true, err);
  if (!wb) return false;
  AddSheets(wb, BuildSheets(docs));
  lxw_error e = workbook_close(wb);
  if (e != LXW_NO_ERROR) {
    *err = path + ": " + lxw_strerror(e);
    return false;
  }
  return true;
}

// ---- Records: one checked file, across processes and into the store ----

DocumentRecord MakeRecord(const DocumentReport& d, const RecordParts& parts) {
  DocumentRecord r;
  r.file = d.file;
  r.status = d.ok ? "ok" : "failed";
  if (!d.ok) r.error = d.error.ToString();
  r.pages = d.pages;
  for (const Finding& f : d.v.findings)
    (f.severity == Severity::kError     ? r.counts.errors
     : f.severity == Severity::kWarning ? r.counts.warnings
                                        : r.counts.infos)++;
  r.counts.failed = d.ok ? 0 : 1;
  if (parts.text) r.text = DocumentText(d, false);
  if (parts.text_verbose) r.text_verbose = DocumentText(d, true);
  if (parts.json) r.json = DocumentJson(d);
  if (parts.sheets) r.sheets = SheetsOf({&d}, /*tables=*/false);
  return r;
}

DocumentRecord FailedRecord(const std::string& file, const std::string& status,
                            const Error& error) {
  DocumentReport d;
  d.file = file;
  d.ok = false;
  d.error = error;
  DocumentRecord r = MakeRecord(d);
  r.status = status;
  return r;
}

namespace {

nlohmann::json ValueWire(const Value& v) {
  if (v.kind == Value::kText) return v.text;
  if (v.kind == Value::kNumber)
    return nlohmann::json::array({v.number.units, v.number.scale});
  return nullptr;
}

bool ValueFromWire(const nlohmann::json& j, Value* v) {
  if (j.is_null()) {
    *v = Value{};
  } else if (j.is_string()) {
    *v = TextValue(j.get<std::string>());
  } else if (j.is_array() && j.size() == 2 && j[0].is_number_integer() &&
             j[1].is_number_integer()) {
    *v = NumberValue(Decimal{j[0].get<int64_t>(), j[1].get<int>()});
  } else {
    return false;
  }
  return true;
}

}  // namespace

std::string RecordToWire(const DocumentRecord& r) {
  nlohmann::json j;
  j["file"] = r.file;
  j["status"] = r.status;
  j["error"] = r.error;
  j["pages"] = r.pages;
  j["counts"] = {r.counts.errors, r.counts.warnings, r.counts.infos, r.counts.failed};
  j["text"] = r.text;
  j["text_verbose"] = r.text_verbose;
  j["json"] = r.json;
  nlohmann::json sheets = nlohmann::json::array();
  for (const Sheet& s : r.sheets) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& row : s.rows) {
      nlohmann::json jr = nlohmann::json::array();
      for (const Value& v : row) jr.push_back(ValueWire(v));
      rows.push_back(std::move(jr));
    }
    sheets.push_back(
        {{"name", s.name}, {"columns", s.columns}, {"rows", std::move(rows)}});
  }
  j["sheets"] = std::move(sheets);
  std::vector<uint8_t> cbor = nlohmann::json::to_cbor(j);
  return std::string(cbor.begin(), cbor.end());
}

bool RecordFromWire(std::string_view bytes, DocumentRecord* r, std::string* err) {
  nlohmann::json j = nlohmann::json::from_cbor(bytes.begin(), bytes.end(), true, false);
  if (j.is_discarded() || !j.is_object()) {
    *err = "unreadable worker result";
    return false;
  }
  try {
    r->file = j.at("file").get<std::string>();
    r->status = j.at("status").get<std::string>();
    r->error = j.at("error").get<std::string>();
    r->pages = j.at("pages").get<int>();
    const auto& c = j.at("counts");
    r->counts = Counts{c.at(0).get<int>(), c.at(1).get<int>(), c.at(2).get<int>(),
                       c.at(3).get<int>()};
    r->text = j.at("text").get<std::string>();
    r->text_verbose = j.at("text_verbose").get<std::string>();
    r->json = j.at("json");
    r->sheets.clear();
    for (const auto& js : j.at("sheets")) {
      Sheet s;
      s.name = js.at("name").get<std::string>();
      s.columns = js.at("columns").get<std::vector<std::string>>();
      for (const auto& jr : js.at("rows")) {
        std::vector<Value> row;
        for (const auto& jv : jr) {
          Value v;
          if (!ValueFromWire(jv, &v)) {
            *err = "unreadable worker result: bad value";
            return false;
          }
          row.push_back(std::move(v));
        }
        s.rows.push_back(std::move(row));
      }
      r->sheets.push_back(std::move(s));
    }
  } catch (const nlohmann::json::exception& e) {
    *err = std::string("unreadable worker result: ") + e.what();
    return false;
  }
  return true;
}

}  // namespace jx
