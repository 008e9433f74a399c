// Rules over indicator tables: weights, scores, totals and grades.
#include <optional>

#include "validate/check.h"

namespace jx::validate {
namespace {

// A node's score: printed on its row, else the sum of its children's, with
// the rounding radius of every printed number it rests on.
struct Effective {
  bool known = false;
  Decimal value{0, 0};
  Decimal half{0, 0};
  std::vector<Location> from;
};

Effective EffectiveWeight(const ScoreTable& st, int i) {
  const ScoreNode& n = st.nodes[static_cast<size_t>(i)];
  Effective e;
  if (n.has_weight) {
    e.known = true;
    e.value = n.weight;
    e.from.push_back(n.weight_at);
    return e;
  }
  if (n.children.empty()) return e;
  e.known = true;
  for (int c : n.children) {
    Effective k = EffectiveWeight(st, c);
    if (!k.known) return Effective{};
    if (!AddDecimal(e.value, k.value, &e.value))
      return Effective{};  // beyond exact range
    e.from.insert(e.from.end(), k.from.begin(), k.from.end());
  }
  return e;
}

Effective EffectiveScore(const ScoreTable& st, int i) {
  const ScoreNode& n = st.nodes[static_cast<size_t>(i)];
  Effective e;
  if (n.has_score) {
    e.known = true;
    e.value = n.score;
    e.half = HalfUlp(n.score);
    e.from.push_back(n.score_at);
    return e;
  }
  if (n.children.empty()) return e;
  e.known = true;
  for (int c : n.children) {
    Effective k = EffectiveScore(st, c);
    if (!k.known) return Effective{};
    if (!AddDecimal(e.value, k.value, &e.value) || !AddDecimal(e.half, k.half, &e.half))
      return Effective{};  // beyond exact range
    e.from.insert(e.from.end(), k.from.begin(), k.from.end());
  }
  return e;
}

Term EffectiveTerm(const ScoreTable& st, int i) {
  const ScoreNode& n = st.nodes[static_cast<size_t>(i)];
  Effective e = EffectiveScore(st, i);
  Term t;
  t.label = n.label;
  if (!e.known) {
    t.blank = true;
    return t;
  }
  t.value = e.value;
  t.has_half = true;
  t.half = e.half;
  t.at = e.from.empty() ? Location{} : e.from.front();
  if (e.from.size() > 1) t.also.assign(e.from.begin() + 1, e.from.end());
  return t;
}

// The exact number a rule requires (100 points): no rounding radius.
Term Exact(int64_t v, const std::string& label, const Location& at) {
  Term t;
  t.value = Decimal{v, 0};
  t.has_half = true;
  t.half = Decimal{0, 0};
  t.label = label;
  t.at = at;
  return t;
}

// Scores and weights are awarded, not measured: the parts are exact, and the
// stated figure is exact unless it was printed with fewer decimals.
void Report(Sink* sink, const std::string& rule, Term stated, std::vector<Term> parts,
            const std::string& what, bool requirement = false) {
  int scale = 0;
  for (Term& p : parts) {
    p.exact = true;
    if (!p.blank) scale = std::max(scale, p.value.scale);
  }
  if (!stated.has_half) stated.exact = stated.value.scale >= scale;
  sink->ReportSum(rule, stated, parts, what, "分", requirement);
}

void CheckTable(const ScoreTable& st, Sink* sink) {
  const std::string& tid = st.table;
  for (size_t i = 0; i < st.nodes.size(); ++i) {
    const ScoreNode& n = st.nodes[i];
    // Score within weight: both awarded, not measured, so exact ("11" over
    // "10" is over, by one point).
    if (n.has_score && n.has_weight) {
      sink->Checked(n.score_at);
      if (CompareDecimal(n.score, n.weight) > 0) {
        Finding& f = sink->Add("score.exceeds_weight", Severity::kError, n.score_at,
                               tid + " “" + n.label + "”得分 " + Num(n.score) +
                                   " 超过其分值 " + Num(n.weight));
        f.has_numbers = true;
        f.stated = n.score;
        f.computed = n.weight;
        SubDecimal(n.weight, n.score, &f.difference);
        f.unit = "分";
        f.involved = {n.score_at, n.weight_at};
      }
    }
    if (n.children.empty()) continue;
    // Children's weights against the parent's.
    if (n.has_weight) {
      std::vector<Term> parts;
      int known = 0;
      for (int c : n.children) {
        const ScoreNode& k = st.nodes[static_cast<size_t>(c)];
        Effective w = EffectiveWeight(st, c);
        Term t;
        t.label = k.label;
        t.at = w.from.empty() ? k.weight_at : w.from.front();
        if (w.from.size() > 1) t.also.assign(w.from.begin() + 1, w.from.end());
        t.blank = !w.known;
        t.value = w.value;
        known += w.known;
        parts.push_back(t);
      }
      if (known > 0) {
        Term stated{n.weight, 1, false, n.label, n.weight_at};
        Report(sink, "score.weight_sum", stated, parts,
               tid + " “" + n.label + "”分值与下级指标分值之和");
      }
    }
    // A printed subtotal against its items.
    if (n.has_score) {
      std::vector<Term> parts;
      for (int c : n.children) parts.push_back(EffectiveTerm(st, c));
      Term stated{n.score, 1, false, n.label, n.score_at};
      Report(sink, "score.subtotal", stated, parts,
             tid + " “" + n.label + "”得分与下级指标得分之和");
    }
  }
  std::vector<Term> roots;
  for (int r : st.roots) roots.push_back(EffectiveTerm(st, r));
  if (st.has_total_score && !roots.empty()) {
    Term stated{st.total_score, 1, false, "合计", st.total_score_at};
    Report(sink, "score.total", stated, roots, tid + " 总得分与各项得分之和");
  }
  std::vector<Term> weights;
  bool all_weights = !st.roots.empty();
  for (int r : st.roots) {
    const ScoreNode& n = st.nodes[static_cast<size_t>(r)];
    if (n.bonus) continue;
    Effective w = EffectiveWeight(st, r);
    all_weights &= w.known;
    Term t;
    t.value = w.value;
    t.blank = !w.known;
    t.label = n.label;
    t.at = w.from.empty() ? n.weight_at : w.from.front();
    if (w.from.size() > 1) t.also.assign(w.from.begin() + 1, w.from.end());
    weights.push_back(t);
  }
  // As for the scores: a total over no items (every root a bonus, or none
  // read) compares nothing.
  if (st.has_total_weight && !weights.empty()) {
    Term stated{st.total_weight, 1, false, "合计分值", st.total_weight_at};
    Report(sink, "score.total", stated, weights, tid + " 总分值与各项分值之和");
  } else if (all_weights && weights.size() >= 2 && st.has_scores) {
    Decimal sum{0, 0};
    bool exact = true;
    for (const Term& t : weights) exact &= AddDecimal(sum, t.value, &sum);
    // Only a framework of about 100 points is meant to be exactly 100.
    if (exact && CompareDecimal(sum, Decimal{50, 0}) >= 0 &&
        CompareDecimal(sum, Decimal{150, 0}) <= 0) {
      Location at = weights.front().at;
      Report(sink, "score.framework", Exact(100, "满分", at), weights,
             tid + " 一级指标分值之和与满分 100", /*requirement=*/true);
    }
  }
}

// Score total as printed, else as summed.
std::optional<Term> TableTotal(const ScoreTable& st) {
  if (st.has_total_score)
    return Term{st.total_score, 1, false, st.table + " 合计", st.total_score_at};
  if (st.roots.empty() || !st.has_scores) return std::nullopt;
  std::vector<Term> roots;
  for (int r : st.roots) roots.push_back(EffectiveTerm(st, r));
  Term sum;
  sum.value = Decimal{0, 0};
  sum.has_half = true;
  sum.half = Decimal{0, 0};
  sum.label = st.table + " 各项得分之和";
  for (const Term& t : roots) {
    if (t.blank) return std::nullopt;
    if (!AddDecimal(sum.value, t.value, &sum.value) ||
        !AddDecimal(sum.half, t.half, &sum.half))
      return std::nullopt;  // beyond exact range
    if (sum.at.line == 0)
      sum.at = t.at;
    else
      sum.also.push_back(t.at);
    sum.also.insert(sum.also.end(), t.also.begin(), t.also.end());
  }
  return sum;
}

bool ParseBand(const std::string& s, Decimal* d) {
  ParsedNumber n;
  if (!ParseNumber(s, &n)) return false;
  *d = n.value;
  return true;
}

// `grade` against the band `total` falls in; `whose` names where the total
// is ("t3 ", or the text's).
void GradeAgainst(const Context& ctx, const std::optional<Term>& total,
                  const std::string& whose, const std::string& grade,
                  const Location& grade_at, Sink* sink) {
  if (!total || grade.empty()) return;
  const auto& bands = ctx.patterns.grades();
  std::string expected;
  for (size_t i = 0; i < bands.size(); ++i) {
    Decimal lo, hi;
    if (!ParseBand(bands[i].low, &lo) || !ParseBand(bands[i].high, &hi)) continue;
    bool top = true;
    for (const auto& b : bands) {
      Decimal h;
      if (ParseBand(b.high, &h) && CompareDecimal(h, hi) > 0) top = false;
    }
    int c_lo = CompareDecimal(total->value, lo), c_hi = CompareDecimal(total->value, hi);
    if (c_lo >= 0 && (c_hi < 0 || (top && c_hi == 0))) expected = bands[i].grade;
  }
  sink->Checked(grade_at);
  if (expected.empty() || expected == grade) return;
  Finding& f = sink->Add("grade.band", Severity::kError, grade_at,
                         whose + "自评等级“" + grade + "”与得分 " + Num(total->value) +
                             " 不符，按等级标准应为“" + expected + "”");
  f.has_numbers = true;
  f.stated = total->value;
  f.computed = total->value;
  f.unit = "分";
  f.involved = {total->at, grade_at};
  f.involved.insert(f.involved.end(), total->also.begin(), total->also.end());
}

// The bands grade a whole framework, of as many points as the top band
// reaches. A table whose weights total otherwise, or are not all read, may be
// a part of a form (or a form read in pieces): its score says nothing sure of
// the grade.
bool WholeFramework(const Context& ctx, const ScoreTable& st) {
  Decimal full{0, 0}, h;
  for (const auto& b : ctx.patterns.grades())
    if (ParseBand(b.high, &h) && CompareDecimal(h, full) > 0) full = h;
  Decimal total{0, 0};
  if (st.has_total_weight) {
    total = st.total_weight;
  } else {
    if (st.roots.empty()) return false;
    for (int r : st.roots) {
      if (st.nodes[static_cast<size_t>(r)].bonus) continue;
      Effective w = EffectiveWeight(st, r);
      if (!w.known || !AddDecimal(total, w.value, &total)) return false;
    }
  }
  return CompareDecimal(total, full) == 0;
}

void Grade(const Context& ctx, const ScoreTable& st, const std::string& grade,
           const Location& grade_at, Sink* sink) {
  if (!WholeFramework(ctx, st)) return;
  GradeAgainst(ctx, TableTotal(st), st.table + " ", grade, grade_at, sink);
}

}  // namespace

void ScoreRules(const Context& ctx, Sink* sink) {
  const Extraction& ex = ctx.ex;
  for (const ScoreTable& st : ex.score_tables) {
    CheckTable(st, sink);
    if (!st.grade.empty()) Grade(ctx, st, st.grade, st.grade_at, sink);
  }
  std::vector<const ScoreTable*> scored;
  for (const ScoreTable& st : ex.score_tables)
    if (st.has_scores) scored.push_back(&st);
  // A grade declared once for the document (or always the same), with one
  // scored table or none:
  // against the score the text declares, the document's, where it declares
  // one (a table may total its indicators only); else against the table's.
  if (!ex.info.grade.value.empty() && !ex.info.grades_differ && scored.size() <= 1 &&
      (scored.empty() || scored[0]->grade.empty())) {
    if (ex.info.has_declared_score)
      GradeAgainst(ctx,
                   Term{ex.info.declared_score, 1, false, "文中自评得分",
                        ex.info.declared_score_text.where},
                   "文中", ex.info.grade.value, ex.info.grade.where, sink);
    else if (!scored.empty())
      Grade(ctx, *scored[0], ex.info.grade.value, ex.info.grade.where, sink);
  }
  // A total stated in the text against the tables' totals.
  if (!ex.info.has_declared_score || scored.empty()) return;
  Location at = ex.info.declared_score_text.where;
  Term declared{ex.info.declared_score, 1, false, "文中自评得分", at};
  std::optional<Term> nearest;
  for (const ScoreTable* st : scored) {
    // Without a total row, the items' sum is the form's only when they
    // make a whole framework: a table read in pieces sums a part.
    if (!st->has_total_score && !WholeFramework(ctx, *st)) continue;
    std::optional<Term> total = TableTotal(*st);
    if (!total) continue;
    sink->Checked(at);
    Decimal half_total = total->has_half ? total->half : HalfUlp(total->value);
    if (SamePrinted(declared.value, HalfUlp(declared.value), total->value, half_total))
      return;
    // The form's scored 项目资金 rows printed apart, with the table's total.
    Decimal with = total->value;
    bool summed = !st->outside.empty();
    for (const ScoreNode& n : st->outside) summed &= AddDecimal(with, n.score, &with);
    if (summed && SamePrinted(declared.value, HalfUlp(declared.value), with, half_total))
      return;
    if (!nearest) nearest = total;
  }
  if (!nearest) return;
  Finding& f = sink->Add("score.text_total", Severity::kError, at,
                         "文中自评得分 " + Num(ex.info.declared_score) + " 分，与评分表" +
                             nearest->label + " " + Num(nearest->value) + " 分不符");
  f.has_numbers = true;
  f.stated = ex.info.declared_score;
  f.computed = nearest->value;
  SubDecimal(nearest->value, ex.info.declared_score, &f.difference);
  f.unit = "分";
  f.evidence.push_back(ex.info.declared_score_text.value);
  f.involved = {at, nearest->at};
  f.involved.insert(f.involved.end(), nearest->also.begin(), nearest->also.end());
}

}  // namespace jx::validate
