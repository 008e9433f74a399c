// WordprocessingML (.docx, also as WPS writes it): paragraphs in order, tables
// with their grid spans and vertical merges, nested tables, text boxes, fields
// as their shown result, tracked changes as accepted (insertions kept,
// deletions dropped). The structure is read, never inferred.
#include <algorithm>
#include <cstring>
#include <map>
#include <utility>

#include "base/text.h"
#include "ingest/office/numbering.h"
#include "ingest/office/office.h"
#include "ingest/office/package.h"

namespace jx::office {
namespace {

bool IsWordNs(const xmlNode* n) {
  if (!n->ns || !n->ns->href) return false;
  std::string_view h = reinterpret_cast<const char*>(n->ns->href);
  // Transitional and Strict OOXML.
  return h.ends_with("wordprocessingml/2006/main") ||
         h.ends_with("/wordprocessingml/main");
}

bool W(const xmlNode* n, std::string_view local) { return Is(n, local) && IsWordNs(n); }

int IntAttr(const xmlNode* n, int fallback) {
  std::string v = Attr(n, "val");
  if (v.empty()) return fallback;
  long x = std::strtol(v.c_str(), nullptr, 10);
  return static_cast<int>(std::clamp<long>(x, 0, 1 << 20));
}

DocCell EmptyCell(int line) {
  DocCell c;
  c.line = line;
  return c;
}

// Embedded workbooks read from one document, at most: each is a package of
// its own, held to the zip limits again.
constexpr int kMaxEmbedded = 16;

// Widest grid a row may claim: a gridSpan of a billion is not a table.
constexpr int kMaxColumns = 1024;

class DocxReader {
 public:
  DocxReader(Document* doc, WordNumbering* numbering, Zip* zip, std::string part)
      : doc_(doc), numbering_(numbering), zip_(zip), part_(std::move(part)) {}

  bool Run(const xmlNode* body, std::string* why) {
    if (!Blocks(body, 0)) {
      *why = why_;
      return false;
    }
    return true;
  }

 private:
  bool TooDeep(int depth) {
    if (depth <= kLimits.max_depth) return false;
    why_ = "word/document.xml: nested deeper than " + std::to_string(kLimits.max_depth) +
           " levels";
    return true;
  }

  // Block content of the body, a cell or a text box.
  bool Blocks(const xmlNode* parent, int depth) {
    if (TooDeep(depth)) return false;
    for (const xmlNode* n = parent->children; n; n = n->next) {
      if (n->type != XML_ELEMENT_NODE) continue;
      if (W(n, "p")) {
        std::vector<const xmlNode*> boxes;
        int number = ++paragraphs_;
        std::string text = numbering_->Label(n);
        if (!Inline(n, depth + 1, &text, &boxes)) return false;
        EmitParagraph(text, number);
        for (const xmlNode* b : boxes)
          if (!Blocks(b, depth + 1)) return false;
        for (const std::string& id : std::exchange(embeds_, {})) Embedded(id, number);
      } else if (W(n, "tbl")) {
        if (!Table(n, depth + 1)) return false;
      } else if (W(n, "del") || W(n, "moveFrom") || W(n, "sectPr")) {
        continue;
      } else if (W(n, "sdt") || W(n, "sdtContent") || W(n, "customXml") || W(n, "ins") ||
                 W(n, "moveTo") || Is(n, "AlternateContent") || Is(n, "Choice")) {
        if (Is(n, "AlternateContent")) {
          // The first choice only: the fallback repeats the same content.
          const xmlNode* c = Child(n, "Choice");
          if (c && !Blocks(c, depth + 1)) return false;
          continue;
        }
        if (!Blocks(n, depth + 1)) return false;
      }
    }
    return true;
  }

  void EmitParagraph(const std::string& text, int number) {
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      std::string line = Trim(std::string_view(text).substr(start, end - start));
      if (!line.empty()) {
        doc_->blocks.push_back({false, doc_->lines.size()});
        doc_->lines.push_back({line, number, 0});
      }
      start = end + 1;
    }
  }

