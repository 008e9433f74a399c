// Joining printed pieces into tables, and placing titles and paragraphs.
#include "layout/layout.h"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "base/text.h"
#include "layout/internal.h"
#include "layout/pdf_params.h"

namespace jx {

size_t Table::width() const {
  size_t w = 0;
  for (const auto& r : rows) w = std::max(w, r.size());
  return w;
}

const Section* Table::SectionOf(size_t row) const {
  const Section* s = sections.empty() ? nullptr : &sections[0];
  for (const Section& sec : sections)
    if (static_cast<size_t>(sec.first_row) <= row) s = &sec;
  return s;
}

namespace layout {

// Whether a body row holds two or more cells that each begin with the text
// of their column's last header row and go on past it ("名称部门决策",
// "参考分值20" under 名称 / 参考分值): the header a page repeated was read
// into the row a page break cut. One such cell may be a label that happens
// to start with its column's name (项目支出 under 项目); two in one row are
// the geometry's.
bool HeaderReadIntoRow(const Table& t) {
  for (const Section& s : t.sections) {
    if (s.header_rows <= 0) continue;
    const size_t head = static_cast<size_t>(s.first_row + s.header_rows - 1);
    if (head >= t.rows.size()) continue;
    const std::vector<Cell>& header = t.rows[head];
    for (size_t r = head + 1; r < t.rows.size(); ++r) {
      if (t.SectionOf(r) != &s) break;
      int glued = 0;
      for (size_t c = 0; c < t.rows[r].size() && c < header.size(); ++c) {
        const std::string& h = header[c].text;
        const std::string& x = t.rows[r][c].text;
        if (header[c].anchor_row >= 0 || h.empty() || x.size() <= h.size()) continue;
        if (x.compare(0, h.size(), h) == 0) ++glued;
      }
      if (glued >= 2) return true;
    }
  }
  return false;
}

namespace {

// The most common of the widths counted; ties go to the wider.
size_t MostCommon(const std::map<size_t, int>& counts) {
  size_t best = 0;
  int best_n = 0;
  for (auto [w, n] : counts)
    if (n >= best_n) best = w, best_n = n;
  return best;
}

// The most common row width; ties go to the wider.
size_t DominantWidth(const std::vector<std::vector<Cell>>& rows) {
  std::map<size_t, int> counts;
  for (const auto& r : rows) ++counts[r.size()];
  return MostCommon(counts);
}

// The same of a piece's rows, read where they are: a piece may hold a
// million rows, and a copy of them all would double what the layout holds.
size_t DominantWidth(const Piece& p) {
  std::map<size_t, int> counts;
  for (const RawRow& r : p.rows) ++counts[r.cells.size()];
  return MostCommon(counts);
}

int LeadingHeaderRows(const std::vector<std::vector<Cell>>& rows,
                      const PatternFile& header) {
  int n = 0;
  while (static_cast<size_t>(n) < rows.size() && IsHeaderRow(rows[n], header)) ++n;
  return n;
}

int LeadingHeaderRows(const Piece& p, const PatternFile& header) {
  int n = 0;
  while (static_cast<size_t>(n) < p.rows.size() && IsHeaderRow(p.rows[n].cells, header))
    ++n;
  return n;
}

// In the one-cell-per-line layout a stray blank line can cut a row in two
// (004's "2、自评质量" row). Rejoin two short rows when together they have
// exactly the width of the rows around them.
void RejoinSplitRows(Table* t) {
  if (t->format != TableFormat::kCellLines || t->rows.size() < 3) return;
  const size_t w = DominantWidth(t->rows);
  auto& rows = t->rows;
  std::vector<std::vector<Cell>> out;
  out.reserve(rows.size());
  for (size_t r = 0; r < rows.size(); ++r) {
    if (r + 1 < rows.size()) {
      size_t a = rows[r].size(), b = rows[r + 1].size();
      bool prev_ok = out.empty() || out.back().size() == w;
      bool next_ok = r + 2 >= rows.size() || rows[r + 2].size() == w;
      bool has_neighbor = !out.empty() || r + 2 < rows.size();
      if (a < w && b < w && a + b == w && prev_ok && next_ok && has_neighbor) {
        out.push_back(std::move(rows[r]));
        out.back().insert(out.back().end(), std::make_move_iterator(rows[r + 1].begin()),
                          std::make_move_iterator(rows[r + 1].end()));
        ++r;
        continue;
      }
    }
    out.push_back(std::move(rows[r]));
  }
  rows = std::move(out);
}

class Builder {
 public:
  // `join`: join pieces split by page breaks. Structured documents hold
  // each table whole, so two of their tables are never one.
  Builder(const Document& doc, const Patterns& patterns, bool join = true)
      : doc_(doc),
        header_(*patterns.file("header")),
        layout_(*patterns.file("layout")),
        join_(join) {}

