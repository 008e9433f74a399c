#include "ingest/own_output.h"

#include <algorithm>
#include <fstream>
#include <vector>

#include "base/producer.h"

namespace jx {

namespace {

std::vector<std::string_view> WholeLines(std::string_view text, bool drop_last_part,
                                         bool drop_first_part) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      if (!drop_last_part && start < text.size()) lines.push_back(text.substr(start));
      break;
    }
    std::string_view l = text.substr(start, end - start);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    lines.push_back(l);
    start = end + 1;
  }
  if (drop_first_part && !lines.empty()) lines.erase(lines.begin());
  return lines;
}

bool Digits(std::string_view* v) {
  size_t n = 0;
  while (n < v->size() && (*v)[n] >= '0' && (*v)[n] <= '9') ++n;
  v->remove_prefix(n);
  return n > 0;
}

// "N errors, N warnings, N info in N files", then nothing or " (...)".
bool SummaryLine(std::string_view v) {
  for (std::string_view word : kSummaryWords) {
    if (!Digits(&v) || !v.starts_with(word)) return false;
    v.remove_prefix(word.size());
  }
  return v.empty() || (v.starts_with(" (") && v.back() == ')');
}

bool MarkdownTableHeading(std::string_view l) {
  return l.starts_with(kMarkdownTable) &&
         l.find(kMarkdownLines) != std::string_view::npos && l.back() == ')';
}

constexpr size_t kHeadBytes = 64 << 10, kTailBytes = 4 << 10;

// `whole`: head and tail are the whole text; else each may begin or end
// inside a line, and that part is not looked at.
std::string Kind(std::string_view head, std::string_view tail, bool whole) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  std::vector<std::string_view> first = WholeLines(head, !whole, false);
  if (first.empty()) return "";
  if (first[0] == kTablesCsvHeader) return "tables CSV";
  if (first[0].starts_with(kExtractCsvHead)) return "extract CSV";
  if (first[0].starts_with(kMarkdownDocument) && !first[0].starts_with(kMarkdownTable)) {
    for (std::string_view l : first)
      if (MarkdownTableHeading(l)) return "tables markdown";
  }
  // The summary is the last line, or followed by one or two notes (findings
  // left out by a baseline, files not read).
  std::vector<std::string_view> last = WholeLines(tail, false, !whole);
  int seen = 0;
  for (size_t i = last.size(); i-- > 0 && seen < 3;) {
    if (last[i].empty()) continue;
    ++seen;
    if (SummaryLine(last[i])) return "check text";
  }
  return "";
}

}  // namespace

std::string OwnOutputKind(std::string_view text) {
  if (text.size() <= kHeadBytes) return Kind(text, text, true);
  return Kind(text.substr(0, kHeadBytes), text.substr(text.size() - kTailBytes), false);
}

std::string OwnOutputKindOfFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  std::string head(kHeadBytes + 1, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  if (head.size() <= kHeadBytes) return Kind(head, head, true);
  head.pop_back();
  in.clear();
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  std::string tail(kTailBytes, '\0');
  in.seekg(size - static_cast<std::streamoff>(tail.size()));
  in.read(tail.data(), static_cast<std::streamsize>(tail.size()));
  tail.resize(static_cast<size_t>(in.gcount()));
  return Kind(head, tail, false);
}

}  // namespace jx
