// Offline structural validators run in the confirm stage (no network).
#ifndef MAGPIE_SCANNER_VALIDATORS_H_
#define MAGPIE_SCANNER_VALIDATORS_H_

#include <string_view>

#include "rules/rule_spec.h"

namespace magpie::scanner {

// Runs `validator` on a candidate secret. Returns true when the secret has the structure the
// provider documents:
//   kGithubChecksum ("github-checksum"): ghp_/gho_/ghu_/ghs_/ghr_ tokens: the last 6 chars are
//                      the base62 CRC32 of the 30-char random part.
//   kNpmChecksum ("npm-checksum"): npm_ tokens: same scheme as GitHub's.
//   kJwt ("jwt"):      three base64url parts; header and payload decode to JSON objects and the
//                      header has "alg".
//   kPem ("pem"):      a PEM/OpenSSH private key block whose body is valid base64 of a
//                      plausible length.
//   kPypiMacaroon ("pypi-macaroon"): pypi- followed by base64 of a macaroon whose location is
//                      pypi.org.
//   kBase64Credentials ("base64-credentials"): base64 of one line `user:password` (what
//                      `echo … | base64 -d` hands to `curl -u` or a Basic header), whose
//                      password has 8+ characters and is neither the user name nor a word
//                      password.
// kNone returns false: there is nothing to validate against.
bool RunValidator(rules::Validator validator, std::string_view secret);

// True when `secret` contains a credential a vendor publishes in its documentation (AWS's
// AKIAIOSFODNN7EXAMPLE family, Stripe's sample test keys, the jwt.io token; the list and its
// sources are in validators.cc and docs/rules.md). Such values grant nothing to anyone, so
// the scanner does not report them (issue 12).
bool IsDocumentedExample(std::string_view secret);

// True when `secret` spells a word that says "this is a sample": password, passwd, secret,
// letmein, changeme, also in leetspeak (`p4ssw0rd`, `Pa55worD`, `S3cretP@ssw0rd!`), with at most
// 16 other characters (a long random token that holds one is not a sample). Test
// fixtures and manuals use them; a password manager or a key generator does not (issue 12).
bool IsWordPassword(std::string_view secret);

}  // namespace magpie::scanner

#endif  // MAGPIE_SCANNER_VALIDATORS_H_
