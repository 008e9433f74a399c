// Zip parts within limits, and XML parsed without DTDs: the two ways an
// office file attacks its reader.
#include "ingest/office/package.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <zip.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "base/producer.h"
#include "base/text.h"

namespace jx::office {

Zip::~Zip() {
  if (z_) zip_discard(z_);
}

bool Zip::Open(std::string_view bytes, std::string* why) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &ze);
  if (!src) {
    *why = "cannot read the zip archive";
    zip_error_fini(&ze);
    return false;
  }
  // ZIP_CHECKCONS: the local headers must agree with the directory.
  z_ = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
  if (!z_) {
    *why = std::string("corrupt zip archive (") + zip_error_strerror(&ze) + ")";
    zip_source_free(src);
    zip_error_fini(&ze);
    return false;
  }
  zip_error_fini(&ze);
  return true;
}

bool Zip::Has(const std::string& name) const {
  return z_ && zip_name_locate(z_, name.c_str(), 0) >= 0;
}

bool Zip::Read(const std::string& name, std::string* out, std::string* why) {
  out->clear();
  zip_stat_t st;
  zip_stat_init(&st);
  if (!z_ || zip_stat(z_, name.c_str(), 0, &st) != 0) {
    *why = name + ": part missing from the archive";
    return false;
  }
  if (st.encryption_method != ZIP_EM_NONE) {
    *why = name + ": password-protected (encrypted zip entry)";
    return false;
  }
  const uint64_t packed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
  // The sizes in the directory may lie: the limits are held while reading,
  // the stated size only refuses early.
  uint64_t cap = std::min(
      kLimits.max_part_bytes,
      kLimits.max_unpacked_bytes - std::min(unpacked_, kLimits.max_unpacked_bytes));
  auto bomb = [&](uint64_t size) {
    if (size > cap) {
      *why = name + ": zip bomb refused (unpacks to more than " + std::to_string(cap) +
             " bytes; limits " + std::to_string(kLimits.max_part_bytes) + " per part, " +
             std::to_string(kLimits.max_unpacked_bytes) + " in all)";
      return true;
    }
    if (size > kLimits.ratio_floor &&
        static_cast<double>(size) >
            kLimits.max_ratio * static_cast<double>(std::max<uint64_t>(packed, 1))) {
      *why = name + ": zip bomb refused (packed " + std::to_string(packed) +
             " bytes unpack to over " + std::to_string(size) + ", ratio limit " +
             std::to_string(static_cast<int>(kLimits.max_ratio)) + ")";
      return true;
    }
    return false;
  };
  if ((st.valid & ZIP_STAT_SIZE) && bomb(st.size)) return false;
  zip_file_t* f = zip_fopen(z_, name.c_str(), 0);
  if (!f) {
    *why = name + ": cannot open part (" + zip_strerror(z_) + ")";
    return false;
  }
  char buf[1 << 16];
  for (;;) {
    zip_int64_t n = zip_fread(f, buf, sizeof buf);
    if (n < 0) {
      *why = name + ": corrupt zip data (" + zip_file_strerror(f) + ")";
      zip_fclose(f);
      out->clear();
      return false;
    }
    if (n == 0) break;
    out->append(buf, static_cast<size_t>(n));
    if (bomb(out->size())) {
      zip_fclose(f);
      out->clear();
      return false;
    }
  }
  if (zip_fclose(f) != 0) {
    *why = name + ": corrupt zip data (checksum)";
    out->clear();
    return false;
  }
  unpacked_ += out->size();
  return true;
}

namespace {

// "<!DOCTYPE" outside comments and processing instructions. OOXML never has
// one; refusing it means no entity (internal or external) is ever defined.
bool HasDoctype(std::string_view b) {
  size_t i = 0;
  while ((i = b.find("<!", i)) != std::string_view::npos) {
    std::string_view rest = b.substr(i + 2);
    if (rest.starts_with("--")) {
      size_t end = b.find("-->", i + 4);
      if (end == std::string_view::npos) return false;
      i = end + 3;
      continue;
    }
    if (rest.starts_with("[CDATA[")) {
      size_t end = b.find("]]>", i);
      if (end == std::string_view::npos) return false;
      i = end + 3;
      continue;
    }
    if (rest.size() >= 7) {
      std::string head(rest.substr(0, 7));
      for (char& c : head)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (head == "DOCTYPE") return true;
    }
    i += 2;
  }
  return false;
}

}  // namespace

