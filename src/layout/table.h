// Layout stage hand-off: a document as ordered paragraphs and tables.
#ifndef JXAUDIT_LAYOUT_TABLE_H_
#define JXAUDIT_LAYOUT_TABLE_H_

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "base/name_list.h"
#include "base/rare_string.h"

namespace jx {

// A cell's doubt (kDoubt* names below joined with ',', else ""): one byte,
// an index into the names seen, since a grid has a cell per printed cell
// and few carry one.
class CellDoubt {
 public:
  CellDoubt() = default;
  CellDoubt& operator=(std::string_view name) {
    id_ = name.empty() ? 0 : Intern(name);
    return *this;
  }
  CellDoubt& operator=(const std::string& name) { return *this = std::string_view(name); }
  const std::string& str() const {
    static const std::string kEmpty;
    if (id_ == 0) return kEmpty;
    std::lock_guard<std::mutex> lock(Names().mu);
    return Names().list[id_];
  }
  operator const std::string&() const { return str(); }
  bool empty() const { return id_ == 0; }
  void clear() { id_ = 0; }
  // Adds `names` (one or several) to those held.
  void Add(std::string_view names) {
    std::string all = str();
    AddNames(&all, names);
    *this = all;
  }
  friend bool operator==(const CellDoubt& a, std::string_view b) {
    return std::string_view(a.str()) == b;
  }

 private:
  struct Table {
    std::mutex mu;
    std::deque<std::string> list{std::string()};  // stable references as it grows
  };
  static Table& Names() {
    static Table t;
    return t;
  }
  // Past 255 distinct names (there are a few, and few joined) a new one
  // shares the last id.
  static uint8_t Intern(std::string_view name) {
    Table& t = Names();
    std::lock_guard<std::mutex> lock(t.mu);
    for (size_t i = 1; i < t.list.size(); ++i)
      if (t.list[i] == name) return static_cast<uint8_t>(i);
    if (t.list.size() > 255) return 255;
    t.list.emplace_back(name);
    return static_cast<uint8_t>(t.list.size() - 1);
  }
  uint8_t id_ = 0;
};

struct Cell {
  std::string text;  // as printed (wrapped lines joined with '\n'), trimmed
  int first_line = 0;
  int last_line = 0;
  int page = 0;
  // On the top-left cell of a merged range; 1 elsewhere.
  int rowspan = 1;
  int colspan = 1;
  // On a cell covered by a merged range: where its anchor is. -1 otherwise.
  int anchor_row = -1;
  int anchor_col = -1;
  // What the layout doubts of this cell's row alone (kDoubt*), else "": a
  // doubt that holds for a few rows, not for the whole table. (Beside the
  // ints, where it takes no room of its own.)
  CellDoubt doubt;
  // The value later stages read: `text`, or the anchor's text for a covered
  // cell of a hierarchy column (the filled-down value). Kept apart only when
  // it is not the text: a grid has a cell per printed cell.
  const std::string& value() const { return fill_.empty() ? text : fill_.str(); }
  void set_value(const std::string& v) { fill_ = v == text ? std::string() : v; }
  // Workbooks: the sheet and cell it was read from ("表1!B7"), else "".
  RareString ref;

