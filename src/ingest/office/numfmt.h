// Excel number formats: the text a cell shows, which is what the rules read
// (the printed decimals set the tolerance).
#ifndef JXAUDIT_INGEST_OFFICE_NUMFMT_H_
#define JXAUDIT_INGEST_OFFICE_NUMFMT_H_

#include <string>
#include <string_view>

namespace jx::office {

// The format code of a built-in number format id ("" when unknown).
std::string BuiltinNumberFormat(int id);

// `value` as stored in the sheet (a decimal string), shown under `code`
// as Excel shows it: 6874309.59 under 0.00 → "6874309.59", 0.2 under 0% →
// "20%", 1234567 under #,##0 → "1,234,567". Dates from serial day numbers.
std::string FormatNumber(std::string_view value, const std::string& code, bool date1904);

}  // namespace jx::office

#endif  // JXAUDIT_INGEST_OFFICE_NUMFMT_H_
