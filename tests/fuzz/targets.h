// Fuzz targets: each takes arbitrary bytes and must neither crash, hang nor
// leak. Built as libFuzzer binaries by tools/fuzz.sh; tests/fuzz_test.cc runs
// the kept inputs (tests/fuzz/regressions/<target>/) through the same code.
#ifndef JXAUDIT_TESTS_FUZZ_TARGETS_H_
#define JXAUDIT_TESTS_FUZZ_TARGETS_H_

#include <cstddef>
#include <cstdint>

namespace jx::fuzz {

int FuzzText(const uint8_t* data, size_t size);    // text ingestion through validation
int FuzzNumber(const uint8_t* data, size_t size);  // number parsing and arithmetic
int FuzzLayout(const uint8_t* data,
               size_t size);                    // table reconstruction from PDF geometry
int FuzzPdf(const uint8_t* data, size_t size);  // PDF ingestion and layout
int FuzzPatterns(const uint8_t* data,
                 size_t size);  // pattern files: load, group checks, matching
int FuzzDocx(const uint8_t* data, size_t size);  // the .docx reader and its layout
int FuzzXlsx(const uint8_t* data, size_t size);  // the .xlsx reader and its layout
int FuzzHtml(const uint8_t* data, size_t size);  // the web page reader and its layout

}  // namespace jx::fuzz

// One libFuzzer entry per binary: the target's file defines it when built with
// JXAUDIT_LIBFUZZER.
#define JX_FUZZ_ENTRY(fn)                                                   \
  extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) { \
    return jx::fuzz::fn(data, size);                                        \
  }

#endif  // JXAUDIT_TESTS_FUZZ_TARGETS_H_
