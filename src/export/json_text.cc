#include "export/json_text.h"

#include <algorithm>
#include <sstream>

namespace jx {
namespace {

// Walks compact JSON text once and writes it pretty (or compact again),
// buffered. The text is jxaudit's own (a worker's or the store's, which
// parse checks), so a malformed one only has to end without reading past it.
class Reindent {
 public:
  Reindent(std::string_view s, int indent, std::ostream* out)
      : s_(s), indent_(indent), out_(out) {}
  ~Reindent() { Flush(); }

  void TopObject(const nlohmann::json& extra) {
    Ws();
    if (Peek() == '{') {
      Object(0, &extra);
    } else {
      // An empty text: the extras alone.
      std::string_view keep = s_;
      s_ = "{}";
      i_ = 0;
      Object(0, &extra);
      s_ = keep;
    }
  }

 private:
  void Step() {
    if (i_ < s_.size()) ++i_;
  }
  char Peek() const { return i_ < s_.size() ? s_[i_] : '\0'; }
  void Ws() {
    while (i_ < s_.size() &&
           (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t'))
      Step();
  }
  void Put(std::string_view t) {
    buf_.append(t);
    if (buf_.size() >= (1 << 16)) Flush();
  }
  void Flush() {
    out_->write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }
  void Break(int depth) {
    if (indent_ < 0) return;
    buf_ += '\n';
    buf_.append(static_cast<size_t>(depth) * static_cast<size_t>(indent_), ' ');
  }
  std::string_view KeySep() const { return indent_ < 0 ? ":" : ": "; }

  // The string at i_, quotes included.
  std::string_view String() {
    const size_t from = i_++;
    while (i_ < s_.size() && s_[i_] != '"') i_ += s_[i_] == '\\' ? 2 : 1;
    i_ = std::min(i_, s_.size());
    Step();
    return s_.substr(from, std::min(i_, s_.size()) - from);
  }

  void Value(int depth) {
    Ws();
    const char c = Peek();
    if (c == '{') {
      Object(depth, nullptr);
    } else if (c == '[') {
      Array(depth);
    } else if (c == '"') {
      Put(String());
    } else {
      const size_t from = i_;
      while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != ']' && s_[i_] != '}' &&
             s_[i_] != ' ' && s_[i_] != '\n' && s_[i_] != '\r' && s_[i_] != '\t')
        Step();
      Put(s_.substr(from, i_ - from));
    }
  }

  void SkipValue() {
    Ws();
    const char c = Peek();
    if (c == '"') {
      String();
    } else if (c == '{' || c == '[') {
      int open = 0;
      do {
        const char d = Peek();
        if (d == '"') {
          String();
          continue;
        }
        if (d == '{' || d == '[') ++open;
        if (d == '}' || d == ']') --open;
        Step();
      } while (open > 0 && i_ < s_.size());
    } else {
      while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != ']' && s_[i_] != '}') Step();
    }
  }

  void Array(int depth) {
    Step();
    Ws();
    if (Peek() == ']' || Peek() == '\0') {
      Step();
      Put("[]");
      return;
    }
    Put("[");
    for (bool first = true;; first = false) {
      if (!first) Put(",");
      Break(depth + 1);
      Value(depth + 1);
      Ws();
      const char c = Peek();
      Step();
      if (c != ',') break;
    }
    Break(depth);
    Put("]");
  }

  // An extra member, its value printed at this depth by the same walk.
  void Extra(const std::string& key, const nlohmann::json& v, int depth, bool* first) {
    Put(*first ? "{" : ",");
    *first = false;
    Break(depth + 1);
    std::string text;
    AppendCompact(nlohmann::json(key), &text);
    Put(text);
    Put(KeySep());
    text.clear();
    AppendCompact(v, &text);
    Reindent inner(text, indent_, out_);
    inner.buf_.swap(buf_);
    inner.Value(depth + 1);
    inner.buf_.swap(buf_);
  }

  void Object(int depth, const nlohmann::json* extras) {
    static const nlohmann::json kNone = nlohmann::json::object();
    const nlohmann::json* extra = extras && extras->is_object() ? extras : nullptr;
    Step();
    auto next = (extra ? *extra : kNone).items().begin();
    const auto end = (extra ? *extra : kNone).items().end();
    bool first = true;
    Ws();
    if (Peek() != '}' && Peek() != '\0') {
      for (;;) {
        Ws();
        std::string_view quoted = String();
        std::string_view key =
            quoted.size() >= 2 ? quoted.substr(1, quoted.size() - 2) : std::string_view();
        for (; extra && next != end && std::string_view(next.key()) < key; ++next)
          Extra(next.key(), next.value(), depth, &first);
        Ws();
        Step();  // ':'
        if (extra && next != end && std::string_view(next.key()) == key) {
          Extra(next.key(), next.value(), depth, &first);
          ++next;
          SkipValue();
        } else {
          Put(first ? "{" : ",");
          first = false;
          Break(depth + 1);
          Put(quoted);
          Put(KeySep());
          Value(depth + 1);
        }
        Ws();
        const char c = Peek();
        Step();
        if (c != ',') break;
      }
    } else {
      Step();
    }
    for (; extra && next != end; ++next) Extra(next.key(), next.value(), depth, &first);
    if (first) {
      Put("{}");
      return;
    }
    Break(depth);
    Put("}");
  }

  std::string_view s_;
  size_t i_ = 0;
  int indent_;
  std::ostream* out_;
  std::string buf_;
};

}  // namespace

void AppendCompact(const nlohmann::json& j, std::string* out) {
  out->append(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void WriteJsonText(std::string_view compact, const nlohmann::json& extra, int indent,
                   std::ostream* out) {
  Reindent r(compact, indent, out);
  r.TopObject(extra);
}

std::string JsonText(std::string_view compact, const nlohmann::json& extra, int indent) {
  std::ostringstream s;
  WriteJsonText(compact, extra, indent, &s);
  return s.str();
}

}  // namespace jx
