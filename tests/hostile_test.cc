// Hostile input: every case says what it must give (an error text, a
// refusal, a value). The inputs are tests/hostile/corpus.h (bytes and their
// outcomes) and the generators in tests/hostile/generators.h, for what would
// be large as a file; a FIFO and oversized pattern files are made here.
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "base/decimal.h"
#include "base/patterns.h"
#include "extract/extract.h"
#include "extract/number.h"
#include "ingest/pdf.h"
#include "ingest/read.h"
#include "layout/layout.h"
#include "test_util.h"
#include "tests/fuzz/targets.h"
#include "tests/hostile/corpus.h"
#include "tests/hostile/generators.h"

namespace jx {
namespace {

using namespace test;
namespace fs = std::filesystem;

long PeakRssKb() {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// ---- 1. Work per PDF page ----

TEST_CASE("hostile PDF: forms drawing each other 8^10 times are refused in seconds",
          "[hostile]") {
  std::string pdf = hostile::NestedFormsPdf(/*depth=*/11, /*fanout=*/8);
  CHECK(pdf.size() < 3000);
  long rss_before = PeakRssKb();
  auto start = std::chrono::steady_clock::now();
  Document doc;
  Error err;
  CHECK_FALSE(DocumentFromBytes("nest.pdf", pdf, &doc, &err));
  CHECK(Seconds(start) < 10);
  CHECK(PeakRssKb() - rss_before < 200 * 1024);
  CHECK(
      err.ToString() ==
      "nest.pdf:page 1: over the per-page work limit: more than 50000 forms, images and "
      "pattern tiles drawn");
}

TEST_CASE("hostile PDF: each per-page limit is named when it is the one broken",
          "[hostile]") {
  std::string strokes;
  for (int i = 0; i < 100; ++i) strokes += "0 0 m 10 0 l S\n";
  struct Case {
    std::string pdf;
    PdfLimits limits;
    std::string want;  // "" when the page must be read
  } cases[] = {
      {hostile::OnePagePdf(strokes, ""), PdfLimits{50, 50000, 1 << 20},
       "t.pdf:page 1: over the per-page work limit: more than 50 drawing operations"},
      {hostile::OnePagePdf(strokes, ""), PdfLimits{500, 50000, 1 << 20}, ""},
      {hostile::OnePagePdf(strokes, ""), PdfLimits{500, 50000, 1000},
       "t.pdf:page 1: over the per-page work limit: more than 1000 bytes of content "
       "streams decoded"},
      {hostile::TilesPdf("0.01"), PdfLimits{},
       "t.pdf:page 1: over the per-page work limit: more than 50000 forms, images and "
       "pattern tiles drawn"},
      {hostile::NestedFormsPdf(3, 8), PdfLimits{}, ""},  // 64 forms: an ordinary page
      {hostile::TilesPdf("10"), PdfLimits{}, ""},        // 400 tiles
      // A Flate content stream whose bound passes a quarter of the budget is
      // decoded to be counted: 5 KB in, 1 MB out, over a budget of 64 KB.
      {hostile::FlatePagePdf(hostile::ZerosFlate(4000)), PdfLimits{1000000, 50000, 65536},
       "t.pdf:page 1: over the per-page work limit: more than 65536 bytes of content "
       "streams decoded"},
      // A small one is read.
      {hostile::FlatePagePdf(hostile::ZerosFlate(4)), PdfLimits{1000000, 50000, 65536},
       ""},
      {hostile::TilesPdf("10"), PdfLimits{1000000, 50000, 4000},
       "t.pdf:page 1: over the per-page work limit: more than 4000 bytes of content "
       "streams decoded"},
  };
  for (const Case& c : cases) {
    INFO(c.want);
    auto start = std::chrono::steady_clock::now();
    Document doc;
    Error err;
    ReadOptions opts;
    opts.pdf = c.limits;
    bool ok = DocumentFromBytes("t.pdf", c.pdf, &doc, &err, opts);
    CHECK(Seconds(start) < 10);
    if (c.want.empty()) {
      CHECK(ok);
      CHECK(doc.encoding == "PDF");
      CHECK(doc.page_count == 1);
    } else {
      CHECK_FALSE(ok);
      CHECK(err.ToString() == c.want);
    }
  }
}

TEST_CASE("hostile PDF: --max-pages above 20000 is the limit applied", "[hostile]") {
  std::string pdf = hostile::ManyPagesPdf(20001);
  Document doc;
  Error err;
  ReadOptions opts;
  opts.max_pages = 30000;
  opts.on_page = [](PdfPage&&) {};
  REQUIRE(DocumentFromBytes("many.pdf", pdf, &doc, &err, opts));
  CHECK(doc.page_count == 20001);
  opts.max_pages = 20000;
  CHECK_FALSE(DocumentFromBytes("many.pdf", pdf, &doc, &err, opts));
  CHECK(err.ToString() == "many.pdf: PDF has 20001 pages, limit 20000");
}

// ---- 2. Sniffing ----

TEST_CASE("hostile corpus: each text input gives its outcome", "[hostile]") {
  for (const hostile::TextCase& c : hostile::TextCases()) {
    INFO(c.name);
    Document doc;
    Error err;
    bool ok = DocumentFromBytes(c.name, c.bytes, &doc, &err);
    if (c.error.empty()) {
      REQUIRE(ok);
      CHECK(doc.encoding == c.encoding);
      CHECK(doc.lines.size() == c.lines);
    } else {
      CHECK_FALSE(ok);
      CHECK(err.ToString() == c.name + ": " + c.error);
    }
  }
}

TEST_CASE("hostile sniffing: a text report quoting %PDF-1.7 is read as text",
          "[hostile]") {
  const hostile::TextCase c = hostile::TextCases().front();
  REQUIRE(c.name == "text_mentions_pdf.txt");
  std::string dir = TempDir();
  WriteFile(dir + "/" + c.name, c.bytes);
  Document doc;
  Error err;
  REQUIRE(ReadDocument(dir + "/" + c.name, ReadOptions{}, &doc, &err));
  CHECK(doc.encoding == "UTF-8");
  REQUIRE(doc.lines.size() == 7);
  CHECK(doc.lines[0].text.find("%PDF-1.7") != std::string::npos);
  Layout l = BuildLayout(doc, ProjectPatterns());
  CHECK_FALSE(l.tables.empty());
  fs::remove_all(dir);
}

TEST_CASE("hostile sniffing: a file that is both a text report and a PDF is refused",
          "[hostile]") {
  std::string text = "部门名称\t大连市\n预算年度\t2024年度\n合计\t150.00\n";
  std::string pdf = hostile::OnePagePdf("0 0 m 10 0 l S", "");
  std::string polyglot = text + pdf;
  REQUIRE(PdfOpens(polyglot));  // Poppler reads it as a PDF
  Document doc;
  Error err;
  CHECK_FALSE(DocumentFromBytes("both.txt", polyglot, &doc, &err));
  CHECK(err.ToString() ==
        "both.txt: both a text file and a PDF (text, then \"%PDF-\" at byte " +
            std::to_string(text.size()) +
            "): the two readings differ; refusing to choose one");
  // White space before the signature is no text: still the PDF.
  REQUIRE(DocumentFromBytes("lead.pdf", "\n\n  " + pdf, &doc, &err));
  CHECK(doc.encoding == "PDF");
  // A damaged binary PDF stays a damaged PDF.
  CHECK_FALSE(
      DocumentFromBytes("bad.pdf", "%PDF-1.4\n\x80\x81\x82\xff garbage", &doc, &err));
  CHECK(err.message.rfind("damaged PDF", 0) == 0);
}

// ---- 3. Numbers ----

TEST_CASE("hostile numbers: only ASCII and full-width digits are digits", "[hostile]") {
  struct Case {
    const char* in;
    bool allow_suffix;
    NumberStatus want;
    const char* value;   // when kOk
    const char* suffix;  // when kOk
  } cases[] = {
      {"१२३", false, NumberStatus::kNotNumber, "", ""},  // Devanagari
      {"0१", true, NumberStatus::kNotNumber, "", ""},    // not 0 and a unit
      {"12३万元", true, NumberStatus::kNotNumber, "", ""},
      {"٣٣٠", false, NumberStatus::kNotNumber, "", ""},  // Arabic-Indic
      {"\xF0\x9D\x9F\x8F\xF0\x9D\x9F\x90", false, NumberStatus::kNotNumber, "",
       ""},  // 𝟏𝟐
      {"330.50²", false, NumberStatus::kNotNumber, "", ""},
      {"330.50²", true, NumberStatus::kNotNumber, "", ""},
      {"²330", true, NumberStatus::kNotNumber, "", ""},
      {"1²0", true, NumberStatus::kNotNumber, "", ""},
      {"①", false, NumberStatus::kNotNumber, "", ""},
      {"500m²", true, NumberStatus::kOk, "500", "m2"},  // a unit, not a digit
      {"１２３", false, NumberStatus::kOk, "123", ""},
      {"330.50", false, NumberStatus::kOk, "330.50", ""},
      {"999999999999999999", false, NumberStatus::kOk, "999999999999999999", ""},
      {"0.000000000000000001", false, NumberStatus::kOk, "0.000000000000000001", ""},
      {"1234567890123456789", false, NumberStatus::kTooLarge, "", ""},
      {"-1,234,567,890,123,456,789.5万元", true, NumberStatus::kTooLarge, "", ""},
      {"12345678901234567890%", false, NumberStatus::kTooLarge, "", ""},
      {"1234567890123456789 abc", false, NumberStatus::kNotNumber, "", ""},
      {"abc", false, NumberStatus::kNotNumber, "", ""},
  };
  for (const Case& c : cases) {
    INFO(c.in << (c.allow_suffix ? " (suffix allowed)" : ""));
    ParsedNumber n;
    NumberStatus st = NumberStatus::kOk;
    bool ok = ParseNumber(c.in, &n, c.allow_suffix, &st);
    CHECK(st == c.want);
    CHECK(ok == (c.want == NumberStatus::kOk));
    CHECK(ParseNumber(c.in, &n, c.allow_suffix) == ok);  // the old signature agrees
    if (ok) {
      CHECK(n.value.ToString() == c.value);
      CHECK(n.suffix == c.suffix);
    }
  }
}

TEST_CASE("hostile numbers: a sentence figure in other digits is no figure of 0",
          "[hostile]") {
  auto figures = [](const std::string& text) {
    Document doc = DocFromText(text);
    Layout l = BuildLayout(doc, ProjectPatterns());
    return Extract(doc, l, ProjectPatterns()).figures;
  };
  std::vector<Figure> ascii = figures("本年度预算总额为123万元。\n");
  REQUIRE(ascii.size() == 1);
  CHECK(ascii[0].number.value.ToString() == "123");
  CHECK(figures("本年度预算总额为१२३万元。\n").empty());
  CHECK(figures("本年度预算总额为٣٣٠万元。\n").empty());
}

TEST_CASE("hostile numbers: a part in other digits is no part of 0 in a breakdown",
          "[hostile]") {
  // 基本支出 in Devanagari digits was read as 0万元, and the sum rule then
  // blamed a unit slip on a part that has no value at all.
  std::string dir = TempDir();
  WriteFile(dir + "/g.txt",
            "本年度预算总额为１２３万元，其中基本支出१२万元，项目支出１１１万元。\n");
  RunResult r = RunJxaudit({"check", "--no-db", dir + "/g.txt"});
  CHECK(r.status == 0);
  // Nothing could be compared: said as an info, no error and no warning.
  CHECK(r.out.find("0 errors, 0 warnings") != std::string::npos);
  CHECK(r.out.find("document.nothing_checked") != std::string::npos);
  CHECK(r.out.find("0万元") == std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("hostile sums: ten 18-digit parts never wrap", "[hostile]") {
  using i128 = __int128;
  const Decimal parts[] = {{999'999'999'999'999'999, 0},
                           {999'999'999'999'999'999, 2},
                           {-999'999'999'999'999'999, 0},
                           {999'999'999'999'999'999, 17},
                           {123'456'789'012'345'678, 9}};
  for (const Decimal& first : parts) {
    for (const Decimal& part : parts) {
      // Exact reference at scale 17, the finest used here.
      auto exact = [](const Decimal& d) {
        i128 v = d.units;
        for (int i = d.scale; i < 17; ++i) v *= 10;
        return v;
      };
      Decimal sum = first;
      i128 want = exact(first);
      for (int i = 1; i < 10; ++i) {
        want += exact(part);
        Decimal next;
        if (AddDecimal(sum, part, &next)) {
          CHECK(exact(next) == want);
          sum = next;
        } else {
          // Refused only when the exact sum needs more than 18 digits.
          i128 w = want < 0 ? -want : want;
          int scale = std::max(sum.scale, part.scale);
          for (int s = scale; s < 17; ++s) w /= 10;  // back at the sum's scale
          CHECK(w > static_cast<i128>(kDecimalMaxUnits));
          break;
        }
      }
    }
  }
  Decimal out;
  CHECK_FALSE(SubDecimal(Decimal{0, 0}, Decimal{INT64_MIN, 0}, &out));
  CHECK(SubDecimal(Decimal{1, 0}, Decimal{-999'999'999'999'999'998, 0}, &out));
  CHECK(out.ToString() == "999999999999999999");
  CHECK_FALSE(ShiftDecimal(Decimal{10, 1}, 18, &out));  // 1.0 × 10^18: beyond 18 digits
  CHECK_FALSE(ShiftDecimal(Decimal{1, 0}, 400, &out));
  CHECK(ShiftDecimal(Decimal{39, 2}, 2, &out));
  CHECK(out.ToString() == "39");
  CHECK(ShiftDecimal(Decimal{150, 2}, 0, &out));
  CHECK(out.ToString() == "1.50");
  CHECK(CompareDecimal(Decimal{1, 0}, Decimal{1, 40}) == 1);
  CHECK(CompareDecimal(Decimal{-1, 0}, Decimal{-1, 40}) == -1);
  CHECK(CompareDecimal(Decimal{1, 40}, Decimal{2, 0}) == -1);
  CHECK_FALSE(DivideDecimal(Decimal{1, 0}, Decimal{3, 0}, 400, &out));
  // The way back from a 128-bit sum: ten 18-digit parts are out of range.
  CHECK_FALSE(DecimalFromWide(static_cast<i128>(999'999'999'999'999'999) * 10, 0, &out));
  CHECK(DecimalFromWide(static_cast<i128>(999'999'999'999'999'999) * 10, 1, &out));
  CHECK(out.ToString() == "999999999999999999");
  CHECK(DecimalFromWide(12300, 2, &out));
  CHECK(out.ToString() == "123.00");
  CHECK(DivideDecimal(Decimal{1, 0}, Decimal{3, 0}, 4, &out));
  CHECK(out.ToString() == "0.3333");
}

// ---- 4. Pattern files ----

struct Shell {
  int status = -1;
  std::string out, err;
};

// Runs a shell command with its output in files; `timeout` bounds a hang.
Shell Run(const std::string& cmd) {
  std::string dir = TempDir();
  Shell r;
  int rc =
      std::system(("timeout 60 " + cmd + " >" + dir + "/out 2>" + dir + "/err").c_str());
  r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  r.out = ReadFile(dir + "/out");
  r.err = ReadFile(dir + "/err");
  fs::remove_all(dir);
  return r;
}

std::string PatternCopy() {
  std::string dir = TempDir() + "/patterns";
  fs::copy(JXAUDIT_PATTERNS_DIR, dir);
  return dir;
}

TEST_CASE("hostile patterns: a FIFO among the pattern files is refused, not waited on",
          "[hostile]") {
  std::string dir = PatternCopy();
  fs::remove(dir + "/units.txt");
  REQUIRE(mkfifo((dir + "/units.txt").c_str(), 0600) == 0);
  auto start = std::chrono::steady_clock::now();
  Shell r = Run(std::string(JXAUDIT_BINARY) + " tables --patterns " + dir + " " +
                SamplePath("002_fef1010ff2924dfd.txt"));
  CHECK(Seconds(start) < 30);
  CHECK(r.status == 2);
  CHECK(r.err == "jxaudit: patterns/units.txt: not a regular file\n");
  fs::remove_all(fs::path(dir).parent_path());
}

TEST_CASE(
    "hostile inputs: a FIFO named as an input is refused by every command, not waited on",
    "[hostile]") {
  // extract and check --format json hash their inputs before a worker reads
  // them: the hash must not open a FIFO for reading (it would wait for a
  // writer that never comes).
  std::string dir = TempDir() + "/fifo-input";
  fs::create_directories(dir);
  const std::string fifo = dir + "/report.txt";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  for (const std::string args :
       {"check --no-db " + fifo, "check --no-db --format json " + fifo, "tables " + fifo,
        "extract -o " + dir + "/x.xlsx " + fifo}) {
    INFO(args);
    auto start = std::chrono::steady_clock::now();
    Shell r = Run(std::string(JXAUDIT_BINARY) + " " + args);
    CHECK(Seconds(start) < 30);
    CHECK(r.status == 2);
    CHECK(r.err.find(fifo + ": not a regular file") != std::string::npos);
  }
  fs::remove_all(dir);
}

TEST_CASE("hostile patterns: 300000 header lines give one error line", "[hostile]") {
  std::string dir = PatternCopy();
  std::string big = "@match key\n";
  for (int i = 0; i < 300000; ++i)
    big += "h" + std::to_string(i) + " ^列" + std::to_string(i) + "(甲|乙|丙)?$\n";
  WriteFile(dir + "/header.txt", big);
  Shell r = Run(std::string(JXAUDIT_BINARY) + " tables --patterns " + dir + " " +
                SamplePath("002_fef1010ff2924dfd.txt"));
  CHECK(r.status == 2);
  CHECK(r.err ==
        "jxaudit: patterns/header.txt:2002: more than 2000 patterns in one file\n");
  fs::remove_all(fs::path(dir).parent_path());
}

TEST_CASE("hostile patterns: a pattern without the group the code reads is refused",
          "[hostile]") {
  auto replace = [](std::string s, const std::string& from, const std::string& to) {
    size_t at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
  };
  auto line_of = [](const std::string& s, const std::string& what) {
    size_t at = s.find(what);
    return 1 + std::count(s.begin(), s.begin() + static_cast<ptrdiff_t>(at), '\n');
  };
  const std::string sentences = ReadFile(JXAUDIT_PATTERNS_DIR "/sentences.txt");
  const std::string meta = ReadFile(JXAUDIT_PATTERNS_DIR "/meta.txt");
  struct Case {
    std::string file, content, want;
  } cases[] = {
      {"sentences", replace(sentences, "(?P<num>-?", "(?P<n>-?"),
       "patterns/sentences.txt:" + std::to_string(line_of(sentences, "\nfigure ") + 1) +
           ": pattern 'figure' needs group (?P<num>)"},
      {"sentences", replace(sentences, "(?P<rate>", "(?P<r>"),
       "patterns/sentences.txt:" +
           std::to_string(line_of(sentences, "\nratio_rate ") + 1) +
           ": pattern 'ratio_rate' needs group (?P<rate>)"},
      {"meta", replace(meta, "(?P<v>(?:19|20)", "(?P<value>(?:19|20)"),
       "patterns/meta.txt:" + std::to_string(line_of(meta, "\nyear ") + 1) +
           ": pattern 'year' needs group (?P<v>)"},
  };
  for (const Case& c : cases) {
    INFO(c.want);
    std::string dir = PatternCopy();
    WriteFile(dir + "/" + c.file + ".txt", c.content);
    Patterns p;
    std::string err;
    CHECK_FALSE(p.LoadDir(dir, &err));
    CHECK(err == c.want);
    fs::remove_all(fs::path(dir).parent_path());
  }
  // The requirements are data: without patterns/groups.txt nothing loads.
  std::string dir = PatternCopy();
  fs::remove(dir + "/groups.txt");
  Patterns p;
  std::string err;
  CHECK_FALSE(p.LoadDir(dir, &err));
  CHECK(err.rfind("patterns/groups.txt: cannot read", 0) == 0);
  fs::remove_all(fs::path(dir).parent_path());
}

TEST_CASE("hostile patterns: oversized patterns are refused at their line", "[hostile]") {
  struct Case {
    std::string content, want;
  } cases[] = {
      {"a x\nb " + std::string(5000, 'y') + "\n",
       "patterns/x.txt:2: pattern longer than 4096 bytes"},
      {[] {
         std::string s;
         for (int i = 0; i < 40; ++i)
           s += "n" + std::to_string(i) + " " + std::string(4000, 'z') + "\n";
         return s;
       }(),
       "patterns/x.txt:33: more than 131072 bytes of patterns in one file"},
  };
  for (const Case& c : cases) {
    PatternFile f;
    std::string err;
    CHECK_FALSE(f.Parse("patterns/x.txt", c.content, &err));
    CHECK(err == c.want);
  }
}

TEST_CASE("hostile patterns: the fuzz target's seeds load and match", "[hostile]") {
  size_t ran = 0;
  for (const char* d : {"/fuzz/seeds/patterns", "/fuzz/regressions/patterns"}) {
    std::string dir = std::string(JXAUDIT_TESTS_DIR) + d;
    if (!fs::is_directory(dir)) continue;
    for (const auto& e : fs::directory_iterator(dir)) {
      std::string bytes = ReadFile(e.path().string());
      CHECK(fuzz::FuzzPatterns(reinterpret_cast<const uint8_t*>(bytes.data()),
                               bytes.size()) == 0);
      ++ran;
    }
  }
  CHECK(ran >= 8);
  // The seeds are the project's files: each loads as the file it stands for.
  std::string seed = ReadFile(JXAUDIT_TESTS_DIR "/fuzz/seeds/patterns/sentences");
  REQUIRE(!seed.empty());
  Patterns p;
  std::string err;
  REQUIRE(p.ParseGroups("patterns/groups.txt",
                        ReadFile(JXAUDIT_PATTERNS_DIR "/groups.txt"), &err));
  REQUIRE(p.Add(Patterns::RequiredFiles()[static_cast<unsigned char>(seed[0]) % 8],
                "patterns/sentences.txt", seed.substr(1), &err));
  CHECK(p.file("sentences")->Has("figure"));
}

}  // namespace
}  // namespace jx
