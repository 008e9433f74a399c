#include <catch2/catch.hpp>
#include <filesystem>

#include "ingest/encoding.h"
#include "ingest/own_output.h"
#include "ingest/read.h"
#include "test_util.h"

using namespace jx;
using namespace jx::test;

namespace {
const std::string kText = "部门名称\t大连市\n预算年度\t2024年度\n≥90%　合计\n";

std::string Encode(const std::string& utf8, const char* cs) {
  std::string out;
  REQUIRE(EncodeText(utf8, cs, &out));
  return out;
}
}  // namespace

TEST_CASE("DecodeText detects the encodings reports arrive in", "[ingest]") {
  struct Case {
    std::string bytes;
    const char* encoding;
  } cases[] = {
      {kText, "UTF-8"},
      {"\xEF\xBB\xBF" + kText, "UTF-8 BOM"},
      {Encode(kText, "GB18030"), "GB18030"},
      {Encode(kText, "GBK"), "GB18030"},
      {"\xFF\xFE" + Encode(kText, "UTF-16LE"), "UTF-16LE"},
      {"\xFE\xFF" + Encode(kText, "UTF-16BE"), "UTF-16BE"},
      {Encode(kText, "UTF-16LE"), "UTF-16LE"},  // no BOM: NUL pattern
      {Encode(kText, "UTF-16BE"), "UTF-16BE"},
  };
  for (const Case& c : cases) {
    INFO(c.encoding);
    DecodeResult r = DecodeText(c.bytes);
    REQUIRE(r.ok);
    CHECK(r.encoding == c.encoding);
    CHECK(r.text == kText);
  }
}

TEST_CASE("DecodeText refuses what is not text", "[ingest][errors]") {
  std::string random_bytes;
  uint32_t x = 12345;
  for (int i = 0; i < 4096; ++i) {
    x = x * 1103515245u + 12345u;
    random_bytes.push_back(static_cast<char>((x >> 16) & 0xFF));
  }
  struct Case {
    std::string bytes;
    const char* error_starts;
  } cases[] = {
      {"", "empty file"},
      {std::string("abc\0def", 7), "binary data (NUL byte at offset 3)"},
      {random_bytes, ""},
      {"\xEF\xBB\xBF"
       "ok\xFF",
       "invalid UTF-8 after a UTF-8 byte-order mark"},
      {"\xFF\xFE"
       "a",
       "truncated UTF-16LE"},
      {std::string("\xFF\xFE\x00\xD8\x41\x00", 6), "invalid UTF-16LE"},
      {"\x01\x02\x03\x04\x05\x06\x07\x08 text", "binary data (control characters)"},
  };
  for (const Case& c : cases) {
    INFO(c.error_starts);
    DecodeResult r = DecodeText(c.bytes);
    CHECK_FALSE(r.ok);
    CHECK(r.text.empty());
    CHECK_FALSE(r.error.empty());
    CHECK(r.error.rfind(c.error_starts, 0) == 0);
  }
}

TEST_CASE("DecodeText reads UTF-8 by Unicode's well-formedness at every edge",
          "[ingest]") {
  // Each case is read as UTF-8 or not; where not, the error names the byte
  // where UTF-8 breaks when GB18030 cannot read it either.
  struct Case {
    std::string bytes;
    bool utf8;
  } cases[] = {
      {"plain ASCII over sixteen bytes\n", true},
      {"\xC2\xA0 nbsp, \xDF\xBF top of two bytes", true},
      {"\xE0\xA0\x80 \xEF\xBF\xBD \xED\x9F\xBF", true},
      {"\xF0\x90\x80\x80 \xF4\x8F\xBF\xBF and enough text around the two", true},
      {"\xC0\xAF overlong slash", false},
      {"\xE0\x9F\xBF overlong three", false},
      {"\xF0\x8F\xBF\xBF overlong four", false},
      {"\xF4\x90\x80\x80 past U+10FFFF", false},
      {"\xF5\x80\x80\x80 no such lead", false},
      {"\x80 lone continuation", false},
      {"truncated at the end \xE4\xB8", false},
  };
  for (const Case& c : cases) {
    INFO(c.bytes);
    DecodeResult r = DecodeText(c.bytes);
    CHECK((r.ok && r.encoding == "UTF-8") == c.utf8);
  }
  // Controls are counted in eight-byte words and alone alike: one control
  // in a hundred code points is text, two are not.
  std::string one = std::string(50, 'a') + "\x7F" + std::string(49, 'a');
  std::string two = std::string(50, 'a') + "\x7F\x01" + std::string(48, 'a');
  CHECK(DecodeText(one).ok);
  DecodeResult r = DecodeText(two);
  CHECK_FALSE(r.ok);
  CHECK(r.error == "binary data (control characters)");
  // Private use: one in twenty code points is allowed.
  std::string pua;
  for (int i = 0; i < 19; ++i) pua += "\xE4\xB8\x80";
  CHECK(DecodeText(pua + "\xEE\x80\x80").ok);
  CHECK_FALSE(DecodeText(pua + "\xEE\x80\x80\xEE\x80\x80").ok);
}

