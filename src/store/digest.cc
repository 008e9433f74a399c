#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <memory>

#include "store/store.h"

namespace jx {
namespace {

std::string Hex(const unsigned char* d, unsigned n) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < n; ++i) {
    out += kDigits[d[i] >> 4];
    out += kDigits[d[i] & 15];
  }
  return out;
}

struct Digest {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  Digest() { EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr); }
  ~Digest() { EVP_MD_CTX_free(ctx); }
  void Add(const void* p, size_t n) { EVP_DigestUpdate(ctx, p, n); }
  std::string Done() {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned n = 0;
    EVP_DigestFinal_ex(ctx, md, &n);
    return Hex(md, n);
  }
};

}  // namespace

bool FileSha256(const std::string& path, std::string* hex, uint64_t* size, Error* err) {
  // Opened without blocking and checked before a byte is read: a FIFO or a
  // device named as an input would otherwise hang the run (or never end)
  // before the reader could refuse it.
  const int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    *err = MakeError(path, "cannot open");
    return false;
  }
  struct FdCloser {
    int fd;
    ~FdCloser() { close(fd); }
  } closer{fd};
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    *err = MakeError(path, "not a regular file");
    return false;
  }
  Digest d;
  std::unique_ptr<char[]> buf(new char[1 << 20]);
  *size = 0;
  for (;;) {
    const ssize_t got = read(fd, buf.get(), 1 << 20);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      *err = MakeError(path, "read error");
      return false;
    }
    if (got == 0) break;
    d.Add(buf.get(), static_cast<size_t>(got));
    *size += static_cast<uint64_t>(got);
  }
  *hex = d.Done();
  return true;
}

bool PatternsVersion(const std::string& dir, std::string* hex, Error* err) {
  std::error_code ec;
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.is_regular_file()) names.push_back(e.path().filename().string());
  if (ec) {
    *err = MakeError(dir, ec.message());
    return false;
  }
  std::sort(names.begin(), names.end());
  Digest d;
  for (const std::string& n : names) {
    std::ifstream in(dir + "/" + n, std::ios::binary);
    std::string content((std::istreambuf_iterator<char>(in)),
                        std::istreambuf_iterator<char>());
    d.Add(n.data(), n.size() + 1);
    std::string len = std::to_string(content.size()) + ":";
    d.Add(len.data(), len.size());
    d.Add(content.data(), content.size());
  }
  *hex = d.Done();
  return true;
}

}  // namespace jx