  Layout Run(std::vector<Item> items) {
    for (const Item& it : items) {
      if (it.kind != Item::kText) continue;
      ++text_counts_[MatchKey(doc_.lines[it.line].text)];
      pages_ = std::max(pages_, doc_.lines[it.line].page);
    }
    // Page furniture by position and repetition: a line in a page's head or
    // foot zone whose words, numbers aside, come back in that zone on another
    // page ("第 21 页 共 66 页", "- 3 -", a running title with its page).
    for (const Item& it : items) {
      if (it.kind != Item::kText || !it.margin) continue;
      const TextLine& l = doc_.lines[it.line];
      auto& [page, pages] = furniture_[FurnitureKey(l.text)];
      if (pages == 0 || page != l.page) ++pages;
      page = l.page;
      margin_.insert(it.line);
    }
    for (const Item& it : items)
      if (it.kind == Item::kText && (it.in_column || it.debris))
        (it.debris ? debris_ : in_column_).insert(it.line);
    for (Item& it : items) {
      if (it.kind == Item::kPiece) {
        OnPiece(std::move(it.piece));
        continue;
      }
      gap_.push_back(it.line);
      if (it.kind == Item::kText) recent_.push_back(it.line);
      if (it.kind == Item::kText && !IsRunning(it.line)) {
        Finish();
        FlushGap();
      }
    }
    Finish();
    FlushGap();
    return std::move(out_);
  }

 private:
  bool IsRunning(size_t line) const {
    if (IsFurniture(line) || debris_.count(line)) return true;
    std::string key = MatchKey(doc_.lines[line].text);
    auto it = text_counts_.find(key);
    return it != text_counts_.end() && it->second >= 2 &&
           CodePointCount(key) <= pdf::kPdf.title_max_chars;
  }

  // Page furniture: a page number, or a line of a page's head or foot zone
  // that comes back there on another page.
  bool IsFurniture(size_t line) const { return FurniturePages(line) >= 2; }

  // How many pages print `line` in their head or foot zone (a page number:
  // every page); 0 for a line outside them.
  int FurniturePages(size_t line) const {
    const std::string& text = doc_.lines[line].text;
    if (layout_.Matches("running", MatchKey(text))) return pages_;
    if (!margin_.count(line)) return 0;
    auto f = furniture_.find(FurnitureKey(text));
    return f != furniture_.end() ? f->second.second : 0;
  }

  // A line that reads like a caption is one, though the document prints it
  // above several tables ("项目支出绩效目标完成情况表" for each project) and a
  // page top may hold it, unless it comes back on most pages: a running
  // head, not a table's caption.
  bool IsCaption(size_t line) const {
    return layout_.Matches("title", MatchKey(doc_.lines[line].text)) &&
           10 * FurniturePages(line) < pdf::kPdf.running_head_tenths * pages_;
  }

