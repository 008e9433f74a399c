// The workbook of `jxaudit report`, from what a store holds.
#ifndef JXAUDIT_EXPORT_SUMMARY_H_
#define JXAUDIT_EXPORT_SUMMARY_H_

#include <string>
#include <vector>

#include "base/error.h"
#include "record/sheets.h"

namespace jx {

// Summary (totals, findings by rule and severity, a chart), the normalized
// sheets, and Failures.
bool WriteSummaryXlsx(const StoreSummary& summary, const std::vector<Sheet>& sheets,
                      const Sheet& failures, const std::string& path, Error* err);

}  // namespace jx

#endif  // JXAUDIT_EXPORT_SUMMARY_H_
