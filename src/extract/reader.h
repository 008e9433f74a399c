// Inside the extract stage: what every reader of one document shares (its
// document, layout, pattern files and the Extraction being filled). Each
// reader is a file of its own: facts.cc, table_figures.cc, sentences.cc,
// indicators.cc, typed_tables.cc.
#ifndef JXAUDIT_EXTRACT_READER_H_
#define JXAUDIT_EXTRACT_READER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extract.h"

namespace jx::extract {

// The unit stated for a table as a whole: its title, a "单位：" cell in it, or
// a line just above it.
UnitInfo TableUnit(const Table& t, const Layout& layout, const Patterns& p);
// A column's unit from its header, else the table's.
UnitInfo ColumnUnit(const Column& c, const UnitInfo& table_unit, const Patterns& p);
// Numbering depth of a label: 1 for 一、, 2 for （一）, 3 for 1、, 4 for （1）,
// 0 when unnumbered.
int NumberingDepth(const Patterns& p, std::string_view label);
// The label column of a section: its item/level column, else the first
// column that holds text rather than numbers.
int LabelColumn(const Table& t, const Section& s, size_t end);
// A cell as a number with unit words allowed ("3.4万元", "100%").
// `status`, when given, tells a number beyond exact range from no number.
bool CellNumber(const Cell& c, ParsedNumber* n, NumberStatus* status = nullptr);
size_t SectionEnd(const Table& t, size_t section_index);
// Where a cell was printed: file, page, line, table, row, column.
Location CellLocation(const SharedPath& file, const Table& t, size_t r, size_t c);

// One side of a section: a two-sided table (收入 items on the left, 支出 on
// the right of the same rows, each row holding one of each, unrelated) has a
// label column per side; an ordinary table is one side.
struct SectionSide {
  size_t first_column = 0;
  size_t end_column = 0;  // one past the last; SIZE_MAX for the last side
  int label_column = -1;
  std::string name;  // the header text over the side ("本年收入"), or ""
};
// A new side starts at each further item column (项目) that follows numbers.
std::vector<SectionSide> SidesOf(const Table& t, const Section& s, size_t end);

class Reader {
 public:
  Reader(const Document& doc, const Layout& layout, const Patterns& p, Extraction* out);

  const Layout& layout() const { return layout_; }

 protected:
  // The labels.txt name of a label ("basic", "budget_total"), or "".
  std::string LabelName(std::string_view label) const;

  const Document& doc_;
  const Layout& layout_;
  const Patterns& p_;
  const PatternFile& labels_;
  const PatternFile& structure_;
  const PatternFile& units_;
  const PatternFile& sentences_;
  const PatternFile& meta_;
  const PatternFile& kinds_;
  const PatternFile& header_;
  const PatternFile& columns_;
  Extraction& out_;
};

// A text as patterns/sentences.txt sees it, and the names that can match in
// it: made once per paragraph, read by the facts and the sentence readers.
// The names are left empty for a text without digits unless `without_digits`.
struct PreparedText {
  std::string key;
  std::vector<std::string_view> names;
  // The key once the sentence reader has moved it here for the evidence of
  // a long paragraph's figures to share (`key` is then empty).
  std::shared_ptr<const std::string> shared;
};
PreparedText PrepareSentence(const PatternFile& sentences, const std::string& text,
                             bool without_digits);

// Kind, department, year, unit code, filler, phone, declared score and grade.
// `paragraphs` holds each paragraph of the layout prepared.
void ReadFacts(const Reader& base, const std::vector<PreparedText>& paragraphs);
// Budget figures of tables and label/value figures of forms.
void ReadTableFigures(const Reader& base, const Table& t, const TypedTable& typed);
// Figures, breakdowns and stated rates of one paragraph or long cell.
// `prepared` is read once: a long paragraph's key goes to its `shared`.
void ReadSentences(const Reader& base, const std::string& text, PreparedText& prepared,
                   const Location& where);
// Indicator rows and score trees of every table.
void ReadIndicators(const Reader& base);
// The tables as the arithmetic rules read them: their sections and columns
// (what the figure reader takes), then their body rows, read last. With
// `release`, the layout the reader reads, each layout row is freed once
// its typed rows are made.
void ReadTypedTables(const Reader& base);
void ReadTypedRows(const Reader& base, Layout* release);

}  // namespace jx::extract

#endif  // JXAUDIT_EXTRACT_READER_H_
