// Word, Excel, web and older office documents → a structured Document.
// Everything that opens zips, parses XML or HTML, or runs LibreOffice lives
// under src/ingest/office/.
#ifndef JXAUDIT_INGEST_OFFICE_OFFICE_H_
#define JXAUDIT_INGEST_OFFICE_OFFICE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "base/error.h"
#include "ingest/document.h"
#include "ingest/read.h"

namespace jx::office {

// What the first bytes (and, for a zip, its directory) say a file is.
enum class Kind {
  kNone,         // not an office or web document: text or PDF
  kDocx,         // zip with [Content_Types].xml and word/document.xml
  kXlsx,         // zip with [Content_Types].xml and xl/workbook.xml
  kHtml,         // starts with <!DOCTYPE html>, <html>, <head>, <meta> …
  kWordLegacy,   // OLE2 WordDocument (.doc, .wps), RTF, ODF text: converted
  kSheetLegacy,  // OLE2 Workbook (.xls, .et), ODF spreadsheet: converted
  kEncrypted,    // OLE2 holding EncryptionInfo: password-protected OOXML
  kOtherZip,     // a zip that is none of the above (or unreadable)
  kOtherOle2,    // an OLE2 compound file that is neither Word nor Excel
};

struct Sniffed {
  Kind kind = Kind::kNone;
  std::string format;  // "DOCX", "XLSX", "HTML", "DOC", "XLS", "RTF", "ODT", "ODS"
};

// `bytes` is the whole file: a zip's directory is at its end.
Sniffed Sniff(std::string_view bytes);
// For the directory walk: reads the first bytes and, for a zip, only its
// directory.
bool LooksLikeOffice(const std::string& path);
// For the directory walk: a zip that carries jxaudit's mark (a workbook a
// run wrote into the folder), read from its custom properties part only.
bool WrittenByJxaudit(const std::string& path);

// Archive and parser limits: a document beyond them is refused, not cut.
struct Limits {
  uint64_t max_unpacked_bytes = 256ull << 20;  // all parts read from one zip
  uint64_t max_part_bytes = 128ull << 20;      // one part
  // Unpacked over packed size of one part. Office XML packs 5–30×; a zip
  // bomb packs thousands. Parts under `ratio_floor` are not held to it.
  double max_ratio = 200;
  uint64_t ratio_floor = 4ull << 20;
  int max_depth = 256;  // XML and HTML element nesting (libxml2 stops at 256 too)
  uint64_t max_cells = 1000000;  // grid cells of one table or sheet
};
inline constexpr Limits kLimits;

bool ReadDocx(const std::string& path, std::string_view bytes, Document* doc, Error* err);
bool ReadXlsx(const std::string& path, std::string_view bytes, Document* doc, Error* err);
bool ReadHtml(const std::string& path, std::string_view bytes, Document* doc, Error* err);
// Legacy formats: LibreOffice converts to docx or xlsx in a private profile
// and temporary folder, then ReadDocx/ReadXlsx read the result.
bool ReadConverted(const std::string& path, std::string_view bytes, const Sniffed& s,
                   const ReadOptions& opts, Document* doc, Error* err);

// Dispatch on Sniff(bytes).kind (not kNone).
bool ReadOffice(const std::string& path, std::string_view bytes, const Sniffed& s,
                const ReadOptions& opts, Document* doc, Error* err);

}  // namespace jx::office

#endif  // JXAUDIT_INGEST_OFFICE_OFFICE_H_
