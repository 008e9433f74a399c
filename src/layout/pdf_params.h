// Every number the PDF layout decides by, in one place, so that a change to
// one is made knowingly and the files that use it agree. Distances are in em
// (the font size of the word, line or table at hand) or shares of the rows'
// usual gap or of the page's height; the few in points say why they are not
// relative.
#ifndef JXAUDIT_LAYOUT_PDF_PARAMS_H_
#define JXAUDIT_LAYOUT_PDF_PARAMS_H_

#include <cstddef>

namespace jx::layout::pdf {

struct PdfParams {
  // ---- Page sanitising ----
  // Points. A coordinate beyond this lies nowhere on a page (a hostile text
  // matrix); absolute because no page, whatever its fonts, is this large.
  double max_coordinate = 1e6;

  // ---- Words into lines and text ----
  // Points. The least em any em-relative test uses: a broken font may report
  // size 0, which would make every gap "wide". It is the floor of the em
  // itself, so it cannot be in em.
  double min_em = 1.0;
  // Points. The least height a word box is given, so that a zero-height box
  // still overlaps its line; it separates nothing, so it need not scale.
  double min_word_height = 0.1;
  // A word joins a line it overlaps vertically by more than this share of
  // the shorter height; less is a line above or below (superscripts, leading).
  double line_overlap = 0.5;
  // How many of the latest lines a word may join: lines further up are
  // finished, and looking further would cost a scan per word.
  size_t line_lookback = 4;
  // Em. A gap over this between two Latin words is a space even where the PDF
  // stored none; narrower is kerning inside a word.
  double latin_space_em = 0.25;
  // Em. A gap over this is printed as a space between any two words, Chinese
  // too: words set apart on purpose, not a run of text.
  double wide_space_em = 1.5;

  // ---- Paragraphs of running text ----
  // Em. A line ending within this of the text block's right edge is full and
  // runs on into the next; one ending further left ended its paragraph.
  double para_full_line_em = 1.5;
  // Em. A line ending further left still runs on when what the next line
  // starts with (its first unbreakable run: "（类）", "7.53") is wider than the
  // room left, less this: the producer could not fit it, the sentence goes
  // on. Not after a line that ends a sentence. A full em: the widest line,
  // which sets the edge, may end in punctuation hung past it.
  double para_fit_slack_em = 1.0;
  // Em. The next line runs on only when its top is within this of the last
  // line's foot: leading, not a paragraph's spacing.
  double para_leading_em = 0.8;
  // Em. Or within the page's own leading plus this: its leading is the
  // median gap under full lines of running text, so 1.5 line
  // spacing runs on where a paragraph's spacing after (0.4 em and more)
  // still ends it. Up to para_leading_max_em: wider is not leading.
  double para_leading_slack_em = 0.25;
  double para_leading_max_em = 1.5;
  // Em. The next line runs on only when it starts within this right of the
  // last line's start: not an indented first line.
  double para_indent_em = 0.5;
  // Em. Lines whose font sizes differ by this or more are not one paragraph
  // (a heading over body text); less is the same font, rounded.
  double para_same_size_em = 0.05;

