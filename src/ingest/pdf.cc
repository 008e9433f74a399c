// The Poppler adapter. poppler-cpp gives words with boxes but not the drawn
// lines a ruled table is made of, so this file uses Poppler's core API
// (libpoppler-private-dev): one pass over each page's content stream through a
// TextOutputDev subclass collects the words, the rules (stroked segments and
// thin filled rectangles), the image coverage and the glyphs with no Unicode.
#include "ingest/pdf.h"

#include <GlobalParams.h>
#include <PDFDoc.h>
#include <Page.h>
#include <Stream.h>
#include <TextOutputDev.h>
#include <poppler-config.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "base/text.h"

namespace jx {
namespace {

void Silent(ErrorCategory, Goffset, const char*) {}

void InitPoppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    globalParams = std::make_unique<GlobalParams>();
    globalParams->setErrQuiet(true);
    setErrorCallback(Silent);
  });
}

bool Unmappable(const Unicode* u, int len) {
  if (len <= 0) return true;
  Unicode c = u[0];
  return c == 0 || c == 0xFFFD || (c < 0x20 && c != '\t') ||
         (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xF0000 && c <= 0x10FFFF);
}

// A word's box is its font's declared ascent and descent, and some fonts
// declare far more than their glyphs use, so that the lines of a tightly
// set table overlap and read as one. Taller than `kTallWordEm`, the box is
// the em box on its baseline instead, `kEmAscent` of it above (CJK fonts
// set the ideographic em box 0.88 above the baseline and 0.12 below). Only
// upright words: the baseline of rotated text runs along x.
constexpr double kTallWordEm = 1.6;
constexpr double kEmAscent = 0.88;

void FitToEmBox(double baseline, PdfWord* w) {
  if (!(w->size > 0) || !std::isfinite(baseline)) return;
  if (w->y1 - w->y0 <= kTallWordEm * w->size) return;
  w->y0 = baseline - kEmAscent * w->size;
  w->y1 = baseline + (1 - kEmAscent) * w->size;
}