  // Runs of a paragraph. Text boxes met on the way are returned to be read
  // as blocks after it (they float beside the paragraph that anchors them).
  bool Inline(const xmlNode* parent, int depth, std::string* text,
              std::vector<const xmlNode*>* boxes) {
    if (TooDeep(depth)) return false;
    for (const xmlNode* n = parent->children; n; n = n->next) {
      if (n->type != XML_ELEMENT_NODE) continue;
      const char* name = Name(n);
      // A workbook pasted as an object (Word shows a picture of it): its
      // cells are in the package, read after the paragraph holding it.
      if (Is(n, "OLEObject")) {
        if (Attr(n, "ProgID").starts_with("Excel.Sheet"))
          embeds_.push_back(Attr(n, "id"));
        continue;
      }
      if (IsWordNs(n)) {
        if (!std::strcmp(name, "t")) {
          if (field_code_ == 0) *text += TextOf(n);
          continue;
        }
        if (!std::strcmp(name, "fldChar")) {
          std::string type = Attr(n, "fldCharType");
          // Between begin and separate lies the field code; the result
          // follows, up to end.
          if (type == "begin") {
            fields_.push_back(true);
            ++field_code_;
          } else if (type == "separate" && !fields_.empty() && fields_.back()) {
            fields_.back() = false;
            --field_code_;
          } else if (type == "end" && !fields_.empty()) {
            if (fields_.back()) --field_code_;
            fields_.pop_back();
          }
          continue;
        }
        if (!std::strcmp(name, "tab") || !std::strcmp(name, "ptab")) {
          if (field_code_ == 0) *text += ' ';
          continue;
        }
        if (!std::strcmp(name, "br") || !std::strcmp(name, "cr")) {
          if (field_code_ == 0 && Attr(n, "type") != "page") *text += '\n';
          continue;
        }
        if (!std::strcmp(name, "noBreakHyphen")) {
          if (field_code_ == 0) *text += '-';
          continue;
        }
        if (!std::strcmp(name, "r") && Hidden(n)) continue;  // hidden text is not shown
        if (!std::strcmp(name, "txbxContent")) {
          boxes->push_back(n);
          continue;
        }
        // Deleted text, field codes, properties, notes: not shown.
        if (!std::strcmp(name, "del") || !std::strcmp(name, "moveFrom") ||
            !std::strcmp(name, "delText") || !std::strcmp(name, "instrText") ||
            !std::strcmp(name, "delInstrText") || !std::strcmp(name, "rPr") ||
            !std::strcmp(name, "pPr") || !std::strcmp(name, "sym"))
          continue;
      }
      if (Is(n, "AlternateContent")) {
        const xmlNode* c = Child(n, "Choice");
        if (c && !Inline(c, depth + 1, text, boxes)) return false;
        continue;
      }
      // Runs, hyperlinks, insertions, smart tags, content controls, simple
      // fields (their runs are the result), drawings holding text boxes.
      if (!Inline(n, depth + 1, text, boxes)) return false;
    }
    return true;
  }

  // Reads an embedded .xlsx and appends its paragraphs and tables, placed
  // at paragraph `number`. One that cannot be read stays what Word shows of
  // it, a picture: nothing.
  void Embedded(const std::string& id, int number) {
    if (!rels_read_) {
      rels_read_ = true;
      std::string name = part_.substr(0, part_.rfind('/') + 1) + "_rels/" +
                         part_.substr(part_.rfind('/') + 1) + ".rels";
      std::string xml, why;
      XmlDoc d;
      if (zip_->Has(name) && zip_->Read(name, &xml, &why) &&
          ParseXml(xml, name, &d, &why)) {
        const xmlNode* root = xmlDocGetRootElement(d.get());
        for (const xmlNode* r = root ? root->children : nullptr; r; r = r->next)
          if (Is(r, "Relationship") && Attr(r, "TargetMode") != "External")
            rels_[Attr(r, "Id")] = ResolvePart(part_, Attr(r, "Target"));
      }
    }
    auto it = rels_.find(id);
    if (it == rels_.end() || !it->second.ends_with(".xlsx") || ++embedded_ > kMaxEmbedded)
      return;
    std::string bytes, why;
    Document sheet;
    Error err;
    if (!zip_->Read(it->second, &bytes, &why) ||
        !ReadXlsx(it->second, bytes, &sheet, &err))
      return;
    for (const DocBlock& b : sheet.blocks) {
      if (!b.is_table) {
        doc_->blocks.push_back({false, doc_->lines.size()});
        doc_->lines.push_back({sheet.lines[b.index].text, number, 0});
        continue;
      }
      DocTable t = std::move(sheet.tables[b.index]);
      for (auto& row : t.rows)
        for (DocCell& c : row) c.line = number, c.page = 0;
      doc_->blocks.push_back({true, doc_->tables.size()});
      doc_->tables.push_back(std::move(t));
    }
  }

