#include "base/pattern_text.h"

#include <cstddef>
#include <vector>

namespace jx {

namespace {

// One item of a concatenation: an atom (a character, an escape, a class or a
// group) and its repetition, if any.
struct Item {
  size_t begin = 0, atom_end = 0, end = 0;  // [begin, atom_end) the atom
  bool group = false;
  size_t inner_begin = 0, inner_end = 0;  // a group's contents
  bool counted = false;                   // has a repetition operator
  int min = 1, max = 1;                   // max -1: unbounded
};

size_t Utf8Length(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c >> 5) == 0x6) return 2;
  if ((c >> 4) == 0xe) return 3;
  if ((c >> 3) == 0x1e) return 4;
  return 1;
}

bool IsOctal(char c) { return c >= '0' && c <= '7'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The end of the escape at p[i] == '\\', as RE2 reads it; npos for what this
// reader leaves alone (\Q...\E quotes, a dangling backslash).
size_t SkipEscape(std::string_view p, size_t i) {
  if (i + 1 >= p.size()) return std::string_view::npos;
  const char c = p[i + 1];
  if (c == 'Q' || c == 'E') return std::string_view::npos;
  auto braced = [&](size_t from) {
    size_t close = p.find('}', from);
    return close == std::string_view::npos ? close : close + 1;
  };
  if (c == 'p' || c == 'P') {
    if (i + 2 < p.size() && p[i + 2] == '{') return braced(i + 2);
    return i + 2 < p.size() ? i + 3 : std::string_view::npos;
  }
  if (c == 'x') {
    if (i + 2 < p.size() && p[i + 2] == '{') return braced(i + 2);
    return i + 4 <= p.size() ? i + 4 : std::string_view::npos;
  }
  if (IsOctal(c)) {  // \0, \012: up to two more octal digits
    size_t j = i + 2;
    for (int k = 0; k < 2 && j < p.size() && IsOctal(p[j]); ++k) ++j;
    return j;
  }
  return i + 1 + Utf8Length(static_cast<unsigned char>(c));
}

// The end of the class opening at p[i] == '['.
size_t SkipClass(std::string_view p, size_t i) {
  size_t j = i + 1;
  if (j < p.size() && p[j] == '^') ++j;
  if (j < p.size() && p[j] == ']') ++j;  // a leading ] is a member
  while (j < p.size()) {
    const char c = p[j];
    if (c == ']') return j + 1;
    if (c == '\\') {
      j = SkipEscape(p, j);
      if (j == std::string_view::npos) return j;
    } else if (c == '[' && j + 1 < p.size() && p[j + 1] == ':') {
      size_t close = p.find(":]", j + 2);
      j = close == std::string_view::npos ? j + 1 : close + 2;
    } else {
      j += Utf8Length(static_cast<unsigned char>(c));
    }
  }
  return std::string_view::npos;
}

// The length of a group opener at p[i] == '(' this reader knows: "(", "(?:"
// and "(?P<name>"; 0 for flags and anything else.
size_t OpenerLength(std::string_view p, size_t i) {
  if (i + 1 >= p.size() || p[i + 1] != '?') return 1;
  if (i + 2 < p.size() && p[i + 2] == ':') return 3;
  if (p.substr(i + 1, 3) == "?P<") {
    size_t gt = p.find('>', i + 4);
    return gt == std::string_view::npos ? 0 : gt + 1 - i;
  }
  return 0;
}

// The ')' closing the group opened at p[i]; npos when unknown constructs
// lie inside.
size_t CloseOf(std::string_view p, size_t i) {
  int depth = 0;
  size_t j = i;
  while (j < p.size()) {
    const char c = p[j];
    if (c == '\\') {
      j = SkipEscape(p, j);
    } else if (c == '[') {
      j = SkipClass(p, j);
    } else if (c == '(') {
      size_t n = OpenerLength(p, j);
      if (n == 0) return std::string_view::npos;
      ++depth;
      j += n;
    } else if (c == ')') {
      if (--depth == 0) return j;
      ++j;
    } else {
      ++j;
    }
    if (j == std::string_view::npos) return j;
  }
  return std::string_view::npos;
}

// A repetition operator at p[i], RE2's way: * + ? {n} {n,} {n,m}, each maybe
// followed by ? (which changes which match, not whether one exists). A '{'
// that is no count is a literal, as in RE2.
bool ReadCount(std::string_view p, size_t i, Item* it) {
  if (i >= p.size()) return false;
  size_t j = i;
  const char c = p[i];
  if (c == '*' || c == '+' || c == '?') {
    it->min = c == '+' ? 1 : 0;
    it->max = c == '?' ? 1 : -1;
    j = i + 1;
  } else if (c == '{') {
    size_t k = i + 1;
    auto number = [&](int* v) {
      if (k >= p.size() || !IsDigit(p[k])) return false;
      long n = 0;
      while (k < p.size() && IsDigit(p[k]) && n < 100000) n = n * 10 + (p[k++] - '0');
      *v = static_cast<int>(n);
      return true;
    };
    int lo = 0, hi = 0;
    if (!number(&lo)) return false;
    hi = lo;
    if (k < p.size() && p[k] == ',') {
      ++k;
      if (!number(&hi)) hi = -1;
    }
    if (k >= p.size() || p[k] != '}') return false;
    it->min = lo;
    it->max = hi;
    j = k + 1;
  } else {
    return false;
  }
  if (j < p.size() && p[j] == '?') ++j;
  it->counted = true;
  it->end = j;
  return true;
}

// Splits p into the items of its top-level concatenation; false on a
// top-level `|` or anything this reader does not know.
bool Split(std::string_view p, std::vector<Item>* items) {
  size_t i = 0;
  while (i < p.size()) {
    Item it;
    it.begin = i;
    const char c = p[i];
    if (c == '|' || c == ')') return false;
    if (c == '(') {
      size_t n = OpenerLength(p, i), close = CloseOf(p, i);
      if (n == 0 || close == std::string_view::npos) return false;
      it.group = true;
      it.inner_begin = i + n;
      it.inner_end = close;
      i = close + 1;
    } else if (c == '[') {
      i = SkipClass(p, i);
    } else if (c == '\\') {
      i = SkipEscape(p, i);
    } else {
      i += Utf8Length(static_cast<unsigned char>(c));
    }
    if (i == std::string_view::npos || i > p.size()) return false;
    it.atom_end = i;
    it.end = i;
    if (ReadCount(p, i, &it)) i = it.end;
    items->push_back(it);
  }
  return true;
}

// An item at an end, cut to its least count.
std::string Least(std::string_view p, const Item& it) {
  if (it.min == 0) return "";
  std::string atom(p.substr(it.begin, it.atom_end - it.begin));
  std::string out = "(?:" + atom + ")";
  if (it.min > 1) out += "{" + std::to_string(it.min) + "}";
  return out;
}

enum class End { kFirst, kLast };

// Cuts the repetitions at one end of p: a counted item there is cut to its
// least count (and the next one looked at when nothing is left of it); a
// group there with no repetition is looked into.
std::string CutEnd(std::string p, End end) {
  for (;;) {
    std::vector<Item> items;
    if (!Split(p, &items) || items.empty()) return p;
    const Item& it = end == End::kFirst ? items.front() : items.back();
    std::string cut;
    if (it.counted) {
      if (it.min == it.max) return p;
      cut = Least(p, it);
    } else if (it.group) {
      std::string_view inner(p.data() + it.inner_begin, it.inner_end - it.inner_begin);
      std::string in = CutEnd(std::string(inner), end);
      if (in == inner) return p;  // nothing cut inside
      if (!in.empty()) {
        return p.substr(0, it.inner_begin) + in + p.substr(it.inner_end);
      }
    } else {
      return p;
    }
    p = p.substr(0, it.begin) + cut + p.substr(it.end);
    if (!cut.empty()) return p;
  }
}

}  // namespace

bool GroupNames(std::string_view p, std::set<std::string>* names) {
  size_t i = 0;
  while (i < p.size()) {
    const char c = p[i];
    if (c == '\\') {
      i = SkipEscape(p, i);
    } else if (c == '[') {
      i = SkipClass(p, i);
    } else if (c == '(' && p.substr(i, 4) == "(?P<") {
      size_t gt = p.find('>', i + 4);
      if (gt == std::string_view::npos) return false;
      names->insert(std::string(p.substr(i + 4, gt - i - 4)));
      i = gt + 1;
    } else if (c == '(' && p.substr(i, 3) == "(?<") {
      return false;  // a later RE2's named group (or a lookbehind)
    } else {
      ++i;
    }
    if (i == std::string_view::npos) return false;
  }
  return true;
}

std::string PresenceForm(std::string_view pattern) {
  std::string p(pattern);
  std::vector<Item> items;
  if (!Split(p, &items)) return p;
  return CutEnd(CutEnd(std::move(p), End::kFirst), End::kLast);
}

}  // namespace jx
