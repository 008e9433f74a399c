// Inside the extract stage: what every reader of one document shares (its
// document, layout, pattern files and the Extraction being filled). Each
// reader is a file of its own: facts.cc, table_figures.cc, sentences.cc,
// indicators.cc, typed_tables.cc.
#ifndef JXAUDIT_EXTRACT_READER_H_
#define JXAUDIT_EXTRACT_READER_H_

#include <string>
#include <string_view>

#include "extract/extract.h"

namespace jx::extract {

class Reader {
 public:
  Reader(const Document& doc, const Layout& layout, const Patterns& p, Extraction* out);

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
  Extraction& out_;
};

// Kind, department, year, unit code, filler, phone, declared score and grade.
void ReadFacts(const Reader& base);
// Budget figures of tables and label/value figures of forms.
void ReadTableFigures(const Reader& base, const Table& t);
// Figures, breakdowns and stated rates of one paragraph or long cell.
void ReadSentences(const Reader& base, const std::string& text, const Location& where);
// Indicator rows and score trees of one table.
void ReadIndicators(const Reader& base, const Table& t);
// The tables as the arithmetic rules read them.
void ReadTypedTables(const Reader& base);

}  // namespace jx::extract

#endif  // JXAUDIT_EXTRACT_READER_H_
