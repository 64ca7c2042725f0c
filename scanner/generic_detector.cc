#include "scanner/generic_detector.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <optional>
#include <string>

#include "scanner/base64.h"
#include "scanner/validators.h"

namespace magpie::scanner::internal {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Key names that hold the keyword but name something other than a secret value.
bool IsNonSecretKey(std::string_view key) {
  static constexpr std::array<std::string_view, 19> kWords = {
      "author", "passeng", "bypass", "compass", "passage", "passive",
      "passthrough", "pass_through", "tokeniz", "token_type", "tokentype", "secretname",
      "checksum", "digest", "sha256", "passing", "passed", "passes",
      "rspauth"};
  for (std::string_view w : kWords) {
    if (Contains(key, w)) return true;
  }
  static constexpr std::array<std::string_view, 38> kSuffixes = {
      "name", "type", "file", "path", "dir", "url", "uri", "length", "len", "size",
      "count", "field", "label", "prompt", "hint", "policy", "format", "pattern", "regex",
      "header", "hash", "version", "expiry", "expires", "expiration", "timeout", "ttl",
      "enabled", "mode", "endpoint", "key_id", "keyid", "domain", "host", "hostname",
      "server", "issuer", "audience"};
  for (std::string_view s : kSuffixes) {
    if (EndsWith(key, s)) return true;
  }
  return false;
}

// `%s`, `%(name)s`, `%-8d`, `%{VAR}`, `%APPDATA%`: a printf or template directive, or a
// Windows variable, at the start of the value. A password that merely opens with `%`
// (`%Ww6eUd13u…`) is none of these.
bool IsFormatDirective(std::string_view lower_value) {
  if (lower_value.size() < 2 || lower_value[0] != '%') return false;
  if (std::string_view("%({").find(lower_value[1]) != std::string_view::npos) return true;
  // printf: flags, width, precision, then a conversion (`%-24s`, `%08.3f`, `%*d`).
  size_t at = 1;
  while (at < lower_value.size() && std::string_view("-+ #0").find(lower_value[at]) !=
                                        std::string_view::npos) {
    ++at;
  }
  while (at < lower_value.size() &&
         (std::isdigit(static_cast<unsigned char>(lower_value[at])) || lower_value[at] == '*' ||
          lower_value[at] == '.')) {
    ++at;
  }
  if (at < lower_value.size() &&
      std::string_view("sdifuxegcpol").find(lower_value[at]) != std::string_view::npos) {
    return true;
  }
  size_t end = 1;
  while (end < lower_value.size() &&
         (std::isalnum(static_cast<unsigned char>(lower_value[end])) || lower_value[end] == '_')) {
    ++end;
  }
  if (end == 1 || end >= lower_value.size() || lower_value[end] != '%') return false;
  // `%APPDATA%` alone or opening a path; `%Ww6eUd13u%MB0M…` goes on and is a password.
  return end + 1 == lower_value.size() || lower_value[end + 1] == '\\' ||
         lower_value[end + 1] == '/';
}

// Placeholders, documentation values and indirections (env and secret-manager lookups).
bool IsPlaceholder(std::string_view lower_value) {
  static constexpr std::array<std::string_view, 34> kMarkers = {
      "xxxx", "****", "....", "example", "changeme", "change_me", "change-me", "your",
      "placeholder", "dummy", "sample", "redacted", "insert", "replace", "todo", "fixme",
      "here", "fake", "test", "password", "secret", "token", "${", "{{", "}}", "%(", "$(",
      "getenv", "environ", "://", "pass", "auth", "::", "credential"};
  for (std::string_view m : kMarkers) {
    if (Contains(lower_value, m)) return true;
  }
  static constexpr std::array<std::string_view, 11> kPrefixes = {
      "$", "env.", "env:", "process.", "os.", "secrets.", "vault:", "ref+", "arn:", "@",
      "//"};
  for (std::string_view p : kPrefixes) {
    if (lower_value.substr(0, p.size()) == p) return true;
  }
  return IsFormatDirective(lower_value);
}

// `config.db.password`, `settings.API_KEY`: a dotted path of identifiers, not a value.
bool IsDottedIdentifier(std::string_view v) {
  bool saw_dot = false;
  bool at_part_start = true;
  for (char c : v) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == '.') {
      if (at_part_start) return false;
      saw_dot = true;
      at_part_start = true;
      continue;
    }
    if (at_part_start && !(std::isalpha(u) || c == '_')) return false;
    if (!(std::isalnum(u) || c == '_')) return false;
    at_part_start = false;
  }
  return saw_dot && !at_part_start;
}

