#include "ingest/read.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "ingest/encoding.h"
#include "ingest/office/office.h"
#include "ingest/pdf.h"

namespace jx {

void SplitLines(std::string_view text, Document* doc) {
  doc->lines.clear();
  int number = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find_first_of("\r\n", start);
    if (end == std::string_view::npos) {
      if (start < text.size())
        doc->lines.push_back({std::string(text.substr(start)), ++number, 0});
      break;
    }
    doc->lines.push_back({std::string(text.substr(start, end - start)), ++number, 0});
    start = end + 1;
    if (text[end] == '\r' && start < text.size() && text[start] == '\n') ++start;
  }
}

bool DocumentFromBytes(const std::string& path, std::string_view bytes, Document* doc,
                       Error* err, const ReadOptions& opts) {
  if (LooksLikePdf(bytes))
    return PdfFromBytes(path, bytes, doc, err, opts.on_page, opts.max_pages);
  // Word, Excel, web and older office documents, by content.
  if (office::Sniffed s = office::Sniff(bytes); s.kind != office::Kind::kNone)
    return office::ReadOffice(path, bytes, s, opts, doc, err);
  DecodeResult d = DecodeText(bytes);
  if (!d.ok) {
    *err = MakeError(path, d.error);
    return false;
  }
  doc->path = path;
  doc->encoding = d.encoding;
  SplitLines(d.text, doc);
  return true;
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
