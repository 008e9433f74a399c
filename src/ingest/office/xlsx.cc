// SpreadsheetML (.xlsx, also as WPS writes it): every visible sheet in
// workbook order, hidden rows left out, cells as Excel shows them (shared
// and inline strings, numbers under their number format, formulas by their
// cached values), merged ranges as spans. A sheet becomes paragraphs (rows
// holding one cell of text) and tables (runs of rows with several cells).
#include <algorithm>
#include <cstring>
#include <map>

#include "base/text.h"
#include "ingest/office/numfmt.h"
#include "ingest/office/office.h"
#include "ingest/office/package.h"

namespace jx::office {
namespace {

// "BC12" → column 54 (0-based), row 12; false when malformed.
bool ParseRef(std::string_view ref, int* col, int* row) {
  size_t i = 0;
  long c = 0, r = 0;
  while (i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i]))) {
    c = c * 26 + (std::toupper(static_cast<unsigned char>(ref[i])) - 'A' + 1);
    if (c > 16384) return false;  // beyond XFD
    ++i;
  }
  if (c == 0 || i == ref.size()) return false;
  for (; i < ref.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(ref[i]))) return false;
    r = r * 10 + (ref[i] - '0');
    if (r > 1048576) return false;
  }
  if (r == 0) return false;
  *col = static_cast<int>(c - 1);
  *row = static_cast<int>(r);
  return true;
}

struct SheetCell {
  std::string text;
  bool present = true;  // a <c> element, even an empty styled one
};

struct Merge {
  int r0, c0, r1, c1;  // rows 1-based, columns 0-based, inclusive
};

class XlsxReader {
 public:
  XlsxReader(Zip* zip, Document* doc) : zip_(zip), doc_(doc) {}

  bool Run(const std::string& workbook, std::string* why) {
    XmlDoc wb;
    std::string xml;
    if (!zip_->Read(workbook, &xml, why) || !ParseXml(xml, workbook, &wb, why))
      return false;
    const xmlNode* root = xmlDocGetRootElement(wb.get());
    if (!root || !Is(root, "workbook")) {
      *why = workbook + ": no workbook element";
      return false;
    }
    if (const xmlNode* pr = Child(root, "workbookPr")) {
      std::string v = Attr(pr, "date1904");
      date1904_ = v == "1" || v == "true";
    }
    std::map<std::string, std::string> rels;
    if (!Relationships(workbook, &rels, why)) return false;
    for (const auto& [id, target] : rels)
      if (target.ends_with("sharedStrings.xml") && !SharedStrings(target, why))
        return false;
    for (const auto& [id, target] : rels)
      if (target.ends_with("styles.xml") && !Styles(target, why)) return false;
    const xmlNode* sheets = Child(root, "sheets");
    int number = 0;
    for (const xmlNode* s = sheets ? sheets->children : nullptr; s; s = s->next) {
      if (!Is(s, "sheet")) continue;
      ++number;  // sheets keep their workbook number, hidden ones included
      std::string state = Attr(s, "state");
      if (state == "hidden" || state == "veryHidden") continue;
      auto it = rels.find(Attr(s, "id"));
      if (it == rels.end() || !zip_->Has(it->second)) continue;  // a chartsheet …
      sheet_name_ = Attr(s, "name");
      if (!Sheet(it->second, number, why)) return false;
    }
    return true;
  }

 private:
  bool Relationships(const std::string& part, std::map<std::string, std::string>* out,
                     std::string* why) {
    std::string name = part.substr(0, part.rfind('/') + 1) + "_rels/" +
                       part.substr(part.rfind('/') + 1) + ".rels";
    if (!zip_->Has(name)) return true;
    std::string xml;
    XmlDoc d;
    if (!zip_->Read(name, &xml, why) || !ParseXml(xml, name, &d, why)) return false;
    const xmlNode* root = xmlDocGetRootElement(d.get());
    for (const xmlNode* r = root ? root->children : nullptr; r; r = r->next)
      if (Is(r, "Relationship") && Attr(r, "TargetMode") != "External")
        (*out)[Attr(r, "Id")] = ResolvePart(part, Attr(r, "Target"));
    return true;
  }

  // The text of a rich or plain string item, without phonetic runs.
  static std::string StringItem(const xmlNode* si) {
    std::string out;
    for (const xmlNode* n = si->children; n; n = n->next) {
      if (Is(n, "t")) out += TextOf(n);
      if (Is(n, "r"))
        if (const xmlNode* t = Child(n, "t")) out += TextOf(t);
    }
    return out;
  }

