#include "base/patterns.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/text.h"

namespace jx {

bool PatternFile::Parse(std::string origin, std::string_view content, std::string* err) {
  origin_ = std::move(origin);
  entries_.clear();
  RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_encoding(RE2::Options::EncodingUTF8);
  set_ = std::make_unique<RE2::Set>(opts, RE2::UNANCHORED);
  int line_no = 0;
  size_t pos = 0;
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
    e.re = std::make_unique<RE2>(e.pattern, opts);
    if (!e.re->ok()) return fail(e.re->error());
    std::string set_err;
    if (set_->Add(e.pattern, &set_err) < 0) return fail(set_err);
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

std::string_view PatternFile::FirstName(std::string_view text) const {
  std::string p = Prepare(text);
  return FirstNamePrepared(p);
}

std::string_view PatternFile::FirstNamePrepared(std::string_view prepared) const {
  if (entries_.empty()) return {};
  std::vector<int> hits;
  if (!set_->Match(re2::StringPiece(prepared.data(), prepared.size()), &hits) ||
      hits.empty())
    return {};
  int best = hits[0];
  for (int h : hits) best = std::min(best, h);
  return entries_[static_cast<size_t>(best)].name;
}

std::vector<const PatternFile::Entry*> PatternFile::Named(std::string_view name) const {
  std::vector<const Entry*> out;
  for (const Entry& e : entries_)
    if (e.name == name) out.push_back(&e);
  return out;
}

bool PatternFile::Has(std::string_view name) const {
  for (const Entry& e : entries_)
    if (e.name == name) return true;
  return false;
}

bool PatternFile::Matches(std::string_view name, std::string_view text) const {
  std::string p;
  bool prepared = false;
  for (const Entry& e : entries_) {
    if (e.name != name) continue;
    if (!prepared) p = Prepare(text), prepared = true;
    if (RE2::PartialMatch(p, *e.re)) return true;
  }
  return false;
}

bool Patterns::Add(const std::string& name, const std::string& origin,
                   std::string_view content, std::string* err) {
  auto f = std::make_unique<PatternFile>();
  if (!f->Parse(origin, content, err)) return false;
  files_[name] = std::move(f);
  return true;
}

bool Patterns::LoadDir(const std::string& dir, std::string* err) {
  for (const std::string& name : RequiredFiles()) {
    std::filesystem::path p = std::filesystem::path(dir) / (name + ".txt");
    std::ifstream in(p, std::ios::binary);
    std::string origin = "patterns/" + name + ".txt";
    if (!in) {
      *err = origin + ": cannot read " + p.string();
      return false;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    if (!Add(name, origin, ss.str(), err)) return false;
  }
  return true;
}

const PatternFile* Patterns::file(std::string_view name) const {
  auto it = files_.find(name);
  return it == files_.end() ? nullptr : it->second.get();
}

const std::vector<std::string>& Patterns::RequiredFiles() {
  static const std::vector<std::string> kFiles = {"header", "layout"};
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
