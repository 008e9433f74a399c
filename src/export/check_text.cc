#include <sstream>

#include "base/producer.h"
#include "base/text.h"
#include "export/check.h"

namespace jx {

std::string RecordText(const DocumentRecord& r, bool verbose) {
  std::ostringstream out;
  if (r.status != "ok") {
    out << ShowControls(r.file) << ": failed: " << ShowControls(r.error.message)
        << "\n\n";
    return out.str();
  }
  // Document text reaches a terminal here: controls are shown, never obeyed.
  const std::string file = ShowControls(r.file);
  out << file << ShowControls(r.text.head) << "\n";
  int shown = 0;
  for (const CheckText::Line& l : r.text.lines) {
    if (l.info && !verbose) continue;
    ++shown;
    out << "  " << file << ShowControls(l.text) << "\n";
  }
  if (shown == 0)
    out << (r.counts.errors + r.counts.warnings + r.counts.infos == 0
                ? "  no findings\n"
                : "  no errors or warnings (-v lists rounding notes)\n");
  out << "\n";
  return out.str();
}

std::string CrossText(const CrossResult& r, bool verbose) {
  const Finding& f = r.finding;
  if (f.severity == Severity::kInfo && !verbose) return "";
  CheckText::Line l =
      CheckLine(f.where, SeverityName(f.severity), f.rule, f.message, f.fingerprint);
  return "  " + ShowControls(f.where.file) + ShowControls(l.text) + "\n";
}

std::string SummaryText(const Counts& c, size_t files) {
  std::ostringstream out;
  out << c.errors << kSummaryWords[0] << c.warnings << kSummaryWords[1] << c.infos
      << kSummaryWords[2] << files << kSummaryWords[3];
  if (c.failed > 0) out << " (" << c.failed << " could not be read)";
  out << "\n";
  return out.str();
}

}  // namespace jx
