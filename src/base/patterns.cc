#include "base/patterns.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <set>
#include <unordered_map>

#include "base/pattern_each.h"
#include "base/pattern_text.h"
#include "base/text.h"

namespace jx {

namespace {

// Han-class repetitions make large DFAs; give them room instead of falling
// back to the slower NFA.
constexpr int64_t kSetMaxMem = 64 << 20;

RE2::Options ReOptions(int64_t max_mem) {
  RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_encoding(RE2::Options::EncodingUTF8);
  opts.set_max_mem(max_mem);
  return opts;
}

}  // namespace

PatternFile::Entry::Entry(Entry&& o) noexcept
    : name(std::move(o.name)), pattern(std::move(o.pattern)), line(o.line) {
  re_.store(o.re_.exchange(nullptr));
}

PatternFile::Entry& PatternFile::Entry::operator=(Entry&& o) noexcept {
  if (this != &o) {
    name = std::move(o.name);
    pattern = std::move(o.pattern);
    line = o.line;
    delete re_.exchange(o.re_.exchange(nullptr));
  }
  return *this;
}

PatternFile::Entry::~Entry() { delete re_.load(); }

const RE2& PatternFile::Entry::re() const {
  if (RE2* r = re_.load(std::memory_order_acquire)) return *r;
  // RE2 gives a lone pattern's program two thirds of max_mem, a set all of
  // it: half as much again makes every pattern the set compiled fit alone.
  static const RE2::Options kOpts = ReOptions(kSetMaxMem / 2 * 3);
  auto made = std::make_unique<RE2>(pattern, kOpts);
  RE2* expected = nullptr;
  if (re_.compare_exchange_strong(expected, made.get(), std::memory_order_acq_rel))
    return *made.release();
  return *expected;  // another thread built it first
}

bool PatternFile::Parse(std::string origin, std::string_view content, std::string* err) {
  origin_ = std::move(origin);
  static std::atomic<uint64_t> next_id{1};
  id_ = next_id++;
  entries_.clear();
  by_name_.clear();
  // The set parses every pattern (the same errors as RE2 alone gives); the
  // patterns alone are compiled when first asked.
  set_ = std::make_unique<RE2::Set>(ReOptions(kSetMaxMem), RE2::UNANCHORED);
  std::unique_ptr<RE2::Set> probe;  // parses, never compiled
  int line_no = 0;
  size_t pos = 0, total = 0;
  while (pos <= content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = content.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string_view t = TrimSpace(line);
    if (t.empty() || t.front() == '#') {
      if (nl == content.size()) break;
      continue;
    }
    auto fail = [&](const std::string& msg) {
      *err = origin_ + ":" + std::to_string(line_no) + ": " + msg;
      return false;
    };
    if (t.front() == '@') {
      if (t == "@match key") {
        match_on_key_ = true;
      } else if (t == "@match text") {
        match_on_key_ = false;
      } else {
        return fail("unknown directive '" + std::string(t) + "'");
      }
      continue;
    }
    size_t sp = t.find_first_of(" \t");
    if (sp == std::string_view::npos)
      return fail("expected 'name pattern', found only '" + std::string(t) + "'");
    Entry e;
    e.name = std::string(t.substr(0, sp));
    e.pattern = std::string(TrimSpace(t.substr(sp)));
    e.line = line_no;
    if (entries_.size() >= static_cast<size_t>(kMaxEntries))
      return fail("more than " + std::to_string(kMaxEntries) + " patterns in one file");
    if (e.pattern.size() > kMaxPatternBytes)
      return fail("pattern longer than " + std::to_string(kMaxPatternBytes) + " bytes");
    total += e.pattern.size();
    if (total > kMaxTotalBytes)
      return fail("more than " + std::to_string(kMaxTotalBytes) +
                  " bytes of patterns in one file");
    // The set holds each pattern's presence form (base/pattern_text.h); a pattern
    // that form changes is parsed as written too, for its errors.
    std::string set_err, form = PresenceForm(e.pattern);
    if (form != e.pattern) {
      if (!probe)
        probe = std::make_unique<RE2::Set>(ReOptions(kSetMaxMem), RE2::UNANCHORED);
      if (probe->Add(e.pattern, &set_err) < 0) return fail(set_err);
    }
    if (set_->Add(form, &set_err) < 0) return fail(set_err);
    by_name_[e.name].push_back(entries_.size());
    entries_.push_back(std::move(e));
    if (nl == content.size()) break;
  }
  if (!set_->Compile()) {
    *err = origin_ + ": patterns too large to compile together";
    return false;
  }
  return true;
}

std::string PatternFile::Prepare(std::string_view text) const {
  return match_on_key_ ? MatchKey(text) : CollapseSpace(NormalizeForMatch(text));
}

namespace {

// Reports repeat their labels (every form of a region shares a template), and
// every rule asks about the cells it reads: remember answers per file and text.
// The key's parts are hashed where they lie: a lookup copies nothing and
// allocates nothing. A stored key holds its parts in one string (one heap
// line to compare) and its hash (so the table never hashes it again).
struct MemoView {
  uint64_t owner;
  std::string_view a, b;
};
size_t HashOf(const MemoView& k) {
  size_t h = std::hash<std::string_view>{}(k.b);
  h ^= std::hash<std::string_view>{}(k.a) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  return h ^ (k.owner * 0xff51afd7ed558ccdULL);
}
struct MemoKey {
  uint64_t owner;
  size_t hash;
  size_t a_size;
  std::string ab;  // a then b
  MemoView View() const {
    std::string_view v(ab);
    return {owner, v.substr(0, a_size), v.substr(a_size)};
  }
};
struct MemoHash {
  using is_transparent = void;
  size_t operator()(const MemoView& k) const { return HashOf(k); }
  size_t operator()(const MemoKey& k) const { return k.hash; }
};
struct MemoEq {
  using is_transparent = void;
  static MemoView View(const MemoKey& k) { return k.View(); }
  static MemoView View(const MemoView& k) { return k; }
  template <typename X, typename Y>
  bool operator()(const X& x, const Y& y) const {
    MemoView u = View(x), v = View(y);
    return u.owner == v.owner && u.a.size() == v.a.size() && u.b == v.b && u.a == v.a;
  }
};

template <typename V>
class Memo {
 public:
  const V* Find(uint64_t owner, std::string_view a, std::string_view b) {
    auto it = map_.find(MemoView{owner, a, b});
    return it == map_.end() ? nullptr : &it->second;
  }
  void Put(uint64_t owner, std::string_view a, std::string_view b, V v) {
    if (map_.size() > 500000) map_.clear();
    MemoView view{owner, a, b};
    std::string ab;
    ab.reserve(a.size() + b.size());
    ab.append(a).append(b);
    map_.emplace(MemoKey{owner, HashOf(view), a.size(), std::move(ab)}, std::move(v));
  }

