#include "ingest/read.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "base/text.h"
#include "ingest/encoding.h"
#include "ingest/office/office.h"
#include "ingest/own_output.h"
#include "ingest/pdf.h"

namespace jx {

void SplitLines(std::string_view text, Document* doc) {
  doc->lines.clear();
  int number = 0;
  size_t start = 0;
  while (start <= text.size()) {
    // memchr for each of the two ends (find_first_of would call it once per
    // byte for its set).
    const char* from = text.data() + start;
    size_t rest = text.size() - start;
    const void* nl = std::memchr(from, '\n', rest);
    size_t len = nl ? static_cast<size_t>(static_cast<const char*>(nl) - from) : rest;
    if (const void* cr = std::memchr(from, '\r', len))
      len = static_cast<size_t>(static_cast<const char*>(cr) - from);
    size_t end = start + len;
    if (end == text.size()) {
      if (start < text.size()) {
        doc->lines.push_back({std::string(text.substr(start)), ++number, 0});
        FoldRadicals(&doc->lines.back().text);
      }
      break;
    }
    doc->lines.push_back({std::string(text.substr(start, end - start)), ++number, 0});
    // Text copied from a PDF keeps the radicals its producer wrote (⻔ for 门).
    FoldRadicals(&doc->lines.back().text);
    start = end + 1;
    if (text[end] == '\r' && start < text.size() && text[start] == '\n') ++start;
  }
}

namespace {

bool FromText(const std::string& path, const DecodeResult& d, Document* doc, Error* err) {
  if (!d.ok) {
    *err = MakeError(path, d.error);
    return false;
  }
  if (std::string kind = OwnOutputKind(d.text); !kind.empty()) {
    *err = MakeError(path, "not read: jxaudit's own " + kind + " output, not a report");
    return false;
  }
  doc->path = path;
  doc->encoding = d.encoding;
  SplitLines(d.text, doc);
  return true;
}

// True when the bytes before the PDF signature hold more than white space
// and a byte-order mark: a line of text someone reading the file would see.
bool TextBefore(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  for (char c : head)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != '\0')
      return true;
  return false;
}

// "%PDF-1.7" opening a line and ending it (or followed by white space): the
// header a PDF writer puts there, as opposed to a sentence quoting it.
bool HeaderLine(std::string_view bytes, size_t sig) {
  if (sig > 0 && bytes[sig - 1] != '\n' && bytes[sig - 1] != '\r') return false;
  std::string_view v = bytes.substr(sig + 5);
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (v.size() < 3 || !digit(v[0]) || v[1] != '.' || !digit(v[2])) return false;
  return v.size() == 3 || v[3] == '\n' || v[3] == '\r' || v[3] == ' ' || v[3] == '\t';
}

}  // namespace

bool DocumentFromBytes(const std::string& path, std::string_view bytes, Document* doc,
                       Error* err, const ReadOptions& opts) {
  // Word, Excel, web and older office documents, by content: their
  // signatures stand at the start (a zip, OLE2, an HTML document's tags).
  if (office::Sniffed s = office::Sniff(bytes); s.kind != office::Kind::kNone) {
    if (!office::ReadOffice(path, bytes, s, opts, doc, err)) return false;
    // Text pasted from a PDF into a document keeps the PDF's radicals.
    for (TextLine& l : doc->lines) FoldRadicals(&l.text);
    for (DocTable& t : doc->tables)
      for (auto& row : t.rows)
        for (DocCell& c : row) FoldRadicals(&c.text);
    return true;
  }
  size_t sig = PdfSignatureOffset(bytes);
  if (sig == std::string_view::npos) return FromText(path, DecodeText(bytes), doc, err);
  if (sig > 0 && TextBefore(bytes.substr(0, sig))) {
    DecodeResult d = DecodeText(bytes);
    if (d.ok) {
      if (!PdfOpens(bytes)) return FromText(path, d, doc, err);
      *err = MakeError(path, "both a text file and a PDF (text, then \"%PDF-\" at byte " +
                                 std::to_string(sig) +
                                 "): the two readings differ; refusing to choose one");
      return false;
    }
  }
  PdfFailure why = PdfFailure::kNone;
  if (PdfFromBytes(path, bytes, doc, err, opts.on_page, opts.max_pages, opts.pdf, &why))
    return true;
  if (why == PdfFailure::kCannotOpen && !HeaderLine(bytes, sig)) {
    // Not a PDF Poppler can read, and the signature is inside a line: a text
    // report that quotes it. A damaged PDF keeps its header line, and its error.
    DecodeResult d = DecodeText(bytes);
    if (d.ok) return FromText(path, d, doc, err);
  }
  return false;
}

bool ReadDocument(const std::string& path, const ReadOptions& opts, Document* doc,
                  Error* err) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    *err = MakeError(
        path, errno == ENOENT ? "no such file" : std::string(std::strerror(errno)));
    return false;
  }
  if (S_ISDIR(st.st_mode)) {
    *err = MakeError(path, "is a directory, not a report file");
    return false;
  }
  if (!S_ISREG(st.st_mode)) {
    *err = MakeError(path, "not a regular file");
    return false;
  }
  if (static_cast<uint64_t>(st.st_size) > opts.max_bytes) {
    *err = MakeError(path, "file too large (" + std::to_string(st.st_size) +
                               " bytes, limit " + std::to_string(opts.max_bytes) + ")");
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *err = MakeError(path, "cannot open: " + std::string(std::strerror(errno)));
    return false;
  }
  std::string bytes(static_cast<size_t>(st.st_size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<size_t>(in.gcount()));
  if (in.bad()) {
    *err = MakeError(path, "read error");
    return false;
  }
  return DocumentFromBytes(path, bytes, doc, err, opts);
}

}  // namespace jx