bool Ideograph(Unicode c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

// An ideograph advances one em: that is how CJK fonts are made. A producer
// may set the glyphs through a font or text matrix that Poppler counts into
// the size twice (Chromium's embedded Noto fonts: size 19 for glyphs set at
// 9.5). A page's words of one reported size whose ideographs advance, at
// the median, less than `kShrunkEm` of it are set at the size their
// ideographs show; `kMinIdeographs` of them at least, so that a few narrow
// glyphs (a condensed face) prove nothing.
constexpr double kShrunkEm = 0.75;
constexpr size_t kMinIdeographs = 8;

// Deflate's most: a 258-byte match in about two bits, 1032 bytes for each
// byte of input, and a few bytes for its end. The predictors Poppler applies
// after Flate give no more bytes than they are fed.
constexpr int64_t kMaxFlateRatio = 1032;
constexpr int64_t kFlateBoundSlack = 1024;
// A page's content streams are counted at their bound while the bounds stay
// within a quarter of the decoded-bytes budget.
constexpr int64_t kBoundShareOfBudget = 4;

// Decoded length of a stream, reading no further than just past `cap`: a
// compressed stream may expand to gigabytes.
int64_t DecodedSize(Stream* s, int64_t cap) {
  s->reset();
  unsigned char buf[1 << 16];
  int64_t n = 0;
  while (n <= cap) {
    int k = s->doGetChars(static_cast<int>(sizeof buf), buf);
    if (k <= 0) break;
    n += k;
  }
  s->close();
  return n;
}

// Decoded sizes of form and pattern streams, by object, for the whole
// document: they are shared between pages and drawn many times, and decoding
// each once is enough.
struct StreamSizes {
  std::map<std::pair<int, int>, int64_t> by_ref;
  // The largest tiling pattern any resources seen so far name: what one tile
  // may cost. (Poppler exports no type information for GfxTilingPattern, so
  // its own stream cannot be asked for where UBSan checks member calls.)
  int64_t max_pattern = 0;

  int64_t Of(XRef* xref, const Object& ref_or_stream, int64_t cap) {
    if (ref_or_stream.isRef()) {
      Ref r = ref_or_stream.getRef();
      auto key = std::make_pair(r.num, r.gen);
      auto it = by_ref.find(key);
      if (it != by_ref.end()) return it->second;
      Object o = ref_or_stream.fetch(xref);
      int64_t n = o.isStream() ? DecodedSize(o.getStream(), cap) : 0;
      by_ref.emplace(key, n);
      return n;
    }
    Object o = ref_or_stream.copy();
    return o.isStream() ? DecodedSize(o.getStream(), cap) : 0;
  }
  // Notes the patterns a resource dictionary names.
  void NotePatterns(XRef* xref, Dict* resources, int64_t cap) {
    if (!resources) return;
    Object patterns = resources->lookup("Pattern");
    if (!patterns.isDict()) return;
    Dict* d = patterns.getDict();
    for (int i = 0; i < d->getLength() && i < 1000; ++i)
      max_pattern = std::max(max_pattern, Of(xref, d->getValNF(i), cap));
  }
};

// Poppler asks this between content operators; true stops the stream being
// interpreted (the page is refused afterwards).
bool AbortCheck(void* data);

class PageDev : public TextOutputDev {
 public:
  PageDev(const PdfLimits& limits, StreamSizes* sizes)
      : TextOutputDev(nullptr, nullptr, false, 0, false, false),
        limits_(limits),
        sizes_(sizes) {}

  PdfPage page;

  bool needNonText() override { return true; }

  // Empty while the page is within its budget; else which limit it broke.
  const std::string& over() const { return over_; }
  // Counts decoded content bytes (the page's own streams, measured before
  // Poppler interprets them).
  void AddBytes(int64_t n) {
    bytes_ = Saturated(bytes_, n);
    if (bytes_ > limits_.max_decoded_bytes)
      Exceed("more than " + std::to_string(limits_.max_decoded_bytes) +
             " bytes of content streams decoded");
  }

  void startPage(int num, GfxState* state, XRef* xref) override {
    TextOutputDev::startPage(num, state, xref);
    xref_ = xref;
    page = PdfPage{};
    page.number = num;
    if (state) {
      page.width = state->getPageWidth();
      page.height = state->getPageHeight();
    }
  }

  // Over budget, forms are no longer interpreted: Poppler hands them to
  // drawForm (a no-op here) instead, so a nest of forms stops growing at once.
  bool useDrawForm() override { return !over_.empty(); }
  void beginForm(Ref id) override {
    AddXObjects(1);
    Tick();
    if (id != Ref::INVALID() && xref_) {
      Object ref(id);
      bool seen = sizes_->by_ref.count({id.num, id.gen}) > 0;
      AddBytes(sizes_->Of(xref_, ref, limits_.max_decoded_bytes));
      if (!seen) {
        Object form = ref.fetch(xref_);
        if (form.isStream()) {
          Object res = form.streamGetDict()->lookup("Resources");
          if (res.isDict())
            sizes_->NotePatterns(xref_, res.getDict(), limits_.max_decoded_bytes);
        }
      }
    }
  }

  // Tiles are drawn one by one (returning false lets Poppler do so), but
  // first counted: a tiny step over a large area asks for billions of them.
  bool useTilingPatternFill() override { return true; }
  bool tilingPatternFill(GfxState*, Gfx*, Catalog*, GfxTilingPattern*, const double*,
                         int x0, int y0, int x1, int y1, double, double) override {
    int64_t tiles = static_cast<int64_t>(std::max(0, x1 - x0)) * std::max(0, y1 - y0);
    AddXObjects(tiles);
    int64_t size = sizes_->max_pattern;
    if (over_.empty() && tiles > 0)
      AddBytes(size > 0 && tiles > INT64_MAX / size ? INT64_MAX : tiles * size);
    return !over_.empty();  // true: "done", nothing is drawn
  }

  void saveState(GfxState* state) override {
    Tick();
    TextOutputDev::saveState(state);
  }
  void restoreState(GfxState* state) override {
    Tick();
    TextOutputDev::restoreState(state);
  }
  void updateAll(GfxState* state) override {
    Tick();
    TextOutputDev::updateAll(state);
  }
  void updateCTM(GfxState* state, double m11, double m12, double m21, double m22,
                 double m31, double m32) override {
    Tick();
    TextOutputDev::updateCTM(state, m11, m12, m21, m22, m31, m32);
  }
  void updateFont(GfxState* state) override {
    Tick();
    TextOutputDev::updateFont(state);
  }
  void clip(GfxState* state) override {
    Tick();
    TextOutputDev::clip(state);
  }
  void eoClip(GfxState* state) override {
    Tick();
    TextOutputDev::eoClip(state);
  }

  void drawChar(GfxState* state, double x, double y, double dx, double dy, double ox,
                double oy, CharCode c, int nBytes, const Unicode* u, int uLen) override {
    // Over budget, glyphs are no longer kept: one string operator can hold
    // millions of them.
    if (!Tick()) return;
    ++page.chars;
    const GfxFont* font = state->getFont().get();
    // Without a ToUnicode map, a font whose codes are not standard glyph
    // names comes out as its codes: count those glyphs.
    if (Unmappable(u, uLen) || (font && !font->hasToUnicodeCMap() && NoNames(font)))
      ++page.unmapped_chars;
    TextOutputDev::drawChar(state, x, y, dx, dy, ox, oy, c, nBytes, u, uLen);
  }

  void stroke(GfxState* state) override {
    if (Tick()) AddPath(state, /*filled=*/false);
  }
  void fill(GfxState* state) override {
    if (Tick()) AddPath(state, /*filled=*/true);
  }
  void eoFill(GfxState* state) override {
    if (Tick()) AddPath(state, /*filled=*/true);
  }

  void drawImage(GfxState* state, Object* ref, Stream* str, int w, int h,
                 GfxImageColorMap* map, bool interp, const int* mask, bool inl) override {
    if (ImageTick()) AddImage(state);
    OutputDev::drawImage(state, ref, str, w, h, map, interp, mask, inl);
  }
  void drawImageMask(GfxState* state, Object* ref, Stream* str, int w, int h, bool invert,
                     bool interp, bool inl) override {
    if (ImageTick()) AddImage(state);
    OutputDev::drawImageMask(state, ref, str, w, h, invert, interp, inl);
  }
  void drawMaskedImage(GfxState* state, Object* ref, Stream* str, int w, int h,
                       GfxImageColorMap* map, bool interp, Stream* mstr, int mw, int mh,
                       bool minv, bool minterp) override {
    if (ImageTick()) AddImage(state);
    OutputDev::drawMaskedImage(state, ref, str, w, h, map, interp, mstr, mw, mh, minv,
                               minterp);
  }
  void drawSoftMaskedImage(GfxState* state, Object* ref, Stream* str, int w, int h,
                           GfxImageColorMap* map, bool interp, Stream* mstr, int mw,
                           int mh, GfxImageColorMap* mmap, bool minterp) override {
    if (ImageTick()) AddImage(state);
    OutputDev::drawSoftMaskedImage(state, ref, str, w, h, map, interp, mstr, mw, mh, mmap,
                                   minterp);
  }

 private:
  // One device operation; false once the page is over budget.
  bool Tick() {
    if (++ops_ > limits_.max_operations)
      Exceed("more than " + std::to_string(limits_.max_operations) +
             " drawing operations");
    return over_.empty();
  }
  bool ImageTick() {
    AddXObjects(1);
    return Tick();
  }
  void AddXObjects(int64_t n) {
    xobjects_ = Saturated(xobjects_, n);
    if (xobjects_ > limits_.max_xobjects)
      Exceed("more than " + std::to_string(limits_.max_xobjects) +
             " forms, images and pattern tiles drawn");
  }
  // Counts never wrap, whatever limits a caller sets.
  static int64_t Saturated(int64_t total, int64_t n) {
    return n > INT64_MAX - total ? INT64_MAX : total + n;
  }
  void Exceed(std::string what) {
    if (over_.empty()) over_ = std::move(what);
  }

  const PdfLimits& limits_;
  StreamSizes* sizes_;
  XRef* xref_ = nullptr;
  int64_t ops_ = 0, xobjects_ = 0, bytes_ = 0;
  std::string over_;

  static bool NoNames(const GfxFont* font) {
    // Subset fonts with a built-in encoding and no ToUnicode: the names the
    // embedded program uses are not Unicode names, so Poppler echoes codes.
    if (font->isCIDFont()) {
      const auto* cid = static_cast<const GfxCIDFont*>(font);
      const GooString* coll = cid->getCollection();
      return coll == nullptr || coll->cmp("Adobe-Identity") == 0;
    }
    const std::optional<std::string>& name = font->getName();
    bool subset = name && name->size() > 7 && (*name)[6] == '+';
    Ref emb;
    return subset && font->getEmbeddedFontID(&emb) && font->getType() != fontType3 &&
           !static_cast<const Gfx8BitFont*>(font)->getHasEncoding();
  }

  void AddImage(GfxState* state) {
    double xs[4], ys[4];
    const double ux[4] = {0, 1, 0, 1}, uy[4] = {0, 0, 1, 1};
    for (int i = 0; i < 4; ++i) state->transform(ux[i], uy[i], &xs[i], &ys[i]);
    double w = *std::max_element(xs, xs + 4) - *std::min_element(xs, xs + 4);
    double h = *std::max_element(ys, ys + 4) - *std::min_element(ys, ys + 4);
    if (page.width > 0 && page.height > 0)
      page.image_area += std::min(1.0, w * h / (page.width * page.height));
  }

  void AddRule(double x0, double y0, double x1, double y1) {
    if (page.rules.size() >= 200000) return;  // a drawing, not a table
    PdfRule r{std::min(x0, x1), std::min(y0, y1), std::max(x0, x1), std::max(y0, y1)};
    page.rules.push_back(r);
  }

  void AddPath(GfxState* state, bool filled) {
    const GfxPath* path = state->getPath();
    if (!path) return;
    constexpr double kThin = 2.5;  // points: thicker fills are shading
    for (int s = 0; s < path->getNumSubpaths(); ++s) {
      const GfxSubpath* sub = path->getSubpath(s);
      int n = sub->getNumPoints();
      if (n < 2 || n > 64) continue;
      std::vector<double> xs(static_cast<size_t>(n)), ys(static_cast<size_t>(n));
      for (int i = 0; i < n; ++i)
        state->transform(sub->getX(i), sub->getY(i), &xs[static_cast<size_t>(i)],
                         &ys[static_cast<size_t>(i)]);
      if (filled) {
        double x0 = *std::min_element(xs.begin(), xs.end());
        double x1 = *std::max_element(xs.begin(), xs.end());
        double y0 = *std::min_element(ys.begin(), ys.end());
        double y1 = *std::max_element(ys.begin(), ys.end());
        if (x1 - x0 <= kThin && y1 - y0 > kThin) {
          double m = (x0 + x1) / 2;
          AddRule(m, y0, m, y1);
        } else if (y1 - y0 <= kThin && x1 - x0 > kThin) {
          double m = (y0 + y1) / 2;
          AddRule(x0, m, x1, m);
        }
        continue;
      }
      for (int i = 0; i + 1 < n; ++i) {
        double ax = xs[static_cast<size_t>(i)], ay = ys[static_cast<size_t>(i)];
        double bx = xs[static_cast<size_t>(i + 1)], by = ys[static_cast<size_t>(i + 1)];
        if (std::fabs(ay - by) < 0.5 && std::fabs(ax - bx) > kThin)
          AddRule(ax, ay, bx, ay);
        else if (std::fabs(ax - bx) < 0.5 && std::fabs(ay - by) > kThin)
          AddRule(ax, ay, ax, by);
      }
    }
  }
};

bool AbortCheck(void* data) { return !static_cast<PageDev*>(data)->over().empty(); }

// The page's own content streams, decoded (no further than the limit).
// The most a stream can decode to, known without decoding it: its length
// when it has no filter, `kMaxFlateRatio` times that under one Flate filter;
// -1 under any other filter or chain (LZW, encryption, several filters).
int64_t DecodedBound(Stream* s) {
  BaseStream* base = s->getBaseStream();
  if (!base) return -1;
  const Goffset raw = base->getLength();
  if (raw < 0 || raw > INT64_MAX / kMaxFlateRatio) return -1;
  if (s == base) return raw;
  if (s->getKind() == strFlate && s->getNextStream() == base)
    return raw * kMaxFlateRatio + kFlateBoundSlack;
  return -1;
}

// What a page's content streams count against the decoded-bytes budget.
// Decoding a stream to measure it costs as much as Poppler's own decoding
// when it draws the page, so a stream whose bound is small is counted at its
// bound instead; only while the bounds counted so stay within
// 1/`kBoundShareOfBudget` of the budget, so that counting bounds, not bytes,
// can take no more than that share from what forms, images and tiles may
// use. Other streams are decoded, no further than just past what is left.
int64_t ContentBytes(Page* page, int64_t cap) {
  Object contents = page->getContents();
  int64_t n = 0, bounds = 0;
  auto count = [&](Stream* s) {
    const int64_t b = DecodedBound(s);
    if (b >= 0 && bounds + b <= cap / kBoundShareOfBudget) {
      bounds += b;
      n += b;
    } else {
      n += DecodedSize(s, cap - n);
    }
  };
  if (contents.isStream()) {
    count(contents.getStream());
  } else if (contents.isArray()) {
    for (int i = 0; i < contents.arrayGetLength() && n <= cap; ++i) {
      Object part = contents.arrayGet(i);
      if (part.isStream()) count(part.getStream());
    }
  }
  return n;
}

std::string PageList(const std::vector<int>& pages) {
  std::string out;
  size_t i = 0;
  while (i < pages.size()) {
    size_t j = i;
    while (j + 1 < pages.size() && pages[j + 1] == pages[j] + 1) ++j;
    if (!out.empty()) out += ", ";
    out += std::to_string(pages[i]);
    if (j > i) out += "-" + std::to_string(pages[j]);
    i = j + 1;
  }
  return out;
}

}  // namespace

