#include "validate/validate.h"

#include <algorithm>

#include "base/name_list.h"
#include "validate/check.h"
#include "validate/disclosure.h"

namespace jx {

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "info";
  }
  return "";
}

const std::vector<RuleInfo>& Rules() {
  static const std::vector<RuleInfo> kRules = {
      {"sum.total", "a 合计/总计 row equals the sum of the rows it totals"},
      {"sum.children", "a numbered row equals the sum of the rows listed under it"},
      {"sum.subtotal", "a 小计 row equals the rows of its group"},
      {"sum.code",
       "a classification code equals its subcodes (类 = Σ 款, 款 = Σ 项), 合计 = Σ 类"},
      {"sum.column",
       "a 合计/小计 column equals the columns of its own header group (a 小计 "
       "standing for its subgroup)",
       true},
      {"sum.balance",
       "收支总表: each side's 总计 = 本年合计 + 结转结余 rows; 收入总计 = 支出总计"},
      {"sum.basic", "a 基本支出 row equals its 人员经费 and 公用经费 rows"},
      {"disclosure.cross_table",
       "a figure one disclosure table repeats from another (功能分类表 合计 = "
       "财政拨款收支总表 一般公共预算, 基本支出 = 经济分类表 合计, …)"},
      {"disclosure.text_table",
       "a total the 编制说明 states (收入预算, 支出预算, 财政拨款收入, "
       "一般公共预算拨款支出预算, "
       "收入支出总计 …) equals the cell of the table it names"},
      {"disclosure.item_table",
       "an item the text states by code (行政运行（01项）X万元) equals the 功能分类表 "
       "合计 of "
       "that code"},
      {"disclosure.item_planned",
       "the item's “Y年预算安排 X” repeats the amount the item states"},
      {"disclosure.item_name",
       "the text names a code as the 功能分类表 does (warning: same code, another name)"},
      {"disclosure.compared_year",
       "a disclosure of year N compares with “N年预算” itself (warning: the base is N − "
       "1)"},
      {"disclosure.period_year",
       "a budget of year N states a period (实施周期) that ends before N (warning)"},
      {"disclosure.not_checked",
       "a disclosure table recognised by its title that no rule could read (info)"},
      {"sum.parts_exceed", "the 其中 rows under a row add up to no more than it"},
      {"sum.form", "预算总额 equals its funding sources and its 基本支出 + 项目支出"},
      {"sum.sentence", "a figure equals the parts a sentence lists after 其中"},
      {"identity.assets", "期初 + 本期增加 − 本期减少 = 期末, for quantities and values",
       true},
      {"identity.net_value", "原值 − 累计折旧 = 净值", true},
      {"identity.carry", "年初结转和结余 + 本年收入 − 本年支出 = 年末结转和结余, per row",
       true},
      {"rate.table", "a printed 执行率/结转结余率 equals the rate of its own row", true},
      {"budget.overspend", "决算 above the adjusted budget of the same row (warning)"},
      {"rate.sentence", "a rate stated in a sentence equals the rate of its figures"},
      {"score.exceeds_weight", "an indicator's score is at most its weight", true},
      {"score.weight_sum", "children's weights add up to the parent's weight"},
      {"score.subtotal", "a printed subtotal score equals the sum of its items"},
      {"score.total", "the printed total score/weight equals the sum of the table"},
      {"score.framework", "the weights of a 100-point framework add up to 100"},
      {"score.text_total", "a total score stated in the text equals the table's"},
      {"grade.band", "the declared grade matches the score (patterns/grades.txt)"},
      {"percent.partition", "a 资金支出计划 split by period adds up to 100%"},
      {"unit.slip", "figures agree only if one of them is read in another unit"},
      {"unit.implausible", "amounts under a unit header are implausibly small"},
      {"figure.conflict", "the same named figure is stated with different values"},
      {"number.out_of_range",
       "a number beyond 18 significant digits: not read, and no check rests on it"},
      {"layout.aligned_unread",
       "text lines printed as a table aligned by spaces, not read as one (warning)"},
      {"sum.fund_sources",
       "年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金, in each budget column"},
      {"result.full_marks_short",
       "full marks on a positive (or range) indicator whose result falls short", true},
      {"result.full_marks_over", "full marks on a reverse indicator whose result is over",
       true},
      {"result.points_lost",
       "points lost though the result reaches the target (warning)"},
      {"result.method",
       "a reduced score that the scoring method does not give (warning)"},
      {"result.qualitative_band",
       "a qualitative score outside the band of its result (达成/部分达成/未达成)", true},
      {"result.no_reason", "a score below its 分值 without a 偏差原因 (warning)"},
      {"result.execution_rate", "执行率 score = 全年执行数 / 全年预算数 × 分值, capped",
       true},
      {"result.unquantified", "a quantitative indicator whose target has no number"},
      {"result.unquantified_actual",
       "a quantitative indicator whose result has no number (达成预期指标, 按时完成)"},
      {"result.over_achievement", "a result at least 1.3 × its target (info)"},
      {"result.inflated", "indicator scores well above the execution rate (warning)"},
      {"cross.target_changed", "a self-evaluated target differs from the declared one"},
      {"cross.indicator_missing",
       "a declared indicator missing from the self-evaluation"},
      {"cross.budget_mismatch", "自评表 年初预算数 differs from the declared 资金总额"},
      {"cross.ambiguous",
       "documents that should be paired (申报表/自评表, 部门/单位 disclosures) but "
       "cannot be one to one"},
      {"cross.disclosure_part",
       "a 单位 disclosure's figure by code above its 部门's for the same code"},
      {"cross.disclosure_prior",
       "部门 and 单位 print one amount and one rate but two prior-year figures"},
      {"cross.not_recorded",
       "a record kept before the facts across documents were: not compared (info)"},
      {"pdf.no_text_layer",
       "PDF pages that are images only (scans): nothing to check there"},
      {"document.nothing_checked",
       "a file in which no rule compared any number: read, but not checked (info)"},
  };
  return kRules;
}

