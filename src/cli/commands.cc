#include "cli/commands.h"

#include <filesystem>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "export/extract.h"
#include "export/summary.h"
#include "export/tables.h"
#include "store/store.h"

namespace jx {

int RunExtract(const std::vector<std::string>& files, const std::string& format,
               const std::string& output, const BatchOptions& bo,
               const Patterns& patterns, std::ostream& out, std::ostream& err) {
  std::vector<DocumentReport> docs = RunBatch<DocumentReport>(
      files, bo, patterns,
      [&](const std::string& f, const Patterns& pats) {
        return CheckFile(f, bo.read, pats);
      },
      err);
  // Findings are data here, not a verdict: only a failed file sets the status.
  int status = CountFindings(docs).failed > 0 ? 2 : 0;
  if (!output.empty() && EndsWith(output, ".xlsx")) {
    Error werr;
    if (!WriteExtractXlsx(docs, output, &werr)) {
      err << "jxaudit: " << werr.ToString() << "\n";
      return 2;
    }
    return status;
  }
  std::string text = format == "csv"
                         ? ExtractToCsv(docs)
                         : ExtractToJson(docs).dump(
                               1, ' ', false, nlohmann::json::error_handler_t::replace) +
                               "\n";
  return WriteText(text, output, out, err) ? status : 2;
}

int RunReport(const std::string& db, const std::string& output, std::ostream& err) {
  if (!std::filesystem::exists(db)) {
    err << "jxaudit: " << db << ": no such store\n";
    return 2;
  }
  Store store;
  StoreSummary summary;
  std::vector<Sheet> sheets;
  Sheet failures;
  Error serr;
  if (!store.Open(db, "", "", &serr) || !store.ReadSummary(&summary, &serr) ||
      !store.ReadSheets(&sheets, &serr) || !store.ReadFailures(&failures, &serr) ||
      !WriteSummaryXlsx(summary, sheets, failures, output, &serr)) {
    err << "jxaudit: " << serr.ToString() << "\n";
    return 2;
  }
  return 0;
}

int RunTables(const std::vector<std::string>& files, const std::string& format,
              const std::string& output, const BatchOptions& bo, const Patterns& patterns,
              std::ostream& out, std::ostream& err) {
  std::vector<DocumentTables> docs = RunBatch<DocumentTables>(
      files, bo, patterns,
      [&](const std::string& f, const Patterns& pats) {
        return LayoutFile(f, bo.read, pats);
      },
      err);
  int status = 0;
  for (const DocumentTables& d : docs)
    if (!d.ok) status = 2;
  if (!output.empty() && EndsWith(output, ".xlsx")) {
    Error werr;
    if (!WriteTablesXlsx(docs, output, &werr)) {
      err << "jxaudit: " << werr.ToString() << "\n";
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
