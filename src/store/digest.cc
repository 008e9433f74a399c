#include <openssl/evp.h>

#include <algorithm>
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
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *err = MakeError(path, "cannot open");
    return false;
  }
  Digest d;
  std::unique_ptr<char[]> buf(new char[1 << 20]);
  *size = 0;
  while (in) {
    in.read(buf.get(), 1 << 20);
    std::streamsize got = in.gcount();
    if (got <= 0) break;
    d.Add(buf.get(), static_cast<size_t>(got));
    *size += static_cast<uint64_t>(got);
  }
  if (in.bad()) {
    *err = MakeError(path, "read error");
    return false;
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
