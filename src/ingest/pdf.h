// Reading PDF reports: words with their boxes and the drawn table rules of
// every page, through Poppler. The only part of jxaudit that sees Poppler.
#ifndef JXAUDIT_INGEST_PDF_H_
#define JXAUDIT_INGEST_PDF_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "ingest/document.h"

namespace jx {

// "%PDF-" within the first kilobyte, as readers accept it.
bool LooksLikePdf(std::string_view bytes);
// Where that signature starts, or std::string_view::npos.
size_t PdfSignatureOffset(std::string_view bytes);

// The work one page may cost. A page is a program: forms that draw each other
// multiply, and a few kilobytes can ask for billions of operations. Reports
// stay orders of magnitude below these (a sample page makes at most 2,300
// device operations, one image and 28 KB of content; a dense page of small
// print some tens of thousands of operations); a page over any of them is
// refused, never cut short.
struct PdfLimits {
  // Operations Poppler hands the text device: glyphs, paths painted, clips,
  // state saves and restores, matrix and font changes, images, forms. Each
  // glyph kept costs memory, so this also bounds a page's memory.
  int64_t max_operations = 1'000'000;
  // Form XObjects drawn, images drawn and pattern tiles, counted per use.
  int64_t max_xobjects = 50'000;
  // Content stream bytes decoded: the page's own contents plus every form's
  // stream each time it is drawn.
  int64_t max_decoded_bytes = 64ll << 20;
};

// Why PdfFromBytes failed, for a caller that has another reading of the bytes.
enum class PdfFailure { kNone, kCannotOpen, kEncrypted, kRefused };

// What a page's words show of the size they are set at, beside their boxes:
// where the baseline lies, whether the word is upright, how far each of
// its ideographs advances.
struct WordMetrics {
  double baseline = 0;
  bool upright = false;
  std::vector<double> advances;
};

// A page's words (`metrics` one per word) set at the size their ideographs
// show where the reported size is far larger (a font or text matrix counted
// twice), and a box far taller than the em the em box on the baseline.
void FitWordsToGlyphs(const std::vector<WordMetrics>& metrics,
                      std::vector<PdfWord>* words);

// True when Poppler opens `bytes` as a document with pages.
bool PdfOpens(std::string_view bytes);

// Fills doc->pages (and doc->pages_without_text) from the PDF in `bytes`.
// Fails with one clear error for a file Poppler cannot open, a file that needs
// a password, and pages whose fonts carry no Unicode map (their text would be
// glyph numbers, not words).
// With `on_page`, pages are handed over one by one, in order, and
// doc->pages stays empty. A file of more than `max_pages` pages, or with a
// page over `limits`, is refused with the page and the limit named.
bool PdfFromBytes(const std::string& path, std::string_view bytes, Document* doc,
                  Error* err, const PageSink& on_page = nullptr, int max_pages = 20000,
                  const PdfLimits& limits = PdfLimits{}, PdfFailure* why = nullptr);

}  // namespace jx

#endif  // JXAUDIT_INGEST_PDF_H_
