// The tables as the arithmetic rules read them: each body row with its role
// (total, subtotal, numbered heading, 其中 part), each column with its key and
// unit, each cell as a number, a blank, a "not applicable" mark or text.
#include <algorithm>

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

  // The body rows of every table, once every other reader has read the
  // layout: with `release`, each layout row is freed as soon as its typed
  // rows are made, so that a grid's layout and typed cells are not both held.
  void RunRows(Layout* release) {
    std::vector<OutOfRange> found;
    for (size_t i = 0; i < layout_.tables.size(); ++i) {
      const Table& t = layout_.tables[i];
      TypedTable& tt = out_.tables[i];
      for (size_t si = 0; si < t.sections.size(); ++si) {
        // The typed sections (sides) of layout section si, read row by row
        // together; what each side finds beyond exact range is kept in the
        // order the sides were read one after the other.
        std::vector<TypedSection*> sides;
        for (TypedSection& ts : tt.sections)
          if (ts.section == static_cast<int>(si) && !ts.indicator_grid)
            sides.push_back(&ts);
        std::vector<CodeState> codes(sides.size());
        std::vector<std::vector<OutOfRange>> side_found(sides.size());
        const Section& s = t.sections[si];
        const size_t end = SectionEnd(t, si);
        for (size_t k = 0; k < sides.size(); ++k) {
          codes[k] = CodeColumns(*sides[k]);
          sides[k]->rows.reserve(
              end - std::min(end, static_cast<size_t>(s.first_row + s.header_rows)));
        }
        for (size_t r = static_cast<size_t>(s.first_row + s.header_rows); r < end; ++r) {
          for (size_t k = 0; k < sides.size(); ++k) {
            sides[k]->rows.push_back(ReadRow(t, r, *sides[k], &tt, &side_found[k]));
            ReadCode(t, &codes[k], sides[k], &sides[k]->rows.back());
          }
          if (release) std::vector<jx::Cell>().swap(release->tables[i].rows[r]);
        }
        for (auto& f : side_found)
          found.insert(found.end(), std::make_move_iterator(f.begin()),
                       std::make_move_iterator(f.end()));
      }
      if (release) {
        release->tables[i].rows = std::vector<std::vector<jx::Cell>>();
        release->tables[i].row_is_header = std::vector<bool>();
      }
    }
    // The sentence readers ran before and found theirs: a table's come first.
    out_.out_of_range.insert(out_.out_of_range.begin(),
                             std::make_move_iterator(found.begin()),
                             std::make_move_iterator(found.end()));
  }

 private:
  TypedTable Read(const Table& t) {
    TypedTable tt;
    tt.file = out_.file;
    tt.id = t.id;
    tt.title = t.title;
    tt.doubts = t.doubts;
    for (size_t r = 0; r < t.rows.size(); ++r)
      for (const jx::Cell& c : t.rows[r])
        if (!c.doubt.empty()) {
          tt.row_doubts.emplace_back(static_cast<int>(r), c.doubt);
          break;
        }
    tt.unit = TableUnit(t, layout_, p_);
    for (size_t r = 0; r < t.rows.size() && r < kProjectLabelRows; ++r)
      for (const jx::Cell& c : t.rows[r])
        if (structure_.Matches("project_label", c.text)) tt.names_project = true;
    for (size_t si = 0; si < t.sections.size(); ++si) {
      const Section& s = t.sections[si];
      bool grid = false;
      for (const Column& c : s.columns) grid |= c.level >= 0;
      // Indicator grids are read as indicators: one side, no label column.
      std::vector<SectionSide> sides =
          grid ? std::vector<SectionSide>{SectionSide{0, SIZE_MAX, -1, ""}}
               : SidesOf(t, s, SectionEnd(t, si));
      for (const SectionSide& side : sides)
        tt.sections.push_back(ReadSection(t, si, side, sides.size() > 1, tt.unit));
    }
    return tt;
  }

  TypedSection ReadSection(const Table& t, size_t si, const SectionSide& side,
                           bool two_sided, const UnitInfo& table_unit) {
    const Section& s = t.sections[si];
    TypedSection ts;
    ts.section = static_cast<int>(si);
    ts.first_row = s.first_row;
    ts.header_rows = s.header_rows;
    ts.first_column = side.first_column;
    ts.end_column = side.end_column;
    ts.side = side.name;
    ts.two_sided = two_sided;
    ts.label_column = side.label_column;
    for (const Column& c : s.columns) {
      TypedColumn tc;
      tc.key = c.key;
      tc.label = c.label;
      tc.path_keys = c.path_keys;
      tc.level = c.level;
      tc.unit = ColumnUnit(c, table_unit, p_);
      tc.counted = c.HasPathKey("quantity");
      tc.summed = !columns_.Matches("not_summed", c.key);
      tc.code_part = CodePart(c.key);
      tc.summed &= tc.code_part == 0;
      ts.indicator_grid |= c.level >= 0;
      ts.columns.push_back(std::move(tc));
    }
    // Indicator grids are read as indicators (indicators.cc), not as rows;
    // the rows of the others are read by RunRows.
    return ts;
  }

  TypedRow ReadRow(const Table& t, size_t r, const TypedSection& ts, TypedTable* tt,
                   std::vector<OutOfRange>* found) {
    int label_col = ts.label_column;
    const auto& row = t.rows[r];
    TypedRow tr;
    tr.row = static_cast<int>(r);
    tr.header = t.row_is_header[r];
    if (!row.empty()) tr.line = row[0].first_line, tr.page = row[0].page;
    if (label_col >= 0 && static_cast<size_t>(label_col) < row.size())
      tr.label = CollapseSpace(row[static_cast<size_t>(label_col)].value());
    // One pass over the structure patterns answers every role of the label.
    const std::vector<std::string_view> names =
        structure_.NamesMatching(structure_.Prepare(tr.label));
    auto is = [&](std::string_view n) { return PatternFile::Contains(names, n); };
    for (int d = 4; d >= 1; --d)
      if (is(kNumbering[d - 1])) tr.depth = d;
    tr.total = is("total");
    tr.subtotal = is("subtotal");
    tr.part_of_previous = is("part_of_previous");
    tr.cells.reserve(row.size());
    for (size_t c = 0; c < row.size(); ++c) {
      TypedCell cell = ReadCell(row[c]);
      if (row[c].page != tr.page || !row[c].ref.empty()) {
        cell.placed_apart = true;
        // Each side of a two-sided section reads the whole row: one place.
        auto& places = tt->places;
        if (places.empty() || places.back().row < tr.row ||
            (places.back().row == tr.row && places.back().column < static_cast<int>(c)))
          places.push_back({tr.row, static_cast<int>(c), row[c].page, row[c].ref});
      }
      if (cell.kind == TypedCell::Kind::kOutOfRange)
        found->push_back({CellLocation(out_.file, t, r, c), row[c].text});
      if (cell.kind == TypedCell::Kind::kNumber && static_cast<int>(c) != label_col &&
          c >= ts.first_column && c < ts.end_column)
        tr.numeric = true;
      tr.cells.push_back(std::move(cell));
    }
    return tr;
  }

  TypedCell ReadCell(const jx::Cell& c) const {
    TypedCell tc;
    tc.line = c.first_line;
    if (IsBlank(c.text)) return tc;
    NumberStatus status = NumberStatus::kOk;
    ParsedNumber n;
    if (CellNumber(c, &n, &status)) {
      tc.kind = TypedCell::Kind::kNumber;
      tc.number.Set(n);
    } else if (status == NumberStatus::kTooLarge) {
      tc.kind = TypedCell::Kind::kOutOfRange;
    } else if (c.text.size() <= kMaxMarkBytes &&
               structure_.Matches("not_applicable", TrimSpace(c.text))) {
      tc.kind = TypedCell::Kind::kNotApplicable;
    } else {
      tc.kind = TypedCell::Kind::kText;
    }
    return tc;
  }

  // Which part of a classification code a column holds, by its key.
  int CodePart(const std::string& key) const {
    std::string_view name = columns_.FirstName(key);
    if (name == "code_class") return 1;
    if (name == "code_item") return 2;
    if (name == "code_sub") return 3;
    if (name == "code_whole") return 4;
    return 0;
  }

  // The code of each row: split over 类/款/项 columns (a blank 类 goes on
  // from the row above, as printed under a merged cell), or whole in one
  // column. Its level is its position among the parts, or its length (3, 5,
  // 7 digits).
  struct CodeState {
    std::vector<size_t> split = std::vector<size_t>(4, SIZE_MAX);
    size_t whole = SIZE_MAX;
    std::string above[4];
  };

  static CodeState CodeColumns(const TypedSection& ts) {
    CodeState st;
    for (size_t c = ts.first_column; c < ts.columns.size() && c < ts.end_column; ++c) {
      int part = ts.columns[c].code_part;
      if (part >= 1 && part <= 3 && st.split[static_cast<size_t>(part)] == SIZE_MAX)
        st.split[static_cast<size_t>(part)] = c;
      if (part == 4 && st.whole == SIZE_MAX) st.whole = c;
    }
    return st;
  }

  void ReadCode(const Table& t, CodeState* st, TypedSection* ts, TypedRow* rowp) const {
    TypedRow& row = *rowp;
    const std::vector<size_t>& split = st->split;
    const size_t whole = st->whole;
    std::string* above = st->above;
    if (row.header) return;
    const auto& cells = t.rows[static_cast<size_t>(row.row)];
    auto text = [&](size_t c) -> std::string {
      return c < cells.size() ? MatchKey(cells[c].text) : std::string();
    };
    if (split[1] != SIZE_MAX) {
      std::string code;
      int level = 0;
      bool ok = true;
      for (size_t part = 1; part <= 3 && ok; ++part) {
        if (split[part] == SIZE_MAX) break;
        std::string d = text(split[part]);
        if (d.empty()) break;
        if (!structure_.Matches(part == 1 ? "code_class" : "code_digits", d)) ok = false;
        // A blank 类 beside a printed 款 is the 类 of the rows above.
        if (part == 2 && level == 0 && !above[1].empty()) code = above[1], level = 1;
        if (level + 1 != static_cast<int>(part)) ok = false;
        code += d;
        level = static_cast<int>(part);
        above[part] = code;
      }
      if (ok && level > 0) row.code = code, row.code_level = level;
    } else {
      std::string d = whole != SIZE_MAX ? text(whole) : std::string();
      if (!d.empty() && structure_.Matches("code_whole", d))
        row.code = d, row.code_level = static_cast<int>(d.size() - 1) / 2;
    }
    ts->coded |= row.code_level > 0;
    // 合计 printed across the code and name columns stands in the code
    // column: the row is the table's total all the same.
    if (row.label.empty() && row.code_level == 0) {
      for (size_t c : {split[1], whole}) {
        if (c == SIZE_MAX || IsBlank(text(c))) continue;
        row.code_label = CollapseSpace(text(c));
        row.total = structure_.Matches("total", text(c));
        break;
      }
    }
  }

  // Numbering patterns by depth (一、 / （一） / 1、 / （1）), as NumberingDepth
  // reads them.
  static constexpr std::string_view kNumbering[4] = {"numbering1", "numbering2",
                                                     "numbering3", "numbering4"};
  // A "not applicable" mark is a few characters ("--", "／", "无"): longer
  // text is never one, and is not normalized to find out.
  static constexpr size_t kMaxMarkBytes = 16;
  // A table names one project when a 项目名称 cell opens it.
  static constexpr size_t kProjectLabelRows = 4;
};

}  // namespace

void ReadTypedTables(const Reader& base) { TypedTableReader(base).Run(); }

void ReadTypedRows(const Reader& base, Layout* release) {
  TypedTableReader(base).RunRows(release);
}

}  // namespace extract

Location TypedTable::At(const TypedRow& r, size_t c) const {
  Location l;
  l.file = file;
  l.table = id;
  l.row = r.row;
  l.column = static_cast<int>(c);
  l.line = c < r.cells.size() ? r.cells[c].line : r.line;
  l.page = r.page;
  if (c < r.cells.size() && r.cells[c].placed_apart) {
    auto it = std::lower_bound(
        places.begin(), places.end(), std::make_pair(r.row, c),
        [](const CellPlace& p, const std::pair<int, size_t>& k) {
          return p.row < k.first ||
                 (p.row == k.first && static_cast<size_t>(p.column) < k.second);
        });
    if (it != places.end() && it->row == r.row && static_cast<size_t>(it->column) == c) {
      l.page = it->page;
      l.cell = it->ref.str();
    }
  }
  return l;
}

}  // namespace jx
