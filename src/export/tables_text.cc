#include <ostream>
#include <sstream>

#include "base/producer.h"
#include "base/text.h"
#include "export/tables.h"
#include "extract/number.h"

namespace jx {
namespace {

const char* FormatName(TableFormat f) {
  switch (f) {
    case TableFormat::kTabRows:
      return "tab-rows";
    case TableFormat::kCellLines:
      return "cell-lines";
    case TableFormat::kPipeRows:
      return "pipe-rows";
    case TableFormat::kStructured:
      return "structured";
  }
  return "";
}

nlohmann::json ColumnsJson(const std::vector<Column>& cols) {
  nlohmann::json a = nlohmann::json::array();
  for (const Column& c : cols) {
    nlohmann::json j = {{"label", c.label}, {"key", c.key}};
    if (c.level >= 0) j["level"] = c.level;
    a.push_back(std::move(j));
  }
  return a;
}

}  // namespace

nlohmann::json TableToJson(const Table& t) {
  nlohmann::json j;
  j["id"] = t.id;
  j["title"] = t.title;
  j["title_line"] = t.title_line;
  j["first_line"] = t.first_line;
  j["last_line"] = t.last_line;
  if (t.page > 0) j["page"] = t.page;
  j["format"] = FormatName(t.format);
  j["pieces"] = t.pieces;
  j["header_rows"] = t.header_rows;
  if (!t.doubts.empty()) j["doubts"] = t.doubts;
  nlohmann::json rows = nlohmann::json::array();
  nlohmann::json spans = nlohmann::json::array();
  for (size_t r = 0; r < t.rows.size(); ++r) {
    nlohmann::json row = nlohmann::json::array();
    for (size_t c = 0; c < t.rows[r].size(); ++c) {
      const Cell& cell = t.rows[r][c];
      row.push_back(cell.text);
      if (cell.rowspan > 1 || cell.colspan > 1)
        spans.push_back({{"row", r},
                         {"col", c},
                         {"rowspan", cell.rowspan},
                         {"colspan", cell.colspan}});
    }
    rows.push_back(std::move(row));
  }
  j["rows"] = std::move(rows);
  j["spans"] = std::move(spans);
  nlohmann::json sections = nlohmann::json::array();
  for (const Section& s : t.sections) {
    if (s.header_rows == 0) continue;
    sections.push_back({{"row", s.first_row},
                        {"header_rows", s.header_rows},
                        {"columns", ColumnsJson(s.columns)}});
  }
  j["sections"] = std::move(sections);
  return j;
}

nlohmann::json TablesToJson(const std::vector<DocumentTables>& docs) {
  nlohmann::json out;
  out["documents"] = nlohmann::json::array();
  for (const DocumentTables& d : docs) {
    nlohmann::json j;
    j["file"] = d.file;
    j["status"] = d.ok ? "ok" : "failed";
    if (!d.ok) {
      j["error"] = d.error.ToString();
    } else {
      j["encoding"] = d.encoding;
    }
    nlohmann::json tables = nlohmann::json::array();
    for (const Table& t : d.layout.tables) tables.push_back(TableToJson(t));
    j["tables"] = std::move(tables);
    out["documents"].push_back(std::move(j));
  }
  return out;
}

namespace {

// `text` (lines of a dump) with every line indented by `indent` spaces, no
// newline after the last.
void PutIndented(const std::string& text, size_t indent, std::ostream& out) {
  const std::string pad(indent, ' ');
  size_t from = 0;
  while (from <= text.size()) {
    size_t nl = text.find('\n', from);
    if (nl == std::string::npos) nl = text.size();
    out << pad;
    out.write(text.data() + from, static_cast<std::streamsize>(nl - from));
    from = nl + 1;
    if (from <= text.size()) out << '\n';
  }
}

}  // namespace

void WriteTablesJson(const std::vector<DocumentTables>& docs, std::ostream& out) {
  // What TablesToJson(docs).dump(1) prints, one table's tree at a time:
  // the keys of a document sort before "tables", which closes it.
  constexpr auto kReplace = nlohmann::json::error_handler_t::replace;
  if (docs.empty()) {
    out << "{\n \"documents\": []\n}\n";
    return;
  }
  out << "{\n \"documents\": [\n";
  for (size_t i = 0; i < docs.size(); ++i) {
    const DocumentTables& d = docs[i];
    nlohmann::json j;
    j["file"] = d.file;
    j["status"] = d.ok ? "ok" : "failed";
    if (!d.ok)
      j["error"] = d.error.ToString();
    else
      j["encoding"] = d.encoding;
    std::string head = j.dump(1, ' ', false, kReplace);
    head.erase(head.size() - 2);  // its closing "\n}"
    PutIndented(head, 2, out);
    out << ",\n   \"tables\": ";
    const std::vector<Table>& tables = d.layout.tables;
    if (tables.empty()) {
      out << "[]";
    } else {
      out << "[\n";
      for (size_t t = 0; t < tables.size(); ++t) {
        PutIndented(TableToJson(tables[t]).dump(1, ' ', false, kReplace), 4, out);
        out << (t + 1 < tables.size() ? ",\n" : "\n");
      }
      out << "   ]";
    }
    out << "\n  }" << (i + 1 < docs.size() ? ",\n" : "\n");
  }
  out << " ]\n}\n";
}

std::string CsvField(const std::string& text) {
  std::string v = text;
  // A spreadsheet reads a cell starting with one of these as a formula. Only
  // a plain signed number ("-5", "+3.2") is left as written: the rule is on
  // the text as printed, so "=5" and "=5%" are prefixed even though they
  // parse as numbers with a comparator.
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' ||
                     v[0] == '\t' || v[0] == '\r')) {
    ParsedNumber n;
    bool plain_number = (v[0] == '+' || v[0] == '-') && ParseNumber(v, &n) &&
                        n.comparator.empty() && !n.percent;
    if (!plain_number) v.insert(0, "'");
  }
  bool quote = v.find_first_of(",\"\n\r") != std::string::npos;
  if (!quote) return v;
  std::string q = "\"";
  for (char c : v) {
    if (c == '"') q += '"';
    q += c;
  }
  q += '"';
  return q;
}

