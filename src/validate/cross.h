// Across documents: a project's 项目支出绩效自评表 against its 绩效目标申报表.
#ifndef JXAUDIT_VALIDATE_CROSS_H_
#define JXAUDIT_VALIDATE_CROSS_H_

#include <vector>

#include "validate/validate.h"

namespace jx {

// Pairs every self-evaluation with the declaration of the same unit, project
// and year among `docs` (names compared after normalisation) and reports
// indicators whose target changed or that went missing, and a 年初预算数 that
// is not the declared 资金总额. A pairing that is not unique is reported,
// never guessed. Findings carry the self-evaluation's file; ids are "X1" …
std::vector<Finding> CrossCheck(const std::vector<const Extraction*>& docs,
                                const Patterns& patterns);

}  // namespace jx

#endif  // JXAUDIT_VALIDATE_CROSS_H_
