#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <catch2/catch.hpp>
#include <cstdlib>

#include "base/decimal.h"
#include "base/error.h"
#include "base/patterns.h"
#include "base/text.h"

using namespace jx;

TEST_CASE("NormalizeForMatch folds widths and comparison signs", "[base]") {
  struct Case {
    const char* in;
    const char* want;
  } cases[] = {
      {"１２３", "123"},      {"（万元）", "(万元)"}, {"≧90％", "≥90%"},
      {"≦20万元", "≤20万元"}, {"＜50%", "<50%"},      {"＞1", ">1"},
      {"−3", "-3"},           {"≥90%", "≥90%"},       {"plain ascii", "plain ascii"},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(NormalizeForMatch(c.in) == c.want);
  }
}

TEST_CASE("NormalizeForMatch gives ICU's NFKC on the text it reads without ICU",
          "[base]") {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  REQUIRE(U_SUCCESS(status));
  auto icu_nfkc = [&](const std::string& in) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(in), out;
    UErrorCode st = U_ZERO_ERROR;
    nfkc->normalize(u, out, st);
    std::string r;
    out.toUTF8String(r);
    return r;
  };
  auto utf8 = [](UChar32 c) {
    std::string r;
    icu::UnicodeString(c).toUTF8String(r);
    return r;
  };
  // Every code point of the ranges read without ICU, and their neighbours.
  std::vector<UChar32> cps;
  for (UChar32 c = 0x4000; c <= 0x9FFF; ++c) cps.push_back(c);
  for (UChar32 c = 0x2FF0; c <= 0x3020; ++c) cps.push_back(c);
  for (UChar32 c = 0x2010; c <= 0x2020; ++c) cps.push_back(c);
  for (UChar32 c : {0x3FFF, 0xA000, 0xF900, 0xFF0C, 0xFF10, 0x2F00, 0x00A0, 0x0301})
    cps.push_back(c);
  for (UChar32 c : cps) {
    std::string s = "a" + utf8(c) + "1";
    INFO(static_cast<int>(c));
    CHECK(NormalizeForMatch(s) == icu_nfkc(s));
  }
  CHECK(NormalizeForMatch("e\xCC\x81") == "\xC3\xA9");  // a combining accent composes
}

TEST_CASE("MatchKey drops every kind of white space", "[base]") {
  CHECK(MatchKey("合      计") == "合计");
  CHECK(MatchKey("自评\n分数") == "自评分数");
  CHECK(MatchKey("\xE3\x80\x80"
                 "项目\xC2\xA0名称 ") == "项目名称");
  CHECK(MatchKey("年度预算金额 （万元）") == "年度预算金额(万元)");
}

TEST_CASE("TrimSpace, IsBlank and CollapseSpace know U+3000", "[base]") {
  CHECK(TrimSpace("\xE3\x80\x80 abc \xE3\x80\x80") == "abc");
  CHECK(TrimSpace("\xE3\x80\x80") == "");
  CHECK(IsBlank("\xE3\x80\x80 \t"));
  CHECK_FALSE(IsBlank(" x "));
  CHECK(CollapseSpace("  a \n\n b  ") == "a b");
  struct Case {
    const char* in;
    const char* want;
  } cases[] = {
      {"", ""},
      {"   ", ""},
      {"a", "a"},
      {"项目名称", "项目名称"},
      {"中\xE3\x80\x80文 字", "中 文 字"},
      {"\xC2\xA0x\xC2\xA0", "x"},
      {"a\tb\xE3\x80\x80\xE3\x80\x80"
       "c ",
       "a b c"},
      {"\xFF a", "\xFF a"},  // bytes that are no UTF-8 are kept as they are
      {"x\xE4\xB8", "x\xE4\xB8"},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(CollapseSpace(c.in) == c.want);
  }
}

