#include "store/store.h"

#include <openssl/evp.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

namespace jx {
namespace {

std::string Hex(const unsigned char* d, unsigned n) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < n; ++i) {
    out += kDigits[d[i] >> 4];
    out += kDigits[d[i] & 15];
  }
  return out;
}

struct Digest {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  Digest() { EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr); }
  ~Digest() { EVP_MD_CTX_free(ctx); }
  void Add(const void* p, size_t n) { EVP_DigestUpdate(ctx, p, n); }
  std::string Done() {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned n = 0;
    EVP_DigestFinal_ex(ctx, md, &n);
    return Hex(md, n);
  }
};

std::string Quote(const std::string& ident) { return "\"" + ident + "\""; }

// The table a sheet's rows go to: its name in lower case, except Budget,
// whose rows are the document's figures.
std::string TableOf(const Sheet& sheet) {
  if (sheet.name == "Budget") return "figures";
  std::string s = sheet.name;
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Now() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

// The sheet columns each table keeps (the `file` column becomes the join with
// `files`).
std::vector<Sheet> Shapes() {
  return BuildSheets(std::vector<const DocumentReport*>{}, /*tables=*/false);
}

std::vector<std::string> StoredColumns(const Sheet& s) {
  std::vector<std::string> cols;
  for (const std::string& c : s.columns)
    if (c != "file" && c != "status" && c != "error") cols.push_back(c);
  return cols;
}

// Extra columns of `documents`, beside the sheet's.
// `report_path`: the path the report texts name, replaced by the path of
// another file with the same content when that one is skipped.
const char* const kDocExtra[] = {"report_path", "report_text", "report_text_verbose",
                                 "report_json"};

void ReplaceAll(std::string* s, const std::string& from, const std::string& to) {
  if (from.empty() || from == to) return;
  for (size_t at = 0; (at = s->find(from, at)) != std::string::npos; at += to.size())
    s->replace(at, from.size(), to);
}

class Stmt {
 public:
  Stmt(sqlite3* db, const std::string& sql) {
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s_, nullptr) != SQLITE_OK) s_ = nullptr;
  }
  ~Stmt() { sqlite3_finalize(s_); }
  bool ok() const { return s_ != nullptr; }
  sqlite3_stmt* get() { return s_; }
  void Text(int i, const std::string& v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void Int(int i, int64_t v) { sqlite3_bind_int64(s_, i, v); }
  void Real(int i, double v) { sqlite3_bind_double(s_, i, v); }
  void Null(int i) { sqlite3_bind_null(s_, i); }
  void Bind(int i, const Value& v) {
    if (v.kind == Value::kText)
      Text(i, v.text);
    else if (v.kind == Value::kNumber && v.number.scale == 0)
      Int(i, v.number.units);
    else if (v.kind == Value::kNumber)
      Real(i, v.number.ToDouble());
    else
      Null(i);
  }
  bool Run() {
    int rc = sqlite3_step(s_);
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
    return rc == SQLITE_DONE || rc == SQLITE_ROW;
  }
  bool Row() { return sqlite3_step(s_) == SQLITE_ROW; }
  std::string ColText(int i) {
    const unsigned char* t = sqlite3_column_text(s_, i);
    return t ? std::string(reinterpret_cast<const char*>(t),
                           static_cast<size_t>(sqlite3_column_bytes(s_, i)))
             : std::string();
  }
  int64_t ColInt(int i) { return sqlite3_column_int64(s_, i); }
  // A stored cell back as a sheet value: numbers keep their shortest
  // printed form.
  Value ColValue(int i) {
    switch (sqlite3_column_type(s_, i)) {
      case SQLITE_INTEGER:
        return NumberValue(Decimal{sqlite3_column_int64(s_, i), 0});
      case SQLITE_FLOAT:
        return NumberFromDouble(sqlite3_column_double(s_, i));
      case SQLITE_NULL:
        return Value{};
      default:
        return TextValue(ColText(i));
    }
  }

 private:
  sqlite3_stmt* s_ = nullptr;
};

}  // namespace

