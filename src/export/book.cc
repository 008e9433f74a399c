#include "export/book.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "base/producer.h"
#include "base/text.h"

namespace jx {

std::string FitCell(const std::string& s) {
  return CellText(s, kMaxCellUnits, kCutMarker);
}

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
  if (!wb) {
    *err = MakeError(path, "cannot create workbook");
    return nullptr;
  }
  const std::string name(kProducerProperty), value(kProducerValue);
  workbook_set_custom_property_string(wb, name.c_str(), value.c_str());
  return wb;
}

Book::Book(lxw_workbook* wb, const BookOptions& o)
    : wb_(wb), opt_(o), words_(*o.terms, o.lang) {}

std::string Book::SheetName(const std::string& want) {
  std::string clean;
  for (char c : CellText(want, 1000, "")) {
    // A quote is allowed inside a name but breaks a link's quoting at its
    // ends; none is needed.
    if (std::string_view("[]:*?/\\'").find(c) != std::string_view::npos) c = ' ';
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
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
  if (name.empty()) name = "~";
  // Excel compares sheet names without case.
  auto taken = [&](const std::string& n) {
    std::string low = n;
    for (char& c : low)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return used_.count(low) > 0;
  };
  for (int k = 2; taken(name); ++k) {
    std::string suffix = "~" + std::to_string(k);
    name = cut(clean, 31 - suffix.size()) + suffix;
  }
  std::string low = name;
  for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  used_.insert(low);
  return name;
}

lxw_worksheet* Book::AddSheet(const std::string& name) {
  return workbook_add_worksheet(wb_, name.c_str());
}

void Book::PrintSetup(lxw_worksheet* ws, int head_rows) {
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_fit_to_pages(ws, 1, 0);
  if (head_rows > 0) worksheet_repeat_rows(ws, 0, static_cast<lxw_row_t>(head_rows - 1));
}

void Book::WriteLink(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& link,
                     const std::string& text, lxw_format* plain) {
  const std::string shown = FitCell(text);
  if (links_[ws] < LXW_MAX_NUMBER_URLS &&
      worksheet_write_url_opt(ws, r, c, link.c_str(), Link(), shown.c_str(), nullptr) ==
          LXW_NO_ERROR) {
    ++links_[ws];
    return;
  }
  worksheet_write_string(ws, r, c, shown.c_str(), plain);
}

lxw_format* Book::Title() {
  if (!title_) {
    title_ = workbook_add_format(wb_);
    format_set_bold(title_);
    format_set_font_size(title_, 12);
  }
  return title_;
}

lxw_format* Book::Header() {
  if (!header_) {
    header_ = workbook_add_format(wb_);
    format_set_bold(header_);
    format_set_text_wrap(header_);
    format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(header_, 0xDDEBF7);
    format_set_border(header_, LXW_BORDER_THIN);
  }
  return header_;
}

lxw_format* Book::Link() {
  if (!link_) {
    link_ = workbook_add_format(wb_);
    format_set_underline(link_, LXW_UNDERLINE_SINGLE);
    format_set_font_color(link_, LXW_COLOR_BLUE);
    format_set_align(link_, LXW_ALIGN_VERTICAL_TOP);
    format_set_text_wrap(link_);
  }
  return link_;
}

lxw_format* Book::Year() {
  if (!year_) {
    year_ = workbook_add_format(wb_);
    format_set_num_format(year_, "0");
    format_set_align(year_, LXW_ALIGN_VERTICAL_TOP);
  }
  return year_;
}

namespace {

void SetMark(lxw_format* f, Mark m) {
  // Excel's own "bad" and "neutral" cell styles: red for an error, amber for
  // a warning.
  if (m == Mark::kError) {
    format_set_bg_color(f, 0xFFC7CE);
    format_set_font_color(f, 0x9C0006);
  } else if (m == Mark::kWarning) {
    format_set_bg_color(f, 0xFFEB9C);
    format_set_font_color(f, 0x9C5700);
  }
}

}  // namespace

lxw_format* Book::Text(Mark m, bool wrap, bool bordered, bool bold) {
  lxw_format*& f = formats_[FormatSlot(-1, wrap, m, bordered, bold)];
  if (f) return f;
  f = workbook_add_format(wb_);
  format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
  if (wrap) format_set_text_wrap(f);
  if (bordered) format_set_border(f, LXW_BORDER_THIN);
  if (bold) format_set_bold(f);
  SetMark(f, m);
  return f;
}

lxw_format* Book::Number(int scale, bool percent, bool grouped, Mark m, bool bordered,
                         bool bold) {
  scale = std::clamp(scale, 0, 10);
  if (percent) grouped = false;
  // A percent is never grouped: `grouped` tells the two apart in the slot.
  lxw_format*& f = formats_[FormatSlot(scale, percent || grouped, m, bordered, bold) +
                            (percent ? kFormatSlots / 2 : 0)];
  if (f) return f;
  std::string nf = grouped ? "#,##0" : "0";
  if (scale > 0) nf += "." + std::string(static_cast<size_t>(scale), '0');
  if (percent) nf += "%";
  f = workbook_add_format(wb_);
  format_set_num_format(f, nf.c_str());
  format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
  if (bordered) format_set_border(f, LXW_BORDER_THIN);
  if (bold) format_set_bold(f);
  SetMark(f, m);
  return f;
}

size_t TextWidth(std::string_view s, size_t enough) {
  size_t best = 0, cur = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char ch = static_cast<unsigned char>(s[i]);
    if (ch == '\n') {
      best = std::max(best, cur);
      cur = 0;
      continue;
    }
    if ((ch & 0xC0) == 0x80) continue;
    cur += ch >= 0xE0 ? 2 : 1;  // CJK takes two columns
    if (cur >= enough) return cur;
  }
  return std::max(best, cur);
}