TEST_CASE("IsValidUtf8 rejects malformed sequences", "[base]") {
  CHECK(IsValidUtf8("中文 ok"));
  CHECK_FALSE(IsValidUtf8("\xC0\xAF"));      // overlong
  CHECK_FALSE(IsValidUtf8("\xED\xA0\x80"));  // surrogate
  CHECK_FALSE(IsValidUtf8("\xE4\xB8"));      // truncated
  CHECK_FALSE(IsValidUtf8(std::string("\xFF", 1)));
}

TEST_CASE("SplitTabs keeps empty cells", "[base]") {
  CHECK(SplitTabs("a\t\tb") == std::vector<std::string>{"a", "", "b"});
  CHECK(SplitTabs("\t") == std::vector<std::string>{"", ""});
  CHECK(SplitTabs("x") == std::vector<std::string>{"x"});
}

TEST_CASE("Decimal::ToDouble is the double the printed decimal reads as", "[base]") {
  // The spreadsheet gets the same double strtod would read from the text,
  // in the fast range and beyond it.
  uint64_t x = 88172645463325252ULL;
  for (int i = 0; i < 20000; ++i) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    Decimal d;
    int digits = 1 + static_cast<int>(x % 18);
    int64_t bound = 1;
    for (int k = 0; k < digits; ++k) bound *= 10;
    d.units = static_cast<int64_t>((x >> 8) % static_cast<uint64_t>(bound));
    if (x & 1) d.units = -d.units;
    d.scale = static_cast<int>((x >> 40) % 24);
    INFO(d.ToString());
    CHECK(d.ToDouble() == std::strtod(d.ToString().c_str(), nullptr));
  }
  CHECK(Decimal{5, 1}.ToDouble() == 0.5);
  CHECK(Decimal{-1, 0}.ToDouble() == -1.0);
  CHECK(Decimal{999999999999999999, 2}.ToDouble() ==
        std::strtod("9999999999999999.99", nullptr));
}

TEST_CASE("Error says where", "[base]") {
  Error e = MakeError("a.txt", "empty file");
  CHECK(e.ToString() == "a.txt: empty file");
  e.where.line = 12;
  CHECK(e.ToString() == "a.txt:12: empty file");
  e.where.page = 3;
  e.where.table = "t2";
  e.where.row = 0;
  e.where.column = 4;
  CHECK(e.ToString() == "a.txt:page 3:12:t2 row 1 col 5: empty file");
}

TEST_CASE("Pattern files: names, order and preparation", "[base][patterns]") {
  PatternFile f;
  std::string err;
  REQUIRE(f.Parse("patterns/x.txt",
                  "# comment\n"
                  "@match key\n"
                  "total   ^合计$\n"
                  "item    ^项目\n"
                  "item    名称$\n"
                  "any     .\n",
                  &err));
  CHECK(f.FirstName("合      计") == "total");
  CHECK(f.FirstName("项目名称") == "item");  // earlier line wins over "any"
  CHECK(f.FirstName("单位名称") == "item");
  CHECK(f.FirstName("其他") == "any");
  CHECK(f.FirstName("") == "");
  CHECK(f.Named("item").size() == 2);
  CHECK(f.Matches("any", "合计"));
  CHECK_FALSE(f.Matches("total", "小计"));
}

TEST_CASE("Pattern file errors name the file and line", "[base][patterns]") {
  struct Case {
    const char* content;
    const char* want;
  } cases[] = {
      {"a ^ok$\nbad (unclosed\n", "patterns/x.txt:2: missing ): (unclosed"},
      {"\n\nlonely\n", "patterns/x.txt:3: expected 'name pattern', found only 'lonely'"},
      {"@match words\n", "patterns/x.txt:1: unknown directive '@match words'"},
      {"a [z-a]\n", "patterns/x.txt:1: invalid character class range: z-a"},
  };
  for (const Case& c : cases) {
    PatternFile f;
    std::string err;
    INFO(c.content);
    CHECK_FALSE(f.Parse("patterns/x.txt", c.content, &err));
    CHECK(err == c.want);
  }
}

