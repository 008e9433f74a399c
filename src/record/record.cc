#include "record/record.h"

namespace jx {

std::string CheckHead(const std::string& kind, const std::string& department,
                      const std::string& year) {
  std::string head = "  [" + kind;
  if (!department.empty()) head += " · " + department;
  if (!year.empty()) head += " · " + year;
  return head + "]";
}

CheckText::Line CheckLine(const Location& where, const std::string& severity,
                          const std::string& rule, const std::string& message,
                          const std::string& fingerprint) {
  // The location as Error::ToString prints it after a file name; with no
  // part known that is the bare ": " a file name is followed by.
  Error at;
  at.where = where;
  at.where.file.clear();
  std::string loc = at.ToString();
  if (loc.empty()) loc = ": ";
  // Infos are notes shown with -v, except the one that says a file was not
  // checked at all: without it the text would read as a clean file.
  const bool note =
      severity == SeverityName(Severity::kInfo) && rule != "document.nothing_checked";
  return {note, loc + severity + " [" + rule + "] " + message, severity, fingerprint};
}

CheckText CheckTextOf(const DocumentReport& d, bool with_info) {
  CheckText t;
  if (!d.ok) return t;  // a failed file's block is its error
  const DocInfo& info = d.ex.info;
  t.head = CheckHead(KindName(info.kind), info.department.value, info.year.value);
  for (const Finding& f : d.v.findings) {
    CheckText::Line l =
        CheckLine(f.where, SeverityName(f.severity), f.rule, f.message, f.fingerprint);
    if (with_info || !l.info) t.lines.push_back(std::move(l));
  }
  return t;
}

}  // namespace jx
