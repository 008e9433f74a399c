#include <xlsxwriter.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <set>

#include "base/text.h"
#include "export/tables.h"
#include "export/workbook.h"
#include "extract/number.h"

namespace jx {

std::string FitCell(const std::string& s) {
  return CellText(s, kMaxCellUnits, kCutMarker);
}

namespace {

// Sheet names: at most 31 characters, none of []:*?/\, unique in the book.
std::string SheetName(const std::string& want, std::set<std::string>* used) {
  std::string clean;
  for (char c : CellText(want, 1000, "")) {
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = ' ';
    clean += c;
  }
  auto cut = [](const std::string& s, size_t max_cp) {
    std::string o;
    size_t cp = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && cp++ == max_cp) break;
      o += s[i];
    }
    return std::string(TrimSpace(o));
  };
  std::string name = cut(clean, 31);
  for (int k = 2; used->count(name); ++k) {
    std::string suffix = "~" + std::to_string(k);
    name = cut(clean, 31 - suffix.size()) + suffix;
  }
  used->insert(name);
  return name;
}

class XlsxWriter {
 public:
  explicit XlsxWriter(lxw_workbook* wb) : wb_(wb) {
    title_ = workbook_add_format(wb_);
    format_set_bold(title_);
    header_ = workbook_add_format(wb_);
    format_set_bold(header_);
    format_set_text_wrap(header_);
    format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(header_, 0xDDEBF7);
    format_set_border(header_, LXW_BORDER_THIN);
    text_ = workbook_add_format(wb_);
    format_set_text_wrap(text_);
    format_set_align(text_, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(text_, LXW_BORDER_THIN);
  }

  lxw_format* NumberFormat(int scale, bool percent, bool grouped) {
    auto key = std::make_tuple(scale, percent, grouped);
    auto it = numbers_.find(key);
    if (it != numbers_.end()) return it->second;
    std::string f = grouped ? "#,##0" : "0";
    if (scale > 0) f += "." + std::string(static_cast<size_t>(scale), '0');
    if (percent) f += "%";
    lxw_format* fmt = workbook_add_format(wb_);
    format_set_num_format(fmt, f.c_str());
    format_set_align(fmt, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(fmt, LXW_BORDER_THIN);
    numbers_[key] = fmt;
    return fmt;
  }

  // Writes one cell: a plain number as a number, anything else as a string.
  lxw_error WriteCell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c,
                      const std::string& text, bool header) {
    ParsedNumber n;
    if (!header && !text.empty() && ParseNumber(text, &n)) {
      double v = n.value.ToDouble();
      if (n.percent) v /= 100.0;
      bool grouped = text.find(',') != std::string::npos ||
                     text.find("\xEF\xBC\x8C") != std::string::npos;
      return worksheet_write_number(ws, r, c, v,
                                    NumberFormat(n.value.scale, n.percent, grouped));
    }
    // write_string never creates a formula, whatever the text starts with.
    return worksheet_write_string(ws, r, c, FitCell(text).c_str(),
                                  header ? header_ : text_);
  }

  bool WriteTable(const std::string& file, const Table& t, const std::string& sheet,
                  Error* err) {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, sheet.c_str());
    if (!ws) {
      *err = MakeError(file, "cannot add worksheet '" + sheet + "'");
      return false;
    }
    // Built by appending: GCC 12 warns wrongly (-Wrestrict) on chains of +.
    std::string title = t.id;
    if (!t.title.empty()) title.append(" ").append(t.title);
    title.append(" — ").append(file).append(" lines ");
    title.append(std::to_string(t.first_line))
        .append("-")
        .append(std::to_string(t.last_line));
    worksheet_write_string(ws, 0, 0, FitCell(title).c_str(), title_);
    std::vector<size_t> widths(std::max<size_t>(t.width(), 1), 8);
    for (size_t r = 0; r < t.rows.size(); ++r) {
      bool header = t.row_is_header[r];
      for (size_t c = 0; c < t.rows[r].size(); ++c) {
        const Cell& cell = t.rows[r][c];
        lxw_row_t xr = static_cast<lxw_row_t>(r + 1);
        lxw_col_t xc = static_cast<lxw_col_t>(c);
        if (cell.rowspan > 1 || cell.colspan > 1) {
          lxw_row_t r2 = xr + static_cast<lxw_row_t>(cell.rowspan - 1);
          lxw_col_t c2 = xc + static_cast<lxw_col_t>(cell.colspan - 1);
          worksheet_merge_range(ws, xr, xc, r2, c2, "", header ? header_ : text_);
        }
        if (cell.anchor_row >= 0) continue;  // covered by a merge
        lxw_error e = WriteCell(ws, xr, xc, cell.text, header);
        if (e != LXW_NO_ERROR) {
          *err = MakeError(file, t.id + " row " + std::to_string(r + 1) + " col " +
                                     std::to_string(c + 1) + ": " + lxw_strerror(e));
          return false;
        }
        size_t w = 0;
        for (std::string_view part : {std::string_view(cell.text)}) {
          size_t cp = 0;
          for (size_t i = 0; i < part.size(); ++i) {
            unsigned char ch = static_cast<unsigned char>(part[i]);
            if ((ch & 0xC0) == 0x80) continue;
            cp += ch >= 0xE0 ? 2 : 1;  // CJK takes two columns
          }
          w = cp;
        }
        widths[c] = std::max(widths[c], std::min<size_t>(w + 2, 60));
      }
    }
    for (size_t c = 0; c < widths.size(); ++c)
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                           static_cast<double>(widths[c]), nullptr);
    worksheet_freeze_panes(ws, static_cast<lxw_row_t>(1 + t.header_rows), 0);
    return true;
  }

 private:
  lxw_workbook* wb_;
  lxw_format* title_;
  lxw_format* header_;
  lxw_format* text_;
  std::map<std::tuple<int, bool, bool>, lxw_format*> numbers_;
};

}  // namespace

lxw_workbook* OpenWorkbook(const std::string& path, bool streamed, Error* err) {
  {
    std::ofstream probe(path, std::ios::binary | std::ios::app);
    if (!probe) {
      *err = MakeError(path, std::string("cannot write: ") + std::strerror(errno));
      return nullptr;
    }
  }
  lxw_workbook_options opts = {};
  opts.constant_memory = streamed ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &opts);
  if (!wb) *err = MakeError(path, "cannot create workbook");
  return wb;
}

bool WriteTablesXlsx(const std::vector<DocumentTables>& docs, const std::string& path,
                     Error* err) {
  lxw_workbook* wb =
      OpenWorkbook(path, /*streamed=*/false, err);  // merges need random access
  if (!wb) return false;
  XlsxWriter w(wb);
  std::set<std::string> used;
  bool ok = true;
  size_t sheets = 0;
  for (size_t d = 0; d < docs.size() && ok; ++d) {
    if (!docs[d].ok) continue;
    for (const Table& t : docs[d].layout.tables) {
      std::string want;
      if (docs.size() > 1) want.append("d").append(std::to_string(d + 1)).append(" ");
      want.append(t.id);
      if (!t.title.empty()) want.append(" ").append(t.title);
      if (!w.WriteTable(docs[d].file, t, SheetName(want, &used), err)) {
        ok = false;
        break;
      }
      ++sheets;
    }
  }
  if (ok && sheets == 0) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "no tables");
    worksheet_write_string(ws, 0, 0, "No tables were found in the input.", nullptr);
  }
  lxw_error e = workbook_close(wb);
  if (ok && e != LXW_NO_ERROR) {
    *err = MakeError(path, lxw_strerror(e));
    return false;
  }
  return ok;
}

}  // namespace jx
