#include "scanner/validators.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>
#include <zlib.h>

#include "scanner/base64.h"

namespace magpie::scanner {
namespace {

constexpr std::string_view kBase62Digits =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

bool IsAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool AllAlnum(std::string_view s) { return std::all_of(s.begin(), s.end(), IsAlnum); }

// GitHub's and npm's token scheme: PREFIX + 30 random base62 characters + the CRC32 of those
// 30 characters in base62, most significant digit first, left-padded with '0' to 6 digits
// (62^6 > 2^32, so 6 always suffice).
constexpr size_t kRandomLength = 30;
constexpr size_t kChecksumLength = 6;

bool HasBase62Checksum(std::string_view token, std::string_view prefix) {
  if (token.size() != prefix.size() + kRandomLength + kChecksumLength) return false;
  if (token.substr(0, prefix.size()) != prefix) return false;
  const std::string_view random = token.substr(prefix.size(), kRandomLength);
  const std::string_view checksum = token.substr(prefix.size() + kRandomLength);
  if (!AllAlnum(random) || !AllAlnum(checksum)) return false;

  uLong crc =
      crc32(0L, reinterpret_cast<const Bytef*>(random.data()), static_cast<uInt>(random.size()));
  std::array<char, kChecksumLength> encoded;
  for (size_t i = kChecksumLength; i-- > 0;) {
    encoded[i] = kBase62Digits[crc % 62];
    crc /= 62;
  }
  return std::string_view(encoded.data(), encoded.size()) == checksum;
}

bool ValidGitHubToken(std::string_view token) {
  // Fine-grained PATs publish no checksum scheme: github_pat_ + 22 + '_' + 59 alphanumerics.
  constexpr std::string_view kFineGrained = "github_pat_";
  if (token.substr(0, kFineGrained.size()) == kFineGrained) {
    const std::string_view rest = token.substr(kFineGrained.size());
    return rest.size() == 22 + 1 + 59 && rest[22] == '_' && AllAlnum(rest.substr(0, 22)) &&
           AllAlnum(rest.substr(23));
  }
  for (std::string_view prefix : {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"}) {
    if (token.substr(0, prefix.size()) == prefix) return HasBase62Checksum(token, prefix);
  }
  return false;
}

std::optional<nlohmann::json> DecodeJsonObject(std::string_view base64url) {
  const std::optional<std::string> text = DecodeBase64(base64url, Base64Alphabet::kUrl);
  if (!text) return std::nullopt;
  nlohmann::json json = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) return std::nullopt;  // also covers a parse error (discarded)
  return json;
}

// A JWS in compact form: header.payload.signature, each base64url. An unsigned token
// ("alg": "none", empty signature) grants nothing, so it is not accepted as a secret.
bool ValidJwt(std::string_view token) {
  const size_t dot1 = token.find('.');
  if (dot1 == std::string_view::npos) return false;
  const size_t dot2 = token.find('.', dot1 + 1);
  if (dot2 == std::string_view::npos || token.find('.', dot2 + 1) != std::string_view::npos) {
    return false;
  }
  const std::string_view header = token.substr(0, dot1);
  const std::string_view payload = token.substr(dot1 + 1, dot2 - dot1 - 1);
  const std::string_view signature = token.substr(dot2 + 1);
  if (header.empty() || payload.empty() || signature.empty()) return false;
  if (!DecodeBase64(signature, Base64Alphabet::kUrl)) return false;
  const std::optional<nlohmann::json> h = DecodeJsonObject(header);
  if (!h) return false;
  const auto alg = h->find("alg");
  if (alg == h->end() || !alg->is_string()) return false;
  return DecodeJsonObject(payload).has_value();
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

// The smallest real private keys (Ed25519/X25519 in PKCS#8) are 48 bytes of DER; anything
// shorter is a placeholder such as "MIIE...".
constexpr size_t kMinPrivateKeyBytes = 48;

bool ValidPem(std::string_view block) {
  constexpr std::string_view kBegin = "-----BEGIN ";
  constexpr std::string_view kDashes = "-----";
  constexpr std::string_view kKeySuffix = "PRIVATE KEY";
  const size_t begin = block.find(kBegin);
  if (begin == std::string_view::npos) return false;
  const size_t label_start = begin + kBegin.size();
  const size_t label_end = block.find(kDashes, label_start);
  if (label_end == std::string_view::npos) return false;
  const std::string_view label = block.substr(label_start, label_end - label_start);
  if (label.size() < kKeySuffix.size() ||
      label.substr(label.size() - kKeySuffix.size()) != kKeySuffix ||
      label.find('\n') != std::string_view::npos) {
    return false;
  }
  const size_t body_start = label_end + kDashes.size();
  const std::string end_marker = "-----END " + std::string(label) + "-----";
  const size_t body_end = block.find(end_marker, body_start);
  if (body_end == std::string_view::npos) return false;

  // Keys pasted into JSON or shell strings carry "\n" escapes instead of line breaks;
  // base64 has no backslash, so reading them as breaks cannot join two valid pieces wrongly.
  // A key split across string literals (`"MIIE…\n" +\n  "…"`) is read inside the quotes
  // only: the `+` between them is an operator, not base64.
  std::string body;
  body.reserve(body_end - body_start);
  const std::string_view raw = block.substr(body_start, body_end - body_start);
  bool inside_quotes = true;  // or no quotes at all
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '"' || raw[i] == '\'' || raw[i] == '`') {
      inside_quotes = !inside_quotes;
      continue;
    }
    if (!inside_quotes) continue;
    if (raw[i] == '\\' && i + 1 < raw.size() && (raw[i + 1] == 'n' || raw[i + 1] == 'r')) {
      body.push_back('\n');
      ++i;
    } else {
      body.push_back(raw[i]);
    }
  }

