#include "export/summary.h"

#include <xlsxwriter.h>

#include <algorithm>

#include "export/book.h"
#include "record/sheets.h"

namespace jx {

bool WriteSummaryXlsx(const StoreSummary& sm, const std::vector<Sheet>& sheets,
                      const Sheet& failures, const std::string& path,
                      const BookOptions& opt, Error* err) {
  // Every sheet, Summary included, is written top to bottom: streamed.
  lxw_workbook* wb = OpenWorkbook(path, /*streamed=*/true, err);
  if (!wb) return false;
  Book book(wb, opt);
  const Words& w = book.words();
  const std::string summary_name = book.SheetName(w("sheet.Summary"));
  lxw_worksheet* ws = book.AddSheet(summary_name);
  const std::string problems_name = book.SheetName(w("sheet.Problems"));
  lxw_worksheet* problems = book.AddSheet(problems_name);
  std::vector<Sheet> all = sheets;
  all.push_back(failures);
  AddSheets(&book, all);
  worksheet_set_column(ws, 0, 0, 36, nullptr);
  worksheet_set_column(ws, 1, 1, 24, nullptr);
  worksheet_set_column(ws, 2, 5, 10, nullptr);
  lxw_row_t r = 0;
  worksheet_write_string(ws, r++, 0, FitCell(w("summary.store_title")).c_str(),
                         book.Title());
  auto pair = [&](const std::string& label, double v) {
    worksheet_write_string(ws, r, 0, FitCell(label).c_str(), nullptr);
    worksheet_write_number(ws, r++, 1, v, book.Number(0, false, true));
  };
  pair(w("summary.files"), static_cast<double>(sm.files));
  pair(w("summary.documents"), static_cast<double>(sm.documents));
  for (const auto& [status, count] : sm.by_status) {
    const std::string key = "value.status." + status;
    pair(w.Format("summary.files_status", w.Has(key) ? w(key) : status),
         static_cast<double>(count));
  }
  worksheet_write_string(ws, r, 0, FitCell(w("summary.tool")).c_str(), nullptr);
  worksheet_write_string(ws, r++, 1, FitCell(sm.tool_version).c_str(), nullptr);
  worksheet_write_string(ws, r, 0, FitCell(w("summary.patterns")).c_str(), nullptr);
  worksheet_write_string(ws, r++, 1, FitCell(sm.patterns_version.substr(0, 12)).c_str(),
                         nullptr);
  ++r;
  lxw_row_t first = 0, last = 0;
  WriteSummaryTables(&book, ws, all, &r, &first, &last);
  if (first <= last) {
    // Findings by rule, errors and warnings stacked.
    lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_BAR_STACKED);
    const std::string names[] = {w("summary.errors"), w("summary.warnings")};
    const uint32_t colors[] = {0xC00000, 0xFFC000};
    for (int k = 0; k < 2; ++k) {
      lxw_chart_series* s = chart_add_series(chart, nullptr, nullptr);
      chart_series_set_categories(s, summary_name.c_str(), first, 0, last, 0);
      chart_series_set_values(s, summary_name.c_str(), first,
                              static_cast<lxw_col_t>(k + 2), last,
                              static_cast<lxw_col_t>(k + 2));
      chart_series_set_name(s, names[k].c_str());
      lxw_chart_fill fill{};
      fill.color = colors[k];
      chart_series_set_fill(s, &fill);
    }
    chart_title_set_name(chart, w("summary.chart").c_str());
    chart_axis_set_reverse(chart->y_axis);
    lxw_chart_options co{};
    co.x_scale = 1.6;
    co.y_scale =
        1.0 + 0.05 * static_cast<double>(std::min<lxw_row_t>(last - first + 1, 40));
    worksheet_insert_chart_opt(ws, 1, 7, chart, &co);
  }
  book.PrintSetup(ws, 0);
  // The store keeps no table cells: the list has no drawn tables to link to.
  if (problems) WriteProblems(&book, problems, all, DrawnTables{});
  lxw_error e = workbook_close(wb);
  if (e != LXW_NO_ERROR) {
    *err = MakeError(path, lxw_strerror(e));
    return false;
  }
  return true;
}

}  // namespace jx