void FitWordsToGlyphs(const std::vector<WordMetrics>& metrics,
                      std::vector<PdfWord>* words) {
  std::map<double, std::vector<double>> by_size;  // reported size → advance/size
  for (size_t i = 0; i < words->size(); ++i) {
    const PdfWord& w = (*words)[i];
    if (!metrics[i].upright || !(w.size > 0)) continue;
    for (double a : metrics[i].advances) by_size[w.size].push_back(a / w.size);
  }
  std::map<double, double> scale;
  for (auto& [size, ratios] : by_size) {
    if (ratios.size() < kMinIdeographs) continue;
    std::nth_element(ratios.begin(), ratios.begin() + ratios.size() / 2, ratios.end());
    const double m = ratios[ratios.size() / 2];
    if (m > 0 && m < kShrunkEm) scale[size] = m;
  }
  for (size_t i = 0; i < words->size(); ++i) {
    PdfWord& w = (*words)[i];
    if (!metrics[i].upright) continue;
    if (auto it = scale.find(w.size); it != scale.end()) w.size *= it->second;
    FitToEmBox(metrics[i].baseline, &w);
  }
}

size_t PdfSignatureOffset(std::string_view bytes) {
  return bytes.substr(0, 1024).find("%PDF-");
}

bool LooksLikePdf(std::string_view bytes) {
  return PdfSignatureOffset(bytes) != std::string_view::npos;
}

