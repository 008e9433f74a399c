// Reading PDF reports: words with their boxes and the drawn table rules of
// every page, through Poppler. The only part of jxaudit that sees Poppler.
#ifndef JXAUDIT_INGEST_PDF_H_
#define JXAUDIT_INGEST_PDF_H_

#include <string>
#include <string_view>

#include "base/error.h"
#include "ingest/document.h"

namespace jx {

// "%PDF-" within the first kilobyte, as readers accept it.
bool LooksLikePdf(std::string_view bytes);

// Fills doc->pages (and doc->pages_without_text) from the PDF in `bytes`.
// Fails with one clear error for a file Poppler cannot open, a file that needs
// a password, and pages whose fonts carry no Unicode map (their text would be
// glyph numbers, not words).
// With `on_page`, pages are handed over one by one, in order, and
// doc->pages stays empty.
bool PdfFromBytes(const std::string& path, std::string_view bytes, Document* doc,
                  Error* err, const PageSink& on_page = nullptr, int max_pages = 20000);

}  // namespace jx

#endif  // JXAUDIT_INGEST_PDF_H_
