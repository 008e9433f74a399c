// A document's `check` JSON travels and is kept as compact text (nlohmann's
// dump(-1)), never as a tree: a line of 300,000 figures is a tree of millions
// of nodes in the worker and again in the parent. These print that text as
// the tree would have printed, without building it.
#ifndef JXAUDIT_EXPORT_JSON_TEXT_H_
#define JXAUDIT_EXPORT_JSON_TEXT_H_

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>

namespace jx {

// Writes the object in `compact` (empty reads as {}) to `out` byte for byte
// as nlohmann::json::parse(compact) with `extra`'s members set on it would
// dump with `indent` (-1 compact): members in key order, an extra member in
// place of the object's own of that key. Keys are compared as written, which
// is their order for keys without escapes (all of jxaudit's).
void WriteJsonText(std::string_view compact, const nlohmann::json& extra, int indent,
                   std::ostream* out);

// `compact` with `extra` merged in, as one string (for tests and short records).
std::string JsonText(std::string_view compact, const nlohmann::json& extra, int indent);

// Appends `j` as compact text, invalid UTF-8 replaced as every output does.
void AppendCompact(const nlohmann::json& j, std::string* out);

}  // namespace jx

#endif  // JXAUDIT_EXPORT_JSON_TEXT_H_
