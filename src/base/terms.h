// The words the workbooks print (sheet names, column headers, severities,
// and the rule titles of patterns/rules.txt as "rule.<id>"), in Chinese and
// in English, from patterns/workbook.txt: data,
// so that an auditor can reword a header without recompiling.
//
// File format (one entry per line):
//   # comment
//   key  中文 | English
// The key is the first word; the rest is split at the first '|'.
#ifndef JXAUDIT_BASE_TERMS_H_
#define JXAUDIT_BASE_TERMS_H_

#include <map>
#include <string>
#include <string_view>

namespace jx {

enum class Lang { kZh, kEn };
// "zh" or "en".
bool ParseLang(std::string_view text, Lang* lang);

class Terms {
 public:
  // Parses `content`; `origin` ("patterns/workbook.txt") prefixes every error
  // with the line: "patterns/workbook.txt:3: expected 'key 中文 | English'".
  bool Parse(const std::string& origin, std::string_view content, std::string* err);

  bool Has(std::string_view key) const { return words_.count(key) > 0; }
  // Adds a word kept in another file (the rules' titles, patterns/rules.txt);
  // a key already given keeps its words.
  void Add(std::string key, std::string zh, std::string en) {
    words_.emplace(std::move(key), std::make_pair(std::move(zh), std::move(en)));
  }
  // The word for `key`, or the key itself when the file has none: a pattern
  // directory that lacks a newer key still gives a readable workbook.
  std::string Get(std::string_view key, Lang lang) const;
  // Whether some key starts with `prefix` (which columns have value words).
  bool HasPrefix(std::string_view prefix) const;

 private:
  std::map<std::string, std::pair<std::string, std::string>, std::less<>> words_;
};

// Terms in one language: what a workbook writer is handed.
class Words {
 public:
  Words(const Terms& terms, Lang lang) : terms_(&terms), lang_(lang) {}
  std::string operator()(std::string_view key) const { return terms_->Get(key, lang_); }
  bool Has(std::string_view key) const { return terms_->Has(key); }
  bool HasPrefix(std::string_view prefix) const { return terms_->HasPrefix(prefix); }
  // `key`'s word with its "{}" replaced by `arg` ("第{}行" → "第12行").
  std::string Format(std::string_view key, const std::string& arg) const;
  Lang lang() const { return lang_; }

 private:
  const Terms* terms_;
  Lang lang_;
};

}  // namespace jx

#endif  // JXAUDIT_BASE_TERMS_H_
