// Which input files hold the same bytes, told without a digest: for a text
// `check` without a store or baseline, where nothing prints or keeps the
// content hash and only the comparison across documents needs to know that
// two names are one document.
#ifndef JXAUDIT_CLI_SAME_CONTENT_H_
#define JXAUDIT_CLI_SAME_CONTENT_H_

#include <string>
#include <vector>

namespace jx {

// A key per file, equal exactly for files with the same bytes (a file that
// cannot be read shares its key with none). A file whose size no other file
// has is not read at all; the others are read in chunks for a cheap hash of
// their bytes, then compared byte for byte with each earlier file of the same
// size and hash.
std::vector<std::string> SameContentKeys(const std::vector<std::string>& files);

}  // namespace jx

#endif  // JXAUDIT_CLI_SAME_CONTENT_H_
