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

}  // namespace

std::string RecordToWire(const DocumentRecord& r) {
  nlohmann::json j;
  j["file"] = r.file;
  j["status"] = r.status;
  j["error"] = r.error;
  j["pages"] = r.pages;
  j["counts"] = {r.counts.errors, r.counts.warnings, r.counts.infos, r.counts.failed};
  j["text"] = r.text;
  j["text_verbose"] = r.text_verbose;
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

bool RecordFromWire(std::string_view bytes, DocumentRecord* r, std::string* err) {
  nlohmann::json j = nlohmann::json::from_cbor(bytes.begin(), bytes.end(), true, false);
  if (j.is_discarded() || !j.is_object()) {
    *err = "unreadable worker result";
    return false;
  }
  try {
    r->file = j.at("file").get<std::string>();
    r->status = j.at("status").get<std::string>();
    r->error = j.at("error").get<std::string>();
    r->pages = j.at("pages").get<int>();
    const auto& c = j.at("counts");
    r->counts = Counts{c.at(0).get<int>(), c.at(1).get<int>(), c.at(2).get<int>(),
                       c.at(3).get<int>()};
    r->text = j.at("text").get<std::string>();
    r->text_verbose = j.at("text_verbose").get<std::string>();
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
            *err = "unreadable worker result: bad value";
            return false;
          }
          row.push_back(std::move(v));
        }
        s.rows.push_back(std::move(row));
      }
      r->sheets.push_back(std::move(s));
    }
  } catch (const nlohmann::json::exception& e) {
    *err = std::string("unreadable worker result: ") + e.what();
    return false;
  }
  return true;
}

}  // namespace jx