std::string TablesToCsv(const std::vector<DocumentTables>& docs) {
  std::ostringstream out;
  out << kTablesCsvHeader << '\n';
  for (const DocumentTables& d : docs) {
    for (const Table& t : d.layout.tables) {
      for (size_t r = 0; r < t.rows.size(); ++r) {
        for (size_t c = 0; c < t.rows[r].size(); ++c) {
          const Cell& cell = t.rows[r][c];
          out << CsvField(d.file) << ',' << t.id << ',' << CsvField(t.title) << ','
              << r + 1 << ',' << c + 1 << ',' << cell.first_line << ','
              << (t.row_is_header[r] ? 1 : 0) << ',' << CsvField(cell.text) << ','
              << CsvField(cell.value()) << '\n';
        }
      }
    }
  }
  return out.str();
}

std::string TablesToMarkdown(const std::vector<DocumentTables>& docs) {
  auto esc = [](const std::string& s) {
    std::string o;
    for (char c : s) {
      if (c == '|')
        o += "\\|";
      else if (c == '\n')
        o += "<br>";
      else if (c != '\r')
        o += c;
    }
    return ShowControls(o);  // a terminal shows the cell, never obeys it
  };
  std::ostringstream out;
  for (const DocumentTables& d : docs) {
    out << kMarkdownDocument << ShowControls(d.file) << "\n\n";
    if (!d.ok) {
      out << "error: " << ShowControls(d.error.ToString()) << "\n\n";
      continue;
    }
    for (const Table& t : d.layout.tables) {
      out << kMarkdownTable << t.id;
      if (!t.title.empty()) out << " " << esc(t.title);
      out << kMarkdownLines << t.first_line << "-" << t.last_line << ")\n\n";
      size_t w = std::max<size_t>(t.width(), 1);
      auto emit = [&](const std::vector<Cell>& row) {
        out << '|';
        for (size_t c = 0; c < w; ++c)
          out << ' ' << (c < row.size() ? esc(row[c].text) : "") << " |";
        out << '\n';
      };
      // GitHub tables take one header row; further header rows follow it.
      size_t first_body = 0;
      if (t.header_rows > 0) {
        emit(t.rows[0]);
        first_body = 1;
      } else {
        emit({});
      }
      out << '|';
      for (size_t c = 0; c < w; ++c) out << " --- |";
      out << '\n';
      for (size_t r = first_body; r < t.rows.size(); ++r) emit(t.rows[r]);
      out << '\n';
    }
  }
  return out.str();
}

}  // namespace jx
