// Which columns a 合计/小计 column totals, read from the header path of every
// column. Disclosure tables print a group's 小计 beside its parts (“三公”:
// 合计 | 因公出国 | 公务用车 { 小计 | 购置费 | 运行费 } | 公务接待), and columns
// outside the group beside both (机关运行经费): summing the row to the right of
// 合计 would count the cars twice and add what is no part at all.
#include <algorithm>
#include <set>

#include "validate/check.h"

namespace jx::validate {
namespace {

// The header texts of a column, top first, with the name of each.
struct Path {
  std::vector<std::string> texts;
  std::vector<std::string> keys;
  bool ok = false;  // texts and keys line up
};

Path PathOf(const TypedColumn& col) {
  Path p;
  size_t start = 0;
  const std::string& l = col.label;
  while (!l.empty() && start <= l.size()) {
    size_t slash = l.find('/', start);
    if (slash == std::string::npos) slash = l.size();
    p.texts.push_back(l.substr(start, slash - start));
    start = slash + 1;
  }
  p.keys = col.path_keys;
  p.ok = !p.texts.empty() && p.texts.size() == p.keys.size();
  return p;
}

// Index of the first "total" name on the path, or npos.
size_t TotalAt(const Path& p) {
  if (!p.ok) return std::string::npos;
  for (size_t i = 0; i < p.keys.size(); ++i)
    if (p.keys[i] == "total") return i;
  return std::string::npos;
}

bool StartsWith(const std::vector<std::string>& v, const std::vector<std::string>& pre,
                size_t from = 0) {
  if (v.size() < from + pre.size()) return false;
  return std::equal(pre.begin(), pre.end(), v.begin() + static_cast<long>(from));
}

bool EndsWith(const std::vector<std::string>& v, const std::vector<std::string>& suf) {
  if (v.size() < suf.size()) return false;
  return std::equal(suf.rbegin(), suf.rend(), v.rbegin());
}

}  // namespace

namespace {

// 基本支出 | 人员经费 | 公用经费 printed flat, side by side under one group:
// the 基本支出 column totals the two beside it.
std::vector<size_t> FlatBasicParts(const TypedSection& s, size_t c, const Path& p) {
  std::vector<size_t> parts;
  if (!p.ok || p.keys.back() != "expenditure_basic") return parts;
  const std::vector<std::string> group(p.texts.begin(), p.texts.end() - 1);
  bool personnel = false, public_funds = false;
  // Its parts stand right beside it: a few columns on, not anywhere.
  constexpr size_t kReach = 4;
  for (size_t d = c + 1; d < s.columns.size() && d < s.end_column && d <= c + kReach;
       ++d) {
    Path q = PathOf(s.columns[d]);
    if (!q.ok || q.texts.size() != p.texts.size() || !StartsWith(q.texts, group))
      continue;
    if (q.keys.back() == "personnel" && !personnel) {
      personnel = true;
      parts.push_back(d);
    } else if (q.keys.back() == "public_funds" && !public_funds) {
      public_funds = true;
      parts.push_back(d);
    }
  }
  if (!personnel || !public_funds) parts.clear();
  return parts;
}

}  // namespace

std::vector<size_t> TotalColumns(const TypedSection& s) {
  std::vector<size_t> out;
  for (size_t c = s.first_column; c < s.columns.size() && c < s.end_column; ++c) {
    Path p = PathOf(s.columns[c]);
    if (TotalAt(p) != std::string::npos || !FlatBasicParts(s, c, p).empty())
      out.push_back(c);
  }
  return out;
}

std::vector<size_t> ColumnParts(const TypedSection& s, size_t total) {
  std::vector<size_t> parts;
  if (total >= s.columns.size()) return parts;
  const Path tp = PathOf(s.columns[total]);
  const size_t at = TotalAt(tp);
  if (at == std::string::npos) return FlatBasicParts(s, total, tp);
  // The group the total closes (the texts above it) and the measure below it
  // (预算数 | 决算数 under each item): its parts share both.
  const std::vector<std::string> group(tp.texts.begin(),
                                       tp.texts.begin() + static_cast<long>(at));
  const std::vector<std::string> suffix(tp.texts.begin() + static_cast<long>(at) + 1,
                                        tp.texts.end());
  std::vector<Path> paths;
  for (const TypedColumn& col : s.columns) paths.push_back(PathOf(col));
  const size_t end = std::min(s.columns.size(), s.end_column);
  // A subgroup (公务用车购置及运行费) with a 小计 of its own: its other columns
  // are parts of that 小计, not of this total. Found in one pass.
  std::set<std::string> with_subtotal;
  for (size_t c = total + 1; c < end; ++c) {
    const Path& p = paths[c];
    if (!p.ok || !StartsWith(p.texts, group) || !EndsWith(p.texts, suffix)) continue;
    if (p.texts.size() == group.size() + suffix.size() + 2 &&
        p.keys[group.size() + 1] == "total")
      with_subtotal.insert(p.texts[group.size()]);
  }
  auto has_subtotal = [&](const std::string& head) {
    return with_subtotal.count(head) > 0;
  };
  for (size_t c = total + 1; c < end; ++c) {
    const Path& p = paths[c];
    if (!p.ok || !StartsWith(p.texts, group) || !EndsWith(p.texts, suffix)) continue;
    if (p.texts.size() <= group.size() + suffix.size()) continue;
    const size_t mid = p.texts.size() - group.size() - suffix.size();
    if (p.keys[group.size()] == "total") continue;  // another total of the group
    if (mid == 1) {
      parts.push_back(c);
      continue;
    }
    const bool subtotal = mid == 2 && p.keys[group.size() + 1] == "total";
    if (subtotal || !has_subtotal(p.texts[group.size()])) parts.push_back(c);
  }
  // 基本支出 printed flat beside its own 人员经费 and 公用经费: they are in it.
  auto last_key = [&](size_t c) { return paths[c].keys.back(); };
  bool basic = false, personnel = false, public_funds = false;
  for (size_t c : parts) {
    basic |= last_key(c) == "expenditure_basic";
    personnel |= last_key(c) == "personnel";
    public_funds |= last_key(c) == "public_funds";
  }
  if (basic && personnel && public_funds)
    parts.erase(std::remove_if(parts.begin(), parts.end(),
                               [&](size_t c) {
                                 return last_key(c) == "personnel" ||
                                        last_key(c) == "public_funds";
                               }),
                parts.end());
  return parts;
}

}  // namespace jx::validate
