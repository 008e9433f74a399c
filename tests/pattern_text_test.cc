#include "base/pattern_text.h"

#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "base/patterns.h"
#include "base/text.h"
#include "tests/test_util.h"

using namespace jx;
using jx::test::ReadFile;
using jx::test::SamplePath;
using jx::test::SeedSamples;

TEST_CASE("A presence form cuts the repetitions at both ends to their least count",
          "[base][patterns]") {
  CHECK(PresenceForm("(?P<label>[\\p{Han}“”]{2,20}?)(?P<num>[0-9]+)元") ==
        "(?P<label>(?:[\\p{Han}“”]){2})(?P<num>[0-9]+)元");
  CHECK(PresenceForm("编码:(?P<v>\\p{Nd}{3,20})") == "编码:(?P<v>(?:\\p{Nd}){3})");
  // What can be left out entirely is, and the next item is looked at.
  CHECK(PresenceForm("(?P<a>\\p{Han}{0,12}?)(?:预算)?调整数(?P<b>.*)") == "调整数");
  CHECK(PresenceForm("x+y*") == "(?:x)");
  // Classes holding ) and ], and escapes, are read as one item.
  CHECK(PresenceForm("[)\\]]{2,5}?x") == "(?:[)\\]]){2}x");
  CHECK(PresenceForm("[[:digit:]]+年") == "(?:[[:digit:]])年");
  CHECK(PresenceForm("\\x{4e00}{1,3}a\\012{2,}") == "(?:\\x{4e00})a(?:\\012){2}");
  // A literal '{' is no count.
  CHECK(PresenceForm("a{x") == "a{x");
}

TEST_CASE("A presence form leaves alone what it does not read", "[base][patterns]") {
  for (const char* p : {"^\\p{Han}{2,4}$", "\\d{4}年", "a{2,5}|b", "(?i)a{2,5}",
                        "(?:a{2,5}|b)c", "\\Qa+\\E", "(?i:x)+y", "年(?:a|b)"}) {
    INFO(p);
    CHECK(PresenceForm(p) == p);
  }
  // An anchor keeps what it holds to the text's start or end.
  CHECK(PresenceForm("^x+") == "^(?:x)");
  CHECK(PresenceForm("x+$") == "(?:x)$");
}

namespace {

// Every string of up to `len` characters over `alphabet`.
std::vector<std::string> AllStrings(const std::vector<std::string>& alphabet, int len) {
  std::vector<std::string> out = {""}, level = {""};
  for (int n = 0; n < len; ++n) {
    std::vector<std::string> next;
    for (const std::string& s : level)
      for (const std::string& a : alphabet) next.push_back(s + a);
    out.insert(out.end(), next.begin(), next.end());
    level = std::move(next);
  }
  return out;
}

}  // namespace

TEST_CASE("A presence form matches somewhere exactly when its pattern does",
          "[base][patterns]") {
  const std::vector<std::string> texts = AllStrings({"甲", "1", "(", ")", "元", "a"}, 6);
  for (const char* p :
       {"(?P<l>(?:[\\p{Han}]|\\([^\\x00-\\x7f][\\p{Han}]{0,2}\\)){2,4}?)(?P<n>1+)元",
        "(?P<l>\\p{Han}{0,3}?)1{1,2}(?:元)?", "a(?P<v>[1甲]{2,4})", "^甲(?P<v>1{1,3})",
        "(?:甲1){2,3}a*", "元1+", "(?:(?P<x>甲{2,}?)1)元?"}) {
    const std::string form = PresenceForm(p);
    INFO(p << " as " << form);
    CHECK(form != p);
    RE2 a(p), b(form);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    int differ = 0;
    for (const std::string& t : texts)
      differ += RE2::PartialMatch(t, a) != RE2::PartialMatch(t, b);
    CHECK(differ == 0);
  }
}

TEST_CASE("The project's patterns find the same lines of the samples through the set",
          "[base][patterns]") {
  Patterns p;
  std::string err;
  REQUIRE(p.LoadDir(JXAUDIT_PATTERNS_DIR, &err));
  std::vector<std::string> lines;
  for (const std::string& name : SeedSamples()) {
    std::istringstream in(ReadFile(SamplePath(name)));
    for (std::string l; std::getline(in, l);) lines.push_back(MatchKey(l));
  }
  int cut = 0, hits = 0;
  for (const std::string& name : Patterns::RequiredFiles())
    for (const PatternFile::Entry& e : p.file(name)->entries()) {
      const std::string form = PresenceForm(e.pattern);
      if (form == e.pattern) continue;
      ++cut;
      RE2 b(form);
      INFO(name << ":" << e.line << " as " << form);
      REQUIRE(b.ok());
      int differ = 0;
      for (const std::string& l : lines) {
        const bool here = RE2::PartialMatch(l, e.re());
        hits += here;
        differ += here != RE2::PartialMatch(l, b);
      }
      CHECK(differ == 0);
    }
  CHECK(cut > 5);     // the sentence and meta patterns are cut
  CHECK(hits > 100);  // and the lines exercise them
}

TEST_CASE("Group names are read from a pattern's text as RE2 reads them",
          "[base][patterns]") {
  std::set<std::string> names;
  REQUIRE(GroupNames("(?P<a>x)\\(?P<b>y\\)[(?P<c>]((?P<d>z)|(?:w))", &names));
  CHECK(names == std::set<std::string>{"a", "d"});
  names.clear();
  CHECK_FALSE(GroupNames("\\Q(?P<a>\\E", &names));
  CHECK_FALSE(GroupNames("(?<a>x)", &names));
  // The project's patterns: what the text says is what RE2 compiled.
  Patterns p;
  std::string err;
  REQUIRE(p.LoadDir(JXAUDIT_PATTERNS_DIR, &err));
  for (const std::string& name : Patterns::RequiredFiles())
    for (const PatternFile::Entry& e : p.file(name)->entries()) {
      INFO(name << ":" << e.line);
      std::set<std::string> text, compiled;
      REQUIRE(GroupNames(e.pattern, &text));
      for (const auto& [g, index] : e.re().NamedCapturingGroups()) compiled.insert(g);
      CHECK(text == compiled);
    }
}

TEST_CASE("A pattern the groups file names is not compiled at load", "[base][patterns]") {
  Patterns p;
  std::string err;
  REQUIRE(p.LoadDir(JXAUDIT_PATTERNS_DIR, &err));
  // Its groups were checked (a missing one refuses the load, tested above);
  // compiling it waits for its first match, so a one-line check never pays
  // for the sentence patterns' counted Han classes.
  for (const PatternFile::Entry& e : p.file("sentences")->entries()) {
    INFO(e.line);
    CHECK_FALSE(e.compiled());
  }
}
