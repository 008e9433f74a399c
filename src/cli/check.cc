#include "export/check.h"

#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "base/text.h"
#include "cli/check_output.h"
#include "cli/commands.h"
#include "cli/same_content.h"
#include "cli/workers.h"
#include "record/cross.h"
#include "record/record.h"
#include "record/wire.h"
#include "store/store.h"

namespace jx {
namespace {

// The version recorded with each document: the release and a digest of this
// binary, so that a rebuilt jxaudit never takes an older build's results for
// its own.
std::string ToolVersion() {
  std::string hex;
  Error err;
  uint64_t size = 0;
  if (!FileSha256("/proc/self/exe", &hex, &size, &err)) return JXAUDIT_VERSION;
  return std::string(JXAUDIT_VERSION) + "+" + hex.substr(0, 12);
}

// The baseline file, read whole (it is small: one line per finding).
bool ReadBaseline(const std::string& path, Baseline* b, std::ostream& err) {
  std::ifstream in(path, std::ios::binary);
  std::string text, why;
  if (!in) {
    why = "cannot open";
  } else {
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) why = "cannot read";
  }
  if (why.empty()) ParseBaseline(text, b, &why);
  if (!why.empty()) {
    err << "jxaudit: " << ShowControls(path) << ": " << why << "\n";
    return false;
  }
  return true;
}

}  // namespace

