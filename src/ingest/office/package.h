// Shared by the office readers: a zip read within limits, XML parsed without
// DTDs or network, and small accessors over libxml2 trees.
#ifndef JXAUDIT_INGEST_OFFICE_PACKAGE_H_
#define JXAUDIT_INGEST_OFFICE_PACKAGE_H_

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

#include "ingest/office/office.h"

typedef struct zip zip_t;

namespace jx::office {

class Zip {
 public:
  Zip() = default;
  ~Zip();
  Zip(const Zip&) = delete;
  Zip& operator=(const Zip&) = delete;
  // `bytes` must outlive the Zip.
  bool Open(std::string_view bytes, std::string* why);
  bool Has(const std::string& name) const;
  // Reads one part, held to kLimits (total, per part, ratio).
  bool Read(const std::string& name, std::string* out, std::string* why);

 private:
  zip_t* z_ = nullptr;
  uint64_t unpacked_ = 0;
};

struct XmlDocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using XmlDoc = std::unique_ptr<xmlDoc, XmlDocFree>;

// Parses `part` of a package: no DTD (a document type declaration is refused
// before parsing, so no entity is ever defined or fetched), no network, and
// libxml2's own depth limit.
bool ParseXml(std::string_view bytes, const std::string& part, XmlDoc* out,
              std::string* why);

// Local name of an element, or nullptr for other nodes.
inline const char* Name(const xmlNode* n) {
  return n && n->type == XML_ELEMENT_NODE ? reinterpret_cast<const char*>(n->name)
                                          : nullptr;
}
inline bool Is(const xmlNode* n, std::string_view local) {
  const char* s = Name(n);
  return s && local == s;
}
// Attribute by local name (any namespace); "" when absent.
std::string Attr(const xmlNode* n, const char* local);
bool HasAttr(const xmlNode* n, const char* local);
// First element child with this local name.
const xmlNode* Child(const xmlNode* n, std::string_view local);
// Concatenated text of the node's text descendants.
std::string TextOf(const xmlNode* n);

// The part _rels/.rels names as the office document (word/document.xml,
// xl/workbook.xml), or `fallback` when the package does not say.
std::string MainPart(Zip* zip, const std::string& fallback);
// Resolves a relationship target against the folder of `from` ("xl/…").
std::string ResolvePart(const std::string& from, const std::string& target);

// The custom properties part of a package: where jxaudit marks its own
// workbooks (base/producer.h).
inline constexpr char kCustomPropertiesPart[] = "docProps/custom.xml";
// Whether that part's XML names jxaudit as the producer.
bool MarkedByJxaudit(std::string_view custom_xml);

// Appends a Unicode code point as UTF-8.
void AppendUtf8(std::string* s, uint32_t cp);

// Trims ASCII white space and U+00A0/U+3000 at both ends.
std::string Trim(std::string_view s);

}  // namespace jx::office

#endif  // JXAUDIT_INGEST_OFFICE_PACKAGE_H_