  // A line's match key with every run of digits as one '#'.
  static std::string FurnitureKey(const std::string& text) {
    std::string k = MatchKey(text), out;
    for (char c : k) {
      const bool digit = c >= '0' && c <= '9';
      if (digit && !out.empty() && out.back() == '#') continue;
      out += digit ? '#' : c;
    }
    return out;
  }

  void FlushGap() {
    for (size_t line : gap_) {
      const TextLine& l = doc_.lines[line];
      if (IsBlank(l.text)) continue;
      out_.blocks.push_back({Block::kParagraph, out_.paragraphs.size()});
      out_.paragraphs.push_back({std::string(TrimSpace(l.text)), l.number, l.page});
    }
    gap_.clear();
  }

  // Every row two cells, the second a page number.
  bool IsContentsList(const Piece& p) const {
    if (p.rows.size() < 2 || p.format == TableFormat::kPipeRows) return false;
    for (const RawRow& r : p.rows) {
      if (r.cells.size() != 2 || IsBlank(r.cells[0].text)) return false;
      if (!layout_.Matches("contents_page", r.cells[1].text)) return false;
    }
    return true;
  }

  // How many leading rows of `p` to drop to continue the open table, or -1
  // when `p` starts a new table. `sure`: the header printed again or the
  // same ruled grid says so; a join on the gap or the width alone is a guess.
  // `recut`: the header is printed again in other cells than the table's
  // first piece reads it in, so the rows joined may sit in other columns.
  int Continuation(const Piece& p, bool* sure, bool* recut) const {
    *sure = false;
    *recut = false;
    if (!join_ || !cur_ || p.format != cur_->format || p.rows.empty()) return -1;
    const auto& first = p.rows[0].cells;
    const int h = cur_->header_rows;
    const bool header_again = h > 0 && SameHeaderRow(cur_->rows[0], first);
    const int reprinted = header_again ? 0 : HeaderReprinted(p);
    bool running = false;
    for (size_t line : gap_) {
      if (IsBlank(doc_.lines[line].text)) continue;
      // A caption over a piece that does not print the table's header
      // again starts the next table, though the document prints it twice.
      if (!IsRunning(line) || (!header_again && reprinted == 0 && IsCaption(line)))
        return -1;
      running = true;
    }
    if (gap_.empty()) return -1;
    if (reprinted > 0) {
      *recut = true;
      return reprinted;
    }
    if (header_again) {
      // The header printed again on a new page; its lower rows may lose a
      // label or an empty cell, so only its first row must match.
      int drop = 1;
      while (drop < h && static_cast<size_t>(drop) < p.rows.size() &&
             IsHeaderRow(p.rows[static_cast<size_t>(drop)].cells, header_))
        ++drop;
      *sure = true;
      return drop;
    }
    if (p.same_grid_as_previous) {
      *sure = p.same_ruled_grid;
      return 0;
    }
    if (IsHeaderRow(first, header_)) return -1;
    const auto& top = cur_->rows[0];
    if (!first.empty() && !top.empty() && !IsBlank(first[0].text) &&
        MatchKey(first[0].text) == MatchKey(top[0].text))
      return -1;  // the same form starts again
    if (running) return 0;
    return DominantWidth(p) == DominantWidth(cur_->rows) ? 0 : -1;
  }

  // How many leading rows of `p`, a piece that opens a later page than the
  // open table's last row, print that table's header again with its cells
  // cut otherwise (the same letters in other columns or rows); 0 when none.
  int HeaderReprinted(const Piece& p) const {
    const int h = cur_->header_rows;
    if (!p.geometry || h <= 0 || static_cast<size_t>(h) > cur_->rows.size() ||
        cur_->rows.back().empty() || p.rows[0].cells.empty() ||
        p.rows[0].cells[0].page <= cur_->rows.back()[0].page)
      return 0;
    std::string text;
    for (int r = 0; r < h; ++r) text += RowKey(cur_->rows[static_cast<size_t>(r)]);
    const std::u32string want = Letters(text);
    text.clear();
    // The page may cut it into a row more or fewer than the table's.
    const size_t most = std::min(p.rows.size() - 1, static_cast<size_t>(h) + 1);
    for (size_t k = 0; k < most; ++k) {
      text += RowKey(p.rows[k].cells);
      if (Letters(text) == want) return static_cast<int>(k + 1);
    }
    return 0;
  }