  // ---- Ruled grids ----
  // Points. Rules this close are one rule, and a rule this near a cell's
  // midpoint bounds it. Rules carry no font size, and what this absorbs (the
  // width a rule is drawn with, a renderer's rounding) is in points.
  double rule_tolerance = 2.0;
  // The most distinct horizontal and vertical rule positions a grid may
  // have: more is a drawing (a chart, a hatch), not a table, and would cost
  // rows × columns.
  size_t max_row_rules = 2000;
  // Column rules that run on past the last horizontal rule by more than
  // twice what makes two rules one (a rule's overrun at each end) draw a
  // row the page break left open.
  double open_row_min = 2 * rule_tolerance;
  size_t max_column_rules = 200;
  // Em. A word starting within this of a column's left rule is set
  // left-aligned in that column's cell (a cell's padding at most), and
  // stays there however far past the next rule it runs (a line the
  // producer did not wrap, or stretched to justify it); further in, its
  // centre says which cell holds it.
  double overflow_start_em = 1.0;
  // Share of the smaller of two words of other texts in one grid cell that
  // they cover together past which one was drawn over the other: a
  // neighbour's text run out of its cell (a bottom-set label taller than
  // its row, clipped over the row above), not text set beside it. A bold
  // face drawn twice repeats the same text and is no overlap.
  double overlap_share = 0.5;
  // Words of a cell compared with each word that follows it top to bottom:
  // a bound on the work a cell of many words costs.
  size_t overlap_neighbours = 16;
  // Share of a word's height. A row rule drawn through a word's box deeper
  // than this from either edge means the word is not inside one cell: its
  // producer set the cell's text taller than the row and let it run over
  // the rule (a spreadsheet's fixed row height), so which row's label it
  // is, is a guess. Less is a box's ascent or descent touching the rule.
  double rule_through_word = 0.3;
  // Column rules of one extent that no horizontal rule meets, or that run
  // on past the one horizontal rule they meet, draw a row the page break
  // cut when there are this many: two columns at least. Two alone are as
  // often a margin's bars or a frame's sides.
  size_t cut_row_rules = 3;

  // ---- Tables of horizontal rules only (三线表) ----
  // Points. A horizontal rule shorter than this underlines words, not a
  // table; a bound on the page like `min_scan_width`.
  double three_line_min_width = 100;
  // Points. Rules of one table start and end within this of each other
  // (drawn per cell, a cell's padding apart at most). Rules carry no font
  // size to scale by.
  double three_line_span = 10.0;
  // The most such tables read on one page: more runs of rules are a
  // drawing (a hatch, a form's lines), and each costs a pass over the lines.
  size_t max_three_line_runs = 50;

  // ---- Unruled tables: lines, bands and regions ----
  // Em. A gap over this between two words parts two cells: Chinese text has
  // no gaps, a Latin space is about a quarter em.
  double cell_gap_em = 0.55;
  // Em. A narrower gap than `cell_gap_em` still parts two cells where a
  // column separator lies in it (two cells set close, their padding small)
  // once it is wider than this: a Latin space is about a quarter em, and
  // letter spacing far less.
  double separator_gap_em = 0.4;
  // Em. A line whose top is within this of the line above (or a fragment of
  // the fragment above) is the same cell's next line (leading); further down
  // is cell padding, a new row.
  double cell_leading_em = 0.45;
  // Columns that stack whole numbers at the same heights, one under the
  // other closer than `cell_leading_em`: this many show that the table sets
  // its rows that close (one value per row), a number wrapped in one cell
  // shows in one column only. One column shows it where the upper number is
  // narrower than the column's widest (`wrap_width_em`): it did not wrap.
  size_t row_evidence_columns = 2;
  // Em. A cell's line of text ending within this of its column's widest
  // line fills the column: it wrapped (a Chinese line wraps a character and
  // a hung punctuation mark short of the edge at most), so the line under it
  // in that column, at the leading, is the same cell's.
  double wrapped_line_em = 1.5;
  // Lines that fill their column, over a gap wider than `cell_leading_em`
  // (1.5 line spacing), this many of them at one gap (within
  // `row_level_em`), show the table's own leading; one alone may be a row
  // that happens to end at the edge.
  size_t leading_evidence = 2;
  // Em. A gap wider than this is no leading whatever the lines show: double
  // line spacing sets its lines a full em apart, rows and paragraphs lie
  // further.
  double max_leading_em = 1.0;
  // Em. Lines whose tops are this close are level: the same row's.
  double row_level_em = 0.1;
  // Em. Where no cell wraps to show the leading, a gap under this stays
  // leading whatever the rows show: single-spaced lines of any producer
  // here are closer. Rows then part at gaps within `row_gap_margin_em` of
  // the rows' own (renderers round positions), and a gap that much under
  // the rows' gap the numbers show (a label in a font a hair taller) is
  // that gap still, neither leading nor a doubt between the two.
  double unproven_leading_em = 0.2;
  double row_gap_margin_em = 0.05;
  // Em. Rows of one table are closer than this (a paragraph break is about
  // three lines).
  double row_near_em = 3.0;
  // Em. Rows below the page's last table by more than `row_near_em` but less
  // than this (an empty row between) may still go on with it.
  double row_join_em = 6.0;
  // Em. A line may run this far past a separator without crossing it
  // (justified lines); running text crosses by far more.
  double separator_overrun_em = 0.3;
  // Em. A band wraps at the first column's edge, and so is a cell of that
  // column, when its first line ends within this of the edge.
  double first_column_wrap_em = 1.5;
  // Share of the page height above which lines are the running head (titles
  // repeated on every page): text there does not stand between a table and
  // the page before.
  double head_zone = 0.12;
  // Share of the page height below which a line is the running foot (page
  // numbers): it does not end the table the next page goes on with.
  double foot_zone = 0.88;
  // Share of the page height below which a table's last row ends the page,
  // so that the next page may go on with it.
  double page_end_zone = 0.75;
  // A region needs this many rows to be a table on its own; fewer rows right
  // below the last table are that table's.
  size_t min_table_rows = 3;

