// The workbook of `jxaudit report`, from what a store holds.
#ifndef JXAUDIT_EXPORT_SUMMARY_H_
#define JXAUDIT_EXPORT_SUMMARY_H_

#include <string>
#include <vector>

#include "base/error.h"
#include "export/workbook.h"
#include "record/sheets.h"

namespace jx {

// Summary (totals, findings by unit and by rule, a chart), the 问题清单 over
// the whole store, the normalized sheets, and Failures.
bool WriteSummaryXlsx(const StoreSummary& summary, const std::vector<Sheet>& sheets,
                      const Sheet& failures, const std::string& path,
                      const BookOptions& opt, Error* err);

}  // namespace jx

#endif  // JXAUDIT_EXPORT_SUMMARY_H_
