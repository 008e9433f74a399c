#include <sqlite3.h>

#include <algorithm>
#include <ctime>

#include "record/cross.h"
#include "store/schema.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace jx {
namespace {

using store::BindError;
using store::kErrorColumns;
using store::Quote;
using store::Shapes;
using store::Stmt;
using store::StoredColumns;
using store::TableOf;

std::string Now() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

}  // namespace

bool Store::BeginRun(const std::string& command_line, Error* err) {
  Stmt s(db_,
         "INSERT INTO runs(started_at, tool_version, patterns_version, command_line) "
         "VALUES(?,?,?,?)");
  if (!s.ok()) {
    *err = Failure("prepare");
    return false;
  }
  s.Text(1, Now());
  s.Text(2, tool_);
  s.Text(3, patterns_);
  s.Text(4, command_line);
  if (!s.Run()) {
    *err = Failure("cannot record the run");
    return false;
  }
  run_id_ = sqlite3_last_insert_rowid(db_);
  return true;
}

bool Store::EndRun(const RunTotals& t, Error* err) {
  Stmt s(db_,
         "UPDATE runs SET finished_at=?, files=?, checked=?, skipped=?, failed=? WHERE "
         "id=?");
  if (!s.ok()) {
    *err = Failure("prepare");
    return false;
  }
  s.Text(1, Now());
  s.Int(2, t.files);
  s.Int(3, t.checked);
  s.Int(4, t.skipped);
  s.Int(5, t.failed);
  s.Int(6, run_id_);
  if (!s.Run()) {
    *err = Failure("cannot finish the run");
    return false;
  }
  return true;
}

bool Store::Put(const FileRow& f, const DocumentRecord* rec, Error* err) {
  if (!Exec("BEGIN IMMEDIATE", err)) return false;
  auto fail = [&](const std::string& what) {
    *err = Failure(what);
    char* msg = nullptr;
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, &msg);
    sqlite3_free(msg);
    return false;
  };
  if (rec && !f.sha256.empty()) {
    std::vector<Sheet> shapes = Shapes();
    for (const Sheet& shape : shapes) {
      Stmt del(db_, "DELETE FROM " + Quote(TableOf(shape)) + " WHERE sha256=?");
      if (!del.ok()) return fail("prepare");
      del.Text(1, f.sha256);
      if (!del.Run()) return fail("cannot replace the document");
    }
    for (const Sheet& sheet : rec->sheets) {
      std::string t = TableOf(sheet);
      bool doc = t == "documents";
      std::vector<std::string> cols = StoredColumns(sheet);
      std::string sql = "INSERT INTO " + Quote(t) + "(sha256";
      std::string qs = "?";
      if (doc) {
        sql += std::string(", tool_version, patterns_version, status, ") + kErrorColumns +
               ", pages";
        qs += ",?,?,?,?,?,?,?,?,?,?";
      } else {
        sql += ", seq";
        qs += ",?";
      }
      for (const std::string& c : cols) sql += ", " + Quote(c), qs += ",?";
      if (doc) sql += ", report_json, limits, cross_facts", qs += ",?,?,?";
      sql += ") VALUES(" + qs + ")";
      Stmt ins(db_, sql);
      if (!ins.ok()) return fail("prepare");
      std::vector<size_t> at;  // sheet column index of each stored column
      for (const std::string& c : cols)
        at.push_back(
            static_cast<size_t>(std::find(sheet.columns.begin(), sheet.columns.end(), c) -
                                sheet.columns.begin()));
      for (size_t r = 0; r < sheet.rows.size(); ++r) {
        const auto& row = sheet.rows[r];
        int i = 1;
        ins.Text(i++, f.sha256);
        if (doc) {
          ins.Text(i++, tool_);
          ins.Text(i++, patterns_);
          ins.Text(i++, rec->status);
          BindError(ins, &i, rec->error);
          ins.Int(i++, rec->pages);
        } else {
          ins.Int(i++, static_cast<int64_t>(r + 1));
        }
        for (size_t k : at) ins.Bind(i++, k < row.size() ? row[k] : Value{});
        if (doc) {
          // A record made without its JSON is kept as the tree it was: null.
          ins.Text(i++, rec->json.empty() ? std::string("null") : rec->json);
          ins.Text(i++, limits_);
          if (rec->cross.known)
            ins.Text(i++,
                     CrossFactsToJson(rec->cross)
                         .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
          else
            ins.Bind(i++, Value{});  // NULL: not known, never guessed later
        }
        if (!ins.Run()) return fail("cannot record " + t);
      }
    }
  }
  if (!rec) {
    // Content checked before: a path already recorded with it keeps the
    // timings of the run that checked it.
    Stmt same(db_, "SELECT 1 FROM files WHERE path=? AND sha256=? AND status=?");
    if (!same.ok()) return fail("prepare");
    same.Text(1, f.path);
    same.Text(2, f.sha256);
    same.Text(3, f.status);
    if (same.Row()) return Exec("COMMIT", err);
  }
  Stmt fs(db_, std::string("INSERT OR REPLACE INTO files(path, sha256, size, status, ") +
                   kErrorColumns +
                   ", pages, seconds, max_rss_kb, run_id) "
                   "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  if (!fs.ok()) return fail("prepare");
  int i = 1;
  fs.Text(i++, f.path);
  fs.Text(i++, f.sha256);
  fs.Int(i++, static_cast<int64_t>(f.size));
  fs.Text(i++, f.status);
  BindError(fs, &i, f.error);
  fs.Int(i++, f.pages);
  fs.Real(i++, f.seconds);
  fs.Int(i++, f.max_rss_kb);
  fs.Int(i++, run_id_);
  if (!fs.Run()) return fail("cannot record the file");
  return Exec("COMMIT", err);
}

}  // namespace jx