int RunCheck(const std::vector<std::string>& files, const CheckSettings& cs,
             const BatchOptions& bo, const Patterns& patterns, std::ostream& out,
             std::ostream& err) {
  const std::string& output = cs.output;
  Baseline baseline;
  if (!cs.baseline.empty() && !ReadBaseline(cs.baseline, &baseline, err)) return 2;
  OutputFile file_out;
  std::ostream* sink = &out;
  if (!output.empty()) {
    Error oerr;
    if (!file_out.Open(output, &oerr)) {
      err << "jxaudit: " << ShowControls(oerr.ToString()) << "\n";
      return 2;
    }
    sink = &file_out.Stream();
  }
  Store store;
  bool use_store = !bo.db.empty();
  if (use_store) {
    std::string pv;
    Error serr;
    store.SetLimits(LimitsKey(bo));
    if (!PatternsVersion(bo.patterns_dir, &pv, &serr) ||
        !store.Open(bo.db, ToolVersion(), pv, &serr) ||
        !store.BeginRun(bo.command_line, &serr)) {
      err << "jxaudit: " << ShowControls(serr.ToString()) << "\n";
      return 2;
    }
  }
  const size_t n = files.size();
  std::vector<FileRow> rows(n);
  std::vector<DocumentRecord> recs(n);
  // known: read back from the store when printed; from_store: known before
  // this run (a copy of content first seen in this run is known, not this).
  std::vector<bool> ready(n, false), known(n, false), from_store(n, false);
  std::map<std::string, size_t> first;           // content → its first file
  std::map<size_t, std::vector<size_t>> copies;  // first file → later copies
  std::vector<size_t> todo;
  RunTotals totals;
  totals.files = static_cast<int64_t>(n);
  bool store_ok = true;
  // The content hash keys a file in the store, and the findings'
  // fingerprints rest on it: computed where either is kept or printed. A text
  // report without a store or baseline shows neither; there only the
  // comparison across documents asks which files hold the same bytes.
  const bool hashed = use_store || cs.format != "text" || !cs.baseline.empty();
  const std::vector<std::string> same =
      hashed ? std::vector<std::string>() : SameContentKeys(files);
  for (size_t i = 0; i < n; ++i) {
    rows[i].path = files[i];
    Error herr;
    if (hashed && !FileSha256(files[i], &rows[i].sha256, &rows[i].size, &herr))
      rows[i].sha256.clear();  // the worker will say why it cannot be read
    if (use_store && !bo.force &&
        store.Known(rows[i].sha256, files[i], &rows[i].status, &rows[i].error,
                    &rows[i].pages)) {
      known[i] = true;  // its report is read from the store when its turn comes
      from_store[i] = true;
      ready[i] = true;
      ++totals.skipped;
    } else if (use_store && !rows[i].sha256.empty() && first.count(rows[i].sha256)) {
      // The same content earlier in this batch: checked once, recorded under
      // the first name, whichever worker ends first.
      copies[first[rows[i].sha256]].push_back(i);
      known[i] = true;
    } else {
      if (use_store && !rows[i].sha256.empty()) first[rows[i].sha256] = i;
      todo.push_back(i);
    }
  }
  CheckPrinter printer(cs.format, cs.verbose, cs.baseline.empty() ? nullptr : &baseline,
                       patterns, sink);
  // What printing needs of a record. Without a store a worker renders only
  // that; with one, everything (a later run may print the other form), and
  // a record read back from the store is read only as far as printing needs.
  const RecordParts printing = printer.Parts();
  const RecordParts parts = use_store ? RecordParts{} : printing;
  size_t printed = 0, done = 0, failed = 0;
  // What the comparison across documents needs of each printed record.
  std::vector<RunDocument> run_docs;
  Progress progress(n, ShowProgress(bo, err), err);
  printer.Begin();
  auto flush = [&] {
    for (; printed < n && ready[printed]; ++printed) {
      DocumentRecord& r = recs[printed];
      if (known[printed] &&
          !store.Find(rows[printed].sha256, files[printed], printing, &r))
        r = FailedRecord(files[printed], "failed",
                         MakeError(files[printed], "recorded in " + bo.db +
                                                       " but not readable there; run "
                                                       "again with --force"));
      if (r.status != "ok" && !bo.quiet) {
        progress.Clear();
        err << "jxaudit: " << ShowControls(r.error.ToString()) << "\n";
      }
      if (sink == &out) progress.Clear();  // the terminal may show both
      run_docs.push_back({files[printed], hashed ? rows[printed].sha256 : same[printed],
                          r.status == "ok", std::move(r.cross)});
      printer.Print(std::move(r));
      r = DocumentRecord{};  // printed: its memory goes back
    }
  };
  for (size_t i = 0; i < n; ++i)
    if (from_store[i]) {
      ++done;
      failed += rows[i].status != "ok";
      {
        Error serr;
        if (store_ok && !store.Put(rows[i], nullptr, &serr)) {
          err << "jxaudit: " << ShowControls(serr.ToString()) << "\n";
          store_ok = false;
        }
      }
    }
  if (done > 0) progress.Done(done, failed);
  flush();
  RunInChildren(
      todo.size(), bo.jobs, bo.timeout_s,
      [&](size_t k) {
        const size_t i = todo[k];
        return RecordToWire(
            CheckRecord(files[i], rows[i].sha256, bo.read, patterns, parts, hashed));
      },
      [&](size_t k, ChildResult&& cr) {
        size_t i = todo[k];
        DocumentRecord& r = recs[i];
        Error werr;
        if (!cr.ok) {
          r = FailedRecord(files[i], cr.status, MakeError(files[i], cr.failure));
        } else if (!RecordFromWire(cr.bytes, &r, &werr)) {
          r = FailedRecord(files[i], "crashed", MakeError(files[i], werr.message));
        }
        FileRow& row = rows[i];
        row.status = r.status;
        row.error = r.error;
        row.pages = r.pages;
        row.seconds = cr.seconds;
        row.max_rss_kb = cr.max_rss_kb;
        ++totals.checked;
        if (r.status != "ok") ++totals.failed, ++failed;
        if (use_store && store_ok) {
          // A timeout or a crash is recorded too, so a re-run does not retry
          // it unless forced; a file that could not be hashed is not kept.
          Error serr;
          if (!store.Put(row, row.sha256.empty() ? nullptr : &r, &serr)) {
            err << "jxaudit: " << ShowControls(serr.ToString()) << "\n";
            store_ok = false;
          }
        }
        r.sheets.clear();
        ready[i] = true;
        progress.Done(++done, failed);
        for (size_t c : copies[i]) {
          FileRow& cr = rows[c];
          if (store_ok &&
              store.Known(cr.sha256, files[c], &cr.status, &cr.error, &cr.pages)) {
            Error serr;
            if (!store.Put(cr, nullptr, &serr)) {
              err << "jxaudit: " << ShowControls(serr.ToString()) << "\n";
              store_ok = false;
            }
          } else {
            // Not in the store (it could not be written): the copy ended as
            // its first did, never with an empty status counted as failed.
            cr.status = row.status;
            cr.error = row.error;
            cr.error.where.file = files[c];
            cr.pages = row.pages;
          }
          ++totals.skipped;
          failed += cr.status != "ok";
          ready[c] = true;
          progress.Done(++done, failed);
        }
        flush();
      },
      bo.max_memory_mib << 20);
  flush();
  printer.Cross(RunCrossCheck(run_docs, patterns));
  run_docs.clear();
  // What a directory walk did not take is part of the run's account.
  for (const SkippedInput& s : bo.skipped) {
    FileRow row;
    row.path = s.path;
    row.status = "skipped";
    row.error = MakeError(s.path, s.reason);
    Error serr;
    if (use_store && store_ok && !store.Put(row, nullptr, &serr)) {
      err << "jxaudit: " << ShowControls(serr.ToString()) << "\n";
      store_ok = false;
    }
  }
  printer.End(bo.skipped);
  sink->flush();
  if (use_store && store_ok) {
    Error serr;
    if (!store.EndRun(totals, &serr))
      err << "jxaudit: " << ShowControls(serr.ToString()) << "\n", store_ok = false;
  }
  if (!output.empty()) {
    Error oerr;
    if (!file_out.Commit(&oerr)) {
      err << "jxaudit: " << ShowControls(oerr.ToString()) << "\n";
      return 2;
    }
  } else if (!*sink) {
    err << "jxaudit: standard output: cannot write\n";
    return 2;
  }
  // Where a store nobody named went, so that it is not a surprise.
  if (use_store && store_ok && !cs.db_given && !bo.quiet)
    err << "jxaudit: recorded in " << ShowControls(bo.db) << " (--db FILE names another, "
        << "--no-db records nothing)\n";
  if (!store_ok) return 2;
  const Counts& total = printer.total();
  // An unreadable file is not audited: that outweighs any finding.
  if (total.failed > 0) return 2;
  const bool fails = cs.fail_on == "warning" ? total.errors + total.warnings > 0
                     : cs.fail_on == "never" ? false
                                             : total.errors > 0;
  return fails ? 1 : 0;
}

}  // namespace jx
