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
  // Each file's rows of the sheets, Tables included, kept on disk as they
  // come; nothing else of it is output.
  RecordParts parts;
  parts.text = parts.text_verbose = parts.json = false;
  parts.tables = true;
  // One more entry after the files: the findings across documents.
  SheetSpill spill(files.size() + 1);
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
        return ExtractToWire(files[i], run_docs[i].sha256, bo.read, patterns);
      },
      [&](size_t i, ChildResult&& cr, bool* ok, Error* why) {
        DocumentRecord r;
        Error werr;
        bool kept = false;
        if (cr.ok) {
          // The record's head, then its sheets straight to disk.
          WireReader in(cr.bytes);
          r.file = in.Str();
          r.status = in.Str();
          r.error = in.Err();
          const std::string cross = in.Str();
          if (!cross.empty() &&
              !CrossFactsFromJson(nlohmann::json::parse(cross, nullptr, false), &r.cross))
            r.cross = CrossFacts{};  // not compared, as a record kept without them
          const size_t at = cr.bytes.size() - in.left();
          kept = in.ok() && spill.Add(i, std::string_view(cr.bytes).substr(at), &werr);
          werr.message = "unreadable worker result";
        }
        if (!kept) {
          r = FailedRecord(files[i], cr.ok ? "crashed" : cr.status,
                           MakeError(files[i], cr.ok ? werr.message : cr.failure), parts);
          spill.Add(i, r.sheets, &werr);
        }
        *ok = r.status == "ok";
        *why = r.error;
        any_failed |= !*ok;
        run_docs[i].ok = *ok;
        run_docs[i].facts = std::move(r.cross);
      },
      err);
  {
    std::vector<Sheet> cross;
    for (Sheet& s : BuildSheets(std::vector<const DocumentReport*>{}, true))
      if (s.name == "Findings") cross.push_back(std::move(s));
    AddCrossFindings(RunCrossCheck(run_docs, patterns), &cross);
    run_docs.clear();
    Error cerr;
    spill.Add(files.size(), cross, &cerr);
  }
  // Findings are data here, not a verdict: only a failed file sets the status.
  int status = any_failed ? 2 : 0;
  if (!output.empty() && EndsWith(output, ".xlsx")) {
    OutputFile f;
    Error werr;
    BookOptions book;
    book.terms = &patterns.terms();
    book.lang = lang;
    if (!f.Open(output, &werr) || !WriteExtractXlsx(spill, f.WritePath(), book, &werr) ||
        !f.Commit(&werr)) {
      err << "jxaudit: " << ShowControls(f.Named(werr).ToString()) << "\n";
      return 2;
    }
    return status;
  }
  Error read_err;
  auto write = [&](std::ostream& o) {
    if (format == "csv")
      WriteExtractCsv(spill, o, &read_err);
    else
      WriteExtractJson(spill, o, &read_err);
  };
  if (!WriteOutput(write, output, out, err)) return 2;
  if (!read_err.message.empty()) {
    err << "jxaudit: " << ShowControls(read_err.message) << "\n";
    return 2;
  }
  return status;
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
  if (format == "json")
    return WriteOutput([&](std::ostream& o) { WriteTablesJson(docs, o); }, output, out,
                       err)
               ? status
               : 2;
  std::string text;
  if (format == "csv") {
    text = TablesToCsv(docs);
  } else {
    text = TablesToMarkdown(docs);
  }
  if (!WriteText(text, output, out, err)) return 2;
  return status;
}

}  // namespace jx