 private:
  RareString fill_;
};

struct Column {
  std::string label;  // header texts top to bottom, joined with '/'
  std::string key;    // canonical name from patterns/header.txt, or ""
  int level = -1;     // hierarchy level (1 = 一级指标 ...), 0 = unnumbered
                   // hierarchy (评价指标, 考核内容), -1 = not a hierarchy column
  // The name of each header text above the column, top first ("" where a
  // text has no name): 资产情况/期初/数量 → {asset_group, opening, quantity}.
  std::vector<std::string> path_keys;
  bool HasPathKey(std::string_view k) const {
    for (const auto& p : path_keys)
      if (p == k) return true;
    return false;
  }
};

// A run of rows that share one header: a table may restart its header midway
// (a form whose lower half is an indicator grid).
struct Section {
  int first_row = 0;    // first row of the section (its first header row)
  int header_rows = 0;  // header rows at the top of the section
  std::vector<Column> columns;
};

// The doubts a layout may hand over with a table.
// Columns inferred from alignment with little room between them.
inline constexpr std::string_view kDoubtColumns = "columns";
// Cells that two rows could claim: one cell's lines reach over several rows,
// or a row holds two cells of one column.
inline constexpr std::string_view kDoubtRows = "rows";
// A piece that may or may not go on with the table before it: joined on
// weak evidence, or not joined though it opens a page without a header.
inline constexpr std::string_view kDoubtContinuation = "continuation";
// No header row was recognised: which column holds what is not known.
inline constexpr std::string_view kDoubtHeader = "header";
// A row whose cells begin with their column's header text: a header the
// page repeated was read into a row that a page break cut, so which rows
// and columns the table's numbers belong to is a guess.
inline constexpr std::string_view kDoubtHeaderInRow = "header_in_row";
// The header printed again on a later page, read into other columns or rows
// than the table's first piece reads it in: the rows joined after it may sit
// in other columns than the table's.
inline constexpr std::string_view kDoubtHeaderRecut = "header_recut";
// A column no header cell names, between named ones, holds text in a row:
// a header and its column's cells were set apart, so which column the row's
// cells belong to is a guess. Set on those rows (Cell::doubt).
inline constexpr std::string_view kDoubtUnnamedColumn = "unnamed_column";
// A merged label cell cut by a page break: which rows it spans is a guess.
// Set on the rows the cut cell spans (Cell::doubt), not on the table.
inline constexpr std::string_view kDoubtLabels = "labels";

// kStructured: read whole from a Word, Excel or web document.
enum class TableFormat { kTabRows, kCellLines, kPipeRows, kStructured };

struct Table {
  std::string id;  // "t1", "t2" ... in document order
  std::string title;
  int title_line = 0;
  int first_line = 0;
  int last_line = 0;
  int page = 0;
  TableFormat format = TableFormat::kTabRows;
  int pieces = 1;       // how many printed pieces were joined into this table
  int header_rows = 0;  // header rows at the top of the table
  std::vector<std::vector<Cell>> rows;
  std::vector<bool> row_is_header;
  std::vector<Section> sections;
  // What the layout could not be sure of when it rebuilt the table from a
  // page's geometry, by name (see kDoubt*); empty when it is sure (a grid
  // read whole, a table from text or an office document). The rules give at
  // most a warning on what rests on a doubtful table.
  std::vector<std::string> doubts;
  // PDF: the table sets a label merged over rows at the foot of the rows it
  // spans, so that the label's row is its span's last (a page's geometry
  // shows it; text and office tables print a merged label on its first).
  bool labels_at_foot = false;
  void AddDoubt(std::string_view name) {
    for (const auto& d : doubts)
      if (d == name) return;
    doubts.emplace_back(name);
  }

  // Widest row.
  size_t width() const;
  // The section a row belongs to (never null when the table has rows).
  const Section* SectionOf(size_t row) const;
};

struct Paragraph {
  std::string text;
  int line = 0;
  int page = 0;
};

struct Block {
  enum Kind { kParagraph, kTable } kind;
  size_t index;  // into Layout::paragraphs or Layout::tables
};

// Lines of a text file, first to last (1-based, inclusive).
struct LineSpan {
  int first_line = 0;
  int last_line = 0;
};

struct Layout {
  std::vector<Paragraph> paragraphs;
  std::vector<Table> tables;
  std::vector<Block> blocks;  // document order
  // Text lines that look like a table printed in columns aligned by spaces
  // (a print copied as text), from which no table was read: what is in
  // them is not checked, and is said to be so.
  std::vector<LineSpan> aligned_unread;
};

}  // namespace jx

#endif  // JXAUDIT_LAYOUT_TABLE_H_
