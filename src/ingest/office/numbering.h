// Word's automatic numbering: the label ("一、", "（1）", "2.3") Word shows
// before a numbered paragraph, which is part of the report's text (the
// numbered rows and headings the sum rules group by).
#ifndef JXAUDIT_INGEST_OFFICE_NUMBERING_H_
#define JXAUDIT_INGEST_OFFICE_NUMBERING_H_

#include <map>
#include <string>
#include <vector>

#include "ingest/office/package.h"

namespace jx::office {

class WordNumbering {
 public:
  // Reads word/numbering.xml (optional). The paragraph styles of
  // word/styles.xml are read only when a numbered document first needs them:
  // the part is often several times the size of the text.
  bool Load(Zip* zip, std::string* why);
  // False when styles.xml, read late, was refused; `why` says why.
  bool ok(std::string* why) const {
    *why = why_;
    return why_.empty();
  }
  // The label of paragraph `p` and the separator after it, advancing the
  // list's counters; "" for a paragraph without numbering or with bullets.
  std::string Label(const xmlNode* p);

 private:
  struct Level {
    std::string format = "decimal";  // w:numFmt
    std::string text;                // w:lvlText, "%1、"
    std::string suffix = "tab";      // w:suff
    int start = 1;
  };
  struct Num {
    int abstract = -1;
    std::map<int, int> start;  // level → startOverride
    bool used = false;
  };
  std::map<int, std::vector<Level>> abstract_;
  std::map<int, Num> nums_;
  std::map<std::string, std::pair<int, int>> style_num_;  // styleId → (numId, ilvl)
  std::map<int, std::vector<int>> counters_;              // by abstract list
  Zip* zip_ = nullptr;
  bool styles_read_ = false;
  std::string why_;

  void ReadStyles();
};

// A counter as Word writes it in `format` (decimal, chineseCounting,
// ideographTraditional, upperRoman, decimalEnclosedCircle …).
std::string FormatListNumber(int n, const std::string& format);

}  // namespace jx::office

#endif  // JXAUDIT_INGEST_OFFICE_NUMBERING_H_
