// Ingest stage hand-off: the decoded text of one report, line by line.
#ifndef JXAUDIT_INGEST_DOCUMENT_H_
#define JXAUDIT_INGEST_DOCUMENT_H_

#include <functional>
#include <string>
#include <vector>

namespace jx {

struct TextLine {
  std::string text;  // UTF-8, without the line ending; original spelling kept
  int number = 0;    // 1-based line in the source file
  int page = 0;      // 1-based page for paged sources, 0 for text files
};

// PDF geometry, in points from the top-left corner of the page as shown
// (after /Rotate).
struct PdfWord {
  std::string text;  // UTF-8
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double size = 0;  // font size
  bool space_after = false;
  // Set by the layout: this word ends its cell though the next word on its
  // line follows closer than a wide gap (two cells set close, their padding
  // small; `layout/pdf_edges.cc`).
  bool ends_cell = false;
};

// A drawn line or a thin filled rectangle: a table rule.
struct PdfRule {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool horizontal() const { return x1 - x0 >= y1 - y0; }
};

struct PdfPage {
  int number = 0;  // 1-based
  double width = 0, height = 0;
  std::vector<PdfWord> words;
  std::vector<PdfRule> rules;
  double image_area = 0;  // share of the page covered by images (0..1)
  int chars = 0;
  int unmapped_chars = 0;  // glyphs whose font gives no Unicode
};

using PageSink = std::function<void(PdfPage&&)>;

// Structured sources (Word, Excel and web documents) name their tables and
// merges: they arrive whole, not as lines to scan. Paragraphs are `lines`
// (`number` counts paragraphs, or rows of a sheet), tables are `tables`, and
// `blocks` says in which order.
struct DocCell {
  std::string text;              // as shown; lines of a cell joined with '\n'
  int line = 0;                  // paragraph number, or row of the sheet (1-based)
  int page = 0;                  // sheet number for workbooks, else 0
  int rowspan = 1, colspan = 1;  // on the top-left cell of a merge
  int anchor_row = -1, anchor_col = -1;  // on cells a merge covers
  std::string ref;                       // workbooks: "表1!B7"
};

struct DocTable {
  std::vector<std::vector<DocCell>> rows;  // one cell per grid column
  int header_rows = 0;                     // leading rows the source marks as header rows
};

struct DocBlock {
  bool is_table = false;
  size_t index = 0;  // into Document::lines or Document::tables
};

struct Document {
  std::string path;
  // "UTF-8", "UTF-8 BOM", "GB18030", "UTF-16LE", "UTF-16BE", "PDF", "DOCX", "XLSX",
  // "HTML UTF-8", "HTML GB18030" …, "DOC → DOCX", "XLS → XLSX" …
  std::string encoding;
  std::vector<TextLine> lines;
  // PDF sources: the pages as drawn; `lines` is filled by the layout stage.
  std::vector<PdfPage> pages;
  std::vector<int> pages_without_text;  // scanned pages: images, no text layer
  int page_count = 0;                   // PDF pages read (0 for text)
  // Structured sources only (see DocBlock); empty `blocks` means text or PDF.
  std::vector<DocTable> tables;
  std::vector<DocBlock> blocks;
  bool structured = false;
};

}  // namespace jx

#endif  // JXAUDIT_INGEST_DOCUMENT_H_
