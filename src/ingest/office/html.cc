// Web pages: encoding from the BOM, <meta charset> or http-equiv, else
// detected (GB2312 and GBK pages are read as GB18030, their superset, since
// they often hold characters outside GB2312); parsed by libxml2's HTML
// parser (no network, recovering); paragraphs in order, tables with rowspan
// and colspan, a table of tables read as page layout; scripts, styles,
// navigation and footers left out.
#include <libxml/HTMLparser.h>

#include <algorithm>
#include <cstring>
#include <set>

#include "base/text.h"
#include "ingest/encoding.h"
#include "ingest/office/office.h"
#include "ingest/office/package.h"

namespace jx::office {
namespace {

// The charset a page declares in its first bytes (meta charset or
// http-equiv content), lower-case; "" when none.
std::string DeclaredCharset(std::string_view bytes) {
  std::string head(bytes.substr(0, std::min<size_t>(bytes.size(), 8192)));
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  size_t meta = 0;
  while ((meta = head.find("<meta", meta)) != std::string::npos) {
    size_t end = head.find('>', meta);
    if (end == std::string::npos) break;
    size_t cs = head.find("charset", meta);
    if (cs != std::string::npos && cs < end) {
      size_t i = cs + 7;
      while (i < end &&
             (head[i] == ' ' || head[i] == '=' || head[i] == '"' || head[i] == '\''))
        ++i;
      size_t j = i;
      while (j < end && (std::isalnum(static_cast<unsigned char>(head[j])) ||
                         head[j] == '-' || head[j] == '_'))
        ++j;
      if (j > i) return head.substr(i, j - i);
    }
    meta = end;
  }
  return "";
}

// ICU's name for a declared charset; the GB family as GB18030.
std::string IcuCharset(const std::string& declared) {
  static const char* kGb[] = {"gb2312", "gbk",         "x-gbk",  "gb18030", "gb_2312-80",
                              "cp936",  "windows-936", "euc-cn", "csgb2312"};
  for (const char* g : kGb)
    if (declared == g) return "GB18030";
  if (declared == "utf8" || declared == "utf-8") return "UTF-8";
  return declared;
}

bool Decode(std::string_view bytes, std::string* out, std::string* name,
            std::string* why) {
  if (bytes.starts_with("\xEF\xBB\xBF") || bytes.starts_with("\xFF\xFE") ||
      bytes.starts_with("\xFE\xFF")) {
    DecodeResult d = DecodeText(bytes);  // BOMs decide
    if (!d.ok) {
      *why = d.error;
      return false;
    }
    *out = std::move(d.text);
    *name = d.encoding;
    return true;
  }
  // Valid UTF-8 with non-ASCII bytes is UTF-8 whatever the page declares:
  // pages saved again by an editor keep their old declaration.
  if (IsValidUtf8(bytes)) {
    *out = std::string(bytes);
    *name = "UTF-8";
    return true;
  }
  std::string declared = IcuCharset(DeclaredCharset(bytes));
  size_t bad = 0;
  if (!declared.empty() && declared != "UTF-8" &&
      DecodeAs(bytes, declared.c_str(), out, &bad)) {
    *name = declared;
    return true;
  }
  DecodeResult d = DecodeText(bytes);
  if (!d.ok) {
    *why = d.error + (declared.empty() ? "" : " (declared charset " + declared + ")");
    return false;
  }
  *out = std::move(d.text);
  *name = d.encoding;
  return true;
}

bool Named(const xmlNode* n, std::initializer_list<const char*> names) {
  const char* s = Name(n);
  if (!s) return false;
  for (const char* x : names)
    if (!std::strcmp(s, x)) return true;
  return false;
}

// Content a reader of the page does not see as the report: code, styles,
// navigation, footers, hidden elements, form controls.
bool Skipped(const xmlNode* n) {
  if (Named(n, {"script", "style", "noscript", "template", "head", "nav", "footer",
                "iframe", "object", "embed", "svg", "select", "textarea", "button", "map",
                "audio", "video", "canvas", "frameset"}))
    return true;
  std::string role = Attr(n, "role");
  if (role == "navigation" || role == "contentinfo" || role == "banner") return true;
  if (HasAttr(n, "hidden") || Attr(n, "aria-hidden") == "true") return true;
  std::string style = Attr(n, "style");
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos;
}

// Elements that start and end a line of text.
bool IsBlock(const xmlNode* n) {
  return Named(n, {"p",       "div",    "h1",      "h2",     "h3",         "h4",
                   "h5",      "h6",     "li",      "ul",     "ol",         "section",
                   "article", "header", "main",    "aside",  "blockquote", "pre",
                   "dl",      "dt",     "dd",      "form",   "fieldset",   "center",
                   "address", "hr",     "caption", "figure", "figcaption", "body",
                   "html",    "tr",     "td",      "th",     "thead",      "tbody",
                   "tfoot",   "table",  "details", "summary"});
}

class HtmlReader {
 public:
  explicit HtmlReader(Document* doc) : doc_(doc) {}

