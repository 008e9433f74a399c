#include "export/report.h"

#include <xlsxwriter.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "base/text.h"
#include "export/tables.h"
#include "export/workbook.h"
#include "record/sheets.h"

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

}  // namespace

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

}  // namespace jx
