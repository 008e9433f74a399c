// Figures in running text: named amounts, "其中" breakdowns and stated rates.
#include <algorithm>

#include "base/pattern_each.h"
#include "base/text.h"
#include "extract/reader.h"

namespace jx::extract {
namespace {
// A group the pattern may leave out, or the word the rule names it by.
std::string Or(const std::string& group, const char* fallback) {
  return group.empty() ? fallback : group;
}

// Evidence for something found in a sentence: the sentence itself when it is
// short, else the normalized words around the match (a long line must not be
// copied into every figure it holds). `shared` is the sentence when it is
// short (`whole`), else its key: the figures of a paragraph share it.
constexpr size_t kShortSentence = 360;
Evidence Excerpt(const std::shared_ptr<const std::string>& shared, bool whole, size_t b,
                 size_t e) {
  constexpr size_t kContext = 120;
  const std::string& key = *shared;
  if (whole) return Evidence(shared, 0, key.size());
  size_t from = b > kContext ? b - kContext : 0;
  // A match may run to the end of a clause that never ends: evidence stays
  // short whatever the line, or a long line costs its length per figure.
  size_t to = std::min(key.size(), std::min(e, b + kShortSentence) + kContext);
  while (from > 0 && (static_cast<unsigned char>(key[from]) & 0xC0) == 0x80) --from;
  while (to < key.size() && (static_cast<unsigned char>(key[to]) & 0xC0) == 0x80) ++to;
  return Evidence(shared, from, to);
}

class SentenceReader : public Reader {
 public:
  explicit SentenceReader(const Reader& base) : Reader(base) {}

  // False when `num` is no number it can read exactly: such a figure is
  // dropped, never taken as 0 (a number beyond exact range is recorded).
  bool SentenceFigure(const std::string& label, const std::string& num,
                      const std::string& unit, const Location& where,
                      const Evidence& evidence, Figure* out) {
    Figure& f = *out;
    f = Figure{};
    f.label = label;
    f.name = LabelName(label);
    int64_t count = 0;
    NumberStatus status = NumberStatus::kOk;
    if (!ParseNumber(num, &f.number, false, &status)) {
      if (status == NumberStatus::kTooLarge) {
        out_.out_of_range.push_back({where, num});
        return false;
      }
      if (!ParseChineseCount(num, &count)) return false;
      f.number.value = Decimal{count, 0};  // 十二人
    }
    FindUnit(units_, unit, &f.unit);
    f.has_yuan = ToYuan(f.number, f.unit, &f.yuan);
    f.source = "sentence";
    f.where = where;
    f.evidence = evidence;
    return true;
  }

  // Items stated by classification code, each with the "预算安排" that
  // follows it before the next item.
  template <typename Can>
  void Coded(const std::string& key, const Location& where, const Can& can) {
    constexpr size_t kMaxItems = 256;  // beyond this it is a list, not a text
    std::vector<PatternFile::Match> items, plans;
    if (can("coded_item")) items = sentences_.FindAll("coded_item", key);
    if (can("planned")) plans = sentences_.FindAll("planned", key);
    if (items.size() > kMaxItems || plans.size() > kMaxItems) return;
    size_t p = 0;
    auto planned = [&](size_t from, size_t to, CodedFigure* cf) {
      while (p < plans.size() && plans[p].begin < from) ++p;
      if (p >= plans.size() || plans[p].begin >= to) return;
      const auto& m = plans[p++];
      cf->has_planned =
          SentenceFigure("", m.group("num"), m.group("unit"), where,
                         Excerpt(shared_, whole_, m.begin, m.end), &cf->planned);
    };
    if (!plans.empty() && (items.empty() || plans.front().begin < items.front().begin)) {
      CodedFigure lone;
      planned(0, items.empty() ? key.size() : items.front().begin, &lone);
      if (lone.has_planned) out_.coded.push_back(std::move(lone));
    }
    for (size_t i = 0; i < items.size(); ++i) {
      const auto& m = items[i];
      CodedFigure cf;
      for (const char* level : {"1", "2", "3"}) {
        const std::string& code = m.group(std::string("c") + level);
        if (code.empty()) break;
        cf.code += code;
        cf.names.push_back(m.group(std::string("n") + level));
      }
      if (!SentenceFigure(cf.names.back(), m.group("num"), m.group("unit"), where,
                          Excerpt(shared_, whole_, m.begin, m.end), &cf.figure))
        continue;
      planned(m.end, i + 1 < items.size() ? items[i + 1].begin : key.size(), &cf);
      out_.coded.push_back(std::move(cf));
    }
  }