  // ---- Cell edges in narrow gaps (pdf_edges.cc) ----
  // Em. A gap narrower than this between two words of a line is kerning,
  // never two cells (a cell's padding is a point each side at the least).
  double edge_gap_em = 0.05;
  // Em. Words starting this close to one position start at it: one
  // renderer places a column's left-aligned cells at one x, to rounding.
  double edge_align_em = 0.05;
  // Lines whose word at a position opens the line or follows a wide gap:
  // this many show a cell edge there (a cell's wrapped lines start at it).
  size_t edge_support = 2;
  // Lines with a word starting at the position in all, the narrow gaps
  // included: a column's cells start at it row after row, where a word
  // inside a cell lands there by chance once.
  size_t edge_pairs = 3;
  // Characters. A word after a number that starts with a unit word this
  // long at most ("元/公里", "百万元") is the number's unit, not a cell.
  size_t edge_unit_chars = 3;
  // Edges at one position looked at for a line of two cells run together:
  // a table's rows on a page are far fewer, and a hostile page of a million
  // words at one x would cost a scan of them all per line.
  size_t edge_scan_limit = 256;

  // ---- Unruled tables: columns ----
  // Points. The step of the scan for separators: a precision, not a
  // distance between words. In em it gives the same output on the samples,
  // but the scan costs a step each, and a hostile font size (the em floor is
  // 1pt) would then make a table up to ten times dearer to scan.
  double scan_step = 0.5;
  // Points. A segment counts as crossing a scan position only this far
  // inside its ends, so that a segment ending exactly on one does not. An
  // arithmetic guard that parts nothing on the page, so it need not scale.
  double segment_inset = 0.01;
  // Points. Lines narrower than this have no columns; wider than the second
  // they are garbage, and the scan would cost a step per `scan_step`. Bounds
  // on the page, not distances between words.
  double min_scan_width = 1;
  double max_scan_width = 1e5;
  // Em. An empty stretch this wide parts two columns even where no line
  // shows a gap across it (cells centred on lines of their own).
  double empty_column_em = 0.8;
  // Points. Column positions of two pages this close are one column. They
  // are rule positions for ruled tables, and positions carried from the
  // last page keep no font size to scale by.
  double same_separator = 2.0;
  // A carried separator still holds when at most one line in this many
  // crosses it (a spanning cell); running text crosses on most lines.
  size_t crossings_per_line = 10;

