#include "scanner/validators.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <catch2/catch.hpp>

#include "rules/rule_spec.h"
#include "scanner/base64.h"

// Every token and key below is fabricated for these tests (random, never issued). The
// checksummed ones were built once with Python's zlib.crc32 and a base62 encoder, outside this
// code, so that the tests do not mirror the implementation.
namespace magpie::scanner {
namespace {

// The validator rules.yaml calls `name`, run on `secret`; false for a name no validator has
// (the loader refuses those, so the scanner never meets one).
bool RunNamed(std::string_view name, std::string_view secret) {
  const std::optional<rules::Validator> validator = rules::ParseValidator(name);
  return validator.has_value() && RunValidator(*validator, secret);
}

// Each position of `token` from `from` on, changed to another character of the same class,
// must make the validator fail.
void RequireEveryEditFails(std::string_view validator, const std::string& token, size_t from) {
  for (size_t i = from; i < token.size(); ++i) {
    std::string edited = token;
    const char c = edited[i];
    edited[i] = (c == 'a') ? 'b' : (c >= '0' && c <= '9') ? (c == '0' ? '1' : '0') : 'a';
    INFO(edited);
    CHECK_FALSE(RunNamed(validator, edited));
  }
}

TEST_CASE("github-checksum accepts tokens whose CRC32 matches", "[scanner]") {
  const std::string ghp = "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";
  // Checksum with a leading '0' digit: the encoding is left-padded to 6 characters.
  const std::string gho = "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";
  CHECK(RunNamed("github-checksum", ghp));
  CHECK(RunNamed("github-checksum", gho));
  // The same random part and checksum under the other checksummed prefixes.
  for (const char* prefix : {"ghu_", "ghs_", "ghr_"}) {
    CHECK(RunNamed("github-checksum", prefix + ghp.substr(4)));
  }
  RequireEveryEditFails("github-checksum", ghp, 4);
  RequireEveryEditFails("github-checksum", gho, 4);
}

TEST_CASE("github-checksum refuses malformed tokens", "[scanner]") {
  const std::string ghp = "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";
  CHECK_FALSE(RunNamed("github-checksum", ghp.substr(0, ghp.size() - 1)));
  CHECK_FALSE(RunNamed("github-checksum", ghp + "0"));
  CHECK_FALSE(RunNamed("github-checksum", "ghx_" + ghp.substr(4)));
  CHECK_FALSE(RunNamed("github-checksum", "npm_" + ghp.substr(4)));
  CHECK_FALSE(RunNamed("github-checksum", "ghp_" + std::string(36, '0')));
  CHECK_FALSE(RunNamed("github-checksum", ""));
  // A checksum that is right only if non-alphanumerics were skipped.
  std::string with_dash = ghp;
  with_dash[10] = '-';
  CHECK_FALSE(RunNamed("github-checksum", with_dash));
}

TEST_CASE("github-checksum checks the shape of fine-grained tokens", "[scanner]") {
  const std::string pat =
      "github_pat_eGzMcNU77sVTUUJ596lLlG_"
      "UriAX1DyyXN9iYw1mXJft5isGXNwAMnEYYnWLeEdpomsCpFqPlpECXVMk11";
  CHECK(RunNamed("github-checksum", pat));
  CHECK_FALSE(RunNamed("github-checksum", pat.substr(0, pat.size() - 1)));
  CHECK_FALSE(RunNamed("github-checksum", pat + "x"));
  std::string moved = pat;
  std::swap(moved[33], moved[34]);  // the '_' separator must follow exactly 22 characters
  CHECK_FALSE(RunNamed("github-checksum", moved));
  std::string bad_char = pat;
  bad_char[50] = '+';
  CHECK_FALSE(RunNamed("github-checksum", bad_char));
}

TEST_CASE("npm-checksum uses the same scheme with the npm_ prefix", "[scanner]") {
  const std::string npm = "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";
  const std::string npm_padded = "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";
  CHECK(RunNamed("npm-checksum", npm));
  CHECK(RunNamed("npm-checksum", npm_padded));
  RequireEveryEditFails("npm-checksum", npm, 4);
  CHECK_FALSE(RunNamed("npm-checksum", "ghp_" + npm.substr(4)));
  CHECK_FALSE(RunNamed("npm-checksum", npm.substr(0, 39)));
  // The GitHub validator does not accept npm tokens and vice versa.
  CHECK_FALSE(RunNamed("github-checksum", npm));
  CHECK_FALSE(RunNamed("npm-checksum", "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"));
}

// {"alg":"HS256","typ":"JWT"} . {"sub":"1234567890","name":"magpie test","iat":1700000000}
constexpr char kJwtHeader[] = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";
constexpr char kJwtPayload[] =
    "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6Im1hZ3BpZSB0ZXN0IiwiaWF0IjoxNzAwMDAwMDAwfQ";
constexpr char kJwtSignature[] = "j_GEY7DksropcDR08GSsaPcA9bArPcZm9FveqizK7c0";

std::string Jwt(const std::string& header, const std::string& payload,
                const std::string& signature) {
  return header + "." + payload + "." + signature;
}

TEST_CASE("jwt accepts a signed token with JSON header and payload", "[scanner]") {
  CHECK(RunNamed("jwt", Jwt(kJwtHeader, kJwtPayload, kJwtSignature)));
}

TEST_CASE("jwt refuses tokens that are not three JSON-bearing base64url parts", "[scanner]") {
  const std::string h = kJwtHeader, p = kJwtPayload, s = kJwtSignature;
  CHECK_FALSE(RunNamed("jwt", h + "." + p));
  CHECK_FALSE(RunNamed("jwt", Jwt(h, p, s) + ".x"));
  CHECK_FALSE(RunNamed("jwt", Jwt(h, p, "")));  // unsigned: nothing to steal
  CHECK_FALSE(RunNamed("jwt", Jwt("", p, s)));
  CHECK_FALSE(RunNamed("jwt", Jwt("eyJ0eXAiOiJKV1QifQ", p, s)));   // {"typ":"JWT"}: no alg
  CHECK_FALSE(RunNamed("jwt", Jwt(h, "WzEsMl0", s)));              // payload [1,2]
  CHECK_FALSE(RunNamed("jwt", Jwt("eyJhbGciOiJIUzI1NiI", p, s)));  // {"alg":"HS256" cut
  CHECK_FALSE(RunNamed("jwt", Jwt(h, p, "j/GEY7Dk")));  // standard alphabet in a part
  CHECK_FALSE(RunNamed("jwt", Jwt(h, p, "abcde")));     // 4n+1 characters
  CHECK_FALSE(RunNamed("jwt", Jwt(h + "!", p, s)));
}

std::string Pem(const std::string& label, const std::string& body) {
  return "-----BEGIN " + label + "-----\n" + body + "-----END " + label + "-----\n";
}

// A throwaway Ed25519 key in PKCS#8: 48 bytes, the smallest real private key.
constexpr char kEd25519Body[] =
    "MC4CAQAwBQYDK2VwBCIEIJ4Vj2HB9zmOpRn/G1CkaOsOVl+FiU9Xrl9z1ZLotfII\n";
constexpr char kEcBody[] =
    "MHcCAQEEIO024ORVlXzFnSaHnAFLLZZDx41cs2L6h5SvA98u2tPLoAoGCCqGSM49\n"
    "AwEHoUQDQgAEj8Tn28w4AU54dEPKGBjqfriHnbqNqz+xQDeyo6h9UiAt4QqjxZUT\n"
    "5+zEMgyJphWNXgLQTJNrIhA9oBFyyuHsVg==\n";
constexpr char kOpensshBody[] =
    "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
    "QyNTUxOQAAACDx4RQ+SKktNXbyY9pV/+DnN8XBozCsTloRYKxPAGPJJQAAAJCx29UhsdvV\n"
    "IQAAAAtzc2gtZWQyNTUxOQAAACDx4RQ+SKktNXbyY9pV/+DnN8XBozCsTloRYKxPAGPJJQ\n"
    "AAAED++twsDe0yPKqr/B9TH/cv9ZaPR2w7P8crkWuAD5yBZfHhFD5IqS01dvJj2lX/4Oc3\n"
    "xcGjMKxOWhFgrE8AY8klAAAAC21hZ3BpZS10ZXN0AQI=\n";
// Legacy encrypted PEM: headers, a blank line, then ciphertext (random bytes here).
constexpr char kEncryptedBody[] =
    "Proc-Type: 4,ENCRYPTED\n"
    "DEK-Info: AES-128-CBC,0123456789ABCDEF0123456789ABCDEF\n"
    "\n"
    "eUK98iEG8IR3YvDzy012TccHIFEVmg+J8sbayuNEuzESRf1vhN+a18Wz0HasDo9T\n"
    "pzVsiJE/IPb3LbAi0k0KltrUPBYXwamOeBKeAyc3EGXQlYZPFa2guEbBwOvFNIrc\n";

TEST_CASE("pem accepts private key blocks", "[scanner]") {
  CHECK(RunNamed("pem", Pem("PRIVATE KEY", kEd25519Body)));
  CHECK(RunNamed("pem", Pem("EC PRIVATE KEY", kEcBody)));
  CHECK(RunNamed("pem", Pem("OPENSSH PRIVATE KEY", kOpensshBody)));
  CHECK(RunNamed("pem", Pem("RSA PRIVATE KEY", kEncryptedBody)));
  // CRLF line ends, and a key pasted into a JSON string with "\n" escapes.
  std::string crlf;
  std::string escaped;
  for (char c : Pem("EC PRIVATE KEY", kEcBody)) {
    crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    escaped += c == '\n' ? std::string("\\n") : std::string(1, c);
  }
  REQUIRE(escaped.find('\n') == std::string::npos);
  CHECK(RunNamed("pem", crlf));
  CHECK(RunNamed("pem", escaped));
}

TEST_CASE("pem refuses placeholders, public keys and broken blocks", "[scanner]") {
  CHECK_FALSE(RunNamed("pem", Pem("RSA PRIVATE KEY", "MIIEpAIBAAKCAQEA...\n")));
  CHECK_FALSE(RunNamed("pem", Pem("RSA PRIVATE KEY", "\n")));
  // 31 bytes of DER-looking data: shorter than any real key.
  CHECK_FALSE(
      RunNamed("pem", Pem("PRIVATE KEY", "MHma34SbrQXUoQrARB6q7rS0jvoLHwq9gOmYo1q6Xg==\n")));
  // Long enough, but not DER (no SEQUENCE tag) and not marked encrypted.
  CHECK_FALSE(RunNamed(
      "pem", Pem("PRIVATE KEY",
                 "BKC9h5nBNQ1DnnGJeqdf3jE0pKpy4FYorG/minM9EWGhXY6uK7BC15WK7bHVlNbREtNPZgL03nEQ6"
                 "ZOudCKSPX0XEWXcGQY=\n")));
  // A DER key under the OpenSSH label lacks the openssh-key-v1 magic.
  CHECK_FALSE(RunNamed("pem", Pem("OPENSSH PRIVATE KEY", kEcBody)));
  CHECK_FALSE(RunNamed("pem", Pem("PUBLIC KEY", kEcBody)));
  CHECK_FALSE(RunNamed("pem", Pem("CERTIFICATE", kEcBody)));
  // Mismatched or missing end line.
  CHECK_FALSE(RunNamed("pem", "-----BEGIN EC PRIVATE KEY-----\n" + std::string(kEcBody) +
                                      "-----END RSA PRIVATE KEY-----\n"));
  CHECK_FALSE(RunNamed("pem", "-----BEGIN EC PRIVATE KEY-----\n" + std::string(kEcBody)));
  std::string corrupt = Pem("EC PRIVATE KEY", kEcBody);
  corrupt[40] = '*';
  CHECK_FALSE(RunNamed("pem", corrupt));
}

TEST_CASE("pypi-macaroon accepts macaroons located at pypi.org", "[scanner]") {
  // v2 macaroons: version 2, location field "pypi.org" / "test.pypi.org", identifier, signature.
  CHECK(RunNamed("pypi-macaroon",
                     "pypi-AgEIcHlwaS5vcmcCCG1hZ3BpZWlkAAAGICtRV0EOTe5K8rNPQwoHNEfeY2wOgGyVe6aE1kMf"
                     "terX"));
  CHECK(RunNamed("pypi-macaroon",
                     "pypi-AgENdGVzdC5weXBpLm9yZwIIbWFncGllaWQAAAYgQk0J4V0CTFhI8j0fpvc2HX9hjRUy5w4g"
                     "4qZmjef0foQ"));
}

TEST_CASE("pypi-macaroon refuses other locations and non-macaroons", "[scanner]") {
  // Location evil.org.
  CHECK_FALSE(RunNamed("pypi-macaroon",
                           "pypi-AgEIZXZpbC5vcmcCCG1hZ3BpZWlkAAAGIGflRtU-yOKhJXvbJWybPk-7SYFG73Awy_"
                           "lTclLczq3X"));
  // Version byte 1 although the location is pypi.org.
  CHECK_FALSE(
      RunNamed("pypi-macaroon",
                   "pypi-AQEIcHlwaS5vcmcAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
  // Location field cut short: length 8 but only "pypi.or" follows.
  CHECK_FALSE(RunNamed("pypi-macaroon", "pypi-AgEIcHlwaS5vcg"));
  CHECK_FALSE(RunNamed("pypi-macaroon", "pypi-"));
  CHECK_FALSE(RunNamed("pypi-macaroon", "pypi-AgEIcHlwaS5vcm*"));
  CHECK_FALSE(RunNamed("pypi-macaroon", "AgEIcHlwaS5vcmcCCG1hZ3BpZWlk"));
}

TEST_CASE("unknown validator names and empty secrets are refused", "[scanner]") {
  CHECK_FALSE(RunNamed("luhn", "4111111111111111"));
  CHECK_FALSE(RunNamed("", "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"));
  CHECK_FALSE(RunValidator(rules::Validator::kNone, "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"));
  for (const rules::Validator validator : rules::kKnownValidators) {
    INFO(rules::ToString(validator));
    CHECK_FALSE(RunValidator(validator, ""));
  }
}

TEST_CASE("DecodeBase64 decodes RFC 4648 test vectors with or without padding", "[scanner]") {
  const std::pair<const char*, const char*> vectors[] = {{"", ""},
                                                         {"Zg==", "f"},
                                                         {"Zm8=", "fo"},
                                                         {"Zm9v", "foo"},
                                                         {"Zm9vYg==", "foob"},
                                                         {"Zm9vYmE=", "fooba"},
                                                         {"Zm9vYmFy", "foobar"}};
  for (const auto& [encoded, decoded] : vectors) {
    INFO(encoded);
    CHECK(DecodeBase64(encoded, Base64Alphabet::kStandard) == std::string(decoded));
    std::string unpadded = encoded;
    while (!unpadded.empty() && unpadded.back() == '=') unpadded.pop_back();
    CHECK(DecodeBase64(unpadded, Base64Alphabet::kStandard) == std::string(decoded));
  }
}

TEST_CASE("DecodeBase64 honours the alphabet and refuses malformed input", "[scanner]") {
  // 0xfb 0xff 0xbf encodes as "+/+/" in standard and "-_-_" in URL-safe base64.
  const std::string bytes = "\xfb\xff\xbf";
  CHECK(DecodeBase64("+/+/", Base64Alphabet::kStandard) == bytes);
  CHECK(DecodeBase64("-_-_", Base64Alphabet::kUrl) == bytes);
  CHECK(DecodeBase64("-_+/", Base64Alphabet::kEither) == bytes);
  CHECK_FALSE(DecodeBase64("-_-_", Base64Alphabet::kStandard));
  CHECK_FALSE(DecodeBase64("+/+/", Base64Alphabet::kUrl));
  CHECK(DecodeBase64("-_-_", true) == bytes);
  CHECK_FALSE(DecodeBase64("-_-_", false));

  CHECK_FALSE(DecodeBase64("Zm9vY", Base64Alphabet::kEither));     // 4n+1 characters
  CHECK_FALSE(DecodeBase64("Zg=", Base64Alphabet::kEither));       // padding to 3, not 4
  CHECK_FALSE(DecodeBase64("Zm9v====", Base64Alphabet::kEither));  // padding where none fits
  CHECK_FALSE(DecodeBase64("Zg=a", Base64Alphabet::kEither));      // '=' inside
  CHECK_FALSE(DecodeBase64("Zm9v Yg", Base64Alphabet::kEither));   // whitespace
  CHECK_FALSE(DecodeBase64("Zm9v\nYg", Base64Alphabet::kEither));
}

}  // namespace
}  // namespace magpie::scanner

TEST_CASE("issue 12: the documented-example list matches vendors' published values only",
          "[scanner][issue12]") {
  using magpie::scanner::IsDocumentedExample;
  CHECK(IsDocumentedExample("AKIAIOSFODNN7EXAMPLE"));
  CHECK(IsDocumentedExample("sk_test_4eC39HqLyjWDarjtT1zdp7dc"));
  CHECK(IsDocumentedExample("sk_test_BQokikJOvBiI2HlWgH4olfQ2:"));  // as curl -u writes it
  CHECK_FALSE(IsDocumentedExample("sk_test_4eC39HqLyjWDarjtT1zdp7dd"));
  CHECK_FALSE(IsDocumentedExample("sk_test_4eC39HqLyjWDarjtT1zdp7d"));  // a prefix is not it
  CHECK_FALSE(IsDocumentedExample(""));
}

TEST_CASE("issue 12: sample passwords are recognised also in leetspeak", "[scanner][issue12]") {
  using magpie::scanner::IsWordPassword;
  CHECK(IsWordPassword("p4ssw0rd"));
  CHECK(IsWordPassword("Pa55worD"));
  CHECK(IsWordPassword("S3cretP@ssw0rd!"));
  CHECK(IsWordPassword("alicespassword"));
  CHECK(IsWordPassword("Ch4ngeMe"));
  CHECK_FALSE(IsWordPassword("Tq8vZ3nLp2Wx9KrB"));
  CHECK_FALSE(IsWordPassword("alone-in-the-dark"));
  CHECK(magpie::scanner::IsDocumentedExample("mF_9.B5f-4.1JqM"));  // RFC 6750's Bearer token
}

TEST_CASE("issue 12: a PEM key split across string literals validates", "[scanner][issue12]") {
  using magpie::rules::Validator;
  using magpie::scanner::RunValidator;
  const std::string body = "MC4CAQAwBQYDK2VwBCIEIGtc4dYqAXtWZxMAmn4YqHoyO5qXLhuqcY3Q4hG7Tl5N";
  const std::string js = "-----BEGIN PRIVATE KEY-----\\n\" +\n  \"" + body.substr(0, 32) +
                         "\" +\n  \"" + body.substr(32) + "\\n\" +\n  \"-----END PRIVATE KEY-----";
  CHECK(RunValidator(Validator::kPem, js));
  // The `+` between the literals is an operator: read as base64 it would spoil the body.
  const std::string python = "-----BEGIN PRIVATE KEY-----\\n'\n  '" + body + "\\n'\n  '-----END PRIVATE KEY-----";
  CHECK(RunValidator(Validator::kPem, python));
  CHECK_FALSE(RunValidator(Validator::kPem,
                           "-----BEGIN PRIVATE KEY-----\\n\" +\n  \"MIIE...\\n\" +\n  \"-----END PRIVATE KEY-----"));
}

TEST_CASE("issue 12: a long random token that holds a sample word is no sample password",
          "[scanner][issue12]") {
  using magpie::scanner::IsWordPassword;
  // Statsig's and Ecwid's formats start with `secret-`/`secret_`: merged with the word filter,
  // their rules found nothing.
  CHECK_FALSE(IsWordPassword("secret-UA1xNypPVwJ7H75hSbOu3zI1CZzA4hpo3I0fW8dqB4c"));
  CHECK_FALSE(IsWordPassword("secret_bw8pwpKkII9L2cfLoyZYnLxxM5LuD68x"));
  CHECK(IsWordPassword("MySecretPassword2024!"));
}
