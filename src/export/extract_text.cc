#include <algorithm>
#include <nlohmann/json.hpp>

#include "base/producer.h"
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
  Error err;
  WriteExtractJson(SheetsInMemory(sheets), out, &err);
}

void WriteExtractCsv(const std::vector<Sheet>& sheets, std::ostream& out) {
  Error err;
  WriteExtractCsv(SheetsInMemory(sheets), out, &err);
}

bool WriteExtractJson(const SheetRows& sheets, std::ostream& out, Error* err) {
  // What nlohmann's dump(1) prints of the whole object, one row's object at a
  // time: rows are dumped alone and indented to their depth.
  constexpr auto kReplace = nlohmann::json::error_handler_t::replace;
  const std::vector<Sheet>& heads = sheets.heads();
  std::vector<size_t> order;
  for (size_t s = 0; s < heads.size(); ++s) order.push_back(s);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return heads[a].name < heads[b].name; });
  // A name given twice: the object keeps the last one, as a map assigned in
  // sheet order would.
  std::vector<size_t> unique;
  for (size_t i = 0; i < order.size(); ++i)
    if (i + 1 == order.size() || heads[order[i + 1]].name != heads[order[i]].name)
      unique.push_back(order[i]);
  if (unique.empty()) {
    out << "{}\n";
    return true;
  }
  out << "{\n";
  for (size_t k = 0; k < unique.size(); ++k) {
    const Sheet& s = heads[unique[k]];
    const size_t rows = sheets.Rows(unique[k]);
    out << ' ' << nlohmann::json(s.name).dump(-1, ' ', false, kReplace) << ": ";
    if (rows == 0) {
      out << "[]";
    } else {
      out << "[\n";
      size_t r = 0;
      bool read = sheets.Each(
          unique[k],
          [&](const std::vector<Value>& row) {
            nlohmann::json o = nlohmann::json::object();
            for (size_t c = 0; c < s.columns.size() && c < row.size(); ++c)
              o[s.columns[c]] = ValueJson(row[c]);
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
            out << (++r < rows ? ",\n" : "\n");
          },
          err);
      if (!read) return false;
      out << " ]";
    }
    out << (k + 1 < unique.size() ? ",\n" : "\n");
  }
  out << "}\n";
  return true;
}

bool WriteExtractCsv(const SheetRows& sheets, std::ostream& out, Error* err) {
  for (size_t k = 0; k < sheets.heads().size(); ++k) {
    const Sheet& s = sheets.heads()[k];
    out << kExtractCsvSheetColumn;
    for (const auto& c : s.columns) out << ',' << c;
    out << '\n';
    bool read = sheets.Each(
        k,
        [&](const std::vector<Value>& row) {
          out << s.name;
          for (const Value& v : row)
            out << ','
                << (v.kind == Value::kText     ? CsvField(v.text)
                    : v.kind == Value::kNumber ? v.number.ToString()
                                               : "");
          out << '\n';
        },
        err);
    if (!read) return false;
  }
  return true;
}

}  // namespace jx