// `acme-web-prod.firebaseapp.com`: a host name, not a secret.
bool IsHostName(std::string_view v) {
  int dots = 0;
  for (char c : v) {
    if (c == '.') {
      ++dots;
    } else if (!(std::islower(static_cast<unsigned char>(c)) ||
                 std::isdigit(static_cast<unsigned char>(c)) || c == '-')) {
      return false;
    }
  }
  return dots >= 2;
}

bool IsIdentifier(std::string_view v) {
  if (v.empty() || !(std::isalpha(static_cast<unsigned char>(v[0])) || v[0] == '_')) return false;
  for (char c : v) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  }
  return true;
}

// `__NL80211_AUTHTYPE_NUM`, `MAX_RETRIES`, `*TRUSTED_DELEGATOR*`: a constant's name (or a
// glob of one).
bool IsConstantName(std::string_view v) {
  while (!v.empty() && v.front() == '*') v.remove_prefix(1);
  while (!v.empty() && v.back() == '*') v.remove_suffix(1);
  bool underscore = false;
  for (char c : v) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == '_') {
      underscore = true;
    } else if (!(std::isupper(u) || std::isdigit(u))) {
      return false;
    }
  }
  return underscore;
}

bool IsUuid(std::string_view v) {
  if (v.size() != 36) return false;
  for (size_t i = 0; i < v.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash != (v[i] == '-')) return false;
    if (!dash && !std::isxdigit(static_cast<unsigned char>(v[i]))) return false;
  }
  return true;
}

// Runs like "123456" or "abcdef" betray keyboard or sequence placeholders.
bool HasSequentialRun(std::string_view v, size_t run) {
  size_t length = 1;
  for (size_t i = 1; i < v.size(); ++i) {
    length = (v[i] == v[i - 1] + 1) ? length + 1 : 1;
    if (length >= run) return true;
  }
  return false;
}

// Names of hash, cipher, MAC, KDF, signature and SASL algorithms and modes: the vocabulary of
// values such as `argon2id`, `aes-256-gcm`, `HS512`, `CRAM-MD5`, `PBKDF2WithHmacSHA256`.
constexpr std::array<std::string_view, 62> kAlgorithmWords = {
    "argon2id", "argon2i", "argon2d", "argon2", "bcrypt", "scrypt", "pbkdf2", "pbkdf", "crypt",
    "sha512", "sha384", "sha256", "sha224", "sha3", "sha1", "sha", "ssha", "md5", "md4",
    "hmac", "with", "aes", "des", "3des", "gcm", "cbc", "ctr", "ecb", "cfb", "ofb", "ccm",
    "siv", "chacha20", "poly1305", "xchacha20", "blake2b", "blake2s", "blake3", "rsa", "oaep",
    "pss", "ecdsa", "ecdh", "ed25519", "ed448", "x25519", "hs", "rs", "es", "ps", "cram",
    "scram", "digest", "plain", "login", "ntlm", "gssapi", "xoauth2", "oauthbearer", "kerberos",
    "anonymous", "none"};

