// The extract stage: what a report states, read by one reader per job; and
// the shared ways of reading a table (units, numbering, label column).
#include "extract/extract.h"

#include <algorithm>

#include "base/text.h"
#include "extract/reader.h"

namespace jx {
namespace extract {

bool ParseUnitName(std::string_view name, UnitInfo* u) {
  if (name.starts_with("money")) {
    u->kind = "money";
    u->pow10 = std::atoi(std::string(name.substr(5)).c_str());
    return true;
  }
  if (name == "percent" || name == "score" || name == "count") {
    u->kind = std::string(name);
    u->pow10 = 0;
    return true;
  }
  return false;
}

UnitInfo TableUnit(const Table& t, const Layout& layout, const Patterns& p) {
  const PatternFile& units = *p.file("units");
  UnitInfo u;
  const PatternFile& structure = *p.file("structure");
  auto from_unit_line = [&](const std::string& text) {
    PatternFile::Match m;
    return structure.FindFirst("unit_line", structure.Prepare(text), &m) &&
           FindUnit(units, m.group("v"), &u) && u.kind == "money";
  };
  if (from_unit_line(t.title)) return u;
  for (size_t r = 0; r < t.rows.size() && r < 2; ++r)
    for (const Cell& c : t.rows[r])
      if (from_unit_line(c.text)) return u;
  // Lines count from each page's top in a PDF: only the table's own page.
  for (const Paragraph& para : layout.paragraphs) {
    if (para.page < t.page) continue;
    if (para.page > t.page || para.line >= t.first_line) break;
    if (para.line >= t.first_line - 3 && from_unit_line(para.text)) return u;
  }
  // A workbook that gives each table a sheet of its own prints the title and
  // the "单位：万元" line on the sheet before: the paragraphs right before the
  // table in document order, no other table between.
  if (t.format != TableFormat::kStructured) return UnitInfo{};
  for (size_t b = 0; b < layout.blocks.size(); ++b) {
    const Block& at = layout.blocks[b];
    if (at.kind != Block::kTable || &layout.tables[at.index] != &t) continue;
    for (size_t k = b, seen = 0; k-- > 0 && seen < 3; ++seen) {
      const Block& before = layout.blocks[k];
      if (before.kind != Block::kParagraph) break;
      if (from_unit_line(layout.paragraphs[before.index].text)) return u;
    }
    break;
  }
  return UnitInfo{};
}

UnitInfo ColumnUnit(const Column& c, const UnitInfo& table_unit, const Patterns& p) {
  if (c.HasPathKey("quantity")) return UnitInfo{"", "count", 0};
  UnitInfo u;
  if (!c.label.empty() && FindUnit(*p.file("units"), c.label, &u)) return u;
  return table_unit;
}

int NumberingDepth(const Patterns& p, std::string_view label) {
  const PatternFile& l = *p.file("structure");
  std::string key = MatchKey(label);
  for (int d = 1; d <= 4; ++d)
    if (l.Matches("numbering" + std::to_string(d), key)) return d;
  return 0;
}

bool CellNumber(const Cell& c, ParsedNumber* n, NumberStatus* status) {
  if (c.text.empty()) return false;
  // Only ASCII and full-width digits (U+FF10-U+FF19: EF BC 90-99) make a
  // number: a cell with neither is answered without normalizing it.
  bool digit = false;
  const std::string& t = c.text;
  for (size_t i = 0; i < t.size() && !digit; ++i)
    digit = (t[i] >= '0' && t[i] <= '9') ||
            (i + 2 < t.size() && static_cast<unsigned char>(t[i]) == 0xEF &&
             static_cast<unsigned char>(t[i + 1]) == 0xBC &&
             static_cast<unsigned char>(t[i + 2]) >= 0x90 &&
             static_cast<unsigned char>(t[i + 2]) <= 0x99);
  if (!digit) {
    if (status) *status = NumberStatus::kNotNumber;
    return false;
  }
  if (!ParseNumber(c.text, n, /*allow_suffix=*/true, status)) return false;
  // A trailing word is fine when it is short (a unit: 万元, 个, 分); longer
  // text means the number opens a sentence.
  return CodePointCount(n->suffix) <= 3;
}

bool ToYuan(const ParsedNumber& n, const UnitInfo& u, Decimal* yuan) {
  if (u.kind != "money" || n.percent) return false;
  return ShiftDecimal(n.value, u.pow10, yuan);
}

size_t SectionEnd(const Table& t, size_t i) {
  return i + 1 < t.sections.size() ? static_cast<size_t>(t.sections[i + 1].first_row)
                                   : t.rows.size();
}

int LabelColumn(const Table& t, const Section& s, size_t end) {
  for (const char* want : {"item", "level"})
    for (size_t c = 0; c < s.columns.size(); ++c)
      if (s.columns[c].key == want) return static_cast<int>(c);
  size_t width = 0;
  for (size_t r = static_cast<size_t>(s.first_row + s.header_rows); r < end; ++r)
    width = std::max(width, t.rows[r].size());
  // The column among the first few that holds the most text (not numbers).
  int best = -1, best_text = 0;
  for (size_t c = 0; c < width && c < 4; ++c) {
    int text = 0, num = 0;
    for (size_t r = static_cast<size_t>(s.first_row + s.header_rows); r < end; ++r) {
      if (c >= t.rows[r].size() || IsBlank(t.rows[r][c].text)) continue;
      ParsedNumber n;
      if (CellNumber(t.rows[r][c], &n))
        ++num;
      else
        ++text;
    }
    if (text > best_text && text >= num) best = static_cast<int>(c), best_text = text;
  }
  return best;
}

}  // namespace extract

bool FindUnit(const PatternFile& units, std::string_view text, UnitInfo* out) {
  std::string key = units.Prepare(text);
  for (const PatternFile::Entry* e : units.Named("no_unit"))
    RE2::GlobalReplace(&key, e->re(), "\x1f");
  re2::StringPiece piece(key);
  for (const auto& e : units.entries()) {
    if (e.name == "no_unit") continue;
    re2::StringPiece m;
    if (!e.re().Match(piece, 0, key.size(), RE2::UNANCHORED, &m, 1)) continue;
    UnitInfo u;
    if (!extract::ParseUnitName(e.name, &u)) continue;
    u.text = std::string(m.data(), m.size());
    *out = u;
    return true;
  }
  return false;
}

namespace extract {

std::vector<SectionSide> SidesOf(const Table& t, const Section& s, size_t end) {
  std::vector<size_t> starts;
  for (size_t c = 1; c < s.columns.size(); ++c)
    if (s.columns[c].key == "item" && s.columns[c - 1].key != "item" &&
        !s.columns[c - 1].key.empty())
      starts.push_back(c);
  int label = LabelColumn(t, s, end);
  if (starts.empty() || label < 0 || static_cast<size_t>(label) >= starts.front())
    return {SectionSide{0, SIZE_MAX, label, ""}};
  std::vector<SectionSide> sides;
  size_t first = 0;
  int lc = label;
  for (size_t i = 0; i <= starts.size(); ++i) {
    SectionSide side;
    side.first_column = first;
    side.end_column = i < starts.size() ? starts[i] : SIZE_MAX;
    side.label_column = lc;
    // The header text spanning the side: the top header row's cell over it.
    size_t top = static_cast<size_t>(s.first_row);
    if (s.header_rows > 1 && top < t.rows.size() && first < t.rows[top].size())
      side.name = CollapseSpace(t.rows[top][first].text);
    sides.push_back(side);
    if (i < starts.size()) {
      first = starts[i];
      lc = static_cast<int>(starts[i]);
    }
  }
  return sides;
}

Location CellLocation(const SharedPath& file, const Table& t, size_t r, size_t c) {
  Location l;
  l.file = file;
  l.table = t.id;
  l.row = static_cast<int>(r);
  l.column = static_cast<int>(c);
  if (r < t.rows.size() && c < t.rows[r].size()) {
    l.line = t.rows[r][c].first_line;
    l.page = t.rows[r][c].page;
    l.cell = t.rows[r][c].ref.str();
  } else if (r < t.rows.size() && !t.rows[r].empty()) {
    l.line = t.rows[r][0].first_line;
    l.page = t.rows[r][0].page;
  }
  return l;
}

}  // namespace extract

namespace extract {

Reader::Reader(const Document& doc, const Layout& layout, const Patterns& p,
               Extraction* out)
    : doc_(doc),
      layout_(layout),
      p_(p),
      labels_(*p.file("labels")),
      structure_(*p.file("structure")),
      units_(*p.file("units")),
      sentences_(*p.file("sentences")),
      meta_(*p.file("meta")),
      kinds_(*p.file("kinds")),
      header_(*p.file("header")),
      columns_(*p.file("columns")),
      out_(*out) {}

std::string Reader::LabelName(std::string_view label) const {
  std::string key = MatchKey(label);
  return std::string(labels_.FirstNamePrepared(key));
}

}  // namespace extract

namespace {

// With `release` (the layout read, given up by its owner), each table's
// rows are freed as their typed rows are made.
Extraction ExtractFrom(const Document& doc, const Layout& layout,
                       const Patterns& patterns, Layout* release) {
  Extraction out;
  out.file = doc.path;  // shared by every Location of the file
  out.pages_without_text = doc.pages_without_text;
  for (const LineSpan& s : layout.aligned_unread) {
    UnreadLines u;
    u.where.file = out.file;
    u.where.line = s.first_line;
    u.last_line = s.last_line;
    out.aligned_unread.push_back(std::move(u));
  }
  extract::Reader r(doc, layout, patterns, &out);
  const PatternFile& sentences = *patterns.file("sentences");
  std::vector<extract::PreparedText> paragraphs;
  paragraphs.reserve(layout.paragraphs.size());
  for (const Paragraph& para : layout.paragraphs)
    paragraphs.push_back(extract::PrepareSentence(sentences, para.text, true));
  extract::ReadFacts(r, paragraphs);
  // Typed tables first: the figure reader takes each table's unit and sides
  // from them rather than finding them again.
  extract::ReadTypedTables(r);
  for (size_t i = 0; i < layout.tables.size(); ++i)
    extract::ReadTableFigures(r, layout.tables[i], out.tables[i]);
  for (size_t i = 0; i < layout.paragraphs.size(); ++i) {
    const Paragraph& para = layout.paragraphs[i];
    Location where;
    where.file = out.file;
    where.line = para.line;
    where.page = para.page;
    extract::ReadSentences(r, para.text, paragraphs[i], where);
  }
  // Long cells carry sentences too ("预算完成数223.8万元，预算数223.8万元，…"),
  // except the rubric columns: a 计分标准 or 指标解释 states rules, not facts.
  const PatternFile& columns = *patterns.file("columns");
  for (const Table& t : layout.tables) {
    for (size_t row = 0; row < t.rows.size(); ++row) {
      const Section* sec = t.SectionOf(row);
      for (size_t c = 0; c < t.rows[row].size(); ++c) {
        if (CodePointCount(t.rows[row][c].text) < 12) continue;
        if (sec && c < sec->columns.size() &&
            columns.Matches("rubric", sec->columns[c].key))
          continue;
        const std::string& text = t.rows[row][c].text;
        extract::PreparedText prepared = extract::PrepareSentence(sentences, text, false);
        extract::ReadSentences(r, text, prepared,
                               extract::CellLocation(out.file, t, row, c));
      }
    }
  }
  extract::ReadIndicators(r);
  // Last: nothing after it reads the layout's rows.
  extract::ReadTypedRows(r, release);
  return out;
}

}  // namespace

Extraction Extract(const Document& doc, const Layout& layout, const Patterns& patterns) {
  return ExtractFrom(doc, layout, patterns, nullptr);
}

Extraction Extract(const Document& doc, Layout* layout, const Patterns& patterns) {
  return ExtractFrom(doc, *layout, patterns, layout);
}

}  // namespace jx
