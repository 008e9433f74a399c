#include "cli/check_output.h"

#include "export/check.h"
#include "export/json_text.h"

namespace jx {
namespace {

using json = nlohmann::json;

std::string Dump(const json& j, int indent) {
  return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace

CheckPrinter::CheckPrinter(std::string format, bool verbose, const Baseline* baseline,
                           const Patterns& patterns, std::ostream* sink)
    : format_(std::move(format)), verbose_(verbose), baseline_(baseline), sink_(sink) {
  if (format_ == "sarif")
    sarif_ = std::make_unique<SarifWriter>(patterns, JXAUDIT_VERSION);
}

RecordParts CheckPrinter::Parts() const {
  RecordParts p;
  p.text = format_ == "text";
  // With a baseline every line is kept, so that a suppressed info finding is
  // counted out like the others; the text prints infos only when verbose.
  p.text_verbose = p.text && (verbose_ || baseline_ != nullptr);
  p.json = format_ != "text";
  p.sheets = false;
  return p;
}

json CheckPrinter::SummaryJson() const {
  return {
      {"files", files_},       {"errors", total_.errors}, {"warnings", total_.warnings},
      {"infos", total_.infos}, {"failed", total_.failed}, {"suppressed", suppressed_}};
}

void CheckPrinter::Begin() {
  if (format_ == "json")
    *sink_ << "{\"tool\": \"jxaudit\", \"version\": \"" << JXAUDIT_VERSION
           << "\", \"schema_version\": " << kCheckSchemaVersion << ", \"documents\": [\n";
  else if (format_ == "sarif")
    *sink_ << sarif_->Begin();
}

void CheckPrinter::Print(DocumentRecord&& r) {
  if (baseline_) suppressed_ += Suppress(*baseline_, &r);
  total_ += r.counts;  // `failed` is 1 exactly when the status is not ok
  const bool first = files_++ == 0;
  if (format_ == "text") {
    *sink_ << RecordText(r, verbose_);
    return;
  }
  // JSON and JSON lines are written from the record's text as they are
  // read, with what names the file put in; no tree of the document is made.
  if (format_ == "json") {
    *sink_ << (first ? "" : ",\n");
    WriteJsonText(r.json, RecordExtras(r), 1, sink_);
    return;
  }
  if (format_ == "jsonl") {
    json extra = RecordExtras(r);
    extra["schema_version"] = kCheckSchemaVersion;
    extra["type"] = "document";
    WriteJsonText(r.json, extra, -1, sink_);
    // Each line is whole when written, so a reader can follow a long run.
    *sink_ << "\n" << std::flush;
    return;
  }
  json doc = RecordJson(std::move(r));
  if (format_ == "sarif") {
    std::string results = sarif_->Document(doc);
    if (!results.empty()) *sink_ << results << std::flush;
  } else if (format_ == "baseline") {
    AddBaselineEntries(doc, &entries_);
  }
}

void CheckPrinter::Cross(std::vector<CrossResult> results) {
  std::vector<CrossResult> kept;
  std::vector<Finding> counted;
  for (CrossResult& r : results) {
    if (baseline_ && baseline_->fingerprints.count(r.finding.fingerprint)) {
      ++suppressed_;
      continue;
    }
    counted.push_back(r.finding);
    kept.push_back(std::move(r));
  }
  total_ += Tally(counted);
  if (format_ == "text") {
    std::string lines;
    for (const CrossResult& r : kept) lines += CrossText(r, verbose_);
    if (!lines.empty()) *sink_ << "across documents\n" << lines << "\n";
    return;
  }
  for (const CrossResult& r : kept) {
    json j = CrossFindingJson(r);
    if (format_ == "json") {
      cross_.push_back(std::move(j));
    } else if (format_ == "jsonl") {
      json line = {{"schema_version", kCheckSchemaVersion}, {"type", "cross"}};
      line.update(j);
      *sink_ << Dump(line, -1) << "\n";
    } else if (format_ == "sarif" || format_ == "baseline") {
      // Under the file it is printed under, as one of its findings.
      json doc = {{"file", r.finding.where.file},
                  {"status", "ok"},
                  {"findings", json::array({std::move(j)})}};
      if (format_ == "sarif")
        *sink_ << sarif_->Document(doc);
      else
        AddBaselineEntries(doc, &entries_);
    }
  }
}

void CheckPrinter::End(const std::vector<SkippedInput>& skipped) {
  json skipped_json = json::array();
  for (const SkippedInput& s : skipped)
    skipped_json.push_back(
        {{"file", s.path}, {"status", "skipped"}, {"reason", s.reason}});
  if (format_ == "json") {
    *sink_ << "\n], \"cross\": " << Dump(cross_, 1)
           << ", \"skipped\": " << Dump(skipped_json, 1)
           << ", \"summary\": " << Dump(SummaryJson(), -1) << "}\n";
  } else if (format_ == "jsonl") {
    for (const json& s : skipped_json) {
      json line = {{"schema_version", kCheckSchemaVersion}, {"type", "skipped"}};
      line.update(s);
      *sink_ << Dump(line, -1) << "\n";
    }
    json line = {{"schema_version", kCheckSchemaVersion}, {"type", "summary"}};
    line.update(SummaryJson());
    *sink_ << Dump(line, -1) << "\n";
  } else if (format_ == "sarif") {
    for (const SkippedInput& s : skipped) sarif_->Skipped(s.path, s.reason);
    *sink_ << sarif_->End(SummaryJson());
  } else if (format_ == "baseline") {
    *sink_ << Dump(BaselineDocument(JXAUDIT_VERSION, std::move(entries_)), 1) << "\n";
  } else {
    *sink_ << SummaryText(total_, files_);
    if (baseline_)
      *sink_ << suppressed_ << " findings left out: already in the baseline\n";
    if (!skipped.empty())
      *sink_ << skipped.size()
             << " files in the given folders were not read (listed on stderr)\n";
  }
}

}  // namespace jx
