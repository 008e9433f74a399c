#include "audit/audit.h"

#include <exception>

#include "export/check.h"
#include "extract/extract.h"
#include "layout/layout.h"
#include "record/cross.h"
#include "record/fingerprint.h"
#include "record/wire.h"
#include "validate/validate.h"

namespace jx {
namespace {

// The one catch-all for a file: an exception out of any stage becomes that
// file's error, whatever the pipeline.
template <typename Result, typename Run>
Result Guarded(const std::string& path, Run run) {
  try {
    return run();
  } catch (const std::exception& e) {
    Result r;
    r.file = path;
    r.ok = false;
    r.error = MakeError(path, std::string("internal error: ") + e.what());
    return r;
  }
}

}  // namespace

DocumentReport CheckFile(const std::string& path, const ReadOptions& ropts,
                         const Patterns& patterns, bool keep_layout) {
  return Guarded<DocumentReport>(path, [&] {
    DocumentReport d;
    d.file = path;
    Document doc;
    if (!ReadAndLayout(path, ropts, patterns, &doc, &d.layout, &d.error)) {
      d.ok = false;
      return d;
    }
    d.encoding = doc.encoding;
    d.pages = doc.page_count;
    // The extraction reads the layout alone: the document's lines, pages
    // and office tables are not held beside it.
    doc.lines = decltype(doc.lines)();
    doc.pages = decltype(doc.pages)();
    doc.tables = decltype(doc.tables)();
    doc.blocks = decltype(doc.blocks)();
    // Without it the tables' rows go as they are typed; the paragraphs stay
    // to the end (freed early, a long line's text would leave the allocator
    // serving later large blocks from a heap it does not give back).
    d.ex = keep_layout ? Extract(doc, d.layout, patterns)
                       : Extract(doc, &d.layout, patterns);
    d.v = Validate(d.ex, patterns);
    return d;
  });
}

DocumentTables LayoutFile(const std::string& path, const ReadOptions& ropts,
                          const Patterns& patterns) {
  return Guarded<DocumentTables>(path, [&] {
    DocumentTables d;
    d.file = path;
    Document doc;
    if (!ReadAndLayout(path, ropts, patterns, &doc, &d.layout, &d.error))
      d.ok = false;
    else
      d.encoding = doc.encoding;
    return d;
  });
}

DocumentRecord CheckRecord(const std::string& path, const std::string& sha256,
                           const ReadOptions& ropts, const Patterns& patterns,
                           const RecordParts& parts, bool fingerprints) {
  // Only the Tables sheet and its links read the layout after extraction.
  DocumentReport d = CheckFile(path, ropts, patterns, parts.sheets && parts.tables);
  d.sha256 = sha256;
  if (fingerprints) AssignFingerprints(sha256, &d.v.findings);
  DocumentRecord r = MakeRecord(d, parts);
  if (d.ok) r.cross = CrossFactsOf(d.ex, patterns);
  return r;
}

std::string ExtractToWire(const std::string& path, const std::string& sha256,
                          const ReadOptions& ropts, const Patterns& patterns) {
  DocumentReport d = CheckFile(path, ropts, patterns);
  d.sha256 = sha256;
  AssignFingerprints(sha256, &d.v.findings);
  // The Tables sheet goes first, its rows written as they are made (the
  // reader finds sheets by name), then the sheets whose rows link to it.
  const std::vector<Sheet> heads =
      BuildSheets(std::vector<const DocumentReport*>{}, true);
  WireWriter w;
  w.Str(d.file);
  w.Str(d.ok ? "ok" : "failed");
  w.Err(d.ok ? Error{} : d.error);
  // What the comparison across documents reads, before the sheets.
  w.Str(d.ok ? CrossFactsToJson(CrossFactsOf(d.ex, patterns)).dump() : std::string());
  // The sheets read no typed cell (the rules have): not held beside the
  // Tables rows as they are encoded.
  for (TypedTable& t : d.ex.tables)
    for (TypedSection& s : t.sections)
      for (TypedRow& r : s.rows) r.cells = std::vector<TypedCell>();
  w.Uint(heads.size());
  const size_t n = TablesRows(d);
  for (const Sheet& s : heads)
    if (s.name == "Tables") w.SheetHead(s, n);
  std::vector<Sheet> sheets = BuildSheets(std::vector<const DocumentReport*>{&d}, true,
                                          [&](std::vector<Value>&& row) { w.Row(row); });
  d = DocumentReport{};  // what the rows were made of: not held while they are encoded
  for (Sheet& s : sheets) {
    if (s.name == "Tables") continue;
    w.SheetHead(s, s.rows.size());
    for (const auto& row : s.rows) w.Row(row);
    s.rows = {};
  }
  return std::move(w.bytes());
}

DocumentRecord MakeRecord(const DocumentReport& d, const RecordParts& parts) {
  DocumentRecord r;
  r.file = d.file;
  r.status = d.ok ? "ok" : "failed";
  if (!d.ok) r.error = d.error;
  r.pages = d.pages;
  r.counts = Tally(d.v.findings);
  r.counts.failed = d.ok ? 0 : 1;
  if (parts.text || parts.text_verbose) r.text = CheckTextOf(d, parts.text_verbose);
  if (parts.json) r.json = CheckJsonOf(d);
  if (parts.sheets)
    r.sheets = BuildSheets(std::vector<const DocumentReport*>{&d}, parts.tables);
  return r;
}

DocumentRecord FailedRecord(const std::string& file, const std::string& status,
                            const Error& error, const RecordParts& parts) {
  DocumentReport d;
  d.file = file;
  d.ok = false;
  d.error = error;
  DocumentRecord r = MakeRecord(d, parts);
  r.status = status;
  return r;
}

std::string TablesToWire(const DocumentTables& d) {
  WireWriter w;
  w.Str(d.file);
  w.Str(d.encoding);
  w.Bool(d.ok);
  w.Err(d.error);
  // Only the tables: no writer of `tables` reads a layout's paragraphs,
  // which are most of its bytes.
  w.Tables(d.layout.tables);
  return std::move(w.bytes());
}

bool TablesFromWire(std::string_view bytes, DocumentTables* d, Error* err) {
  WireReader in(bytes);
  d->file = in.Str();
  d->encoding = in.Str();
  d->ok = in.Bool();
  d->error = in.Err();
  d->layout = Layout{};
  d->layout.tables = in.Tables();
  if (!in.done()) {
    *err = Error{{}, "unreadable worker result"};
    return false;
  }
  return true;
}

}  // namespace jx