namespace validate {
namespace {

using i128 = __int128;

i128 Pow10(int n) {
  i128 p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

i128 At(const Decimal& d, int scale) {
  return static_cast<i128>(d.units) * Pow10(scale - d.scale);
}
i128 Half(const Decimal& d, int scale) { return 5 * Pow10(scale - d.scale - 1); }
i128 HalfOf(const Term& t, int scale) {
  // A printed 0 is nothing, not a rounded amount ("0" beside "14.31"), in
  // whatever unit it was printed ("0万元" is no ±5000 元).
  if (t.exact || t.value.units == 0) return 0;
  return t.has_half ? At(t.half, scale) : Half(t.value, scale);
}

// For shown figures (tolerances, bounds): digits past what fits are dropped,
// and a magnitude beyond 18 digits saturates rather than wraps.
Decimal FromI128(i128 v, int scale) {
  while ((v > kDecimalMaxUnits || v < -kDecimalMaxUnits) && scale > 0) {
    v /= 10;
    --scale;
  }
  if (v > kDecimalMaxUnits) v = kDecimalMaxUnits;
  if (v < -kDecimalMaxUnits) v = -kDecimalMaxUnits;
  return Decimal{static_cast<int64_t>(v), scale};
}

// A running sum stays far inside 128 bits: beyond this it is out of range.
const i128 kWideLimit = Pow10(36);

}  // namespace

SumOutcome CompareSum(const Term& stated, const std::vector<Term>& parts) {
  int scale = std::max(stated.value.scale + 1, stated.has_half ? stated.half.scale : 0);
  for (const Term& t : parts)
    if (!t.blank)
      scale = std::max({scale, t.value.scale + 1, t.has_half ? t.half.scale : 0});
  scale = std::min(scale, 18);
  i128 sum = 0, tol = HalfOf(stated, scale);
  SumOutcome o;
  auto abs = [](i128 v) { return v < 0 ? -v : v; };
  for (const Term& t : parts) {
    if (t.blank) {
      ++o.blanks;
      continue;
    }
    i128 v = At(t.value, scale);
    if (abs(sum) > kWideLimit - abs(v)) {
      o.out_of_range = true;
      return o;
    }
    sum += t.sign * v;
    tol += HalfOf(t, scale);
  }
  i128 diff = sum - At(stated.value, scale);
  i128 adiff = diff < 0 ? -diff : diff;
  o.consistent = adiff <= tol;
  o.exact = diff == 0;
  // The sum and the difference are shown as they are, or not at all.
  if (!DecimalFromWide(sum, scale, &o.computed) ||
      !DecimalFromWide(diff, scale, &o.difference)) {
    o.out_of_range = true;
    return o;
  }
  o.tolerance = FromI128(tol, scale);
  // Show computed with the printed precision when it is exact there.
  for (Decimal* d : {&o.computed, &o.difference, &o.tolerance})
    while (d->scale > 0 && d->units % 10 == 0) d->units /= 10, --d->scale;
  return o;
}

bool SamePrinted(const Decimal& a, const Decimal& half_a, const Decimal& b,
                 const Decimal& half_b) {
  Decimal diff;
  if (!SubDecimal(a, b, &diff)) return false;
  const Decimal& half = CompareDecimal(half_a, half_b) >= 0 ? half_a : half_b;
  return CompareDecimal(AbsDecimal(diff), half) <= 0;
}

bool CompareRate(const std::string& kind, const Decimal& a, const Decimal& b,
                 const ParsedNumber& rate, RateOutcome* out) {
  if (b.units <= 0 || a.units < 0) return false;
  int s = std::max({a.scale, b.scale, rate.value.scale}) + 1;
  if (s > 12) return false;
  // A printed 0 is nothing at all, not a rounded amount.
  i128 A = At(a, s), hA = a.units == 0 ? 0 : Half(a, s), B = At(b, s), hB = Half(b, s);
  i128 R = At(rate.value, s), hR = Half(rate.value, s);
  i128 one = Pow10(s);
  if (B - hB <= 0) return false;
  // Bounds of the true rate as fractions (num / den) in units of 10^-s percent.
  i128 lo_num, lo_den = B + hB, hi_num, hi_den = B - hB;
  if (kind == "ratio") {
    lo_num = (A - hA) * 100;
    hi_num = (A + hA) * 100;
  } else {
    lo_num = ((A - hA) - (B + hB)) * 100;
    hi_num = ((A + hA) - (B - hB)) * 100;
  }
  // x ≤ y for x = p/q (q > 0) and y = v / one.
  auto le = [&](i128 p, i128 q, i128 v) { return p * one <= v * q; };
  auto ge = [&](i128 p, i128 q, i128 v) { return p * one >= v * q; };
  const std::string& c = rate.comparator;
  bool ok;
  if (c == "<")
    ok = !ge(lo_num, lo_den, R + hR);
  else if (c == "≤")
    ok = le(lo_num, lo_den, R + hR);
  else if (c == ">")
    ok = !le(hi_num, hi_den, R - hR);
  else if (c == "≥")
    ok = ge(hi_num, hi_den, R - hR);
  else
    ok = le(lo_num, lo_den, R + hR) && ge(hi_num, hi_den, R - hR);
  out->consistent = ok;
  Decimal scaled;
  Decimal numer = a;
  if (kind == "change") SubDecimal(a, b, &numer);
  int rs = rate.value.scale + 2;
  Decimal prod{0, 0};
  if (!DivideDecimal(numer, b, rs + 2, &scaled)) return false;
  // × 100 by moving the decimal point.
  prod = Decimal{scaled.units, scaled.scale - 2};
  if (prod.scale < 0) prod = Decimal{prod.units * 100, 0};
  out->computed = prod;
  SubDecimal(out->computed, rate.value, &out->difference);
  // Reach of rounding: half the spread of the bounds plus the rate's own half.
  Decimal lo, hi;
  DivideDecimal(FromI128(lo_num, s), FromI128(lo_den, s), rs, &lo);
  DivideDecimal(FromI128(hi_num, s), FromI128(hi_den, s), rs, &hi);
  Decimal spread;
  SubDecimal(hi, lo, &spread);
  Decimal half_spread;
  DivideDecimal(spread, Decimal{2, 0}, rs, &half_spread);
  AddDecimal(half_spread, HalfUlp(rate.value), &out->tolerance);
  return true;
}

std::string Num(const Decimal& d) { return d.ToString(); }

std::string Describe(const std::vector<Term>& parts) {
  std::string s;
  for (size_t i = 0; i < parts.size(); ++i) {
    const Term& t = parts[i];
    if (i > 0)
      s += t.sign < 0 ? " − " : " + ";
    else if (t.sign < 0)
      s += "−";
    if (!t.label.empty()) s += t.label + " ";
    s += t.blank ? "(空白)" : Num(t.value);
  }
  return s;
}

Finding& Sink::Add(const std::string& rule, Severity sev, const Location& where,
                   std::string message) {
  Finding f;
  f.rule = rule;
  f.severity = sev;
  f.where = where;
  f.message = std::move(message);
  v_->findings.push_back(std::move(f));
  return v_->findings.back();
}

Finding* Sink::ReportSum(const std::string& rule, const Term& stated,
                         const std::vector<Term>& parts, const std::string& what,
                         const std::string& unit, bool requirement) {
  if (!requirement) Checked(std::vector<Term>{stated});
  Checked(parts);
  SumOutcome o = CompareSum(stated, parts);
  if (o.out_of_range) {
    Finding& f = Add(rule, Severity::kWarning, stated.at,
                     what + "：分项之和超出可精确计算的范围（18 位有效数字），未核对");
    f.evidence.push_back(Describe(parts));
    f.involved.push_back(stated.at);
    return &f;
  }
  if (o.consistent && o.exact) return nullptr;
  Severity sev = Severity::kInfo;
  std::string msg;
  if (o.consistent) {
    msg = what + "：" + (stated.label.empty() ? "" : stated.label + " ") +
          Num(stated.value) + "，分项之和 " + Num(o.computed) + "，相差 " +
          Num(o.difference) + "，在四舍五入误差（±" + Num(o.tolerance) + "）之内";
  } else if (o.blanks > 0) {
    sev = Severity::kWarning;
    msg = what + "：" + (stated.label.empty() ? "" : stated.label + " ") +
          Num(stated.value) + "，已填分项之和 " + Num(o.computed) + "（" +
          Describe(parts) + "），相差 " + Num(o.difference) + "；有 " +
          std::to_string(o.blanks) + " 个分项空白，无法核对";
  } else {
    sev = Severity::kError;
    msg = what + "不符：" + (stated.label.empty() ? "" : stated.label + " ") +
          Num(stated.value) + "，分项之和 " + Num(o.computed) + "（" + Describe(parts) +
          "），相差 " + Num(o.difference);
  }
  Finding& f = Add(rule, sev, stated.at, msg);
  f.has_numbers = true;
  f.stated = stated.value;
  f.computed = o.computed;
  f.difference = o.difference;
  f.tolerance = o.tolerance;
  f.unit = unit;
  // What was read, as label and printed value: the stated figure, then its parts.
  if (!requirement) f.evidence.push_back(Describe({stated}));
  f.evidence.push_back(Describe(parts));
  if (requirement) {
    f.stated = o.computed;
    f.computed = stated.value;
    SubDecimal(stated.value, o.computed, &f.difference);
  }
  if (!requirement) f.involved.push_back(stated.at);
  f.involved.insert(f.involved.end(), stated.also.begin(), stated.also.end());
  for (const Term& t : parts) {
    if (t.blank) continue;
    f.involved.push_back(t.at);
    f.involved.insert(f.involved.end(), t.also.begin(), t.also.end());
  }
  return &f;
}

}  // namespace validate

namespace {

// The layout's doubt of which rows a merged label heads (layout/table.h's
// kDoubtLabels, as the extraction hands it on).
constexpr std::string_view kLabelsDoubt = "labels";

// What the layout doubts of a table, as a reader is told it.
std::string DoubtText(const std::string& name) {
  if (name == "columns") return "列由对齐推断、列间余量小";
  if (name == "rows") return "有单元格可能属于两行";
  if (name == "continuation") return "是否为上页续表不确定";
  if (name == "header") return "表头未能识别";
  if (name == "header_in_row") return "跨页重复的表头文字并入了数据行";
  if (name == "header_recut")
    return "续页重印的表头分列与首页不同，续页单元格所属列不确定";
  if (name == "unnamed_column") return "有内容的列没有表头，单元格所属列不确定";
  if (name == "labels") return "合并的指标单元格所属行不确定（跨页或位置居中、居下）";
  return name;
}

bool OwnRow(std::string_view rule) {
  for (const RuleInfo& r : Rules())
    if (r.id == rule) return r.own_row;
  return false;
}

// A place in a label column of its section: the item column or one of the
// hierarchy's.
bool InLabelColumn(const TypedTable& t, const Location& l) {
  if (l.table != t.id || l.column < 0) return false;
  // The section a row lies in: the last to start at or above it (an
  // indicator grid's rows are read as indicators, not kept as rows).
  const TypedSection* in = nullptr;
  for (const TypedSection& s : t.sections)
    if (s.first_row <= l.row && (!in || s.first_row >= in->first_row) &&
        static_cast<size_t>(l.column) >= s.first_column &&
        static_cast<size_t>(l.column) < s.end_column)
      in = &s;
  if (!in) return false;
  const auto c = static_cast<size_t>(l.column);
  return in->label_column == l.column ||
         (c < in->columns.size() && in->columns[c].level >= 0);
}

bool ReadsLabel(const TypedTable& t, const Finding& f) {
  if (InLabelColumn(t, f.where)) return true;
  return std::any_of(f.involved.begin(), f.involved.end(),
                     [&](const Location& l) { return InLabelColumn(t, l); });
}

// An error that rests on a table the layout doubts (by where it was stated
// or any number it used) is a warning that names the doubt: a reconstruction
// the layout is unsure of must not make an auditor chase a false error.
void HonourDoubts(const Extraction& ex, Validation* v) {
  std::vector<const TypedTable*> doubted;
  for (const TypedTable& t : ex.tables)
    if (!t.doubts.empty() || !t.row_doubts.empty()) doubted.push_back(&t);
  if (doubted.empty()) return;
  // The doubted table a finding rests on (by where it was stated or any
  // place it used), and the doubts of the rows it read there. (A part left
  // blank makes a sum's finding a warning of its own, so rows between those
  // read need not be looked at.)
  auto doubts_of = [&](const Finding& f, std::string* row_doubt) -> const TypedTable* {
    for (const TypedTable* t : doubted) {
      bool in = false;
      auto take = [&](const Location& l) {
        if (l.table != t->id) return;
        in = true;
        for (const auto& [row, d] : t->row_doubts)
          if (row == l.row) AddNames(row_doubt, d);
      };
      take(f.where);
      for (const Location& l : f.involved) take(l);
      if (in && (!t->doubts.empty() || !row_doubt->empty())) return t;
    }
    return nullptr;
  };
  for (Finding& f : v->findings) {
    if (f.severity != Severity::kError) continue;
    std::string row_doubt;
    const TypedTable* t = doubts_of(f, &row_doubt);
    if (!t) continue;
    std::vector<std::string> names = t->doubts;
    ForEachName(row_doubt, [&](std::string_view name) {
      if (std::find(names.begin(), names.end(), name) == names.end())
        names.emplace_back(name);
    });
    // Which rows a merged label heads moves labels, not the numbers of a
    // row: a rule that compares one row's numbers stands, unless a number
    // it read was a label's ("（3分）").
    if (OwnRow(f.rule) && !ReadsLabel(*t, f))
      std::erase(names, std::string(kLabelsDoubt));
    if (names.empty()) continue;
    std::string zh, en;
    for (const std::string& d : names) {
      zh += (zh.empty() ? "" : "，") + DoubtText(d);
      en += (en.empty() ? "" : ", ") + d;
    }
    f.severity = Severity::kWarning;
    f.message += "（表 " + t->id + " 的版面还原存疑：" + zh +
                 "，仅作警告: layout doubt " + en + ")";
  }
}

}  // namespace

Validation Validate(const Extraction& ex, const Patterns& patterns) {
  Validation v;
  validate::Sink sink(&v);
  validate::Context ctx{ex, patterns};
  validate::TableRules(ctx, &sink);
  validate::DisclosureRules(ctx, &sink);
  validate::FormRules(ctx, &sink);
  validate::SentenceRules(ctx, &sink);
  validate::ScoreRules(ctx, &sink);
  validate::FigureRules(ctx, &sink);
  for (const OutOfRange& n : ex.out_of_range) {
    Finding f;
    f.rule = "number.out_of_range";
    f.severity = Severity::kWarning;
    f.message =
        "数字“" + n.text + "”超过 18 位有效数字，无法精确核对，涉及它的核对未进行";
    f.where = n.where;
    f.evidence.push_back(n.text);
    v.findings.push_back(std::move(f));
  }
  for (const UnreadLines& u : ex.aligned_unread) {
    Finding f;
    f.rule = "layout.aligned_unread";
    f.severity = Severity::kWarning;
    f.message = "第 " + std::to_string(u.where.line) + "–" + std::to_string(u.last_line) +
                " 行像是以空格对齐各列的表格，未能还原为表格，其中的数字未核对";
    f.where = u.where;
    v.findings.push_back(std::move(f));
  }
  validate::ResultRules(ctx, &sink);
  validate::DisclosureCoverage(ctx, &v);
  if (!ex.pages_without_text.empty()) {
    Finding f;
    f.rule = "pdf.no_text_layer";
    f.severity = Severity::kWarning;
    // As ranges ("1-40, 52"): a scanned file of ten thousand pages is one
    // short line, not a list of every page.
    std::string pages;
    const std::vector<int>& ps = ex.pages_without_text;
    for (size_t i = 0; i < ps.size();) {
      size_t j = i;
      while (j + 1 < ps.size() && ps[j + 1] == ps[j] + 1) ++j;
      pages += (pages.empty() ? "" : ", ") + std::to_string(ps[i]);
      if (j > i) pages += "-" + std::to_string(ps[j]);
      i = j + 1;
    }
    f.message = "第 " + pages +
                " 页没有文字层（扫描图像），需要 OCR 才能核对: no text layer on pages " +
                pages + "; OCR required";
    f.where.file = ex.file;
    f.where.page = ex.pages_without_text.front();
    v.findings.push_back(std::move(f));
  }
  // A file that no rule could compare a number of (not a report of this
  // genre, or one whose tables were not read) would otherwise print "no
  // findings", which an auditor reads as checked and clean.
  if (v.checked.empty() && v.findings.empty()) {
    Finding f;
    f.rule = "document.nothing_checked";
    f.severity = Severity::kInfo;
    f.message =
        ex.info.kind == "other"
            ? "未识别为绩效目标表、自评报告或预决算公开文件，也未读出可核对的数字，"
              "本文件未作核对: not recognised as a report of this kind and no "
              "number was checked"
            : "未读出可核对的数字（表格或文中数字），本文件未作核对: no number "
              "was checked in this file";
    f.where.file = ex.file;
    v.findings.push_back(std::move(f));
  }
  // Incoherence first: a mismatch a layout doubt makes a warning still
  // counts toward the table's being read with the wrong hierarchy.
  validate::DoubtIncoherentScores(ex, &v);
  HonourDoubts(ex, &v);
  validate::HonourScoreDoubts(ex, &v);
  validate::DoubtShiftedBoundaries(ex, &v);
  // Stable order: by page and line; ids follow that order.
  std::stable_sort(v.findings.begin(), v.findings.end(),
                   [](const Finding& a, const Finding& b) {
                     if (a.where.page != b.where.page) return a.where.page < b.where.page;
                     if (a.where.line != b.where.line) return a.where.line < b.where.line;
                     return a.where.column < b.where.column;
                   });
  for (size_t i = 0; i < v.findings.size(); ++i)
    v.findings[i].id = "F" + std::to_string(i + 1);
  return v;
}

}  // namespace jx