  // ---- Unruled tables: rows and cells ----
  // Em. A run of words ending less than this into the next column does not
  // span it: the last word only pokes across.
  double span_overhang_em = 0.5;
  // Tenths. A column with a cell on at least this many tenths of the most
  // filled column's rows sets the rows; sparser ones are labels or values
  // placed on them.
  int dense_tenths = 8;
  // Em, of the table's largest font. A gap between two lines of a column at
  // least as wide as the table's row gap (two rows' values one above the
  // other) less this parts two rows: renderers round positions by far less,
  // and a cell's vertical padding (a point each side at the least) keeps
  // the lines of one cell closer by more.
  double row_gap_slack_em = 0.07;
  // Em. How far a cell's own leading must lie below the rows' gap for the
  // two to be told apart: a cell's vertical padding, a point each side at
  // the least, so twice the slack above (derived, not set beside it).
  constexpr double leading_separation_em() const { return 2 * row_gap_slack_em; }
  // Em. A number within this of its column's widest number fills the
  // column and may have wrapped, so it and the line below show no
  // row gap.
  double wrap_width_em = 0.5;
  // ---- Text run across a grid's row rules ----
  // Em. A word a row rule cuts goes to the row where its cell then sits as
  // the grid's other cells do only when that fits better than the other
  // row by this: text centred on a row of fixed height runs over both
  // rules by as much, and a word level with neither is a guess.
  double overflow_fit_em = 0.5;
  // Cells. A grid shows how it sets text in its rows when this many cells
  // one row tall hold text no rule cuts.
  size_t overflow_evidence = 3;
  // Words. A grid with more words a rule cuts than this is not placed
  // (each placing reads its cell's words): its cut rows stay in doubt.
  size_t overflow_max_words = 1024;

  // ---- Numbers wrapped before their last digits ----
  // Em. A number fills its column, and so may have been cut before its
  // last digits, when no line of the column is wider than it and one of
  // the digits below it by more than this: renderers' rounding and a
  // justified line's stretch. Two rows' values leave a column's width of
  // room beside the upper one, a label's or the header's.
  double wrap_fill_em = 0.15;

  // Em, of the table's largest font. A cell starting less than this above
  // the last row's foot still starts a new row: touching rows overlap by the
  // renderer's rounding, a deeper overlap is the same row.
  double row_overlap_em = 0.05;
  // Points. Two distances to rows this close are a tie, broken by centring.
  // An arithmetic guard that parts nothing on the page, so it need not scale.
  double distance_tie = 0.01;
  // Share of the rows' usual gap: a sparse cell at least this far from every
  // row is a row of its own, nearer joins the nearest row.
  double own_row_gap = 0.6;
  // Em. A cell whose lines end this far above its row's foot is complete
  // (the row's cells are centred on the tallest); nearer may go on over the
  // page.
  double ends_high_em = 0.3;

  // ---- Header labels over several columns ----
  // Em. A header label is centred on the columns it spans when its middle
  // lies within this of the middle between the lowest labels of the span's
  // outer columns (labels of columns of unequal width are off by more).
  double span_centre_em = 1.0;
  // Em. A label whose middle lies within this of its own column's lowest
  // label's middle is that column's and stays, however a wider span
  // centres it (three columns of unequal width may centre it by chance).
  double span_own_em = 1.5;

  // ---- Label placement ----
  // Votes. A table sets its cells at the top, middle or foot of taller rows
  // when this many of its one-line cells in rows of several lines sit so
  // for each that sits otherwise: a stray vote (a cell that happens to fill
  // its row) does not decide, a clear majority does.
  int align_votes = 3;
  // Em, of the table's largest font (so for all label tolerances below). A
  // label whose middle lies this far outside its row shows that its column
  // centres labels between rows; within it, rounding.
  double centred_slack_em = 0.05;
  // Em. A label whose top is within this of its row's top is set
  // top-aligned, not centred.
  double top_aligned_em = 0.1;
  // Em. A label within this of a span's middle is centred on it exactly,
  // whatever its top says (renderers round positions).
  double exact_centre_em = 0.15;
  // Em, added to centring errors. Moving a label costs this, so that of two
  // tilings centred alike the one that moves fewer labels wins.
  double move_cost_em = 0.1;
  // A label may sit at most a row's height divided by this from its span's
  // middle (a third of a row); further is another span's label.
  double centring_rows = 3;
  // A label moves onto a span only when that centres it better by more than
  // a row's height divided by this (a third of a row), so that rounding does
  // not move a label that sits on a row of its own.
  double move_gain_rows = 3;