  bool Run(const xmlNode* root, std::string* why) {
    bool ok = Walk(root, 0);
    Flush();
    if (!ok) *why = why_;
    return ok;
  }

 private:
  bool TooDeep(int depth) {
    if (depth <= kLimits.max_depth) return false;
    why_ = "HTML nested deeper than " + std::to_string(kLimits.max_depth) +
           " levels (depth limit)";
    return true;
  }

  void Text(const xmlNode* n) {
    if (!n->content) return;
    std::string_view t = reinterpret_cast<const char*>(n->content);
    if (pre_ > 0) {
      *target_ += t;
    } else {
      // White space collapses to one space; &nbsp; (U+00A0) does not.
      for (char c : t) {
        bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
        if (space) {
          if (!target_->empty() && target_->back() != ' ' && target_->back() != '\n')
            target_->push_back(' ');
        } else {
          target_->push_back(c);
        }
      }
    }
    if (line_ == 0 && !IsBlank(t)) line_ = static_cast<int>(xmlGetLineNo(n));
  }

  void Break() {
    if (in_cell_) {
      target_->push_back('\n');
    } else {
      Flush();
    }
  }

  bool Walk(const xmlNode* parent, int depth) {
    if (TooDeep(depth)) return false;
    for (const xmlNode* n = parent->children; n; n = n->next) {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        Text(n);
        continue;
      }
      if (n->type != XML_ELEMENT_NODE || Skipped(n)) continue;
      if (Named(n, {"br"})) {
        Break();
        continue;
      }
      if (Named(n, {"table"}) && !in_cell_) {
        Flush();
        if (!Table(n, depth + 1)) return false;
        continue;
      }
      bool block = IsBlock(n);
      bool pre = Named(n, {"pre", "textarea", "listing", "plaintext", "xmp"});
      if (block) Break();
      pre_ += pre;
      if (!Walk(n, depth + 1)) return false;
      pre_ -= pre;
      if (block) Break();
    }
    return true;
  }

  // The pending text as paragraphs, one per line.
  void Flush() {
    std::string text = Nbsp(body_);
    body_.clear();
    int line = line_;
    line_ = 0;
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      std::string l = Trim(std::string_view(text).substr(start, end - start));
      if (!l.empty()) {
        doc_->blocks.push_back({false, doc_->lines.size()});
        doc_->lines.push_back({l, line, 0});
      }
      start = end + 1;
    }
  }