  // "X万元，其中：A Y万元，占Z%": the share of a part in the figure before
  // 其中, within one sentence; "占…的Z%" only when it names that figure.
  void Shares(const std::string& key, const Location& where,
              const std::vector<PatternFile::Match>& figs,
              const std::vector<Figure>& here, const std::vector<char>& readable) {
    constexpr size_t kMaxShares = 256;
    std::vector<PatternFile::Match> shares = sentences_.FindAll("share", key);
    if (shares.size() > kMaxShares || figs.empty()) return;
    std::vector<PatternFile::Match> opens = sentences_.FindAll("breakdown", key);
    std::vector<PatternFile::Match> stops = sentences_.FindAll("sentence_end", key);
    // The last match in `v` ending at or before `pos`, or npos.
    auto last_before = [](const std::vector<PatternFile::Match>& v, size_t pos) {
      auto it = std::upper_bound(
          v.begin(), v.end(), pos,
          [](size_t p, const PatternFile::Match& m) { return p < m.end; });
      return it == v.begin() ? std::string::npos
                             : static_cast<size_t>(it - v.begin()) - 1;
    };
    for (const auto& sh : shares) {
      size_t part = last_before(figs, sh.begin);
      // The share follows its part's number directly ("Y万元，占Z%").
      if (part == std::string::npos || sh.begin - figs[part].end > 1) continue;
      size_t stop = last_before(stops, figs[part].begin);
      size_t start = stop == std::string::npos ? 0 : stops[stop].end;
      size_t open = last_before(opens, figs[part].begin);
      if (open == std::string::npos || opens[open].begin < start) continue;
      size_t total = last_before(figs, opens[open].begin);
      if (total == std::string::npos || figs[total].begin < start) continue;
      const Figure& a = here[part];
      const Figure& b = here[total];
      if (!readable[part] || !readable[total] || a.change || b.change ||
          a.unit.kind != "money" || b.unit.kind != "money")
        continue;
      const std::string& den = sh.group("den");
      // The figure's words may stop short of a 合计 the pattern took as a verb.
      if (!den.empty() && !(b.label.size() >= den.size() && b.label.ends_with(den)) &&
          !(!b.label.empty() && den.starts_with(b.label)))
        continue;
      StatedRate sr;
      sr.kind = "ratio";
      sr.a = a;
      sr.b = b;
      if (!ParseNumber(sh.group("rate") + "%", &sr.rate)) continue;
      sr.where = where;
      sr.evidence = Excerpt(shared_, whole_, figs[total].begin, sh.end);
      out_.rates.push_back(std::move(sr));
    }
  }

  // The first of the statement names of patterns/disclosure.txt (text_…,
  // other_funds) whose pattern matches `label`, in file order; the file's
  // other names (row labels) are no statement's.
  std::string StatedName(const std::string& label) const {
    const PatternFile& d = *p_.file("disclosure");
    std::string key = d.Prepare(label);
    for (const auto& e : d.entries())
      if ((e.name.starts_with("text_") || e.name == "other_funds") &&
          RE2::PartialMatch(key, e.re()))
        return e.name;
    return "";
  }

