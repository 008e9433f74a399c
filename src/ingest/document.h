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

struct Document {
  std::string path;
  std::string encoding;  // "UTF-8", "UTF-8 BOM", "GB18030", "UTF-16LE", "UTF-16BE", "PDF"
  std::vector<TextLine> lines;
  // PDF sources: the pages as drawn; `lines` is filled by the layout stage.
  std::vector<PdfPage> pages;
  std::vector<int> pages_without_text;  // scanned pages: images, no text layer
  int page_count = 0;                   // PDF pages read (0 for text)
};

}  // namespace jx

#endif  // JXAUDIT_INGEST_DOCUMENT_H_
