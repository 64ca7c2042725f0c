// Offline structural validators run in the confirm stage (no network).
#ifndef MAGPIE_SCANNER_VALIDATORS_H_
#define MAGPIE_SCANNER_VALIDATORS_H_

#include <string_view>

namespace magpie::scanner {

// Runs the validator named in rules.yaml (see rules::KnownValidators) on a candidate secret.
// Returns true when the secret has the structure the provider documents:
//   "github-checksum": ghp_/gho_/ghu_/ghs_/ghr_ tokens: the last 6 chars are the base62 CRC32
//                      of the 30-char random part.
//   "npm-checksum":    npm_ tokens: same scheme as GitHub's.
//   "jwt":             three base64url parts; header and payload decode to JSON objects and the
//                      header has "alg".
//   "pem":             a PEM/OpenSSH private key block whose body is valid base64 of a
//                      plausible length.
//   "pypi-macaroon":   pypi- followed by base64 of a macaroon whose location is pypi.org.
// An unknown name returns false.
bool RunValidator(std::string_view validator, std::string_view secret);

}  // namespace magpie::scanner

#endif  // MAGPIE_SCANNER_VALIDATORS_H_
