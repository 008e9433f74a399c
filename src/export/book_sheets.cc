// The normalized sheets as worksheets: headers and values in the book's
// words, numbers with their printed decimals, a long sheet split over parts.
#include <algorithm>
#include <optional>
#include <unordered_map>

#include "base/text.h"
#include "export/book.h"

namespace jx {
namespace {

// Columns whose numbers are percents (a rate printed as 95.5 is 95.5%).
bool PercentColumn(const std::string& col) { return col == "rate_percent"; }
// Columns of sentences: wrapped in a column of bounded width.
bool WrappedColumn(const std::string& col) { return col == "message" || col == "error"; }

constexpr size_t kMaxTextWidth = 60, kWrappedWidth = 50, kMaxHeaderWidth = 16;

// A year printed as digits only ("2024") is a number.
bool IsYear(const Value& v) {
  if (v.kind != Value::kText || v.text.empty() || v.text.size() > 4) return false;
  return std::all_of(v.text.begin(), v.text.end(),
                     [](char c) { return c >= '0' && c <= '9'; });
}

class SheetWriter {
 public:
  SheetWriter(Book* book, const Sheet& s) : book_(book), s_(s) {}

  // The words of column `c`: the sheet's own key first, then the shared one.
  std::string Column(size_t c) const {
    const Words& w = book_->words();
    std::string own = "col." + s_.name + "." + s_.columns[c];
    return w.Has(own) ? w(own) : w("col." + s_.columns[c]);
  }

  // What the cell shows when the column's values are words: `v` itself
  // unless a word replaces it (then a value held until the next call).
  const Value& Shown(size_t c, const Value& v) const {
    if (v.kind != Value::kText || !value_words_[c]) return v;
    // Such a column holds a few values over and over (a severity, a kind):
    // each one's word is looked up once, every cell read twice.
    auto& memo = words_memo_[c];
    auto it = memo.find(v.text);
    if (it == memo.end()) {
      std::string key = "value." + s_.columns[c] + "." + v.text;
      std::optional<std::string> word;
      if (book_->words().Has(key)) word = book_->words()(key);
      if (memo.size() >= kMemoValues) {
        if (!word) return v;
        shown_ = v;
        shown_.text = std::move(*word);
        return shown_;
      }
      it = memo.emplace(v.text, std::move(word)).first;
    }
    if (!it->second) return v;
    shown_ = v;
    shown_.text = *it->second;
    return shown_;
  }

  void Plan() {
    const size_t n = s_.columns.size();
    value_words_.assign(n, false);
    words_memo_.assign(n, {});
    percent_.assign(n, false);
    wrapped_.assign(n, false);
    year_.assign(n, false);
    widths_.assign(n, 8);
    for (size_t c = 0; c < n; ++c) {
      value_words_[c] = book_->words().HasPrefix("value." + s_.columns[c] + ".");
      percent_[c] = PercentColumn(s_.columns[c]);
      wrapped_[c] = WrappedColumn(s_.columns[c]);
      year_[c] = s_.columns[c] == "year";
      widths_[c] =
          std::max(widths_[c], std::min(TextWidth(Column(c)), kMaxHeaderWidth) + 2);
    }
  }

  // Whether a row's height depends on the column widths (a wrapped column's
  // lines): then every row is measured before any is written.
  bool WidthsFirst() const {
    return std::find(wrapped_.begin(), wrapped_.end(), true) != wrapped_.end();
  }

  // Widths from every row; set on the parts once all rows are in.
  void Measure(const std::vector<Value>& row) {
    for (size_t c = 0; c < row.size() && c < widths_.size(); ++c) {
      const Value& v = Shown(c, row[c]);
      size_t w = 0;
      if (v.kind == Value::kNumber) {
        const bool pct = v.percent || percent_[c];
        w = NumberWidth(v.number, pct, !pct) + 2;
      } else if (v.kind == Value::kText) {
        const size_t cap = wrapped_[c] ? kWrappedWidth : kMaxTextWidth;
        w = std::min(TextWidth(v.text, cap) + 2, cap);
      }
      widths_[c] = std::max(widths_[c], w);
    }
  }

  // The header row of a part.
  void Head(lxw_worksheet* ws) {
    for (size_t c = 0; c < s_.columns.size(); ++c)
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), FitCell(Column(c)).c_str(),
                             book_->Header());
  }

