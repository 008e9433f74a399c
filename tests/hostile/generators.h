// Small generators for hostile inputs that would be large, or odd, as files:
// PDFs written object by object with a correct cross-reference table.
#ifndef JXAUDIT_TESTS_HOSTILE_GENERATORS_H_
#define JXAUDIT_TESTS_HOSTILE_GENERATORS_H_

#include <cstdio>
#include <string>
#include <vector>

namespace jx::hostile {

class PdfWriter {
 public:
  // Adds an object; returns its number (from 1).
  int Add(const std::string& body) {
    objects_.push_back(body);
    return static_cast<int>(objects_.size());
  }
  // Reserves a number for an object written later with Set.
  int Reserve() { return Add(""); }
  void Set(int num, const std::string& body) {
    objects_[static_cast<size_t>(num - 1)] = body;
  }

  static std::string Stream(const std::string& dict_entries, const std::string& data) {
    return "<< " + dict_entries + " /Length " + std::to_string(data.size()) +
           " >>\nstream\n" + data + "\nendstream";
  }
  static std::string Ref(int num) { return std::to_string(num) + " 0 R"; }

  std::string Build(int root) const {
    std::string out = "%PDF-1.4\n";
    std::vector<size_t> offsets;
    for (size_t i = 0; i < objects_.size(); ++i) {
      offsets.push_back(out.size());
      out += std::to_string(i + 1) + " 0 obj\n" + objects_[i] + "\nendobj\n";
    }
    size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects_.size() + 1) + "\n0000000000 65535 f \n";
    char line[32];
    for (size_t off : offsets) {
      std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
      out += line;
    }
    out += "trailer\n<< /Size " + std::to_string(objects_.size() + 1) + " /Root " +
           Ref(root) + " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return out;
  }

 private:
  std::vector<std::string> objects_;
};

// One page of 200×200 points drawing `content` with `resources`.
inline std::string OnePagePdf(const std::string& content, const std::string& resources,
                              PdfWriter* w = nullptr) {
  PdfWriter local;
  if (!w) w = &local;
  int catalog = w->Reserve(), pages = w->Reserve();
  int contents = w->Add(PdfWriter::Stream("", content));
  int page = w->Add("<< /Type /Page /Parent " + PdfWriter::Ref(pages) +
                    " /MediaBox [0 0 200 200] /Resources << " + resources +
                    " >> /Contents " + PdfWriter::Ref(contents) + " >>");
  w->Set(catalog, "<< /Type /Catalog /Pages " + PdfWriter::Ref(pages) + " >>");
  w->Set(pages, "<< /Type /Pages /Kids [" + PdfWriter::Ref(page) + "] /Count 1 >>");
  return w->Build(catalog);
}

// Form XObjects that each draw the next `fanout` times, `depth` deep: the
// leaf, a short stroke, is drawn fanout^depth times (8^10 ≈ 10^9) from a file
// of under 3 KB.
inline std::string NestedFormsPdf(int depth, int fanout) {
  PdfWriter w;
  std::vector<int> forms(static_cast<size_t>(depth));
  for (int& f : forms) f = w.Reserve();
  for (int k = 0; k < depth; ++k) {
    bool leaf = k + 1 == depth;
    std::string content, res;
    if (leaf) {
      content = "0 0 m 10 0 l S";
    } else {
      for (int i = 0; i < fanout; ++i) content += "/X Do ";
      res = " /Resources << /XObject << /X " +
            PdfWriter::Ref(forms[static_cast<size_t>(k + 1)]) + " >> >>";
    }
    w.Set(forms[static_cast<size_t>(k)],
          PdfWriter::Stream("/Type /XObject /Subtype /Form /BBox [0 0 100 100]" + res,
                            content));
  }
  return OnePagePdf("/X Do", "/XObject << /X " + PdfWriter::Ref(forms[0]) + " >>", &w);
}

