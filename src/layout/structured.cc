// Structured documents (Word, Excel, web) → the items the text scan makes:
// their tables arrive whole, merges included, so nothing is inferred from
// lines; titles, header analysis and fill-down then run as for text.
#include "layout/internal.h"

namespace jx::layout {

std::vector<Item> StructuredItems(const Document& doc) {
  std::vector<Item> items;
  items.reserve(doc.blocks.size());
  for (const DocBlock& b : doc.blocks) {
    Item it;
    if (!b.is_table) {
      if (b.index >= doc.lines.size()) continue;
      it.kind = Item::kText;
      it.line = b.index;
      items.push_back(std::move(it));
      continue;
    }
    if (b.index >= doc.tables.size()) continue;
    const DocTable& t = doc.tables[b.index];
    if (t.rows.empty()) continue;
    it.kind = Item::kPiece;
    it.piece.format = TableFormat::kStructured;
    for (size_t r = 0; r < t.rows.size(); ++r) {
      RawRow row;
      for (const DocCell& dc : t.rows[r]) {
        Cell c;
        c.text = dc.text;
        c.first_line = c.last_line = dc.line;
        c.page = dc.page;
        c.rowspan = dc.rowspan;
        c.colspan = dc.colspan;
        c.anchor_row = dc.anchor_row;
        c.anchor_col = dc.anchor_col;
        c.ref = dc.ref;
        row.cells.push_back(std::move(c));
      }
      if (!row.cells.empty()) {
        row.first_line = row.cells.front().first_line;
        row.last_line = row.cells.back().last_line;
      }
      // Rows the source marks as its header (repeated on each page) are
      // headers whatever their words, as pipe rows above a |---| rule are.
      row.pipe_header = static_cast<int>(r) < t.header_rows;
      it.piece.rows.push_back(std::move(row));
    }
    // A row with no cells (a sheet row emptied by hidden columns) is kept
    // so that row indexes stay the source's.
    it.piece.first_line = it.piece.rows.front().first_line;
    it.piece.last_line = it.piece.rows.back().last_line;
    items.push_back(std::move(it));
  }
  return items;
}

}  // namespace jx::layout
