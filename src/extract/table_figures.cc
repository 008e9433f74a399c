// Figures printed in tables: budget columns (or transposed budget rows) and
// the label/value cells of forms.
#include <algorithm>

#include "base/text.h"
#include "extract/reader.h"

namespace jx::extract {
namespace {

class TableFigureReader : public Reader {
 public:
  explicit TableFigureReader(const Reader& base) : Reader(base) {}

  Figure TableFigure(const Table& t, size_t r, size_t c, const std::string& label,
                     const ParsedNumber& n, const UnitInfo& unit) {
    Figure f;
    f.label = CollapseSpace(label);
    f.name = LabelName(label);
    f.total_row = structure_.Matches("total", f.label);
    f.number = n;
    f.unit = unit;
    if (!n.suffix.empty()) FindUnit(units_, n.suffix, &f.unit);
    if (n.percent) f.unit = UnitInfo{"%", "percent", 0};
    f.has_yuan = ToYuan(n, f.unit, &f.yuan);
    f.source = "table";
    f.where = CellLocation(out_.file, t, r, c);
    f.evidence = t.rows[r][c].text;
    return f;
  }

  bool IsBudgetKey(std::string_view k) const { return columns_.Matches("budget", k); }

  // `typed`: the same table as typed_tables.cc read it (its unit and the
  // sides of each section, found once per document).
  void Run(const Table& t, const TypedTable& typed) {
    const UnitInfo& tunit = typed.unit;
    for (size_t si = 0; si < t.sections.size(); ++si) {
      const Section& s = t.sections[si];
      size_t end = extract::SectionEnd(t, si);
      bool budget = false;
      for (const Column& col : s.columns) budget |= IsBudgetKey(col.key);
      bool grid = false;
      for (const Column& col : s.columns) grid |= col.level >= 0;
      if (grid) continue;  // indicator grids: see Indicators()
      if (!budget) {
        FormFigures(t, s, end, tunit);
        continue;
      }
      for (const TypedSection& ts : typed.sections)
        if (ts.section == static_cast<int>(si))
          SideFigures(
              t, s, end,
              SectionSide{ts.first_column, ts.end_column, ts.label_column, ts.side},
              tunit);
    }
  }

  // The figures of one side: each number under a budget column, named by the
  // side's own label column.
  void SideFigures(const Table& t, const Section& s, size_t end, const SectionSide& side,
                   const UnitInfo& tunit) {
    int lc = side.label_column;
    for (size_t r = static_cast<size_t>(s.first_row + s.header_rows); r < end; ++r) {
      if (t.row_is_header[r] || lc < 0 || static_cast<size_t>(lc) >= t.rows[r].size())
        continue;
      const std::string& label = t.rows[r][static_cast<size_t>(lc)].value();
      std::string row_key(header_.FirstName(label));
      for (size_t c = side.first_column;
           c < t.rows[r].size() && c < s.columns.size() && c < side.end_column; ++c) {
        if (static_cast<int>(c) == lc) continue;
        ParsedNumber n;
        if (!CellNumber(t.rows[r][c], &n)) continue;
        const Column& col = s.columns[c];
        if (IsBudgetKey(col.key)) {
          Figure f = TableFigure(t, r, c, label, n, extract::ColumnUnit(col, tunit, p_));
          f.column = col.key;
          f.column_label = col.label;
          out_.figures.push_back(std::move(f));
        } else if (IsBudgetKey(row_key)) {
          // Transposed: the row names the measure, the column the item.
          UnitInfo u = tunit;
          FindUnit(units_, label, &u);
          Figure f = TableFigure(t, r, c, col.label, n, u);
          f.column = row_key;
          f.column_label = CollapseSpace(label);
          out_.figures.push_back(std::move(f));
        }
      }
    }
  }

  // Label/value rows of a form: "1、资金来源：(1)财政拨款 | 65459.31".
  void FormFigures(const Table& t, const Section& s, size_t end, const UnitInfo& tunit) {
    UnitInfo last = tunit;
    for (size_t r = static_cast<size_t>(s.first_row); r < end; ++r) {
      const auto& row = t.rows[r];
      for (size_t c = 0; c < row.size(); ++c) {
        if (IsBlank(row[c].text)) continue;
        ParsedNumber dummy;
        if (CellNumber(row[c], &dummy)) continue;
        std::string name = LabelName(row[c].text);
        if (name.empty()) continue;
        UnitInfo own;
        if (FindUnit(units_, row[c].text, &own) && own.kind == "money") last = own;
        size_t v = c + 1;
        while (v < row.size() && IsBlank(row[v].text)) ++v;
        ParsedNumber n;
        if (v < row.size() && CellNumber(row[v], &n)) {
          if (n.percent) continue;  // a target ("100%"), not an amount
          Figure f = TableFigure(t, r, v, row[c].text, n, last);
          f.source = "form";
          out_.figures.push_back(std::move(f));
          c = v;
        } else if (v >= row.size() || !LabelName(row[v].text).empty()) {
          Figure f;
          f.name = name;
          f.label = CollapseSpace(row[c].text);
          f.blank = true;
          f.unit = last;
          f.source = "form";
          f.where = CellLocation(out_.file, t, r, std::min(c + 1, row.size() - 1));
          f.evidence = row[c].text;
          out_.figures.push_back(std::move(f));
        }
      }
    }
  }
};

}  // namespace

void ReadTableFigures(const Reader& base, const Table& t, const TypedTable& typed) {
  TableFigureReader(base).Run(t, typed);
}

}  // namespace jx::extract