size_t WrappedLines(std::string_view text, size_t width) {
  const size_t room = width > 2 ? width - 2 : 1;
  size_t lines = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const size_t w = TextWidth(text.substr(pos, nl - pos));
    lines += std::max<size_t>(1, (w + room - 1) / room);
    pos = nl + 1;
  }
  return std::max<size_t>(lines, 1);
}

double RowHeight(size_t lines) {
  return std::min(409.0, 16.0 * static_cast<double>(std::max<size_t>(lines, 1)) + 2.0);
}

size_t NumberWidth(const Decimal& d, bool percent, bool grouped) {
  std::string digits = d.ToString();
  size_t neg = !digits.empty() && digits[0] == '-' ? 1 : 0;
  size_t dot = digits.find('.');
  size_t whole = (dot == std::string::npos ? digits.size() : dot) - neg;
  size_t frac = dot == std::string::npos ? 0 : digits.size() - dot;  // with the dot
  if (percent) whole = whole > 2 ? whole - 2 : 1;  // the fraction: two digits fewer
  size_t w = neg + whole + frac + (percent ? 1 : 0);
  if (grouped && !percent && whole > 3) w += (whole - 1) / 3;
  return w;
}

std::string CellLink(const std::string& sheet, size_t row, size_t col) {
  std::string ref;
  size_t c = col + 1;
  while (c > 0) {
    ref.insert(ref.begin(), static_cast<char>('A' + (c - 1) % 26));
    c = (c - 1) / 26;
  }
  return "internal:'" + sheet + "'!" + ref + std::to_string(row + 1);
}

lxw_error WriteValue(Book* book, lxw_worksheet* ws, lxw_row_t r, lxw_col_t c,
                     const Value& v, lxw_format* text, lxw_format* number) {
  (void)book;
  if (v.kind == Value::kNumber) {
    double x = v.number.ToDouble();
    if (v.percent) x /= 100.0;
    return worksheet_write_number(ws, r, c, x, number);
  }
  if (v.kind == Value::kText)
    // write_string stores text as text, whatever it starts with (= + - @).
    return worksheet_write_string(ws, r, c, FitCell(v.text).c_str(), text);
  return text ? worksheet_write_blank(ws, r, c, text) : LXW_NO_ERROR;
}

size_t ColumnOf(const Sheet& sheet, std::string_view name) {
  for (size_t c = 0; c < sheet.columns.size(); ++c)
    if (sheet.columns[c] == name) return c;
  return std::string::npos;
}

const Value& At(const std::vector<Value>& row, size_t c) {
  static const Value kEmpty;
  return c < row.size() ? row[c] : kEmpty;
}

std::string AsText(const Value& v) {
  if (v.kind == Value::kText) return v.text;
  if (v.kind == Value::kNumber) return v.number.ToString();
  return "";
}

}  // namespace jx