  // A run formatted as hidden (w:vanish), which Word neither shows nor prints.
  static bool Hidden(const xmlNode* r) {
    const xmlNode* pr = Child(r, "rPr");
    const xmlNode* v = pr ? Child(pr, "vanish") : nullptr;
    if (!v) return false;
    std::string val = Attr(v, "val");
    return val != "0" && val != "false" && val != "off";
  }

  // Rows of a table, through content controls and tracked insertions.
  void Rows(const xmlNode* parent, std::vector<const xmlNode*>* out, int depth) {
    if (depth > 8) return;
    for (const xmlNode* n = parent->children; n; n = n->next) {
      if (W(n, "tr")) {
        const xmlNode* pr = Child(n, "trPr");
        if (pr && Child(pr, "del")) continue;  // a deleted row
        out->push_back(n);
      } else if (W(n, "sdt") || W(n, "sdtContent") || W(n, "customXml") || W(n, "ins")) {
        Rows(n, out, depth + 1);
      }
    }
  }

  void Cells(const xmlNode* parent, std::vector<const xmlNode*>* out, int depth) {
    if (depth > 8) return;
    for (const xmlNode* n = parent->children; n; n = n->next) {
      if (W(n, "tc"))
        out->push_back(n);
      else if (W(n, "sdt") || W(n, "sdtContent") || W(n, "customXml") || W(n, "ins"))
        Cells(n, out, depth + 1);
    }
  }

  static bool HoldsTable(const xmlNode* n, int depth) {
    if (depth > 8) return false;
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (W(c, "tbl")) return true;
      if ((W(c, "sdt") || W(c, "sdtContent") || W(c, "customXml")) &&
          HoldsTable(c, depth + 1))
        return true;
    }
    return false;
  }

  bool Table(const xmlNode* tbl, int depth) {
    if (TooDeep(depth)) return false;
    std::vector<const xmlNode*> rows;
    Rows(tbl, &rows, 0);
    std::vector<std::vector<const xmlNode*>> cells(rows.size());
    size_t count = 0;
    bool layout = false;
    for (size_t r = 0; r < rows.size(); ++r) {
      Cells(rows[r], &cells[r], 0);
      count += cells[r].size();
      for (const xmlNode* tc : cells[r]) layout = layout || HoldsTable(tc, 0);
    }
    // A table holding tables lays a page out; a one-cell table frames text.
    // Either way its cells are read as blocks, in reading order.
    if (layout || count == 1) {
      for (auto& row : cells)
        for (const xmlNode* tc : row)
          if (!Blocks(tc, depth + 1)) return false;
      return true;
    }
    if (count == 0) return true;
    DocTable t;
    bool header_run = true;
    uint64_t grid_cells = 0;
    for (size_t r = 0; r < rows.size(); ++r) {
      std::vector<DocCell> out;
      const xmlNode* pr = Child(rows[r], "trPr");
      bool header = pr && Child(pr, "tblHeader") &&
                    Attr(Child(pr, "tblHeader"), "val") != "0" &&
                    Attr(Child(pr, "tblHeader"), "val") != "false";
      if (header && header_run) ++t.header_rows;
      header_run = header_run && header;
      int before =
          pr && Child(pr, "gridBefore") ? IntAttr(Child(pr, "gridBefore"), 0) : 0;
      before = std::min(before, kMaxColumns);
      const int line = paragraphs_ + 1;
      for (int i = 0; i < before; ++i) out.push_back(EmptyCell(line));
      for (const xmlNode* tc : cells[r]) {
        const xmlNode* tcpr = Child(tc, "tcPr");
        int span =
            tcpr && Child(tcpr, "gridSpan") ? IntAttr(Child(tcpr, "gridSpan"), 1) : 1;
        span = std::clamp(span, 1, kMaxColumns);
        if (out.size() + static_cast<size_t>(span) > kMaxColumns) span = 1;
        const xmlNode* vm = tcpr ? Child(tcpr, "vMerge") : nullptr;
        bool cont = vm && Attr(vm, "val") != "restart";
        DocCell c;
        c.line = paragraphs_ + 1;
        std::string text;
        if (!CellText(tc, depth + 1, &text)) return false;
        const int col = static_cast<int>(out.size());
        int arow = -1, acol = -1;
        if (cont && r > 0 && static_cast<size_t>(col) < t.rows[r - 1].size()) {
          const DocCell& above = t.rows[r - 1][static_cast<size_t>(col)];
          arow = above.anchor_row >= 0 ? above.anchor_row : static_cast<int>(r - 1);
          acol = above.anchor_row >= 0 ? above.anchor_col : col;
        }
        if (arow >= 0) {
          // Covered by a merge from above: shown empty, as a merged cell
          // shows its text on its top row only.
          DocCell& a = t.rows[static_cast<size_t>(arow)][static_cast<size_t>(acol)];
          a.rowspan = std::max(a.rowspan, static_cast<int>(r) - arow + 1);
          for (int k = 0; k < span; ++k) {
            DocCell cov = EmptyCell(c.line);
            cov.anchor_row = arow;
            cov.anchor_col = acol;
            out.push_back(cov);
          }
          continue;
        }
        c.text = Trim(text);
        c.colspan = span;
        out.push_back(c);
        for (int k = 1; k < span; ++k) {
          DocCell cov = EmptyCell(c.line);
          cov.anchor_row = static_cast<int>(r);
          cov.anchor_col = col;
          out.push_back(cov);
        }
      }
      grid_cells += out.size();
      if (grid_cells > kLimits.max_cells) {
        why_ = "word/document.xml: table larger than " +
               std::to_string(kLimits.max_cells) + " cells";
        return false;
      }
      t.rows.push_back(std::move(out));
    }
    doc_->blocks.push_back({true, doc_->tables.size()});
    doc_->tables.push_back(std::move(t));
    return true;
  }

