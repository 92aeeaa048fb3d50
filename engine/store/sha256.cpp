#include "store/sha256.hpp"

#include <openssl/evp.h>

#include <cstdio>
#include <memory>
#include <vector>

#include "core/error.hpp"

namespace peta::store {
namespace {

struct DigestContext {
  DigestContext() : ctx(EVP_MD_CTX_new()) {
    if (!ctx || EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr) != 1) throw Error("SHA-256: OpenSSL could not start a digest");
  }
  ~DigestContext() { EVP_MD_CTX_free(ctx); }
  void update(const void* data, std::size_t n) { EVP_DigestUpdate(ctx, data, n); }
  std::string hex() {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_DigestFinal_ex(ctx, md, &len);
    static const char* digits = "0123456789abcdef";
    std::string s(len * 2, '0');
    for (unsigned int i = 0; i < len; ++i) {
      s[2 * i] = digits[md[i] >> 4];
      s[2 * i + 1] = digits[md[i] & 15];
    }
    return s;
  }
  EVP_MD_CTX* ctx;
};

}  // namespace

std::string sha256_file(const std::string& path) {
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) throw Error("cannot read '" + path + "' for its checksum");
  DigestContext d;
  std::vector<char> buf(1 << 20);
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), f.get())) > 0) d.update(buf.data(), n);
  if (std::ferror(f.get())) throw Error("error reading '" + path + "' for its checksum");
  return d.hex();
}

std::string sha256_hex(std::string_view text) {
  // One context a thread, reset for each text: EVP_MD_CTX_new and the digest fetch cost more than hashing the
  // ~200 bytes of a finding's content, a million times in a large import.
  thread_local DigestContext d;
  // The algorithm fetched once (OpenSSL 3 looks EVP_sha256() up under a lock at every init otherwise).
  static EVP_MD* const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  if (!sha256 || EVP_DigestInit_ex(d.ctx, sha256, nullptr) != 1) throw Error("SHA-256: OpenSSL could not start a digest");
  d.update(text.data(), text.size());
  return d.hex();
}

}  // namespace peta::store
