// What a worker process sends back, as CBOR: a check or extract record, or
// a file's tables. Decimals stay exact and text stays the bytes it was.
#ifndef JXAUDIT_RECORD_WIRE_H_
#define JXAUDIT_RECORD_WIRE_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "layout/table.h"
#include "record/record.h"
#include "record/sheets.h"

namespace jx {

std::string RecordToWire(const DocumentRecord& r);
// On failure `err` says why; its location is left for the caller to name.
bool RecordFromWire(std::string_view bytes, DocumentRecord* r, Error* err);

// The parts, for other messages built of them. The readers throw
// nlohmann::json::exception on a malformed part.
nlohmann::json ErrorToWire(const Error& e);
Error ErrorFromWire(const nlohmann::json& j);
nlohmann::json LayoutToWire(const Layout& layout);
Layout LayoutFromWire(const nlohmann::json& j);

// CBOR bytes and back; false when the bytes are not a CBOR object.
std::string ToCbor(const nlohmann::json& j);
bool FromCbor(std::string_view bytes, nlohmann::json* j);

}  // namespace jx

#endif  // JXAUDIT_RECORD_WIRE_H_
