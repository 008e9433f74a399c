// Shared by the rule files of the validate stage.
#ifndef JXAUDIT_VALIDATE_CHECK_H_
#define JXAUDIT_VALIDATE_CHECK_H_

#include <string>
#include <vector>

#include "validate/validate.h"

namespace jx::validate {

// One printed number taking part in a check.
struct Term {
  Decimal value;
  int sign = 1;
  bool blank = false;  // printed empty: not zero, unknown
  std::string label;
  Location at;
  std::vector<Location> also;  // further numbers a derived term rests on
  bool exact = false;          // an awarded score or a count: never rounded
  bool has_half = false;       // rounding radius when not the value's own (a
  Decimal half;                // figure converted to 元 keeps its printed precision)
};

struct SumOutcome {
  bool out_of_range = false;  // the sum has more digits than exact arithmetic keeps
  bool consistent = false;    // within rounding
  bool exact = false;
  int blanks = 0;
  Decimal computed, difference, tolerance;
};

// Σ sign·parts against `stated`, with the tolerance of the printed decimals
// (±½ unit of the last printed digit on every number).
SumOutcome CompareSum(const Term& stated, const std::vector<Term>& parts);

// One figure printed twice (a text total and a table total, 万元 and 元):
// the same when the coarser print's rounding interval holds the other value.
bool SamePrinted(const Decimal& a, const Decimal& half_a, const Decimal& b,
                 const Decimal& half_b);

// "a + b − c" with the printed labels, for messages.
std::string Describe(const std::vector<Term>& parts);
std::string Num(const Decimal& d);  // "6874309.59"

// Collects findings and the numbers checked.
class Sink {
 public:
  explicit Sink(Validation* v) : v_(v) {}
  Finding& Add(const std::string& rule, Severity sev, const Location& where,
               std::string message);
  void Checked(const Location& l) { v_->checked.push_back(l); }
  void Checked(const std::vector<Term>& terms) {
    for (const Term& t : terms) {
      if (t.blank) continue;
      v_->checked.push_back(t.at);
      v_->checked.insert(v_->checked.end(), t.also.begin(), t.also.end());
    }
  }
  // Standard outcome of a sum: error (or warning with blank parts) when it
  // does not close, info when only rounding separates them.
  // `requirement`: `stated` is what the rule demands (100 points, 100%), not a
  // printed number; the finding then reports the printed sum as stated.
  // Returns the finding it added, or null when the sum closes exactly.
  Finding* ReportSum(const std::string& rule, const Term& stated,
                     const std::vector<Term>& parts, const std::string& what,
                     const std::string& unit, bool requirement = false);

 private:
  Validation* v_;
};

struct RateOutcome {
  bool consistent = false;
  Decimal computed;    // in percent, two more decimals than printed
  Decimal difference;  // computed − stated
  Decimal tolerance;   // how far rounding of the inputs and the rate reaches
};

// kind "ratio": a / b × 100; "change": (a − b) / b × 100, against a printed
// rate with its comparator (< ≤ > ≥ =). False when b is zero or negative.
bool CompareRate(const std::string& kind, const Decimal& a, const Decimal& b,
                 const ParsedNumber& rate, RateOutcome* out);

struct Context {
  const Extraction& ex;
  const Patterns& patterns;
};

// The columns of a section holding a 合计/小计 (a "total" on their header
// path), and the columns one of them totals: those of its own header group,
// a 小计 standing for its subgroup, nothing outside the group.
std::vector<size_t> TotalColumns(const TypedSection& s);
std::vector<size_t> ColumnParts(const TypedSection& s, size_t total);

void TableRules(const Context& ctx, Sink* sink);
void FormRules(const Context& ctx, Sink* sink);
void SentenceRules(const Context& ctx, Sink* sink);
void ScoreRules(const Context& ctx, Sink* sink);
void FigureRules(const Context& ctx, Sink* sink);
void ResultRules(const Context& ctx, Sink* sink);
// The funds block of a project form (fund_rules.cc), from ResultRules.
void ExecutionRules(const Context& ctx, const PatternFile& s, Sink* sink);

// Score findings that rest on a hierarchy the reading may have wrong
// (score_doubts.cc), run once every rule has reported: an error becomes a
// warning that names the doubt.
void HonourScoreDoubts(const Extraction& ex, Validation* v);
void DoubtIncoherentScores(const Extraction& ex, Validation* v);
void DoubtShiftedBoundaries(const Extraction& ex, Validation* v);

}  // namespace jx::validate

#endif  // JXAUDIT_VALIDATE_CHECK_H_