  // RFC 1421 headers (Proc-Type:, DEK-Info:) mark a legacy encrypted key; base64 has no ':'.
  std::string base64;
  bool has_headers = false;
  size_t line_start = 0;
  while (line_start <= body.size()) {
    size_t line_end = body.find('\n', line_start);
    if (line_end == std::string::npos) line_end = body.size();
    const std::string_view line(body.data() + line_start, line_end - line_start);
    if (line.find(':') != std::string_view::npos) {
      has_headers = true;
    } else {
      for (char c : line) {
        if (!IsSpace(c)) base64.push_back(c);
      }
    }
    line_start = line_end + 1;
  }
  const std::optional<std::string> der = DecodeBase64(base64, Base64Alphabet::kStandard);
  if (!der || der->size() < kMinPrivateKeyBytes) return false;
  if (has_headers) return true;  // the body is ciphertext: no structure left to check
  if (label == "OPENSSH PRIVATE KEY") return der->rfind("openssh-key-v1", 0) == 0;
  return static_cast<unsigned char>((*der)[0]) == 0x30;  // DER SEQUENCE (PKCS#1/#8, SEC1)
}

// PyPI API tokens: "pypi-" + base64url of a binary (v2) macaroon. Its first field is the
// location, which PyPI sets to pypi.org (test.pypi.org for the test index).
bool ValidPypiMacaroon(std::string_view token) {
  constexpr std::string_view kPrefix = "pypi-";
  if (token.substr(0, kPrefix.size()) != kPrefix) return false;
  const std::optional<std::string> bytes =
      DecodeBase64(token.substr(kPrefix.size()), Base64Alphabet::kEither);
  if (!bytes || bytes->size() < 3) return false;
  const std::string_view m = *bytes;
  constexpr char kVersion2 = 0x02;
  constexpr char kFieldLocation = 0x01;
  if (m[0] != kVersion2 || m[1] != kFieldLocation) return false;
  // Field length: an unsigned LEB128 varint.
  size_t pos = 2;
  uint64_t length = 0;
  for (int shift = 0;; shift += 7) {
    if (pos >= m.size() || shift > 28) return false;
    const auto byte = static_cast<unsigned char>(m[pos++]);
    length |= static_cast<uint64_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) break;
  }
  if (length > m.size() - pos) return false;
  const std::string_view location = m.substr(pos, length);
  constexpr std::string_view kPypi = "pypi.org";
  constexpr std::string_view kSubdomain = ".pypi.org";
  return location == kPypi || (location.size() > kSubdomain.size() &&
                               location.substr(location.size() - kSubdomain.size()) == kSubdomain);
}

