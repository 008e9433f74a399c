// Word's automatic numbering (numbering.xml, and numbering set by paragraph
// styles): counters per list and level, restarted below a level that
// advances, labels from lvlText with each level's format.
#include "ingest/office/numbering.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <tuple>

namespace jx::office {
namespace {

int Val(const xmlNode* n, int fallback) {
  if (!n) return fallback;
  std::string v = Attr(n, "val");
  return v.empty() ? fallback : std::atoi(v.c_str());
}

std::string Chinese(int n, bool legal) {
  static const char* kDigits[] = {"〇", "一", "二", "三", "四",
                                  "五", "六", "七", "八", "九"};
  static const char* kLegal[] = {"零", "壹", "贰", "叁", "肆",
                                 "伍", "陆", "柒", "捌", "玖"};
  static const char* kUnits[] = {"", "十", "百", "千"};
  static const char* kLegalUnits[] = {"", "拾", "佰", "仟"};
  const char** d = legal ? kLegal : kDigits;
  const char** u = legal ? kLegalUnits : kUnits;
  if (n <= 0 || n >= 10000) return std::to_string(n);
  std::string out;
  int digits[4] = {n / 1000, n / 100 % 10, n / 10 % 10, n % 10};
  bool zero = false, started = false;
  for (int i = 0; i < 4; ++i) {
    int x = digits[i];
    if (x == 0) {
      zero = started;
      continue;
    }
    if (zero) out += d[0];
    zero = false;
    // 十一, not 一十一, when ten is the highest place.
    if (!(i == 2 && x == 1 && !started && !legal)) out += d[x];
    out += u[3 - i];
    started = true;
  }
  return out;
}

std::string Roman(int n, bool upper) {
  static const std::pair<int, const char*> kR[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
      {90, "xc"},  {50, "l"},   {40, "xl"}, {10, "x"},   {9, "ix"},
      {5, "v"},    {4, "iv"},   {1, "i"}};
  if (n <= 0 || n >= 4000) return std::to_string(n);
  std::string out;
  for (auto [v, s] : kR)
    while (n >= v) out += s, n -= v;
  if (upper)
    for (char& c : out)
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string FormatListNumber(int n, const std::string& f) {
  if (f == "decimal" || f.empty()) return std::to_string(n);
  if (f == "decimalZero") return (n < 10 ? "0" : "") + std::to_string(n);
  if (f == "chineseCounting" || f == "chineseCountingThousand" ||
      f == "japaneseCounting" || f == "taiwaneseCounting" ||
      f == "taiwaneseCountingThousand" || f == "ideographDigital")
    return Chinese(n, false);
  if (f == "chineseLegalSimplified" || f == "ideographLegalTraditional")
    return Chinese(n, true);
  if (f == "ideographTraditional" && n >= 1 && n <= 10) {
    static const char* kStems[] = {"甲", "乙", "丙", "丁", "戊",
                                   "己", "庚", "辛", "壬", "癸"};
    return kStems[n - 1];
  }
  if (f == "upperRoman" || f == "lowerRoman") return Roman(n, f == "upperRoman");
  if ((f == "upperLetter" || f == "lowerLetter") && n >= 1) {
    char c = static_cast<char>((f == "upperLetter" ? 'A' : 'a') + (n - 1) % 26);
    return std::string(static_cast<size_t>((n - 1) / 26 + 1), c);
  }
  std::string out;
  if ((f == "decimalEnclosedCircle" || f == "decimalEnclosedCircleChinese") && n >= 1 &&
      n <= 20) {
    AppendUtf8(&out, 0x2460 + static_cast<uint32_t>(n - 1));  // ①
    return out;
  }
  if (f == "decimalEnclosedParen" && n >= 1 && n <= 20) {
    AppendUtf8(&out, 0x2474 + static_cast<uint32_t>(n - 1));  // ⑴
    return out;
  }
  if (f == "decimalFullWidth" || f == "decimalFullWidth2") {
    for (char c : std::to_string(n))
      AppendUtf8(&out, 0xFF10 + static_cast<uint32_t>(c - '0'));
    return out;
  }
  return std::to_string(n);
}

bool WordNumbering::Load(Zip* zip, std::string* why) {
  std::string xml;
  XmlDoc d;
  if (zip->Has("word/numbering.xml")) {
    if (!zip->Read("word/numbering.xml", &xml, why) ||
        !ParseXml(xml, "word/numbering.xml", &d, why))
      return false;
    const xmlNode* root = xmlDocGetRootElement(d.get());
    for (const xmlNode* n = root ? root->children : nullptr; n; n = n->next) {
      if (Is(n, "abstractNum")) {
        auto& levels = abstract_[std::atoi(Attr(n, "abstractNumId").c_str())];
        for (const xmlNode* l = n->children; l; l = l->next) {
          if (!Is(l, "lvl")) continue;
          size_t i =
              static_cast<size_t>(std::clamp(std::atoi(Attr(l, "ilvl").c_str()), 0, 8));
          if (levels.size() <= i) levels.resize(i + 1);
          Level& lv = levels[i];
          if (const xmlNode* f = Child(l, "numFmt")) lv.format = Attr(f, "val");
          if (const xmlNode* t = Child(l, "lvlText")) lv.text = Attr(t, "val");
          if (const xmlNode* s = Child(l, "suff")) lv.suffix = Attr(s, "val");
          lv.start = Val(Child(l, "start"), 1);
        }
      } else if (Is(n, "num")) {
        Num& num = nums_[std::atoi(Attr(n, "numId").c_str())];
        num.abstract = Val(Child(n, "abstractNumId"), -1);
        for (const xmlNode* o = n->children; o; o = o->next)
          if (Is(o, "lvlOverride") && Child(o, "startOverride"))
            num.start[std::atoi(Attr(o, "ilvl").c_str())] =
                Val(Child(o, "startOverride"), 1);
      }
    }
  }
  zip_ = zip;
  return true;
}

void WordNumbering::ReadStyles() {
  styles_read_ = true;
  if (!zip_ || !zip_->Has("word/styles.xml")) return;
  std::string xml;
  XmlDoc s;
  if (!zip_->Read("word/styles.xml", &xml, &why_) ||
      !ParseXml(xml, "word/styles.xml", &s, &why_))
    return;
  const xmlNode* root = xmlDocGetRootElement(s.get());
  for (const xmlNode* st = root ? root->children : nullptr; st; st = st->next) {
    const xmlNode* ppr = Is(st, "style") ? Child(st, "pPr") : nullptr;
    const xmlNode* np = ppr ? Child(ppr, "numPr") : nullptr;
    if (np)
      style_num_[Attr(st, "styleId")] = {Val(Child(np, "numId"), 0),
                                         Val(Child(np, "ilvl"), 0)};
  }
}

std::string WordNumbering::Label(const xmlNode* p) {
  if (nums_.empty()) return "";
  const xmlNode* ppr = Child(p, "pPr");
  const xmlNode* np = ppr ? Child(ppr, "numPr") : nullptr;
  int num_id = 0, ilvl = 0;
  if (np) {
    num_id = Val(Child(np, "numId"), 0);
    ilvl = Val(Child(np, "ilvl"), 0);
  } else if (const xmlNode* ps = ppr ? Child(ppr, "pStyle") : nullptr) {
    if (!styles_read_) ReadStyles();
    auto it = style_num_.find(Attr(ps, "val"));
    if (it == style_num_.end()) return "";
    std::tie(num_id, ilvl) = it->second;
  }
  auto nit = nums_.find(num_id);
  if (num_id == 0 || nit == nums_.end()) return "";
  Num& num = nit->second;
  auto ait = abstract_.find(num.abstract);
  if (ait == abstract_.end()) return "";
  const auto& levels = ait->second;
  ilvl = std::clamp(ilvl, 0, 8);
  if (static_cast<size_t>(ilvl) >= levels.size()) return "";
  auto& counters = counters_[num.abstract];
  if (counters.size() < levels.size()) counters.resize(levels.size(), 0);
  auto start_of = [&](size_t l) {
    auto o = num.start.find(static_cast<int>(l));
    return o != num.start.end() ? o->second : levels[l].start;
  };
  if (!num.used) {
    // A list instance with start overrides begins again.
    for (auto [l, s] : num.start)
      if (static_cast<size_t>(l) < counters.size()) counters[static_cast<size_t>(l)] = 0;
    num.used = true;
  }
  size_t lv = static_cast<size_t>(ilvl);
  counters[lv] = counters[lv] == 0 ? start_of(lv) : counters[lv] + 1;
  for (size_t l = lv + 1; l < counters.size(); ++l) counters[l] = 0;
  const Level& level = levels[lv];
  if (level.format == "bullet" || level.format == "none") return "";
  std::string out;
  const std::string& t = level.text;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '%' && i + 1 < t.size() && t[i + 1] >= '1' && t[i + 1] <= '9') {
      size_t l = static_cast<size_t>(t[i + 1] - '1');
      int n = l < counters.size() ? (counters[l] == 0 ? start_of(l) : counters[l]) : 1;
      out += FormatListNumber(n, l < levels.size() ? levels[l].format : "decimal");
      ++i;
    } else {
      out += t[i];
    }
  }
  if (out.empty()) return "";
  if (level.suffix != "nothing") out += ' ';
  return out;
}

}  // namespace jx::office