  // "X万元，比上年增加Δ万元，增长P%": last year's figure is X − Δ (X + Δ
  // for 减少), and P the change against it. A direction that contradicts
  // itself (增加 … 下降) is not read.
  void DeltaRates(const std::string& key, const Location& where) {
    for (const auto& m : sentences_.FindAll("delta_rate", key)) {
      const bool down = sentences_.Matches("decrease_words", m.group("dir"));
      if (down != sentences_.Matches("decrease_words", m.group("rdir"))) continue;
      Evidence evidence = Excerpt(shared_, whole_, m.begin, m.end);
      StatedRate sr;
      sr.kind = "change";
      Figure delta;
      if (!SentenceFigure(m.group("newlabel"), m.group("new"), m.group("newunit"), where,
                          evidence, &sr.a) ||
          !SentenceFigure(m.group("dir"), m.group("delta"), m.group("deltaunit"), where,
                          evidence, &delta))
        continue;
      if (sr.a.unit.pow10 != delta.unit.pow10 || sr.a.unit.kind != "money") continue;
      sr.b = sr.a;
      sr.b.label = m.group("baselabel");
      if (down ? !AddDecimal(sr.a.number.value, delta.number.value, &sr.b.number.value)
               : !SubDecimal(sr.a.number.value, delta.number.value, &sr.b.number.value))
        continue;
      sr.b.has_yuan = ToYuan(sr.b.number, sr.b.unit, &sr.b.yuan);
      if (!ParseNumber(m.group("rate") + "%", &sr.rate)) continue;
      if (down) sr.rate.value.units = -sr.rate.value.units;
      sr.derived_base = true;
      sr.where = where;
      sr.evidence = evidence;
      out_.rates.push_back(std::move(sr));
    }
  }