// `echo 'c3ZjOnE4Vm4y…' | base64 -d`: base64 of `user:password` and nothing else.
bool ValidBase64Credentials(std::string_view secret) {
  const std::optional<std::string> text = DecodeBase64(secret, Base64Alphabet::kEither);
  if (!text) return false;
  std::string_view line = *text;
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  const size_t colon = line.find(':');
  if (colon == 0 || colon == std::string_view::npos || colon > 64) return false;
  const std::string_view user = line.substr(0, colon);
  const std::string_view password = line.substr(colon + 1);
  for (const char c : user) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (!(std::isalnum(u) || std::string_view("_.@$+-").find(c) != std::string_view::npos)) {
      return false;
    }
  }
  if (password.size() < 8 || password.size() > 128 || password == user) return false;
  for (const char c : password) {
    if (c <= 0x20 || c > 0x7e) return false;  // one printable token: no spaces, no lines
  }
  return !IsWordPassword(password);
}

}  // namespace

bool RunValidator(rules::Validator validator, std::string_view secret) {
  switch (validator) {
    case rules::Validator::kNone:
      return false;
    case rules::Validator::kGithubChecksum:
      return ValidGitHubToken(secret);
    case rules::Validator::kNpmChecksum:
      return HasBase62Checksum(secret, "npm_");
    case rules::Validator::kJwt:
      return ValidJwt(secret);
    case rules::Validator::kPem:
      return ValidPem(secret);
    case rules::Validator::kPypiMacaroon:
      return ValidPypiMacaroon(secret);
    case rules::Validator::kBase64Credentials:
      return ValidBase64Credentials(secret);
  }
  return false;  // unreachable for valid enum values
}

bool IsDocumentedExample(std::string_view secret) {
  // Exact values from the vendors' own pages; keep each next to its source.
  static constexpr std::array<std::string_view, 10> kExamples = {
      // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html
      "AKIAIOSFODNN7EXAMPLE",
      "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html
      "AKIAI44QH8DHBEXAMPLE",
      "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
      // https://docs.stripe.com/get-started/api-request (the docs' sample test-mode key)
      "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
      "sk_test_Hrs6SAopgFPF0bZXSN3f6ELN",
      // https://docs.stripe.com/api/authentication
      "sk_test_BQokikJOvBiI2HlWgH4olfQ2",
      // https://jwt.io (the debugger's default HS256 token, signed with "your-256-bit-secret")
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9l"
      "IiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
      // https://www.rfc-editor.org/rfc/rfc6750#section-2.1 (the Bearer token of RFC 6750)
      "mF_9.B5f-4.1JqM",
      // https://pyjwt.readthedocs.io/en/stable/ (README's jwt.encode({"some": "payload"},
      // "secret") output, shipped in every PyJWT package's documentation)
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzb21lIjoicGF5bG9hZCJ9."
      "4twFt5NiznN84AWoo1d7KO1T_yoc0Z6XOpOVswacPZg",
  };
  for (std::string_view example : kExamples) {
    if (secret.find(example) != std::string_view::npos) return true;
  }
  return false;
}

// The most characters a word password keeps besides its words (`S3cretP@ssw0rd!2024`).
constexpr size_t kWordPasswordRest = 16;

bool IsWordPassword(std::string_view secret) {
  if (secret.size() > 64) return false;
  // Undo the usual letter-for-digit swaps, then look for the words themselves.
  std::string plain;
  plain.reserve(secret.size());
  for (const char c : secret) {
    switch (c) {
      case '4': case '@': plain.push_back('a'); break;
      case '0': plain.push_back('o'); break;
      case '5': case '$': plain.push_back('s'); break;
      case '3': plain.push_back('e'); break;
      case '1': case '!': plain.push_back('i'); break;
      case '7': plain.push_back('t'); break;
      default: plain.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  static constexpr std::array<std::string_view, 6> kWords = {
      "password", "passwd", "passwort", "secret", "letmein", "changeme"};
  bool found = false;
  for (std::string_view w : kWords) {
    for (size_t at = plain.find(w); at != std::string::npos; at = plain.find(w, at)) {
      plain.erase(at, w.size());
      found = true;
    }
  }
  // A word with a few characters around it is a sample password; a long random token that
  // happens to hold one (Statsig's `secret-` + 43 characters) is not.
  return found && plain.size() <= kWordPasswordRest;
}

}  // namespace magpie::scanner