// True when `lower` (lower-case) is made only of algorithm words and digit runs, split at
// any punctuation: `aes-256-gcm`, `sha512_crypt`, `pbkdf2withhmacsha256`. Needs one word.
bool IsAlgorithmName(std::string_view lower) {
  if (lower.size() > 64) return false;
  // reachable[i]: lower[0, i) splits into words, digit runs and separators.
  std::array<bool, 65> reachable{};
  std::array<bool, 65> saw_word{};
  reachable[0] = true;
  for (size_t i = 0; i < lower.size(); ++i) {
    if (!reachable[i]) continue;
    const unsigned char c = static_cast<unsigned char>(lower[i]);
    if (!std::isalnum(c)) {
      reachable[i + 1] = true;
      saw_word[i + 1] = saw_word[i + 1] || saw_word[i];
      continue;
    }
    if (std::isdigit(c)) {
      size_t j = i;
      while (j < lower.size() && std::isdigit(static_cast<unsigned char>(lower[j]))) ++j;
      reachable[j] = true;
      saw_word[j] = saw_word[j] || saw_word[i];
    }
    for (std::string_view w : kAlgorithmWords) {
      if (lower.compare(i, w.size(), w) == 0) {
        reachable[i + w.size()] = true;
        saw_word[i + w.size()] = true;
      }
    }
  }
  return reachable[lower.size()] && saw_word[lower.size()];
}

// `2002-04-18T16:56:53Z`: an ISO 8601 date or timestamp (SAML `AuthenticationInstant`).
bool IsIsoDate(std::string_view v) {
  if (v.size() < 10 || v[4] != '-' || v[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(v[i]))) return false;
  }
  return true;
}

// Shell and Perl interpolation: `$FROM_EMAIL`, `${VAR}`, `$(cmd)`. An upper-case run that
// goes on in lower case (`vaDp$MfcLhDG#77`, a password) names no variable.
bool HasInterpolation(std::string_view value) {
  for (size_t i = 0; i + 1 < value.size(); ++i) {
    if (value[i] != '$') continue;
    const char n = value[i + 1];
    if (n == '{' || n == '(') return true;
    if (!std::isupper(static_cast<unsigned char>(n))) continue;
    size_t end = i + 1;
    while (end < value.size() && (std::isupper(static_cast<unsigned char>(value[end])) ||
                                  std::isdigit(static_cast<unsigned char>(value[end])) ||
                                  value[end] == '_')) {
      ++end;
    }
    if (end == value.size() || !std::islower(static_cast<unsigned char>(value[end]))) return true;
  }
  return false;
}

// `Credential=xxx/20240101/…`: a part of the value that is a run of x's is a placeholder.
bool HasPlaceholderPart(std::string_view lower) {
  size_t part_start = 0;
  for (size_t i = 0; i <= lower.size(); ++i) {
    if (i < lower.size() && std::isalnum(static_cast<unsigned char>(lower[i]))) continue;
    const std::string_view part = lower.substr(part_start, i - part_start);
    if (part.size() >= 3 && part.find_first_not_of('x') == std::string_view::npos) return true;
    part_start = i + 1;
  }
  return false;
}

bool HasDigitAndBothCases(std::string_view v) {
  bool digit = false, lower = false, upper = false;
  for (char c : v) {
    const unsigned char u = static_cast<unsigned char>(c);
    digit |= std::isdigit(u) != 0;
    lower |= std::islower(u) != 0;
    upper |= std::isupper(u) != 0;
  }
  return digit && lower && upper;
}

// `meta:auth:krb5:conn`: a colon-separated name (a key path, a URN part), not a value.
bool IsColonPath(std::string_view v) {
  if (v.find(':') == std::string_view::npos) return false;
  size_t part_start = 0;
  for (size_t i = 0; i <= v.size(); ++i) {
    if (i < v.size() && v[i] != ':') continue;
    const std::string_view part = v.substr(part_start, i - part_start);
    if (part.empty() || !std::islower(static_cast<unsigned char>(part[0]))) return false;
    for (char c : part) {
      if (!(std::islower(static_cast<unsigned char>(c)) ||
            std::isdigit(static_cast<unsigned char>(c)) || c == '_' || c == '-')) {
        return false;
      }
    }
    part_start = i + 1;
  }
  return true;
}

// `AKID/20240101/us-east-1/s3/aws4_request`: an AWS Signature V4 credential scope (key id,
// date, region, service), which is sent in the clear; the secret never appears in it.
bool IsSigV4Scope(std::string_view lower) {
  return EndsWith(lower, "_request") && std::count(lower.begin(), lower.end(), '/') >= 4;
}

