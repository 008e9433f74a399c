// What the PDF layout files hand each other: the geometry of a page as they
// see it, and one entry point per job, so that each job can live in its own
// file without the others seeing its workings.
#ifndef JXAUDIT_LAYOUT_PDF_INTERNAL_H_
#define JXAUDIT_LAYOUT_PDF_INTERNAL_H_

#include <algorithm>
#include <cstddef>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "base/patterns.h"
#include "ingest/document.h"
#include "layout/pdf_params.h"

namespace jx::layout::pdf {

struct Box {
  double x0, y0, x1, y1;
  double cx() const { return (x0 + x1) / 2; }
  double cy() const { return (y0 + y1) / 2; }
};

// The words of one visual line, left to right.
using WordLine = std::vector<const PdfWord*>;

// A table as laid out on one page, before it becomes a piece.
struct PageTable {
  Box box;
  std::vector<double> xs;  // column rules; separators for unruled tables
  bool ruled = true;
  // Unruled: opens the page with the columns the last page's table ended
  // with, perhaps split further where this page shows more columns.
  bool continues = false;
  std::vector<std::vector<std::string>> rows;
  // The last row's cells whose text reaches the row's foot and so may go on
  // over the page; a line that stops above it ended its cell. Ruled: of the
  // last row with text, when empty rows the cut left follow it.
  std::vector<bool> open_at_foot;
  // Ruled: those of them of two lines or more. A cell of one line cannot
  // have been cut by the page break, so a number below it is a new one.
  std::vector<bool> wrapped_at_foot;
  // Ruled, by column: a cell merged over the last rows, open at the foot
  // and empty there. Its label is drawn on the next page, and which rows
  // it heads there is a guess too.
  std::vector<bool> label_cut_at_foot;
  // What the reading could not be sure of (kDoubt* of layout/table.h).
  std::vector<std::string> doubts;
  // The same for one row (as `rows`, "" where sure): a merged cell the page
  // break cut leaves only its own rows in doubt.
  std::vector<std::string> row_doubts;
  // Unruled: its label columns set their labels at their rows' foot, so a
  // label merged over rows ends its span (moved up when the header names
  // the hierarchy columns, `Table::labels_at_foot`).
  bool labels_at_foot = false;
  // Of horizontal rules only: its columns are inferred, as an unruled
  // table's are. Open: without its bottom rule, it runs on to the page's
  // end, and the next page goes on with its columns. `rule_x0` and
  // `rule_x1`: where its rules start and end.
  bool three_line = false, open_three_line = false;
  double rule_x0 = 0, rule_x1 = 0;
  // Unruled: a label column's cell overlaps more rows than a label
  // centred on them would (several rows' text read as one cell).
  bool tall_label = false;
};

// ---- Geometry (pdf_geometry.cc) -------------------------------------------

// `page`, or a copy of it in `copy` without the words and rules that lie
// nowhere (NaN, infinity, beyond a million points).
const PdfPage& SanePage(const PdfPage& page, PdfPage* copy);

// Words of one visual line joined as printed: a space where the PDF had one
// between Latin words, nothing between Chinese characters.
std::string JoinWords(const std::vector<const PdfWord*>& ws);

// Words → visual lines, each sorted left to right, in reading order.
std::vector<WordLine> GroupLines(std::vector<const PdfWord*> ws);

// The lines of one cell joined into its text.
std::string JoinCellLines(const std::vector<WordLine>& lines);

struct Para {
  std::string text;
  Box box;
  // The last line reaches the right edge mid-sentence: the paragraph may
  // go on over the page.
  bool open_end = false;
  double first_x0 = 0;  // where the first line starts (indented or not)
  double size = 0;      // the first line's font size
};

// Lines of running text → paragraphs.
std::vector<Para> Paragraphs(const std::vector<WordLine>& lines);

// `cut`: the columns where a merged cell the last page ended with goes on
// here (`PageTable::label_cut_at_foot`). The rows of `t` from `head` to the
// last that the first label here in such a column heads (down to the next
// label in it) are in doubt (pdf_labels.cc).
void DoubtLabelsCutAbove(const std::vector<bool>& cut, size_t head, PageTable* t);

// ---- Page-break debris (pdf_break_debris.cc) ------------------------------

// `p` lies past `t`'s bottom edge (`below`) or its top, its middle beyond
// the rule and within `debris_gap_em` of it, inside one of its columns.
bool PastGridEdge(const Para& p, const PageTable& t, bool below);
// `p`'s text is within the cell, in the column `p` lies in, of `t`'s first
// row with text (`first_row`) or of its last row: a clipped copy of it.
bool RepeatsCell(const Para& p, const PageTable& t, bool first_row);
// `p`, above this page's first table, is a cut cell's text drawn again:
// past the grid's top, repeated by its first row or by the last row of the
// table the last page ended with (`last`, empty when none).
bool HeadDebris(const Para& p, const std::vector<PageTable>& tables,
                const PageTable& last);
// Text above the page's first table, or below its last, that lies within
// one of its columns, not across the table: the rest of a cell the page
// break cut, or the part of a row taller than the page that this page
// holds under the header it printed again.
bool InColumn(const Para& p, const std::vector<PageTable>& tables);

// These run for every line of every band, so they stay inline.
inline double LineTop(const WordLine& l) {
  double y = l.front()->y0;
  for (const PdfWord* w : l) y = std::min(y, w->y0);
  return y;
}
inline double LineBottom(const WordLine& l) {
  double y = l.front()->y1;
  for (const PdfWord* w : l) y = std::max(y, w->y1);
  return y;
}
inline double LineSize(const WordLine& l) {
  double s = kPdf.min_em;
  for (const PdfWord* w : l) s = std::max(s, w->size);
  return s;
}

// A gap that parts two cells (`cell_gap_em`), or one at a cell edge the
// page's alignment shows (`MarkCellEdges`).
inline bool WideGap(const PdfWord& a, const PdfWord& b) {
  return a.ends_cell ||
         b.x0 - a.x1 > kPdf.cell_gap_em * std::max({kPdf.min_em, a.size, b.size});
}

// Whether the gap between two words of a line holds the column separator at
// `x` (within `separator_overrun_em`) and is wider than `separator_gap_em`:
// two cells set close, not one text run across columns.
bool GapHolds(const PdfWord& a, const PdfWord& b, double x);
// The same for any of the sorted separators `seps`.
bool SeparatorInGap(const PdfWord& a, const PdfWord& b, const std::vector<double>& seps);

// A line's run of words without a wide gap.
struct Segment {
  double x0, x1;
};

std::vector<Segment> Segments(const WordLine& l);

// Lone short lines in the foot zone that end the page are its footer ("-3-",
// "第3页共19页"), set nearer a table's last row than a paragraph break: no
// table's rows, and not what the page's last table ends with. The first of
// `bands` (each a first and last line of `lines`) that is such a footer,
// or bands.size().
size_t FooterStart(const std::vector<WordLine>& lines,
                   const std::vector<std::vector<Segment>>& segs,
                   const std::vector<std::pair<size_t, size_t>>& bands,
                   double page_height);

// ---- Cell edges (pdf_edges.cc) ---------------------------------------------

// Two cells set closer than a wide gap (padding of a point, equal columns
// filled to their edge) read as one run of text. Where a word follows such
// a gap at a position where the page's other lines start cells, the word
// before it ends its cell (`PdfWord::ends_cell`): on lines that part cells
// with a wide gap elsewhere, and on lines of two cells run together within
// the stretch of the page such edges were found over. Returns `page`, or
// `*copy` holding `page` so marked; `page` may be `*copy` itself.
// `units` (patterns/units.txt), when given: a unit set against its number
// stays with it.
const PdfPage& MarkCellEdges(const PdfPage& page, const PatternFile* units,
                             PdfPage* copy);

// ---- Ruled grids (pdf_ruled.cc) ---------------------------------------------

// The tables the page's rules draw, in `tables`; every word outside them, as
// lines, in `text`. `frames`, when given: the boxes of rules that draw one
// cell only (an outer frame round a table, a box round text).
void ReadRuled(const PdfPage& page, std::vector<PageTable>* tables,
               std::vector<WordLine>* text, std::vector<Box>* frames = nullptr);

// ---- Text run across a grid's row rules (pdf_overflow.cc) ------------------

// A word of a grid and the grid row and column it was placed in.
struct GridWord {
  const PdfWord* word;
  size_t row, col;
};

// Words a row rule of the grid `ys` cuts (drawn under them, `ruled`: rule
// i at x), text of a cell taller than its row, moved to the row whose cell
// then sits in its row as the grid's cells no rule cuts do (the median of
// their offsets from the top, the foot or the middle, whichever varies
// least): a cell set at its foot runs upward, at its top downward. Only
// cells one grid row tall (`single`, rows × columns) are placed. The rules
// (1 … rows - 1) where the two rows fit a cut word within `overflow_fit_em`
// of each other, or that the grid shows too few such cells to place by
// (`overflow_evidence`) or too many cut words (`overflow_max_words`), are
// returned: their rows may hold each other's words.
std::vector<size_t> PlaceOverflow(const std::vector<double>& ys,
                                  const std::vector<std::vector<bool>>& single,
                                  const std::function<bool(size_t, double)>& ruled,
                                  std::vector<GridWord>* words);

// ---- Column inference (pdf_columns.cc) -------------------------------------

// Column separators of the lines `idx` of `lines` (with their segments).
std::vector<double> Separators(const std::vector<WordLine>& lines,
                               const std::vector<std::vector<Segment>>& segs,
                               const std::vector<size_t>& idx);

// `seps` without those that part a column of header labels only from one of
// values only: the header zone's labels centred off their values' alignment.
// `unsure`: some label stood between two columns of values only.
std::vector<double> HeaderSpans(const std::vector<double>& seps,
                                const std::vector<WordLine>& lines,
                                const std::vector<std::vector<Segment>>& segs,
                                const std::vector<size_t>& idx, bool* unsure);

// `seps`, found from the lines `body`, each moved within the body's gap
// around it to where no segment of the lines `header` crosses it.
std::vector<double> ClearOfHeader(std::vector<double> seps,
                                  const std::vector<WordLine>& lines,
                                  const std::vector<size_t>& body,
                                  const std::vector<size_t>& header);

// Whether `seps`, a table's separators, still hold for the lines `idx`.
bool Fits(const std::vector<double>& seps, const std::vector<WordLine>& lines,
          const std::vector<std::vector<Segment>>& segs, const std::vector<size_t>& idx);

// `carry` and those of `seps` that split one of its columns.
std::vector<double> MergeSeparators(const std::vector<double>& carry,
                                    const std::vector<double>& seps,
                                    const std::vector<std::vector<Segment>>& segs,
                                    const std::vector<size_t>& idx);

bool SameColumns(const std::vector<double>& a, const std::vector<double>& b);

// Where each of `from`'s columns starts among `to`'s, when `to` keeps every
// separator of `from` and perhaps adds some; empty otherwise.
std::vector<size_t> RefinedColumns(const std::vector<double>& from,
                                   const std::vector<double>& to);
// The same for ruled grids, when `last` holds no number (header rows the
// page break parted from their body, their cells merged over columns the
// next page's grid `next` draws apart), its outer rules `next`'s and every
// inner rule one of `next`'s; empty otherwise.
std::vector<size_t> RefinedHeaderGrid(const PageTable& last, const PageTable& next);

// ---- Unruled rows (pdf_unruled.cc) -----------------------------------------

// `lines` in reading order. Lines that form tables become `tables`; the rest
// go to `text`. `carry`: the separators of the unruled table the last page
// ended with, which a table opening this page may go on with. `frames`:
// boxes drawn round text (`ReadRuled`); lines inside one and lines outside
// it are never rows of one table.
void ReadUnruled(std::vector<double> carry, std::vector<WordLine> lines,
                 double page_height, std::vector<PageTable>* tables,
                 std::vector<WordLine>* text, const std::vector<Box>& frames = {});

// ---- Unruled cells (pdf_cells.cc) -----------------------------------------

// Rows and cells of the lines `idx` under the separators `seps`: what the
// unruled reading does with the lines of a table it found. Without
// `place_labels`, the cells as they lie, labels where they were printed.
void BuildCells(const std::vector<WordLine>& lines, const std::vector<size_t>& idx,
                const std::vector<double>& seps, PageTable* t, bool place_labels = true);

// `seps` without those between two columns right of the label columns that
// no row of `t` fills both of (`min_table_rows` rows filling one or the
// other): one column whose cells are set to different sides.
std::vector<double> JoinUnsharedColumns(const PageTable& t,
                                        const std::vector<double>& seps);

// ---- A table's own leading (pdf_leading.cc) --------------------------------

// A line that is a whole number as printed: digits grouped by threes after a
// comma, ending in a digit or %, not the head of a number the cell's width
// wrapped ("2,000,00" over "0.00", "80%-" over "90%"), nor its middle or tail
// when that opens with a zero before a digit ("000.0").
bool WholeNumber(const std::string& s);

// One line of a cell in column `col`, `width` wide in a font of `size`.
// `decimals`: a number's digits after its decimal point (-1: none or no
// number); `digits`: digits only, `chars` of them; `spans`: the line runs
// on into the next column.
struct CellLine {
  size_t col;
  double y0, y1, width, size;
  bool numeric, whole_number;
  int decimals = -1;
  bool digits = false, spans = false;
  size_t chars = 0;
};

// ---- Numbers wrapped before their last digits (pdf_leading.cc) ------------

// The line of `text` as `CellLine` sees it.
CellLine LineOf(size_t col, double y0, double y1, double width, double size,
                const std::string& text);

// Per column of `nc`, the width of its widest line that is a number.
std::vector<double> WidestNumbers(const std::vector<CellLine>& boxes, size_t nc);

// What a column's lines show of the numbers it may have cut: its widest
// line within it, and the least gap between two numbers one under the
// other that are no number and its cut digits (two rows' values), kFar
// where none shows it. `boxes` in order down the page.
struct ColumnShape {
  double widest = 0;
  double rows_gap = kFar;
};
std::vector<ColumnShape> ColumnShapes(const std::vector<CellLine>& boxes, size_t nc);

// `lower`, set under `upper` in its column, is the rest of the number
// `upper` starts, cut before its last digits by the column's width
// ("6,874,309.5" over "9", "135.0" over "0"): `upper` holds a decimal
// point and fills its column — no line of it is wider than `upper` and
// one digit of `lower` (`wrap_fill_em`) — `lower`, narrower, is digits
// only, and the two lie at a cell's leading: closer, by a cell's padding
// (`leading_separation_em`), than the column sets two rows' numbers. Two
// rows' values leave room beside the upper or lie at the rows' gap ("0.2"
// over "0" as far apart as "0.2" over "0.2").
bool CompletesNumber(const CellLine& upper, const CellLine& lower,
                     const ColumnShape& column);

// The gap, in points, over which a column's next line (of `boxes`, in order
// down the page) starts a new row in this table, where the table shows its
// rows closer than `cell_leading_em`; kFar where it does not. Two whole
// numbers stacked show the rows' gap where another column repeats them at
// the same height, or where the upper one is narrower than its column's
// widest number (so it did not wrap).
double RowGapLimit(const std::vector<CellLine>& boxes, size_t nc, double em);

// The same for the lines `idx` cut at their wide gaps, each run in the
// column of `seps` it starts in.
double RowGapLimit(const std::vector<WordLine>& lines, const std::vector<size_t>& idx,
                   const std::vector<double>& seps, double em);

// The gap, in points, up to which a column's next line (of `boxes`, in
// order down the page) is the same cell's, where the table sets its cells'
// lines further apart than `cell_leading_em` (1.5 line spacing); 0 where it
// does not show that. Lines that fill their column show the leading, and
// numbers stacked one per row show that the rows lie clearly further apart.
double OpenLeadingLimit(const std::vector<CellLine>& boxes, size_t nc, double em);

// ---- Tables of horizontal rules only (pdf_three_line.cc) -------------------

// Moves the lines between runs of horizontal rules that no grid of `tables`
// holds out of `lines`, as tables appended to `tables`. `carry`: the open
// table of horizontal rules the last page ended with, if it did; this
// page's first piece of rules as wide goes on with its columns.
void ReadThreeLine(const PdfPage& page, const PageTable* carry,
                   std::vector<WordLine>* lines, std::vector<PageTable>* tables);

// ---- Label placement (pdf_labels.cc) ----------------------------------------

// A row of an unruled table: its top and foot.
struct RowSpan {
  double y0, y1;
};

// How many of a column's cells of one line in rows of several lines sit
// level with the row's top, middle or foot.
struct AlignVotes {
  int top = 0, middle = 0, foot = 0;
};

// Moves the labels of the first `label_columns` columns of `cells` (rows ×
// columns) to the first row of the span each is centred on. Where the label
// columns set their cells at their rows' foot (`votes`, per column) none
// moves and it says so: a label there ends its span, but a label over blank
// cells looks the same, and only the header tells hierarchy columns apart.
// `centers` and `tops`: where each cell's text lies. `unsure`: a label lies
// where two placements could claim it (level with its row's foot alone,
// where the votes did not show the label columns set so).
bool PlaceLabels(const std::vector<RowSpan>& rows,
                 const std::vector<std::vector<double>>& centers,
                 const std::vector<std::vector<double>>& tops, size_t label_columns,
                 double em, const std::vector<AlignVotes>& votes,
                 std::vector<std::vector<std::string>>* cells, bool* unsure);

// ---- Column room (pdf_column_room.cc) ---------------------------------------

// The least room, in em, separators leave between two cells of the table's
// lines (`idx`) after a word that is no number, not counting gaps at a
// column edge another line starts a cell at with room; and whether a cell
// holds two numbers a wide gap apart with no separator between them.
struct ColumnRoom {
  double margin = kFar;
  bool two_values = false;
};
ColumnRoom MeasureColumnRoom(const std::vector<WordLine>& lines,
                             const std::vector<size_t>& idx,
                             const std::vector<double>& seps);

}  // namespace jx::layout::pdf

#endif  // JXAUDIT_LAYOUT_PDF_INTERNAL_H_
