// Indicator rows: a row's target and result as quantities, and the project
// a row of a multi-project table belongs to.
#include <algorithm>
#include <optional>

#include "base/text.h"
#include "extract/indicator_reader.h"

namespace jx::extract::indicators {

bool IndicatorReader::ReadQuantity(const std::string& text, Quantity* q, std::string* pre,
                                   std::string* post) const {
  if (!scoring_) return false;
  PatternFile::Match m;
  if (!scoring_->FindFirst("quantity", scoring_->Prepare(text), &m)) return false;
  ParsedNumber lo, hi;
  if (!ParseNumber(m.group("num"), &lo)) return false;
  Quantity out;
  out.has = true;
  out.value = lo.value;
  // A printed 0 is nothing, not a rounded amount.
  out.half = lo.value.units == 0 ? Decimal{0, 0} : HalfUlp(lo.value);
  if (!m.group("hi").empty()) {
    if (!ParseNumber(m.group("hi"), &hi)) return false;
    out.has_high = true;
    out.high = hi.value;
  }
  std::string unit = m.group("unit");
  std::string tail;
  if (size_t slash = unit.find('/'); slash != std::string::npos) {
    tail = unit.substr(slash);
    unit.resize(slash);
  }
  if (!m.group("pct").empty() || !m.group("pct2").empty()) {
    if (!unit.empty()) return false;  // "90%以上的村" is a sentence, not a unit
    out.unit = "%";
  } else if (!unit.empty()) {
    UnitInfo u;
    if (FindUnit(units_, unit, &u) && u.kind == "money" && MatchKey(u.text) == unit) {
      // Money in 元, so that 万元 and 元 compare.
      if (!ShiftDecimal(out.value, u.pow10, &out.value) ||
          !ShiftDecimal(out.half, u.pow10, &out.half) ||
          (out.has_high && !ShiftDecimal(out.high, u.pow10, &out.high)))
        return false;
      out.unit = "元";
    } else {
      out.unit = unit;
      for (const auto& e : scoring_->entries())
        if (e.name.starts_with("unit_alias.") && RE2::PartialMatch(unit, e.re()))
          out.unit = e.name.substr(std::string_view("unit_alias.").size());
    }
  }
  out.unit += tail;
  *q = out;
  if (pre) *pre = m.group("pre");
  if (post) *post = m.group("post");
  return true;
}

void IndicatorReader::ReadResult(const Table& t, size_t r, int target_col, int actual_col,
                                 const Columns& extra, Indicator* ind) {
  if (!scoring_) return;
  const auto& row = t.rows[r];
  for (const std::string& level : ind->levels) {
    if (scoring_->Matches("quantitative_level", level)) ind->quantitative = true;
    if (scoring_->Matches("satisfaction", level)) ind->satisfaction = true;
  }
  if (extra.unit >= 0 && static_cast<size_t>(extra.unit) < row.size() &&
      !IsBlank(row[static_cast<size_t>(extra.unit)].text))
    ind->quantitative = true;
  if (target_col >= 0)
    ind->target_at = CellLocation(out_.file, t, r, static_cast<size_t>(target_col));
  if (actual_col >= 0)
    ind->actual_at = CellLocation(out_.file, t, r, static_cast<size_t>(actual_col));
  std::string pre, post;
  if (IsBlank(ind->target)) {
    ind->direction = "";
  } else if (ReadQuantity(ind->target, &ind->target_q, &pre, &post)) {
    bool pos = scoring_->Matches("positive_pre", pre) ||
               scoring_->Matches("positive_post", post);
    bool rev =
        scoring_->Matches("reverse_pre", pre) || scoring_->Matches("reverse_post", post);
    if (ind->target_q.has_high) {
      ind->direction = pos || rev ? "" : "range";
    } else if (pos != rev) {
      ind->direction = pos ? "positive" : "reverse";
    } else if (!pos && pre.empty() && post.empty()) {
      // A plain rate is a goal; a plain cost, deadline or count of
      // complaints may be a ceiling.
      bool unknown = false;
      for (size_t k = 0; k + 1 < ind->levels.size(); ++k)
        unknown |= ind->target_q.unit != "%" &&
                   scoring_->Matches("plain_unknown_level", ind->levels[k]);
      if (!ind->levels.empty())
        unknown |= scoring_->Matches("plain_unknown_name", ind->levels.back());
      ind->direction = unknown ? "" : "positive";
    }
  } else if (!HasDigit(scoring_->Prepare(ind->target))) {
    ind->direction = "qualitative";
  }
  ind->actual_blank = IsBlank(ind->actual);
  Quantity a;
  // A result is compared only when it is one value ("92%", "=85%"); "＜50%"
  // or "20余次" says too little.
  if (!ind->actual_blank && ReadQuantity(ind->actual, &a, &pre, &post) && !a.has_high &&
      (pre.empty() || pre == "=") && post.empty())
    ind->actual_q = a;
  if (extra.deviation >= 0) {
    ind->has_deviation = true;
    size_t c = static_cast<size_t>(extra.deviation);
    ind->deviation = c < row.size() ? row[c].text : "";
    ind->deviation_at = CellLocation(out_.file, t, r, c);
  }
  if (r < projects_.size()) ind->project = projects_[r];
}

void IndicatorReader::ProjectsOf(const Table& t) {
  projects_.assign(t.rows.size(), "");
  if (!scoring_) return;
  std::string current;
  size_t idx = static_cast<size_t>(&t - layout_.tables.data());
  constexpr size_t kTablesBack = 3;
  if (idx < layout_.tables.size())
    for (size_t k = idx, back = 0; k-- > 0 && back < kTablesBack && current.empty();
         ++back)
      current = LastProjectStated(k);
  for (size_t r = 0; r < t.rows.size(); ++r) {
    ProjectNamed(t.rows[r], &current);
    projects_[r] = current;
  }
}

bool IndicatorReader::ProjectNamed(const std::vector<Cell>& row, std::string* out) const {
  for (size_t c = 0; c + 1 < row.size(); ++c) {
    if (!scoring_->Matches("project_label", row[c].text)) continue;
    for (size_t d = c + 1; d < row.size(); ++d)
      if (!IsBlank(row[d].text)) return *out = CollapseSpace(row[d].text), true;
  }
  return false;
}

const std::string& IndicatorReader::LastProjectStated(size_t k) {
  if (stated_.size() < layout_.tables.size()) stated_.resize(layout_.tables.size());
  if (!stated_[k]) {
    std::string name;
    const auto& rows = layout_.tables[k].rows;
    for (size_t r = rows.size(); r-- > 0;)
      if (ProjectNamed(rows[r], &name)) break;
    stated_[k] = std::move(name);
  }
  return *stated_[k];
}

}  // namespace jx::extract::indicators
