// Which reader a file goes to, by its bytes: a zip's parts, an OLE2 compound
// file's streams, an HTML page's first tags. Extensions are not trusted.
#include <zip.h>

#include <algorithm>
#include <cctype>
#include <fstream>

#include "ingest/office/office.h"
#include "ingest/office/package.h"

namespace jx::office {
namespace {

constexpr std::string_view kZipMagic = "PK\x03\x04";
constexpr std::string_view kOle2Magic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

// A stream name as it is stored in an OLE2 directory entry: UTF-16LE at the
// start of a 128-byte entry (the header is 512 bytes and sectors are
// multiples of 512, so entries start at multiples of 128). Text inside a
// stream that happens to spell the name is not taken for it.
bool HasStreamName(std::string_view bytes, std::string_view ascii) {
  std::string u16;
  for (char c : ascii) {
    u16.push_back(c);
    u16.push_back('\0');
  }
  u16 += std::string(2, '\0');  // the name's terminator
  for (size_t at = bytes.find(u16); at != std::string_view::npos;
       at = bytes.find(u16, at + 1))
    if (at % 128 == 0) return true;
  return false;
}

Sniffed Ole2(std::string_view bytes) {
  // Encrypted OOXML (ECMA-376 agile or standard encryption) is an OLE2 file
  // with EncryptionInfo and EncryptedPackage streams.
  if (HasStreamName(bytes, "EncryptionInfo") || HasStreamName(bytes, "EncryptedPackage"))
    return {Kind::kEncrypted, "OLE2"};
  if (HasStreamName(bytes, "WordDocument")) return {Kind::kWordLegacy, "DOC"};
  if (HasStreamName(bytes, "Workbook") || HasStreamName(bytes, "Book"))
    return {Kind::kSheetLegacy, "XLS"};
  return {Kind::kOtherOle2, "OLE2"};
}

// Which office package a zip is, from the names of its parts.
Sniffed ZipKind(zip_t* z, std::string_view first_entry_data) {
  auto has = [z](const char* n) { return zip_name_locate(z, n, 0) >= 0; };
  if (has("[Content_Types].xml")) {
    if (has("word/document.xml")) return {Kind::kDocx, "DOCX"};
    if (has("xl/workbook.xml")) return {Kind::kXlsx, "XLSX"};
  }
  if (has("mimetype")) {
    if (first_entry_data.find("opendocument.text") != std::string_view::npos)
      return {Kind::kWordLegacy, "ODT"};
    if (first_entry_data.find("opendocument.spreadsheet") != std::string_view::npos)
      return {Kind::kSheetLegacy, "ODS"};
  }
  return {Kind::kOtherZip, "ZIP"};
}

std::string LowerHead(std::string_view b, size_t n) {
  std::string s(b.substr(0, std::min(n, b.size())));
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool LooksLikeHtml(std::string_view b) {
  if (b.starts_with("\xEF\xBB\xBF")) b.remove_prefix(3);
  std::string head = LowerHead(b, 1024);
  size_t i = 0;
  for (;;) {
    while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
    // An XML declaration or a comment may come first.
    if (head.compare(i, 5, "<?xml") == 0 || head.compare(i, 4, "<!--") == 0) {
      size_t end = head.find('>', i);
      if (end == std::string::npos) return false;
      i = end + 1;
      continue;
    }
    break;
  }
  static const char* kTags[] = {"<!doctype html", "<html", "<head",
                                "<meta",          "<body", "<title"};
  for (const char* t : kTags)
    if (head.compare(i, std::char_traits<char>::length(t), t) == 0) return true;
  return false;
}

// ODF keeps its media type uncompressed in the first entry: readable from
// the first bytes without opening the archive.
std::string_view OdfMimetype(std::string_view b) {
  if (b.size() < 30 || b.substr(30, 8) != "mimetype") return {};
  return b.substr(38, std::min<size_t>(80, b.size() - 38));
}

}  // namespace

Sniffed Sniff(std::string_view bytes) {
  if (bytes.starts_with(kOle2Magic)) return Ole2(bytes);
  if (bytes.starts_with("{\\rtf")) return {Kind::kWordLegacy, "RTF"};
  if (bytes.starts_with(kZipMagic)) {
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &ze);
    zip_t* z = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : nullptr;
    zip_error_fini(&ze);
    if (!z) {
      if (src) zip_source_free(src);
      return {Kind::kOtherZip, "ZIP"};  // the reader says why
    }
    Sniffed s = ZipKind(z, OdfMimetype(bytes));
    zip_discard(z);
    return s;
  }
  if (LooksLikeHtml(bytes)) return {Kind::kHtml, "HTML"};
  return {Kind::kNone, ""};
}

bool LooksLikeOffice(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  if (head.starts_with(kOle2Magic) || head.starts_with("{\\rtf")) return true;
  if (LooksLikeHtml(head)) return true;
  if (!head.starts_with(kZipMagic)) return false;
  int zerr = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &zerr);
  if (!z) return false;
  Sniffed s = ZipKind(z, OdfMimetype(head));
  zip_discard(z);
  return s.kind != Kind::kOtherZip;
}

bool WrittenByJxaudit(const std::string& path) {
  int zerr = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &zerr);
  if (!z) return false;
  // Our own part is a few hundred bytes; a larger one is somebody else's.
  constexpr zip_uint64_t kMaxPart = 64 << 10;
  bool marked = false;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(z, kCustomPropertiesPart, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
      st.size <= kMaxPart && st.encryption_method == ZIP_EM_NONE) {
    if (zip_file_t* f = zip_fopen(z, kCustomPropertiesPart, 0)) {
      std::string xml(static_cast<size_t>(st.size), '\0');
      zip_int64_t got = zip_fread(f, xml.data(), st.size);
      zip_fclose(f);
      if (got >= 0) {
        xml.resize(static_cast<size_t>(got));
        marked = MarkedByJxaudit(xml);
      }
    }
  }
  zip_discard(z);
  return marked;
}

bool ReadOffice(const std::string& path, std::string_view bytes, const Sniffed& s,
                const ReadOptions& opts, Document* doc, Error* err) {
  switch (s.kind) {
    case Kind::kDocx:
      return ReadDocx(path, bytes, doc, err);
    case Kind::kXlsx:
      return ReadXlsx(path, bytes, doc, err);
    case Kind::kHtml:
      return ReadHtml(path, bytes, doc, err);
    case Kind::kWordLegacy:
    case Kind::kSheetLegacy:
      return ReadConverted(path, bytes, s, opts, doc, err);
    case Kind::kEncrypted:
      *err = MakeError(path,
                       "password-protected office document (encrypted OOXML): save it "
                       "without a password to check it");
      return false;
    case Kind::kOtherZip: {
      // Open it again for the reason: corrupt, or a zip of something else.
      Zip z;
      std::string why;
      if (!z.Open(bytes, &why)) {
        *err = MakeError(path, why);
        return false;
      }
      *err = MakeError(path,
                       "a zip archive that is not a Word or Excel document "
                       "(no word/document.xml or xl/workbook.xml)");
      return false;
    }
    case Kind::kOtherOle2:
      *err = MakeError(path,
                       "an OLE2 compound file that is neither a Word nor an Excel "
                       "document");
      return false;
    case Kind::kNone:
      break;
  }
  *err = MakeError(path, "not an office document");
  return false;
}

}  // namespace jx::office
