#include "scanner/fingerprint.h"

// OpenSSL 3 deprecates the SHA256_* functions in favour of EVP, but EVP's first digest of a
// process initialises the provider machinery (~2.5 ms of CPU; the one-shot SHA256() goes through
// EVP too), a tenth of a `magpie staged` run (bench/staged_latency.sh). These compute the same
// digest with the same CPU code (SHA-NI), and need no initialisation.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

#include <string>

namespace magpie::scanner {

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256_CTX context;
  SHA256_Init(&context);
  SHA256_Update(&context, data.data(), data.size());
  SHA256_Final(digest, &context);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * SHA256_DIGEST_LENGTH);
  for (unsigned int i = 0; i < SHA256_DIGEST_LENGTH; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 0xf]);
  }
  return out;
}

std::string Fingerprint(std::string_view rule_id, std::string_view path, std::string_view secret) {
  std::string material;
  material.reserve(rule_id.size() + path.size() + secret.size() + 2);
  material.append(rule_id).push_back('\0');
  material.append(path).push_back('\0');
  material.append(secret);
  return Sha256Hex(material).substr(0, 32);
}

std::string SecretId(std::string_view rule_id, std::string_view secret) {
  // The fingerprint's construction with the domain in the rule's place and the rule in the
  // path's: SHA-256("magpie/secret-id/v1" NUL rule NUL secret).
  return Fingerprint("magpie/secret-id/v1", rule_id, secret);
}

}  // namespace magpie::scanner
