// Stable identifiers for findings, independent of line numbers.
#ifndef MAGPIE_SCANNER_FINGERPRINT_H_
#define MAGPIE_SCANNER_FINGERPRINT_H_

#include <string>
#include <string_view>

namespace magpie::scanner {

// Lower-case hex SHA-256 (OpenSSL). Thread-safe; costs no library initialisation.
std::string Sha256Hex(std::string_view data);
// hex(SHA-256(rule_id NUL path NUL secret)), first 32 hex chars. Survives line moves; changes
// when the secret, the rule or the file path changes.
std::string Fingerprint(std::string_view rule_id, std::string_view path, std::string_view secret);
// A secret's identity across paths (issue 11, shard reports of `magpie git`):
// hex(SHA-256("magpie/secret-id/v1" NUL rule_id NUL secret)), first 32 hex chars. Says no
// more than Fingerprint does (both are unsalted hashes of the secret; docs/security.md).
std::string SecretId(std::string_view rule_id, std::string_view secret);

}  // namespace magpie::scanner

#endif  // MAGPIE_SCANNER_FINGERPRINT_H_
