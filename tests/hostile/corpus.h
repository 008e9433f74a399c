// Hostile text inputs, each with what reading it must give. Kept as bytes in
// C++ rather than as files: tools/same-output.sh runs both builds on every
// file under tests/, and these are meant to read differently after the fixes.
#ifndef JXAUDIT_TESTS_HOSTILE_CORPUS_H_
#define JXAUDIT_TESTS_HOSTILE_CORPUS_H_

#include <string>
#include <vector>

namespace jx::hostile {

struct TextCase {
  std::string name;
  std::string bytes;
  std::string error;     // the error message; "" when the bytes must read
  std::string encoding;  // when read
  size_t lines = 0;      // when read
};

inline std::vector<TextCase> TextCases() {
  return {
      // A report whose first line quotes the PDF signature: it is text.
      {"text_mentions_pdf.txt",
       "说明：本报告由原%PDF-1.7文件转为文本，内容不变。\n"
       "部门名称\t大连市西岗区城市更新事务中心\n"
       "预算年度\t2024年度\n"
       "项目\t预算数\t执行数\n"
       "基本支出\t100.00\t90.00\n"
       "项目支出\t50.00\t45.00\n"
       "合计\t150.00\t135.00\n",
       "", "UTF-8", 7},
      // A surrogate written the UTF-8 way (CESU-8, WTF-8) on line 1; GB18030
      // decodes the bytes up to line 5, which is where it used to be blamed.
      {"surrogate_line1.txt",
       "标\xED\xA0\x80\nyear\t2024\nitem\tbudget\ntotal\t150.00\n部\n",
       "undecodable: invalid UTF-8 at line 1 (byte offset 3: a UTF-16 surrogate encoded "
       "as UTF-8, as CESU-8 and WTF-8 write)"},
      // Byte-order marks and nothing else.
      {"bom_only.txt", "\xEF\xBB\xBF", "empty file (only a byte-order mark)"},
      {"utf16_bom_only.txt", "\xFF\xFE", "empty file (only a byte-order mark)"},
      {"utf16be_bom_only.txt", "\xFE\xFF", "empty file (only a byte-order mark)"},
      // A damaged PDF keeps its header line, and is a damaged PDF.
      {"header_only.pdf", "%PDF-1.7\n",
       "damaged PDF: Poppler cannot open it (error code 3)"},
  };
}

}  // namespace jx::hostile

#endif  // JXAUDIT_TESTS_HOSTILE_CORPUS_H_
