// Line scanning: which lines are table rows, in which of the three layouts.
#include <algorithm>
#include <optional>

#include "base/text.h"
#include "layout/internal.h"

namespace jx::layout {
namespace {

// Empty for row-breaking purposes: nothing but ASCII white space. A line of
// U+3000 right after a cell is that cell's (blank) continuation.
bool IsEmptyLine(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v') return false;
  return true;
}

bool IsPipeRow(std::string_view line) {
  std::string_view t = TrimSpace(line);
  if (t.size() < 3 || t.front() != '|') return false;
  return std::count(t.begin(), t.end(), '|') >= 2;
}

// The cells between a row's pipes; `outer`: the row's first and last pipe
// are its edges ("| a | b |"), not cell boundaries (" | b" is an empty cell
// and b).
std::vector<std::string> SplitPipes(std::string_view line, bool outer = true) {
  std::string_view t = TrimSpace(line);
  if (outer && !t.empty() && t.front() == '|') t.remove_prefix(1);
  if (outer && !t.empty() && t.back() == '|' &&
      !(t.size() >= 2 && t[t.size() - 2] == '\\'))
    t.remove_suffix(1);
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '\\' && i + 1 < t.size() && t[i + 1] == '|') {
      cur.push_back('|');
      ++i;
    } else if (t[i] == '|') {
      out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(t[i]);
    }
  }
  out.push_back(std::move(cur));
  return out;
}

bool IsRuleCell(std::string_view c, bool allow_colons) {
  c = TrimSpace(c);
  if (c.empty()) return false;
  for (char ch : c)
    if (ch != '-' && !(allow_colons && ch == ':')) return false;
  return c.find('-') != std::string_view::npos;
}

// GitHub's table without outer pipes: a line "a | b" over a delimiter line
// "---|:--:" of as many cells. Without the delimiter a '|' is only text.
bool OpensBarePipeTable(std::string_view line, std::string_view next) {
  if (line.find('|') == std::string_view::npos ||
      next.find('|') == std::string_view::npos)
    return false;
  std::vector<std::string> head = SplitPipes(line, false), rule = SplitPipes(next);
  if (head.size() < 2 || head.size() != rule.size()) return false;
  for (const std::string& c : rule)
    if (!IsRuleCell(c, /*allow_colons=*/true)) return false;
  return true;
}

// "--\t----\t---": a drawn rule exported as a row; not content.
bool IsRuleRow(const std::vector<std::string>& cells, bool pipe) {
  bool any = false;
  for (const std::string& c : cells) {
    if (IsBlank(c)) {
      if (pipe) return false;
      continue;
    }
    if (!IsRuleCell(c, pipe)) return false;
    any = true;
  }
  return any;
}

Cell MakeCell(std::string_view raw, const TextLine& line) {
  Cell c;
  c.text = std::string(TrimSpace(raw));
  c.first_line = c.last_line = line.number;
  c.page = line.page;
  return c;
}

class Scanner {
 public:
  Scanner(const Document& doc, TextMode mode) : doc_(doc), mode_(mode) {}

  std::vector<Item> Run() {
    const auto& lines = doc_.lines;
    for (size_t i = 0; i < lines.size(); ++i) {
      const std::string& text = lines[i].text;
      if (IsPipeRow(text) || (bare_pipes_ && text.find('|') != std::string::npos)) {
        if (open_ && open_->piece.format != TableFormat::kPipeRows) Close();
        AddPipeRow(i);
      } else if (i + 1 < lines.size() && OpensBarePipeTable(text, lines[i + 1].text)) {
        Close();
        bare_cells_ = SplitPipes(text, false).size();
        bare_pipes_ = true;
        AddPipeRow(i);
        AddPipeRow(i + 1);  // the delimiter: marks the header above it
        ++i;
      } else {
        if (bare_pipes_) Close();  // a line without '|' ends such a table
        if (mode_ == TextMode::kTabRows)
          ScanTabRowLine(i);
        else
          ScanCellLine(i);
      }
    }
    Close();
    return std::move(items_);
  }

 private:
  void Open(TableFormat f, size_t i) {
    open_ = Item{};
    open_->kind = Item::kPiece;
    open_->line = i;
    open_->piece.format = f;
    open_->piece.first_line = doc_.lines[i].number;
  }

  void Close() {
    bare_pipes_ = false;
    CloseRow();
    if (open_) {
      if (!open_->piece.rows.empty()) {
        open_->piece.last_line = open_->piece.rows.back().last_line;
        items_.push_back(std::move(*open_));
      }
      open_.reset();
    }
    for (size_t b : pending_blanks_) items_.push_back(Item{Item::kBlank, b, {}});
    pending_blanks_.clear();
  }

  void CloseRow() {
    if (row_ && open_) open_->piece.rows.push_back(std::move(*row_));
    row_.reset();
    in_cell_ = false;
  }

  void Text(size_t i) { items_.push_back(Item{Item::kText, i, {}}); }
  void Blank(size_t i) { items_.push_back(Item{Item::kBlank, i, {}}); }

  void AddPipeRow(size_t i) {
    if (!open_) Open(TableFormat::kPipeRows, i);
    std::vector<std::string> cells = SplitPipes(doc_.lines[i].text);
    if (bare_pipes_) {
      // Rows of a table without outer pipes: a pipe at either end is an
      // edge only where the row has more cells than the header without it.
      cells = SplitPipes(doc_.lines[i].text, false);
      if (cells.size() > bare_cells_ && IsBlank(cells.front()))
        cells.erase(cells.begin());
      if (cells.size() > bare_cells_ && IsBlank(cells.back())) cells.pop_back();
    }
    if (IsRuleRow(cells, /*pipe=*/true)) {
      if (!open_->piece.rows.empty()) open_->piece.rows.back().pipe_header = true;
      return;
    }
    RawRow r;
    r.first_line = r.last_line = doc_.lines[i].number;
    r.cells.reserve(cells.size());  // a row's cells are held to the end: no slack
    for (const std::string& c : cells) r.cells.push_back(MakeCell(c, doc_.lines[i]));
    open_->piece.rows.push_back(std::move(r));
  }

