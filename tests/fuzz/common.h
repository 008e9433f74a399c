// Shared by the fuzz targets: the project's patterns, loaded once.
#ifndef JXAUDIT_TESTS_FUZZ_COMMON_H_
#define JXAUDIT_TESTS_FUZZ_COMMON_H_

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "base/error.h"
#include "base/patterns.h"
#include "ingest/document.h"
#include "layout/layout.h"

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

// A structured reader on any bytes, then the layout of what it read: it must
// answer (a Document or one error that says why), never crash, hang or leak.
template <typename Reader>
int FuzzReader(const uint8_t* data, size_t size, const char* name, Reader read) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Document doc;
  Error err;
  if (!read(name, bytes, &doc, &err)) {
    if (err.message.empty()) std::abort();
    return 0;
  }
  BuildLayout(doc, FuzzPatterns());
  return 0;
}

}  // namespace jx::fuzz

#endif  // JXAUDIT_TESTS_FUZZ_COMMON_H_
