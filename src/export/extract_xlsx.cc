#include <xlsxwriter.h>

#include <algorithm>
#include <map>

#include "base/text.h"
#include "export/extract.h"
#include "export/workbook.h"
#include "record/sheets.h"

namespace jx {

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
          std::string text = FitCell(v.text);
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

bool WriteExtractXlsx(const std::vector<Sheet>& sheets, const std::string& path,
                      Error* err) {
  // Rows are written in order: constant memory mode streams each sheet.
  lxw_workbook* wb = OpenWorkbook(path, /*streamed=*/true, err);
  if (!wb) return false;
  AddSheets(wb, sheets);
  lxw_error e = workbook_close(wb);
  if (e != LXW_NO_ERROR) {
    *err = MakeError(path, lxw_strerror(e));
    return false;
  }
  return true;
}

}  // namespace jx