TEST_CASE("A pattern alone is compiled once when first asked and agrees with the set",
          "[base][patterns]") {
  PatternFile f;
  std::string err;
  REQUIRE(f.Parse("patterns/x.txt", "total ^合计$\nhan (?P<v>\\p{Han}{4,40})局\n", &err));
  const PatternFile::Entry& han = f.entries()[1];
  const RE2* first = &han.re();
  CHECK(first == &han.re());
  CHECK(f.FirstNamePrepared("财政局") == "");
  CHECK(f.FirstNamePrepared("某某市财政局") == "han");
  PatternFile::Match m;
  REQUIRE(f.FindFirst("han", "某某市财政局", &m));
  CHECK(m.group("v") == "某某市财政");
  // Moved with its file, the compiled pattern goes along.
  PatternFile moved = std::move(f);
  CHECK(&moved.entries()[1].re() == first);
  CHECK(moved.Matches("total", "合计"));
}

TEST_CASE("Every project pattern compiles alone", "[base][patterns]") {
  Patterns p;
  std::string err;
  REQUIRE(p.LoadDir(JXAUDIT_PATTERNS_DIR, &err));
  for (const std::string& name : Patterns::RequiredFiles())
    for (const PatternFile::Entry& e : p.file(name)->entries()) {
      INFO(name << ":" << e.line);
      CHECK(e.re().ok());
    }
}

TEST_CASE("Patterns::LoadDir reports a missing file", "[base][patterns]") {
  Patterns p;
  std::string err;
  CHECK_FALSE(p.LoadDir("/nonexistent-dir", &err));
  CHECK(err.rfind("patterns/header.txt: cannot read", 0) == 0);
}

TEST_CASE("The project's pattern files compile", "[base][patterns]") {
  Patterns p;
  std::string err;
  REQUIRE(p.LoadDir(JXAUDIT_PATTERNS_DIR, &err));
  for (const std::string& name : Patterns::RequiredFiles()) {
    INFO(name);
    REQUIRE(p.file(name) != nullptr);
    CHECK_FALSE(p.file(name)->entries().empty());
  }
  const PatternFile& h = *p.file("header");
  CHECK(h.FirstName("一级指标") == "level1");
  CHECK(h.FirstName("参考分值") == "weight");
  CHECK(h.FirstName("自评\n分数") == "score");
  CHECK(h.FirstName("年初预算数") == "budget_initial");
  CHECK(h.FirstName("预算指标值执行结果(包含数字及文字描述)") == "actual");
  CHECK(h.FirstName("预算指标值与预算指标值执行结果偏差情况及原因分析") == "basis");
  CHECK(h.FirstName("大连市西岗区城市更新事务中心") == "");
}

TEST_CASE("Answers are remembered per pattern file, never across files",
          "[base][patterns]") {
  for (int round = 0; round < 3; ++round) {
    PatternFile a, b;
    std::string err;
    REQUIRE(a.Parse("patterns/a.txt", "x ^合计$\n", &err));
    REQUIRE(b.Parse("patterns/b.txt", "y ^小计$\n", &err));
    CHECK(a.FirstName("合计") == "x");
    CHECK(b.FirstName("合计") == "");
    CHECK(a.Matches("x", "合计"));
    CHECK_FALSE(b.Matches("x", "合计"));
    CHECK(b.Matches("y", "小计"));
  }
}

TEST_CASE("SortKey orders Chinese names as a dictionary does", "[base]") {
  // In code point order 上 (U+4E0A) < 北 < 安 < 浙; by pinyin ān < běi < shàng < zhè.
  std::vector<std::string> names = {"浙江省财政厅", "上海市普陀区司法局", "北京市教委",
                                    "安徽省农业农村厅"};
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    return SortKey(a) < SortKey(b);
  });
  CHECK(names == std::vector<std::string>{"安徽省农业农村厅", "北京市教委",
                                          "上海市普陀区司法局", "浙江省财政厅"});
  // A longer name after its prefix; equal text, equal key.
  CHECK(SortKey("甲县") < SortKey("甲县财政局"));
  CHECK(SortKey("乙县") == SortKey("乙县"));
  CHECK(SortKey("") < SortKey("甲"));
}