 private:
  std::unordered_map<MemoKey, V, MemoHash, MemoEq> map_;
};

}  // namespace

int PatternFile::FirstIndexPrepared(std::string_view prepared) const {
  if (entries_.empty()) return -1;
  thread_local Memo<int> memo;
  if (prepared.size() <= 256) {
    if (const int* hit = memo.Find(id_, "", prepared)) return *hit;
  }
  std::vector<int> hits;
  int best = -1;
  if (set_->Match(re2::StringPiece(prepared.data(), prepared.size()), &hits) &&
      !hits.empty()) {
    best = hits[0];
    for (int h : hits) best = std::min(best, h);
  }
  if (prepared.size() <= 256) memo.Put(id_, "", prepared, best);
  return best;
}

std::string_view PatternFile::FirstNamePrepared(std::string_view prepared) const {
  int i = FirstIndexPrepared(prepared);
  return i < 0 ? std::string_view() : entries_[static_cast<size_t>(i)].name;
}

std::string_view PatternFile::FirstName(std::string_view text) const {
  // Keyed by the text as given too (a memo of its own), so that a label
  // asked again skips its normalization.
  thread_local Memo<int> memo;
  int i = -1;
  const int* hit = text.size() <= 256 ? memo.Find(id_, "", text) : nullptr;
  if (hit) {
    i = *hit;
  } else {
    i = FirstIndexPrepared(Prepare(text));
    if (text.size() <= 256) memo.Put(id_, "", text, i);
  }
  return i < 0 ? std::string_view() : entries_[static_cast<size_t>(i)].name;
}

std::vector<std::string_view> PatternFile::NamesMatching(
    std::string_view prepared) const {
  std::vector<std::string_view> names;
  std::vector<int> hits;
  if (entries_.empty() ||
      !set_->Match(re2::StringPiece(prepared.data(), prepared.size()), &hits))
    return names;
  for (int h : hits) {
    std::string_view n = entries_[static_cast<size_t>(h)].name;
    if (!Contains(names, n)) names.push_back(n);
  }
  return names;
}

const std::vector<size_t>* PatternFile::IndexesNamed(std::string_view name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : &it->second;
}

std::vector<const PatternFile::Entry*> PatternFile::Named(std::string_view name) const {
  std::vector<const Entry*> out;
  if (const std::vector<size_t>* at = IndexesNamed(name))
    for (size_t i : *at) out.push_back(&entries_[i]);
  return out;
}

bool PatternFile::Has(std::string_view name) const {
  return IndexesNamed(name) != nullptr;
}

bool PatternFile::Matches(std::string_view name, std::string_view text) const {
  thread_local Memo<bool> memo;
  bool cacheable = text.size() <= 256;
  if (cacheable) {
    if (const bool* hit = memo.Find(id_, name, text)) return *hit;
  }
  bool found = false;
  if (const std::vector<size_t>* at = IndexesNamed(name)) {
    const std::string p = Prepare(text);
    for (size_t i : *at)
      if (RE2::PartialMatch(p, entries_[i].re())) {
        found = true;
        break;
      }
  }
  if (cacheable) memo.Put(id_, name, text, found);
  return found;
}

const std::string& PatternFile::Match::group(const std::string& g) const {
  static const std::string kEmpty;
  auto it = groups.find(g);
  return it == groups.end() ? kEmpty : it->second;
}

namespace {

// Leftmost match of one entry from `pos`: the DFA finds the span, then the
// submatches are read on that span only (much cheaper than an unanchored
// submatch search over a long line).
bool MatchAt(const PatternFile::Entry& e, re2::StringPiece text, size_t pos,
             PatternFile::Match* out) {
  re2::StringPiece whole;
  const RE2& re = e.re();
  if (!re.Match(text, pos, text.size(), RE2::UNANCHORED, &whole, 1)) return false;
  size_t b = static_cast<size_t>(whole.data() - text.data());
  size_t end = b + whole.size();
  int n = re.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> sub(static_cast<size_t>(n));
  if (n > 1 && !re.Match(text, b, end, RE2::ANCHOR_BOTH, sub.data(), n)) return false;
  out->entry = &e;
  out->begin = b;
  out->end = end;
  out->groups.clear();
  for (const auto& [gname, idx] : re.NamedCapturingGroups()) {
    const re2::StringPiece& g = sub[static_cast<size_t>(idx)];
    if (g.data() != nullptr) out->groups[gname] = std::string(g.data(), g.size());
  }
  return true;
}

}  // namespace

void FindEach(const PatternFile& file, std::string_view name, std::string_view prepared,
              const std::function<void(PatternFile::Match&)>& take) {
  using Match = PatternFile::Match;
  std::vector<const PatternFile::Entry*> entries = file.Named(name);
  if (entries.empty()) return;
  re2::StringPiece text(prepared.data(), prepared.size());
  size_t pos = 0;
  while (pos <= prepared.size()) {
    Match best;
    bool found = false;
    for (const PatternFile::Entry* e : entries) {
      Match m;
      if (!MatchAt(*e, text, pos, &m)) continue;
      if (found && m.begin >= best.begin) continue;
      best = std::move(m);
      found = true;
    }
    if (!found) break;
    pos = best.end > best.begin ? best.end : best.begin + 1;
    take(best);
  }
}

std::vector<PatternFile::Match> PatternFile::FindAll(std::string_view name,
                                                     std::string_view prepared) const {
  std::vector<Match> out;
  FindEach(*this, name, prepared, [&](Match& m) { out.push_back(std::move(m)); });
  return out;
}

bool PatternFile::FindFirst(std::string_view name, std::string_view prepared,
                            Match* m) const {
  re2::StringPiece text(prepared.data(), prepared.size());
  bool found = false;
  const std::vector<size_t>* at = IndexesNamed(name);
  if (!at) return false;
  for (size_t i : *at) {
    const Entry& e = entries_[i];
    Match cur;
    if (!MatchAt(e, text, 0, &cur)) continue;
    if (found && cur.begin >= m->begin) continue;
    *m = std::move(cur);
    found = true;
  }
  return found;
}

namespace {

// Reads a pattern file, refusing anything but a regular file: opening a FIFO
// would wait for a writer forever, and a device never ends.
bool ReadPatternFile(const std::filesystem::path& p, const std::string& origin,
                     std::string* out, std::string* err) {
  constexpr off_t kMaxBytes = 16 << 20;
  int fd = ::open(p.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    *err = origin + ": cannot read " + p.string() + ": " + std::strerror(errno);
    return false;
  }
  struct stat st;
  bool ok = ::fstat(fd, &st) == 0;
  if (ok && !S_ISREG(st.st_mode)) {
    *err = origin + ": not a regular file";
    ::close(fd);
    return false;
  }
  if (ok && st.st_size > kMaxBytes) {
    *err = origin + ": too large (" + std::to_string(st.st_size) + " bytes, limit " +
           std::to_string(kMaxBytes) + ")";
    ::close(fd);
    return false;
  }
  out->clear();
  char buf[1 << 16];
  while (ok) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ok = n == 0;
      break;
    }
    out->append(buf, static_cast<size_t>(n));
    if (out->size() > static_cast<size_t>(kMaxBytes)) ok = false;
  }
  ::close(fd);
  if (!ok) *err = origin + ": cannot read " + p.string();
  return ok;
}

