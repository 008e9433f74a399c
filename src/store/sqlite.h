// Inside the store: a prepared statement, bound and read by position.
#ifndef JXAUDIT_STORE_SQLITE_H_
#define JXAUDIT_STORE_SQLITE_H_

#include <sqlite3.h>

#include <cstdint>
#include <string>

#include "record/sheets.h"

namespace jx {
namespace store {

class Stmt {
 public:
  Stmt(sqlite3* db, const std::string& sql) {
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s_, nullptr) != SQLITE_OK) s_ = nullptr;
  }
  ~Stmt() { sqlite3_finalize(s_); }
  bool ok() const { return s_ != nullptr; }
  sqlite3_stmt* get() { return s_; }
  void Text(int i, const std::string& v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void Int(int i, int64_t v) { sqlite3_bind_int64(s_, i, v); }
  void Real(int i, double v) { sqlite3_bind_double(s_, i, v); }
  void Null(int i) { sqlite3_bind_null(s_, i); }
  void Bind(int i, const Value& v) {
    if (v.kind == Value::kText)
      Text(i, v.text);
    else if (v.kind == Value::kNumber && v.number.scale == 0)
      Int(i, v.number.units);
    else if (v.kind == Value::kNumber)
      Real(i, v.number.ToDouble());
    else
      Null(i);
  }
  bool Run() {
    int rc = sqlite3_step(s_);
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
    return rc == SQLITE_DONE || rc == SQLITE_ROW;
  }
  bool Row() { return sqlite3_step(s_) == SQLITE_ROW; }
  std::string ColText(int i) {
    const unsigned char* t = sqlite3_column_text(s_, i);
    return t ? std::string(reinterpret_cast<const char*>(t),
                           static_cast<size_t>(sqlite3_column_bytes(s_, i)))
             : std::string();
  }
  int64_t ColInt(int i) { return sqlite3_column_int64(s_, i); }
  // A stored cell back as a sheet value: numbers keep their shortest
  // printed form.
  Value ColValue(int i) {
    switch (sqlite3_column_type(s_, i)) {
      case SQLITE_INTEGER:
        return NumberValue(Decimal{sqlite3_column_int64(s_, i), 0});
      case SQLITE_FLOAT:
        return NumberFromDouble(sqlite3_column_double(s_, i));
      case SQLITE_NULL:
        return Value{};
      default:
        return TextValue(ColText(i));
    }
  }

 private:
  sqlite3_stmt* s_ = nullptr;
};

}  // namespace store
}  // namespace jx

#endif  // JXAUDIT_STORE_SQLITE_H_
