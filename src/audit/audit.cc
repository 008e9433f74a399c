#include "audit/audit.h"

#include "export/report.h"

namespace jx {

DocumentRecord MakeRecord(const DocumentReport& d, const RecordParts& parts) {
  DocumentRecord r;
  r.file = d.file;
  r.status = d.ok ? "ok" : "failed";
  if (!d.ok) r.error = d.error.ToString();
  r.pages = d.pages;
  r.counts = Tally(d.v.findings);
  r.counts.failed = d.ok ? 0 : 1;
  if (parts.text) r.text = DocumentText(d, false);
  if (parts.text_verbose) r.text_verbose = DocumentText(d, true);
  if (parts.json) r.json = DocumentJson(d);
  if (parts.sheets)
    r.sheets = BuildSheets(std::vector<const DocumentReport*>{&d}, /*tables=*/false);
  return r;
}

DocumentRecord FailedRecord(const std::string& file, const std::string& status,
                            const Error& error) {
  DocumentReport d;
  d.file = file;
  d.ok = false;
  d.error = error;
  DocumentRecord r = MakeRecord(d);
  r.status = status;
  return r;
}

}  // namespace jx
