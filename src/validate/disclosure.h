// 预算/决算 disclosures: what the rule files share about their tables.
#ifndef JXAUDIT_VALIDATE_DISCLOSURE_H_
#define JXAUDIT_VALIDATE_DISCLOSURE_H_

#include <string>
#include <string_view>

#include "validate/check.h"

namespace jx::validate {

// The genre its title gives a table (patterns/disclosure.txt: "table_balance",
// "table_function" …), or "" when the title names none.
std::string TableGenre(const Patterns& p, const TypedTable& t);

// Rows of a 收支总表 side: 本年收入合计 / 本年支出合计, and 总计 / 收入总计.
bool YearTotalLabel(const Patterns& p, std::string_view label);
bool GrandTotalLabel(const Patterns& p, std::string_view label);

// The balance of each 收支总表 and the 基本支出 rows.
void DisclosureRules(const Context& ctx, Sink* sink);
// The figures one disclosure table repeats from another.
void CrossTableRules(const Context& ctx, Sink* sink);
// The 编制说明's items by code against the 功能分类表.
void DisclosureTextRules(const Context& ctx, Sink* sink);
// An info finding for each table of the genre no rule could read.
void DisclosureCoverage(const Context& ctx, Validation* v);

}  // namespace jx::validate

#endif  // JXAUDIT_VALIDATE_DISCLOSURE_H_