// Splits a line into words at spaces and tabs.
std::vector<std::string> SplitWords(std::string_view line) {
  std::vector<std::string> parts;
  std::string cur;
  for (char c : line) {
    if (c == ' ' || c == '\t') {
      if (!cur.empty()) parts.push_back(std::move(cur)), cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) parts.push_back(std::move(cur));
  return parts;
}

}  // namespace

bool Patterns::ParseGrades(const std::string& origin, std::string_view content,
                           std::string* err) {
  grades_.clear();
  auto numeric = [](const std::string& s) {
    if (s.empty()) return false;
    bool dot = false;
    for (char c : s) {
      if (c == '.' && !dot)
        dot = true;
      else if (c < '0' || c > '9')
        return false;
    }
    return true;
  };
  bool ok = ForEachDataLine(content, [&](std::string_view line, int line_no) {
    std::vector<std::string> parts = SplitWords(line);
    if (parts.size() != 3 || !numeric(parts[1]) || !numeric(parts[2])) {
      *err = origin + ":" + std::to_string(line_no) +
             ": expected 'grade low high', e.g. '良 80 90'";
      return false;
    }
    grades_.push_back({parts[0], parts[1], parts[2], line_no});
    return true;
  });
  if (!ok) return false;
  if (grades_.empty()) {
    *err = origin + ": no grade bands";
    return false;
  }
  return true;
}

