// Matches handed over one at a time, for a caller that must not hold every
// match's groups at once: a line of 300,000 figures held them all (a map of
// strings each, 290 bytes) beside the figures made of them.
#ifndef JXAUDIT_BASE_PATTERN_EACH_H_
#define JXAUDIT_BASE_PATTERN_EACH_H_

#include <functional>
#include <string_view>

#include "base/patterns.h"

namespace jx {

// Every match PatternFile::FindAll finds, in its order, each handed to `take`
// as it is found (`take` may move from it) instead of being kept.
void FindEach(const PatternFile& file, std::string_view name, std::string_view prepared,
              const std::function<void(PatternFile::Match&)>& take);

}  // namespace jx

#endif  // JXAUDIT_BASE_PATTERN_EACH_H_