  void ScanTabRowLine(size_t i) {
    const TextLine& line = doc_.lines[i];
    // A line of tabs alone is a row of empty cells, not a blank line.
    if (line.text.find('\t') != std::string::npos) {
      if (open_ && open_->piece.format != TableFormat::kTabRows) Close();
      if (!open_) Open(TableFormat::kTabRows, i);
      std::vector<std::string> cells = SplitTabs(line.text);
      if (IsRuleRow(cells, /*pipe=*/false)) return;
      RawRow r;
      r.first_line = r.last_line = line.number;
      r.cells.reserve(cells.size());  // a row's cells are held to the end: no slack
      for (const std::string& c : cells) r.cells.push_back(MakeCell(c, line));
      open_->piece.rows.push_back(std::move(r));
      return;
    }
    Close();
    if (IsBlank(line.text)) {
      Blank(i);
    } else {
      Text(i);
    }
  }

  void ScanCellLine(size_t i) {
    const TextLine& line = doc_.lines[i];
    const std::string& text = line.text;
    if (!text.empty() && text[0] == '\t') {
      if (open_ && open_->piece.format != TableFormat::kCellLines) Close();
      if (!open_) Open(TableFormat::kCellLines, i);
      pending_blanks_.clear();  // blank lines inside a table only end rows
      if (!row_) {
        row_ = RawRow{};
        row_->first_line = line.number;
      }
      for (const std::string& c : SplitTabs(std::string_view(text).substr(1)))
        row_->cells.push_back(MakeCell(c, line));
      row_->last_line = line.number;
      in_cell_ = true;
      return;
    }
    if (IsEmptyLine(text)) {
      if (open_) {
        CloseRow();
        pending_blanks_.push_back(i);
      } else {
        Blank(i);
      }
      return;
    }
    if (in_cell_ && row_ && !row_->cells.empty()) {
      // A wrapped line of the cell above.
      Cell& c = row_->cells.back();
      std::string_view add = TrimSpace(text);
      if (!add.empty()) {
        if (!c.text.empty()) c.text += '\n';
        c.text += add;
      }
      c.last_line = line.number;
      row_->last_line = line.number;
      return;
    }
    Close();
    Text(i);
  }

  const Document& doc_;
  TextMode mode_;
  std::vector<Item> items_;
  std::optional<Item> open_;
  bool bare_pipes_ = false;  // in a table "a | b" opened by its delimiter line
  size_t bare_cells_ = 0;    // that table's header cells
  std::optional<RawRow> row_;
  bool in_cell_ = false;
  std::vector<size_t> pending_blanks_;
};

}  // namespace

TextMode DetectMode(const Document& doc) {
  size_t cell_votes = 0, row_votes = 0;
  for (const TextLine& l : doc.lines) {
    size_t tabs = std::count(l.text.begin(), l.text.end(), '\t');
    if (tabs == 0) continue;
    if (l.text[0] == '\t' && tabs == 1)
      ++cell_votes;
    else
      ++row_votes;
  }
  return cell_votes > row_votes ? TextMode::kCellLines : TextMode::kTabRows;
}

std::vector<Item> ScanLines(const Document& doc, TextMode mode) {
  return Scanner(doc, mode).Run();
}

namespace {

// Gaps of two spaces or more (an ideographic space counts two) between
// words; whether a digit is on the line.
int AlignedGaps(std::string_view s, bool* digit) {
  s = TrimSpace(s);
  int gaps = 0, run = 0;
  *digit = false;
  // A gap needs two spaces or an ideographic one: most lines have neither,
  // and are not walked.
  if (s.find("  ") == std::string_view::npos &&
      s.find(kIdeographicSpace) == std::string_view::npos)
    return 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\t' || s[i] == '|') return 0;  // a row of another kind
    if (s[i] == ' ') {
      ++run;
      continue;
    }
    // U+3000; its lead byte tested first, so that other characters cost no
    // comparison.
    if (s[i] == kIdeographicSpace[0] &&
        s.compare(i, kIdeographicSpace.size(), kIdeographicSpace) == 0) {
      run += 2;
      i += 2;
      continue;
    }
    if (run >= 2) ++gaps;
    run = 0;
    *digit |= s[i] >= '0' && s[i] <= '9';
  }
  return gaps;
}

}  // namespace

std::vector<LineSpan> AlignedBlocks(const Document& doc) {
  constexpr int kMinLines = 3, kMinGaps = 2, kMinNumbered = 2;
  std::vector<LineSpan> out;
  size_t start = 0;
  int numbered = 0;
  auto flush = [&](size_t end) {
    if (static_cast<int>(end - start) >= kMinLines && numbered >= kMinNumbered)
      out.push_back({doc.lines[start].number, doc.lines[end - 1].number});
  };
  for (size_t i = 0; i <= doc.lines.size(); ++i) {
    bool digit = false;
    bool aligned =
        i < doc.lines.size() && AlignedGaps(doc.lines[i].text, &digit) >= kMinGaps;
    if (!aligned) {
      flush(i);
      start = i + 1;
      numbered = 0;
      continue;
    }
    numbered += digit;
  }
  return out;
}

}  // namespace jx::layout