bool Patterns::ParseRuleTitles(const std::string& origin, std::string_view content,
                               std::string* err) {
  rule_titles_.clear();
  return ForEachDataLine(content, [&](std::string_view line, int line_no) {
    size_t space = line.find_first_of(" \t");
    size_t bar = line.find('|');
    std::string_view id = line.substr(0, std::min(space, line.size()));
    std::string_view zh, en;
    if (space != std::string_view::npos && bar != std::string_view::npos && bar > space) {
      zh = TrimSpace(line.substr(space, bar - space));
      en = TrimSpace(line.substr(bar + 1));
    }
    if (zh.empty() || en.empty()) {
      *err = origin + ":" + std::to_string(line_no) +
             ": expected 'rule-id  中文标题 | English title'";
      return false;
    }
    if (!rule_titles_
             .emplace(std::string(id),
                      RuleTitle{std::string(zh), std::string(en), line_no})
             .second) {
      *err = origin + ":" + std::to_string(line_no) + ": rule '" + std::string(id) +
             "' has a title already";
      return false;
    }
    return true;
  });
}

bool Patterns::ParseGroups(const std::string& origin, std::string_view content,
                           std::string* err) {
  groups_.clear();
  return ForEachDataLine(content, [&](std::string_view line, int line_no) {
    std::vector<std::string> parts = SplitWords(line);
    if (parts.size() < 3) {
      *err = origin + ":" + std::to_string(line_no) +
             ": expected 'file pattern group...', e.g. 'sentences figure label num unit'";
      return false;
    }
    auto& groups = groups_[parts[0]][parts[1]];
    groups.insert(groups.end(), parts.begin() + 2, parts.end());
    return true;
  });
}

