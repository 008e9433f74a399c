// Indicator tables: each row's levels, weight and score, and the weights
// and scores of a table as a tree.
#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "base/text.h"
#include "extract/indicator_reader.h"

namespace jx::extract {
namespace indicators {

bool IndicatorReader::WeightInLabel(const std::string& label, Decimal* w) const {
  PatternFile::Match m;
  if (!structure_.FindFirst("weight_in_label", structure_.Prepare(label), &m))
    return false;
  ParsedNumber n;
  if (!ParseNumber(m.group("v"), &n)) return false;
  *w = n.value;
  return true;
}

void IndicatorReader::Run(const Table& t) {
  ProjectsOf(t);
  for (size_t si = 0; si < t.sections.size(); ++si) {
    const Section& s = t.sections[si];
    if (s.header_rows == 0) continue;
    std::vector<size_t> names, weights;
    int score_col = -1, target_col = -1, actual_col = -1;
    Columns extra;
    for (size_t c = 0; c < s.columns.size(); ++c) {
      const Column& col = s.columns[c];
      if (col.key == "basis" && extra.deviation < 0 && scoring_ &&
          scoring_->Matches("deviation_header", col.label))
        extra.deviation = static_cast<int>(c);
      if (col.key == "unit" && extra.unit < 0) extra.unit = static_cast<int>(c);
      if (col.key == "weight") {
        weights.push_back(c);
      } else if (col.level >= 0) {
        names.push_back(c);
      } else if (col.key == "score" && score_col < 0) {
        score_col = static_cast<int>(c);
      } else if (col.key == "target" && target_col < 0) {
        target_col = static_cast<int>(c);
      } else if (col.key == "actual" && actual_col < 0) {
        actual_col = static_cast<int>(c);
      }
    }
    if (names.empty()) continue;
    BuildIndicators(t, s, extract::SectionEnd(t, si), names, weights, score_col,
                    target_col, actual_col, extra);
  }
  ScoredRowsOutsideGrid(t);
}

void IndicatorReader::ScoredRowsOutsideGrid(const Table& t) {
  ScoreTable* st = nullptr;
  for (ScoreTable& x : out_.score_tables)
    if (x.table == t.id) st = &x;
  if (!st) return;
  AddScoredRows(t, st);
  size_t idx = static_cast<size_t>(&t - layout_.tables.data());
  if (idx == 0 || idx > layout_.tables.size()) return;
  const Table& before = layout_.tables[idx - 1];
  for (const ScoreTable& x : out_.score_tables)
    if (x.table == before.id) return;  // a grid of its own
  ScoreTable rows;
  AddScoredRows(before, &rows);
  if (st->doubt.empty()) st->doubt = rows.doubt;
  if (rows.nodes.empty()) return;
  st->outside = rows.nodes;
  if (!st->has_total_weight) return;
  Decimal sum{0, 0};
  for (int r : st->roots) {
    Decimal w;
    if (!RootWeight(*st, r, &w) || !AddDecimal(sum, w, &sum)) return;
  }
  for (const ScoreNode& n : rows.nodes)
    if (!AddDecimal(sum, n.weight, &sum)) return;
  if (CompareDecimal(sum, st->total_weight) != 0) return;
  st->outside.clear();
  for (ScoreNode& n : rows.nodes) st->roots.push_back(AddNode(st, std::move(n)));
}

bool IndicatorReader::RootWeight(const ScoreTable& st, int i, Decimal* w) {
  const ScoreNode& n = st.nodes[static_cast<size_t>(i)];
  if (n.has_weight) {
    *w = n.weight;
    return true;
  }
  if (n.children.empty()) return false;
  *w = Decimal{0, 0};
  for (int c : n.children) {
    Decimal k;
    if (!RootWeight(st, c, &k) || !AddDecimal(*w, k, w)) return false;
  }
  return true;
}

void IndicatorReader::AddScoredRows(const Table& t, ScoreTable* st) {
  for (size_t si = 0; si < t.sections.size(); ++si) {
    const Section& s = t.sections[si];
    int weight = -1, score = -1;
    bool grid = false;
    for (size_t c = 0; c < s.columns.size(); ++c) {
      grid |= s.columns[c].level >= 0;
      if (s.columns[c].key == "weight" && weight < 0) weight = static_cast<int>(c);
      if (s.columns[c].key == "score" && score < 0) score = static_cast<int>(c);
    }
    if (grid || weight < 0 || score < 0) continue;
    size_t end = extract::SectionEnd(t, si);
    int lc = extract::LabelColumn(t, s, end);
    for (size_t r = static_cast<size_t>(s.first_row + s.header_rows); r < end; ++r) {
      const auto& row = t.rows[r];
      ParsedNumber w, sc;
      if (static_cast<size_t>(std::max(weight, score)) >= row.size()) continue;
      const Cell& wc = row[static_cast<size_t>(weight)];
      const Cell& scc = row[static_cast<size_t>(score)];
      const bool has_w = PureNumber(wc, &w), has_sc = PureNumber(scc, &sc);
      if (!has_w || !has_sc) {
        // On a page's rebuilt table, one of the two read and the other
        // filled with something else (an execution rate shifted under
        // 得分): the row's cells missed their columns, and the row the
        // total may count is not read.
        if (t.page > 0 && (has_w || has_sc) && !IsBlank(has_w ? scc.text : wc.text))
          st->doubt = std::string(kDoubtColumns);
        continue;
      }
      ScoreNode node;
      node.label = lc >= 0 && static_cast<size_t>(lc) < row.size()
                       ? CollapseSpace(row[static_cast<size_t>(lc)].text)
                       : "";
      if (structure_.Matches("total", node.label)) continue;
      node.depth = 1;
      node.row = static_cast<int>(r);
      node.has_weight = node.has_score = true;
      node.weight = w.value;
      node.weight_at = CellLocation(out_.file, t, r, static_cast<size_t>(weight));
      node.score = sc.value;
      node.score_at = CellLocation(out_.file, t, r, static_cast<size_t>(score));
      st->roots.push_back(AddNode(st, node));
      st->has_weights = st->has_scores = true;
    }
  }
}

void IndicatorReader::BuildIndicators(const Table& t, const Section& s, size_t end,
                                      const std::vector<size_t>& names,
                                      const std::vector<size_t>& weights, int score_col,
                                      int target_col, int actual_col,
                                      const Columns& extra) {
  ScoreTable st;
  st.table = t.id;
  st.title = t.title;
  // One hierarchy column whose depth is in the numbering (附件2's 考核内容),
  // or one column per level (一级/二级/三级指标).
  bool numbered = true;
  for (size_t c : names) numbered &= s.columns[c].level == 0;
  numbered &= names.size() == 1;
  if (!numbered && names.size() == 1) {
    // One column headed as a level ("一级指标") whose labels are numbered
    // at two depths or more ("一、投入（20分）" over "（一）预算编制"): the
    // numbering, not the heading, says which row sits under which.
    std::set<int> depths;
    for (size_t r = static_cast<size_t>(s.first_row + s.header_rows); r < end; ++r)
      if (!t.row_is_header[r] && names[0] < t.rows[r].size())
        if (int d = extract::NumberingDepth(p_, t.rows[r][names[0]].text); d > 0)
          depths.insert(d);
    numbered = depths.size() >= 2;
  }
  std::map<std::string, int> by_path;  // multi-column: path → node
  NumberedState numbered_state;
  size_t last_name_col = names.back();
  for (size_t w : weights) last_name_col = std::max(last_name_col, w);
  for (size_t r = static_cast<size_t>(s.first_row + s.header_rows); r < end; ++r) {
    if (t.row_is_header[r]) continue;
    const auto& row = t.rows[r];
    auto cell = [&](size_t c) -> const Cell* {
      return c < row.size() ? &row[c] : nullptr;
    };
    Indicator ind;
    ind.table = t.id;
    ind.row = static_cast<int>(r);
    ind.where = CellLocation(out_.file, t, r, 0);
    bool subtotal = false;
    for (size_t c = 0; c < row.size() && c <= last_name_col; ++c) {
      if (structure_.Matches("total", row[c].text)) ind.is_total = true;
      if (structure_.Matches("subtotal", row[c].text)) subtotal = true;
    }
    for (size_t c : names) {
      const Cell* x = cell(c);
      if (!x || IsBlank(x->value())) continue;
      if (!ind.is_total && t.page > 0 && st.doubt.empty() && x->anchor_row < 0 &&
          structure_.Matches("total_tail", x->text)) {
        st.doubt = std::string(kDoubtLabels);
        st.doubt_row = static_cast<int>(r);
      }
      std::string level = CollapseSpace(x->value());
      if (ind.levels.empty() || ind.levels.back() != level)
        ind.levels.push_back(std::move(level));
    }
    // Weight: the deepest weight column printed on this row, else "(N分)".
    for (auto it = weights.rbegin(); it != weights.rend(); ++it) {
      const Cell* x = cell(*it);
      ParsedNumber n;
      if (x && x->anchor_row < 0 && PureNumber(*x, &n)) {
        ind.has_weight = true;
        ind.weight = n.value;
        ind.weight_at = CellLocation(out_.file, t, r, *it);
        ind.weight_from = "column";
        break;
      }
    }
    int deepest_name = -1;
    for (size_t c : names)
      if (cell(c) && !IsBlank(cell(c)->text)) deepest_name = static_cast<int>(c);
    if (!ind.has_weight && deepest_name >= 0 &&
        WeightInLabel(row[static_cast<size_t>(deepest_name)].text, &ind.weight)) {
      ind.has_weight = true;
      ind.weight_at = CellLocation(out_.file, t, r, static_cast<size_t>(deepest_name));
      ind.weight_from = "label";
    }
    // Score: the score column, else the nearest bare number right of the
    // labels (rows whose cells shifted when two cells were merged).
    ParsedNumber n;
    int found = -1;
    if (score_col >= 0 && cell(static_cast<size_t>(score_col)) &&
        PureNumber(*cell(static_cast<size_t>(score_col)), &n))
      found = score_col;
    if (found < 0 && score_col >= 0) {
      int best_dist = 1 << 20;
      for (size_t c = last_name_col + 1; c < row.size(); ++c) {
        if (std::find(weights.begin(), weights.end(), c) != weights.end()) continue;
        ParsedNumber m;
        if (!PureNumber(row[c], &m)) continue;
        int dist = std::abs(static_cast<int>(c) - score_col);
        if (dist < best_dist) best_dist = dist, found = static_cast<int>(c), n = m;
      }
    }
    if (found < 0 && ind.is_total) {
      // "合计 | 94.9" or "总分 | 100 | 95": a merged total row; with two
      // numbers and a weight column, the first is the total weight.
      std::vector<size_t> nums;
      for (size_t c = 1; c < row.size(); ++c) {
        ParsedNumber m;
        if (PureNumber(row[c], &m)) nums.push_back(c);
      }
      if (!nums.empty()) {
        found = static_cast<int>(nums.back());
        PureNumber(row[nums.back()], &n);
        ParsedNumber w;
        if (nums.size() >= 2 && !weights.empty() && !ind.has_weight &&
            PureNumber(row[nums.front()], &w)) {
          ind.has_weight = true;
          ind.weight = w.value;
          ind.weight_at = CellLocation(out_.file, t, r, nums.front());
          ind.weight_from = "column";
        }
      }
      if (found >= 0 && ind.has_weight && ind.weight_at.column == found) found = -1;
      // On a rebuilt page, another cell of the row holding digits among
      // words ("标 95": a wrapped label's tail drawn into the total row)
      // may be the score the guess passed over.
      if (t.page > 0 && st.doubt.empty())
        for (size_t c = 1; c < row.size(); ++c)
          if (std::find(nums.begin(), nums.end(), c) == nums.end() &&
              HasAsciiDigit(row[c].text)) {
            st.doubt = std::string(kDoubtLabels);
            break;
          }
    }
    if (found >= 0) {
      ind.has_score = true;
      ind.score = n.value;
      ind.score_at = CellLocation(out_.file, t, r, static_cast<size_t>(found));
    }
    if (target_col >= 0 && cell(static_cast<size_t>(target_col))) {
      ind.target = cell(static_cast<size_t>(target_col))->text;
      if (ParseNumber(ind.target, &ind.target_value, /*allow_suffix=*/true)) {
        ind.has_target_value = true;
        if (ind.target_value.percent)
          ind.target_unit = UnitInfo{"%", "percent", 0};
        else if (!ind.target_value.suffix.empty())
          FindUnit(units_, ind.target_value.suffix, &ind.target_unit);
      }
    }
    if (actual_col >= 0 && cell(static_cast<size_t>(actual_col)))
      ind.actual = cell(static_cast<size_t>(actual_col))->text;
    if (ind.levels.empty() && !ind.is_total && !ind.has_score) continue;
    if (subtotal && !ind.is_total) {
      // "产出指标小计 | 50 | 48" (or "小计") closes the group above it: the
      // weight and score its top-level indicator did not print itself,
      // checked against that group's items, and no item of its own.
      if (!st.nodes.empty()) {
        int root = static_cast<int>(st.nodes.size()) - 1;
        while (st.nodes[static_cast<size_t>(root)].parent >= 0)
          root = st.nodes[static_cast<size_t>(root)].parent;
        ScoreNode& g = st.nodes[static_cast<size_t>(root)];
        if (!g.has_weight && ind.has_weight) {
          g.has_weight = true;
          g.weight = ind.weight;
          g.weight_at = ind.weight_at;
        }
        if (!g.has_score && ind.has_score) {
          g.has_score = true;
          g.score = ind.score;
          g.score_at = ind.score_at;
        }
      }
      out_.indicators.push_back(std::move(ind));
      continue;
    }
    // A total row has no target and no result, and names no indicator
    // beside its own label: one that holds words there is an indicator's
    // row the 总分 label was drawn onto, or the last indicator's row read
    // with the total's ("合计 | 87 | 社会公众或服务对象满意度（10分）"), and
    // which rows the total counts is unsure. (A bare number there is a
    // merged total row's 分值 or 得分; a label filled down is no word of it.)
    if (ind.is_total && t.page > 0 && st.doubt.empty()) {
      auto words = [&](int c) {
        const Cell* x = c >= 0 ? cell(static_cast<size_t>(c)) : nullptr;
        ParsedNumber m;
        return x && x->anchor_row < 0 && !IsBlank(x->text) && !PureNumber(*x, &m) &&
               !structure_.Matches("total", x->text);
      };
      bool drawn = words(target_col) || words(actual_col);
      for (size_t c : names) drawn = drawn || words(static_cast<int>(c));
      if (drawn) st.doubt = std::string(kDoubtLabels);
    }
    if (!ind.is_total) ReadResult(t, r, target_col, actual_col, extra, &ind);
    if (ind.is_total) {
      if (ind.has_score) {
        st.has_total_score = true;
        st.total_score = ind.score;
        st.total_score_at = ind.score_at;
      }
      if (ind.has_weight && ind.weight_from == "column") {
        st.has_total_weight = true;
        st.total_weight = ind.weight;
        st.total_weight_at = ind.weight_at;
      }
      out_.indicators.push_back(std::move(ind));
      continue;
    }
    st.has_weights |= ind.has_weight;
    st.has_scores |= ind.has_score;
    if (numbered) {
      AddNumberedRow(t, r, names[0], ind, &st, &numbered_state);
    } else {
      AddPathRow(t, s, r, names, weights, ind, &st, &by_path);
    }
    out_.indicators.push_back(std::move(ind));
  }
  if (!st.has_weights && !st.has_scores) return;
  for (size_t i = 0; i < st.nodes.size(); ++i)
    if (st.nodes[i].parent < 0) st.roots.push_back(static_cast<int>(i));
  GradeNear(t, &st);
  out_.score_tables.push_back(std::move(st));
}

int IndicatorReader::AddNode(ScoreTable* st, ScoreNode node) {
  int idx = static_cast<int>(st->nodes.size());
  if (node.parent >= 0)
    st->nodes[static_cast<size_t>(node.parent)].children.push_back(idx);
  node.bonus = structure_.Matches("bonus", node.label);
  st->nodes.push_back(std::move(node));
  return idx;
}

void IndicatorReader::SetValues(ScoreNode* n, const Indicator& ind) {
  if (ind.has_weight)
    n->has_weight = true, n->weight = ind.weight, n->weight_at = ind.weight_at;
  if (ind.has_score)
    n->has_score = true, n->score = ind.score, n->score_at = ind.score_at;
}

void IndicatorReader::AddNumberedRow(const Table& t, size_t r, size_t col,
                                     const Indicator& ind, ScoreTable* st,
                                     NumberedState* ns) {
  const Cell& c = t.rows[r][col];
  if (c.anchor_row >= 0) {
    // A second item under a merged label: the label becomes a group.
    auto found = ns->node_of_row.find(c.anchor_row);
    int anchor = found == ns->node_of_row.end() ? -1 : found->second;
    if (anchor >= 0) {
      ScoreNode& a = st->nodes[static_cast<size_t>(anchor)];
      if (a.children.empty()) {
        ScoreNode first;
        first.label = a.label;
        first.depth = a.depth + 1;
        first.parent = anchor;
        first.row = a.row;
        first.has_weight = a.has_weight, first.weight = a.weight,
        first.weight_at = a.weight_at;
        first.has_score = a.has_score, first.score = a.score, first.score_at = a.score_at;
        first.is_item = true;
        a.has_weight = a.has_score = false;
        AddNode(st, first);
      }
      ScoreNode item;
      item.label = st->nodes[static_cast<size_t>(anchor)].label;
      item.depth = st->nodes[static_cast<size_t>(anchor)].depth + 1;
      item.parent = anchor;
      item.row = static_cast<int>(r);
      item.is_item = true;
      SetValues(&item, ind);
      AddNode(st, item);
      return;
    }
  }
  ScoreNode node;
  node.label = CollapseSpace(c.text);
  int depth = extract::NumberingDepth(p_, c.text);
  node.depth = depth > 0 ? depth : ns->last_depth + 1;
  if (depth > 0) ns->last_depth = depth;
  node.row = static_cast<int>(r);
  SetValues(&node, ind);
  // The parent: the newest node of any shallower depth.
  for (int d = 1; d < node.depth && d < static_cast<int>(ns->last_at_depth.size()); ++d)
    node.parent = std::max(node.parent, ns->last_at_depth[static_cast<size_t>(d)]);
  int idx = AddNode(st, node);
  if (node.depth < static_cast<int>(ns->last_at_depth.size()))
    ns->last_at_depth[static_cast<size_t>(node.depth)] = idx;
  ns->node_of_row[node.row] = idx;
}

void IndicatorReader::AddPathRow(const Table& t, const Section& s, size_t r,
                                 const std::vector<size_t>& names,
                                 const std::vector<size_t>& weights, const Indicator& ind,
                                 ScoreTable* st, std::map<std::string, int>* by_path) {
  const auto& row = t.rows[r];
  std::string path;
  int parent = -1;
  int depth = 0;
  // Name columns of the same level (a 名称 and a 参考分值 under 一级指标)
  // are one node.
  for (size_t k = 0; k < names.size(); ++k) {
    size_t c = names[k];
    if (c >= row.size() || IsBlank(row[c].value())) continue;
    std::string label = CollapseSpace(row[c].value());
    path += '\x1f' + label;
    ++depth;
    auto it = by_path->find(path);
    bool leaf = true;
    for (size_t k2 = k + 1; k2 < names.size(); ++k2)
      if (names[k2] < row.size() && !IsBlank(row[names[k2]].value())) leaf = false;
    if (it == by_path->end()) {
      ScoreNode node;
      node.label = label;
      node.depth = depth;
      node.parent = parent;
      node.row = leaf ? static_cast<int>(r) : -1;
      // The level's own weight: its weight column, else "(N分)".
      int level = s.columns[c].level;
      for (size_t w : weights) {
        ParsedNumber n;
        if (s.columns[w].level == level && level > 0 && w < row.size() &&
            PureNumber(row[w], &n)) {
          const Cell& wc = row[w];
          node.has_weight = true;
          node.weight = n.value;
          size_t wr = wc.anchor_row >= 0 ? static_cast<size_t>(wc.anchor_row) : r;
          node.weight_at = CellLocation(out_.file, t, wr, w);
        }
      }
      if (!node.has_weight) {
        Decimal w;
        const Cell& lc = row[c];
        size_t lr = lc.anchor_row >= 0 ? static_cast<size_t>(lc.anchor_row) : r;
        if (WeightInLabel(lc.value(), &w)) {
          node.has_weight = true;
          node.weight = w;
          node.weight_at = CellLocation(out_.file, t, lr, c);
        }
      }
      if (leaf) {
        if (ind.has_weight && !node.has_weight) SetValues(&node, ind);
        if (ind.has_score)
          node.has_score = true, node.score = ind.score, node.score_at = ind.score_at;
      }
      parent = AddNode(st, node);
      (*by_path)[path] = parent;
    } else {
      parent = it->second;
      if (leaf && ind.has_score && !st->nodes[static_cast<size_t>(parent)].has_score) {
        ScoreNode& n = st->nodes[static_cast<size_t>(parent)];
        n.has_score = true, n.score = ind.score, n.score_at = ind.score_at;
      }
    }
  }
}

void IndicatorReader::GradeNear(const Table& t, ScoreTable* st) {
  // The paragraphs between the previous table and this one, nearest first,
  // in document order: a PDF numbers its lines per page, so line numbers
  // alone do not say what lies between two tables on different pages.
  const size_t idx = static_cast<size_t>(&t - layout_.tables.data());
  const auto& blocks = layout_.blocks;
  size_t k = 0;
  while (k < blocks.size() &&
         !(blocks[k].kind == Block::kTable && blocks[k].index == idx))
    ++k;
  if (k == blocks.size()) return;
  for (size_t j = k; j-- > 0 && blocks[j].kind == Block::kParagraph;) {
    if (blocks[j].index >= layout_.paragraphs.size()) break;
    const Paragraph& p = layout_.paragraphs[blocks[j].index];
    PatternFile::Match m;
    if (!sentences_.FindFirst("declared_grade", sentences_.Prepare(p.text), &m)) continue;
    st->grade = m.group("grade");
    st->grade_at.file = out_.file;
    st->grade_at.line = p.line;
    st->grade_at.page = p.page;
    return;
  }
}

}  // namespace indicators

void ReadIndicators(const Reader& base) {
  indicators::IndicatorReader reader(base);
  for (const Table& t : base.layout().tables) reader.Run(t);
}

}  // namespace jx::extract
