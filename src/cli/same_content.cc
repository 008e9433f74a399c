#include "cli/same_content.h"

#include <sys/stat.h>

#include <cstdint>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <string_view>
#include <utility>

namespace jx {
namespace {

constexpr size_t kChunk = 1 << 16;

// A hash of the file's bytes, chunk by chunk; false when it cannot be read
// to its end.
bool HashOfFile(const std::string& path, uint64_t* hash) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::unique_ptr<char[]> buf(new char[kChunk]);
  uint64_t h = 0;
  while (in) {
    in.read(buf.get(), kChunk);
    const std::streamsize got = in.gcount();
    if (got <= 0) break;
    const size_t c = std::hash<std::string_view>{}(
        std::string_view(buf.get(), static_cast<size_t>(got)));
    h ^= c + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  }
  if (in.bad()) return false;
  *hash = h;
  return true;
}

bool SameBytes(const std::string& a, const std::string& b) {
  std::ifstream x(a, std::ios::binary), y(b, std::ios::binary);
  if (!x || !y) return false;
  std::unique_ptr<char[]> p(new char[kChunk]), q(new char[kChunk]);
  while (x && y) {
    x.read(p.get(), kChunk);
    y.read(q.get(), kChunk);
    const std::streamsize n = x.gcount();
    if (n != y.gcount()) return false;
    if (n <= 0) break;
    if (std::char_traits<char>::compare(p.get(), q.get(), static_cast<size_t>(n)) != 0)
      return false;
  }
  return !x.bad() && !y.bad() && x.eof() == y.eof();
}

}  // namespace

std::vector<std::string> SameContentKeys(const std::vector<std::string>& files) {
  std::vector<std::string> keys(files.size());
  std::vector<int64_t> size(files.size(), -1);
  std::map<int64_t, int> at_size;
  for (size_t i = 0; i < files.size(); ++i) {
    struct stat st;
    if (::stat(files[i].c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
      size[i] = static_cast<int64_t>(st.st_size);
      ++at_size[size[i]];
    }
  }
  // (size, hash) → the files with distinct contents seen so far.
  std::map<std::pair<int64_t, uint64_t>, std::vector<size_t>> seen;
  for (size_t i = 0; i < files.size(); ++i) {
    // Not a regular file, or of a size no other file has: alone.
    if (size[i] < 0 || at_size[size[i]] == 1) {
      keys[i] = "=" + std::to_string(i);
      continue;
    }
    uint64_t h = 0;
    if (!HashOfFile(files[i], &h)) {
      keys[i] = "=" + std::to_string(i);
      continue;
    }
    std::vector<size_t>& same = seen[{size[i], h}];
    for (size_t j : same)
      if (SameBytes(files[j], files[i])) {
        keys[i] = keys[j];
        break;
      }
    if (keys[i].empty()) {
      keys[i] = "=" + std::to_string(i);
      same.push_back(i);
    }
  }
  return keys;
}

}  // namespace jx