// A tiling pattern of `step`-point tiles filling the page: at 0.01 points,
// 4·10^8 tiles.
inline std::string TilesPdf(const std::string& step) {
  PdfWriter w;
  int pattern = w.Add(PdfWriter::Stream(
      "/Type /Pattern /PatternType 1 /PaintType 1 /TilingType 1 /BBox [0 0 1 1] /XStep " +
          step + " /YStep " + step + " /Resources << >>",
      "0 0 m 1 0 l S"));
  return OnePagePdf("/Pattern cs /P scn 0 0 200 200 re f",
                    "/Pattern << /P " + PdfWriter::Ref(pattern) + " >>", &w);
}

// `pages` pages sharing one small content stream with one word of text.
inline std::string ManyPagesPdf(int pages) {
  PdfWriter w;
  int catalog = w.Reserve(), root = w.Reserve();
  int font = w.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  int contents = w.Add(PdfWriter::Stream("", "BT /F 12 Tf 20 100 Td (page) Tj ET"));
  std::string kids;
  for (int i = 0; i < pages; ++i) {
    int p = w.Add("<< /Type /Page /Parent " + PdfWriter::Ref(root) +
                  " /MediaBox [0 0 200 200] /Resources << /Font << /F " +
                  PdfWriter::Ref(font) + " >> >> /Contents " + PdfWriter::Ref(contents) +
                  " >>");
    kids += PdfWriter::Ref(p) + " ";
  }
  w.Set(catalog, "<< /Type /Catalog /Pages " + PdfWriter::Ref(root) + " >>");
  w.Set(root,
        "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>");
  return w.Build(catalog);
}

// A zlib stream that inflates to `repeats` × 258 + 1 bytes of "0": one fixed
// Huffman block of a literal and `repeats` copies of length 258 at distance
// 1, 13 bits each, about 160 bytes out for each byte in. (Its Adler-32 is
// left zero: Poppler's FlateDecode does not check it.)
inline std::string ZerosFlate(int repeats) {
  std::string out = "\x78\x01";
  unsigned acc = 0;
  int nbits = 0;
  auto bits = [&](unsigned v, int n) {  // v's low n bits, first bit first
    for (int i = 0; i < n; ++i) {
      acc |= ((v >> i) & 1u) << nbits;
      if (++nbits == 8) {
        out += static_cast<char>(acc);
        acc = 0;
        nbits = 0;
      }
    }
  };
  auto code = [&](unsigned c, int n) {  // a Huffman code, its top bit first
    for (int i = n - 1; i >= 0; --i) bits((c >> i) & 1u, 1);
  };
  bits(1, 1);            // the last block
  bits(1, 2);            // fixed Huffman codes
  code(0x30 + 0x30, 8);  // literal '0'
  for (int i = 0; i < repeats; ++i) {
    code(0xC5, 8);  // length 258 (code 285)
    code(0, 5);     // distance 1
  }
  code(0, 7);  // end of block
  if (nbits > 0) out += static_cast<char>(acc);
  out += std::string(4, '\0');
  return out;
}

// One page whose content is `content`, stored with one Flate filter.
inline std::string FlatePagePdf(const std::string& flate) {
  PdfWriter w;
  int catalog = w.Reserve(), pages = w.Reserve();
  int contents = w.Add(PdfWriter::Stream("/Filter /FlateDecode", flate));
  int page =
      w.Add("<< /Type /Page /Parent " + PdfWriter::Ref(pages) +
            " /MediaBox [0 0 200 200] /Contents " + PdfWriter::Ref(contents) + " >>");
  w.Set(catalog, "<< /Type /Catalog /Pages " + PdfWriter::Ref(pages) + " >>");
  w.Set(pages, "<< /Type /Pages /Kids [" + PdfWriter::Ref(page) + "] /Count 1 >>");
  return w.Build(catalog);
}

}  // namespace jx::hostile

#endif  // JXAUDIT_TESTS_HOSTILE_GENERATORS_H_
