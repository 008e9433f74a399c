#include "record/fingerprint.h"

#include <openssl/evp.h>

#include <map>

namespace jx {

const char* const kFingerprintVersion = "jxaudit/v1";

namespace {

std::string Sha256Hex(const std::string& bytes, size_t hex_digits) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned n = 0;
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
  EVP_DigestUpdate(ctx, bytes.data(), bytes.size());
  EVP_DigestFinal_ex(ctx, md, &n);
  EVP_MD_CTX_free(ctx);
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < n && out.size() < hex_digits; ++i) {
    out += kDigits[md[i] >> 4];
    out += kDigits[md[i] & 15];
  }
  return out;
}

// Fields are separated by a byte no printed text holds, so that ("ab", "c")
// and ("a", "bc") differ.
void Field(std::string* key, const std::string& s) {
  *key += s;
  *key += '\x1f';
}

}  // namespace

void AssignFingerprints(const std::string& content_sha256,
                        std::vector<Finding>* findings) {
  std::map<std::string, int> seen;  // key → findings with it so far
  for (Finding& f : *findings) {
    std::string key;
    Field(&key, kFingerprintVersion);
    Field(&key, content_sha256);
    Field(&key, f.rule);
    for (const std::string& e : f.evidence) Field(&key, e);
    key += '\x1e';
    if (f.has_numbers) {
      Field(&key, f.stated.ToString());
      Field(&key, f.computed.ToString());
      Field(&key, f.unit);
    }
    // A finding with nothing read out of the text (pages without text) has
    // its figures only in its message.
    if (f.evidence.empty() && !f.has_numbers) Field(&key, f.message);
    key += '\x1e';
    const int nth = seen[key]++;
    key += std::to_string(nth);
    f.fingerprint = Sha256Hex(key, 32);
  }
}

}  // namespace jx