  // A cell's paragraphs (and text boxes), one line each.
  bool CellText(const xmlNode* tc, int depth, std::string* out) {
    if (TooDeep(depth)) return false;
    for (const xmlNode* n = tc->children; n; n = n->next) {
      if (W(n, "p")) {
        ++paragraphs_;
        std::string text = numbering_->Label(n);
        std::vector<const xmlNode*> boxes;
        if (!Inline(n, depth + 1, &text, &boxes)) return false;
        for (const xmlNode* b : boxes)
          if (!CellText(b, depth + 1, &text)) return false;
        embeds_.clear();  // a workbook inside a cell is not read
        std::string line = Trim(text);
        if (line.empty()) continue;
        if (!out->empty()) *out += '\n';
        *out += line;
      } else if (W(n, "sdt") || W(n, "sdtContent") || W(n, "customXml") || W(n, "ins") ||
                 W(n, "moveTo")) {
        if (!CellText(n, depth + 1, out)) return false;
      }
    }
    return true;
  }

  Document* doc_;
  WordNumbering* numbering_;
  Zip* zip_;
  std::string part_;                 // word/document.xml, or where the package puts it
  std::vector<std::string> embeds_;  // relationship ids met in a paragraph
  std::map<std::string, std::string> rels_;
  bool rels_read_ = false;
  int embedded_ = 0;
  int paragraphs_ = 0;
  std::vector<bool> fields_;  // open complex fields: true while in the code
  int field_code_ = 0;        // how many of them are in their code part
  std::string why_;
};

}  // namespace

bool ReadDocx(const std::string& path, std::string_view bytes, Document* doc,
              Error* err) {
  Zip zip;
  std::string why;
  if (!zip.Open(bytes, &why)) {
    *err = MakeError(path, why);
    return false;
  }
  std::string part = MainPart(&zip, "word/document.xml");
  std::string xml;
  XmlDoc x;
  if (!zip.Read(part, &xml, &why) || !ParseXml(xml, part, &x, &why)) {
    *err = MakeError(path, why);
    return false;
  }
  const xmlNode* root = xmlDocGetRootElement(x.get());
  const xmlNode* body = root && W(root, "document") ? Child(root, "body") : nullptr;
  if (!body) {
    *err = MakeError(path, part + ": no w:document/w:body (not a Word document)");
    return false;
  }
  doc->path = path;
  doc->encoding = "DOCX";
  doc->structured = true;
  WordNumbering numbering;
  if (!numbering.Load(&zip, &why)) {
    *err = MakeError(path, why);
    return false;
  }
  DocxReader reader(doc, &numbering, &zip, part);
  if (!reader.Run(body, &why) || !numbering.ok(&why)) {
    *err = MakeError(path, why);
    return false;
  }
  return true;
}

}  // namespace jx::office