bool ParseXml(std::string_view bytes, const std::string& part, XmlDoc* out,
              std::string* why) {
  if (HasDoctype(bytes)) {
    *why = part +
           ": XML with a document type declaration (DTD) refused: "
           "entities are never read or fetched";
    return false;
  }
  if (bytes.size() > static_cast<size_t>(INT32_MAX)) {
    *why = part + ": XML part too large";
    return false;
  }
  // No XML_PARSE_NOENT (entities stay unexpanded), no XML_PARSE_DTDLOAD, no
  // XML_PARSE_HUGE (libxml2 keeps its depth and size limits).
  const int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
  xmlResetLastError();
  xmlDoc* d = xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), part.c_str(),
                            nullptr, opts);
  if (!d) {
    const xmlError* e = xmlGetLastError();
    std::string msg = e && e->message ? e->message : "unknown error";
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    *why = part + ": not well-formed XML";
    if (e) *why += " (line " + std::to_string(e->line) + ": " + msg + ")";
    return false;
  }
  out->reset(d);
  return true;
}

std::string Attr(const xmlNode* n, const char* local) {
  if (!n || n->type != XML_ELEMENT_NODE) return "";
  for (const xmlAttr* a = n->properties; a; a = a->next) {
    if (std::strcmp(reinterpret_cast<const char*>(a->name), local) != 0) continue;
    std::string v;
    for (const xmlNode* c = a->children; c; c = c->next)
      if (c->content) v += reinterpret_cast<const char*>(c->content);
    return v;
  }
  return "";
}

bool HasAttr(const xmlNode* n, const char* local) {
  if (!n || n->type != XML_ELEMENT_NODE) return false;
  for (const xmlAttr* a = n->properties; a; a = a->next)
    if (std::strcmp(reinterpret_cast<const char*>(a->name), local) == 0) return true;
  return false;
}

const xmlNode* Child(const xmlNode* n, std::string_view local) {
  if (!n) return nullptr;
  for (const xmlNode* c = n->children; c; c = c->next)
    if (Is(c, local)) return c;
  return nullptr;
}

bool MarkedByJxaudit(std::string_view custom_xml) {
  XmlDoc doc;
  std::string why;
  if (!ParseXml(custom_xml, kCustomPropertiesPart, &doc, &why)) return false;
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  for (const xmlNode* p = root ? root->children : nullptr; p; p = p->next) {
    if (!Is(p, "property") || Attr(p, "name") != kProducerProperty) continue;
    std::string value = Trim(TextOf(p));
    if (value.starts_with(kProducerValue)) return true;
  }
  return false;
}

std::string TextOf(const xmlNode* n) {
  std::string out;
  // Iterative: the tree may be as deep as libxml2 allows.
  const xmlNode* cur = n ? n->children : nullptr;
  while (cur) {
    if ((cur->type == XML_TEXT_NODE || cur->type == XML_CDATA_SECTION_NODE) &&
        cur->content)
      out += reinterpret_cast<const char*>(cur->content);
    if (cur->type == XML_ELEMENT_NODE && cur->children) {
      cur = cur->children;
      continue;
    }
    while (cur && !cur->next && cur != n) cur = cur->parent;
    if (!cur || cur == n) break;
    cur = cur->next;
  }
  return out;
}

void AppendUtf8(std::string* s, uint32_t cp) {
  if (cp < 0x80) {
    s->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    s->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    s->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    s->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    s->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    s->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    s->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    s->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    s->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    s->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string ResolvePart(const std::string& from, const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  std::string base = from.substr(0, from.rfind('/') + 1);
  std::string path = base + target;
  // Collapse "a/../b": relationship targets are relative paths.
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string seg = path.substr(start, end - start);
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(seg);
    }
    start = end + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

std::string MainPart(Zip* zip, const std::string& fallback) {
  std::string rels, why;
  XmlDoc doc;
  if (!zip->Has("_rels/.rels") || !zip->Read("_rels/.rels", &rels, &why) ||
      !ParseXml(rels, "_rels/.rels", &doc, &why))
    return fallback;
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  for (const xmlNode* r = root ? root->children : nullptr; r; r = r->next) {
    if (!Is(r, "Relationship")) continue;
    std::string type = Attr(r, "Type");
    if (!type.ends_with("/officeDocument")) continue;
    std::string part = ResolvePart("", Attr(r, "Target"));
    if (zip->Has(part)) return part;
  }
  return fallback;
}

std::string Trim(std::string_view s) { return std::string(TrimSpace(s)); }

}  // namespace jx::office