  // One row at sheet row `xr` of a part.
  void Row(lxw_worksheet* ws, lxw_row_t xr, const std::vector<Value>& row,
           const std::vector<std::string>& tables_parts, size_t tables_per_part) {
    size_t lines = 1;
    for (size_t c = 0; c < row.size() && c < s_.columns.size(); ++c)
      if (row[c].kind == Value::kText && wrapped_[c])
        lines = std::max(lines, WrappedLines(row[c].text, widths_[c]));
    if (lines > 1) worksheet_set_row(ws, xr, RowHeight(lines), nullptr);
    for (size_t c = 0; c < row.size() && c < s_.columns.size(); ++c) {
      const lxw_col_t xc = static_cast<lxw_col_t>(c);
      const Value& v = Shown(c, row[c]);
      const Mark m = v.flagged ? Mark::kError : Mark::kNone;
      size_t target = 0;
      if (v.kind == Value::kText && !v.link.empty() && TablesLinkRow(v.link, &target) &&
          !tables_parts.empty() && target / tables_per_part < tables_parts.size()) {
        // The text column of the cell's row, in whichever part holds it.
        std::string link = CellLink(tables_parts[target / tables_per_part],
                                    target % tables_per_part + 1, 5);
        book_->WriteLink(ws, xr, xc, link, v.text, book_->Text(m));
        continue;
      }
      if (year_[c] && IsYear(v)) {
        worksheet_write_number(ws, xr, xc, std::stod(v.text), book_->Year());
        continue;
      }
      if (v.kind == Value::kNumber && percent_[c] && !v.percent) {
        Value pct = v;
        pct.percent = true;
        WriteValue(book_, ws, xr, xc, pct, nullptr,
                   book_->Number(pct.number.scale, true, false, m));
        continue;
      }
      WriteValue(book_, ws, xr, xc, v,
                 v.kind == Value::kText ? book_->Text(m, wrapped_[c]) : nullptr,
                 v.kind == Value::kNumber
                     ? book_->Number(v.number.scale, v.percent, !v.percent, m)
                     : nullptr);
    }
  }

  // Widths, panes, filter and print setup of a part of `rows` rows.
  void Finish(lxw_worksheet* ws, size_t rows) {
    for (size_t c = 0; c < widths_.size(); ++c)
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                           static_cast<double>(widths_[c]), nullptr);
    worksheet_freeze_panes(ws, 1, 0);
    if (rows > 0 && !s_.columns.empty())
      worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(rows),
                           static_cast<lxw_col_t>(s_.columns.size() - 1));
    book_->PrintSetup(ws, 1);
  }

 private:
  Book* book_;
  const Sheet& s_;
  std::vector<bool> value_words_, percent_, wrapped_, year_;
  // Per column, a value's word (none: shown as it is), for so many values.
  static constexpr size_t kMemoValues = 256;
  mutable std::vector<std::unordered_map<std::string, std::optional<std::string>>>
      words_memo_;
  std::vector<size_t> widths_;
  mutable Value shown_;
};

}  // namespace

bool AddSheets(Book* book, const SheetRows& sheets, Error* err) {
  const size_t per = std::max<size_t>(book->options().max_rows, 2) - 1;
  const std::vector<Sheet>& heads = sheets.heads();
  // Every part is named before anything is written: links into Tables go to
  // the part that holds their row.
  std::vector<std::vector<std::string>> names(heads.size());
  std::vector<std::string> tables_parts;
  for (size_t i = 0; i < heads.size(); ++i) {
    const size_t parts = std::max<size_t>(1, (sheets.Rows(i) + per - 1) / per);
    const std::string base = book->words()("sheet." + heads[i].name);
    for (size_t p = 0; p < parts; ++p)
      names[i].push_back(
          book->SheetName(p == 0 ? base : base + " (" + std::to_string(p + 1) + ")"));
    if (heads[i].name == "Tables") tables_parts = names[i];
  }
  // Each sheet is read row by row into its parts, never held whole; a sheet
  // with a wrapped column is read twice, its widths first. Column widths are
  // set after the rows: a streamed sheet writes them when it is closed.
  for (size_t i = 0; i < heads.size(); ++i) {
    SheetWriter w(book, heads[i]);
    w.Plan();
    const bool widths_first = w.WidthsFirst();
    if (widths_first &&
        !sheets.Each(
            i, [&](const std::vector<Value>& row) { w.Measure(row); }, err))
      return false;
    const size_t total = sheets.Rows(i);
    std::vector<lxw_worksheet*> parts;
    for (size_t p = 0; p < names[i].size(); ++p) {
      parts.push_back(book->AddSheet(names[i][p]));
      if (parts.back()) w.Head(parts.back());
    }
    size_t r = 0;
    if (!sheets.Each(
            i,
            [&](const std::vector<Value>& row) {
              if (!widths_first) w.Measure(row);
              const size_t p = r / per;
              if (p < parts.size() && parts[p])
                w.Row(parts[p], static_cast<lxw_row_t>(r % per + 1), row, tables_parts,
                      per);
              ++r;
            },
            err))
      return false;
    for (size_t p = 0; p < parts.size(); ++p)
      if (parts[p]) w.Finish(parts[p], std::min(total, (p + 1) * per) - p * per);
  }
  return true;
}

void AddSheets(Book* book, const std::vector<Sheet>& sheets) {
  Error err;
  AddSheets(book, SheetsInMemory(sheets), &err);
}

}  // namespace jx
