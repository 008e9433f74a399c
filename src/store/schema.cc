#include "store/schema.h"

#include <sqlite3.h>

#include <cctype>
#include <string_view>

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

const char* const kSchemaVersion = "4";
// Version 3 added findings.fingerprint, version 4 documents.cross_facts (what
// the comparison across documents reads); a store of version 2 or 3 opened
// for writing gains the columns (its old rows, made by an older build, are
// never replayed: the tool version differs; one that were is not compared
// across documents, and the run says so).
const char* const kUpgradableVersions[2] = {"2", "3"};

const char* const kErrorColumns =
    "error_message, error_page, error_line, error_table, error_row, error_column";
const char* const kErrorColumnsDecl =
    "error_message TEXT, error_page INTEGER, error_line INTEGER, error_table TEXT, "
    "error_row INTEGER, error_column INTEGER";

void BindError(Stmt& s, int* i, const Error& e) {
  s.Text((*i)++, e.message);
  s.Int((*i)++, e.where.page);
  s.Int((*i)++, e.where.line);
  s.Text((*i)++, e.where.table);
  s.Int((*i)++, e.where.row);
  s.Int((*i)++, e.where.column);
}

Error ColError(Stmt& s, int i, const std::string& path) {
  Error e;
  e.where.file = path;
  e.message = s.ColText(i);
  e.where.page = static_cast<int>(s.ColInt(i + 1));
  e.where.line = static_cast<int>(s.ColInt(i + 2));
  e.where.table = s.ColText(i + 3);
  e.where.row = static_cast<int>(s.ColInt(i + 4));
  e.where.column = static_cast<int>(s.ColInt(i + 5));
  return e;
}

Value ErrorValue(const std::string& status, const Error& e) {
  return TextValue(status == "ok" ? "" : e.ToString());
}

}  // namespace store

using store::kErrorColumnsDecl;
using store::kSchemaVersion;
using store::Quote;
using store::Shapes;
using store::Stmt;
using store::StoredColumns;
using store::TableOf;

Store::~Store() {
  if (db_) sqlite3_close(db_);
}

Error Store::Failure(const std::string& what) const {
  return MakeError(path_, what + ": " + (db_ ? sqlite3_errmsg(db_) : "no database"));
}

bool Store::Exec(const char* sql, Error* err) {
  char* msg = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
    *err = MakeError(path_, msg ? msg : "error");
    sqlite3_free(msg);
    return false;
  }
  return true;
}

bool Store::CheckSchema(bool* empty, bool* upgrade, Error* err) {
  *upgrade = false;
  Stmt tables(db_, "SELECT count(*) FROM sqlite_master");
  if (!tables.ok() || !tables.Row()) {
    *err = Failure("cannot open");
    return false;
  }
  *empty = tables.ColInt(0) == 0;
  if (*empty) return true;
  Stmt v(db_, "SELECT value FROM meta WHERE key='schema_version'");
  if (!v.ok() || !v.Row()) {
    *err = MakeError(path_,
                     "not a jxaudit store (no meta table with a schema_version): "
                     "left untouched; name another --db");
    return false;
  }
  std::string version = v.ColText(0);
  bool upgradable = false;
  for (const char* u : store::kUpgradableVersions) upgradable |= version == u;
  if (upgradable && upgrade_allowed_) {
    *upgrade = true;
    from_version_ = version;
    return true;
  }
  if (upgradable) {
    *err = MakeError(path_, "store schema version " + version + ", this jxaudit " +
                                "reads version " + kSchemaVersion +
                                ": run `jxaudit check --db` on it once to upgrade it");
    return false;
  }
  if (version != kSchemaVersion) {
    *err = MakeError(path_, "store schema version " + version + ", this jxaudit " +
                                "keeps version " + kSchemaVersion +
                                ": name another --db or remove this one");
    return false;
  }
  return true;
}

bool Store::OpenReadOnly(const std::string& path, Error* err) {
  path_ = path;
  // Read-write (nothing is written) first: a reader that can write the
  // folder removes the -wal and -shm files it made when it closes, as a
  // read-only connection cannot. Then mode=ro, so that a store another run
  // is writing is read consistently where the store cannot be written; a WAL
  // store on a read-only mount cannot make its -shm file that way, and is
  // read as immutable, which it is there.
  std::string uri;
  for (char c : path) {
    if (c == '%' || c == '?' || c == '#')
      uri += "%" + std::string(1, "0123456789ABCDEF"[(c >> 4) & 15]) +
             "0123456789ABCDEF"[c & 15];
    else
      uri += c;
  }
  if (uri.empty() || uri[0] != '/') uri = "./" + uri;
  for (const char* mode : {"?mode=rw", "?mode=ro", "?mode=ro&immutable=1"}) {
    if (db_) sqlite3_close(db_), db_ = nullptr;
    const int flags = std::string_view(mode) == "?mode=rw" ? SQLITE_OPEN_READWRITE
                                                           : SQLITE_OPEN_READONLY;
    if (sqlite3_open_v2(("file:" + uri + mode).c_str(), &db_, flags | SQLITE_OPEN_URI,
                        nullptr) != SQLITE_OK)
      continue;
    sqlite3_busy_timeout(db_, 10000);
    {
      // Not readable this way (no -shm on a read-only mount): the next way.
      Stmt probe(db_, "SELECT count(*) FROM sqlite_master");
      if (!probe.ok() || !probe.Row()) {
        *err = Failure("cannot open");
        continue;
      }
    }
    bool empty = false, upgrade = false;
    upgrade_allowed_ = false;
    if (!CheckSchema(&empty, &upgrade, err)) return false;
    if (empty) {
      *err = MakeError(path_, "not a jxaudit store (no tables)");
      return false;
    }
    return true;
  }
  if (err->message.empty()) *err = Failure("cannot open");
  return false;
}

