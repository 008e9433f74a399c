#include <sqlite3.h>

#include <algorithm>

#include "store/schema.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace jx {
namespace {

using store::kDocExtra;
using store::Quote;
using store::Shapes;
using store::Stmt;
using store::StoredColumns;
using store::TableOf;

void ReplaceAll(std::string* s, const std::string& from, const std::string& to) {
  if (from.empty() || from == to) return;
  for (size_t at = 0; (at = s->find(from, at)) != std::string::npos; at += to.size())
    s->replace(at, from.size(), to);
}

}  // namespace

bool Store::Known(const std::string& sha256, const std::string& path, std::string* status,
                  std::string* error, int* pages) {
  if (sha256.empty()) return false;
  Stmt s(db_,
         "SELECT status, error, pages, report_path FROM documents WHERE sha256=? AND "
         "tool_version=? AND "
         "patterns_version=?");
  if (!s.ok()) return false;
  s.Text(1, sha256);
  s.Text(2, tool_);
  s.Text(3, patterns_);
  if (!s.Row()) return false;
  *status = s.ColText(0);
  *error = s.ColText(1);
  *pages = static_cast<int>(s.ColInt(2));
  ReplaceAll(error, s.ColText(3), path);
  return true;
}

bool Store::Find(const std::string& sha256, const std::string& path,
                 DocumentRecord* rec) {
  if (sha256.empty()) return false;
  Stmt s(
      db_,
      "SELECT status, error, pages, errors, warnings, infos, report_path, report_text, "
      "report_text_verbose, report_json FROM documents WHERE sha256=? AND "
      "tool_version=? AND patterns_version=?");
  if (!s.ok()) return false;
  s.Text(1, sha256);
  s.Text(2, tool_);
  s.Text(3, patterns_);
  if (!s.Row()) return false;
  DocumentRecord r;
  r.file = path;
  r.status = s.ColText(0);
  r.error = s.ColText(1);
  r.pages = static_cast<int>(s.ColInt(2));
  r.counts.errors = static_cast<int>(s.ColInt(3));
  r.counts.warnings = static_cast<int>(s.ColInt(4));
  r.counts.infos = static_cast<int>(s.ColInt(5));
  r.counts.failed = r.status == "ok" ? 0 : 1;
  const std::string was = s.ColText(6);
  r.text = s.ColText(7);
  r.text_verbose = s.ColText(8);
  r.json = nlohmann::json::parse(s.ColText(9), nullptr, false);
  if (r.json.is_discarded() || !r.json.is_object()) return false;
  // The same content under another name: the texts name this file.
  ReplaceAll(&r.error, was, path);
  ReplaceAll(&r.text, was, path);
  ReplaceAll(&r.text_verbose, was, path);
  r.json["file"] = path;
  if (r.json.contains("error") && r.json["error"].is_string()) {
    std::string e = r.json["error"].get<std::string>();
    ReplaceAll(&e, was, path);
    r.json["error"] = e;
  }
  *rec = std::move(r);
  return true;
}

bool Store::ReadSheets(std::vector<Sheet>* sheets, std::string* err) {
  sheets->clear();
  for (const Sheet& shape : Shapes()) {
    Sheet out{shape.name, shape.columns, {}};
    std::string t = TableOf(shape);
    bool doc = t == "documents";
    std::vector<std::string> cols = StoredColumns(shape);
    std::string sql = "SELECT f.path";
    if (doc) sql += ", d.status, d.error";
    for (const std::string& c : cols) sql += ", d." + Quote(c);
    sql += " FROM files f JOIN " + Quote(t) +
           " d ON d.sha256 = f.sha256 ORDER BY f.path" + (doc ? "" : ", d.seq");
    Stmt s(db_, sql);
    if (!s.ok()) {
      *err = Error("cannot read " + t);
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
      put("file", s.ColValue(i++));
      if (doc) {
        put("status", s.ColValue(i++));
        put("error", s.ColValue(i++));
      }
      for (const std::string& c : cols) put(c, s.ColValue(i++));
      out.rows.push_back(std::move(row));
    }
    sheets->push_back(std::move(out));
  }
  return true;
}

bool Store::ReadFailures(Sheet* failures, std::string* err) {
  *failures = Sheet{"Failures", {"file", "status", "error", "size", "sha256"}, {}};
  Stmt s(db_,
         "SELECT path, status, error, size, sha256 FROM files WHERE status <> 'ok' "
         "ORDER BY path");
  if (!s.ok()) {
    *err = Error("cannot read files");
    return false;
  }
  while (s.Row()) {
    std::vector<Value> row;
    for (int i = 0; i < 5; ++i) row.push_back(s.ColValue(i));
    failures->rows.push_back(std::move(row));
  }
  return true;
}

bool Store::ReadSummary(StoreSummary* out, std::string* err) {
  *out = StoreSummary{};
  {
    Stmt s(db_, "SELECT count(*), (SELECT count(*) FROM documents) FROM files");
    if (!s.ok() || !s.Row()) {
      *err = Error("cannot read files");
      return false;
    }
    out->files = s.ColInt(0);
    out->documents = s.ColInt(1);
  }
  {
    Stmt s(db_, "SELECT status, count(*) FROM files GROUP BY status ORDER BY status");
    if (!s.ok()) {
      *err = Error("cannot read files");
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
      *err = Error("cannot read findings");
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