bool FileSha256(const std::string& path, std::string* hex, uint64_t* size,
                std::string* err) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *err = path + ": cannot open";
    return false;
  }
  Digest d;
  std::unique_ptr<char[]> buf(new char[1 << 20]);
  *size = 0;
  while (in) {
    in.read(buf.get(), 1 << 20);
    std::streamsize got = in.gcount();
    if (got <= 0) break;
    d.Add(buf.get(), static_cast<size_t>(got));
    *size += static_cast<uint64_t>(got);
  }
  if (in.bad()) {
    *err = path + ": read error";
    return false;
  }
  *hex = d.Done();
  return true;
}

bool PatternsVersion(const std::string& dir, std::string* hex, std::string* err) {
  std::error_code ec;
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.is_regular_file()) names.push_back(e.path().filename().string());
  if (ec) {
    *err = dir + ": " + ec.message();
    return false;
  }
  std::sort(names.begin(), names.end());
  Digest d;
  for (const std::string& n : names) {
    std::ifstream in(dir + "/" + n, std::ios::binary);
    std::string content((std::istreambuf_iterator<char>(in)),
                        std::istreambuf_iterator<char>());
    d.Add(n.data(), n.size() + 1);
    std::string len = std::to_string(content.size()) + ":";
    d.Add(len.data(), len.size());
    d.Add(content.data(), content.size());
  }
  *hex = d.Done();
  return true;
}

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

bool Store::BeginRun(const std::string& command_line, std::string* err) {
  Stmt s(db_,
         "INSERT INTO runs(started_at, tool_version, patterns_version, command_line) "
         "VALUES(?,?,?,?)");
  if (!s.ok()) {
    *err = Error("prepare");
    return false;
  }
  s.Text(1, Now());
  s.Text(2, tool_);
  s.Text(3, patterns_);
  s.Text(4, command_line);
  if (!s.Run()) {
    *err = Error("cannot record the run");
    return false;
  }
  run_id_ = sqlite3_last_insert_rowid(db_);
  return true;
}

bool Store::EndRun(const RunTotals& t, std::string* err) {
  Stmt s(db_,
         "UPDATE runs SET finished_at=?, files=?, checked=?, skipped=?, failed=? WHERE "
         "id=?");
  if (!s.ok()) {
    *err = Error("prepare");
    return false;
  }
  s.Text(1, Now());
  s.Int(2, t.files);
  s.Int(3, t.checked);
  s.Int(4, t.skipped);
  s.Int(5, t.failed);
  s.Int(6, run_id_);
  if (!s.Run()) {
    *err = Error("cannot finish the run");
    return false;
  }
  return true;
}

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

bool Store::Put(const FileRow& f, const DocumentRecord* rec, std::string* err) {
  if (!Exec("BEGIN IMMEDIATE", err)) return false;
  auto fail = [&](const std::string& what) {
    *err = Error(what);
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
        sql += ", tool_version, patterns_version, status, error, pages";
        qs += ",?,?,?,?,?";
      } else {
        sql += ", seq";
        qs += ",?";
      }
      for (const std::string& c : cols) sql += ", " + Quote(c), qs += ",?";
      if (doc)
        for (const char* c : kDocExtra) sql += ", " + Quote(c), qs += ",?";
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
          ins.Text(i++, rec->error);
          ins.Int(i++, rec->pages);
        } else {
          ins.Int(i++, static_cast<int64_t>(r + 1));
        }
        for (size_t k : at) ins.Bind(i++, k < row.size() ? row[k] : Value{});
        if (doc) {
          ins.Text(i++, rec->file);
          ins.Text(i++, rec->text);
          ins.Text(i++, rec->text_verbose);
          ins.Text(i++, rec->json.dump(-1, ' ', false,
                                       nlohmann::json::error_handler_t::replace));
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
  Stmt fs(
      db_,
      "INSERT OR REPLACE INTO files(path, sha256, size, status, error, pages, seconds, "
      "max_rss_kb, run_id) VALUES(?,?,?,?,?,?,?,?,?)");
  if (!fs.ok()) return fail("prepare");
  fs.Text(1, f.path);
  fs.Text(2, f.sha256);
  fs.Int(3, static_cast<int64_t>(f.size));
  fs.Text(4, f.status);
  fs.Text(5, f.error);
  fs.Int(6, f.pages);
  fs.Real(7, f.seconds);
  fs.Int(8, f.max_rss_kb);
  fs.Int(9, run_id_);
  if (!fs.Run()) return fail("cannot record the file");
  return Exec("COMMIT", err);
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
