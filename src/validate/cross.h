// Across documents: a project's 项目支出绩效自评表 against its 绩效目标申报表.
#ifndef JXAUDIT_VALIDATE_CROSS_H_
#define JXAUDIT_VALIDATE_CROSS_H_

#include <string>
#include <vector>

#include "validate/validate.h"

namespace jx {

// What the comparison across documents needs of one document, small enough
// to travel from a worker and to be kept in the store beside its findings.
// Locations carry no file: the file is the one the document is printed as.
struct CrossFacts {
  // False for a record read from a store kept before these facts were: it
  // cannot be compared, and the run says so.
  bool known = false;
  std::string kind;  // "project_self_evaluation", "target_declaration", other
  std::string unit, year;
  struct Indicator {
    std::string name;    // the last level as printed
    std::string key;     // the name normalised
    std::string target;  // as printed
    std::string qkey;    // direction, number and unit of the target; "" when none
    std::string tkey;    // the target's match key
    Location where, target_at;
  };
  struct Form {
    std::string project;  // as printed
    std::string key;      // unit, project and year, normalised
    Location at;          // its first indicator's table, page and line
    std::vector<Indicator> indicators;
  };
  std::vector<Form> forms;
  // The 资金总额 in 元: the self-evaluation's 年初预算数, the declaration's
  // amount; `fund_half` the rounding radius of the printed number.
  bool has_fund = false;
  Decimal fund, fund_half;
  Location fund_at;

  // A 预算/决算 disclosure: whose (a 部门 with its units, or one 单位) and the
  // figures it states by classification code, so that a 单位's document is
  // read against its 部门's.
  struct Amount {
    bool has = false;
    Decimal value;  // as printed
    int pow10 = 0;  // 1 printed unit = 10^pow10 元
    Location at;
  };
  struct Item {  // an item of the 编制说明 ("行政运行（01项）1672.67万元 …")
    std::string code, name;
    Amount amount;   // this year's
    Amount prior;    // "2025年当年预算执行数为X"
    Amount planned;  // "2026年预算安排Y", the amount the rate is of
    bool has_rate = false;
    Decimal rate;  // the change against `prior` in %, signed
  };
  struct Row {  // a 功能分类表 row: its 合计
    std::string code, label;
    Amount total;
  };
  std::string level;  // "department", "unit" or "" (not a disclosure, or unsaid)
  std::vector<Item> items;
  std::vector<Row> rows;
};

CrossFacts CrossFactsOf(const Extraction& ex, const Patterns& patterns);
// The disclosure part of those facts (level, items, rows).
void DisclosureFactsOf(const Extraction& ex, const Patterns& patterns, CrossFacts* out);

// One document of a run as the comparison sees it.
struct CrossDoc {
  std::string file;
  const CrossFacts* facts = nullptr;
};

// A finding across documents and the documents it rests on (indexes into
// the CrossDoc list): the self-evaluation first, then the declarations.
struct CrossFinding {
  Finding finding;
  std::vector<size_t> docs;
};

// Pairs every self-evaluation with the declaration of the same unit, project
// and year (names compared after normalisation) and reports indicators whose
// target changed or that went missing, and a 年初预算数 that is not the
// declared 资金总额. A pairing that is not unique is reported, never
// guessed. Findings carry the self-evaluation's file; ids are "X1" …
std::vector<CrossFinding> CrossCheckFacts(const std::vector<CrossDoc>& docs,
                                          const Patterns& patterns);
// A 单位's disclosure against its 部门's of the same body and year (the 单位
// printed under the 部门's own name is its 本部, a part of it): no figure of
// the part above the whole's, and one change rate on one amount gives one
// base. Findings carry the file of the document at fault; ids are left to
// the caller.
std::vector<CrossFinding> CrossCheckDisclosures(const std::vector<CrossDoc>& docs,
                                                const Patterns& patterns);
// The same over extractions (their facts made here).
std::vector<Finding> CrossCheck(const std::vector<const Extraction*>& docs,
                                const Patterns& patterns);

}  // namespace jx

#endif  // JXAUDIT_VALIDATE_CROSS_H_