  bool SharedStrings(const std::string& part, std::string* why) {
    std::string xml;
    XmlDoc d;
    if (!zip_->Read(part, &xml, why) || !ParseXml(xml, part, &d, why)) return false;
    const xmlNode* root = xmlDocGetRootElement(d.get());
    for (const xmlNode* si = root ? root->children : nullptr; si; si = si->next)
      if (Is(si, "si")) shared_.push_back(StringItem(si));
    return true;
  }

  bool Styles(const std::string& part, std::string* why) {
    std::string xml;
    XmlDoc d;
    if (!zip_->Read(part, &xml, why) || !ParseXml(xml, part, &d, why)) return false;
    const xmlNode* root = xmlDocGetRootElement(d.get());
    std::map<int, std::string> custom;
    if (const xmlNode* fmts = Child(root, "numFmts"))
      for (const xmlNode* f = fmts->children; f; f = f->next)
        if (Is(f, "numFmt"))
          custom[std::atoi(Attr(f, "numFmtId").c_str())] = Attr(f, "formatCode");
    if (const xmlNode* xfs = Child(root, "cellXfs"))
      for (const xmlNode* xf = xfs->children; xf; xf = xf->next) {
        if (!Is(xf, "xf")) continue;
        int id = std::atoi(Attr(xf, "numFmtId").c_str());
        auto it = custom.find(id);
        formats_.push_back(it != custom.end() ? it->second : BuiltinNumberFormat(id));
      }
    return true;
  }

  std::string CellText(const xmlNode* c) {
    std::string type = Attr(c, "t");
    const xmlNode* v = Child(c, "v");
    if (type == "inlineStr") {
      const xmlNode* is = Child(c, "is");
      return is ? StringItem(is) : "";
    }
    if (!v) return "";  // a formula without a cached value shows nothing here
    std::string raw = TextOf(v);
    if (type == "s") {
      size_t i = static_cast<size_t>(std::strtoul(raw.c_str(), nullptr, 10));
      return i < shared_.size() ? shared_[i] : "";
    }
    if (type == "b") return raw == "1" ? "TRUE" : "FALSE";
    if (type == "str" || type == "e" || type == "d") return raw;
    size_t style = static_cast<size_t>(std::strtoul(Attr(c, "s").c_str(), nullptr, 10));
    const std::string& code = style < formats_.size() ? formats_[style] : std::string();
    return FormatNumber(raw, code, date1904_);
  }

  bool Sheet(const std::string& part, int number, std::string* why) {
    std::string xml;
    XmlDoc d;
    if (!zip_->Read(part, &xml, why) || !ParseXml(xml, part, &d, why)) return false;
    const xmlNode* root = xmlDocGetRootElement(d.get());
    const xmlNode* data = Child(root, "sheetData");
    std::map<int, std::map<int, SheetCell>> grid;  // row → column → cell
    hidden_.clear();
    hidden_cols_.assign(16384, false);
    // Hidden columns, like hidden rows, are not shown: left out.
    if (const xmlNode* cols = Child(root, "cols"))
      for (const xmlNode* c = cols->children; c; c = c->next) {
        std::string h = Attr(c, "hidden");
        if (!Is(c, "col") || (h != "1" && h != "true")) continue;
        int lo = std::clamp(std::atoi(Attr(c, "min").c_str()), 1, 16384);
        int hi = std::clamp(std::atoi(Attr(c, "max").c_str()), lo, 16384);
        for (int k = lo; k <= hi; ++k) hidden_cols_[static_cast<size_t>(k - 1)] = true;
      }
    uint64_t cells = 0;
    int next_row = 1;
    for (const xmlNode* r = data ? data->children : nullptr; r; r = r->next) {
      if (!Is(r, "row")) continue;
      int row = next_row;
      if (HasAttr(r, "r")) row = std::atoi(Attr(r, "r").c_str());
      if (row < 1 || row > 1048576) row = next_row;
      next_row = row + 1;
      std::string hidden = Attr(r, "hidden");
      if (hidden == "1" || hidden == "true") {
        if (hidden_.empty() || hidden_.back() < row) hidden_.push_back(row);
        continue;
      }
      int next_col = 0;
      for (const xmlNode* c = r->children; c; c = c->next) {
        if (!Is(c, "c")) continue;
        int col = next_col, crow = row;
        if (HasAttr(c, "r") && !ParseRef(Attr(c, "r"), &col, &crow)) col = next_col;
        next_col = col + 1;
        if (++cells > kLimits.max_cells) {
          *why = part + ": sheet larger than " + std::to_string(kLimits.max_cells) +
                 " cells";
          return false;
        }
        if (hidden_cols_[static_cast<size_t>(col)]) continue;
        grid[row][col] = {CellText(c), true};
      }
      if (grid.find(row) == grid.end()) grid[row];  // an empty row still separates
    }
    std::vector<Merge> merges;
    if (const xmlNode* ms = Child(root, "mergeCells"))
      for (const xmlNode* m = ms->children; m; m = m->next) {
        if (!Is(m, "mergeCell")) continue;
        std::string ref = Attr(m, "ref");
        size_t colon = ref.find(':');
        Merge mg;
        if (colon == std::string::npos ||
            !ParseRef(ref.substr(0, colon), &mg.c0, &mg.r0) ||
            !ParseRef(ref.substr(colon + 1), &mg.c1, &mg.r1) || mg.r1 < mg.r0 ||
            mg.c1 < mg.c0)
          continue;
        merges.push_back(mg);
      }
    return Emit(grid, merges, number, part, why);
  }

