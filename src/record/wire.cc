#include "record/wire.h"

#include <cstdint>

#include "record/cross.h"

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
  return json{
      {"v", ValueBase(v)}, {"p", v.percent}, {"f", v.flagged}, {"l", v.link.str()}};
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

std::string ToCbor(const json& j, size_t size_hint) {
  std::string cbor;
  cbor.reserve(size_hint);
  json::to_cbor(j, nlohmann::detail::output_adapter<char>(cbor));
  return cbor;
}

bool FromCbor(std::string_view bytes, json* j) {
  *j = json::from_cbor(bytes.begin(), bytes.end(), true, false);
  return !j->is_discarded() && j->is_object();
}

void WireWriter::Uint(uint64_t v) {
  while (v >= 0x80) {
    out_.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out_.push_back(static_cast<char>(v));
}

void WireWriter::Int(int64_t v) {
  // Zigzag: small negative numbers (-1 for "none") stay one byte.
  Uint((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63));
}

void WireWriter::Str(const std::string& s) {
  Uint(s.size());
  out_.append(s);
}

void WireWriter::Err(const Error& e) {
  Str(e.message);
  Str(e.where.file);
  Int(e.where.page);
  Int(e.where.line);
  Str(e.where.table);
  Int(e.where.row);
  Int(e.where.column);
}

void WireWriter::Lay(const Layout& layout) {
  Uint(layout.paragraphs.size());
  for (const Paragraph& p : layout.paragraphs) {
    Str(p.text);
    Int(p.line);
    Int(p.page);
  }
  Tables(layout.tables);
  Uint(layout.blocks.size());
  for (const Block& b : layout.blocks) {
    Int(static_cast<int>(b.kind));
    Uint(b.index);
  }
}

void WireWriter::Tables(const std::vector<Table>& tables) {
  Uint(tables.size());
  for (const Table& t : tables) {
    Str(t.id);
    Str(t.title);
    Int(t.title_line);
    Int(t.first_line);
    Int(t.last_line);
    Int(t.page);
    Int(static_cast<int>(t.format));
    Int(t.pieces);
    Int(t.header_rows);
    Uint(t.doubts.size());
    for (const std::string& d : t.doubts) Str(d);
    Uint(t.rows.size());
    for (const auto& row : t.rows) {
      Uint(row.size());
      for (const Cell& c : row) {
        Str(c.text);
        Int(c.first_line);
        Int(c.last_line);
        Int(c.page);
        Int(c.rowspan);
        Int(c.colspan);
        Int(c.anchor_row);
        Int(c.anchor_col);
        // The value is most often the text itself.
        const bool same = c.value() == c.text;
        Bool(same);
        if (!same) Str(c.value());
      }
    }
    Uint(t.row_is_header.size());
    for (bool h : t.row_is_header) Bool(h);
    Uint(t.sections.size());
    for (const Section& s : t.sections) {
      Int(s.first_row);
      Int(s.header_rows);
      Uint(s.columns.size());
      for (const Column& c : s.columns) {
        Str(c.label);
        Str(c.key);
        Int(c.level);
        Uint(c.path_keys.size());
        for (const std::string& k : c.path_keys) Str(k);
      }
    }
  }
}

void WireWriter::Sheets(const std::vector<Sheet>& sheets) {
  Uint(sheets.size());
  for (const Sheet& s : sheets) {
    SheetHead(s, s.rows.size());
    for (const auto& row : s.rows) Row(row);
  }
}

void WireWriter::SheetHead(const Sheet& s, size_t rows) {
  Str(s.name);
  Uint(s.columns.size());
  for (const std::string& c : s.columns) Str(c);
  Uint(rows);
}

void WireWriter::Row(const std::vector<Value>& row) {
  Uint(row.size());
  for (const Value& v : row) {
    // Kind in the low bits, the marks above it.
    Uint(static_cast<uint64_t>(v.kind) | (v.percent ? 4u : 0u) | (v.flagged ? 8u : 0u) |
         (v.link.empty() ? 0u : 16u));
    if (v.kind == Value::kText) Str(v.text);
    if (v.kind == Value::kNumber) {
      Int(v.number.units);
      Int(v.number.scale);
    }
    if (!v.link.empty()) Str(v.link);
  }
}

uint64_t WireReader::Uint() {
  uint64_t v = 0;
  for (int shift = 0; ok_; shift += 7) {
    if (p_ == end_ || shift > 63) {
      ok_ = false;
      break;
    }
    const unsigned char b = static_cast<unsigned char>(*p_++);
    v |= static_cast<uint64_t>(b & 0x7f) << shift;
    if (!(b & 0x80)) return v;
  }
  return 0;
}

int64_t WireReader::Int() {
  const uint64_t u = Uint();
  return static_cast<int64_t>(u >> 1) ^ -static_cast<int64_t>(u & 1);
}

size_t WireReader::Count() {
  const uint64_t n = Uint();
  if (n > static_cast<uint64_t>(end_ - p_)) {
    ok_ = false;
    return 0;
  }
  return static_cast<size_t>(n);
}

std::string WireReader::Str() {
  std::string s;
  StrInto(&s);
  return s;
}

void WireReader::StrInto(std::string* s) {
  const size_t n = Count();
  if (!ok_) {
    s->clear();
    return;
  }
  s->assign(p_, n);
  p_ += n;
}

Error WireReader::Err() {
  Error e;
  e.message = Str();
  e.where.file = Str();
  e.where.page = Small();
  e.where.line = Small();
  e.where.table = Str();
  e.where.row = Small();
  e.where.column = Small();
  return e;
}

Layout WireReader::Lay() {
  Layout layout;
  for (size_t n = Count(); ok_ && n > 0; --n) {
    Paragraph p;
    p.text = Str();
    p.line = Small();
    p.page = Small();
    layout.paragraphs.push_back(std::move(p));
  }
  layout.tables = Tables();
  for (size_t n = Count(); ok_ && n > 0; --n) {
    Block b;
    b.kind = static_cast<Block::Kind>(Small());
    b.index = static_cast<size_t>(Uint());
    layout.blocks.push_back(b);
  }
  return layout;
}

std::vector<Table> WireReader::Tables() {
  std::vector<Table> tables;
  for (size_t n = Count(); ok_ && n > 0; --n) {
    Table t;
    t.id = Str();
    t.title = Str();
    t.title_line = Small();
    t.first_line = Small();
    t.last_line = Small();
    t.page = Small();
    t.format = static_cast<TableFormat>(Small());
    t.pieces = Small();
    t.header_rows = Small();
    for (size_t d = Count(); ok_ && d > 0; --d) t.doubts.push_back(Str());
    const size_t rows = Count();
    t.rows.reserve(rows);
    for (size_t r = rows; ok_ && r > 0; --r) {
      std::vector<Cell> row;
      const size_t cols = Count();
      row.reserve(cols);
      for (size_t c = cols; ok_ && c > 0; --c) {
        Cell cell;
        cell.text = Str();
        cell.first_line = Small();
        cell.last_line = Small();
        cell.page = Small();
        cell.rowspan = Small();
        cell.colspan = Small();
        cell.anchor_row = Small();
        cell.anchor_col = Small();
        cell.set_value(Bool() ? cell.text : Str());
        row.push_back(std::move(cell));
      }
      t.rows.push_back(std::move(row));
    }
    for (size_t h = Count(); ok_ && h > 0; --h) t.row_is_header.push_back(Bool());
    for (size_t k = Count(); ok_ && k > 0; --k) {
      Section s;
      s.first_row = Small();
      s.header_rows = Small();
      for (size_t c = Count(); ok_ && c > 0; --c) {
        Column col;
        col.label = Str();
        col.key = Str();
        col.level = Small();
        for (size_t p = Count(); ok_ && p > 0; --p) col.path_keys.push_back(Str());
        s.columns.push_back(std::move(col));
      }
      t.sections.push_back(std::move(s));
    }
    tables.push_back(std::move(t));
  }
  return tables;
}

std::vector<Sheet> WireReader::Sheets() {
  std::vector<Sheet> sheets;
  for (size_t n = SheetCount(); ok_ && n > 0; --n) {
    Sheet s;
    const size_t rows = SheetHead(&s);
    s.rows.reserve(rows);
    for (size_t r = rows; ok_ && r > 0; --r) {
      std::vector<Value> row;
      if (Row(&row)) s.rows.push_back(std::move(row));
    }
    sheets.push_back(std::move(s));
  }
  return sheets;
}

size_t WireReader::SheetHead(Sheet* head) {
  head->name = Str();
  head->columns.clear();
  head->rows.clear();
  for (size_t c = Count(); ok_ && c > 0; --c) head->columns.push_back(Str());
  return Count();
}

bool WireReader::Row(std::vector<Value>* row) {
  const size_t cols = Count();
  // The row's values are overwritten in place: a reader going through a
  // sheet reuses one row's strings instead of allocating each cell's again.
  row->resize(cols);
  for (Value& v : *row) {
    if (!ok_) break;
    const uint64_t tag = Uint();
    v.kind = static_cast<Value::Kind>(tag & 3);
    switch (tag & 3) {
      case Value::kText:
        StrInto(&v.text);
        break;
      case Value::kNumber:
        v.text.clear();
        v.number.units = Int();
        v.number.scale = Small();
        break;
      case Value::kEmpty:
        v.text.clear();
        break;
      default:
        ok_ = false;
    }
    if ((tag & 3) != Value::kNumber) v.number = Decimal{};
    v.percent = tag & 4;
    v.flagged = tag & 8;
    if (tag & 16)
      v.link = Str();
    else
      v.link.clear();
  }
  if (!ok_) row->clear();
  return ok_;
}

bool WireReader::SkipRow(std::string_view* bytes) {
  const char* start = p_;
  auto skip = [&] {
    const size_t n = Count();
    if (ok_) p_ += n;
  };
  for (size_t c = Count(); ok_ && c > 0; --c) {
    const uint64_t tag = Uint();
    switch (tag & 3) {
      case Value::kText:
        skip();
        break;
      case Value::kNumber:
        Int();
        Int();
        break;
      case Value::kEmpty:
        break;
      default:
        ok_ = false;
    }
    if (tag & 16) skip();
  }
  *bytes =
      ok_ ? std::string_view(start, static_cast<size_t>(p_ - start)) : std::string_view();
  return ok_;
}

std::string RecordToWire(DocumentRecord r) {
  json j;
  j["file"] = r.file;
  j["status"] = r.status;
  j["error"] = ErrorToWire(r.error);
  j["pages"] = r.pages;
  j["counts"] = {r.counts.errors, r.counts.warnings, r.counts.infos, r.counts.failed};
  j["head"] = r.text.head;
  json lines = json::array();
  for (const CheckText::Line& l : r.text.lines)
    lines.push_back(json::array({l.info, l.text, l.severity, l.fingerprint}));
  j["lines"] = std::move(lines);
  // The document's JSON text is most of a long record: sized for it, the
  // encoding is not copied as it grows.
  const size_t hint = r.json.size() + (size_t{1} << 16);
  j["json"] = std::move(r.json);
  j["cross"] = r.cross.known ? CrossFactsToJson(r.cross) : json(nullptr);
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
  return ToCbor(j, hint);
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
      r->text.lines.push_back({l.at(0).get<bool>(), l.at(1).get<std::string>(),
                               l.at(2).get<std::string>(), l.at(3).get<std::string>()});
    r->json = std::move(j.at("json").get_ref<std::string&>());
    r->cross = CrossFacts{};
    if (!j.at("cross").is_null() && !CrossFactsFromJson(j.at("cross"), &r->cross)) {
      *err = Error{{}, "unreadable worker result: bad cross-document facts"};
      return false;
    }
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
