#include "scanner/fingerprint.h"

#include <openssl/evp.h>

#include <string>

namespace magpie::scanner {

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
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
