#include "record/document.h"

namespace jx {

Counts Tally(const std::vector<Finding>& findings) {
  Counts c;
  for (const Finding& f : findings)
    (f.severity == Severity::kError     ? c.errors
     : f.severity == Severity::kWarning ? c.warnings
                                        : c.infos)++;
  return c;
}

Counts CountFindings(const std::vector<DocumentReport>& docs) {
  Counts c;
  for (const DocumentReport& d : docs) {
    c += Tally(d.v.findings);
    if (!d.ok) ++c.failed;
  }
  return c;
}

std::string KindName(const std::string& k) {
  if (k == "target_declaration") return "绩效目标申报表";
  if (k == "department_self_evaluation") return "部门整体支出绩效自评";
  if (k == "budget_disclosure") return "预算公开";
  if (k == "final_account_disclosure") return "决算公开";
  if (k == "project_self_evaluation") return "项目支出绩效自评";
  return "其他";
}

}  // namespace jx
