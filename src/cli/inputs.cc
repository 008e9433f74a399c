#include "cli/inputs.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <system_error>

#include "ingest/encoding.h"
#include "ingest/office/office.h"
#include "ingest/own_output.h"
#include "ingest/pdf.h"

namespace jx {

namespace fs = std::filesystem;

bool LooksLikeReport(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  if (head.empty()) return false;
  if (LooksLikePdf(head)) return true;
  // Word, Excel, OLE2 and ODF packages, HTML pages, RTF.
  if (office::LooksLikeOffice(path)) return true;
  // A cut in the middle of a multi-byte character is not a reason to refuse
  // a file: drop a partial last character before decoding.
  for (size_t cut = 0; cut < 4 && cut < head.size(); ++cut) {
    DecodeResult d = DecodeText(std::string_view(head).substr(0, head.size() - cut));
    if (d.ok) return true;
  }
  return false;
}

namespace {

// A JSON document or JSON lines: data a tool wrote (jxaudit's own check,
// JSONL, SARIF or baseline output left in the folder being audited), never a
// report. Only a file that parses whole (or every line of which parses as a
// JSON object) counts, so a report that opens with a brace is read.
bool IsJsonData(const std::string& path) {
  constexpr std::streamsize kMaxJsonBytes = 64 << 20;  // larger is read as text
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  char first = 0;
  while (in.get(first) &&
         (first == ' ' || first == '\n' || first == '\r' || first == '\t')) {
  }
  if (first != '{' && first != '[') return false;
  in.clear();
  in.seekg(0);
  std::string all(static_cast<size_t>(kMaxJsonBytes) + 1, '\0');
  in.read(all.data(), kMaxJsonBytes + 1);
  if (in.gcount() > kMaxJsonBytes) return false;
  all.resize(static_cast<size_t>(in.gcount()));
  if (nlohmann::json::accept(all)) return true;
  std::string_view rest(all);
  bool any = false;
  while (!rest.empty()) {
    size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    if (line.find_first_not_of(" \t") != line.find('{') || !nlohmann::json::accept(line))
      return false;
    any = true;
  }
  return any;
}

}  // namespace

std::vector<std::string> CollectInputs(const std::vector<std::string>& args,
                                       std::vector<std::string>* warnings,
                                       std::vector<SkippedInput>* skipped) {
  auto skip = [&](const fs::path& p, const std::string& why) {
    if (skipped) skipped->push_back({p.string(), why});
  };
  std::vector<std::string> out;
  for (const std::string& a : args) {
    std::error_code ec;
    if (!fs::is_directory(a, ec)) {
      out.push_back(a);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(a, fs::directory_options::skip_permission_denied,
                                        ec);
    if (ec) {
      warnings->push_back(a + ": cannot list: " + ec.message());
      continue;
    }
    size_t hidden = 0;
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) {
        warnings->push_back(a + ": " + ec.message());
        break;
      }
      const fs::path& p = it->path();
      std::string name = p.filename().string();
      if (!name.empty() && name[0] == '.') {
        ++hidden;
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_directory(ec)) continue;
      if (!it->is_regular_file(ec)) {
        skip(p, "not a regular file");
        continue;
      }
      // A file named as a report is taken even when its bytes are bad, so
      // that a damaged submission is listed with its reason, not passed over.
      std::string ext = p.extension().string();
      std::transform(ext.begin(), ext.end(), ext.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      static const char* kOfficeExt[] = {".docx", ".xlsx", ".doc", ".xls",  ".wps", ".et",
                                         ".rtf",  ".odt",  ".ods", ".html", ".htm"};
      bool office_ext = false;
      for (const char* e : kOfficeExt) office_ext = office_ext || ext == e;
      bool named =
          ext == ".txt" || ext == ".pdf" || ext == ".tsv" || ext == ".csv" || office_ext;
      if (!named && IsJsonData(p.string()))
        skip(p, "not read: JSON data (a tool's output), not a report");
      else if (office_ext && office::WrittenByJxaudit(p.string()))
        skip(p, "not read: a workbook jxaudit wrote, not a report");
      else if (std::string kind = office_ext ? "" : OwnOutputKindOfFile(p.string());
               !kind.empty())
        skip(p, "not read: jxaudit's own " + kind + " output, not a report");
      else if (named || LooksLikeReport(p.string()))
        found.push_back(p.string());
      else
        skip(p, "not read: neither text, PDF, nor an office or web document");
    }
    if (hidden > 0)
      warnings->push_back(a + ": " + std::to_string(hidden) +
                          " hidden entries (names starting with '.') not read");
    if (found.empty()) warnings->push_back(a + ": no report files found");
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace jx
