// Document facts: kind, department, year, codes, contacts, declared score
// and grade, from form cells and the first paragraphs.
#include <algorithm>

#include "base/text.h"
#include "extract/reader.h"

namespace jx::extract {
namespace {

class FactsReader : public Reader {
 public:
  explicit FactsReader(const Reader& base) : Reader(base) {}

  void SetField(DocField* f, const std::string& v, const Location& at) {
    if (!f->value.empty() || v.empty()) return;
    f->value = v;
    f->where = at;
  }

  void Run(const std::vector<PreparedText>& prepared) {
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
          // A header row ("主管部门 | 备注") names columns, it fills no form:
          // a value that is itself a column name is no value.
          if (t.row_is_header[r] || !header_.FirstName(row[v].text).empty()) continue;
          Location at = CellLocation(out_.file, t, r, v);
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
    for (size_t pi = 0; pi < layout_.paragraphs.size(); ++pi) {
      const Paragraph& para = layout_.paragraphs[pi];
      Location at;
      at.file = out_.file;
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
      const std::string& skey = prepared[pi].key;
      auto can = [&](std::string_view n) {
        return PatternFile::Contains(prepared[pi].names, n);
      };
      PatternFile::Match m;
      if (!info.has_declared_score && can("declared_score") &&
          sentences_.FindFirst("declared_score", skey, &m)) {
        ParsedNumber n;
        if (ParseNumber(m.group("num"), &n)) {
          info.has_declared_score = true;
          info.declared_score = n.value;
          SetField(&info.declared_score_text, para.text, at);
        }
      }
      if (can("declared_grade") && sentences_.FindFirst("declared_grade", skey, &m)) {
        SetField(&info.grade, m.group("grade"), at);
        info.grades_differ |= m.group("grade") != info.grade.value;
      }
    }
  }
};

}  // namespace

void ReadFacts(const Reader& base, const std::vector<PreparedText>& paragraphs) {
  FactsReader(base).Run(paragraphs);
}

}  // namespace jx::extract
