// Errors are values: every stage reports where (file, page, line, cell) and why.
#ifndef JXAUDIT_BASE_ERROR_H_
#define JXAUDIT_BASE_ERROR_H_

#include <memory>
#include <string>
#include <string_view>

namespace jx {

// A file's path, shared: every figure, cell, indicator and finding of a file
// carries a Location, and a path is longer than a string keeps without the
// heap. Made once per document; a copy shares it.
class SharedPath {
 public:
  SharedPath() = default;
  explicit SharedPath(std::string s) { *this = std::move(s); }
  SharedPath& operator=(std::string s) {
    if (s.empty())
      p_.reset();
    else
      p_ = std::make_shared<const std::string>(std::move(s));
    return *this;
  }
  SharedPath& operator=(const char* s) { return *this = std::string(s); }

  const std::string& str() const { return p_ ? *p_ : Empty(); }
  operator const std::string&() const { return str(); }
  operator std::string_view() const { return str(); }
  bool empty() const { return !p_; }
  void clear() { p_.reset(); }

  bool operator==(const SharedPath& o) const { return p_ == o.p_ || str() == o.str(); }
  bool operator==(std::string_view s) const { return str() == s; }

 private:
  static const std::string& Empty() {
    static const std::string kEmpty;
    return kEmpty;
  }
  std::shared_ptr<const std::string> p_;
};

struct Location {
  SharedPath file;
  int page = 0;       // 1-based; 0 when the source has no pages (text input)
  int line = 0;       // 1-based; 0 when unknown
  std::string table;  // table id ("t3") when the place is a cell
  int row = -1;       // 0-based row within the table, -1 when none
  int column = -1;    // 0-based column within the row, -1 when none
  std::string cell;   // workbooks: the sheet and cell ("表1!B7"), else ""
};

struct Error {
  Location where;
  std::string message;

  // "file:page 2:line 14: message" with the parts that are known.
  std::string ToString() const;
};

inline Error MakeError(std::string file, std::string message, int line = 0) {
  Error e;
  e.where.file = std::move(file);
  e.where.line = line;
  e.message = std::move(message);
  return e;
}

}  // namespace jx

#endif  // JXAUDIT_BASE_ERROR_H_
