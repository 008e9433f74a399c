// The extract stage: a document's layout in, its Extraction out.
#ifndef JXAUDIT_EXTRACT_EXTRACT_H_
#define JXAUDIT_EXTRACT_EXTRACT_H_

#include <string>
#include <string_view>

#include "base/patterns.h"
#include "extract/extraction.h"
#include "ingest/document.h"
#include "layout/table.h"

namespace jx {

// Reads everything the layout holds; the document gives its path and the
// pages that have no text layer.
Extraction Extract(const Document& doc, const Layout& layout, const Patterns& patterns);
// The same from a layout whose tables' rows no one reads after it: they are
// freed as they are typed (left empty), so that a large table is not held
// twice, as laid out and as typed.
Extraction Extract(const Document& doc, Layout* layout, const Patterns& patterns);

}  // namespace jx

#endif  // JXAUDIT_EXTRACT_EXTRACT_H_
