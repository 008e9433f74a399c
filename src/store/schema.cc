#include "store/schema.h"

#include <sqlite3.h>

#include <cctype>

#include "store/sqlite.h"
#include "store/store.h"

namespace jx {
namespace store {

std::string Quote(const std::string& ident) { return "\"" + ident + "\""; }

std::string TableOf(const Sheet& sheet) {
  if (sheet.name == "Budget") return "figures";
  std::string s = sheet.name;
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::vector<Sheet> Shapes() {
  return BuildSheets(std::vector<const DocumentReport*>{}, /*tables=*/false);
}

std::vector<std::string> StoredColumns(const Sheet& s) {
  std::vector<std::string> cols;
  for (const std::string& c : s.columns)
    if (c != "file" && c != "status" && c != "error") cols.push_back(c);
  return cols;
}

const char* const kDocExtra[4] = {"report_path", "report_text", "report_text_verbose",
                                  "report_json"};

}  // namespace store

using store::kDocExtra;
using store::Quote;
using store::Shapes;
using store::StoredColumns;
using store::TableOf;

Store::~Store() {
  if (db_) sqlite3_close(db_);
}

std::string Store::Error(const std::string& what) const {
  return path_ + ": " + what + ": " + (db_ ? sqlite3_errmsg(db_) : "no database");
}

bool Store::Exec(const char* sql, std::string* err) {
  char* msg = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
    *err = path_ + ": " + (msg ? msg : "error");
    sqlite3_free(msg);
    return false;
  }
  return true;
}

bool Store::Open(const std::string& path, const std::string& tool,
                 const std::string& patterns, std::string* err) {
  path_ = path;
  tool_ = tool;
  patterns_ = patterns;
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                      nullptr) != SQLITE_OK) {
    *err = Error("cannot open");
    return false;
  }
  sqlite3_busy_timeout(db_, 10000);
  // WAL: a commit is one append, and a killed writer leaves every committed
  // file intact. NORMAL sync is durable against a killed process.
  if (!Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", err)) return false;
  std::string schema =
      "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);"
      "INSERT OR IGNORE INTO meta VALUES('schema_version', '1');"
      "CREATE TABLE IF NOT EXISTS runs(id INTEGER PRIMARY KEY, started_at TEXT, "
      "finished_at TEXT, tool_version TEXT, patterns_version TEXT, command_line TEXT, "
      "files INTEGER, checked INTEGER, skipped INTEGER, failed INTEGER);"
      "CREATE TABLE IF NOT EXISTS files(path TEXT PRIMARY KEY, sha256 TEXT, size "
      "INTEGER, "
      "status TEXT, error TEXT, pages INTEGER, seconds REAL, max_rss_kb INTEGER, "
      "run_id INTEGER);"
      "CREATE INDEX IF NOT EXISTS files_sha256 ON files(sha256);";
  for (const Sheet& s : Shapes()) {
    std::string t = TableOf(s);
    bool doc = t == "documents";
    schema +=
        "CREATE TABLE IF NOT EXISTS " + Quote(t) + "(sha256 TEXT" +
        (doc ? " PRIMARY KEY, tool_version TEXT, patterns_version TEXT, status TEXT, "
               "error TEXT, pages INTEGER"
             : ", seq INTEGER");
    for (const std::string& c : StoredColumns(s)) schema += ", " + Quote(c);
    if (doc)
      for (const char* c : kDocExtra) schema += ", " + Quote(c) + " TEXT";
    schema += ");";
    if (!doc)
      schema += "CREATE INDEX IF NOT EXISTS " + Quote(t + "_sha256") + " ON " + Quote(t) +
                "(sha256, seq);";
  }
  return Exec(schema.c_str(), err);
}

}  // namespace jx
