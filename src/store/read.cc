#include <sqlite3.h>

#include <algorithm>

#include "record/cross.h"
#include "store/schema.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace jx {
namespace {

using store::ColError;
using store::ErrorValue;
using store::kErrorColumns;
using store::Quote;
using store::Shapes;
using store::Stmt;
using store::StoredColumns;
using store::TableOf;

// The error columns of `documents` beside those of `files` in one join.
const char* const kDocErrorColumns =
    "d.error_message, d.error_page, d.error_line, d.error_table, d.error_row, "
    "d.error_column";

// A 0-based index that a sheet keeps 1-based, NULL when there is none.
int IndexOrNone(Stmt& s, int i) {
  return sqlite3_column_type(s.get(), i) == SQLITE_NULL
             ? -1
             : static_cast<int>(s.ColInt(i)) - 1;
}

}  // namespace

// A document this build and these patterns made, and a limit outcome only
// under the limits that gave it: what a run may replay instead of checking.
constexpr const char* kCurrentDocument =
    " FROM documents WHERE sha256=? AND tool_version=? AND "
    "patterns_version=? AND (status='ok' OR limits=?)";

bool Store::BindCurrent(Stmt* s, const std::string& sha256) const {
  if (!s->ok()) return false;
  s->Text(1, sha256);
  s->Text(2, tool_);
  s->Text(3, patterns_);
  s->Text(4, limits_);
  return s->Row();
}

bool Store::Known(const std::string& sha256, const std::string& path, std::string* status,
                  Error* error, int* pages) {
  if (sha256.empty()) return false;
  Stmt s(db_, std::string("SELECT status, pages, ") + kErrorColumns + kCurrentDocument);
  if (!BindCurrent(&s, sha256)) return false;
  *status = s.ColText(0);
  *pages = static_cast<int>(s.ColInt(1));
  *error = ColError(s, 2, path);
  return true;
}

bool Store::Find(const std::string& sha256, const std::string& path,
                 const RecordParts& parts, DocumentRecord* rec) {
  if (sha256.empty()) return false;
  Stmt s(db_, std::string("SELECT status, pages, errors, warnings, infos, kind, "
                          "department, year, report_json, ") +
                  kErrorColumns + ", cross_facts" + kCurrentDocument);
  if (!BindCurrent(&s, sha256)) return false;
  DocumentRecord r;
  r.file = path;
  r.status = s.ColText(0);
  r.pages = static_cast<int>(s.ColInt(1));
  r.counts.errors = static_cast<int>(s.ColInt(2));
  r.counts.warnings = static_cast<int>(s.ColInt(3));
  r.counts.infos = static_cast<int>(s.ColInt(4));
  r.counts.failed = r.status == "ok" ? 0 : 1;
  if (parts.json) {
    // Checked without a tree (a long document's is many times its text);
    // printed from the text as it was written.
    r.json = s.ColText(8);
    const size_t at = r.json.find_first_not_of(" \t\r\n");
    if (at == std::string::npos || r.json[at] != '{' || !nlohmann::json::accept(r.json))
      return false;
  }
  r.error = ColError(s, 9, path);
  // NULL in a store kept before the facts were: unknown, and told so.
  if (sqlite3_column_type(s.get(), 15) != SQLITE_NULL) {
    nlohmann::json cj = nlohmann::json::parse(s.ColText(15), nullptr, false);
    if (!CrossFactsFromJson(cj, &r.cross)) return false;
  }
  if (r.status == "ok" && (parts.text || parts.text_verbose)) {
    // The text from its fields: the document's kind, department and year,
    // and its findings in order.
    r.text.head = CheckHead(s.ColText(5), s.ColText(6), s.ColText(7));
    Stmt f(db_,
           "SELECT severity, rule, message, line, page, \"table\", \"row\", \"column\", "
           "fingerprint FROM findings WHERE sha256=? ORDER BY seq");
    if (!f.ok()) return false;
    f.Text(1, sha256);
    while (f.Row()) {
      Location at;
      at.line = static_cast<int>(f.ColInt(3));
      at.page = static_cast<int>(f.ColInt(4));
      at.table = f.ColText(5);
      at.row = IndexOrNone(f, 6);
      at.column = IndexOrNone(f, 7);
      r.text.lines.push_back(
          CheckLine(at, f.ColText(0), f.ColText(1), f.ColText(2), f.ColText(8)));
    }
  }
  *rec = std::move(r);
  return true;
}