  // A row is a paragraph when it holds one cell of text and nothing else
  // but that cell's own merge; rows with several cells make tables, and an
  // empty (or missing) row ends one.
  bool Emit(std::map<int, std::map<int, SheetCell>>& grid,
            const std::vector<Merge>& merges, int sheet, const std::string& part,
            std::string* why) {
    // Only the sheet's own rows, up to its last used column, are ever looked
    // up: a merged range is marked there and nowhere else. The marks of all
    // ranges together are bounded like the cells, so thousands of large,
    // overlapping ranges (which no spreadsheet program writes) cost seconds
    // at most, never minutes.
    int last_col = -1;
    for (auto& [r, cols] : grid)
      if (!cols.empty()) last_col = std::max(last_col, cols.rbegin()->first);
    std::map<std::pair<int, int>, const Merge*> anchor_of;  // covered and anchor cells
    uint64_t marks = 0;
    for (const Merge& m : merges) {
      if (static_cast<uint64_t>(m.r1 - m.r0 + 1) *
              static_cast<uint64_t>(m.c1 - m.c0 + 1) >
          kLimits.max_cells)
        continue;
      const int c1 = std::min(m.c1, last_col);
      for (auto row = grid.lower_bound(m.r0); row != grid.end() && row->first <= m.r1;
           ++row) {
        for (int c = m.c0; c <= c1; ++c) {
          if (++marks > kLimits.max_cells) {
            *why = part + ": merged ranges cover more than " +
                   std::to_string(kLimits.max_cells) + " cells";
            return false;
          }
          anchor_of[{row->first, c}] = &m;
        }
      }
    }
    std::vector<int> rows;  // the open table's sheet rows
    int last_row = -1;
    auto flush = [&]() {
      if (!rows.empty()) Table(grid, anchor_of, rows, sheet);
      rows.clear();
    };
    for (auto& [r, cols] : grid) {
      if (last_row >= 0 && r != last_row + 1) {
        // Rows missing between are blank, unless they are hidden.
        auto lo = std::upper_bound(hidden_.begin(), hidden_.end(), last_row);
        auto hi = std::lower_bound(hidden_.begin(), hidden_.end(), r);
        if (hi - lo != r - last_row - 1) flush();
      }
      last_row = r;
      int content = 0, others = 0, col = -1;
      for (auto& [c, cell] : cols) {
        if (!IsBlank(cell.text)) {
          ++content;
          col = c;
        }
      }
      for (auto& [c, cell] : cols) {
        if (c == col) continue;
        auto it = anchor_of.find({r, c});
        bool own_merge = col >= 0 && it != anchor_of.end() && it->second->r0 == r &&
                         it->second->c0 == col;
        if (!own_merge) ++others;
      }
      if (content == 0 && others == 0) {
        flush();
        continue;
      }
      auto m = anchor_of.find({r, col});
      bool merged_across = m != anchor_of.end() && m->second->c1 > m->second->c0;
      if (content == 1 && others == 0 && !(merged_across && !rows.empty())) {
        flush();
        doc_->blocks.push_back({false, doc_->lines.size()});
        doc_->lines.push_back({Trim(cols[col].text), r, sheet});
        continue;
      }
      rows.push_back(r);
    }
    flush();
    return true;
  }

