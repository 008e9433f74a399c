// The tables as the arithmetic rules read them: each body row with its role
// (total, subtotal, numbered heading, 其中 part), each column with its key and
// unit, each cell as a number, a blank, a "not applicable" mark or text.
#include "base/text.h"
#include "extract/reader.h"

namespace jx {
namespace extract {
namespace {

class TypedTableReader : public Reader {
 public:
  explicit TypedTableReader(const Reader& base) : Reader(base) {}

  void Run() {
    for (const Table& t : layout_.tables) out_.tables.push_back(Read(t));
  }

 private:
  TypedTable Read(const Table& t) {
    TypedTable tt;
    tt.file = doc_.path;
    tt.id = t.id;
    tt.title = t.title;
    tt.unit = TableUnit(t, layout_, p_);
    for (size_t r = 0; r < t.rows.size() && r < kProjectLabelRows; ++r)
      for (const jx::Cell& c : t.rows[r])
        if (structure_.Matches("project_label", c.text)) tt.names_project = true;
    for (size_t si = 0; si < t.sections.size(); ++si)
      tt.sections.push_back(ReadSection(t, si, tt.unit));
    return tt;
  }

  TypedSection ReadSection(const Table& t, size_t si, const UnitInfo& table_unit) {
    const Section& s = t.sections[si];
    size_t end = SectionEnd(t, si);
    TypedSection ts;
    ts.first_row = s.first_row;
    ts.header_rows = s.header_rows;
    ts.label_column = LabelColumn(t, s, end);
    for (const Column& c : s.columns) {
      TypedColumn tc;
      tc.key = c.key;
      tc.label = c.label;
      tc.path_keys = c.path_keys;
      tc.level = c.level;
      tc.unit = ColumnUnit(c, table_unit, p_);
      tc.counted = c.HasPathKey("quantity");
      tc.summed = !columns_.Matches("not_summed", c.key);
      ts.indicator_grid |= c.level >= 0;
      ts.columns.push_back(std::move(tc));
    }
    for (size_t r = static_cast<size_t>(s.first_row + s.header_rows); r < end; ++r)
      ts.rows.push_back(ReadRow(t, r, ts.label_column));
    return ts;
  }

  TypedRow ReadRow(const Table& t, size_t r, int label_col) {
    const auto& row = t.rows[r];
    TypedRow tr;
    tr.row = static_cast<int>(r);
    tr.header = t.row_is_header[r];
    if (!row.empty()) tr.line = row[0].first_line, tr.page = row[0].page;
    if (label_col >= 0 && static_cast<size_t>(label_col) < row.size())
      tr.label = CollapseSpace(row[static_cast<size_t>(label_col)].value);
    tr.depth = NumberingDepth(p_, tr.label);
    tr.total = structure_.Matches("total", tr.label);
    tr.subtotal = structure_.Matches("subtotal", tr.label);
    tr.part_of_previous = structure_.Matches("part_of_previous", tr.label);
    tr.cells.reserve(row.size());
    for (size_t c = 0; c < row.size(); ++c) {
      TypedCell cell = ReadCell(row[c]);
      if (cell.kind == TypedCell::Kind::kNumber && static_cast<int>(c) != label_col)
        tr.numeric = true;
      tr.cells.push_back(std::move(cell));
    }
    return tr;
  }

  TypedCell ReadCell(const jx::Cell& c) const {
    TypedCell tc;
    tc.line = c.first_line;
    tc.page = c.page;
    tc.ref = c.ref;
    if (IsBlank(c.text)) return tc;
    if (CellNumber(c, &tc.number)) {
      tc.kind = TypedCell::Kind::kNumber;
    } else if (structure_.Matches("not_applicable", TrimSpace(c.text))) {
      tc.kind = TypedCell::Kind::kNotApplicable;
    } else {
      tc.kind = TypedCell::Kind::kText;
    }
    return tc;
  }

  // A table names one project when a 项目名称 cell opens it.
  static constexpr size_t kProjectLabelRows = 4;
};

}  // namespace

void ReadTypedTables(const Reader& base) { TypedTableReader(base).Run(); }

}  // namespace extract

Location TypedTable::At(const TypedRow& r, size_t c) const {
  Location l;
  l.file = file;
  l.table = id;
  l.row = r.row;
  l.column = static_cast<int>(c);
  TypedCell cell = r.Cell(c);
  l.line = cell.line;
  l.page = cell.page;
  l.cell = cell.ref;
  return l;
}

}  // namespace jx