bool Store::Open(const std::string& path, const std::string& tool,
                 const std::string& patterns, Error* err) {
  path_ = path;
  tool_ = tool;
  patterns_ = patterns;
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                      nullptr) != SQLITE_OK) {
    *err = Failure("cannot open");
    return false;
  }
  sqlite3_busy_timeout(db_, 10000);
  // Before anything writes (even the journal mode is written to the file):
  // another application's database is refused as it is.
  bool empty = false, upgrade = false;
  upgrade_allowed_ = true;
  if (!CheckSchema(&empty, &upgrade, err)) return false;
  // WAL: a commit is one append, and a killed writer leaves every committed
  // file intact. NORMAL sync is durable against a killed process.
  if (!Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", err)) return false;
  // A new store takes this build's version; an existing one keeps its own.
  std::string meta =
      std::string(
          "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);"
          "INSERT OR IGNORE INTO meta VALUES('schema_version', '") +
      kSchemaVersion + "');";
  if (!Exec(meta.c_str(), err)) return false;
  std::string schema =
      "CREATE TABLE IF NOT EXISTS runs(id INTEGER PRIMARY KEY, started_at TEXT, "
      "finished_at TEXT, tool_version TEXT, patterns_version TEXT, command_line TEXT, "
      "files INTEGER, checked INTEGER, skipped INTEGER, failed INTEGER);"
      "CREATE TABLE IF NOT EXISTS files(path TEXT PRIMARY KEY, sha256 TEXT, size "
      "INTEGER, "
      "status TEXT, " +
      std::string(kErrorColumnsDecl) +
      ", pages INTEGER, seconds REAL, max_rss_kb INTEGER, run_id INTEGER);"
      "CREATE INDEX IF NOT EXISTS files_sha256 ON files(sha256);";
  for (const Sheet& s : Shapes()) {
    std::string t = TableOf(s);
    bool doc = t == "documents";
    schema +=
        "CREATE TABLE IF NOT EXISTS " + Quote(t) + "(sha256 TEXT" +
        (doc ? std::string(" PRIMARY KEY, tool_version TEXT, patterns_version TEXT, "
                           "status TEXT, ") +
                   kErrorColumnsDecl + ", pages INTEGER"
             : std::string(", seq INTEGER"));
    for (const std::string& c : StoredColumns(s)) schema += ", " + Quote(c);
    // The `check --format json` document without what names the file; the
    // text is printed from the columns (kind, department, year, findings).
    if (doc) schema += ", report_json TEXT, limits TEXT, cross_facts TEXT";
    schema += ");";
    if (!doc)
      schema += "CREATE INDEX IF NOT EXISTS " + Quote(t + "_sha256") + " ON " + Quote(t) +
                "(sha256, seq);";
  }
  if (!Exec(schema.c_str(), err)) return false;
  if (upgrade) {
    std::string up = "BEGIN; ";
    if (from_version_ == "2") up += "ALTER TABLE findings ADD COLUMN fingerprint TEXT; ";
    up += std::string(
              "ALTER TABLE documents ADD COLUMN cross_facts TEXT; "
              "UPDATE meta SET value='") +
          kSchemaVersion + "' WHERE key='schema_version'; COMMIT;";
    if (!Exec(up.c_str(), err)) {
      Error ignored;  // the upgrade's own error is the one to tell
      Exec("ROLLBACK", &ignored);
      return false;
    }
  }
  // Columns a sheet gained after a store was made (version 4: the
  // Indicators sheet's direction, result and deviation): added empty, its
  // old rows (never replayed: an older build made them) without them.
  for (const Sheet& s : Shapes())
    for (const std::string& c : StoredColumns(s)) {
      Stmt has(db_, "SELECT 1 FROM pragma_table_info(?) WHERE name=?");
      if (!has.ok()) {
        *err = Failure("cannot read the schema");
        return false;
      }
      has.Text(1, TableOf(s));
      has.Text(2, c);
      if (has.Row()) continue;
      std::string add = "ALTER TABLE " + Quote(TableOf(s)) + " ADD COLUMN " + Quote(c);
      if (!Exec(add.c_str(), err)) return false;
    }
  // `limits` came after version 2 was first written: a store without it
  // gains it, its old records without limits (so a failure among them is
  // checked again once).
  Stmt cols(db_, "SELECT 1 FROM pragma_table_info('documents') WHERE name='limits'");
  if (cols.ok() && !cols.Row())
    return Exec("ALTER TABLE documents ADD COLUMN limits TEXT", err);
  return true;
}

}  // namespace jx
