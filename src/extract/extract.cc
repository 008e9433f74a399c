// Figures, facts and indicator trees out of paragraphs and tables.
#include "extract/extract.h"

#include <algorithm>
#include <map>

#include "base/text.h"

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
  auto from_unit_line = [&](const std::string& text) {
    std::string key = MatchKey(text);
    size_t at = key.find("单位:");
    if (at == std::string::npos) return false;
    return FindUnit(units, key.substr(at + std::string("单位:").size()), &u) &&
           u.kind == "money";
  };
  if (from_unit_line(t.title)) return u;
  for (size_t r = 0; r < t.rows.size() && r < 2; ++r)
    for (const Cell& c : t.rows[r])
      if (from_unit_line(c.text)) return u;
  for (const Paragraph& para : layout.paragraphs) {
    if (para.line >= t.first_line) break;
    if (para.line >= t.first_line - 3 && from_unit_line(para.text)) return u;
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

bool CellNumber(const Cell& c, ParsedNumber* n) {
  if (c.text.empty()) return false;
  if (!ParseNumber(c.text, n, /*allow_suffix=*/true)) return false;
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
  re2::StringPiece piece(key);
  for (const auto& e : units.entries()) {
    re2::StringPiece m;
    if (!e.re->Match(piece, 0, key.size(), RE2::UNANCHORED, &m, 1)) continue;
    UnitInfo u;
    if (!extract::ParseUnitName(e.name, &u)) continue;
    u.text = std::string(m.data(), m.size());
    *out = u;
    return true;
  }
  return false;
}

namespace extract {

Location CellLocation(const std::string& file, const Table& t, size_t r, size_t c) {
  Location l;
  l.file = file;
  l.table = t.id;
  l.row = static_cast<int>(r);
  l.column = static_cast<int>(c);
  if (r < t.rows.size() && c < t.rows[r].size()) {
    l.line = t.rows[r][c].first_line;
    l.page = t.rows[r][c].page;
  } else if (r < t.rows.size() && !t.rows[r].empty()) {
    l.line = t.rows[r][0].first_line;
    l.page = t.rows[r][0].page;
  }
  return l;
}

}  // namespace extract

namespace {

using extract::CellLocation;
using extract::CellNumber;
using extract::ToYuan;

// Evidence for something found in a sentence: the sentence itself when it is
// short, else the normalized words around the match (a long line must not be
// copied into every figure it holds).
std::string Excerpt(const std::string& text, const std::string& key, size_t b, size_t e) {
  constexpr size_t kShort = 360, kContext = 120;
  if (text.size() <= kShort) return text;
  size_t from = b > kContext ? b - kContext : 0;
  size_t to = std::min(key.size(), e + kContext);
  while (from > 0 && (static_cast<unsigned char>(key[from]) & 0xC0) == 0x80) --from;
  while (to < key.size() && (static_cast<unsigned char>(key[to]) & 0xC0) == 0x80) ++to;
  return (from > 0 ? "…" : "") + key.substr(from, to - from) +
         (to < key.size() ? "…" : "");
}

class Extractor {
 public:
  Extractor(const Document& doc, const Layout& layout, const Patterns& p)
      : doc_(doc),
        layout_(layout),
        p_(p),
        labels_(*p.file("labels")),
        structure_(*p.file("structure")),
        units_(*p.file("units")),
        sentences_(*p.file("sentences")),
        meta_(*p.file("meta")),
        kinds_(*p.file("kinds")),
        header_(*p.file("header")) {}

  Extraction Run() {
    Meta();
    for (const Table& t : layout_.tables) TableFigures(t);
    for (const Paragraph& para : layout_.paragraphs) {
      Location where;
      where.file = doc_.path;
      where.line = para.line;
      where.page = para.page;
      Sentences(para.text, where);
    }
    // Long cells carry sentences too ("预算完成数223.8万元，预算数223.8万元，…"),
    // except the rubric columns: a 计分标准 or 指标解释 states rules, not facts.
    for (const Table& t : layout_.tables) {
      for (size_t r = 0; r < t.rows.size(); ++r) {
        const Section* sec = t.SectionOf(r);
        for (size_t c = 0; c < t.rows[r].size(); ++c) {
          if (sec && c < sec->columns.size() &&
              (sec->columns[c].key == "criteria" || sec->columns[c].key == "description"))
            continue;
          if (CodePointCount(t.rows[r][c].text) >= 12)
            Sentences(t.rows[r][c].text, CellLocation(doc_.path, t, r, c));
        }
      }
    }
    for (const Table& t : layout_.tables) Indicators(t);
    return std::move(out_);
  }

 private:
  std::string LabelName(std::string_view label) const {
    std::string key = MatchKey(label);
    std::string_view name = labels_.FirstNamePrepared(key);
    return std::string(name);
  }

  // ---- Document facts ----

  void SetField(DocField* f, const std::string& v, const Location& at) {
    if (!f->value.empty() || v.empty()) return;
    f->value = v;
    f->where = at;
  }

  void Meta() {
    DocInfo& info = out_.info;
    // Form cells first: "部门名称 | 大连市…".
    for (const Table& t : layout_.tables) {
      for (size_t r = 0; r < t.rows.size(); ++r) {
        const auto& row = t.rows[r];
        for (size_t c = 0; c + 1 < row.size(); ++c) {
          std::string name(structure_.FirstName(row[c].text));
          if (!name.ends_with("_label")) continue;
          size_t v = c + 1;
          while (v < row.size() && IsBlank(row[v].text)) ++v;
          if (v >= row.size()) continue;
          Location at = CellLocation(doc_.path, t, r, v);
          std::string value = CollapseSpace(row[v].text);
          if (name == "department_label") SetField(&info.department, value, at);
          if (name == "unit_code_label") SetField(&info.unit_code, value, at);
          if (name == "filler_label") SetField(&info.filler, value, at);
          if (name == "phone_label") SetField(&info.phone, value, at);
          if (name == "year_label") {
            PatternFile::Match m;
            if (meta_.FindFirst("year", meta_.Prepare(value), &m))
              SetField(&info.year, m.group("v"), at);
          }
        }
      }
    }
    int seen = 0;
    for (const Paragraph& para : layout_.paragraphs) {
      Location at;
      at.file = doc_.path;
      at.line = para.line;
      at.page = para.page;
      std::string key = meta_.Prepare(para.text);
      if (seen++ < 80) {
        if (info.kind_line.value.empty()) {
          std::string_view k = kinds_.FirstNamePrepared(key);
          if (!k.empty()) {
            info.kind = std::string(k);
            SetField(&info.kind_line, para.text, at);
          }
        }
        PatternFile::Match m;
        const std::vector<std::string_view> names = meta_.NamesMatching(key);
        for (const char* f : {"department", "unit_code", "filler", "phone", "year"}) {
          if (!PatternFile::Contains(names, f) || !meta_.FindFirst(f, key, &m)) continue;
          DocField* field = std::string(f) == "department"  ? &info.department
                            : std::string(f) == "unit_code" ? &info.unit_code
                            : std::string(f) == "filler"    ? &info.filler
                            : std::string(f) == "phone"     ? &info.phone
                                                            : &info.year;
          SetField(field, m.group("v"), at);
        }
      }
      std::string skey = sentences_.Prepare(para.text);
      PatternFile::Match m;
      if (!info.has_declared_score && sentences_.FindFirst("declared_score", skey, &m)) {
        ParsedNumber n;
        if (ParseNumber(m.group("num"), &n)) {
          info.has_declared_score = true;
          info.declared_score = n.value;
          SetField(&info.declared_score_text, para.text, at);
        }
      }
      if (sentences_.FindFirst("declared_grade", skey, &m))
        SetField(&info.grade, m.group("grade"), at);
    }
  }

  // ---- Figures in tables ----

  Figure TableFigure(const Table& t, size_t r, size_t c, const std::string& label,
                     const ParsedNumber& n, const UnitInfo& unit) {
    Figure f;
    f.label = CollapseSpace(label);
    f.name = LabelName(label);
    f.number = n;
    f.unit = unit;
    if (!n.suffix.empty()) FindUnit(units_, n.suffix, &f.unit);
    if (n.percent) f.unit = UnitInfo{"%", "percent", 0};
    f.has_yuan = ToYuan(n, f.unit, &f.yuan);
    f.source = "table";
    f.where = CellLocation(doc_.path, t, r, c);
    f.evidence = t.rows[r][c].text;
    return f;
  }

  static bool IsBudgetKey(std::string_view k) {
    return k == "budget_initial" || k == "budget_adjusted" || k == "budget_final" ||
           k == "budget_amount" || k == "rate" || k == "carryover" ||
           k == "carryover_rate" || k == "carryover_delta";
  }

  void TableFigures(const Table& t) {
    UnitInfo tunit = extract::TableUnit(t, layout_, p_);
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
      int lc = extract::LabelColumn(t, s, end);
      for (size_t r = static_cast<size_t>(s.first_row + s.header_rows); r < end; ++r) {
        if (t.row_is_header[r] || lc < 0 || static_cast<size_t>(lc) >= t.rows[r].size())
          continue;
        const std::string& label = t.rows[r][static_cast<size_t>(lc)].value;
        std::string row_key(header_.FirstName(label));
        for (size_t c = 0; c < t.rows[r].size() && c < s.columns.size(); ++c) {
          if (static_cast<int>(c) == lc) continue;
          ParsedNumber n;
          if (!CellNumber(t.rows[r][c], &n)) continue;
          const Column& col = s.columns[c];
          if (IsBudgetKey(col.key)) {
            Figure f =
                TableFigure(t, r, c, label, n, extract::ColumnUnit(col, tunit, p_));
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
          f.where = CellLocation(doc_.path, t, r, std::min(c + 1, row.size() - 1));
          f.evidence = row[c].text;
          out_.figures.push_back(std::move(f));
        }
      }
    }
  }

  // ---- Figures in sentences ----

  Figure SentenceFigure(const std::string& label, const std::string& num,
                        const std::string& unit, const Location& where,
                        const std::string& evidence) {
    Figure f;
    f.label = label;
    f.name = LabelName(label);
    int64_t count = 0;
    if (!ParseNumber(num, &f.number) && ParseChineseCount(num, &count))
      f.number.value = Decimal{count, 0};  // 十二人
    FindUnit(units_, unit, &f.unit);
    f.has_yuan = ToYuan(f.number, f.unit, &f.yuan);
    f.source = "sentence";
    f.where = where;
    f.evidence = evidence;
    return f;
  }

  void Sentences(const std::string& text, const Location& where) {
    std::string key = sentences_.Prepare(text);
    if (key.find_first_of("0123456789") == std::string::npos) return;
    // One pass tells which sentence patterns can match at all.
    const std::vector<std::string_view> names = sentences_.NamesMatching(key);
    auto can = [&](std::string_view n) { return PatternFile::Contains(names, n); };
    if (!can("figure") && !can("ratio_rate") && !can("change_rate")) return;
    std::vector<PatternFile::Match> figs;
    if (can("figure")) figs = sentences_.FindAll("figure", key);
    std::vector<Figure> here;
    for (const auto& m : figs)
      here.push_back(SentenceFigure(m.group("label"), m.group("num"), m.group("unit"),
                                    where, Excerpt(text, key, m.begin, m.end)));
    for (const Figure& f : here)
      if (!f.name.empty()) out_.figures.push_back(f);
    // Breakdowns: "X 其中 A, B, C" within one sentence.
    std::vector<PatternFile::Match> ends;
    if (can("clause_end")) ends = sentences_.FindAll("clause_end", key);
    // Matches come sorted by position: look things up by binary search so a
    // hostile line with thousands of 其中 stays linear-logarithmic.
    auto sentence_start = [&](size_t pos) {
      auto it = std::upper_bound(
          ends.begin(), ends.end(), pos,
          [](size_t p, const PatternFile::Match& m) { return p < m.end; });
      return it == ends.begin() ? size_t{0} : std::prev(it)->end;
    };
    auto clause_end = [&](size_t pos) {
      auto it = std::lower_bound(
          ends.begin(), ends.end(), pos,
          [](const PatternFile::Match& m, size_t p) { return m.begin < p; });
      return it == ends.end() ? key.size() : it->begin;
    };
    auto first_fig_from = [&](size_t pos) {
      return static_cast<size_t>(std::lower_bound(figs.begin(), figs.end(), pos,
                                                  [](const PatternFile::Match& m,
                                                     size_t p) { return m.begin < p; }) -
                                 figs.begin());
    };
    constexpr size_t kMaxParts = 64;  // beyond this it is a list, not a breakdown
    std::vector<PatternFile::Match> breakdowns;
    if (can("breakdown") && figs.size() >= 3)
      breakdowns = sentences_.FindAll("breakdown", key);
    for (const auto& b : breakdowns) {
      size_t start = sentence_start(b.begin);
      // The last figure ending before 其中, within the sentence (figures do
      // not overlap, so their ends are sorted too).
      auto after = std::upper_bound(
          figs.begin(), figs.end(), b.begin,
          [](size_t p, const PatternFile::Match& m) { return p < m.end; });
      int total = -1;
      if (after != figs.begin() && std::prev(after)->begin >= start)
        total = static_cast<int>(std::prev(after) - figs.begin());
      if (total < 0 || here[static_cast<size_t>(total)].unit.kind != "money") continue;
      size_t stop = clause_end(b.end);
      if (b.begin > 0 && key[b.begin - 1] == '(') {
        size_t close = key.find(')', b.end);
        if (close != std::string::npos) stop = std::min(stop, close);
      }
      Breakdown bd;
      bd.total = here[static_cast<size_t>(total)];
      bd.evidence = Excerpt(text, key, figs[static_cast<size_t>(total)].begin, stop);
      for (size_t i = first_fig_from(b.begin);
           i < figs.size() && figs[i].end <= stop && bd.parts.size() <= kMaxParts; ++i) {
        if (static_cast<int>(i) == total || here[i].unit.kind != "money") continue;
        Figure part = here[i];
        // "其中基本收入": the figure's words began at 其中.
        if (figs[i].begin < b.end && part.label.size() > b.end - b.begin) {
          part.label = part.label.substr(b.end - b.begin);
          part.name = LabelName(part.label);
        }
        bd.parts.push_back(std::move(part));
      }
      if (bd.parts.size() >= 2 && bd.parts.size() <= kMaxParts)
        out_.breakdowns.push_back(std::move(bd));
    }
    for (const char* kind : {"ratio_rate", "change_rate"}) {
      if (!can(kind)) continue;
      for (const auto& m : sentences_.FindAll(kind, key)) {
        StatedRate sr;
        std::string evidence = Excerpt(text, key, m.begin, m.end);
        bool ratio = std::string(kind) == "ratio_rate";
        sr.kind = ratio ? "ratio" : "change";
        sr.a = SentenceFigure(ratio ? m.group("numlabel") : "调整数",
                              m.group(ratio ? "num" : "new"),
                              m.group(ratio ? "numunit" : "newunit"), where, evidence);
        sr.b = SentenceFigure(ratio ? m.group("denlabel") : "年初预算数",
                              m.group(ratio ? "den" : "base"),
                              m.group(ratio ? "denunit" : "baseunit"), where, evidence);
        if (!ParseNumber(m.group("cmp") + m.group("rate") + "%", &sr.rate)) continue;
        if (ratio && structure_.Matches("rate_denominator", sr.a.label) &&
            !structure_.Matches("rate_denominator", sr.b.label))
          std::swap(sr.a, sr.b);  // "预算 X，实际支出 Y，执行率 r": Y / X
        sr.where = where;
        sr.evidence = evidence;
        out_.rates.push_back(std::move(sr));
      }
    }
  }

  // ---- Indicator tables ----

  bool WeightInLabel(const std::string& label, Decimal* w) const {
    PatternFile::Match m;
    if (!structure_.FindFirst("weight_in_label", structure_.Prepare(label), &m))
      return false;
    ParsedNumber n;
    if (!ParseNumber(m.group("v"), &n)) return false;
    *w = n.value;
    return true;
  }

  static bool PureNumber(const Cell& c, ParsedNumber* n) {
    return !c.text.empty() && ParseNumber(c.text, n) && !n->percent &&
           n->comparator.empty();
  }

  void Indicators(const Table& t) {
    for (size_t si = 0; si < t.sections.size(); ++si) {
      const Section& s = t.sections[si];
      if (s.header_rows == 0) continue;
      std::vector<size_t> names, weights;
      int score_col = -1, target_col = -1, actual_col = -1;
      for (size_t c = 0; c < s.columns.size(); ++c) {
        const Column& col = s.columns[c];
        if (col.key == "weight") {
          weights.push_back(c);
        } else if (col.level >= 0) {
          names.push_back(c);
        } else if (col.key == "score" && score_col < 0) {
          score_col = static_cast<int>(c);
        } else if (col.key == "target" && target_col < 0) {
          target_col = static_cast<int>(c);
        } else if (col.key == "actual" && actual_col < 0) {
          actual_col = static_cast<int>(c);
        }
      }
      if (names.empty()) continue;
      BuildIndicators(t, s, extract::SectionEnd(t, si), names, weights, score_col,
                      target_col, actual_col);
    }
    ScoredRowsOutsideGrid(t);
  }

  // A 项目支出绩效自评表 scores its budget execution (年度资金总额 | … | 分值 10 |
  // 得分 9.5) above the indicator grid; those rows count toward the total.
  void ScoredRowsOutsideGrid(const Table& t) {
    ScoreTable* st = nullptr;
    for (ScoreTable& x : out_.score_tables)
      if (x.table == t.id) st = &x;
    if (!st) return;
    for (size_t si = 0; si < t.sections.size(); ++si) {
      const Section& s = t.sections[si];
      int weight = -1, score = -1;
      bool grid = false;
      for (size_t c = 0; c < s.columns.size(); ++c) {
        grid |= s.columns[c].level >= 0;
        if (s.columns[c].key == "weight" && weight < 0) weight = static_cast<int>(c);
        if (s.columns[c].key == "score" && score < 0) score = static_cast<int>(c);
      }
      if (grid || weight < 0 || score < 0) continue;
      size_t end = extract::SectionEnd(t, si);
      int lc = extract::LabelColumn(t, s, end);
      for (size_t r = static_cast<size_t>(s.first_row + s.header_rows); r < end; ++r) {
        const auto& row = t.rows[r];
        ParsedNumber w, sc;
        if (static_cast<size_t>(std::max(weight, score)) >= row.size() ||
            !PureNumber(row[static_cast<size_t>(weight)], &w) ||
            !PureNumber(row[static_cast<size_t>(score)], &sc))
          continue;
        ScoreNode node;
        node.label = lc >= 0 && static_cast<size_t>(lc) < row.size()
                         ? CollapseSpace(row[static_cast<size_t>(lc)].text)
                         : "";
        if (structure_.Matches("total", node.label)) continue;
        node.depth = 1;
        node.row = static_cast<int>(r);
        node.has_weight = node.has_score = true;
        node.weight = w.value;
        node.weight_at = CellLocation(doc_.path, t, r, static_cast<size_t>(weight));
        node.score = sc.value;
        node.score_at = CellLocation(doc_.path, t, r, static_cast<size_t>(score));
        st->roots.push_back(AddNode(st, node));
        st->has_weights = st->has_scores = true;
      }
    }
  }

  void BuildIndicators(const Table& t, const Section& s, size_t end,
                       const std::vector<size_t>& names,
                       const std::vector<size_t>& weights, int score_col, int target_col,
                       int actual_col) {
    ScoreTable st;
    st.table = t.id;
    st.title = t.title;
    // One hierarchy column whose depth is in the numbering (附件2's 考核内容),
    // or one column per level (一级/二级/三级指标).
    bool numbered = true;
    for (size_t c : names) numbered &= s.columns[c].level == 0;
    numbered &= names.size() == 1;
    std::map<std::string, int> by_path;  // multi-column: path → node
    NumberedState numbered_state;
    size_t last_name_col = names.back();
    for (size_t w : weights) last_name_col = std::max(last_name_col, w);
    for (size_t r = static_cast<size_t>(s.first_row + s.header_rows); r < end; ++r) {
      if (t.row_is_header[r]) continue;
      const auto& row = t.rows[r];
      auto cell = [&](size_t c) -> const Cell* {
        return c < row.size() ? &row[c] : nullptr;
      };
      Indicator ind;
      ind.table = t.id;
      ind.row = static_cast<int>(r);
      ind.where = CellLocation(doc_.path, t, r, 0);
      for (size_t c = 0; c < row.size() && c <= last_name_col; ++c)
        if (structure_.Matches("total", row[c].text)) ind.is_total = true;
      for (size_t c : names) {
        const Cell* x = cell(c);
        if (x && !IsBlank(x->value) &&
            (ind.levels.empty() || ind.levels.back() != CollapseSpace(x->value)))
          ind.levels.push_back(CollapseSpace(x->value));
      }
      // Weight: the deepest weight column printed on this row, else "(N分)".
      for (auto it = weights.rbegin(); it != weights.rend(); ++it) {
        const Cell* x = cell(*it);
        ParsedNumber n;
        if (x && x->anchor_row < 0 && PureNumber(*x, &n)) {
          ind.has_weight = true;
          ind.weight = n.value;
          ind.weight_at = CellLocation(doc_.path, t, r, *it);
          ind.weight_from = "column";
          break;
        }
      }
      int deepest_name = -1;
      for (size_t c : names)
        if (cell(c) && !IsBlank(cell(c)->text)) deepest_name = static_cast<int>(c);
      if (!ind.has_weight && deepest_name >= 0 &&
          WeightInLabel(row[static_cast<size_t>(deepest_name)].text, &ind.weight)) {
        ind.has_weight = true;
        ind.weight_at = CellLocation(doc_.path, t, r, static_cast<size_t>(deepest_name));
        ind.weight_from = "label";
      }
      // Score: the score column, else the nearest bare number right of the
      // labels (rows whose cells shifted when two cells were merged).
      ParsedNumber n;
      int found = -1;
      if (score_col >= 0 && cell(static_cast<size_t>(score_col)) &&
          PureNumber(*cell(static_cast<size_t>(score_col)), &n))
        found = score_col;
      if (found < 0 && score_col >= 0) {
        int best_dist = 1 << 20;
        for (size_t c = last_name_col + 1; c < row.size(); ++c) {
          if (std::find(weights.begin(), weights.end(), c) != weights.end()) continue;
          ParsedNumber m;
          if (!PureNumber(row[c], &m)) continue;
          int dist = std::abs(static_cast<int>(c) - score_col);
          if (dist < best_dist) best_dist = dist, found = static_cast<int>(c), n = m;
        }
      }
      if (found < 0 && ind.is_total) {
        // "合计 | 94.9" or "总分 | 100 | 95": a merged total row; with two
        // numbers and a weight column, the first is the total weight.
        std::vector<size_t> nums;
        for (size_t c = 1; c < row.size(); ++c) {
          ParsedNumber m;
          if (PureNumber(row[c], &m)) nums.push_back(c);
        }
        if (!nums.empty()) {
          found = static_cast<int>(nums.back());
          PureNumber(row[nums.back()], &n);
          ParsedNumber w;
          if (nums.size() >= 2 && !weights.empty() && !ind.has_weight &&
              PureNumber(row[nums.front()], &w)) {
            ind.has_weight = true;
            ind.weight = w.value;
            ind.weight_at = CellLocation(doc_.path, t, r, nums.front());
            ind.weight_from = "column";
          }
        }
        if (found >= 0 && ind.has_weight && ind.weight_at.column == found) found = -1;
      }
      if (found >= 0) {
        ind.has_score = true;
        ind.score = n.value;
        ind.score_at = CellLocation(doc_.path, t, r, static_cast<size_t>(found));
      }
      if (target_col >= 0 && cell(static_cast<size_t>(target_col))) {
        ind.target = cell(static_cast<size_t>(target_col))->text;
        if (ParseNumber(ind.target, &ind.target_value, /*allow_suffix=*/true)) {
          ind.has_target_value = true;
          if (ind.target_value.percent)
            ind.target_unit = UnitInfo{"%", "percent", 0};
          else if (!ind.target_value.suffix.empty())
            FindUnit(units_, ind.target_value.suffix, &ind.target_unit);
        }
      }
      if (actual_col >= 0 && cell(static_cast<size_t>(actual_col)))
        ind.actual = cell(static_cast<size_t>(actual_col))->text;
      if (ind.levels.empty() && !ind.is_total && !ind.has_score) continue;
      if (ind.is_total) {
        if (ind.has_score) {
          st.has_total_score = true;
          st.total_score = ind.score;
          st.total_score_at = ind.score_at;
        }
        if (ind.has_weight && ind.weight_from == "column") {
          st.has_total_weight = true;
          st.total_weight = ind.weight;
          st.total_weight_at = ind.weight_at;
        }
        out_.indicators.push_back(std::move(ind));
        continue;
      }
      st.has_weights |= ind.has_weight;
      st.has_scores |= ind.has_score;
      if (numbered) {
        AddNumberedRow(t, r, names[0], ind, &st, &numbered_state);
      } else {
        AddPathRow(t, s, r, names, weights, ind, &st, &by_path);
      }
      out_.indicators.push_back(std::move(ind));
    }
    if (!st.has_weights && !st.has_scores) return;
    for (size_t i = 0; i < st.nodes.size(); ++i)
      if (st.nodes[i].parent < 0) st.roots.push_back(static_cast<int>(i));
    GradeNear(t, &st);
    out_.score_tables.push_back(std::move(st));
  }

  int AddNode(ScoreTable* st, ScoreNode node) {
    int idx = static_cast<int>(st->nodes.size());
    if (node.parent >= 0)
      st->nodes[static_cast<size_t>(node.parent)].children.push_back(idx);
    node.bonus = structure_.Matches("bonus", node.label);
    st->nodes.push_back(std::move(node));
    return idx;
  }

  void SetValues(ScoreNode* n, const Indicator& ind) {
    if (ind.has_weight)
      n->has_weight = true, n->weight = ind.weight, n->weight_at = ind.weight_at;
    if (ind.has_score)
      n->has_score = true, n->score = ind.score, n->score_at = ind.score_at;
  }

  // Where the numbered hierarchy of one table stands while rows are added.
  struct NumberedState {
    int last_depth = 0;
    std::vector<int> last_at_depth = std::vector<int>(8, -1);  // newest node per depth
    std::map<int, int> node_of_row;
  };

  void AddNumberedRow(const Table& t, size_t r, size_t col, const Indicator& ind,
                      ScoreTable* st, NumberedState* ns) {
    const Cell& c = t.rows[r][col];
    if (c.anchor_row >= 0) {
      // A second item under a merged label: the label becomes a group.
      auto found = ns->node_of_row.find(c.anchor_row);
      int anchor = found == ns->node_of_row.end() ? -1 : found->second;
      if (anchor >= 0) {
        ScoreNode& a = st->nodes[static_cast<size_t>(anchor)];
        if (a.children.empty()) {
          ScoreNode first;
          first.label = a.label;
          first.depth = a.depth + 1;
          first.parent = anchor;
          first.row = a.row;
          first.has_weight = a.has_weight, first.weight = a.weight,
          first.weight_at = a.weight_at;
          first.has_score = a.has_score, first.score = a.score,
          first.score_at = a.score_at;
          first.is_item = true;
          a.has_weight = a.has_score = false;
          AddNode(st, first);
        }
        ScoreNode item;
        item.label = st->nodes[static_cast<size_t>(anchor)].label;
        item.depth = st->nodes[static_cast<size_t>(anchor)].depth + 1;
        item.parent = anchor;
        item.row = static_cast<int>(r);
        item.is_item = true;
        SetValues(&item, ind);
        AddNode(st, item);
        return;
      }
    }
    ScoreNode node;
    node.label = CollapseSpace(c.text);
    int depth = extract::NumberingDepth(p_, c.text);
    node.depth = depth > 0 ? depth : ns->last_depth + 1;
    if (depth > 0) ns->last_depth = depth;
    node.row = static_cast<int>(r);
    SetValues(&node, ind);
    // The parent: the newest node of any shallower depth.
    for (int d = 1; d < node.depth && d < static_cast<int>(ns->last_at_depth.size()); ++d)
      node.parent = std::max(node.parent, ns->last_at_depth[static_cast<size_t>(d)]);
    int idx = AddNode(st, node);
    if (node.depth < static_cast<int>(ns->last_at_depth.size()))
      ns->last_at_depth[static_cast<size_t>(node.depth)] = idx;
    ns->node_of_row[node.row] = idx;
  }

  void AddPathRow(const Table& t, const Section& s, size_t r,
                  const std::vector<size_t>& names, const std::vector<size_t>& weights,
                  const Indicator& ind, ScoreTable* st,
                  std::map<std::string, int>* by_path) {
    const auto& row = t.rows[r];
    std::string path;
    int parent = -1;
    int depth = 0;
    // Name columns of the same level (a 名称 and a 参考分值 under 一级指标)
    // are one node.
    for (size_t k = 0; k < names.size(); ++k) {
      size_t c = names[k];
      if (c >= row.size() || IsBlank(row[c].value)) continue;
      std::string label = CollapseSpace(row[c].value);
      path += '\x1f' + label;
      ++depth;
      auto it = by_path->find(path);
      bool leaf = true;
      for (size_t k2 = k + 1; k2 < names.size(); ++k2)
        if (names[k2] < row.size() && !IsBlank(row[names[k2]].value)) leaf = false;
      if (it == by_path->end()) {
        ScoreNode node;
        node.label = label;
        node.depth = depth;
        node.parent = parent;
        node.row = leaf ? static_cast<int>(r) : -1;
        // The level's own weight: its weight column, else "(N分)".
        int level = s.columns[c].level;
        for (size_t w : weights) {
          ParsedNumber n;
          if (s.columns[w].level == level && level > 0 && w < row.size() &&
              PureNumber(row[w], &n)) {
            const Cell& wc = row[w];
            node.has_weight = true;
            node.weight = n.value;
            size_t wr = wc.anchor_row >= 0 ? static_cast<size_t>(wc.anchor_row) : r;
            node.weight_at = CellLocation(doc_.path, t, wr, w);
          }
        }
        if (!node.has_weight) {
          Decimal w;
          const Cell& lc = row[c];
          size_t lr = lc.anchor_row >= 0 ? static_cast<size_t>(lc.anchor_row) : r;
          if (WeightInLabel(lc.value, &w)) {
            node.has_weight = true;
            node.weight = w;
            node.weight_at = CellLocation(doc_.path, t, lr, c);
          }
        }
        if (leaf) {
          if (ind.has_weight && !node.has_weight) SetValues(&node, ind);
          if (ind.has_score)
            node.has_score = true, node.score = ind.score, node.score_at = ind.score_at;
        }
        parent = AddNode(st, node);
        (*by_path)[path] = parent;
      } else {
        parent = it->second;
        if (leaf && ind.has_score && !st->nodes[static_cast<size_t>(parent)].has_score) {
          ScoreNode& n = st->nodes[static_cast<size_t>(parent)];
          n.has_score = true, n.score = ind.score, n.score_at = ind.score_at;
        }
      }
    }
  }

  void GradeNear(const Table& t, ScoreTable* st) {
    // The lines between the previous table and this one (paragraphs are in
    // line order).
    int from = 0;
    size_t idx = static_cast<size_t>(&t - layout_.tables.data());
    if (idx > 0 && idx <= layout_.tables.size()) from = layout_.tables[idx - 1].last_line;
    const auto& paras = layout_.paragraphs;
    auto it =
        std::upper_bound(paras.begin(), paras.end(), from,
                         [](int line, const Paragraph& p) { return line < p.line; });
    for (; it != paras.end() && it->line < t.first_line; ++it) {
      PatternFile::Match m;
      if (sentences_.FindFirst("declared_grade", sentences_.Prepare(it->text), &m)) {
        st->grade = m.group("grade");
        st->grade_at.file = doc_.path;
        st->grade_at.line = it->line;
        st->grade_at.page = it->page;
      }
    }
  }

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
  Extraction out_;
};

}  // namespace

Extraction Extract(const Document& doc, const Layout& layout, const Patterns& patterns) {
  return Extractor(doc, layout, patterns).Run();
}

}  // namespace jx