TEST_CASE("SplitLines numbers lines across line-ending styles", "[ingest]") {
  Document d;
  SplitLines("a\r\nb\rc\n\nd", &d);
  REQUIRE(d.lines.size() == 5);
  CHECK(d.lines[0].text == "a");
  CHECK(d.lines[1].text == "b");
  CHECK(d.lines[2].text == "c");
  CHECK(d.lines[3].text == "");
  CHECK(d.lines[4].text == "d");
  CHECK(d.lines[4].number == 5);
}

TEST_CASE("SplitLines reads radicals copied from a PDF as their ideographs", "[ingest]") {
  Document d;
  SplitLines("部\u2ED4预算\n项\u2F6C支出", &d);
  REQUIRE(d.lines.size() == 2);
  CHECK(d.lines[0].text == "部门预算");
  CHECK(d.lines[1].text == "项目支出");
}

TEST_CASE("ReadDocument errors name the file and the reason", "[ingest][errors]") {
  std::string dir = TempDir();
  std::string empty = dir + "/empty.txt";
  WriteFile(empty, "");
  std::string binary = dir + "/image.txt";
  WriteFile(binary, std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  struct Case {
    std::string path;
    std::string want;
  } cases[] = {
      {dir + "/missing.txt", dir + "/missing.txt: no such file"},
      {dir, dir + ": is a directory, not a report file"},
      {empty, empty + ": empty file"},
      {binary, binary + ": binary data (NUL byte at offset 8)"},
  };
  for (const Case& c : cases) {
    Document doc;
    Error err;
    CHECK_FALSE(ReadDocument(c.path, ReadOptions{}, &doc, &err));
    CHECK(err.ToString() == c.want);
  }
  ReadOptions small;
  small.max_bytes = 4;
  WriteFile(dir + "/big.txt", "12345");
  Document doc;
  Error err;
  CHECK_FALSE(ReadDocument(dir + "/big.txt", small, &doc, &err));
  CHECK(err.message.rfind("file too large", 0) == 0);
  std::filesystem::remove_all(dir);
}

TEST_CASE("OwnOutputKind knows jxaudit's text outputs by their lines", "[ingest]") {
  struct Case {
    const char* name;
    std::string text;
    const char* kind;
  };
  const std::string long_body(70 << 10, 'x');
  const Case cases[] = {
      {"check summary",
       "a.txt  [kind]\n  a.txt:3: error [r] m\n\n1 errors, 0 warnings, 0 info in 1 "
       "files\n",
       "check text"},
      {"summary then notes",
       "x\n\n0 errors, 0 warnings, 2 info in 3 files (1 could not be read)\n"
       "2 findings left out: already in the baseline\n"
       "1 files in the given folders were not read (listed on stderr)\n",
       "check text"},
      {"summary past the head",
       "a\n" + long_body + "\n0 errors, 0 warnings, 0 info in 1 files\n", "check text"},
      {"tables csv",
       "file,table,title,row,column,line,header,text,value\na,t1,,1,1,1,0,x,x\n",
       "tables CSV"},
      {"tables csv with BOM and CRLF",
       "\xEF\xBB\xBF"
       "file,table,title,row,column,line,header,text,value\r\n",
       "tables CSV"},
      {"extract csv", "sheet,file,status,error\nDocuments,a.txt,ok,\n", "extract CSV"},
      {"markdown", "# a.txt\n\n## t1 目标表 (lines 7-57)\n\n| a |\n| --- |\n",
       "tables markdown"},
      // Reports, however close they come.
      {"report", "部门整体支出绩效自评报告\n合计\t100\n", ""},
      {"summary words in a sentence",
       "共发现 3 errors, 0 warnings, 0 info in 1 files 等\n", ""},
      {"summary without counts", "errors, warnings, info in files\n", ""},
      {"summary far from the end", "0 errors, 0 warnings, 0 info in 1 files\na\nb\nc\n",
       ""},
      {"csv with other columns", "file,table,title\n", ""},
      {"markdown without a table heading", "# 标题\n\n## 一、基本情况\n", ""},
      {"empty", "", ""},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(OwnOutputKind(c.text) == c.kind);
  }
}

TEST_CASE("Every seed reads as UTF-8 with its lines numbered", "[ingest]") {
  for (const std::string& name : SeedSamples()) {
    INFO(name);
    Document doc;
    Error err;
    REQUIRE(ReadDocument(SamplePath(name), ReadOptions{}, &doc, &err));
    CHECK(doc.encoding == "UTF-8");
    REQUIRE(!doc.lines.empty());
    CHECK(doc.lines.front().number == 1);
    CHECK(doc.lines.back().number == static_cast<int>(doc.lines.size()));
  }
}
