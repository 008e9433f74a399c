#include "export/summary.h"

#include <xlsxwriter.h>

#include "export/workbook.h"
#include "record/sheets.h"

namespace jx {

bool WriteSummaryXlsx(const StoreSummary& sm, const std::vector<Sheet>& sheets,
                      const Sheet& failures, const std::string& path, Error* err) {
  // Every sheet, Summary included, is written top to bottom: streamed.
  lxw_workbook* wb = OpenWorkbook(path, /*streamed=*/true, err);
  if (!wb) return false;
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Summary");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_bg_color(head, 0xDDEBF7);
  worksheet_set_column(ws, 0, 0, 28, nullptr);
  worksheet_set_column(ws, 1, 4, 12, nullptr);
  lxw_row_t r = 0;
  worksheet_write_string(ws, r++, 0, "jxaudit store summary", bold);
  auto pair = [&](const char* label, double v) {
    worksheet_write_string(ws, r, 0, label, nullptr);
    worksheet_write_number(ws, r++, 1, v, nullptr);
  };
  pair("files", static_cast<double>(sm.files));
  pair("documents (distinct contents)", static_cast<double>(sm.documents));
  for (const auto& [status, count] : sm.by_status) {
    std::string label = "files " + status;
    worksheet_write_string(ws, r, 0, label.c_str(), nullptr);
    worksheet_write_number(ws, r++, 1, static_cast<double>(count), nullptr);
  }
  worksheet_write_string(ws, r, 0, "tool version", nullptr);
  worksheet_write_string(ws, r++, 1, sm.tool_version.c_str(), nullptr);
  worksheet_write_string(ws, r, 0, "patterns version", nullptr);
  worksheet_write_string(ws, r++, 1, sm.patterns_version.substr(0, 12).c_str(), nullptr);
  ++r;
  const lxw_row_t table_head = r;
  const char* cols[] = {"rule", "errors", "warnings", "info", "total"};
  for (lxw_col_t c = 0; c < 5; ++c) worksheet_write_string(ws, r, c, cols[c], head);
  ++r;
  for (const auto& rc : sm.by_rule) {
    // Rule names come from the project, but are written as text all the same.
    worksheet_write_string(ws, r, 0, rc.rule.c_str(), nullptr);
    worksheet_write_number(ws, r, 1, static_cast<double>(rc.errors), nullptr);
    worksheet_write_number(ws, r, 2, static_cast<double>(rc.warnings), nullptr);
    worksheet_write_number(ws, r, 3, static_cast<double>(rc.infos), nullptr);
    worksheet_write_number(
        ws, r, 4, static_cast<double>(rc.errors + rc.warnings + rc.infos), nullptr);
    ++r;
  }
  if (!sm.by_rule.empty()) {
    // Findings by rule, errors and warnings stacked.
    lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_BAR_STACKED);
    const lxw_row_t first = table_head + 1, last = r - 1;
    const char* names[] = {"errors", "warnings"};
    const uint32_t colors[] = {0xC00000, 0xFFC000};
    for (int k = 0; k < 2; ++k) {
      lxw_chart_series* s = chart_add_series(chart, nullptr, nullptr);
      chart_series_set_categories(s, "Summary", first, 0, last, 0);
      chart_series_set_values(s, "Summary", first, static_cast<lxw_col_t>(k + 1), last,
                              static_cast<lxw_col_t>(k + 1));
      chart_series_set_name(s, names[k]);
      lxw_chart_fill fill{};
      fill.color = colors[k];
      chart_series_set_fill(s, &fill);
    }
    chart_title_set_name(chart, "Findings by rule");
    chart_axis_set_reverse(chart->y_axis);
    lxw_chart_options opt{};
    opt.x_scale = 1.6;
    opt.y_scale =
        1.0 + 0.05 * static_cast<double>(std::min<size_t>(sm.by_rule.size(), 40));
    worksheet_insert_chart_opt(ws, 1, 6, chart, &opt);
  }
  std::vector<Sheet> all = sheets;
  all.push_back(failures);
  AddSheets(wb, all);
  lxw_error e = workbook_close(wb);
  if (e != LXW_NO_ERROR) {
    *err = MakeError(path, lxw_strerror(e));
    return false;
  }
  return true;
}

}  // namespace jx
