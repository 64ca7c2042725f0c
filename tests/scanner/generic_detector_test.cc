#include "scanner/generic_detector.h"

#include <catch2/catch.hpp>

#include "scanner/scanner.h"
#include "scanner_test_util.h"

using magpie::testing::ScannerOrDie;
using magpie::testing::ScanOrDie;
using magpie::rules::kGenericRuleId;

namespace {

bool Fires(const std::string& line, magpie::scanner::EntropyThresholds thresholds = {}) {
  magpie::scanner::CompileOptions options;
  options.entropy = thresholds;
  auto compiled = magpie::scanner::CompiledRules::Compile(magpie::rules::RuleSet({}, "<t>"), options);
  REQUIRE(compiled.ok());
  auto scanner = ScannerOrDie(*compiled);
  for (const auto& f : ScanOrDie(*scanner, line)) {
    if (f.rule_id == kGenericRuleId) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("generic detector fires on high-entropy assignments", "[scanner][generic]") {
  CHECK(Fires("DB_PASSWORD=q8Vn2rLx7TfK9mWz"));
  CHECK(Fires("  \"apiKey\": \"Zr7kP2qW9xLm4Tv8Nb3Hs6Jd\","));
  CHECK(Fires("client_secret: 'f3A9kLq2Zx8Rt5Wm1Pv7'"));
  CHECK(Fires("auth_token := \"4f9c2a7d1e8b3f60a5c4e2d9b7f1a3c8\""));
  CHECK(Fires("<password>Xk9#mQ2$vL7pR4tZ</password>"));
}

TEST_CASE("generic detector ignores placeholders and lookups", "[scanner][generic]") {
  CHECK_FALSE(Fires("password = os.environ['DB_PASSWORD']"));
  CHECK_FALSE(Fires("api_key: ${API_KEY}"));
  CHECK_FALSE(Fires("token = \"your_api_token_here\""));
  CHECK_FALSE(Fires("secret: xxxxxxxxxxxxxxxx"));
  CHECK_FALSE(Fires("password: changeme123"));
  CHECK_FALSE(Fires("api_key = \"<your-token>\""));
  CHECK_FALSE(Fires("token = config.auth.token"));
  CHECK_FALSE(Fires("apiKey = getApiKey(request)"));
  CHECK_FALSE(Fires("session_token: 123e4567-e89b-12d3-a456-426614174000"));
  CHECK_FALSE(Fires("password_hash = \"q8Vn2rLx7TfK9mWz\""));
  CHECK_FALSE(Fires("author = \"q8Vn2rLx7TfK9mWz\""));
  CHECK_FALSE(Fires("secret = \"abcdef1234567890\""));  // sequential runs
  CHECK_FALSE(Fires("password = \"CorrectHorseBatteryStaple\""));  // letters only
  CHECK_FALSE(Fires("token: 20240101123000"));  // digits only
}

TEST_CASE("generic entropy floors are configurable per alphabet", "[scanner][generic]") {
  // 32 hex chars from 6 distinct symbols: entropy ~2.58 bits.
  const std::string line = "api_key = \"a1b2c3a1b2c3c3b2a1a1b2c3c3b2a1a1\"";
  magpie::scanner::EntropyThresholds strict;
  magpie::scanner::EntropyThresholds lax;
  lax.hex = 2.0;
  CHECK_FALSE(Fires(line, strict));
  CHECK(Fires(line, lax));
}

TEST_CASE("issue 12: algorithm and mode names are not secrets", "[scanner][generic][issue12]") {
  CHECK_FALSE(Fires("password_hash_algorithm = argon2id"));
  CHECK_FALSE(Fires("encryption_cipher: aes-256-gcm"));
  CHECK_FALSE(Fires("jwt.secret.algorithm=HmacSHA512"));
  CHECK_FALSE(Fires("secret_key_algorithm = PBKDF2WithHmacSHA256"));
  CHECK_FALSE(Fires("hash_password: sha512_crypt"));
  CHECK_FALSE(Fires("AUTH=CRAM-MD5"));
  CHECK_FALSE(Fires("auth_method: SCRAM-SHA-256"));
  // A real value that merely contains an algorithm word is still found.
  CHECK(Fires("auth_token = sha256Xk9mQ2vL7pR4tZ"));
  CHECK(Fires("DB_PASSWORD=Aes256gcm!Qx7Lp2"));
}

TEST_CASE("issue 12: C member access and x-run placeholder parts are not secrets",
          "[scanner][generic][issue12]") {
  CHECK_FALSE(Fires("client_secret = token_data->client_id2;"));
  CHECK_FALSE(Fires("  oauth_token_data->client_id_b64;"));
  CHECK_FALSE(Fires("    auth = creds->password_v2;"));
  CHECK_FALSE(Fires("Authorization: AWS4-HMAC-SHA256 Credential=xxx/20240101/us-east-1/s3/aws4_request"));
  CHECK_FALSE(Fires("SLACK_TOKEN=xoxb-your-token"));
  CHECK_FALSE(Fires("GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}"));
  CHECK_FALSE(Fires("  password: \"{{ .Values.postgresql.auth.password }}\""));
  CHECK(Fires("api_token: xk4Lq9Tz2Wm7Rv3N"));  // starts with x, is not a run of x's
}

TEST_CASE("issue 12: Pascal pointer access and ISO timestamps are not secrets",
          "[scanner][generic][issue12]") {
  CHECK_FALSE(Fires("  if sEntry <> nil then UserEncPass := sEntry^.sp_pwdp;"));
  CHECK_FALSE(Fires("<AuthenticationStatement AuthenticationInstant=\"2002-04-18T16:56:53Z\">"));
  CHECK(Fires("auth_token = \"2002x04Q18T16z56A53Zk\""));
}

TEST_CASE("issue 12: typed assignments are found", "[scanner][generic][issue12]") {
  CHECK(Fires("    password: str = \"Tq8vZ3nLp2Wx9KrB\""));
  CHECK(Fires("export const mapsApiKey: string = \"Hk3Jd8Lq2Vn7Pz4Rx9TmQ2\";"));
  CHECK(Fires("var dbPassword string = \"Mn4Bv7Cx2Zl9Kq3W\""));
  CHECK(Fires("    val paymentSecretKey: String = \"Rt5Yh8Uj3Ik6Ol9Pq2Ws\""));
  CHECK(Fires("    static let clientSecret: String = \"Gf4Dk7Sl2Ah9Jz6Xc3Vb\""));
  CHECK(Fires("pub static SIGNING_KEY: &'static str = \"Qp9Wo8Ei7Ru6Ty5Ap4Sd\";"));
  CHECK_FALSE(Fires("HASH_ALGORITHM: str = \"argon2id\""));
  // A closing quote then a space and a name is an HTML attribute list, not a type.
  CHECK_FALSE(Fires("<a href=\"#dep0010-cryptocreatecredentials\" id=\"dep0010-cryptocreatecredentials\">"));
  CHECK_FALSE(Fires("-H \"Authorization: Bearer $LEDGER_TOKEN\" https://ledger.internal/v1/me"));
}

TEST_CASE("issue 12: env fallbacks and setters are found", "[scanner][generic][issue12]") {
  CHECK(Fires("DB_PASS = os.getenv(\"BILLING_DB_PASS\", \"Lk8Jh7Gf6Ds5Az4Xq3W\")"));
  CHECK(Fires("os.environ.setdefault(\"LEDGER_API_TOKEN\", \"Zx7Cv6Bn5Mq4Wl3Ek2R\")"));
  CHECK(Fires("ENV[\"PAYMENT_GATEWAY_SECRET\"] ||= \"Po9Iu8Yt7Re6Wq5As4Df\""));
  CHECK(Fires("const t = process.env.SERVICE_TOKEN ?? \"Yh6Tg5Rf4Ed3Ws2Qa1Zx\";"));
  CHECK(Fires("return System.getenv().getOrDefault(\"DB_PASSWORD\", \"Cd3Fv4Gb5Hn6Jm7Kl8Qw\");"));
  CHECK(Fires("  putenv(\"AGENT_TOKEN=Vf5Bg6Nh7Mj8Ki9Lo0Pq\");"));
  // The key inside a refused value starts the next candidate.
  CHECK(Fires("const JWT_SECRET = process.env.JWT_SECRET || 'wqP94lAFJM5cZxrEKkU9qNzsJjMR6OJC';"));
  CHECK_FALSE(Fires("CACHE_TOKEN = os.environ.get(\"CACHE_TOKEN\", \"\")"));
  CHECK_FALSE(Fires("const fallback = process.env.FALLBACK_TOKEN ?? \"\";"));
}

TEST_CASE("issue 12: PHP - Markdown tables and JSON-escaped notebook cells are found",
          "[scanner][generic][issue12]") {
  CHECK(Fires("define('MAILER_API_SECRET', 'Ik8Ol9Pa1Sd2Fg3Hj4Km');"));
  CHECK(Fires("$config['smtp_pass'] = 'Zq1Xw2Ce3Vr4Bt5Ny6Mu';"));
  CHECK(Fires("| `DB_PASSWORD` | `Ty6Gh7Jk8Lm9Np1Qr2St` | reporting database |"));
  CHECK(Fires("| ADMIN_CONSOLE_TOKEN | Ty6Gh7Jk8Lm9Np1Qr2Su | ops only |"));
  CHECK(Fires("  \"VENDOR_API_KEY = \\\"Hk3Jd8Lq2Vn7Pz4Rx9TmQ2\\\"\\n\","));
  CHECK(Fires("  \"conn = connect(password='e!OJ7uolOZ*Z!k_JL')\\n\""));
  CHECK_FALSE(Fires("| `API_TOKEN` | `<token>` | from the console |"));
  CHECK_FALSE(Fires("flags = TOKEN_FLAG_READ | TOKEN_FLAG_WRITE;"));
  CHECK_FALSE(Fires("  \"api_key = os.environ[\\\"API_KEY\\\"]\\n\","));
}

TEST_CASE("issue 12: noise from git - curl and manuals is not reported", "[scanner][generic][issue12]") {
  CHECK_FALSE(Fires("    pass = p4ssw0rd"));
  CHECK_FALSE(Fires("  set_password(u, \"Pa55worD\"); /* password = Pa55worD */"));
  CHECK_FALSE(Fires("#define CURL_META_KRB5_CONN   \"meta:auth:krb5:conn\""));
  CHECK_FALSE(Fires("trusted to issue SSL Server certificates (*SERVER_AUTH:TRUSTED_DELEGATOR*)."));
  CHECK_FALSE(Fires("REPLY %b64[rspauth=81f903eb4823ae922db5f04cb58ccdeb]b64%"));
  CHECK_FALSE(Fires("\tcredential=YWxpY2U6c2VjcmV0LXBhc3N3ZA=="));  // "alice:secret-passwd"
  CHECK_FALSE(Fires("\tcredential=YS1naXQtdG9rZW4="));               // "a-git-token"
  CHECK_FALSE(Fires("Credential=keyId/19700101/region/service/provider14_request"));
  CHECK_FALSE(Fires("curl --oauth2-bearer x  # token = mF_9.B5f-4.1JqM"));  // RFC 6750
  // Base64 of a real-looking credential is still found.
  CHECK(Fires("\tcredential=ZGVwbG95OlhrOWpMMnBRN3ZSNG1UOHo="));  // "deploy:Xk9jL2pQ7vR4mT8z"
}

TEST_CASE("issue 12: name lists - alternations and query strings are not secrets",
          "[scanner][generic][issue12]") {
  CHECK_FALSE(Fires(":param Ed25519PrivateKey|Ed25519PublicKey|Ed448PrivateKey|Ed448PublicKey key:"));
  CHECK_FALSE(Fires("ResetScript|MessageLinked|PushObject|PassCollisions|AxisAngle2Rot|Rot2Axis"));
  CHECK_FALSE(Fires("'VTInt32Size', '_CFHTTPAuthentication', '_GLKMatrix2', '_GLKMatrix3',"));
  CHECK_FALSE(Fires("oauth_token_secret=qwe089234lkjsdf&oauth_callback_confirmed=true&my_specific=argument"));
}

TEST_CASE("issue 12: a password holding or opening with $ * or % is found",
          "[scanner][generic][issue12]") {
  // An upper-case letter after `$` that goes on in lower case names no shell variable.
  CHECK(Fires("password=vaDp$MfcLhDG#77"));
  CHECK(Fires("[client]\npassword=3sLzjV3G$YIy!54\n"));
  // `*`, `&`, `!`, `~` open code only when an identifier follows.
  CHECK(Fires("mail.smtp.password = *045%ZQga1cNhdo"));
  CHECK(Fires("db.password = !Xq7#Lm2Vt9Rk"));
  // `%` opens a directive only as printf, template or a Windows variable.
  CHECK(Fires("| SFTP drop | secret: %Ww6eUd13u%MB0MtT |"));
  CHECK(Fires("password = %88#yTxnC48c6f"));
  CHECK_FALSE(Fires("DB_PASS=$DB_PASS_PROD"));
  CHECK_FALSE(Fires("DB_PASS=k2Lq$HOME/Vn7Pz4"));
  CHECK_FALSE(Fires("SMTP_PASS=%SMTP_PASS_PROD%"));
  CHECK_FALSE(Fires("api_key = %-24sK8dLq2Vn7"));
  CHECK_FALSE(Fires("secret = *sessKeyBuf2"));
  CHECK_FALSE(Fires("auth_ok = !hasSession2"));
  // git's gpg-interface.c
  CHECK_FALSE(Fires("\tif ((flags & SIGN_BUFFER_USE_DEFAULT_KEY) && (!signing_key || !*signing_key))"));
}