bool PdfOpens(std::string_view bytes) {
  InitPoppler();
  auto* stream =
      new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull));
  PDFDoc pdf(stream);  // owns the stream
  return pdf.isOk() && pdf.getNumPages() > 0;
}

bool PdfFromBytes(const std::string& path, std::string_view bytes, Document* doc,
                  Error* err, const PageSink& on_page, int max_pages,
                  const PdfLimits& limits, PdfFailure* why) {
  PdfFailure ignored;
  if (!why) why = &ignored;
  *why = PdfFailure::kNone;
  InitPoppler();
  doc->path = path;
  doc->encoding = "PDF";
  doc->lines.clear();
  doc->pages.clear();
  doc->pages_without_text.clear();
  auto* stream =
      new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull));
  PDFDoc pdf(stream);  // owns the stream
  if (!pdf.isOk()) {
    int code = pdf.getErrorCode();
    *why = code == errEncrypted ? PdfFailure::kEncrypted : PdfFailure::kCannotOpen;
    *err = MakeError(path, code == errEncrypted
                               ? "PDF is encrypted with a password; cannot read it"
                               : "damaged PDF: Poppler cannot open it (error code " +
                                     std::to_string(code) + ")");
    return false;
  }
  int n = pdf.getNumPages();
  if (n <= 0) {
    *why = PdfFailure::kCannotOpen;
    *err = MakeError(path, "damaged PDF: no pages");
    return false;
  }
  // The caller's limit is the limit: per-page budgets bound each page, so a
  // larger one costs time in proportion, not without bound.
  if (n > max_pages) {
    *why = PdfFailure::kRefused;
    *err = MakeError(path, "PDF has " + std::to_string(n) + " pages, limit " +
                               std::to_string(max_pages));
    return false;
  }
  std::vector<int> unmapped;
  doc->page_count = n;
  StreamSizes sizes;
  for (int p = 1; p <= n; ++p) {
    PageDev dev(limits, &sizes);
    if (Page* pg = pdf.getPage(p)) {
      dev.AddBytes(ContentBytes(pg, limits.max_decoded_bytes));
      sizes.NotePatterns(pdf.getXRef(), pg->getResourceDict(), limits.max_decoded_bytes);
    }
    if (dev.over().empty())
      pdf.displayPage(&dev, p, 72, 72, 0, /*useMediaBox=*/true, /*crop=*/false,
                      /*printing=*/false, AbortCheck, &dev);
    if (!dev.over().empty()) {
      *why = PdfFailure::kRefused;
      *err = MakeError(path, "over the per-page work limit: " + dev.over());
      err->where.page = p;
      return false;
    }
    PdfPage page = std::move(dev.page);
    page.number = p;
    std::unique_ptr<TextWordList> words = dev.makeWordList();
    std::vector<WordMetrics> metrics;
    for (int i = 0; words && i < words->getLength(); ++i) {
      TextWord* w = words->get(i);
      std::unique_ptr<GooString> t(w->getText());
      if (!t || t->getLength() == 0) continue;
      PdfWord pw;
      pw.text.assign(t->c_str(), static_cast<size_t>(t->getLength()));
      if (!IsValidUtf8(pw.text)) continue;
      // A font that maps a glyph to a radical as well as to its ideograph
      // makes some producers write the radical (⻔ for 门).
      FoldRadicals(&pw.text);
      w->getBBox(&pw.x0, &pw.y0, &pw.x1, &pw.y1);
      pw.size = w->getFontSize();
      pw.space_after = w->getSpaceAfter();
      WordMetrics m;
      m.baseline = w->getBaseline();
      m.upright = w->getRotation() == 0;
      for (int c = 0; m.upright && c < w->getLength(); ++c)
        if (Ideograph(*w->getChar(c)))
          m.advances.push_back(w->getEdge(c + 1) - w->getEdge(c));
      metrics.push_back(std::move(m));
      page.words.push_back(std::move(pw));
    }
    FitWordsToGlyphs(metrics, &page.words);
    if (page.chars > 0 && page.unmapped_chars * 10 > page.chars) unmapped.push_back(p);
    if (page.words.empty() && page.image_area > 0.3) doc->pages_without_text.push_back(p);
    if (on_page)
      on_page(std::move(page));
    else
      doc->pages.push_back(std::move(page));
  }
  if (!unmapped.empty()) {
    *why = PdfFailure::kRefused;
    *err = MakeError(path, "fonts without a Unicode map on page" +
                               std::string(unmapped.size() > 1 ? "s " : " ") +
                               PageList(unmapped) +
                               ": the text would be glyph numbers, not words");
    return false;
  }
  return true;
}

}  // namespace jx
