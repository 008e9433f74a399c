// What a worker process sends back, as CBOR: a check or extract record, or
// a file's tables. Decimals stay exact and text stays the bytes it was.
#ifndef JXAUDIT_RECORD_WIRE_H_
#define JXAUDIT_RECORD_WIRE_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "layout/table.h"
#include "record/record.h"
#include "record/sheets.h"

namespace jx {

std::string RecordToWire(DocumentRecord r);
// On failure `err` says why; its location is left for the caller to name.
bool RecordFromWire(std::string_view bytes, DocumentRecord* r, Error* err);

// The messages of the `tables` and `extract` workers are plain bytes, not
// CBOR: a file's layout or its rows of the sheets is large next to the work
// that made it, and a tree of JSON values for it cost more than the work.
// Writer and reader of those bytes: varints and length-prefixed strings.
class WireWriter {
 public:
  void Uint(uint64_t v);
  void Int(int64_t v);
  void Bool(bool b) { out_.push_back(b ? 1 : 0); }
  void Str(const std::string& s);
  void Err(const Error& e);
  void Lay(const Layout& layout);
  // A layout's tables alone (what `tables` prints of a file).
  void Tables(const std::vector<Table>& tables);
  void Sheets(const std::vector<Sheet>& sheets);
  // The parts of Sheets, for rows written as they are made: a sheet's name,
  // columns and row count, then each of its rows.
  void SheetHead(const Sheet& s, size_t rows);
  void Row(const std::vector<Value>& row);
  // Bytes another writer wrote (a row WireReader::SkipRow passed over).
  void Raw(std::string_view bytes) { out_.append(bytes); }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

// Reads what WireWriter wrote; once anything is short or out of range, ok()
// is false and every read gives zero values.
class WireReader {
 public:
  explicit WireReader(std::string_view bytes)
      : p_(bytes.data()), end_(p_ + bytes.size()) {}
  uint64_t Uint();
  int64_t Int();
  int Small() { return static_cast<int>(Int()); }
  bool Bool() { return Uint() != 0; }
  std::string Str();
  // The same into `s`, reusing its storage.
  void StrInto(std::string* s);
  Error Err();
  Layout Lay();
  std::vector<Table> Tables();
  std::vector<Sheet> Sheets();
  // The parts of Sheets, for rows read one at a time: the number of sheets,
  // then per sheet its head (name and columns, no rows; the row count
  // returned) and that many rows.
  size_t SheetCount() { return Count(); }
  size_t SheetHead(Sheet* head);
  bool Row(std::vector<Value>* row);
  // Passes over a row as Row reads it, making none of its values: `bytes`
  // is where it lay.
  bool SkipRow(std::string_view* bytes);
  // A count of items that each take at least one byte: bounded by what is left.
  size_t Count();
  bool ok() const { return ok_; }
  bool done() const { return ok_ && p_ == end_; }
  size_t left() const { return static_cast<size_t>(end_ - p_); }

 private:
  const char* p_;
  const char* end_;
  bool ok_ = true;
};

// The parts, for other messages built of them. The readers throw
// nlohmann::json::exception on a malformed part.
nlohmann::json ErrorToWire(const Error& e);
Error ErrorFromWire(const nlohmann::json& j);

// CBOR bytes and back; false when the bytes are not a CBOR object.
std::string ToCbor(const nlohmann::json& j, size_t size_hint = 0);  // bytes reserved
bool FromCbor(std::string_view bytes, nlohmann::json* j);

}  // namespace jx

#endif  // JXAUDIT_RECORD_WIRE_H_
