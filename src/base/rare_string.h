// A string that most of its holders leave empty, kept behind a pointer: 8
// bytes where it is empty instead of std::string's 32. A large grid has a
// layout cell and a typed cell per printed cell, and few of them need one.
#ifndef JXAUDIT_BASE_RARE_STRING_H_
#define JXAUDIT_BASE_RARE_STRING_H_

#include <memory>
#include <string>
#include <string_view>

namespace jx {

class RareString {
 public:
  RareString() = default;
  RareString(const RareString& o) : p_(o.p_ ? new std::string(*o.p_) : nullptr) {}
  RareString(RareString&&) noexcept = default;
  RareString& operator=(const RareString& o) {
    if (this != &o) p_.reset(o.p_ ? new std::string(*o.p_) : nullptr);
    return *this;
  }
  RareString& operator=(RareString&&) noexcept = default;
  RareString& operator=(std::string s) {
    if (s.empty())
      p_.reset();
    else
      p_ = std::make_unique<std::string>(std::move(s));
    return *this;
  }
  const std::string& str() const {
    static const std::string kEmpty;
    return p_ ? *p_ : kEmpty;
  }
  operator const std::string&() const { return str(); }
  bool empty() const { return !p_; }
  void clear() { p_.reset(); }
  friend bool operator==(const RareString& a, std::string_view b) {
    return std::string_view(a.str()) == b;
  }

 private:
  std::unique_ptr<std::string> p_;
};

}  // namespace jx

#endif  // JXAUDIT_BASE_RARE_STRING_H_