bool Store::ReadRunDocuments(std::vector<RunDocument>* docs, Error* err) {
  docs->clear();
  Stmt s(db_,
         "SELECT f.path, f.sha256, d.status, d.cross_facts FROM files f JOIN documents d "
         "ON d.sha256 = f.sha256 ORDER BY f.path");
  if (!s.ok()) {
    *err = Failure("cannot read documents");
    return false;
  }
  while (s.Row()) {
    RunDocument d;
    d.file = s.ColText(0);
    d.sha256 = s.ColText(1);
    d.ok = s.ColText(2) == "ok";
    // NULL in a store kept before the facts were: unknown, and the
    // comparison says so.
    if (sqlite3_column_type(s.get(), 3) != SQLITE_NULL) {
      nlohmann::json cj = nlohmann::json::parse(s.ColText(3), nullptr, false);
      if (!CrossFactsFromJson(cj, &d.facts)) d.facts = CrossFacts{};
    }
    docs->push_back(std::move(d));
  }
  return true;
}

bool Store::ReadSheets(std::vector<Sheet>* sheets, Error* err) {
  sheets->clear();
  for (const Sheet& shape : Shapes()) {
    Sheet out{shape.name, shape.columns, {}};
    std::string t = TableOf(shape);
    bool doc = t == "documents";
    std::vector<std::string> cols = StoredColumns(shape);
    std::string sql = "SELECT f.path";
    if (doc) sql += std::string(", d.status, ") + kDocErrorColumns;
    for (const std::string& c : cols) sql += ", d." + Quote(c);
    sql += " FROM files f JOIN " + Quote(t) +
           " d ON d.sha256 = f.sha256 ORDER BY f.path" + (doc ? "" : ", d.seq");
    Stmt s(db_, sql);
    if (!s.ok()) {
      *err = Failure("cannot read " + t);
      return false;
    }
    while (s.Row()) {
      std::vector<Value> row(shape.columns.size());
      int i = 0;
      auto put = [&](const std::string& col, Value v) {
        auto it = std::find(shape.columns.begin(), shape.columns.end(), col);
        if (it != shape.columns.end())
          row[static_cast<size_t>(it - shape.columns.begin())] = std::move(v);
      };
      const std::string path = s.ColText(i);
      put("file", s.ColValue(i++));
      if (doc) {
        const std::string status = s.ColText(i);
        put("status", s.ColValue(i++));
        put("error", ErrorValue(status, ColError(s, i, path)));
        i += store::kErrorColumnCount;
      }
      for (const std::string& c : cols) put(c, s.ColValue(i++));
      out.rows.push_back(std::move(row));
    }
    sheets->push_back(std::move(out));
  }
  return true;
}

bool Store::ReadFailures(Sheet* failures, Error* err) {
  *failures = Sheet{"Failures", {"file", "status", "error", "size", "sha256"}, {}};
  Stmt s(db_, std::string("SELECT path, status, size, sha256, ") + kErrorColumns +
                  " FROM files WHERE status <> 'ok' ORDER BY path");
  if (!s.ok()) {
    *err = Failure("cannot read files");
    return false;
  }
  while (s.Row()) {
    const std::string status = s.ColText(1);
    failures->rows.push_back({s.ColValue(0), s.ColValue(1),
                              ErrorValue(status, ColError(s, 4, s.ColText(0))),
                              s.ColValue(2), s.ColValue(3)});
  }
  return true;
}

bool Store::ReadSummary(StoreSummary* out, Error* err) {
  *out = StoreSummary{};
  {
    Stmt s(db_, "SELECT count(*), (SELECT count(*) FROM documents) FROM files");
    if (!s.ok() || !s.Row()) {
      *err = Failure("cannot read files");
      return false;
    }
    out->files = s.ColInt(0);
    out->documents = s.ColInt(1);
  }
  {
    Stmt s(db_, "SELECT status, count(*) FROM files GROUP BY status ORDER BY status");
    if (!s.ok()) {
      *err = Failure("cannot read files");
      return false;
    }
    while (s.Row()) out->by_status.emplace_back(s.ColText(0), s.ColInt(1));
  }
  {
    Stmt s(db_,
           "SELECT x.rule, sum(x.severity='error'), sum(x.severity='warning'), "
           "sum(x.severity='info') FROM files f JOIN findings x ON x.sha256 = f.sha256 "
           "GROUP BY x.rule ORDER BY sum(x.severity='error') DESC, "
           "sum(x.severity='warning') DESC, x.rule");
    if (!s.ok()) {
      *err = Failure("cannot read findings");
      return false;
    }
    while (s.Row())
      out->by_rule.push_back({s.ColText(0), s.ColInt(1), s.ColInt(2), s.ColInt(3)});
  }
  {
    Stmt s(db_,
           "SELECT tool_version, patterns_version FROM runs ORDER BY id DESC LIMIT 1");
    if (s.ok() && s.Row()) {
      out->tool_version = s.ColText(0);
      out->patterns_version = s.ColText(1);
    }
  }
  return true;
}

}  // namespace jx