TEST_CASE("SharedPath copies share one string and compare by text", "[base]") {
  SharedPath a("dir/report.txt"), b = a, c("dir/report.txt"), none;
  CHECK(a.str().data() == b.str().data());
  CHECK(a == b);
  CHECK(a == c);
  CHECK(a == "dir/report.txt");
  CHECK(a.str() == std::string("dir/report.txt"));
  CHECK(none.empty());
  CHECK(none == "");
  none = std::string("x.txt");
  CHECK(none == "x.txt");
  none.clear();
  CHECK(none.str().empty());
}

TEST_CASE("Pattern files: entries of one name asked by name in file order",
          "[base][patterns]") {
  PatternFile f;
  std::string err;
  // One name's lines apart, another's between them: asked by name, every
  // line of that name and only those, the earlier winning.
  REQUIRE(f.Parse("patterns/x.txt",
                  "unit    (?P<u>万元)\n"
                  "total   ^合计\n"
                  "unit    (?P<u>元)\n"
                  "total   总计$\n",
                  &err));
  REQUIRE(f.Named("unit").size() == 2);
  CHECK(f.Named("unit")[0]->line == 1);
  CHECK(f.Named("unit")[1]->line == 3);
  CHECK(f.Named("none").empty());
  CHECK(f.Has("total"));
  CHECK_FALSE(f.Has("tota"));
  CHECK(f.Matches("total", "本年总计"));
  CHECK_FALSE(f.Matches("unit", "本年总计"));
  PatternFile::Match m;
  REQUIRE(f.FindFirst("unit", f.Prepare("单位：元"), &m));
  CHECK(m.entry->line == 3);
  REQUIRE(f.FindFirst("unit", f.Prepare("单位：万元"), &m));
  CHECK(m.entry->line == 1);
  CHECK_FALSE(f.FindFirst("total", f.Prepare("单位：元"), &m));
  CHECK(f.FindAll("unit", f.Prepare("元 万元")).size() == 2);
}

TEST_CASE("FoldRadicals gives the ideograph a radical code point stands for", "[base]") {
  struct Case {
    const char* in;
    const char* out;
    bool changed;
  } cases[] = {
      // Kangxi radicals (U+2F00 block): 项⽬ 资⾦ ⼀、 ⾏政
      {"项\u2F6C资\u2FA6\u2F00、\u2F8F政", "项目资金一、行政", true},
      // The supplement's simplified forms: 部⻔ ⻓期 ⻰岗 详⻅ ⻛险
      {"部\u2ED4\u2ED3期\u2EF0岗详\u2EC5\u2EDB险", "部门长期龙岗详见风险", true},
      // A radical with no ideograph of its own, and the ideographic
      // description characters beside the blocks, stay as they are.
      {"\u2E80\u2FF0", "\u2E80\u2FF0", false},
      {"部门预算 100.00 万元", "部门预算 100.00 万元", false},
      {"", "", false},
  };
  for (const Case& c : cases) {
    std::string s = c.in;
    CHECK(FoldRadicals(&s) == c.changed);
    CHECK(s == c.out);
  }
  // Every Kangxi radical becomes a CJK ideograph (one code point, three bytes).
  for (char32_t cp = 0x2F00; cp <= 0x2FD5; ++cp) {
    std::string s = {static_cast<char>(0xE0 | (cp >> 12)),
                     static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                     static_cast<char>(0x80 | (cp & 0x3F))};
    REQUIRE(FoldRadicals(&s));
    CHECK(s.size() >= 3);
    CHECK(static_cast<unsigned char>(s[0]) != 0xE2);
  }
}
