// Shared between the files of the layout stage only.
#ifndef JXAUDIT_LAYOUT_INTERNAL_H_
#define JXAUDIT_LAYOUT_INTERNAL_H_

#include <memory>
#include <string>
#include <vector>

#include "base/patterns.h"
#include "ingest/document.h"
#include "layout/table.h"

namespace jx::layout {

struct RawRow {
  std::vector<Cell> cells;
  int first_line = 0;
  int last_line = 0;
  bool pipe_header = false;  // followed by a |---| separator in pipe rows
};

// A run of consecutive table rows as printed, before joining.
struct Piece {
  TableFormat format = TableFormat::kTabRows;
  std::vector<RawRow> rows;
  int first_line = 0;
  int last_line = 0;
  // PDF: the page opens with the grid the last page's table ended with, so
  // this piece goes on with that table whatever its first row says.
  bool same_grid_as_previous = false;
  // ... and it is the same ruled grid, so the join is sure; an unruled page
  // that merely opens with a table is not.
  bool same_ruled_grid = false;
  // PDF: read from a page's geometry (the layout may doubt it), and what it
  // doubts already (kDoubt* of layout/table.h).
  bool geometry = false;
  std::vector<std::string> doubts;
  // PDF: merged labels are set at the foot of their rows (Table::labels_at_foot).
  bool labels_at_foot = false;
  // PDF: the columns of the ruled grid it was read from; 0 when unruled.
  size_t grid_columns = 0;
};

// One step of the scan: a table piece, a paragraph line or a blank line.
struct Item {
  enum Kind { kBlank, kText, kPiece } kind = kBlank;
  size_t line = 0;  // index into Document::lines (first line for a piece)
  Piece piece;
  // PDF text: set in the page's head or foot zone, where running heads, page
  // numbers and footers go.
  bool margin = false;
  // PDF text above the page's first table, within one of its columns: the
  // rest of a cell the page break cut, drawn above the grid.
  bool in_column = false;
  // PDF text a producer drew again at a page break: a cell clipped at the
  // print area, shown past the grid's edge, that the cell across the break
  // holds whole (pdf_break_debris.cc). No text between the table's pieces.
  bool debris = false;
};

enum class TextMode { kTabRows, kCellLines };

// ---- Row keys (row_keys.cc) ----
// The match keys of a row's non-empty cells, in order.
std::vector<std::string> CellKeys(const std::vector<Cell>& row);
// Those keys joined: one string per row's labels.
std::string RowKey(const std::vector<Cell>& row);
// `again` prints the header row `first` again, cell for cell, perhaps with
// cells cut short (CutShortCopy).
bool SameHeaderRow(const std::vector<Cell>& first, const std::vector<Cell>& again);
// The letters of `text` (a RowKey) as a multiset, in code point order.
std::u32string Letters(std::string_view text);

// Decides whether tabs separate cells on one row or start one cell per line.
TextMode DetectMode(const Document& doc);

// Whether a row of a table rebuilt from a page holds cells that begin with
// their column's header text (a repeated header read into a cut row).
bool HeaderReadIntoRow(const Table& t);

// Splits the document into items for `mode`. Pipe rows are recognised in both.
std::vector<Item> ScanLines(const Document& doc, TextMode mode);

// Runs of three or more lines, none a table row (no tab, no pipe), each
// with two gaps of two spaces or more between words, two at least holding
// a digit: columns aligned by spaces.
std::vector<LineSpan> AlignedBlocks(const Document& doc);

// PDF pages → text lines (written to `lines`, numbered per page) and the
// items they make: ruled and unruled tables as pieces, the rest as text.
// Pages are taken one at a time and in order, so that only one page's
// geometry need be held.
class PdfPager {
 public:
  // `units` (patterns/units.txt), when given: a unit set against its number
  // is never read as a cell of its own (`pdf::MarkCellEdges`).
  PdfPager(Document* lines, std::vector<Item>* items, const PatternFile* units = nullptr);
  ~PdfPager();
  void Add(const PdfPage& page);

 private:
  struct State;
  std::unique_ptr<State> s_;
};

void PdfItems(const Document& pdf, Document* lines, std::vector<Item>* items,
              const PatternFile* units = nullptr);

// Structured documents (Document::blocks): paragraphs as text items, each
// table as one piece with its merges (structured.cc).
std::vector<Item> StructuredItems(const Document& doc);

// Header recognition and everything that depends on it: row_is_header,
// sections, columns, header spans and hierarchy fill-down.
bool IsHeaderRow(const std::vector<Cell>& cells, const PatternFile& header);
// `marked_header_rows` leading rows are headers whatever their words (pipe
// tables mark them with a rule). `rendered`: the table's columns were
// inferred from a page's text alignment (no ruled grid), one set for all its
// sections, so a section's cell may stand in a column its header never names.
void AnalyzeTable(Table* table, const PatternFile& header, int marked_header_rows,
                  bool rendered = false);

// Cells whose text is a plain number ("15,897,000.0", "100%") are never header
// labels.
bool LooksNumeric(const std::string& text);

// A header cell printed again cut short: `again` is the start of `first`,
// long enough (kCutHeaderMinChars) not to be another label's start. A page
// that clips a header row printed again keeps only its cells' first lines.
constexpr size_t kCutHeaderMinChars = 4;
bool CutShortCopy(std::string_view first, std::string_view again);

}  // namespace jx::layout

#endif  // JXAUDIT_LAYOUT_INTERNAL_H_
