#include <algorithm>
#include <nlohmann/json.hpp>

#include "export/check.h"
#include "export/extract.h"
#include "export/tables.h"
#include "record/sheets.h"

namespace jx {

namespace {

nlohmann::json ValueJson(const Value& v) {
  return v.kind == Value::kText     ? nlohmann::json(v.text)
         : v.kind == Value::kNumber ? JsonNumber(v.number)
                                    : nlohmann::json(nullptr);
}

}  // namespace

void WriteExtractJson(const std::vector<Sheet>& sheets, std::ostream& out) {
  // What nlohmann's dump(1) prints of the whole object, one row's object at a
  // time: rows are dumped alone and indented to their depth.
  constexpr auto kReplace = nlohmann::json::error_handler_t::replace;
  std::vector<const Sheet*> order;
  for (const Sheet& s : sheets) order.push_back(&s);
  std::stable_sort(order.begin(), order.end(),
                   [](const Sheet* a, const Sheet* b) { return a->name < b->name; });
  // A name given twice: the object keeps the last one, as a map assigned in
  // sheet order would.
  std::vector<const Sheet*> unique;
  for (size_t i = 0; i < order.size(); ++i)
    if (i + 1 == order.size() || order[i + 1]->name != order[i]->name)
      unique.push_back(order[i]);
  if (unique.empty()) {
    out << "{}\n";
    return;
  }
  out << "{\n";
  for (size_t k = 0; k < unique.size(); ++k) {
    const Sheet& s = *unique[k];
    out << ' ' << nlohmann::json(s.name).dump(-1, ' ', false, kReplace) << ": ";
    if (s.rows.empty()) {
      out << "[]";
    } else {
      out << "[\n";
      for (size_t r = 0; r < s.rows.size(); ++r) {
        nlohmann::json o = nlohmann::json::object();
        for (size_t c = 0; c < s.columns.size() && c < s.rows[r].size(); ++c)
          o[s.columns[c]] = ValueJson(s.rows[r][c]);
        std::string text = o.dump(1, ' ', false, kReplace);
        size_t from = 0;
        while (from <= text.size()) {
          size_t nl = text.find('\n', from);
          if (nl == std::string::npos) nl = text.size();
          out << "  ";
          out.write(text.data() + from, static_cast<std::streamsize>(nl - from));
          from = nl + 1;
          if (from <= text.size()) out << '\n';
        }
        out << (r + 1 < s.rows.size() ? ",\n" : "\n");
      }
      out << " ]";
    }
    out << (k + 1 < unique.size() ? ",\n" : "\n");
  }
  out << "}\n";
}

void WriteExtractCsv(const std::vector<Sheet>& sheets, std::ostream& out) {
  for (const Sheet& s : sheets) {
    out << "sheet";
    for (const auto& c : s.columns) out << ',' << c;
    out << '\n';
    for (const auto& row : s.rows) {
      out << s.name;
      for (const Value& v : row)
        out << ','
            << (v.kind == Value::kText     ? CsvField(v.text)
                : v.kind == Value::kNumber ? v.number.ToString()
                                           : "");
      out << '\n';
    }
  }
}

}  // namespace jx
