#include "record/record.h"

#include <cstdint>

namespace jx {

namespace {

nlohmann::json ValueWire(const Value& v) {
  if (v.kind == Value::kText) return v.text;
  if (v.kind == Value::kNumber)
    return nlohmann::json::array({v.number.units, v.number.scale});
  return nullptr;
}

bool ValueFromWire(const nlohmann::json& j, Value* v) {
  if (j.is_null()) {
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

nlohmann::json ErrorWire(const Error& e) {
  const Location& l = e.where;
  return nlohmann::json::array(
      {e.message, l.file, l.page, l.line, l.table, l.row, l.column});
}

Error ErrorFromWire(const nlohmann::json& j) {
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

}  // namespace

std::string CheckHead(const std::string& kind, const std::string& department,
                      const std::string& year) {
  std::string head = "  [" + kind;
  if (!department.empty()) head += " · " + department;
  if (!year.empty()) head += " · " + year;
  return head + "]";
}

CheckText::Line CheckLine(const Location& where, const std::string& severity,
                          const std::string& rule, const std::string& message) {
  // The location as Error::ToString prints it after a file name; with no
  // part known that is the bare ": " a file name is followed by.
  Error at;
  at.where = where;
  at.where.file.clear();
  std::string loc = at.ToString();
  if (loc.empty()) loc = ": ";
  return {severity == SeverityName(Severity::kInfo),
          loc + severity + " [" + rule + "] " + message};
}

CheckText CheckTextOf(const DocumentReport& d, bool with_info) {
  CheckText t;
  if (!d.ok) return t;  // a failed file's block is its error
  const DocInfo& info = d.ex.info;
  t.head = CheckHead(KindName(info.kind), info.department.value, info.year.value);
  for (const Finding& f : d.v.findings)
    if (with_info || f.severity != Severity::kInfo)
      t.lines.push_back(CheckLine(f.where, SeverityName(f.severity), f.rule, f.message));
  return t;
}

std::string RecordToWire(const DocumentRecord& r) {
  nlohmann::json j;
  j["file"] = r.file;
  j["status"] = r.status;
  j["error"] = ErrorWire(r.error);
  j["pages"] = r.pages;
  j["counts"] = {r.counts.errors, r.counts.warnings, r.counts.infos, r.counts.failed};
  j["head"] = r.text.head;
  nlohmann::json lines = nlohmann::json::array();
  for (const CheckText::Line& l : r.text.lines)
    lines.push_back(nlohmann::json::array({l.info, l.text}));
  j["lines"] = std::move(lines);
  j["json"] = r.json;
  nlohmann::json sheets = nlohmann::json::array();
  for (const Sheet& s : r.sheets) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& row : s.rows) {
      nlohmann::json jr = nlohmann::json::array();
      for (const Value& v : row) jr.push_back(ValueWire(v));
      rows.push_back(std::move(jr));
    }
    sheets.push_back(
        {{"name", s.name}, {"columns", s.columns}, {"rows", std::move(rows)}});
  }
  j["sheets"] = std::move(sheets);
  std::vector<uint8_t> cbor = nlohmann::json::to_cbor(j);
  return std::string(cbor.begin(), cbor.end());
}

bool RecordFromWire(std::string_view bytes, DocumentRecord* r, Error* err) {
  nlohmann::json j = nlohmann::json::from_cbor(bytes.begin(), bytes.end(), true, false);
  if (j.is_discarded() || !j.is_object()) {
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
  } catch (const nlohmann::json::exception& e) {
    *err = Error{{}, std::string("unreadable worker result: ") + e.what()};
    return false;
  }
  return true;
}

}  // namespace jx
