// The fuzz targets on their seeds and on every input a fuzzer once broke
// (tests/fuzz/regressions/<target>/), so what was fixed stays fixed.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "test_util.h"
#include "extract/number.h"
#include "tests/fuzz/targets.h"

namespace jx {
namespace {

using namespace test;
namespace fs = std::filesystem;

using Target = int (*)(const uint8_t*, size_t);

void RunAll(Target target, const std::vector<std::string>& dirs, size_t min_inputs) {
  size_t ran = 0;
  for (const std::string& dir : dirs) {
    if (!fs::is_directory(dir)) continue;
    std::vector<std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(dir))
      if (e.is_regular_file()) files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    for (const std::string& f : files) {
      INFO(f);
      std::string bytes = ReadFile(f);
      CHECK(target(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()) == 0);
      ++ran;
    }
  }
  CHECK(ran >= min_inputs);
}

const std::string kRegressions = JXAUDIT_TESTS_DIR "/fuzz/regressions/";

TEST_CASE("fuzz inputs replayed without a crash: text ingestion") {
  RunAll(fuzz::FuzzText,
         {JXAUDIT_SAMPLES, JXAUDIT_TESTS_DIR "/malformed", kRegressions + "text"}, 10);
}

TEST_CASE("fuzz inputs replayed without a crash or a broken round trip: numbers") {
  RunAll(fuzz::FuzzNumber,
         {JXAUDIT_TESTS_DIR "/fuzz/seeds/number", kRegressions + "number"}, 5);
}

TEST_CASE("fuzz inputs replayed without a crash: table reconstruction") {
  RunAll(fuzz::FuzzLayout,
         {JXAUDIT_TESTS_DIR "/fuzz/seeds/layout", kRegressions + "layout"}, 1);
}

TEST_CASE("fuzz inputs replayed without a crash: PDF ingestion") {
  RunAll(fuzz::FuzzPdf, {JXAUDIT_SAMPLES "/pdf", kRegressions + "pdf"}, 10);
}

TEST_CASE("fuzz inputs replayed without a crash: office readers") {
  const std::string office = JXAUDIT_TESTS_DIR "/office/converted";
  RunAll(fuzz::FuzzDocx, {office, kRegressions + "docx"}, 8);
  RunAll(fuzz::FuzzXlsx, {office, kRegressions + "xlsx"}, 8);
  RunAll(fuzz::FuzzHtml, {office, kRegressions + "html"}, 8);
}

// What each kept input must give, beyond not crashing.
TEST_CASE("fuzz regression wan_repeated: a count of repeated 万 is refused, not overflowed") {
  std::string bytes = ReadFile(kRegressions + "number/wan_repeated");
  int64_t n = 12345;
  CHECK_FALSE(ParseChineseCount(bytes, &n));
  CHECK(ParseChineseCount("三万", &n));
  CHECK(n == 30000);
}

}  // namespace
}  // namespace jx