  // ---- Across pages ----
  // A cell that goes on over the page holds at least this many characters
  // above: short cells are complete labels.
  size_t continued_min_chars = 12;
  // Lines of text (a cell's tail drawn again above the next page's grid, a
  // note) that may stand between a table ending a page and a piece without
  // a header, or with that table's header printed again, opening the next,
  // which may then be its rest.
  size_t rest_gap_lines = 3;
  // Ems, of the text's size. A producer that clips a cell at the page's
  // print area draws what shows of it just past the grid's last rule, or
  // above the next page's first: text this close to a grid's edge may be
  // that (`BreakDebris`); text further off is the page's own.
  double debris_gap_em = 2.0;
  // Characters. A producer that cuts pages at fixed heights draws the line
  // the page's end runs through on both pages: the cut row's rest opens
  // with the end of its cells above. One cell repeating this many
  // characters at least (every other shared cell repeating its end too)
  // shows it; fewer could be chance.
  size_t repeated_line_chars = 4;
  // A narrow column wraps a number's last digits onto the next line: a bare
  // run of at most this many digits under a number may be its tail (more
  // would be a number of its own).
  size_t wrapped_tail_digits = 2;
  // Bytes. How far back a repeated end is looked for: a line, not a cell.
  size_t repeated_line_max_bytes = 512;

  // ---- Doubt ----
  // Em. Columns inferred from alignment where two cells on a line stand
  // less than this further apart than `cell_gap_em`: a little less spacing
  // and they would have been one cell, so the columns are doubted.
  double column_margin_em = 0.1;
  // A cell whose lines overlap this many rows or more is one two rows could
  // claim (text of several rows read as one cell).
  size_t claimed_rows = 2;
  // Em. A cell and a row share a line when they overlap by more than this
  // vertically: half a line, more than any leading between two lines.
  double claim_overlap_em = 0.5;

  // ---- Titles and page furniture ----
  // Characters. A line this short can be a title: a table's caption taken
  // from the lines above it, or, repeated on several pages, a running head
  // or footer. A sentence a document repeats is longer.
  size_t title_max_chars = 40;
  // Tenths of the document's pages. A line that reads as a caption is a
  // running head only when it is on at least this share of the pages; a
  // caption printed once per project or form is on fewer, and starts a
  // new table each time.
  int running_head_tenths = 5;

  // ---- Column room (pdf_column_room.cc) ----
  // Em. Two cells start at one column edge when their left ends lie this
  // close: a producer sets a column's left-aligned cells at one x, a hair
  // apart at most.
  double column_edge_em = 0.15;
  // Lines. A gap narrower than the columns' margin is no doubt when this
  // many other lines start a cell at the same edge with room before it:
  // the cell before the gap filled its column to the padding.
  int column_edge_lines = 1;
  // Em. The least gap a cell filled to its column's edge leaves before the
  // next cell: the two cells' padding, a point or two each side. A narrower
  // gap is text run up against the next column, and stays a doubt.
  double column_padding_em = 0.4;

  // ---- Captions set against an unruled table ----
  // Em, of the smaller size. Two touching lines whose font sizes differ by
  // more than this are not one row of a table: a caption set in a larger
  // font just above the rows (no paragraph spacing after it) stands apart
  // from them, where a cell's lines and a row's cells share one size.
  double caption_size_em = 0.15;

  // ---- Rows shown by a lattice of numbers ----
  // Heights. Stacked whole numbers that `row_evidence_columns` columns
  // repeat at this many heights show the rows' gap however close it is to
  // the leading (`unproven_leading_em`): a table of one value a row repeats
  // them at every row, where a cell listing values on lines of their own
  // in two columns at once, fewer, is what three heights may still be.
  size_t lattice_rows = 4;
};

// A coordinate beyond any page: where a running minimum or maximum starts,
// and what "none" reads as.
inline constexpr double kFar = 1e18;

inline constexpr PdfParams kPdf{};

}  // namespace jx::layout::pdf

#endif  // JXAUDIT_LAYOUT_PDF_PARAMS_H_
