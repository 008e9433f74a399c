#include "record/wire.h"

#include <cstdint>

namespace jx {
namespace {

using json = nlohmann::json;

json ValueBase(const Value& v) {
  if (v.kind == Value::kText) return v.text;
  if (v.kind == Value::kNumber) return json::array({v.number.units, v.number.scale});
  return nullptr;
}

// A plain value is its text, [units, scale] or null; one with a mark
// (percent, highlight, link: only in an extract's sheets) is an object.
json ValueWire(const Value& v) {
  if (!v.percent && !v.flagged && v.link.empty()) return ValueBase(v);
  return json{{"v", ValueBase(v)}, {"p", v.percent}, {"f", v.flagged}, {"l", v.link}};
}

bool ValueFromWire(const json& j, Value* v) {
  if (j.is_object()) {
    if (j.at("v").is_object() || !ValueFromWire(j.at("v"), v)) return false;
    v->percent = j.at("p").get<bool>();
    v->flagged = j.at("f").get<bool>();
    v->link = j.at("l").get<std::string>();
  } else if (j.is_null()) {
    *v = Value{};
  } else if (j.is_string()) {
    *v = TextValue(j.get<std::string>());
  } else if (j.is_array() && j.size() == 2 && j[0].is_number_integer() &&
             j[1].is_number_integer()) {
    *v = NumberValue(Decimal{j[0].get<int64_t>(), j[1].get<int>()});
  } else {
    return false;
  }
  return true;
}

json CellWire(const Cell& c) {
  // The value is most often the text itself: null then.
  return json::array({c.text, c.first_line, c.last_line, c.page, c.rowspan, c.colspan,
                      c.anchor_row, c.anchor_col,
                      c.value == c.text ? json(nullptr) : json(c.value)});
}

Cell CellFromWire(const json& j) {
  Cell c;
  c.text = j.at(0).get<std::string>();
  c.first_line = j.at(1).get<int>();
  c.last_line = j.at(2).get<int>();
  c.page = j.at(3).get<int>();
  c.rowspan = j.at(4).get<int>();
  c.colspan = j.at(5).get<int>();
  c.anchor_row = j.at(6).get<int>();
  c.anchor_col = j.at(7).get<int>();
  c.value = j.at(8).is_null() ? c.text : j.at(8).get<std::string>();
  return c;
}

json TableWire(const Table& t) {
  json rows = json::array();
  for (const auto& row : t.rows) {
    json jr = json::array();
    for (const Cell& c : row) jr.push_back(CellWire(c));
    rows.push_back(std::move(jr));
  }
  json header = json::array();
  for (bool h : t.row_is_header) header.push_back(h);
  json sections = json::array();
  for (const Section& s : t.sections) {
    json cols = json::array();
    for (const Column& c : s.columns)
      cols.push_back(json::array({c.label, c.key, c.level, c.path_keys}));
    sections.push_back(json::array({s.first_row, s.header_rows, std::move(cols)}));
  }
  return json::array({t.id, t.title, t.title_line, t.first_line, t.last_line, t.page,
                      static_cast<int>(t.format), t.pieces, t.header_rows,
                      std::move(rows), std::move(header), std::move(sections)});
}

Table TableFromWire(const json& j) {
  Table t;
  t.id = j.at(0).get<std::string>();
  t.title = j.at(1).get<std::string>();
  t.title_line = j.at(2).get<int>();
  t.first_line = j.at(3).get<int>();
  t.last_line = j.at(4).get<int>();
  t.page = j.at(5).get<int>();
  t.format = static_cast<TableFormat>(j.at(6).get<int>());
  t.pieces = j.at(7).get<int>();
  t.header_rows = j.at(8).get<int>();
  for (const auto& jr : j.at(9)) {
    std::vector<Cell> row;
    for (const auto& jc : jr) row.push_back(CellFromWire(jc));
    t.rows.push_back(std::move(row));
  }
  for (const auto& h : j.at(10)) t.row_is_header.push_back(h.get<bool>());
  for (const auto& js : j.at(11)) {
    Section s;
    s.first_row = js.at(0).get<int>();
    s.header_rows = js.at(1).get<int>();
    for (const auto& jc : js.at(2)) {
      Column c;
      c.label = jc.at(0).get<std::string>();
      c.key = jc.at(1).get<std::string>();
      c.level = jc.at(2).get<int>();
      c.path_keys = jc.at(3).get<std::vector<std::string>>();
      s.columns.push_back(std::move(c));
    }
    t.sections.push_back(std::move(s));
  }
  return t;
}

}  // namespace

json ErrorToWire(const Error& e) {
  const Location& l = e.where;
  return json::array({e.message, l.file, l.page, l.line, l.table, l.row, l.column});
}

Error ErrorFromWire(const json& j) {
  Error e;
  e.message = j.at(0).get<std::string>();
  e.where.file = j.at(1).get<std::string>();
  e.where.page = j.at(2).get<int>();
  e.where.line = j.at(3).get<int>();
  e.where.table = j.at(4).get<std::string>();
  e.where.row = j.at(5).get<int>();
  e.where.column = j.at(6).get<int>();
  return e;
}

json LayoutToWire(const Layout& layout) {
  json paragraphs = json::array();
  for (const Paragraph& p : layout.paragraphs)
    paragraphs.push_back(json::array({p.text, p.line, p.page}));
  json tables = json::array();
  for (const Table& t : layout.tables) tables.push_back(TableWire(t));
  json blocks = json::array();
  for (const Block& b : layout.blocks)
    blocks.push_back(json::array({static_cast<int>(b.kind), b.index}));
  return json::array({std::move(paragraphs), std::move(tables), std::move(blocks)});
}

Layout LayoutFromWire(const json& j) {
  Layout layout;
  for (const auto& p : j.at(0))
    layout.paragraphs.push_back(
        {p.at(0).get<std::string>(), p.at(1).get<int>(), p.at(2).get<int>()});
  for (const auto& t : j.at(1)) layout.tables.push_back(TableFromWire(t));
  for (const auto& b : j.at(2))
    layout.blocks.push_back(
        {static_cast<Block::Kind>(b.at(0).get<int>()), b.at(1).get<size_t>()});
  return layout;
}

std::string ToCbor(const json& j) {
  std::vector<uint8_t> cbor = json::to_cbor(j);
  return std::string(cbor.begin(), cbor.end());
}

bool FromCbor(std::string_view bytes, json* j) {
  *j = json::from_cbor(bytes.begin(), bytes.end(), true, false);
  return !j->is_discarded() && j->is_object();
}

std::string RecordToWire(const DocumentRecord& r) {
  json j;
  j["file"] = r.file;
  j["status"] = r.status;
  j["error"] = ErrorToWire(r.error);
  j["pages"] = r.pages;
  j["counts"] = {r.counts.errors, r.counts.warnings, r.counts.infos, r.counts.failed};
  j["head"] = r.text.head;
  json lines = json::array();
  for (const CheckText::Line& l : r.text.lines)
    lines.push_back(json::array({l.info, l.text}));
  j["lines"] = std::move(lines);
  j["json"] = r.json;
  json sheets = json::array();
  for (const Sheet& s : r.sheets) {
    json rows = json::array();
    for (const auto& row : s.rows) {
      json jr = json::array();
      for (const Value& v : row) jr.push_back(ValueWire(v));
      rows.push_back(std::move(jr));
    }
    sheets.push_back(
        {{"name", s.name}, {"columns", s.columns}, {"rows", std::move(rows)}});
  }
  j["sheets"] = std::move(sheets);
  return ToCbor(j);
}

bool RecordFromWire(std::string_view bytes, DocumentRecord* r, Error* err) {
  json j;
  if (!FromCbor(bytes, &j)) {
    *err = Error{{}, "unreadable worker result"};
    return false;
  }
  try {
    r->file = j.at("file").get<std::string>();
    r->status = j.at("status").get<std::string>();
    r->error = ErrorFromWire(j.at("error"));
    r->pages = j.at("pages").get<int>();
    const auto& c = j.at("counts");
    r->counts = Counts{c.at(0).get<int>(), c.at(1).get<int>(), c.at(2).get<int>(),
                       c.at(3).get<int>()};
    r->text.head = j.at("head").get<std::string>();
    r->text.lines.clear();
    for (const auto& l : j.at("lines"))
      r->text.lines.push_back({l.at(0).get<bool>(), l.at(1).get<std::string>()});
    r->json = j.at("json");
    r->sheets.clear();
    for (const auto& js : j.at("sheets")) {
      Sheet s;
      s.name = js.at("name").get<std::string>();
      s.columns = js.at("columns").get<std::vector<std::string>>();
      for (const auto& jr : js.at("rows")) {
        std::vector<Value> row;
        for (const auto& jv : jr) {
          Value v;
          if (!ValueFromWire(jv, &v)) {
            *err = Error{{}, "unreadable worker result: bad value"};
            return false;
          }
          row.push_back(std::move(v));
        }
        s.rows.push_back(std::move(row));
      }
      r->sheets.push_back(std::move(s));
    }
  } catch (const json::exception& e) {
    *err = Error{{}, std::string("unreadable worker result: ") + e.what()};
    return false;
  }
  return true;
}

}  // namespace jx
