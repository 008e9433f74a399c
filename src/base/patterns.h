// Patterns are data: every regular expression, label synonym and unit word the
// stages use lives in patterns/*.txt, checked at load. Each file's set of
// patterns (their presence forms, base/pattern_text.h) is compiled at load; a
// pattern on its own is compiled the first time it is asked (most are only
// ever read through the set).
//
// File format (one entry per line):
//   # comment
//   @match key|text     how cell text is prepared before matching (default key)
//   name  <white space>  RE2 pattern
// Several lines may share a name; they are alternatives, tried in file order.
//
// patterns/groups.txt says which named groups the code reads from a match
// ("sentences figure label num unit"); an entry without one is refused at
// load, so a figure cannot be silently lost to a renamed group.
#ifndef JXAUDIT_BASE_PATTERNS_H_
#define JXAUDIT_BASE_PATTERNS_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/terms.h"

namespace jx {

class PatternFile {
 public:
  class Entry {
   public:
    std::string name;
    std::string pattern;
    int line = 0;

    Entry() = default;
    Entry(Entry&& o) noexcept;
    Entry& operator=(Entry&& o) noexcept;
    ~Entry();
    // The pattern compiled alone, built on first call (safe across threads).
    const RE2& re() const;
    // Whether re() has been built.
    bool compiled() const { return re_.load(std::memory_order_acquire) != nullptr; }

   private:
    mutable std::atomic<RE2*> re_{nullptr};
  };

  // Parses and compiles `content`; `origin` ("patterns/header.txt") prefixes
  // every error, with the line: "patterns/header.txt:12: missing )".
  bool Parse(std::string origin, std::string_view content, std::string* err);

  // What one file may hold. RE2 combines a file's patterns into one set; past
  // about a million parse nodes its walkers print internals to stderr and
  // give up, so a file is refused well before that, at the line over the limit.
  static constexpr int kMaxEntries = 2000;
  static constexpr size_t kMaxPatternBytes = 4096;
  static constexpr size_t kMaxTotalBytes = 128 << 10;

  // The text as the patterns of this file expect to see it.
  std::string Prepare(std::string_view text) const;

  // Name of the first entry (file order) matching `text`, or "" when none.
  // `text` is prepared first.
  std::string_view FirstName(std::string_view text) const;
  // Same, on text already prepared.
  std::string_view FirstNamePrepared(std::string_view prepared) const;

  // The names with at least one entry matching `prepared`: one DFA pass over
  // all entries, so callers can skip the names that cannot match.
  std::vector<std::string_view> NamesMatching(std::string_view prepared) const;
  static bool Contains(const std::vector<std::string_view>& names,
                       std::string_view name) {
    for (std::string_view n : names)
      if (n == name) return true;
    return false;
  }

  // Every entry with this name, in file order (empty when none).
  std::vector<const Entry*> Named(std::string_view name) const;
  bool Has(std::string_view name) const;
  // True when an entry with this name matches `text` (prepared first).
  bool Matches(std::string_view name, std::string_view text) const;

  // A match of a pattern with named groups, on prepared text.
  struct Match {
    const Entry* entry = nullptr;
    size_t begin = 0, end = 0;  // byte offsets into the prepared text
    std::map<std::string, std::string, std::less<>> groups;
    const std::string& group(const std::string& g) const;
  };
  // Every non-overlapping match of the entries called `name`, left to right
  // (at one position the earliest entry wins).
  std::vector<Match> FindAll(std::string_view name, std::string_view prepared) const;
  // The first match of `name` in `prepared`, if any.
  bool FindFirst(std::string_view name, std::string_view prepared, Match* m) const;

  const std::vector<Entry>& entries() const { return entries_; }
  const std::string& origin() const { return origin_; }

 private:
  // Index of the first entry matching `prepared`, or -1.
  int FirstIndexPrepared(std::string_view prepared) const;
  // The indexes of the entries called `name`, in file order (null when none):
  // the rules ask by name for every cell they read.
  const std::vector<size_t>* IndexesNamed(std::string_view name) const;

  std::string origin_;
  uint64_t id_ = 0;  // unique per Parse(): keys the answer memo
  bool match_on_key_ = true;
  std::vector<Entry> entries_;
  std::map<std::string, std::vector<size_t>, std::less<>> by_name_;
  std::unique_ptr<RE2::Set> set_;
};

// A grade band from patterns/grades.txt: low <= score < high (the top band
// includes its high end).
struct GradeBand {
  std::string grade;
  std::string low, high;  // decimal text as written
  int line = 0;
};

// A rule's title from patterns/rules.txt, in both languages.
struct RuleTitle {
  std::string zh, en;
  int line = 0;
};

class Patterns {
 public:
  // Loads every required file from `dir` (name → dir/name.txt).
  bool LoadDir(const std::string& dir, std::string* err);
  // Adds one file from memory; used by tests and by LoadDir.
  bool Add(const std::string& name, const std::string& origin, std::string_view content,
           std::string* err);

  // Never null for a file in RequiredFiles() once LoadDir succeeded.
  const PatternFile* file(std::string_view name) const;

  // The files the stages read.
  static const std::vector<std::string>& RequiredFiles();

  // patterns/groups.txt: "file name group..." per line, the named groups the
  // stages read from a match of that pattern.
  bool ParseGroups(const std::string& origin, std::string_view content, std::string* err);
  // Every entry of `f` (loaded as `name`) has the groups patterns/groups.txt
  // asks of it; else "patterns/sentences.txt:12: pattern 'figure' needs
  // group (?P<num>)".
  bool CheckGroups(const std::string& name, const PatternFile& f, std::string* err) const;

  // patterns/grades.txt (not RE2): "grade low high" per line.
  bool ParseGrades(const std::string& origin, std::string_view content, std::string* err);
  const std::vector<GradeBand>& grades() const { return grades_; }

  // patterns/rules.txt (not RE2): "rule-id  中文标题 | English title" per line.
  bool ParseRuleTitles(const std::string& origin, std::string_view content,
                       std::string* err);
  // Rule id → its titles.
  const std::map<std::string, RuleTitle, std::less<>>& rule_titles() const {
    return rule_titles_;
  }
  // patterns/workbook.txt (not RE2): the words of the workbooks.
  bool ParseTerms(const std::string& origin, std::string_view content, std::string* err) {
    return terms_.Parse(origin, content, err);
  }
  const Terms& terms() const { return terms_; }

  // Where patterns are looked for when no --patterns is given: $JXAUDIT_PATTERNS,
  // then beside the installed binary, then the source tree it was built from.
  static std::string DefaultDir(const std::string& argv0);

 private:
  std::map<std::string, std::unique_ptr<PatternFile>, std::less<>> files_;
  std::vector<GradeBand> grades_;
  std::map<std::string, RuleTitle, std::less<>> rule_titles_;
  Terms terms_;
  // file → pattern name → groups the code reads.
  std::map<std::string, std::map<std::string, std::vector<std::string>>> groups_;
};

}  // namespace jx

#endif  // JXAUDIT_BASE_PATTERNS_H_