// `credential=YS1naXQtdG9rZW4=`: base64 of text that is itself a placeholder
// ("a-git-token", "joe:secret").
bool IsBase64OfPlaceholder(std::string_view value) {
  if (value.size() < 12) return false;
  const std::optional<std::string> text = DecodeBase64(value, Base64Alphabet::kEither);
  if (!text || text->size() < 6) return false;
  for (const char c : *text) {
    if (c < 0x20 || c > 0x7e) return false;
  }
  const std::string lower = Lower(*text);
  return IsPlaceholder(lower) || IsWordPassword(lower);
}

}  // namespace

rules::RuleSpec GenericRuleSpec() {
  rules::RuleSpec spec;
  spec.id = std::string(rules::kGenericRuleId);
  spec.name = "Generic secret assignment";
  spec.description =
      "A high-entropy value assigned to a key that names a password, secret, token or API key. "
      "Built into magpie; thresholds per alphabet are documented in docs/rules.md.";
  // Groups: 1 the key, 2 to 5 the opening quote (one per form), 6 the value. Forms:
  //  - a call's key and value arguments: `getenv("K", "v")`, `setdefault`, `getOrDefault`,
  //    PHP `define('K', 'v')`;
  //  - a user and password pair: `auth=("admin", "…")`, `HTTPBasicAuth("admin", "…")`;
  //  - an assignment, optionally after a closing quote or bracket (`$config['k'] = …`,
  //    `ENV["K"] ||= …`) and a type (`password: str = …`, `var pwd string = …`,
  //    `let k: &'static str = …`), with `=`, `:`, `:=`, `=>`, `==`, `||=`, `??`, `||`, `|`
  //    (Markdown table cells) or `>` (`<password>…`), `key="K" value="V"` (XML appSettings),
  //    `char key[] = …`, Go's `[]byte("…")`, and a quote escaped inside a JSON string (a
  //    notebook cell's source);
  //  - `#define KEY "…"`.
  // The value repeat is unbounded: a {8,200} bound would multiply RE2's program size; the
  // length cap is applied in AcceptGenericCandidate instead.
  spec.pattern =
      "(?i)((?:passw(?:or)?d|pass|pwd|secret|token|api[_.-]?key|apikey|access[_.-]?key|"
      "auth[_.-]?key|private[_.-]?key|client[_.-]?secret|credentials?|signing[_.-]?key|"
      "encryption[_.-]?key|master[_.-]?key|auth)[a-z0-9_.-]{0,30})(?:\\[\\])?"
      "(?:[\"'][ \\t]{0,8},[ \\t]{0,32}([\"'])"
      "|[ \\t]{0,8}=?[ \\t]{0,8}\\([ \\t]{0,8}[\"'][^\"'\\s]{1,64}[\"'][ \\t]{0,8},[ \\t]{0,32}([\"'])"
      "|(?:(?:[ \\t]{0,8}:[ \\t]{0,8}|[ \\t]{1,8})&?(?:'static[ \\t]+)?[a-z_][a-z0-9_.]{0,30}\\??"
      "[ \\t]{0,8}="
      "|[\"'`]?\\]?(?:[ \\t]+value)?[ \\t]{0,32}(?::=|=>|==|\\|\\|=|\\?\\?|\\|\\||=|:|>|[ \\t]\\|[ \\t]))"
      "[ \\t]{0,32}(?:\\[\\]byte\\()?\\\\?([\"'`]?)"
      "|[ \\t]{1,32}(\"))"
      "([^\\s\"'`,<>{}\\[\\]\\\\|]{8,})";
  spec.secret_group = 6;
  spec.keywords = {"password", "secret", "token", "key", "auth"};
  spec.severity = rules::Severity::kMedium;
  spec.confidence = rules::Confidence::kLow;
  spec.references = {"https://cwe.mitre.org/data/definitions/798.html"};
  spec.examples = {
      "DB_PASSWORD=q8Vn2rLx7TfK9mWz",
      "#define WIFI_PASSWORD \"L3yIKQeb7wTn5E9L\"",
      "<add key=\"SmtpPassword\" value=\"Ik4VEIsPclb6uZwiWQ\" />",
      "api_key: \"4f9c2a7d1e8b3f60a5c4e2d9b7f1a3c8\"",
      "clientSecret = 'Zr7kP2qW9xLm4Tv8Nb3Hs6Jd'",
      // Issue 12: typed assignments, env fallbacks and setters, PHP, tables, JSON-in-JSON.
      "    password: str = \"Tq8vZ3nLp2Wx9KrB\"",
      "export const mapsApiKey: string = \"Hk3Jd8Lq2Vn7Pz4Rx9TmQ2\";",
      "var dbPassword string = \"Mn4Bv7Cx2Zl9Kq3W\"",
      "    val paymentSecretKey: String = \"Rt5Yh8Uj3Ik6Ol9Pq2Ws\"",
      "pub static SIGNING_KEY: &'static str = \"Qp9Wo8Ei7Ru6Ty5Ap4Sd\";",
      "DB_PASS = os.getenv(\"BILLING_DB_PASS\", \"Lk8Jh7Gf6Ds5Az4Xq3W\")",
      "os.environ.setdefault(\"LEDGER_API_TOKEN\", \"Zx7Cv6Bn5Mq4Wl3Ek2R\")",
      "ENV[\"PAYMENT_GATEWAY_SECRET\"] ||= \"Po9Iu8Yt7Re6Wq5As4Df\"",
      "const t = process.env.SERVICE_TOKEN ?? \"Yh6Tg5Rf4Ed3Ws2Qa1Zx\";",
      "return System.getenv().getOrDefault(\"DB_PASSWORD\", \"Cd3Fv4Gb5Hn6Jm7Kl8Qw\");",
      "resp = requests.get(url, auth=(\"admin\", \"Pk8Jh7Gf6Ds5Az4Xq3Wz\"))",
      "define('MAILER_API_SECRET', 'Ik8Ol9Pa1Sd2Fg3Hj4Km');",
      "$config['smtp_pass'] = 'Zq1Xw2Ce3Vr4Bt5Ny6Mu';",
      "| `DB_PASSWORD` | `Ty6Gh7Jk8Lm9Np1Qr2St` | reporting database |",
      "  \"VENDOR_API_KEY = \\\"Hk3Jd8Lq2Vn7Pz4Rx9TmQ2\\\"\\n\",",      // Issue 12 (audit): a `$`, `*` or `%` inside or opening a literal password.
      "password=vaDp$MfcLhDG#77",
      "mail.smtp.password = *045%ZQga1cNhdo",
      "| SFTP drop | secret: %Ww6eUd13u%MB0MtT |",
  };
  spec.negative_examples = {
      "password = os.environ['DB_PASSWORD']",
      "api_key: ${API_KEY}",
      "token = \"your_api_token_here\"",
      "secret: xxxxxxxxxxxxxxxx",
      "password_file = /run/secrets/db_password",
      "token = config.auth.token",
      "apiKey = getApiKey(request)",
      "session_token: 123e4567-e89b-12d3-a456-426614174000",
      "password: aaaaaaaaaaaa",
      "authDomain: \"acme-web-prod.firebaseapp.com\"",
      "checksum/secret: c2182dc70dca1a004fd45c537b212151da652a51a5b1c876049ded0f3e0a9d1e",
      "--secret=orders-api-key",
      "typename PassMapT::const_iterator PI = Passes.find(ID);",
      "using PassConceptT = detail::PassConcept<Function, Manager>;",
      "#define LN_auth_gost01          \"auth-gost01\"",
      "NL80211_AUTHTYPE_MAX = __NL80211_AUTHTYPE_NUM - 1,",
      "random_device(const std::string& __token = \"/dev/urandom\")",
      "auto& pass1 = *alloc.new_object<start_pass1_type>(root);",
      // Issue 12: algorithm and mode names, placeholders, C member access, SASL mechanisms.
      "password_hash_algorithm = argon2id",
      "encryption_cipher: aes-256-gcm",
      "jwt_secret_algorithm: HS512",
      "jwt.secret.algorithm=HmacSHA512",
      "secret_key_algorithm = PBKDF2WithHmacSHA256",
      "passlib_scheme = pbkdf2_sha256",
      "AUTH=CRAM-MD5",
      "#define SASL_AUTH_MECH \"SCRAM-SHA-512\"",
      "SLACK_TOKEN=xoxb-your-token",
      "api_token: <token>",
      "GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}",
      "password: \"{{ .Values.postgresql.auth.password }}\"",
      "client_secret = token_data->client_id2;",
      "  oauth_token_data->client_id_b64;",
      "UserEncPass := sEntry^.sp_pwdp;",
      "<AuthenticationStatement AuthenticationInstant=\"2002-04-18T16:56:53Z\">",
      "Authorization: AWS4-HMAC-SHA256 Credential=xxx/20240101/us-east-1/s3/aws4_request",
      "CACHE_TOKEN = os.environ.get(\"CACHE_TOKEN\", \"\")",
      "const fallback = process.env.FALLBACK_TOKEN ?? \"\";",
      "HASH_ALGORITHM: str = \"argon2id\"",
      "export const jwtAlgorithm: string = \"HS512\";",
      "| `API_TOKEN` | `<token>` | from the console |",
      "flags = TOKEN_FLAG_READ | TOKEN_FLAG_WRITE;",
      ":param Ed25519PrivateKey|Ed25519PublicKey|Ed448PrivateKey|Ed448PublicKey key:",
      "'VTInt32Size', '_CFHTTPAuthentication', '_GLKMatrix2', '_GLKMatrix3',",
      "oauth_token_secret=qwe089234lkjsdf&oauth_callback_confirmed=true&my_specific=argument",
      "  \"api_key = os.environ[\\\"API_KEY\\\"]\\n\",",
      // Issue 12: noise measured on git/git, curl and /usr/share/doc.
      "    pass = p4ssw0rd",
      "curl --oauth2-bearer \"mF_9.B5f-4.1JqM\" https://example.com  # token = mF_9.B5f-4.1JqM",
      "  CURLUcode rc = set_password(u, \"Pa55worD\");  /* password = Pa55worD */",
      "#define CURL_META_KRB5_CONN   \"meta:auth:krb5:conn\"",
      "trusted to issue SSL Server certificates (*SERVER_AUTH:TRUSTED_DELEGATOR*).",
      "REPLY %b64[rspauth=81f903eb4823ae922db5f04cb58ccdeb]b64%",
      "\tcredential=YWxpY2U6c2VjcmV0LXBhc3N3ZA==",
      "-H \"Cookie: userpwd=am9lOnNlY3JldA==\"",
      "Authorization: AWS4-HMAC-SHA256 Credential=keyId/19700101/region/service/provider14_request",
      "<a class=\"mark\" href=\"#dep0010-cryptocreatecredentials\" id=\"dep0010-cryptocreatecredentials\">#</a>",      // Issue 12 (audit): variables and directives stay silent.
      "password=%(db_password)s",
      "set DB_PASSWORD=%PROD_DB_PASSWORD%",
      "password = $DB_PASSWORD_PROD",
      "secret = *sessKeyBuf2",
      "auth_ok = !hasSession2",
  };
  return spec;
}

