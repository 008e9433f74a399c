// Header rows, column names, merged header cells and hierarchy fill-down.
#include <algorithm>

#include "base/text.h"
#include "layout/internal.h"

namespace jx::layout {
namespace {

int LevelOf(std::string_view name) {
  if (name == "level") return 0;
  if (name.size() == 6 && name.starts_with("level") && name[5] >= '1' && name[5] <= '9')
    return name[5] - '0';
  return -1;
}

int CountMatches(const std::vector<Cell>& cells, const PatternFile& header, int* nonempty,
                 bool* numeric) {
  int matched = 0;
  *nonempty = 0;
  *numeric = false;
  for (const Cell& c : cells) {
    if (IsBlank(c.text)) continue;
    ++*nonempty;
    if (LooksNumeric(c.text)) *numeric = true;
    if (!header.FirstName(c.text).empty()) ++matched;
  }
  return matched;
}

void BuildSectionColumns(Table* t, Section* s, const PatternFile& header) {
  const int h = s->header_rows;
  size_t w = 0;
  size_t end = t->rows.size();
  for (const Section& other : t->sections)
    if (other.first_row > s->first_row) end = std::min(end, size_t(other.first_row));
  for (size_t r = static_cast<size_t>(s->first_row); r < end; ++r)
    w = std::max(w, t->rows[r].size());
  auto text_at = [&](int hr, size_t c) -> const std::string& {
    static const std::string kEmpty;
    const auto& row = t->rows[static_cast<size_t>(s->first_row + hr)];
    return c < row.size() ? row[c].text : kEmpty;
  };
  // owner[hr][c]: the header cell whose label covers (hr, c).
  std::vector<std::vector<std::pair<int, int>>> owner(
      static_cast<size_t>(h), std::vector<std::pair<int, int>>(w, {-1, -1}));
  auto below_has_text = [&](int hr, size_t c) {
    for (int k = hr + 1; k < h; ++k)
      if (!IsBlank(text_at(k, c))) return true;
    return false;
  };
  for (int hr = 0; hr < h; ++hr) {
    auto& row = t->rows[static_cast<size_t>(s->first_row + hr)];
    for (size_t c = 0; c < w; ++c) {
      if (owner[hr][c].first >= 0 || IsBlank(text_at(hr, c))) continue;
      owner[hr][c] = {hr, static_cast<int>(c)};
      // Spread right over empty cells that have sub-headers below them.
      size_t k = c + 1;
      if (hr + 1 < h)
        while (k < w && IsBlank(text_at(hr, k)) && below_has_text(hr, k)) ++k;
      // Spread down over empty header cells.
      int d = hr + 1;
      while (d < h && IsBlank(text_at(d, c)) && owner[d][c].first < 0) ++d;
      for (int rr = hr; rr < d; ++rr)
        for (size_t cc = c; cc < k; ++cc)
          if (owner[rr][cc].first < 0) owner[rr][cc] = {hr, static_cast<int>(c)};
      int rowspan = d - hr, colspan = static_cast<int>(k - c);
      if ((rowspan > 1 || colspan > 1) && c < row.size()) {
        row[c].rowspan = rowspan;
        row[c].colspan = colspan;
        for (int rr = hr; rr < d; ++rr) {
          auto& cov = t->rows[static_cast<size_t>(s->first_row + rr)];
          for (size_t cc = c; cc < k && cc < cov.size(); ++cc) {
            if (rr == hr && cc == c) continue;
            cov[cc].anchor_row = s->first_row + hr;
            cov[cc].anchor_col = static_cast<int>(c);
          }
        }
      }
    }
  }
  s->columns.assign(w, Column{});
  for (size_t c = 0; c < w; ++c) {
    std::vector<std::string> path;
    for (int hr = 0; hr < h; ++hr) {
      auto [orow, ocol] = owner[hr][c];
      if (orow < 0) continue;
      const std::string& txt = text_at(orow, static_cast<size_t>(ocol));
      if (path.empty() || path.back() != txt) path.push_back(txt);
    }
    Column& col = s->columns[c];
    for (const std::string& p : path) {
      if (!col.label.empty()) col.label += '/';
      col.label += CollapseSpace(p);
      col.path_keys.emplace_back(header.FirstName(p));
    }
    for (auto it = path.rbegin(); it != path.rend(); ++it) {
      std::string_view name = header.FirstName(*it);
      if (name.empty()) continue;
      if (col.key.empty()) col.key = std::string(name);
      if (col.level < 0) col.level = LevelOf(name);
    }
  }
}

// Two cells of a row trade their text and value: a cell read into the wrong
// column goes back to its own.
void SwapCells(Cell* a, Cell* b) {
  const std::string va = a->value(), vb = b->value();
  std::swap(a->text, b->text);
  a->set_value(vb);
  b->set_value(va);
}

// Columns inferred from alignment serve the whole table, but a section's
// columns may be fewer and wider (a form's funds block above its indicator
// block): a number set right in the section's last column then lands in a
// column further right that the section's header never names. On a row
// whose last named column is empty, the one cell beyond it is that
// column's.
void PullIntoLastColumn(Table* t, const Section& s, size_t end) {
  size_t named = 0;
  for (int hr = 0; hr < s.header_rows; ++hr) {
    const auto& row = t->rows[static_cast<size_t>(s.first_row + hr)];
    for (size_t c = 0; c < row.size(); ++c)
      if (!IsBlank(row[c].text)) named = std::max(named, c + 1);
  }
  if (named == 0) return;
  for (size_t r = static_cast<size_t>(s.first_row + s.header_rows); r < end; ++r) {
    auto& row = t->rows[r];
    if (t->row_is_header[r] || row.size() <= named || !IsBlank(row[named - 1].text))
      continue;
    size_t beyond = row.size(), count = 0;
    for (size_t c = named; c < row.size(); ++c)
      if (!IsBlank(row[c].text)) beyond = c, ++count;
    if (count != 1) continue;
    SwapCells(&row[named - 1], &row[beyond]);
  }
}

// A table that sets a merged label at the foot of the rows it spans (a
// PDF's geometry shows it: Table::labels_at_foot) prints it on the span's
// last row: in each hierarchy column the span runs from the row after the
// column's last label down to it, and the label goes to its first row, as
// text prints it. Only where those rows read as its span: none holds a
// label of a hierarchy column further left (a parent ends at or below its
// children), each holds something right of the column, and the label's own
// row names its child in the next column when that is a hierarchy column
// (a number there makes it a total row, a row of its own).
void LiftFootLabels(Table* t, const Section& s, size_t end) {
  std::vector<size_t> hier;
  for (size_t c = 0; c < s.columns.size(); ++c)
    if (s.columns[c].level >= 0) hier.push_back(c);
  if (hier.empty()) return;
  auto blank = [&](size_t r, size_t c) {
    return c >= t->rows[r].size() || IsBlank(t->rows[r][c].text);
  };
  const size_t body = static_cast<size_t>(s.first_row + s.header_rows);
  // Whether each cell of the hierarchy columns held a label as printed.
  std::vector<std::vector<bool>> printed(end, std::vector<bool>(hier.size(), false));
  for (size_t r = body; r < end; ++r)
    for (size_t h = 0; h < hier.size(); ++h) printed[r][h] = !blank(r, hier[h]);
  for (size_t h = 0; h < hier.size(); ++h) {
    const size_t c = hier[h];
    size_t start = body;
    for (size_t r = body; r < end; ++r) {
      if (t->row_is_header[r]) {
        start = r + 1;
        continue;
      }
      if (!printed[r][h]) continue;
      const bool child = !(h + 1 < hier.size() && hier[h + 1] == c + 1) ||
                         (!blank(r, c + 1) && !LooksNumeric(t->rows[r][c + 1].text));
      bool span = start < r && child;
      for (size_t k = start; k < r && span; ++k) {
        bool right = false;
        for (size_t j = c + 1; j < t->rows[k].size() && !right; ++j) right = !blank(k, j);
        for (size_t g = 0; g < h && span; ++g) span = !printed[k][g];
        span = span && right && blank(k, c);
      }
      if (span) {
        Cell& to = t->rows[start][c];
        Cell& from = t->rows[r][c];
        std::swap(to.text, from.text);
        const std::string moved = from.value(), kept = to.value();
        to.set_value(moved);
        from.set_value(kept);
      }
      start = r + 1;
    }
  }
}

// A label merged over rows belongs on its span's first row, and the first
// span starts on the section's first body row: a hierarchy column blank
// there with a label further down shows labels the layout placed off their
// spans (set at the foot or the middle of rows it could not measure). Which
// rows a label heads is then a guess: the section's rows are doubted. Only
// for tables whose labels were placed by alignment (`rendered`).
void DoubtUnplacedLabels(Table* t, const Section& s, size_t end) {
  const size_t body = static_cast<size_t>(s.first_row + s.header_rows);
  if (body >= end || t->row_is_header[body]) return;
  auto blank = [&](size_t r, size_t c) {
    return c >= t->rows[r].size() || IsBlank(t->rows[r][c].text);
  };
  // A hierarchy column blank on the first body row whose first label names
  // a child in the next hierarchy column (a total row, "总分" over a number,
  // is a row of its own): its labels were all set alike, so every span of
  // the section is a guess.
  size_t doubted_end = body;
  for (size_t c = 0; c < s.columns.size(); ++c) {
    if (s.columns[c].level < 0 || !blank(body, c)) continue;
    const bool next = c + 1 < s.columns.size() && s.columns[c + 1].level >= 0;
    size_t r = body + 1;
    while (r < end && (t->row_is_header[r] || blank(r, c))) ++r;
    if (r == end || (next && (blank(r, c + 1) || LooksNumeric(t->rows[r][c + 1].text))))
      continue;
    doubted_end = end;
  }
  for (size_t r = body; r < doubted_end; ++r)
    for (Cell& cell : t->rows[r]) cell.doubt.Add(kDoubtLabels);
}

// `tail`, a digit or two, may be the last digits of `number` wrapped onto
// its cell's next line: `number` ends in a decimal point and digits only.
bool IsWrappedDigits(const std::string& number, const std::string& tail) {
  const std::string_view n = TrimSpace(number), d = TrimSpace(tail);
  const size_t point = n.rfind('.');
  if (point == std::string_view::npos || d.empty() || d.size() > 2) return false;
  for (char ch : n.substr(point + 1))
    if (ch < '0' || ch > '9') return false;
  for (char ch : d)
    if (ch < '0' || ch > '9') return false;
  return point > 0 && n[point - 1] >= '0' && n[point - 1] <= '9';
}

// A number in a column no header cell names, between named ones: in a table
// whose columns came from alignment, a header text and its column's cells
// were set apart (a header centred, its numbers set to one side). A number
// beside a blank named cell on its left, with no blank named cell on its
// right to claim it too, is that column's and goes into it; the last digits
// of the number on its left, wrapped in that number's cell, stay where they
// are (the rules read the number as printed before them); any other such
// number leaves which column the row's cells belong to a guess, and the row
// is doubted. Text there is a label under a header spanning two columns.
void ReadUnnamedColumns(Table* t, const Section& s, size_t end) {
  const size_t body = static_cast<size_t>(s.first_row + s.header_rows);
  auto named = [&](size_t c) {
    return c < s.columns.size() && !s.columns[c].label.empty();
  };
  size_t first = s.columns.size(), last = 0;
  for (size_t c = 0; c < s.columns.size(); ++c)
    if (named(c)) first = std::min(first, c), last = c;
  if (first >= last) return;
  for (size_t r = body; r < end; ++r) {
    if (t->row_is_header[r]) continue;
    auto& row = t->rows[r];
    bool doubt = false;
    for (size_t c = first + 1; c < last && c < row.size(); ++c) {
      if (named(c) || IsBlank(row[c].text) || !LooksNumeric(row[c].text)) continue;
      Cell& left = row[c - 1];
      const bool right_open =
          c + 1 < row.size() && named(c + 1) && IsBlank(row[c + 1].text);
      if (named(c - 1) && IsBlank(left.text) && !right_open) {
        SwapCells(&left, &row[c]);
        continue;
      }
      if (IsWrappedDigits(left.text, row[c].text)) continue;
      doubt = true;
    }
    if (!doubt) continue;
    for (Cell& cell : row) cell.doubt.Add(kDoubtUnnamedColumn);
  }
}

// Hierarchy columns print a merged cell once; the rows below it leave the
// column empty. Record the merge and give each covered cell its value.
// `rendered`: a hierarchy column empty on the section's first body row,
// with a label further down, had nothing to fill down from: its labels may
// sit on the last rows of their spans (merged cells set bottom-aligned),
// which alignment alone cannot tell, so the section's rows are doubted.
void FillDown(Table* t, const Section& s, size_t end, bool rendered) {
  std::vector<size_t> hier;
  for (size_t c = 0; c < s.columns.size(); ++c)
    if (s.columns[c].level >= 0) hier.push_back(c);
  if (hier.empty()) return;
  size_t first = static_cast<size_t>(s.first_row + s.header_rows);
  while (first < end && t->row_is_header[first]) ++first;
  if (rendered && first < end)
    for (size_t c : hier) {
      const auto& row = t->rows[first];
      // A named level (一级指标); a column of a label over the section's
      // rows (绩效指标) leaves its body empty but for a 总分 row.
      if (s.columns[c].level < 1) continue;
      if (c >= row.size() || !IsBlank(row[c].text)) continue;
      bool right = false, below = false;
      for (size_t k = c + 1; k < row.size(); ++k) right = right || !IsBlank(row[k].text);
      for (size_t r = first + 1; r < end && !below; ++r)
        below = c < t->rows[r].size() && !IsBlank(t->rows[r][c].text);
      if (!right || !below) continue;
      for (size_t r = first; r < end; ++r)
        for (Cell& cell : t->rows[r]) cell.doubt.Add(kDoubtLabels);
    }
  std::vector<int> anchor(s.columns.size(), -1);
  for (size_t r = static_cast<size_t>(s.first_row + s.header_rows); r < end; ++r) {
    auto& row = t->rows[r];
    if (t->row_is_header[r]) continue;
    bool parent_changed = false;
    for (size_t c : hier) {
      bool has_text = c < row.size() && !IsBlank(row[c].text);
      if (has_text) {
        anchor[c] = static_cast<int>(r);
        parent_changed = true;
        continue;
      }
      if (parent_changed || c >= row.size()) {
        anchor[c] = -1;
        continue;
      }
      bool content_right = false;
      for (size_t k = c + 1; k < row.size() && !content_right; ++k)
        content_right = !IsBlank(row[k].text);
      if (anchor[c] < 0 || !content_right) continue;
      auto& a = t->rows[static_cast<size_t>(anchor[c])][c];
      a.rowspan = static_cast<int>(r) - anchor[c] + 1;
      row[c].anchor_row = anchor[c];
      row[c].anchor_col = static_cast<int>(c);
      row[c].set_value(a.text);
    }
  }
}

// `row` prints the header row `head` again, some of its cells going on
// past the header's text ("三级指标" + "社会公众或服务对象满意度（10分）"): every
// label of the header starts its cell, two at least, and something follows
// one. Too few of its cells are labels alone for it to read as a header.
// `in_blanks` (a lower row of it): the rest may fill a cell it leaves empty.
bool HeaderWithTails(const std::vector<Cell>& head, const std::vector<Cell>& row,
                     bool in_blanks) {
  if (head.size() != row.size()) return false;
  int labels = 0;
  bool tail = false;
  for (size_t c = 0; c < head.size(); ++c) {
    const std::string p = CollapseSpace(head[c].text), q = CollapseSpace(row[c].text);
    if (p.empty()) {
      if (!q.empty() && !in_blanks) return false;
      tail = tail || !q.empty();
      continue;
    }
    if (!q.starts_with(p)) return false;
    ++labels;
    tail = tail || q.size() > p.size();
  }
  return labels >= 2 && tail;
}

// The header printed again at row `again` (`count` rows) over the header
// at `first`, some of its cells going on past the header's text: the rest
// of the row the page break cut, drawn into the header cell below it. Each
// rest goes back to that row's cell (the row above `again`) and the header
// cell reads as the header.
void MoveTails(Table* t, size_t first, size_t again, int count) {
  std::vector<Cell>& cut = t->rows[again - 1];
  for (int k = 0; k < count; ++k) {
    const std::vector<Cell>& head = t->rows[first + static_cast<size_t>(k)];
    std::vector<Cell>& row = t->rows[again + static_cast<size_t>(k)];
    for (size_t c = 0; c < row.size() && c < head.size(); ++c) {
      const std::string p = CollapseSpace(head[c].text), q = CollapseSpace(row[c].text);
      if (p == q || !q.starts_with(p)) continue;
      if (c < cut.size()) cut[c].text += q.substr(p.size());
      row[c].text = head[c].text;
    }
  }
}

// A header cell that is no header label but ends in a hierarchy label
// ("完成农村公路养护120公里" + "一级指标"): a line of the row above drawn into
// the header row, as when cells set at their foot leave rows' lines level
// with the next row's. Which lines make which row is then a guess, here and
// in the rows it shifted (a 总分 label set on an indicator's row).
// Only the cell's last bytes are tried as the label: the longest hierarchy
// label ("年度绩效指标名称") is well within them, and a cell of any length
// costs a bounded number of matches.
constexpr size_t kHierarchyLabelMaxBytes = 48;

bool HeaderCellWithLineAbove(const std::string& text, const PatternFile& header) {
  const std::string key = CollapseSpace(text);
  if (key.empty() || !header.FirstName(key).empty()) return false;
  const size_t from =
      key.size() > kHierarchyLabelMaxBytes ? key.size() - kHierarchyLabelMaxBytes : 1;
  for (size_t i = from; i < key.size(); ++i) {
    if ((static_cast<unsigned char>(key[i]) & 0xC0) == 0x80) continue;
    if (LevelOf(header.FirstName(key.substr(i))) >= 0) return true;
  }
  return false;
}

// Bytes. A header cell longer than this is prose, not labels run together:
// bounds the matches `SeveralLabels` tries.
constexpr size_t kRunLabelsMaxBytes = 2 * kHierarchyLabelMaxBytes;

// A header cell that is no label itself but reads as this many labels or
// more set one after the other ("年度目标值实际完成值分值"): the columns the
// labels head were read as one, so which column a value below them is in is
// a guess. Two make a word often enough ("项目" "资金（万元）").
constexpr int kRunLabelsMin = 3;

bool SeveralLabels(const std::string& text, const PatternFile& header) {
  const std::string key = CollapseSpace(text);
  if (key.empty() || key.size() > kRunLabelsMaxBytes || !header.FirstName(key).empty())
    return false;
  const size_t n = key.size();
  auto boundary = [&](size_t i) {
    return i == n || (static_cast<unsigned char>(key[i]) & 0xC0) != 0x80;
  };
  // parts[i]: the most labels the key from byte i on splits into, -1 where
  // it does not split into labels.
  std::vector<int> parts(n + 1, -1);
  parts[n] = 0;
  for (size_t i = n; i-- > 0;) {
    if (!boundary(i)) continue;
    for (size_t j = i + 1; j <= n; ++j)
      if (boundary(j) && parts[j] >= 0 && parts[j] + 1 > parts[i] &&
          !header.FirstName(key.substr(i, j - i)).empty())
        parts[i] = parts[j] + 1;
  }
  return parts[0] >= kRunLabelsMin;
}

}  // namespace

bool LooksNumeric(const std::string& text) {
  std::string_view t = TrimSpace(text);
  if (t.empty()) return false;
  bool digit = false;
  for (char ch : t) {
    if (ch >= '0' && ch <= '9')
      digit = true;
    else if (ch != '.' && ch != ',' && ch != '%' && ch != '-' && ch != '+')
      return false;
  }
  return digit;
}

bool IsHeaderRow(const std::vector<Cell>& cells, const PatternFile& header) {
  int nonempty = 0;
  bool numeric = false;
  int matched = CountMatches(cells, header, &nonempty, &numeric);
  return !numeric && matched >= 2 && matched * 2 >= nonempty;
}

void AnalyzeTable(Table* t, const PatternFile& header, int marked_header_rows,
                  bool rendered) {
  const size_t n = t->rows.size();
  t->row_is_header.assign(n, false);
  size_t first_header = SIZE_MAX;
  for (size_t r = 0; r < n; ++r) {
    if (static_cast<int>(r) < marked_header_rows) {
      t->row_is_header[r] = true;
      continue;
    }
    int nonempty = 0;
    bool numeric = false;
    int matched = CountMatches(t->rows[r], header, &nonempty, &numeric);
    bool continues = r > 0 && t->row_is_header[r - 1];
    // A header starting midway must be clearer than one on top of the table.
    int need = (r == 0 || continues) ? 2 : 3;
    t->row_is_header[r] = !numeric && matched >= need && matched * 2 >= nonempty;
    if (first_header == SIZE_MAX && t->row_is_header[r]) first_header = r;
    if (t->row_is_header[r] || first_header == SIZE_MAX) continue;
    // Under the first rows of a header printed again: the first header's
    // row as many rows down, when that is one.
    size_t run = 0;
    while (run < r && t->row_is_header[r - run - 1]) ++run;
    const size_t under = first_header + run;
    const bool lower = run > 0 && run < r - first_header && t->row_is_header[under];
    t->row_is_header[r] =
        HeaderWithTails(t->rows[lower ? under : first_header], t->rows[r], lower);
  }
  t->sections.clear();
  // `*tails`: a cell of the header printed again goes on past the header's
  // text ("计分标准" + "的2分。否则不得分。"): the rest of a row the page break
  // cut, drawn into the header cell above it. Still the header printed
  // again, but that row's text is claimed by two rows.
  auto same_rows = [&](size_t a, size_t b, int count, bool* tails) {
    *tails = false;
    for (int k = 0; k < count; ++k) {
      const auto& x = t->rows[a + static_cast<size_t>(k)];
      const auto& y = t->rows[b + static_cast<size_t>(k)];
      if (x.size() != y.size()) return false;
      for (size_t c = 0; c < x.size(); ++c) {
        const std::string p = CollapseSpace(x[c].text), q = CollapseSpace(y[c].text);
        if (p == q || CutShortCopy(p, q)) continue;
        // A lower header row's empty cell may hold the cut row's rest too.
        if ((p.empty() && k == 0) || !q.starts_with(p)) return false;
        *tails = true;
      }
    }
    return true;
  };
  // The rows' words in order, empty cells left out.
  auto same_words = [&](size_t a, size_t b, int count) {
    for (int k = 0; k < count; ++k) {
      std::vector<std::string> x, y;
      for (const Cell& c : t->rows[a + static_cast<size_t>(k)])
        if (!IsBlank(c.text)) x.push_back(CollapseSpace(c.text));
      for (const Cell& c : t->rows[b + static_cast<size_t>(k)])
        if (!IsBlank(c.text)) y.push_back(CollapseSpace(c.text));
      if (x != y) return false;
    }
    return true;
  };
  for (size_t r = 0; r < n; ++r) {
    bool starts = t->row_is_header[r] && (r == 0 || !t->row_is_header[r - 1]);
    if (r == 0 && !starts) starts = true;  // rows before any header
    if (!starts) continue;
    Section s;
    s.first_row = static_cast<int>(r);
    while (r + static_cast<size_t>(s.header_rows) < n &&
           t->row_is_header[r + static_cast<size_t>(s.header_rows)])
      ++s.header_rows;
    // The header printed again at a page top: the rows below go on with the
    // section it heads, not a new one (its 合计 sums both pages).
    if (!t->sections.empty() && s.header_rows > 0) {
      const Section& prev = t->sections.back();
      // Printed again once or several times in a row: a producer that
      // splits a tall row may head each part it sets with the header, so
      // that a part with no text of its own leaves two copies together.
      const int h = prev.header_rows;
      int copies = h > 0 && s.header_rows % h == 0 ? s.header_rows / h : 0;
      bool tails = false, later_tails = false;
      for (int k = 0; k < copies; ++k) {
        bool these = false;
        if (!same_rows(static_cast<size_t>(prev.first_row),
                       r + static_cast<size_t>(k * h), h, &these)) {
          copies = 0;
          break;
        }
        (k == 0 ? tails : later_tails) |= these;
      }
      if (copies > 0) {
        // The row above is the cut row's first part: the rest goes back to
        // it, and the header reads as printed. Still that row is one the
        // layout put together, so it is doubted; above a header there is
        // no row to give it to, and the rows beside are both doubted.
        if (tails && !t->row_is_header[r - 1]) {
          MoveTails(t, static_cast<size_t>(prev.first_row), r, h);
          for (Cell& c : t->rows[r - 1]) c.doubt.Add(kDoubtRows);
        }
        if ((tails && t->row_is_header[r - 1]) || later_tails) {
          for (size_t k : {r - 1, r + static_cast<size_t>(s.header_rows)})
            if (k < n)
              for (Cell& c : t->rows[k]) c.doubt.Add(kDoubtRows);
        }
        continue;
      }
      // The same words over other columns: the new page's columns were
      // read apart differently ("一级指标" one column to the right), so the
      // header is still the one printed again, but which column each cell
      // of the rows it heads belongs to is in doubt.
      if (prev.header_rows == s.header_rows &&
          same_words(static_cast<size_t>(prev.first_row), r, s.header_rows)) {
        for (size_t k = r + static_cast<size_t>(s.header_rows);
             k < n && !t->row_is_header[k]; ++k)
          for (Cell& c : t->rows[k]) c.doubt.Add(kDoubtColumns);
        continue;
      }
    }
    t->sections.push_back(std::move(s));
  }
  for (auto& row : t->rows)
    for (Cell& c : row) c.set_value(c.text);
  if (rendered)
    for (size_t r = 0; r < n; ++r)
      if (t->row_is_header[r])
        for (const Cell& c : t->rows[r]) {
          if (HeaderCellWithLineAbove(c.text, header)) t->AddDoubt(kDoubtRows);
          if (SeveralLabels(c.text, header)) t->AddDoubt(kDoubtColumns);
        }
  for (size_t i = 0; i < t->sections.size(); ++i) {
    Section& s = t->sections[i];
    size_t end = i + 1 < t->sections.size()
                     ? static_cast<size_t>(t->sections[i + 1].first_row)
                     : n;
    if (s.header_rows > 0) {
      if (rendered) PullIntoLastColumn(t, s, end);
      BuildSectionColumns(t, &s, header);
      if (t->labels_at_foot) LiftFootLabels(t, s, end);
      if (rendered) DoubtUnplacedLabels(t, s, end);
      if (rendered) ReadUnnamedColumns(t, s, end);
      FillDown(t, s, end, rendered);
    }
  }
  t->header_rows = (!t->sections.empty() && t->sections[0].first_row == 0)
                       ? t->sections[0].header_rows
                       : 0;
}

bool CutShortCopy(std::string_view first, std::string_view again) {
  return again.size() < first.size() && first.starts_with(again) &&
         CodePointCount(again) >= kCutHeaderMinChars;
}

}  // namespace jx::layout