  void OnPiece(Piece p) {
    if (IsContentsList(p)) {
      // A table of contents ("一、单位基本情况<TAB>1") is text, not a table.
      Finish();
      FlushGap();
      for (const RawRow& r : p.rows) {
        std::string text;
        for (const Cell& c : r.cells) {
          if (c.text.empty()) continue;
          if (!text.empty()) text += ' ';
          text += c.text;
        }
        out_.blocks.push_back({Block::kParagraph, out_.paragraphs.size()});
        out_.paragraphs.push_back(
            {text, r.first_line, r.cells.empty() ? 0 : r.cells[0].page});
      }
      recent_.clear();
      return;
    }
    bool sure = false, recut = false;
    int drop = Continuation(p, &sure, &recut);
    if (drop >= 0) {
      if (recut) cur_->AddDoubt(kDoubtHeaderRecut);
      // A page's grid with other columns than the table's (the rules of a
      // cell merged over the break left out): which column a cell is in is
      // a guess there.
      bool text = false;
      for (const RawRow& r : p.rows)
        for (const Cell& c : r.cells) text = text || !IsBlank(c.text);
      if (text && p.grid_columns != cur_grid_columns_) cur_->AddDoubt(kDoubtColumns);
      const size_t before = cur_->rows.size();
      for (size_t r = static_cast<size_t>(drop); r < p.rows.size(); ++r)
        cur_->rows.push_back(std::move(p.rows[r].cells));
      cur_->last_line = p.last_line;
      ++cur_->pieces;
      for (const std::string& d : p.doubts) cur_->AddDoubt(d);
      cur_->labels_at_foot = cur_->labels_at_foot || p.labels_at_foot;
      // A head of a row or two at the last page's foot is not what the
      // rules read; the doubt is whether the body goes with it.
      if (p.geometry && !sure && text && before >= pdf::kPdf.min_table_rows)
        cur_->AddDoubt(kDoubtContinuation);
      FlushGap();
      recent_.clear();
      return;
    }
    // A piece that opens a page without a header and with at most a few
    // lines after the last page's table may be that table's rest (a cell's
    // tail drawn again above it, a footer the page break left): both are
    // doubted rather than joined.
    Table* prev = p.geometry ? Previous() : nullptr;
    const bool maybe_rest = prev && MaybeRest(p, *prev);
    if (maybe_rest) prev->AddDoubt(kDoubtContinuation);
    Finish();
    std::string title;
    int title_line = 0;
    PickTitle(&title, &title_line);
    FlushGap();
    recent_.clear();
    Table t;
    t.format = p.format;
    t.first_line = p.first_line;
    t.last_line = p.last_line;
    if (!p.rows[0].cells.empty()) t.page = p.rows[0].cells[0].page;
    t.title = std::move(title);
    t.title_line = title_line;
    // Sized once: a table of a million rows does not grow by doubling.
    t.rows.reserve(p.rows.size());
    for (RawRow& r : p.rows) {
      t.rows.push_back(std::move(r.cells));
      pipe_header_.push_back(r.pipe_header);
    }
    p.rows = std::vector<RawRow>();
    // A rule under row k marks rows 0..k as the header.
    for (size_t k = pipe_header_.size(); k-- > 0;)
      if (pipe_header_[k])
        for (size_t j = 0; j < k; ++j) pipe_header_[j] = true;
    t.header_rows = LeadingHeaderRows(t.rows, header_);
    t.doubts = std::move(p.doubts);
    t.labels_at_foot = p.labels_at_foot;
    if (maybe_rest) t.AddDoubt(kDoubtContinuation);
    cur_geometry_ = p.geometry;
    cur_grid_columns_ = p.grid_columns;
    // The block keeps the table's place even if pieces joined later bring
    // paragraphs (running titles) along.
    out_.blocks.push_back({Block::kTable, out_.tables.size()});
    cur_ = std::move(t);
  }

