#include "cli/commands.h"

#include <filesystem>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "base/text.h"
#include "export/extract.h"
#include "export/summary.h"
#include "export/tables.h"
#include "record/wire.h"
#include "store/store.h"

namespace jx {

int RunExtract(const std::vector<std::string>& files, const std::string& format,
               const std::string& output, const BatchOptions& bo,
               const Patterns& patterns, Lang lang, std::ostream& out,
               std::ostream& err) {
  // Each file's rows of the sheets, Tables included; nothing else of it is
  // output.
  RecordParts parts;
  parts.text = parts.text_verbose = parts.json = false;
  parts.tables = true;
  std::vector<std::vector<Sheet>> per_file(files.size());
  // The content hashes the findings' fingerprints rest on, as check has
  // them, and what the comparison across documents reads of each file.
  std::vector<RunDocument> run_docs(files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    uint64_t size = 0;
    Error herr;
    run_docs[i].file = files[i];
    if (!FileSha256(files[i], &run_docs[i].sha256, &size, &herr))
      run_docs[i].sha256.clear();
  }
  bool any_failed = false;
  RunFiles(
      files, bo,
      [&](size_t i) {
        return SheetsRecordToWire(
            CheckRecord(files[i], run_docs[i].sha256, bo.read, patterns, parts));
      },
      [&](size_t i, ChildResult&& cr, bool* ok, Error* why) {
        DocumentRecord r;
        Error werr;
        if (!cr.ok)
          r = FailedRecord(files[i], cr.status, MakeError(files[i], cr.failure), parts);
        else if (!SheetsRecordFromWire(cr.bytes, &r, &werr))
          r = FailedRecord(files[i], "crashed", MakeError(files[i], werr.message), parts);
        *ok = r.status == "ok";
        *why = r.error;
        any_failed |= !*ok;
        per_file[i] = std::move(r.sheets);
        run_docs[i].ok = *ok;
        run_docs[i].facts = std::move(r.cross);
      },
      err);
  std::vector<Sheet> sheets = MergeSheets(std::move(per_file));
  AddCrossFindings(RunCrossCheck(run_docs, patterns), &sheets);
  run_docs.clear();
  // Findings are data here, not a verdict: only a failed file sets the status.
  int status = any_failed ? 2 : 0;
  if (!output.empty() && EndsWith(output, ".xlsx")) {
    OutputFile f;
    Error werr;
    BookOptions book;
    book.terms = &patterns.terms();
    book.lang = lang;
    if (!f.Open(output, &werr) || !WriteExtractXlsx(sheets, f.WritePath(), book, &werr) ||
        !f.Commit(&werr)) {
      err << "jxaudit: " << ShowControls(f.Named(werr).ToString()) << "\n";
      return 2;
    }
    return status;
  }
  auto write = [&](std::ostream& o) {
    if (format == "csv")
      WriteExtractCsv(sheets, o);
    else
      WriteExtractJson(sheets, o);
  };
  return WriteOutput(write, output, out, err) ? status : 2;
}

int RunReport(const std::string& db, const std::string& output, const Patterns& patterns,
              Lang lang, std::ostream& err) {
  if (!std::filesystem::exists(db)) {
    err << "jxaudit: " << ShowControls(db) << ": no such store\n";
    return 2;
  }
  Store store;
  StoreSummary summary;
  std::vector<Sheet> sheets;
  Sheet failures;
  Error serr;
  // Read only: a store on a read-only mount, or one another run is writing,
  // is summarised without being touched.
  if (!store.OpenReadOnly(db, &serr) || !store.ReadSummary(&summary, &serr) ||
      !store.ReadSheets(&sheets, &serr) || !store.ReadFailures(&failures, &serr)) {
    err << "jxaudit: " << ShowControls(serr.ToString()) << "\n";
    return 2;
  }
  {
    // The store as one run: its documents compared across, as check
    // compares the documents of one run.
    std::vector<RunDocument> docs;
    if (!store.ReadRunDocuments(&docs, &serr)) {
      err << "jxaudit: " << ShowControls(serr.ToString()) << "\n";
      return 2;
    }
    AddCrossFindings(RunCrossCheck(docs, patterns), &sheets);
  }
  OutputFile f;
  BookOptions book;
  book.terms = &patterns.terms();
  book.lang = lang;
  if (!f.Open(output, &serr) ||
      !WriteSummaryXlsx(summary, sheets, failures, f.WritePath(), book, &serr) ||
      !f.Commit(&serr)) {
    err << "jxaudit: " << ShowControls(f.Named(serr).ToString()) << "\n";
    return 2;
  }
  return 0;
}

int RunTables(const std::vector<std::string>& files, const std::string& format,
              const std::string& output, const BatchOptions& bo, const Patterns& patterns,
              Lang lang, std::ostream& out, std::ostream& err) {
  std::vector<DocumentTables> docs(files.size());
  RunFiles(
      files, bo,
      [&](size_t i) { return TablesToWire(LayoutFile(files[i], bo.read, patterns)); },
      [&](size_t i, ChildResult&& cr, bool* ok, Error* why) {
        DocumentTables& d = docs[i];
        Error werr;
        if (!cr.ok || !TablesFromWire(cr.bytes, &d, &werr)) {
          d = DocumentTables{};
          d.file = files[i];
          d.ok = false;
          d.error = MakeError(files[i], cr.ok ? werr.message : cr.failure);
        }
        *ok = d.ok;
        *why = d.error;
      },
      err);
  int status = 0;
  for (const DocumentTables& d : docs)
    if (!d.ok) status = 2;
  if (!output.empty() && EndsWith(output, ".xlsx")) {
    OutputFile f;
    Error werr;
    BookOptions book;
    book.terms = &patterns.terms();
    book.lang = lang;
    if (!f.Open(output, &werr) || !WriteTablesXlsx(docs, f.WritePath(), book, &werr) ||
        !f.Commit(&werr)) {
      err << "jxaudit: " << ShowControls(f.Named(werr).ToString()) << "\n";
      return 2;
    }
    return status;
  }
  std::string text;
  if (format == "json") {
    text =
        TablesToJson(docs).dump(1, ' ', false, nlohmann::json::error_handler_t::replace) +
        "\n";
  } else if (format == "csv") {
    text = TablesToCsv(docs);
  } else {
    text = TablesToMarkdown(docs);
  }
  if (!WriteText(text, output, out, err)) return 2;
  return status;
}

}  // namespace jx
