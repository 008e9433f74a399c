// Reading RE2 pattern text without compiling it: what a set needs of a
// pattern, and which named groups it has.
//
// A file's RE2 set only answers whether each pattern matches somewhere in a
// text. For that question a repetition at either end of a pattern needs only
// its least count: "X{2,20}?Y" occurs in a text exactly when "X{2}Y" does (the
// last two X of any match), and "Y\d{3,20}" exactly when "Y\d{3}" does. The
// counted Han and digit classes at the ends of the sentence and meta patterns
// are most of what the sets cost to compile and to run, so the set is built
// from these forms; matches that read groups use the patterns as written.
#ifndef JXAUDIT_BASE_PATTERN_TEXT_H_
#define JXAUDIT_BASE_PATTERN_TEXT_H_

#include <set>
#include <string>
#include <string_view>

namespace jx {

// `pattern` (RE2 syntax, already known to parse) with the repetitions at its
// ends cut to their least count, looking through the groups that open or
// close it. A pattern with a top-level `|`, flags, `\Q...\E` or anything
// else not read here is given back unchanged.
std::string PresenceForm(std::string_view pattern);

// The names of `pattern`'s (?P<name>...) groups, read from its text (RE2
// compiles a pattern to give them: a large program for a counted Unicode
// class). False when the text holds what this reader does not know (\Q...\E,
// a group opener other than RE2's); then only RE2 can tell.
bool GroupNames(std::string_view pattern, std::set<std::string>* names);

}  // namespace jx

#endif  // JXAUDIT_BASE_PATTERN_TEXT_H_
