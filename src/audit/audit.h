// One file through the pipeline, as the commands run it: never throws, a
// failure is a value.
#ifndef JXAUDIT_AUDIT_AUDIT_H_
#define JXAUDIT_AUDIT_AUDIT_H_

#include <string>

#include "base/error.h"
#include "record/document.h"
#include "record/record.h"

namespace jx {

DocumentRecord MakeRecord(const DocumentReport& d,
                          const RecordParts& parts = RecordParts{});
// A file that gave no report: read error, time limit or crash.
DocumentRecord FailedRecord(const std::string& file, const std::string& status,
                            const Error& error);

}  // namespace jx

#endif  // JXAUDIT_AUDIT_AUDIT_H_
