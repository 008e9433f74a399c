// Document → paragraphs and tables.
#ifndef JXAUDIT_LAYOUT_LAYOUT_H_
#define JXAUDIT_LAYOUT_LAYOUT_H_

#include "base/patterns.h"
#include "ingest/document.h"
#include "ingest/read.h"
#include "layout/table.h"

namespace jx {

// Rebuilds the tables of a text document: tab-separated rows, one cell per
// line, or pipe rows; pieces split by page breaks and repeated form titles are
// joined; headers, spans and filled-down hierarchy values are computed.
// Total: never fails, every line ends up in a paragraph or a table.
Layout BuildLayout(const Document& doc, const Patterns& patterns);

// ReadDocument, then BuildLayout; a PDF is laid out page by page while it is
// read, so its memory does not grow with its page count.
bool ReadAndLayout(const std::string& path, const ReadOptions& opts,
                   const Patterns& patterns, Document* doc, Layout* layout, Error* err);

}  // namespace jx

#endif  // JXAUDIT_LAYOUT_LAYOUT_H_
