// Document → paragraphs and tables.
#ifndef JXAUDIT_LAYOUT_LAYOUT_H_
#define JXAUDIT_LAYOUT_LAYOUT_H_

#include "base/patterns.h"
#include "ingest/document.h"
#include "layout/table.h"

namespace jx {

// Rebuilds the tables of a text document: tab-separated rows, one cell per
// line, or pipe rows; pieces split by page breaks and repeated form titles are
// joined; headers, spans and filled-down hierarchy values are computed.
// Total: never fails, every line ends up in a paragraph or a table.
Layout BuildLayout(const Document& doc, const Patterns& patterns);

}  // namespace jx

#endif  // JXAUDIT_LAYOUT_LAYOUT_H_
