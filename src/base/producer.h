// The mark jxaudit leaves on the workbooks it writes. A folder audited a
// second time holds the first run's workbooks beside the reports; read as
// reports they would repeat the findings they list as if the folder had them.
#ifndef JXAUDIT_BASE_PRODUCER_H_
#define JXAUDIT_BASE_PRODUCER_H_

#include <string_view>

namespace jx {

// A custom document property (docProps/custom.xml): this name, and a value
// that starts with kProducerValue ("jxaudit 0.9.0").
inline constexpr std::string_view kProducerProperty = "Producer";
inline constexpr std::string_view kProducerValue = "jxaudit";

}  // namespace jx

#endif  // JXAUDIT_BASE_PRODUCER_H_
