// UTF-8 helpers and the normalization used for matching (never for output).
#ifndef JXAUDIT_BASE_TEXT_H_
#define JXAUDIT_BASE_TEXT_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace jx {

// Lets hash maps keyed by std::string be searched with a string_view, without
// building a temporary string per lookup.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// True when `s` holds one of 0-9 (a scan, not find_first_of's memchr per byte).
inline bool HasAsciiDigit(std::string_view s) {
  for (char c : s)
    if (c >= '0' && c <= '9') return true;
  return false;
}

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates).
bool IsValidUtf8(std::string_view s);

// Radical code points a text holds in place of the ideographs they look like
// (⽬ KANGXI RADICAL EYE for 目, ⻔ CJK RADICAL C-SIMPLIFIED GATE for 门): a
// PDF producer whose font maps a glyph to both writes the radical, and text
// copied from such a PDF keeps it. Each becomes its ideograph (Kangxi
// radicals by NFKC, the supplement's by Unicode's equivalent unified
// ideograph); true when `s` changed. Text without them is not touched.
bool FoldRadicals(std::string* s);

// NFKC, then the comparison signs NFKC leaves alone folded to one spelling
// (≧→≥, ≦→≤, ＜→<, ＞→>, −→-), so patterns need to know one form only.
std::string NormalizeForMatch(std::string_view s);

// NormalizeForMatch with all white space (ASCII, U+3000, NBSP ...) removed:
// the key used to compare labels such as "合      计" and "合计".
std::string MatchKey(std::string_view s);

// U+3000 IDEOGRAPHIC SPACE in UTF-8: a CJK text's space, two columns wide.
inline constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";

// Trims ASCII white space and U+3000 IDEOGRAPHIC SPACE from both ends.
std::string_view TrimSpace(std::string_view s);

// True when the text holds nothing but white space (including U+3000, NBSP).
bool IsBlank(std::string_view s);

// Collapses every run of white space to one ASCII space and trims.
std::string CollapseSpace(std::string_view s);

// A key whose byte order is the order of Chinese dictionaries (pinyin, then
// strokes; Latin letters and digits as readers expect), so that unit names
// sort as an auditor looks them up. Keys compare with operator<.
std::string SortKey(std::string_view s);

// The lines of a data file (patterns/*.txt) that are not blank or comments, trimmed, with
// their 1-based numbers; stops at the first `f` that returns false.
template <typename F>
inline bool ForEachDataLine(std::string_view content, F f) {
  int line_no = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = TrimSpace(content.substr(pos, nl - pos));
    pos = nl + 1;
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    if (!f(line, line_no)) return false;
  }
  return true;
}

// Splits on '\t'. "a\t\tb" gives {"a", "", "b"}.
std::vector<std::string> SplitTabs(std::string_view s);

// Number of code points (for width decisions, not display width).
size_t CodePointCount(std::string_view s);

// Code points before the first place a line may break (Unicode line
// breaking): "（类）" of "（类）支出", "7.53" of "7.53万元", a Latin word. What a
// producer could not fit at the end of the line above; 0 for empty text.
size_t LeadingUnbreakable(std::string_view s);

// True when the text's last character, closing quotes and brackets aside,
// ends a sentence (Unicode sentence terminators: 。 ！ ？ . and the like).
bool EndsSentence(std::string_view s);

// Document text and file names as a line of terminal or text output: control
// characters (C0, DEL, C1: escapes that set a title, clear the screen or
// conceal text; a newline that would split a finding line) and bytes that
// are not UTF-8 (a GBK file name) are shown as escapes ("\x1b", "\n",
// "\u009b"), so what is printed is always what the document holds, visibly.
std::string ShowControls(std::string_view s);

// Text for a spreadsheet cell: well-formed UTF-8 (a byte that is not becomes
// U+FFFD), without the control characters XML 1.0 cannot hold (shown as
// "\x01"), and at most `max_units` UTF-16 units (Excel counts those), cut at
// a character boundary with `marker` appended.
std::string CellText(std::string_view s, size_t max_units, std::string_view marker);

}  // namespace jx

#endif  // JXAUDIT_BASE_TEXT_H_