  // The table `p` would go on with: the open one, or the last one when text
  // ended it (text between pieces finishes a table as it comes).
  Table* Previous() {
    if (cur_) return &*cur_;
    if (out_.tables.empty() || !last_geometry_) return nullptr;
    return &out_.tables.back();
  }

  // `p` opens a later page than `prev`'s last row without a header row, no
  // more than `rest_gap_lines` lines of text between them; or follows it on
  // its page with nothing between.
  bool MaybeRest(const Piece& p, const Table& prev) const {
    if (prev.rows.empty() || prev.rows.back().empty() || p.rows.empty() ||
        p.rows[0].cells.empty())
      return false;
    const int page = p.rows[0].cells[0].page, prev_page = prev.rows.back()[0].page;
    if (page < prev_page) return false;
    // With a header, only the table's own printed again on a later page
    // (the text between, a cut cell's rest drawn above it, kept them apart).
    if (LeadingHeaderRows(p, header_) > 0 &&
        (page == prev_page || RowKey(p.rows[0].cells) != RowKey(prev.rows[0])))
      return false;
    int text = 0;
    for (size_t line : recent_) {
      const std::string& l = doc_.lines[line].text;
      if (IsBlank(l)) continue;
      // A caption of its own: a new table.
      if (IsCaption(line)) return false;
      if (IsRunning(line)) continue;
      // A cut cell's rest drawn above the grid, however many lines.
      if (in_column_.count(line)) continue;
      ++text;
    }
    // On the same page, only with nothing between: two grids drawn apart.
    return text <= (page == prev_page ? 0 : static_cast<int>(pdf::kPdf.rest_gap_lines));
  }

  // The caption printed just above a table: the nearest short line that reads
  // like a table title, else the nearest short line.
  void PickTitle(std::string* title, int* line) const {
    int seen = 0;
    const TextLine* fallback = nullptr;
    // Past page furniture ("第9页共26页", "-5-"), the lines are the last
    // page's: a caption there still names the table, a mere short line not.
    bool crossed = false;
    for (auto it = recent_.rbegin(); it != recent_.rend() && seen < 4; ++it) {
      const TextLine& l = doc_.lines[*it];
      if (IsBlank(l.text)) continue;
      const bool furniture = IsFurniture(*it) || debris_.count(*it);
      if (!furniture) ++seen;
      std::string key = MatchKey(l.text);
      if (CodePointCount(key) > 60) continue;
      if (layout_.Matches("title", key)) {
        *title = CleanTitle(l.text);
        *line = l.number;
        // A title wrapped onto two lines: "…绩效目标" / "完成情况表".
        auto prev = std::next(it);
        if (prev != recent_.rend() && doc_.lines[*prev].number == l.number - 1) {
          std::string pkey = MatchKey(doc_.lines[*prev].text);
          if (!pkey.empty() && layout_.Matches("title_start", pkey) &&
              !layout_.Matches("title", pkey) && CodePointCount(pkey + key) <= 60) {
            *title = CleanTitle(doc_.lines[*prev].text) + *title;
            *line = doc_.lines[*prev].number;
          }
        }
        return;
      }
      crossed = crossed || furniture;
      if (!fallback && !crossed && CodePointCount(key) <= pdf::kPdf.title_max_chars)
        fallback = &l;
    }
    if (fallback) {
      *title = CleanTitle(fallback->text);
      *line = fallback->number;
    }
  }

