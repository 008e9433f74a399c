#include <sstream>

#include "export/check.h"
#include "export/extract.h"
#include "export/tables.h"
#include "record/sheets.h"

namespace jx {

nlohmann::json ExtractToJson(const std::vector<Sheet>& sheets) {
  nlohmann::json out = nlohmann::json::object();
  for (const Sheet& s : sheets) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& row : s.rows) {
      nlohmann::json o = nlohmann::json::object();
      for (size_t c = 0; c < s.columns.size() && c < row.size(); ++c) {
        const Value& v = row[c];
        o[s.columns[c]] = v.kind == Value::kText     ? nlohmann::json(v.text)
                          : v.kind == Value::kNumber ? JsonNumber(v.number)
                                                     : nlohmann::json(nullptr);
      }
      rows.push_back(std::move(o));
    }
    out[s.name] = std::move(rows);
  }
  return out;
}

std::string ExtractToCsv(const std::vector<Sheet>& sheets) {
  std::ostringstream out;
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
  return out.str();
}

}  // namespace jx
