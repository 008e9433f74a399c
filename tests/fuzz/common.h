// Shared by the fuzz targets: the project's patterns, loaded once.
#ifndef JXAUDIT_TESTS_FUZZ_COMMON_H_
#define JXAUDIT_TESTS_FUZZ_COMMON_H_

#include <cstdio>
#include <cstdlib>
#include <string>

#include "base/patterns.h"

namespace jx::fuzz {

inline const Patterns& FuzzPatterns() {
  static const Patterns* p = [] {
    auto* pats = new Patterns;
    std::string err;
    if (!pats->LoadDir(JXAUDIT_PATTERNS_DIR, &err)) {
      std::fprintf(stderr, "fuzz: %s\n", err.c_str());
      std::abort();
    }
    return pats;
  }();
  return *p;
}

}  // namespace jx::fuzz

#endif  // JXAUDIT_TESTS_FUZZ_COMMON_H_
