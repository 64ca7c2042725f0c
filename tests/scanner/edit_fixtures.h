// Secrets and constructs for the tests that edit a text version by version (issue 13: the
// delta-aware scan against a full scan), shared by the scanner and the CLI tests.
#ifndef MAGPIE_TESTS_SCANNER_EDIT_FIXTURES_H_
#define MAGPIE_TESTS_SCANNER_EDIT_FIXTURES_H_

#include <random>
#include <string>

namespace magpie::testing {

// One line each, found by the built-in rules (provider, keyword and generic detectors).
inline const char* const kEditSecretLines[] = {
    "aws_secret_access_key = \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ2mZ8vT1a\"\n",
    "token: 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\n",
    "  conn = connect(password='e!OJ7uolOZ*Z!k_JL')\n",
    "AKIAQYLPMN5HHHFPZAM2 is the id\n",
    "slack = 'xoxb-2047318395-2963741852964-Hq7ZpW3mN8xVc2LkR5tY9bUe'\n",
};

// A multi-line private key (the construct that spans lines), random body.
inline std::string PemKey(std::mt19937& rng) {
  static const char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA";
  for (int line = 0; line < 12; ++line) {
    for (int i = 0; i < 64; ++i) key += kB64[rng() % 64];
    key += '\n';
  }
  return key + "-----END RSA PRIVATE KEY-----\n";
}

}  // namespace magpie::testing

#endif  // MAGPIE_TESTS_SCANNER_EDIT_FIXTURES_H_
