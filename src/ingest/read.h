// Reading a report file into a Document.
#ifndef JXAUDIT_INGEST_READ_H_
#define JXAUDIT_INGEST_READ_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "base/error.h"
#include "ingest/document.h"
#include "ingest/pdf.h"

namespace jx {

struct ReadOptions {
  uint64_t max_bytes = 256ull << 20;  // larger files are refused, not truncated
  // PDF: when set, each page goes here as it is read instead of into
  // Document::pages, so a long file never has all its pages in memory.
  PageSink on_page;
  int max_pages = 20000;  // PDFs with more pages are refused
  PdfLimits pdf;          // work one PDF page may cost
  // Legacy office formats (.doc, .xls, .wps, .et, .rtf, .odt, .ods) are
  // converted by LibreOffice: the program ("" = soffice on PATH, or
  // $JXAUDIT_SOFFICE) and how long one conversion may take.
  std::string soffice;
  int convert_timeout_seconds = 120;
};

// Reads `path` (a regular file) and decodes it. On failure returns false and
// fills `err` with the file and the reason.
bool ReadDocument(const std::string& path, const ReadOptions& opts, Document* doc,
                  Error* err);

// Decodes `bytes` as if read from `path`. A PDF is a file with "%PDF-" in
// its first kilobyte that Poppler opens; one it cannot open is read as text
// when the bytes are text and the signature is inside a line (a report may
// quote it), and is a damaged PDF when the signature is a header line. Bytes that are
// both a text report before the signature and a PDF are refused: the two
// readings would disagree about what the report says.
bool DocumentFromBytes(const std::string& path, std::string_view bytes, Document* doc,
                       Error* err, const ReadOptions& opts = ReadOptions{});

// Splits decoded text into lines (\n, \r\n or \r), numbering from 1.
void SplitLines(std::string_view text, Document* doc);

}  // namespace jx

#endif  // JXAUDIT_INGEST_READ_H_
