// The marks jxaudit leaves on what it writes. A folder audited a second time
// holds the first run's outputs beside the reports; read as reports they
// would repeat the findings they list as if the folder had them (a tables
// export reproduces every table, sums and all).
#ifndef JXAUDIT_BASE_PRODUCER_H_
#define JXAUDIT_BASE_PRODUCER_H_

#include <string_view>

namespace jx {

// Workbooks: a custom document property (docProps/custom.xml): this name,
// and a value that starts with kProducerValue ("jxaudit 0.9.0").
inline constexpr std::string_view kProducerProperty = "Producer";
inline constexpr std::string_view kProducerValue = "jxaudit";

// Text outputs carry no property; they are known by the lines their writers
// print, which these constants define for writer and reader alike.
//
// `tables --format csv`: its first line.
inline constexpr std::string_view kTablesCsvHeader =
    "file,table,title,row,column,line,header,text,value";
// `extract --format csv`: each sheet's header line opens with this column,
// then the sheet's own columns, of which every sheet's first is "file"
// (src/record/sheets.cc).
inline constexpr std::string_view kExtractCsvSheetColumn = "sheet";
inline constexpr std::string_view kExtractCsvHead = "sheet,file,";
// `tables --format markdown`: a document is "# FILE"; a table's heading is
// "## ID TITLE (lines A-B)", this opening its line span.
inline constexpr std::string_view kMarkdownDocument = "# ";
inline constexpr std::string_view kMarkdownTable = "## ";
inline constexpr std::string_view kMarkdownLines = " (lines ";
// `check` text: the summary line "N errors, N warnings, N info in N files",
// these words between and after its four counts.
inline constexpr std::string_view kSummaryWords[] = {" errors, ", " warnings, ",
                                                     " info in ", " files"};

}  // namespace jx

#endif  // JXAUDIT_BASE_PRODUCER_H_
