#include "base/terms.h"

#include "base/text.h"

namespace jx {

bool ParseLang(std::string_view text, Lang* lang) {
  if (text == "zh")
    *lang = Lang::kZh;
  else if (text == "en")
    *lang = Lang::kEn;
  else
    return false;
  return true;
}

bool Terms::Parse(const std::string& origin, std::string_view content, std::string* err) {
  words_.clear();
  const bool ok = ForEachDataLine(content, [&](std::string_view line, int line_no) {
    const std::string where = origin + ":" + std::to_string(line_no) + ": ";
    size_t sp = line.find_first_of(" \t");
    size_t bar = line.find('|');
    std::string_view key = line.substr(0, sp);
    std::string_view zh, en;
    if (sp != std::string_view::npos && bar != std::string_view::npos && bar > sp) {
      zh = TrimSpace(line.substr(sp, bar - sp));
      en = TrimSpace(line.substr(bar + 1));
    }
    if (zh.empty() || en.empty() || key.find('|') != std::string_view::npos) {
      *err = where + "expected 'key 中文 | English', e.g. 'severity.error 错误 | error'";
      return false;
    }
    if (words_.count(key)) {
      *err = where + "'" + std::string(key) + "' given twice";
      return false;
    }
    words_.emplace(std::string(key), std::make_pair(std::string(zh), std::string(en)));
    return true;
  });
  if (!ok) return false;
  if (words_.empty()) {
    *err = origin + ": no words";
    return false;
  }
  return true;
}

std::string Terms::Get(std::string_view key, Lang lang) const {
  auto it = words_.find(key);
  if (it == words_.end()) return std::string(key);
  return lang == Lang::kZh ? it->second.first : it->second.second;
}

bool Terms::HasPrefix(std::string_view prefix) const {
  auto it = words_.lower_bound(prefix);
  return it != words_.end() && it->first.compare(0, prefix.size(), prefix) == 0;
}

std::string Words::Format(std::string_view key, const std::string& arg) const {
  std::string w = (*this)(key);
  size_t at = w.find("{}");
  if (at == std::string::npos) return w + " " + arg;
  return w.replace(at, 2, arg);
}

}  // namespace jx
