#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "base/patterns.h"
#include "tests/fuzz/targets.h"

namespace jx::fuzz {
namespace {

const std::string& ProjectGroups() {
  static const std::string* g = [] {
    std::ifstream in(JXAUDIT_PATTERNS_DIR "/groups.txt", std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return new std::string(ss.str());
  }();
  return *g;
}

// A load error is one line that starts with the file it is about.
void CheckError(const std::string& err, const std::string& origin) {
  if (err.empty() || err.rfind(origin, 0) != 0 || err.find('\n') != std::string::npos)
    std::abort();
}

}  // namespace

int FuzzPatterns(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte says which file the rest stands for: the name decides
  // which groups patterns/groups.txt asks of its entries.
  const auto& files = Patterns::RequiredFiles();
  const std::string& name = files[data[0] % files.size()];
  std::string_view content(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string origin = "patterns/" + name + ".txt";
  Patterns p;
  std::string err;
  if (!p.ParseGroups("patterns/groups.txt", ProjectGroups(), &err)) std::abort();
  if (!p.Add(name, origin, content, &err)) {
    CheckError(err, origin);
  } else {
    const PatternFile& f = *p.file(name);
    if (f.entries().size() > static_cast<size_t>(PatternFile::kMaxEntries)) std::abort();
    const std::string_view texts[] = {
        "合计", "预算总额为1,234.50万元，其中基本支出12万元。", content.substr(0, 200)};
    for (std::string_view text : texts) {
      std::string prepared = f.Prepare(text);
      std::vector<std::string_view> names = f.NamesMatching(prepared);
      // The set and the per-name answers agree.
      if (f.FirstNamePrepared(prepared).empty() != names.empty()) std::abort();
      for (std::string_view n : names) {
        size_t last_end = 0;
        for (const PatternFile::Match& m : f.FindAll(n, prepared)) {
          if (m.begin > m.end || m.end > prepared.size() || m.begin < last_end)
            std::abort();
          last_end = m.end;
        }
      }
    }
  }
  // The same bytes as the other three formats.
  Patterns q;
  err.clear();
  if (!q.ParseGrades("patterns/grades.txt", content, &err))
    CheckError(err, "patterns/grades.txt");
  err.clear();
  if (!q.ParseGroups("patterns/groups.txt", content, &err))
    CheckError(err, "patterns/groups.txt");
  err.clear();
  if (!q.ParseTerms("patterns/workbook.txt", content, &err))
    CheckError(err, "patterns/workbook.txt");
  return 0;
}

}  // namespace jx::fuzz

#ifdef JXAUDIT_LIBFUZZER
JX_FUZZ_ENTRY(FuzzPatterns)
#endif