  static std::string Nbsp(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
      if (s.compare(i, 2, "\xC2\xA0") == 0) {
        out.push_back(' ');
        ++i;
      } else {
        out.push_back(s[i]);
      }
    }
    return out;
  }

  static void Rows(const xmlNode* t, std::vector<const xmlNode*>* rows,
                   int* header_rows) {
    bool leading = true;
    for (const xmlNode* n = t->children; n; n = n->next) {
      if (Named(n, {"tr"})) {
        rows->push_back(n);
        leading = false;
      } else if (Named(n, {"thead", "tbody", "tfoot"})) {
        bool head = Named(n, {"thead"}) && leading;
        for (const xmlNode* r = n->children; r; r = r->next)
          if (Named(r, {"tr"})) {
            rows->push_back(r);
            if (head) ++*header_rows;
          }
        leading = leading && head;
      }
    }
  }

  static bool HoldsTable(const xmlNode* n, int depth) {
    if (depth > kLimits.max_depth) return false;
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (Named(c, {"table"}) && !Skipped(c)) return true;
      if (c->type == XML_ELEMENT_NODE && !Skipped(c) && HoldsTable(c, depth + 1))
        return true;
    }
    return false;
  }

  static int Span(const xmlNode* n, const char* attr, int max) {
    std::string v = Attr(n, attr);
    long x = v.empty() ? 1 : std::strtol(v.c_str(), nullptr, 10);
    return static_cast<int>(std::clamp<long>(x, 1, max));
  }

  bool Table(const xmlNode* table, int depth) {
    if (TooDeep(depth)) return false;
    // A caption is the table's title: a paragraph just above it.
    for (const xmlNode* n = table->children; n; n = n->next)
      if (Named(n, {"caption"}) && !Skipped(n)) {
        Flush();
        if (!Walk(n, depth + 1)) return false;
        Flush();
      }
    std::vector<const xmlNode*> rows;
    int header_rows = 0;
    Rows(table, &rows, &header_rows);
    std::vector<std::vector<const xmlNode*>> cells(rows.size());
    size_t count = 0;
    bool layout = false;
    for (size_t r = 0; r < rows.size(); ++r)
      for (const xmlNode* c = rows[r]->children; c; c = c->next)
        if (Named(c, {"td", "th"}) && !Skipped(c)) {
          cells[r].push_back(c);
          ++count;
          layout = layout || HoldsTable(c, depth);
        }
    // A table of tables lays the page out; a one-cell table frames text.
    if (layout || count == 1) {
      for (auto& row : cells)
        for (const xmlNode* td : row) {
          Flush();
          if (!Walk(td, depth + 1)) return false;
          Flush();
        }
      return true;
    }
    if (count == 0) return true;
    DocTable t;
    t.header_rows = header_rows;
    t.rows.resize(rows.size());
    uint64_t grid = 0;
    for (size_t r = 0; r < rows.size(); ++r) {
      size_t col = 0;
      for (const xmlNode* td : cells[r]) {
        while (taken_.count({r, col})) ++col;  // slots rowspans from above hold
        // A rowspan reaches no further than the table (0 means to its end).
        int rs = Attr(td, "rowspan") == "0"
                     ? static_cast<int>(rows.size() - r)
                     : Span(td, "rowspan", static_cast<int>(rows.size() - r));
        int cs = Span(td, "colspan", 1000);
        grid += static_cast<uint64_t>(rs) * static_cast<uint64_t>(cs);
        if (grid > kLimits.max_cells) {
          why_ = "HTML table larger than " + std::to_string(kLimits.max_cells) + " cells";
          return false;
        }
        DocCell c;
        std::string text;
        if (!CellText(td, depth + 1, &text, &c.line)) return false;
        c.text = text;
        c.rowspan = rs;
        c.colspan = cs;
        for (int dr = 0; dr < rs; ++dr) {
          auto& rr = t.rows[r + static_cast<size_t>(dr)];
          if (rr.size() < col + static_cast<size_t>(cs))
            rr.resize(col + static_cast<size_t>(cs));
          for (int dc = 0; dc < cs; ++dc) {
            taken_.insert({r + static_cast<size_t>(dr), col + static_cast<size_t>(dc)});
            if (dr == 0 && dc == 0) continue;
            DocCell& cov = rr[col + static_cast<size_t>(dc)];
            cov.line = c.line;
            cov.anchor_row = static_cast<int>(r);
            cov.anchor_col = static_cast<int>(col);
          }
        }
        t.rows[r][col] = c;
        col += static_cast<size_t>(cs);
      }
    }
    taken_.clear();
    // Cells a row leaves out before its last one are empty, at its line.
    for (auto& row : t.rows) {
      int line = 0;
      for (const DocCell& c : row) line = std::max(line, c.line);
      for (DocCell& c : row)
        if (c.line == 0) c.line = line;
    }
    doc_->blocks.push_back({true, doc_->tables.size()});
    doc_->tables.push_back(std::move(t));
    return true;
  }

  bool CellText(const xmlNode* td, int depth, std::string* out, int* line) {
    std::string buf;
    std::string* saved = target_;
    int saved_line = line_;
    target_ = &buf;
    ++in_cell_;
    line_ = 0;
    bool ok = Walk(td, depth);
    --in_cell_;
    target_ = saved;
    *line = line_ ? line_ : static_cast<int>(xmlGetLineNo(td));
    line_ = saved_line;
    // Lines of the cell, trimmed, blank ones dropped.
    std::string text = Nbsp(buf);
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      std::string l = Trim(std::string_view(text).substr(start, end - start));
      if (!l.empty()) {
        if (!out->empty()) *out += '\n';
        *out += l;
      }
      start = end + 1;
    }
    return ok;
  }

  Document* doc_;
  std::string body_;
  std::string* target_ = &body_;
  int in_cell_ = 0;
  int pre_ = 0;
  int line_ = 0;
  std::set<std::pair<size_t, size_t>> taken_;  // grid slots of the table at hand
  std::string why_;
};

}  // namespace

bool ReadHtml(const std::string& path, std::string_view bytes, Document* doc,
              Error* err) {
  std::string utf8, charset, why;
  if (!Decode(bytes, &utf8, &charset, &why)) {
    *err = MakeError(path, "HTML: " + why);
    return false;
  }
  if (utf8.size() > static_cast<size_t>(INT32_MAX)) {
    *err = MakeError(path, "HTML page too large");
    return false;
  }
  // The text is UTF-8 now: the page's own declaration must not switch it.
  const int opts = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                   HTML_PARSE_RECOVER | HTML_PARSE_IGNORE_ENC;
  XmlDoc d(htmlReadMemory(utf8.data(), static_cast<int>(utf8.size()), path.c_str(),
                          "UTF-8", opts));
  if (!d) {
    *err = MakeError(path, "HTML: the parser could not read the page");
    return false;
  }
  doc->path = path;
  doc->encoding = "HTML " + charset;
  doc->structured = true;
  HtmlReader reader(doc);
  const xmlNode* root = xmlDocGetRootElement(d.get());
  if (root && !reader.Run(reinterpret_cast<const xmlNode*>(d.get()), &why)) {
    *err = MakeError(path, why);
    return false;
  }
  return true;
}

}  // namespace jx::office