  void Run(const std::string& text, PreparedText& prepared, const Location& where) {
    if (!HasAsciiDigit(prepared.key)) return;
    // What every evidence of the paragraph points into: the sentence when it
    // is short (shown whole), else its key, moved, not copied (each evidence
    // is the words around its match); `prepared` keeps it as long as it kept
    // the key.
    const std::string* keyp = &prepared.key;
    whole_ = text.size() <= kShortSentence;
    if (whole_) {
      shared_ = std::make_shared<const std::string>(text);
    } else {
      prepared.shared = std::make_shared<const std::string>(std::move(prepared.key));
      shared_ = prepared.shared;
      keyp = prepared.shared.get();
    }
    const std::string& key = *keyp;
    const std::vector<std::string_view>& names = prepared.names;
    auto can = [&](std::string_view n) { return PatternFile::Contains(names, n); };
    if (can("coded_item") || can("planned")) Coded(key, where, can);
    if (can("compared_year"))
      for (const auto& m : sentences_.FindAll("compared_year", key))
        out_.compared_years.push_back({m.group("y"), where});
    if (can("period"))
      for (const auto& m : sentences_.FindAll("period", key))
        out_.period_ends.push_back({m.group("y"), where});
    if (!can("figure") && !can("ratio_rate") && !can("change_rate") && !can("delta_rate"))
      return;
    std::vector<PatternFile::Match> figs;
    std::vector<Figure> here;
    std::vector<char> readable;
    if (can("figure")) {
      // Counted first, then read as they are found: the figures are sized
      // once, and no match holds its groups (a map of strings) past its own
      // figure, where a line of 300,000 held them all beside the figures.
      size_t n = 0;
      FindEach(sentences_, "figure", key, [&](PatternFile::Match&) { ++n; });
      figs.reserve(n);
      here.reserve(n);
      readable.reserve(n);
      size_t prev_end = 0;
      FindEach(sentences_, "figure", key, [&](PatternFile::Match& m) {
        Figure& f = here.emplace_back();
        readable.push_back(SentenceFigure(m.group("label"), m.group("num"),
                                          m.group("unit"), where,
                                          Excerpt(shared_, whole_, m.begin, m.end), &f));
        // The words of its clause up to the number: "比上年增加 Y" is a change
        // against another figure, not a figure of its own nor a part. Only the
        // stretch since the previous figure is looked at, so a long line stays
        // linear.
        std::string_view lead(key.data() + prev_end, m.begin - prev_end);
        size_t comma = lead.rfind(',');
        if (comma != std::string_view::npos) lead.remove_prefix(comma + 1);
        std::string words = std::string(lead) + m.group("label");
        f.change = sentences_.Matches("change_words", words);
        prev_end = m.end;
        // Below, only where each figure lies is read.
        m.groups.clear();
        figs.push_back(std::move(m));
      });
    }
    // The named figures go to the extraction once nothing below reads them
    // here: moved, not copied (a long line holds hundreds of thousands).
    std::vector<size_t> named;
    for (size_t i = 0; i < here.size(); ++i)
      if (readable[i] && !here[i].name.empty() && !here[i].change) named.push_back(i);
    if (can("share") && can("breakdown")) Shares(key, where, figs, here, readable);
    for (size_t i = 0; i < here.size(); ++i) {
      if (!readable[i] || here[i].change || here[i].unit.kind != "money") continue;
      std::string name = StatedName(here[i].label);
      if (!name.starts_with("text_")) continue;
      out_.stated.push_back(here[i]);
      out_.stated.back().name = std::move(name);
    }
    // Breakdowns: "X 其中 A, B, C" within one sentence.
    std::vector<PatternFile::Match> ends;
    if (can("clause_end")) ends = sentences_.FindAll("clause_end", key);
    // Matches come sorted by position: look things up by binary search so a
    // hostile line with thousands of 其中 stays linear-logarithmic.
    auto sentence_start = [&](size_t pos) {
      auto it = std::upper_bound(
          ends.begin(), ends.end(), pos,
          [](size_t p, const PatternFile::Match& m) { return p < m.end; });
      return it == ends.begin() ? size_t{0} : std::prev(it)->end;
    };
    auto clause_end = [&](size_t pos) {
      auto it = std::lower_bound(
          ends.begin(), ends.end(), pos,
          [](const PatternFile::Match& m, size_t p) { return m.begin < p; });
      return it == ends.end() ? key.size() : it->begin;
    };
    auto first_fig_from = [&](size_t pos) {
      return static_cast<size_t>(std::lower_bound(figs.begin(), figs.end(), pos,
                                                  [](const PatternFile::Match& m,
                                                     size_t p) { return m.begin < p; }) -
                                 figs.begin());
    };
    constexpr size_t kMaxParts = 64;  // beyond this it is a list, not a breakdown
    std::vector<PatternFile::Match> breakdowns;
    if (can("breakdown") && figs.size() >= 3)
      breakdowns = sentences_.FindAll("breakdown", key);
    for (const auto& b : breakdowns) {
      size_t start = sentence_start(b.begin);
      // The last figure ending before 其中, within the sentence (figures do
      // not overlap, so their ends are sorted too).
      auto after = std::upper_bound(
          figs.begin(), figs.end(), b.begin,
          [](size_t p, const PatternFile::Match& m) { return p < m.end; });
      int total = -1;
      if (after != figs.begin() && std::prev(after)->begin >= start)
        total = static_cast<int>(std::prev(after) - figs.begin());
      if (total < 0 || !readable[static_cast<size_t>(total)] ||
          here[static_cast<size_t>(total)].unit.kind != "money" ||
          here[static_cast<size_t>(total)].change)
        continue;
      size_t stop = clause_end(b.end);
      if (b.begin > 0 && key[b.begin - 1] == '(' && stop > b.end) {
        // Looked for within the clause only: a line of unclosed "(其中" must
        // not cost its length at each one.
        size_t close = std::string_view(key).substr(b.end, stop - b.end).find(')');
        if (close != std::string_view::npos) stop = b.end + close;
      }
      // More figures in the clause than a breakdown has: a list. Counted
      // before any is copied, so a clause that never ends stays cheap.
      size_t first = first_fig_from(b.begin);
      size_t last = static_cast<size_t>(
          std::upper_bound(
              figs.begin() + static_cast<std::ptrdiff_t>(first), figs.end(), stop,
              [](size_t p, const PatternFile::Match& m) { return p < m.end; }) -
          figs.begin());
      if (last - first > kMaxParts + 1) continue;
      Breakdown bd;
      bd.open_end = stop == key.size();
      bd.total = here[static_cast<size_t>(total)];
      bd.evidence =
          Excerpt(shared_, whole_, figs[static_cast<size_t>(total)].begin, stop);
      bool all_readable = true;
      for (size_t i = first; i < last; ++i) all_readable &= readable[i] != 0;
      if (!all_readable) continue;  // a part beyond exact range: not checked
      // A figure in brackets within the clause remarks on the part before it
      // ("公务用车购置及运行费10.50万元（其中：购置费0万元，运行费10.50万元）"):
      // it is that part's own breakdown, not a part of this one. One pass
      // over the clause tracks the bracket depth at each figure.
      std::vector<char> bracketed(last - first, 0);
      {
        int depth = 0;
        size_t pos = b.end;
        for (size_t i = first; i < last; ++i) {
          for (; pos < figs[i].begin && pos < key.size(); ++pos) {
            if (key[pos] == '(') ++depth;
            if (key[pos] == ')' && depth > 0) --depth;
          }
          bracketed[i - first] = depth > 0 && figs[i].begin >= b.end;
        }
      }
      for (size_t i = first; i < last && bd.parts.size() <= kMaxParts; ++i) {
        if (static_cast<int>(i) == total || here[i].unit.kind != "money" ||
            here[i].change || bracketed[i - first])
          continue;
        Figure part = here[i];
        // "其中基本收入": the figure's words began at 其中.
        if (figs[i].begin < b.end && part.label.size() > b.end - b.begin) {
          part.label = part.label.substr(b.end - b.begin);
          part.name = LabelName(part.label);
        }
        bd.parts.push_back(std::move(part));
      }
      if (bd.parts.size() >= 2 && bd.parts.size() <= kMaxParts)
        out_.breakdowns.push_back(std::move(bd));
    }
    if (out_.figures.empty()) {
      // The named figures kept where they are, in order, and the vector
      // handed over: a line of 300,000 figures is not held twice.
      size_t n = 0;
      for (size_t i : named) {
        if (i != n) here[n] = std::move(here[i]);
        ++n;
      }
      here.resize(n);
      if (n < here.capacity() / 2) here.shrink_to_fit();
      out_.figures = std::move(here);
    } else {
      const size_t need = out_.figures.size() + named.size();
      if (need > out_.figures.capacity())
        out_.figures.reserve(std::max(need, 2 * out_.figures.size()));
      for (size_t i : named) out_.figures.push_back(std::move(here[i]));
    }
    here = std::vector<Figure>();
    if (can("delta_rate")) DeltaRates(key, where);
    for (const char* kind : {"ratio_rate", "change_rate"}) {
      if (!can(kind)) continue;
      for (const auto& m : sentences_.FindAll(kind, key)) {
        StatedRate sr;
        Evidence evidence = Excerpt(shared_, whole_, m.begin, m.end);
        bool ratio = std::string(kind) == "ratio_rate";
        sr.kind = ratio ? "ratio" : "change";
        if (!SentenceFigure(
                ratio ? m.group("numlabel") : Or(m.group("newlabel"), "调整数"),
                m.group(ratio ? "num" : "new"), m.group(ratio ? "numunit" : "newunit"),
                where, evidence, &sr.a) ||
            !SentenceFigure(
                ratio ? m.group("denlabel") : Or(m.group("baselabel"), "年初预算数"),
                m.group(ratio ? "den" : "base"), m.group(ratio ? "denunit" : "baseunit"),
                where, evidence, &sr.b))
          continue;
        if (!ParseNumber(m.group("cmp") + m.group("rate") + "%", &sr.rate)) continue;
        // "比上年减少 r%": the change is −r.
        if (!ratio && !m.group("dir").empty() &&
            sentences_.Matches("decrease_words", m.group("dir")))
          sr.rate.value.units = -sr.rate.value.units;
        if (ratio && structure_.Matches("rate_denominator", sr.a.label) &&
            !structure_.Matches("rate_denominator", sr.b.label))
          std::swap(sr.a, sr.b);  // "预算 X，实际支出 Y，执行率 r": Y / X
        sr.where = where;
        sr.evidence = evidence;
        out_.rates.push_back(std::move(sr));
      }
    }
  }

 private:
  std::shared_ptr<const std::string> shared_;  // what the evidence points into
  bool whole_ = false;                         // the sentence, shown whole
};

}  // namespace

PreparedText PrepareSentence(const PatternFile& sentences, const std::string& text,
                             bool without_digits) {
  PreparedText p;
  p.key = sentences.Prepare(text);
  // One pass tells which sentence patterns can match at all; a text with no
  // digit holds no figure, so only a caller reading more than figures asks.
  if (without_digits || HasAsciiDigit(p.key)) p.names = sentences.NamesMatching(p.key);
  return p;
}

void ReadSentences(const Reader& base, const std::string& text, PreparedText& prepared,
                   const Location& where) {
  SentenceReader(base).Run(text, prepared, where);
}

}  // namespace jx::extract
