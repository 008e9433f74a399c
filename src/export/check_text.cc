#include <sstream>

#include "export/check.h"

namespace jx {

std::string DocumentText(const DocumentReport& d, bool verbose) {
  std::ostringstream out;
  if (!d.ok) {
    out << d.file << ": failed: " << d.error.message << "\n\n";
    return out.str();
  }
  const DocInfo& info = d.ex.info;
  out << d.file << "  [" << KindName(info.kind);
  if (!info.department.value.empty()) out << " · " << info.department.value;
  if (!info.year.value.empty()) out << " · " << info.year.value;
  out << "]\n";
  int shown = 0;
  for (const Finding& f : d.v.findings) {
    if (f.severity == Severity::kInfo && !verbose) continue;
    ++shown;
    Error where;
    where.where = f.where;
    where.where.file = d.file;
    out << "  " << where.ToString() << SeverityName(f.severity) << " [" << f.rule << "] "
        << f.message << "\n";
  }
  if (shown == 0)
    out << (d.v.findings.empty() ? "  no findings\n"
                                 : "  no errors or warnings (-v lists rounding notes)\n");
  out << "\n";
  return out.str();
}

std::string SummaryText(const Counts& c, size_t files) {
  std::ostringstream out;
  out << c.errors << " errors, " << c.warnings << " warnings, " << c.infos << " info in "
      << files << " files";
  if (c.failed > 0) out << " (" << c.failed << " could not be read)";
  out << "\n";
  return out.str();
}

}  // namespace jx