  // Word-export artifacts ("[bookmark: _Toc…]") are not part of a caption.
  std::string CleanTitle(const std::string& text) const {
    std::string t(TrimSpace(text));
    for (const auto* e : layout_.Named("artifact")) RE2::GlobalReplace(&t, e->re(), "");
    return std::string(TrimSpace(t));
  }

  void Finish() {
    if (!cur_) return;
    Table t = std::move(*cur_);
    cur_.reset();
    RejoinSplitRows(&t);
    t.id = "t" + std::to_string(out_.tables.size() + 1);
    // A pipe table marks its header with a |---| rule under it.
    int marked = 0;
    while (static_cast<size_t>(marked) < pipe_header_.size() &&
           static_cast<size_t>(marked) < t.rows.size() && pipe_header_[marked])
      ++marked;
    AnalyzeTable(&t, header_, marked, cur_geometry_ && cur_grid_columns_ == 0);
    // A table rebuilt from geometry whose header was not understood: the
    // rules cannot know which column holds what.
    bool header = false;
    for (const Section& s : t.sections) header = header || s.header_rows > 0;
    last_geometry_ = cur_geometry_;
    if (last_geometry_ && !header) t.AddDoubt(kDoubtHeader);
    if (last_geometry_ && HeaderReadIntoRow(t)) t.AddDoubt(kDoubtHeaderInRow);
    out_.tables.push_back(std::move(t));
    pipe_header_.clear();
  }

  const Document& doc_;
  const PatternFile& header_;
  const PatternFile& layout_;
  const bool join_;
  std::unordered_map<std::string, int> text_counts_;
  // Furniture keys → (the last page seen, how many pages show it).
  std::unordered_map<std::string, std::pair<int, int>> furniture_;
  std::unordered_set<size_t> margin_;  // lines in a head or foot zone
  int pages_ = 0;                      // the last page a line of text is on
  std::unordered_set<size_t>
      in_column_,               // lines within a column above or below a page's tables
      debris_;                  // a cut cell's text drawn again past a grid's edge
  std::vector<size_t> gap_;     // blank and running lines since the last piece
  std::vector<size_t> recent_;  // text lines since the last piece
  std::optional<Table> cur_;
  std::vector<bool> pipe_header_;
  bool cur_geometry_ = false;    // the open table's first piece came from a page
  bool last_geometry_ = false;   // ... and the last finished table's did
  size_t cur_grid_columns_ = 0;  // the grid columns of the open table's first piece
  Layout out_;
};

}  // namespace
}  // namespace layout

Layout BuildLayout(const Document& doc, const Patterns& patterns) {
  if (doc.structured)
    return layout::Builder(doc, patterns, /*join=*/false)
        .Run(layout::StructuredItems(doc));
  if (!doc.pages.empty()) {
    Document lines;
    std::vector<layout::Item> items;
    layout::PdfItems(doc, &lines, &items, patterns.file("units"));
    return layout::Builder(lines, patterns).Run(std::move(items));
  }
  Layout l =
      layout::Builder(doc, patterns).Run(layout::ScanLines(doc, layout::DetectMode(doc)));
  l.aligned_unread = layout::AlignedBlocks(doc);
  return l;
}

bool ReadAndLayout(const std::string& path, const ReadOptions& opts,
                   const Patterns& patterns, Document* doc, Layout* layout, Error* err) {
  Document lines;
  std::vector<layout::Item> items;
  lines.path = path;
  lines.encoding = "PDF";
  layout::PdfPager pager(&lines, &items, patterns.file("units"));
  ReadOptions o = opts;
  o.on_page = [&pager](PdfPage&& page) { pager.Add(page); };
  if (!ReadDocument(path, o, doc, err)) return false;
  if (doc->encoding == "PDF")
    *layout = layout::Builder(lines, patterns).Run(std::move(items));
  else
    *layout = BuildLayout(*doc, patterns);
  return true;
}

}  // namespace jx
