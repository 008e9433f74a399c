// Ingest stage hand-off: the decoded text of one report, line by line.
#ifndef JXAUDIT_INGEST_DOCUMENT_H_
#define JXAUDIT_INGEST_DOCUMENT_H_

#include <string>
#include <vector>

namespace jx {

struct TextLine {
  std::string text;  // UTF-8, without the line ending; original spelling kept
  int number = 0;    // 1-based line in the source file
  int page = 0;      // 1-based page for paged sources, 0 for text files
};

struct Document {
  std::string path;
  std::string encoding;  // "UTF-8", "UTF-8 BOM", "GB18030", "UTF-16LE", "UTF-16BE"
  std::vector<TextLine> lines;
};

}  // namespace jx

#endif  // JXAUDIT_INGEST_DOCUMENT_H_
