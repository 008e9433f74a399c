#include "extract/number.h"

#include <catch2/catch.hpp>

using namespace jx;

TEST_CASE("ParseNumber reads printed numbers exactly", "[number]") {
  struct Case {
    const char* in;
    const char* value;
    int scale;
    bool percent;
    const char* comparator;
  } cases[] = {
      {"15,897,000.0", "15897000.0", 1, false, ""},
      {"5,954,847.9", "5954847.9", 1, false, ""},
      {"１２３", "123", 0, false, ""},
      {"　１２３　", "123", 0, false, ""},  // ideographic spaces around full-width digits
      {"12.5%", "12.5", 1, true, ""},
      {"＜50%", "50", 0, true, "<"},
      {"≥90%", "90", 0, true, "≥"},
      {"≧90％", "90", 0, true, "≥"},
      {"=100%", "100", 0, true, "="},
      {"−3", "-3", 0, false, ""},
      {"-0.60", "-0.60", 2, false, ""},
      {"100.00%", "100.00", 2, true, ""},
      {"0", "0", 0, false, ""},
      {"65495.31", "65495.31", 2, false, ""},
      {" 2215.00 ", "2215.00", 2, false, ""},
      {"≤20", "20", 0, false, "≤"},
      {"0.48", "0.48", 2, false, ""},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    ParsedNumber n;
    REQUIRE(ParseNumber(c.in, &n));
    CHECK(n.value.ToString() == c.value);
    CHECK(n.value.scale == c.scale);
    CHECK(n.percent == c.percent);
    CHECK(n.comparator == c.comparator);
  }
}

TEST_CASE("ParseNumber answers words as no number whatever their script", "[number]") {
  for (const char* words : {"合计", "一百万元", "（一）项目名称：", "ＡＢＣ", "", "　", "n/a",
                            "①", "²", "٣"}) {
    INFO(words);
    ParsedNumber n;
    NumberStatus status = NumberStatus::kOk;
    CHECK_FALSE(ParseNumber(words, &n, true, &status));
    CHECK(status == NumberStatus::kNotNumber);
  }
}

TEST_CASE("ParseNumber with units keeps the unit text", "[number]") {
  struct Case {
    const char* in;
    const char* value;
    const char* suffix;
  } cases[] = {
      {"3.4万元", "3.4", "万元"}, {"223.8 万元", "223.8", "万元"}, {"39元", "39", "元"},
      {"1个", "1", "个"},         {"≤20万元", "20", "万元"},
      {"１２万元", "12", "万元"}, {"㏠", "1", "日"},  // NFKC reads the telegraph day as 1日
  };
  for (const Case& c : cases) {
    INFO(c.in);
    ParsedNumber n;
    CHECK_FALSE(ParseNumber(c.in, &n));  // not a bare number
    REQUIRE(ParseNumber(c.in, &n, /*allow_suffix=*/true));
    CHECK(n.value.ToString() == c.value);
    CHECK(n.suffix == c.suffix);
  }
}

TEST_CASE("ParseNumber refuses what is not one number", "[number]") {
  const char* bad[] = {
      "",  "abc", "1,23", "12,3456.0",           "1.2.3", "--3",    "2024年度",
      "%", "≥",   ".5",   "1234567890123456789", "1, 2",  "大于90%"};
  for (const char* b : bad) {
    INFO(b);
    ParsedNumber n;
    CHECK_FALSE(ParseNumber(b, &n));
  }
}

TEST_CASE("Decimal equality ignores printed scale", "[number]") {
  CHECK(Decimal{22380, 2} == Decimal{2238, 1});
  CHECK_FALSE(Decimal{22379, 2} == Decimal{2238, 1});
  CHECK(Decimal{-5, 1}.ToString() == "-0.5");
  CHECK(Decimal{5, 3}.ToString() == "0.005");
  CHECK(Decimal{INT64_MIN + 1, 0}.ToString() == "-9223372036854775807");
}
