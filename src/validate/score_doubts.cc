// Score findings that rest on a hierarchy the reading may have wrong: the
// layout's doubts of a score table, and the numbers' own evidence that the
// items were read under the wrong parents.
#include <algorithm>

#include "validate/check.h"

namespace jx::validate {

// A score table whose totals rest on rows the layout could not read (see
// ScoreTable::doubt): its total against its items is a warning that names
// the doubt; a row the total counts may be missing from the sum, or the
// total read may be another row's score, so the text's total and a grade
// set against it are warnings too.
void HonourScoreDoubts(const Extraction& ex, Validation* v) {
  for (const ScoreTable& st : ex.score_tables) {
    if (st.doubt.empty()) continue;
    for (Finding& f : v->findings) {
      if (f.severity != Severity::kError) continue;
      bool here = f.rule == "score.total" && f.where.table == st.table;
      if (f.rule == "score.text_total" || f.rule == "grade.band")
        for (const Location& l : f.involved) here |= l.table == st.table;
      // Any rule that read the row the total's label ran into.
      auto on_row = [&](const Location& l) {
        return st.doubt_row >= 0 && l.table == st.table && l.row == st.doubt_row;
      };
      here = here || on_row(f.where) ||
             std::any_of(f.involved.begin(), f.involved.end(), on_row);
      if (!here) continue;
      f.severity = Severity::kWarning;
      f.message += "（表 " + st.table +
                   " 有计分行的单元格与表头错位，总分所计各行不确定，" +
                   "仅作警告: layout doubt " + st.doubt + ")";
    }
  }
}

// A score table whose weights and scores fail to add up at this many places
// or more is more likely read with the wrong hierarchy (labels placed on the
// wrong rows, a column taken for another) than filled wrong that often: every
// form seen fails at two places at most. Its score errors are warnings that
// say so.
constexpr int kScoreMismatchesForDoubt = 3;

void DoubtIncoherentScores(const Extraction& ex, Validation* v) {
  auto table_score_rule = [](const Finding& f) {
    return f.severity == Severity::kError &&
           (f.rule == "score.weight_sum" || f.rule == "score.subtotal" ||
            f.rule == "score.total" || f.rule == "score.framework");
  };
  for (const ScoreTable& st : ex.score_tables) {
    int n = 0;
    for (const Finding& f : v->findings)
      if (table_score_rule(f) && f.where.table == st.table) ++n;
    if (n < kScoreMismatchesForDoubt) continue;
    const std::string note = "（表 " + st.table + " 的分值有 " + std::to_string(n) +
                             " 处不合，指标层级可能读错，仅作警告: hierarchy doubt)";
    for (Finding& f : v->findings) {
      if (f.severity != Severity::kError) continue;
      bool here = table_score_rule(f) && f.where.table == st.table;
      // The text's total and a grade set against this table's rest on it too.
      if (!here && (f.rule == "score.text_total" || f.rule == "grade.band"))
        for (const Location& l : f.involved) here |= l.table == st.table;
      if (!here) continue;
      f.severity = Severity::kWarning;
      f.message += note;
    }
  }
}

// Two neighbouring items of one level, one whose children's weights exceed
// its own by exactly the weight of the child at their boundary, the other
// short of its own by that much (or by more, where a child's weight is
// blank): "项目产出 20: 4+6+5+5+5" over "项目效益 30: 5+5+5+10". The boundary
// row was read into the wrong item, as a merged label set in the middle of
// its rows, or at their foot, places it. On a table rebuilt from a page the
// errors of both are warnings that say so: a form filled wrong that way at
// two neighbours at once is far less likely than a label placed a row off.
void DoubtShiftedBoundaries(const Extraction& ex, Validation* v) {
  const Decimal zero{0, 0};
  for (const ScoreTable& st : ex.score_tables) {
    auto node = [&](int i) -> const ScoreNode& {
      return st.nodes[static_cast<size_t>(i)];
    };
    // The printed children's weights less the item's; `complete`: every
    // child's weight is printed.
    auto excess = [&](const ScoreNode& n, Decimal* d, bool* complete) {
      if (!n.has_weight || n.children.empty() || n.weight_at.page <= 0) return false;
      Decimal sum = zero;
      *complete = true;
      for (int c : n.children) {
        if (!node(c).has_weight) {
          *complete = false;
          continue;
        }
        if (!AddDecimal(sum, node(c).weight, &sum)) return false;
      }
      return SubDecimal(sum, n.weight, d);
    };
    // `over` exceeds by the weight of `moved`, its child at the boundary,
    // and `under` takes it without going over (exactly, when complete).
    auto shifted_between = [&](const ScoreNode& over, const ScoreNode& moved,
                               const ScoreNode& under) {
      Decimal d_over, d_under, sum;
      bool over_complete = false, under_complete = false;
      if (!excess(over, &d_over, &over_complete) || !over_complete ||
          CompareDecimal(d_over, zero) <= 0 || !(moved.weight == d_over) ||
          !excess(under, &d_under, &under_complete) || !AddDecimal(d_over, d_under, &sum))
        return false;
      return under_complete ? sum == zero : CompareDecimal(sum, zero) <= 0;
    };
    // The items of each depth in table order: neighbours across a parent's
    // boundary too (产出 > 项目产出 | 效果 > 项目效益), which the same label
    // placement shifts alike.
    std::vector<std::vector<int>> levels;
    for (size_t i = 0; i < st.nodes.size(); ++i) {
      const size_t depth = static_cast<size_t>(std::max(0, st.nodes[i].depth));
      if (levels.size() <= depth) levels.resize(depth + 1);
      levels[depth].push_back(static_cast<int>(i));
    }
    std::vector<const ScoreNode*> shifted;
    for (const std::vector<int>& siblings : levels)
      for (size_t i = 0; i + 1 < siblings.size(); ++i) {
        const ScoreNode& a = node(siblings[i]);
        const ScoreNode& b = node(siblings[i + 1]);
        if (a.children.empty() || b.children.empty()) continue;
        if (shifted_between(a, node(a.children.back()), b) ||
            shifted_between(b, node(b.children.front()), a)) {
          shifted.push_back(&a);
          shifted.push_back(&b);
        }
      }
    if (shifted.empty()) continue;
    for (Finding& f : v->findings) {
      if (f.severity != Severity::kError || f.where.table != st.table ||
          (f.rule != "score.weight_sum" && f.rule != "score.subtotal"))
        continue;
      for (const ScoreNode* n : shifted) {
        const Location& at = f.rule == "score.weight_sum" ? n->weight_at : n->score_at;
        if (at.row != f.where.row || at.column != f.where.column) continue;
        f.severity = Severity::kWarning;
        f.message += "（表 " + st.table +
                     " 相邻两项一多一少，差额正是二者分界一行的分值，" +
                     "合并的指标单元格可能错划了一行，仅作警告: hierarchy doubt)";
        break;
      }
    }
  }
}

}  // namespace jx::validate
