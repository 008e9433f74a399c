#include <xlsxwriter.h>

#include <map>
#include <set>

#include "base/text.h"
#include "export/book.h"
#include "export/tables.h"
#include "export/workbook.h"
#include "extract/number.h"

namespace jx {
namespace {

class TablesWriter {
 public:
  explicit TablesWriter(Book* book) : book_(book) {}

  // Writes one cell: a plain number as a number, anything else as a string.
  lxw_error WriteCell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c,
                      const std::string& text, bool header, size_t* width) {
    ParsedNumber n;
    if (!header && !text.empty() && ParseNumber(text, &n)) {
      double v = n.value.ToDouble();
      if (n.percent) v /= 100.0;
      bool grouped = text.find(',') != std::string::npos ||
                     text.find("\xEF\xBC\x8C") != std::string::npos;
      *width = NumberWidth(n.value, n.percent, grouped) + 2;
      return worksheet_write_number(ws, r, c, v,
                                    book_->Number(n.value.scale, n.percent, grouped,
                                                  Mark::kNone, /*bordered=*/true));
    }
    *width = std::min<size_t>(TextWidth(text, 60) + 2, 60);
    // write_string never creates a formula, whatever the text starts with.
    return worksheet_write_string(ws, r, c, FitCell(text).c_str(), Format(header));
  }

  lxw_format* Format(bool header) {
    return header ? book_->Header() : book_->Text(Mark::kNone, true, true);
  }

  bool WriteTable(const std::string& file, const Table& t, const std::string& sheet,
                  Error* err) {
    lxw_worksheet* ws = book_->AddSheet(sheet);
    if (!ws) {
      *err = MakeError(file, "cannot add worksheet '" + sheet + "'");
      return false;
    }
    // Built by appending: GCC 12 warns wrongly (-Wrestrict) on chains of +.
    std::string title = t.id;
    if (!t.title.empty()) title.append(" ").append(t.title);
    std::string lines = std::to_string(t.first_line);
    lines.append("-").append(std::to_string(t.last_line));
    title.append(" — ").append(file).append(" ").append(
        book_->words().Format("tables.lines", lines));
    worksheet_write_string(ws, 0, 0, FitCell(title).c_str(), book_->Title());
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
          worksheet_merge_range(ws, xr, xc, r2, c2, "", Format(header));
        }
        if (cell.anchor_row >= 0) continue;  // covered by a merge
        size_t w = 0;
        lxw_error e = WriteCell(ws, xr, xc, cell.text, header, &w);
        if (e != LXW_NO_ERROR) {
          *err = MakeError(file, t.id + " row " + std::to_string(r + 1) + " col " +
                                     std::to_string(c + 1) + ": " + lxw_strerror(e));
          return false;
        }
        if (cell.colspan == 1) widths[c] = std::max(widths[c], w);
      }
    }
    for (size_t c = 0; c < widths.size(); ++c)
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                           static_cast<double>(widths[c]), nullptr);
    worksheet_freeze_panes(ws, static_cast<lxw_row_t>(1 + t.header_rows), 0);
    book_->PrintSetup(ws, 1 + t.header_rows);
    return true;
  }

 private:
  Book* book_;
};

}  // namespace

bool WriteTablesXlsx(const std::vector<DocumentTables>& docs, const std::string& path,
                     const BookOptions& opt, Error* err) {
  lxw_workbook* wb =
      OpenWorkbook(path, /*streamed=*/false, err);  // merges need random access
  if (!wb) return false;
  Book book(wb, opt);
  TablesWriter w(&book);
  bool ok = true;
  size_t sheets = 0;
  for (size_t d = 0; d < docs.size() && ok; ++d) {
    if (!docs[d].ok) continue;
    for (const Table& t : docs[d].layout.tables) {
      std::string want;
      if (docs.size() > 1) want.append("d").append(std::to_string(d + 1)).append(" ");
      want.append(t.id);
      if (!t.title.empty()) want.append(" ").append(t.title);
      if (!w.WriteTable(docs[d].file, t, book.SheetName(want), err)) {
        ok = false;
        break;
      }
      ++sheets;
    }
  }
  if (ok && sheets == 0) {
    lxw_worksheet* ws = book.AddSheet(book.SheetName(book.words()("tables.none_sheet")));
    worksheet_write_string(ws, 0, 0, FitCell(book.words()("tables.none")).c_str(),
                           nullptr);
  }
  lxw_error e = workbook_close(wb);
  if (ok && e != LXW_NO_ERROR) {
    *err = MakeError(path, lxw_strerror(e));
    return false;
  }
  return ok;
}

}  // namespace jx