  void Table(std::map<int, std::map<int, SheetCell>>& grid,
             const std::map<std::pair<int, int>, const Merge*>& anchor_of,
             const std::vector<int>& rows, int sheet) {
    // Columns from the leftmost one any row uses.
    int first = 1 << 20;
    for (int r : rows)
      for (auto& [c, cell] : grid[r]) first = std::min(first, c);
    // Table column of each sheet column from `first`, hidden ones skipped.
    auto index_of = [&](int c) {
      int n = 0;
      for (int k = first; k < c; ++k) n += !hidden_cols_[static_cast<size_t>(k)];
      return n;
    };
    DocTable t;
    for (size_t i = 0; i < rows.size(); ++i) {
      int r = rows[i];
      auto& cols = grid[r];
      int last = cols.empty() ? first - 1 : cols.rbegin()->first;
      std::vector<DocCell> out;
      for (int c = first; c <= last; ++c) {
        if (hidden_cols_[static_cast<size_t>(c)]) continue;
        DocCell dc;
        dc.line = r;
        dc.page = sheet;
        dc.ref = CellRef(c, r);
        auto it = cols.find(c);
        if (it != cols.end()) dc.text = Trim(it->second.text);
        auto m = anchor_of.find({r, c});
        if (m != anchor_of.end()) {
          const Merge& mg = *m->second;
          auto top = std::find(rows.begin(), rows.end(), mg.r0);
          if (mg.r0 == r && mg.c0 == c) {
            // Only the rows of this table that the merge reaches count.
            int span = 0;
            for (size_t k = i; k < rows.size() && rows[k] <= mg.r1; ++k) ++span;
            dc.rowspan = std::max(1, span);
            dc.colspan = std::max(1, index_of(mg.c1 + 1) - index_of(mg.c0));
          } else if (top != rows.end() && mg.c0 >= first &&
                     !hidden_cols_[static_cast<size_t>(mg.c0)]) {
            dc.text.clear();  // a merged range shows its top-left cell only
            dc.anchor_row = static_cast<int>(top - rows.begin());
            dc.anchor_col = index_of(mg.c0);
          }
        }
        out.push_back(std::move(dc));
      }
      t.rows.push_back(std::move(out));
    }
    doc_->blocks.push_back({true, doc_->tables.size()});
    doc_->tables.push_back(std::move(t));
  }

  // "表1!B7"; a name with ASCII punctuation or spaces quoted, as Excel does.
  std::string CellRef(int col, int row) const {
    std::string letters;
    for (int c = col + 1; c > 0; c = (c - 1) / 26)
      letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    bool quote = false;
    for (unsigned char ch : sheet_name_)
      quote = quote || (ch < 0x80 && !std::isalnum(ch) && ch != '_');
    std::string name = quote ? "'" + sheet_name_ + "'" : sheet_name_;
    return name + "!" + letters + std::to_string(row);
  }

  Zip* zip_;
  Document* doc_;
  bool date1904_ = false;
  std::vector<std::string> shared_;
  std::vector<std::string> formats_;  // by cell style index
  std::vector<int> hidden_;           // hidden rows of the sheet at hand
  std::vector<bool> hidden_cols_;     // and its hidden columns
  std::string sheet_name_;
};

}  // namespace

bool ReadXlsx(const std::string& path, std::string_view bytes, Document* doc,
              Error* err) {
  Zip zip;
  std::string why;
  if (!zip.Open(bytes, &why)) {
    *err = MakeError(path, why);
    return false;
  }
  std::string custom;
  std::string ignored;
  if (zip.Has(kCustomPropertiesPart) &&
      zip.Read(kCustomPropertiesPart, &custom, &ignored) && MarkedByJxaudit(custom)) {
    *err = MakeError(path,
                     "not read: a workbook jxaudit wrote (its findings and tables), "
                     "not a report");
    return false;
  }
  doc->path = path;
  doc->encoding = "XLSX";
  doc->structured = true;
  XlsxReader reader(&zip, doc);
  if (!reader.Run(MainPart(&zip, "xl/workbook.xml"), &why)) {
    *err = MakeError(path, why);
    return false;
  }
  return true;
}

}  // namespace jx::office
