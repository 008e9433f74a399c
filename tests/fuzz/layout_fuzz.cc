// Bytes → pages of words and rules, as Poppler would hand them over, then
// the whole layout stage: ruled grids, unruled alignment, joins across pages.
#include <string>

#include "ingest/document.h"
#include "layout/layout.h"
#include "tests/fuzz/common.h"
#include "tests/fuzz/targets.h"

namespace jx::fuzz {
namespace {

class Reader {
 public:
  Reader(const uint8_t* d, size_t n) : d_(d), n_(n) {}
  bool more() const { return i_ < n_; }
  unsigned Byte() { return i_ < n_ ? d_[i_++] : 0; }
  double Coord(double max) { return (Byte() << 8 | Byte()) * max / 65535.0; }
  std::string Text() {
    // Words from a small alphabet of the genre's characters, so that layout
    // meets labels, numbers and headers rather than noise.
    static const char* const kPieces[] = {
        "项目", "合计", "预算数", "执行数",  "一级指标", "得分", "分值",    "100",
        "12.5", "≥90%", "万元",   "（5分）", "数量指标", "：",   "1,000.00"};
    std::string t;
    unsigned k = Byte() % 4 + 1;
    for (unsigned j = 0; j < k; ++j) t += kPieces[Byte() % 15];
    return t;
  }

 private:
  const uint8_t* d_;
  size_t n_, i_ = 0;
};

}  // namespace

int FuzzLayout(const uint8_t* data, size_t size) {
  Reader r(data, size);
  Document doc;
  doc.path = "fuzz.pdf";
  doc.encoding = "PDF";
  while (r.more() && doc.pages.size() < 8) {
    PdfPage p;
    p.number = static_cast<int>(doc.pages.size()) + 1;
    p.width = 595;
    p.height = 842;
    unsigned items = r.Byte() * 2;
    for (unsigned k = 0; k < items && r.more(); ++k) {
      unsigned kind = r.Byte();
      if (kind == 0xFF) break;  // next page
      if (kind % 3 == 0) {
        PdfRule rule;
        rule.x0 = r.Coord(595);
        rule.y0 = r.Coord(842);
        bool horizontal = kind & 4;
        rule.x1 = horizontal ? rule.x0 + r.Coord(595) : rule.x0 + 0.5;
        rule.y1 = horizontal ? rule.y0 + 0.5 : rule.y0 + r.Coord(842);
        p.rules.push_back(rule);
      } else {
        PdfWord w;
        w.text = r.Text();
        w.size = 6 + r.Byte() % 12;
        w.x0 = r.Coord(595);
        w.y0 = r.Coord(842);
        w.x1 = w.x0 + w.size * static_cast<double>(w.text.size()) / 3;
        w.y1 = w.y0 + w.size;
        w.space_after = kind & 8;
        p.words.push_back(std::move(w));
      }
    }
    doc.pages.push_back(std::move(p));
  }
  BuildLayout(doc, FuzzPatterns());
  return 0;
}

}  // namespace jx::fuzz

#ifdef JXAUDIT_LIBFUZZER
JX_FUZZ_ENTRY(FuzzLayout)
#endif