bool AcceptGenericCandidate(const GenericCandidate& candidate,
                            const EntropyThresholds& thresholds) {
  const std::string_view value = candidate.value;
  if (value.size() < 8 || value.size() > thresholds.max_length) return false;
  // The value must end where the token ends: a value cut at the length cap, or one that runs
  // into a call or a template, is not a literal secret.
  const int next = candidate.next_byte;
  if (next >= 0) {
    const char n = static_cast<char>(next);
    const bool delimiter = std::isspace(static_cast<unsigned char>(n)) || n == '"' ||
                           n == '\'' || n == '`' || n == ',' || n == ';' || n == ')' ||
                           n == '}' || n == ']' || n == '<' || n == '|' ||
                           (n == '\\' && candidate.escaped_quote);
    if (!delimiter) return false;
    if (candidate.opening_quote != 0 && n != candidate.opening_quote &&
        !(candidate.escaped_quote && n == '\\')) {
      return false;
    }
  }
  if (IsNonSecretKey(Lower(candidate.key))) return false;
  // `token_data->client_id`: the key ran into a C/C++ member access, `->` is not `>`.
  if (!candidate.key.empty() && candidate.key.back() == '-') return false;
  const std::string lower_value = Lower(value);
  if (IsPlaceholder(lower_value) || IsDottedIdentifier(value) || IsUuid(value) ||
      IsHostName(value) || IsConstantName(value) || IsAlgorithmName(lower_value) ||
      HasPlaceholderPart(lower_value) || IsIsoDate(value) || IsColonPath(value) ||
      IsSigV4Scope(lower_value) || IsWordPassword(value) || IsBase64OfPlaceholder(value) ||
      IsDocumentedExample(value)) {
    return false;
  }
  // Pointer member access in the value: C's `p->field`, Pascal's `p^.field`.
  if (Contains(value, "->") || Contains(value, "^.")) return false;
  // Code, not literals: `*ptr`, `&ref`, `::Scope`, `!flag`, and `a=b` expressions (an `=`
  // anywhere but base64 padding at the end).
  // (Inside quotes those are just a password's first character.)
  // A password may open with one of `*&!~` too (`*045%ZQga1c` in a .properties file): only
  // an identifier after it reads as code.
  if (candidate.opening_quote == 0 && (value.front() == ':' || value.front() == '=')) return false;
  // So may one before a random run (`~dXE93NoYPeo15s32j`, `!w9mME7MeYW9KXz`): 12+ characters
  // with digits and both cases are no variable's name (`!hasSession2` still is).
  if (candidate.opening_quote == 0) {
    const size_t operand = value.find_first_not_of("*&!~");
    if (operand != 0 &&
        (operand == std::string_view::npos ||
         ((IsIdentifier(value.substr(operand)) || IsDottedIdentifier(value.substr(operand))) &&
          !(value.size() - operand >= 12 && HasDigitAndBothCases(value.substr(operand)))))) {
      return false;
    }
  }
  // A random password holds `=` too (`Tct=adha474Fjltb`): only a value without the mix of
  // digits and both cases that random text has reads as `name=value`.
  const size_t equals = value.find('=');
  if (equals != std::string_view::npos && equals > 0 &&
      value.find_first_not_of('=', equals) != std::string_view::npos &&
      IsIdentifier(value.substr(0, equals)) && !HasDigitAndBothCases(value)) {
    return false;
  }
  // `_GLKMatrix2`: a private identifier; `a=1&b=2`: a query string or form body, not one value.
  // A quoted random string of 16+ characters that opens with `_` is a password, though.
  if (value.front() == '_' &&
      !(candidate.opening_quote != 0 && value.size() >= 16 && HasDigitAndBothCases(value))) {
    return false;
  }
  if (Contains(value, "&") && Contains(value, "=")) return false;
  if (HasInterpolation(value)) return false;
  if (HasSequentialRun(lower_value, 5)) return false;

  bool has_digit = false, has_lower = false, has_upper = false, has_symbol = false;
  for (char c : value) {
    const unsigned char u = static_cast<unsigned char>(c);
    has_digit |= std::isdigit(u) != 0;
    has_lower |= std::islower(u) != 0;
    has_upper |= std::isupper(u) != 0;
    // Separators of names (`orders-api-key`, `db_user.name`) do not make a value random.
    has_symbol |= !std::isalnum(u) && c != '-' && c != '_' && c != '.' && c != ':' && c != '/';
  }
  // Words and identifiers (letters only) are names, not secrets.
  if (!has_digit && !has_symbol) return false;
  if (!has_lower && !has_upper) return false;  // numbers, dates, versions
  if (value.size() < thresholds.min_length && !(has_digit && (has_lower || has_upper))) {
    return false;
  }
  // Short strings cannot reach an alphabet's floor (entropy <= log2(length)), so the floor
  // is capped at 82% of that maximum.
  const double floor = std::min(thresholds.For(ClassifyAlphabet(value)),
                                0.82 * std::log2(static_cast<double>(value.size())));
  return ShannonEntropy(value) >= floor;
}

}  // namespace magpie::scanner::internal