bool Patterns::CheckGroups(const std::string& name, const PatternFile& f,
                           std::string* err) const {
  auto file = groups_.find(name);
  if (file == groups_.end()) return true;
  for (const PatternFile::Entry& e : f.entries()) {
    auto want = file->second.find(e.name);
    if (want == file->second.end()) continue;
    // Read from the text, so that the pattern is still compiled only when
    // first matched (in the worker that needs it).
    std::set<std::string> have;
    if (!GroupNames(e.pattern, &have))
      for (const auto& [g, index] : e.re().NamedCapturingGroups()) have.insert(g);
    for (const std::string& g : want->second) {
      if (have.count(g)) continue;
      *err = f.origin() + ":" + std::to_string(e.line) + ": pattern '" + e.name +
             "' needs group (?P<" + g + ">)";
      return false;
    }
  }
  return true;
}

bool Patterns::Add(const std::string& name, const std::string& origin,
                   std::string_view content, std::string* err) {
  auto f = std::make_unique<PatternFile>();
  if (!f->Parse(origin, content, err)) return false;
  if (!CheckGroups(name, *f, err)) return false;
  files_[name] = std::move(f);
  return true;
}

bool Patterns::LoadDir(const std::string& dir, std::string* err) {
  for (const std::string& name : RequiredFiles()) {
    std::filesystem::path p = std::filesystem::path(dir) / (name + ".txt");
    std::string origin = "patterns/" + name + ".txt", content;
    if (!ReadPatternFile(p, origin, &content, err)) return false;
    if (!Add(name, origin, content, err)) return false;
  }
  std::string content;
  std::filesystem::path g = std::filesystem::path(dir) / "grades.txt";
  if (!ReadPatternFile(g, "patterns/grades.txt", &content, err)) return false;
  if (!ParseGrades("patterns/grades.txt", content, err)) return false;
  std::filesystem::path rt = std::filesystem::path(dir) / "rules.txt";
  if (!ReadPatternFile(rt, "patterns/rules.txt", &content, err)) return false;
  if (!ParseRuleTitles("patterns/rules.txt", content, err)) return false;
  std::filesystem::path w = std::filesystem::path(dir) / "workbook.txt";
  if (!ReadPatternFile(w, "patterns/workbook.txt", &content, err)) return false;
  if (!ParseTerms("patterns/workbook.txt", content, err)) return false;
  // One file holds the rules' titles; the workbooks find them among their words.
  for (const auto& [id, t] : rule_titles_) terms_.Add("rule." + id, t.zh, t.en);
  // Read last, so that an error in a pattern file is what a broken directory
  // reports first; then every file loaded so far is checked.
  std::filesystem::path gr = std::filesystem::path(dir) / "groups.txt";
  if (!ReadPatternFile(gr, "patterns/groups.txt", &content, err)) return false;
  if (!ParseGroups("patterns/groups.txt", content, err)) return false;
  for (const auto& [name, f] : files_)
    if (!CheckGroups(name, *f, err)) return false;
  return true;
}

const PatternFile* Patterns::file(std::string_view name) const {
  auto it = files_.find(name);
  return it == files_.end() ? nullptr : it->second.get();
}

const std::vector<std::string>& Patterns::RequiredFiles() {
  static const std::vector<std::string> kFiles = {
      "header", "layout", "units",   "labels",  "structure", "sentences",
      "meta",   "kinds",  "columns", "scoring", "disclosure"};
  return kFiles;
}

std::string Patterns::DefaultDir(const std::string& argv0) {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("JXAUDIT_PATTERNS"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::canonical("/proc/self/exe", ec);
  if (ec) exe = fs::absolute(argv0, ec);
  if (!ec) {
    fs::path bin = exe.parent_path();
    for (fs::path cand :
         {bin / "../share/jxaudit/patterns", bin / "../patterns", bin / "patterns"}) {
      if (fs::exists(cand / "header.txt", ec)) return cand.lexically_normal();
    }
  }
  return JXAUDIT_SOURCE_PATTERNS;
}

}  // namespace jx
