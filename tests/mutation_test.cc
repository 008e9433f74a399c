// Mutation test: change one printed number of a consistent table at a time and
// require the change to be flagged, with no new error anywhere else.
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <set>

#include "base/text.h"
#include "extract/extract.h"
#include "ingest/read.h"
#include "layout/layout.h"
#include "test_util.h"
#include "validate/validate.h"

using namespace jx;
using namespace jx::test;

namespace {

struct Run {
  Layout layout;
  Validation v;
};

Run Pipeline(const Document& doc) {
  Run r;
  r.layout = BuildLayout(doc, ProjectPatterns());
  Extraction ex = Extract(doc, r.layout, ProjectPatterns());
  r.v = Validate(ex, ProjectPatterns());
  return r;
}

std::string Key(const Location& l) {
  return l.table + "/" + std::to_string(l.row) + "/" + std::to_string(l.column);
}

std::string FindingKey(const Finding& f) {
  return f.rule + "|" + std::to_string(f.where.line) + "|" + Key(f.where) + "|" +
         f.stated.ToString() + "|" + f.computed.ToString();
}

struct Candidate {
  size_t line;   // index into Document::lines
  size_t field;  // tab-separated field of that line
  std::string key;
};

// The tab field of `line` that printed the cell.
bool LocateField(const Document& doc, const Table& t, size_t r, size_t c,
                 Candidate* out) {
  const Cell& cell = t.rows[r][c];
  if (cell.first_line != cell.last_line) return false;
  size_t li = static_cast<size_t>(cell.first_line - 1);
  std::vector<std::string> fields = SplitTabs(doc.lines[li].text);
  std::vector<size_t> same;
  for (size_t k = 0; k < fields.size(); ++k)
    if (TrimSpace(fields[k]) == cell.text) same.push_back(k);
  if (same.empty()) return false;
  size_t pick = same.front();
  if (t.format == TableFormat::kTabRows) {
    if (c >= fields.size() || TrimSpace(fields[c]) != cell.text) return false;
    pick = c;
  } else if (same.size() > 1) {
    return false;
  }
  out->line = li;
  out->field = pick;
  return true;
}

}  // namespace

TEST_CASE("Mutations of consistent printed numbers are flagged", "[mutation]") {
  std::mt19937 rng(20261121);
  int variants = 0, flagged = 0, clean = 0, collateral = 0;
  for (const std::string& name : SeedSamples()) {
    Document doc;
    Error err;
    REQUIRE(ReadDocument(SamplePath(name), ReadOptions{}, &doc, &err));
    Run base = Pipeline(doc);
    std::set<std::string> baseline, in_problem, checked;
    for (const Finding& f : base.v.findings) {
      if (f.severity == Severity::kInfo) continue;
      baseline.insert(FindingKey(f));
      for (const Location& l : f.involved) in_problem.insert(Key(l));
    }
    for (const Location& l : base.v.checked)
      if (!l.table.empty()) checked.insert(Key(l));
    std::vector<Candidate> cands;
    for (const Table& t : base.layout.tables) {
      for (size_t r = 0; r < t.rows.size(); ++r) {
        for (size_t c = 0; c < t.rows[r].size(); ++c) {
          Location l;
          l.table = t.id;
          l.row = static_cast<int>(r);
          l.column = static_cast<int>(c);
          std::string key = Key(l);
          ParsedNumber n;
          if (!checked.count(key) || in_problem.count(key)) continue;
          if (!ParseNumber(t.rows[r][c].text, &n)) continue;
          Candidate cand;
          if (!LocateField(doc, t, r, c, &cand)) continue;
          cand.key = key;
          cands.push_back(cand);
        }
      }
    }
    for (const Candidate& cand : cands) {
      for (int round = 0; round < 2; ++round) {
        Document mutated = doc;
        std::vector<std::string> fields = SplitTabs(mutated.lines[cand.line].text);
        std::string& field = fields[cand.field];
        std::vector<size_t> digits;
        for (size_t k = 0; k < field.size(); ++k)
          if (field[k] >= '0' && field[k] <= '9') digits.push_back(k);
        if (digits.empty()) break;
        size_t at = digits[rng() % digits.size()];
        char was = field[at];
        char now = static_cast<char>('0' + (was - '0' + 1 + rng() % 9) % 10);
        field[at] = now;
        std::string line;
        for (size_t k = 0; k < fields.size(); ++k) line += (k ? "\t" : "") + fields[k];
        mutated.lines[cand.line].text = line;
        Run run = Pipeline(mutated);
        bool hit = false, elsewhere = false;
        for (const Finding& f : run.v.findings) {
          if (f.severity == Severity::kInfo || baseline.count(FindingKey(f))) continue;
          bool mine = false;
          for (const Location& l : f.involved) mine |= Key(l) == cand.key;
          (mine ? hit : elsewhere) = true;
          if (!mine && std::getenv("JXAUDIT_MUTATION_LOG"))
            std::fprintf(stderr, "%s: %s -> elsewhere: %s\n", name.c_str(), field.c_str(),
                         f.message.c_str());
        }
        ++variants;
        flagged += hit;
        collateral += elsewhere;
        clean += hit && !elsewhere;
        if (!hit && std::getenv("JXAUDIT_MUTATION_LOG"))
          std::fprintf(stderr, "%s line %zu: %s -> not flagged\n", name.c_str(),
                       cand.line + 1, field.c_str());
      }
    }
  }
  double rate = variants ? 100.0 * clean / variants : 0;
  std::printf(
      "mutation: %d variants, %d flagged, %d with a new error elsewhere, %.1f%% flagged "
      "cleanly\n",
      variants, flagged, collateral, rate);
  CHECK(variants >= 300);
  CHECK(collateral == 0);
  CHECK(rate >= 95.0);
}
