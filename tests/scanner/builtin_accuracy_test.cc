// The built-in rules on the shapes issue 12 names: what is found, and exactly which bytes are
// reported as the secret.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "builtin_scanner.h"
#include "scanner/scanner.h"
#include "scanner_test_util.h"

namespace {

using magpie::scanner::Finding;

using magpie::testing::BuiltinScanner;

// (rule id, secret) of every finding in `text`.
std::vector<std::pair<std::string, std::string>> Found(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Finding& f : magpie::testing::ScanOrDie(BuiltinScanner(), text)) {
    out.emplace_back(f.rule_id, f.secret);
  }
  return out;
}

bool HasSecret(const std::string& text, const std::string& secret) {
  for (const auto& [rule, s] : Found(text)) {
    if (s == secret) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("issue 12: the netrc password is the token alone - not the escape and quote after it",
          "[scanner][issue12]") {
  const std::string line =
      "    fh.write(\"machine ftp.acme-corp.net login deploy password Wq8Zt3Kd9Lm2\\n\")\n";
  const auto found = Found(line);
  REQUIRE(found.size() == 1);
  CHECK(found[0].first == "netrc-password");
  CHECK(found[0].second == "Wq8Zt3Kd9Lm2");
}

TEST_CASE("issue 12: a URL password with RFC 3986 sub-delims is found whole", "[scanner][issue12]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"DATABASE_URL=postgres://app:Zq8*Tn3$Wv6!pL2k@pg.internal:5432/dw", "Zq8*Tn3$Wv6!pL2k"},
      {"mysql://root:Hk4*Lm9;Qx2~Vb7n@mysql.internal:3306/app", "Hk4*Lm9;Qx2~Vb7n"},
      {"mongodb+srv://app:Rw5*Kd8%21Pm3Tz@c1.x7y2z.mongodb.net/prod", "Rw5*Kd8%21Pm3Tz"},
      {"REDIS_URL=rediss://default:Nc7*Wq2$Hv9:Lp4m@cache:6380", "Nc7*Wq2$Hv9:Lp4m"},
      {"amqps://svc:Jt6*Bn3!Xr8~Md2q@mq.internal:5671/prod", "Jt6*Bn3!Xr8~Md2q"},
      {"sftp://backup:Zt8;Wm3~kP5*rN2q@files.acme-corp.net:22/", "Zt8;Wm3~kP5*rN2q"},
      {"jdbc:postgresql://pg:5432/dw?user=etl&password=Wk3*Tq8$Zn5!Rb2v&ssl=true",
       "Wk3*Tq8$Zn5!Rb2v"},
      {"Server=sql02;Database=Hr;User Id=hr;Password=Vq7*Lm2$Nt9~Kx4r;", "Vq7*Lm2$Nt9~Kx4r"},
      {"User ID=orders;Password=Tq4*Wn8$Lx2!Rv6m;Data Source=sql03;", "Tq4*Wn8$Lx2!Rv6m"},
  };
  for (const auto& [text, secret] : cases) {
    INFO(text);
    CHECK(HasSecret(text, secret));
  }
}

TEST_CASE("issue 12: URL passwords that are references or format slots are not reported",
          "[scanner][issue12]") {
  for (const std::string text : {
           "postgres://app:$PGPASSWORD@db:5432/app",
           "fmt.Sprintf(\"mysql://%s:%s@%s:%d/%s\", u, p, h, port, db)",
           "\"ftp://%(user)s:%(password)s@%(host)s/\"",
           "redis://:${REDIS_PASSWORD}@redis:6379/0",
           "mongodb://admin:********@localhost:27017",
       }) {
    INFO(text);
    CHECK(Found(text).empty());
  }
}

TEST_CASE("issue 12: framework secrets are found in the forms frameworks document",
          "[scanner][issue12]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"SECRET_KEY = env(\"DJANGO_SECRET_KEY\", default=\"k2#n9x!q@v7m$p4z(w8r)t1y^u6e&o3i-s5a_"
       "d0f=g+h*j9l2c\")",
       "k2#n9x!q@v7m$p4z(w8r)t1y^u6e&o3i-s5a_d0f=g+h*j9l2c"},
      {"DJANGO_SECRET_KEY=k4#n9x!q@v7m$p4z(w8r)t1y^u6e&o3i-s5a_d0f=g+h*j9l2c\n",
       "k4#n9x!q@v7m$p4z(w8r)t1y^u6e&o3i-s5a_d0f=g+h*j9l2c"},
      {"    SECRET_KEY = \"8f3b2c9d4e7a1f6b0c5d8e2a9f4b7c1d3e6a0f5b8c2d9e4a7f1b6c0d5e8a2f9b\"",
       "8f3b2c9d4e7a1f6b0c5d8e2a9f4b7c1d3e6a0f5b8c2d9e4a7f1b6c0d5e8a2f9b"},
      {"SECRET_KEY_BASE=9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b\n",
       "9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b"},
      {"    'key' => env('APP_KEY', 'base64:vg9zdF3Q5o7cPWfHtNMV8sisYsn+OKFsXaueA/N7jjh='),",
       "vg9zdF3Q5o7cPWfHtNMV8sisYsn+OKFsXaueA/N7jjh="},
      {"[internal]\nrepository = https://pypi.internal.acme/\nusername = deploy\n"
       "password = mOdA79HRlgFhrp1U8PJx\n",
       "mOdA79HRlgFhrp1U8PJx"},
      // Two .npmrc lines in a row: the first match must not hide the second.
      {"//registry.npmjs.org/:_authToken=d5c520e1-1ddd-41c8-9b50-11fea2ad9acf\n"
       "_auth = Y2k6QVVkdHRsNjROUWFUS0RQbzQy\n",
       "Y2k6QVVkdHRsNjROUWFUS0RQbzQy"},
      {"https://deploy-bot:Vk8*Tq3!Lm6~Zp2w@git.acme-corp.net\n", "Vk8*Tq3!Lm6~Zp2w"},
  };
  for (const auto& [text, secret] : cases) {
    INFO(text);
    CHECK(HasSecret(text, secret));
  }
}

TEST_CASE("issue 12: documented example credentials are not reported", "[scanner][issue12]") {
  for (const std::string text : {
           "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
           "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
           "curl https://api.stripe.com/v1/charges -u sk_test_4eC39HqLyjWDarjtT1zdp7dc:",
           "Stripe.api_key = 'sk_test_BQokikJOvBiI2HlWgH4olfQ2'",
           "Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwib"
           "mFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQs"
           "sw5c",
       }) {
    INFO(text);
    CHECK(Found(text).empty());
  }
  // A key of the same shape that is not on the list is still reported.
  CHECK(HasSecret("Stripe.api_key = 'sk_test_BQokikJOvBiI2HlWgH4olfQ3'",
                  "sk_test_BQokikJOvBiI2HlWgH4olfQ3"));
}

TEST_CASE("issue 12: Authorization headers in code and proxy configs are found",
          "[scanner][issue12]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      // A random 40-hex token below the old entropy floor (3.46 bits).
      {"curl -H 'Authorization: token 70dbc29baeb85d787dcd5c4a8892ddc8a04de0ee' https://x/api",
       "70dbc29baeb85d787dcd5c4a8892ddc8a04de0ee"},
      {"fetch(url, { headers: { Authorization: `Bearer LHs_nLt3Mj6tWfOlhqJXSNMBjvfXvPo_ABTc2iOxZF5` } });",
       "LHs_nLt3Mj6tWfOlhqJXSNMBjvfXvPo_ABTc2iOxZF5"},
      {"    proxy_set_header Authorization \"Bearer iZHIV8ydpFmwT0nvkUCXa_39lkT9fogxnIP5Ln8qCrvrFeiV\";",
       "iZHIV8ydpFmwT0nvkUCXa_39lkT9fogxnIP5Ln8qCrvrFeiV"},
      {"conn.setRequestProperty(\"Authorization\", \"Bearer 52ae639f7f268a78db3929bacc60acee\");",
       "52ae639f7f268a78db3929bacc60acee"},
  };
  for (const auto& [text, secret] : cases) {
    INFO(text);
    CHECK(HasSecret(text, secret));
  }
  CHECK(Found("conn.setRequestProperty(\"Authorization\", \"Bearer \" + tokenFromVault);").empty());
  CHECK(Found("The Authorization token request_authentication_flow is described below.").empty());
}

TEST_CASE("issue 12: JWT signing secrets passed as literals are found", "[scanner][issue12]") {
  CHECK(HasSecret("const token = jwt.sign(payload, 'CvnfCClHBZewo5O91zj37QqXTH2EkTJe', { expiresIn: '1h' });",
                  "CvnfCClHBZewo5O91zj37QqXTH2EkTJe"));
  CHECK(HasSecret("var jwtKey = []byte(\"BtZGlAoaOyxjHrKOuP88htEf4SQcIHgB\")",
                  "BtZGlAoaOyxjHrKOuP88htEf4SQcIHgB"));
  CHECK(Found("jwt.encode(payload, \"your-256-bit-secret\", algorithm=\"HS256\")").empty());
  CHECK(Found("var jwtKey = []byte(os.Getenv(\"JWT_KEY\"))").empty());
}

TEST_CASE("issue 12: Oracle passwords with a dollar and ODBC braced passwords are found whole",
          "[scanner][issue12]") {
  CHECK(HasSecret("db.url=jdbc:oracle:thin:reports/8kMOpV$6tCdp!16@//ora.internal:1521/RPT",
                  "8kMOpV$6tCdp!16"));
  CHECK(HasSecret("Driver={PostgreSQL Unicode};Server=pg;Uid=app;Pwd={sz7J9!1plMhH@43};",
                  "sz7J9!1plMhH@43"));
  CHECK(HasSecret("    <env name=\"APP_KEY\" value=\"base64:1UdHddH38Xjxe6D97w32+A/WZ0W1U8pK8OB3ZA+LaG8=\"/>",
                  "1UdHddH38Xjxe6D97w32+A/WZ0W1U8pK8OB3ZA+LaG8="));
  CHECK(Found("jdbc:oracle:thin:scott/${PASS}@host:1521:x").empty());
}

TEST_CASE("issue 12: the token in PyJWT's README is a documented example", "[scanner][issue12]") {
  CHECK(Found("    eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzb21lIjoicGF5bG9hZCJ9."
              "4twFt5NiznN84AWoo1d7KO1T_yoc0Z6XOpOVswacPZg\n")
            .empty());
}

TEST_CASE("issue 12: a Markdown table with a password column finds the first row's password",
          "[scanner][issue12]") {
  CHECK(HasSecret("| service | user | password |\n|---|---|---|\n| grafana | admin | d4OrpBov3!WLAQx |\n",
                  "d4OrpBov3!WLAQx"));
  CHECK(HasSecret("| Name | Secret |\n| ---- | ------ |\n| SFTP drop | `%Ww6eUd13u%MB0MtT` |\n",
                  "%Ww6eUd13u%MB0MtT"));
  CHECK(Found("| Variable | Secret |\n|---|---|\n| GITHUB_TOKEN | `secrets.GITHUB_TOKEN` |\n").empty());
  CHECK(Found("| service | password |\n|---|---|\n| grafana | `<your-password>` |\n").empty());
}

TEST_CASE("issue 12: a UUID npm token from the low tail of entropy is found", "[scanner][issue12]") {
  // 3.34 bits: about 4% of random UUIDs fall under the old 3.5 floor.
  CHECK(HasSecret("npmScopes:\n  acme:\n    npmAuthToken: \"d9bd4d9a-4f31-4350-b2d4-2f4bdb2a9449\"\n",
                  "d9bd4d9a-4f31-4350-b2d4-2f4bdb2a9449"));
}

// Issue 12, audit13's held-out set: forms the rules missed or wrongly flagged.

TEST_CASE("issue 12: curl login options after a URL password are not part of the secret",
          "[scanner][issue12]") {
  // curl's TODO.md: a word password followed by `;auth=NTLM` is documentation.
  CHECK(Found("`http://test:pass;auth=NTLM@example.com` would be equivalent").empty());
  const auto found = Found("proxy = http://build:Xq7vR2mK9tL4;auth=NTLM@proxy.corp.example:8080");
  REQUIRE(found.size() == 1);
  CHECK(found[0].first == "url-credentials");
  CHECK(found[0].second == "Xq7vR2mK9tL4");
}

TEST_CASE("issue 12: the e-mail an anonymous netrc login sends as its password is not reported",
          "[scanner][issue12]") {
  CHECK(Found("    default login anonymous password user@domain\n").empty());
  CHECK(Found("machine ftp.gnu.org login anonymous password guest@example.org\n").empty());
  CHECK(HasSecret("machine ftp.corp.example login deploy password Rk5@Tn8Vb2Qw7Lp\n",
                  "Rk5@Tn8Vb2Qw7Lp"));
}

TEST_CASE("issue 12: a netrc written with escaped newlines yields the password token alone",
          "[scanner][issue12]") {
  const auto found = Found(
      "open(path, \"w\").write(\"machine api.corp.example\\nlogin bot\\npassword "
      "tX_ZPATGk73oz8SW\\n\")\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0].first == "netrc-password");
  CHECK(found[0].second == "tX_ZPATGk73oz8SW");
}

TEST_CASE("issue 12: an Azure storage key under a variable name is found", "[scanner][issue12]") {
  const std::string key =
      "Ufkn4a9YoXGFoiokTNcMfzHl8ex40Y1xAcAhpT3Pz6eLFDr+iOkiX+vqxde8cpR8eKUdWKF9npjhiCA1+FWVlA==";
  CHECK(HasSecret("module.exports = { AZURE_STORAGE_KEY: \"" + key + "\" };", key));
  CHECK(HasSecret("storage_account_access_key = \"" + key + "\"", key));
  CHECK(Found("AZURE_STORAGE_KEY: ${{ secrets.AZURE_STORAGE_KEY }}").empty());
}

TEST_CASE("issue 12: a Basic header set by nginx or by Go's Header.Set is found",
          "[scanner][issue12]") {
  CHECK(HasSecret("    proxy_set_header Authorization \"Basic ZGVwbG95OnFoczN6NnNlIUZ1eFFaaWc=\";",
                  "ZGVwbG95OnFoczN6NnNlIUZ1eFFaaWc="));
  CHECK(HasSecret("req.Header.Set(\"Authorization\", \"Basic Y2ktYm90Ok5xN3pXNHRMOXBLMnhSOHY=\")",
                  "Y2ktYm90Ok5xN3pXNHRMOXBLMnhSOHY="));
  CHECK(Found("proxy_set_header Authorization \"Basic $http_authorization\";").empty());
  CHECK(Found("The authorization basic scheme sends credentials in the clear.").empty());
}

TEST_CASE("issue 12: a Terraform variable's default value is a secret when its name says so",
          "[scanner][issue12]") {
  CHECK(HasSecret("variable \"hcloud_token\" {\n  type      = string\n  description = \"Hetzner\"\n"
                  "  default   = \"JyCo8fTffar0WqWS4VBb9cNOueXVXhXaWde0Q8PoOBja8kUzgS\"\n}\n",
                  "JyCo8fTffar0WqWS4VBb9cNOueXVXhXaWde0Q8PoOBja8kUzgS"));
  CHECK(HasSecret("variable \"datadog_api_key\" {\n  default = \"a36e8629f905083369d50cb1f874d593\"\n}\n",
                  "a36e8629f905083369d50cb1f874d593"));
  CHECK(Found("variable \"db_password\" {\n  type      = string\n  sensitive = true\n}\n").empty());
  CHECK(Found("variable \"region\" {\n  default = \"Jy7Co8fTff2WqWS4VBb9cNOue\"\n}\n").empty());
  CHECK(Found("variable \"api_token\" {\n  default = \"\"\n}\n").empty());
}

TEST_CASE("issue 12: Private Packagist tokens are found by their prefix", "[scanner][issue12]") {
  const std::string token =
      "packagist_out_21096efca19d4413b5699c91b43bfed1b941a540742fb2b86177e6c1134bc94982b1";
  const auto found = Found("variable \"token\" {\n  default = \"" + token + "\"\n}\n");
  REQUIRE_FALSE(found.empty());
  CHECK(found[0].first == "private-packagist-token");
  CHECK(found[0].second == token);
  CHECK(Found("packagist_out_457f0ee2eebed9169d8deff8a65eecd512c0").empty());
}

// Issue 12, audit14's held-out round: the misses audit13 left and those a fresh set found.

TEST_CASE("issue 12: a quoted password holding a semicolon or a parenthesis is found whole",
          "[scanner][issue12]") {
  CHECK(HasSecret("export const adminPassword: string = 'qvE;nN2HzTqOcmvF679';",
                  "qvE;nN2HzTqOcmvF679"));
  CHECK(HasSecret("{\n  \"user\": \"svc\",\n  \"password\": \"poZdYLikB74F(zZ\"\n}\n",
                  "poZdYLikB74F(zZ"));
  CHECK(HasSecret("    static let clientSecret: String = \"j1t0hKR4vzg)FZkOm5c\"",
                  "j1t0hKR4vzg)FZkOm5c"));
  CHECK(HasSecret("define( 'DB_PASSWORD', '7vJ2tyBsnhn)en1V' );", "7vJ2tyBsnhn)en1V"));
  // Unquoted, `;` `(` `)` still end the value: code, not a literal.
  CHECK(Found("String password = request.getParameter(\"pw\");").empty());
  CHECK(Found("secret = derive(masterKey9, salt);").empty());
  CHECK(Found("token = compute_token(user);").empty());
}

TEST_CASE("issue 12: a random password holding an equals sign is found", "[scanner][issue12]") {
  CHECK(HasSecret("SECRET_ACCESS_KEY=Tct=adha474Fjltb\n", "Tct=adha474Fjltb"));
  CHECK(HasSecret("    static let apiSecret: String = \"Tct=adha474Fjltb\"", "Tct=adha474Fjltb"));
  // `name=value` without the digits and both cases of random text stays silent.
  CHECK(Found("AUTH_FLAGS=retry=forever_and_ever\n").empty());
  CHECK(Found("token_opts = \"scope=read_write_admin\"").empty());
}

TEST_CASE("issue 12: an unquoted random password opening with an operator character is found",
          "[scanner][issue12]") {
  CHECK(HasSecret("spring.datasource.password=~dXE93NoYPeo15s32j\n", "~dXE93NoYPeo15s32j"));
  CHECK(HasSecret("ARG PIP_PASSWORD=!w9mME7MeYW9KXz\n", "!w9mME7MeYW9KXz"));
  CHECK(Found("auth_ok = !hasSession2").empty());
  CHECK(Found("secret = *sessKeyBuf2").empty());
  CHECK(Found("private_key = &keyMaterial.bytes").empty());
}

TEST_CASE("issue 12: a quoted random password opening with an underscore is found",
          "[scanner][issue12]") {
  CHECK(HasSecret("const secret = process.env.SESSION_SECRET || \"_uT1VwRSgGzu48xRtsiei2\";",
                  "_uT1VwRSgGzu48xRtsiei2"));
  CHECK(Found("'VTInt32Size', '_CFHTTPAuthentication', '_GLKMatrix2', '_GLKMatrix3',").empty());
  CHECK(Found("auth_token = _PrivateTokenHolder2").empty());
}

TEST_CASE("issue 12: a Markdown table password ending with a full stop is found",
          "[scanner][issue12]") {
  CHECK(HasSecret("| env | user | password |\n|-----|------|----------|\n"
                  "| staging | admin | c7ywjNbaTRs3qHn. |\n",
                  "c7ywjNbaTRs3qHn."));
  CHECK(Found("| env | user | password |\n|-----|------|----------|\n"
              "| staging | admin | see the vault. |\n")
            .empty());
}

TEST_CASE("issue 12: a JDBC password holding a semicolon is found whole", "[scanner][issue12]") {
  CHECK(HasSecret("spring.datasource.url=jdbc:mysql://db.internal:3306/shop?user=shop&"
                  "password=k;3LsN1v5dzcSptj&useSSL=true",
                  "k;3LsN1v5dzcSptj"));
  CHECK(HasSecret("url: jdbc:sqlserver://sql01:1433;databaseName=Orders;user=app;"
                  "password={Wk0lqdwllzKap;k};encrypt=true",
                  "{Wk0lqdwllzKap;k}"));
  CHECK(HasSecret("jdbc:sqlserver://sql01:1433;user=app;password=Tr8*vQ2mZx7!;encrypt=true",
                  "Tr8*vQ2mZx7!"));
  CHECK(Found("jdbc:sqlserver://sql01:1433;databaseName=Orders;integratedSecurity=true;").empty());
  CHECK(Found("jdbc:mysql://db:3306/shop?user=shop&password=${DB_PASSWORD}&useSSL=true").empty());
}

TEST_CASE("issue 12: base64 of user:password piped to a decoder is found", "[scanner][issue12]") {
  // base64("svc_backup:zgSnmyu+OBLgc3yj"), base64("admin:3hZblDnltnUN5P&w5dy")
  CHECK(HasSecret("AUTH=$(echo c3ZjX2JhY2t1cDp6Z1NubXl1K09CTGdjM3lq | base64 --decode)",
                  "c3ZjX2JhY2t1cDp6Z1NubXl1K09CTGdjM3lq"));
  CHECK(HasSecret("CREDS=$(echo 'YWRtaW46M2haYmxEbmx0blVONVAmdzVkeQ==' | base64 -d)",
                  "YWRtaW46M2haYmxEbmx0blVONVAmdzVkeQ=="));
  CHECK(HasSecret("\tprintf '%s' 'YWRtaW46M2haYmxEbmx0blVONVAmdzVkeQ==' | base64 -di > f",
                  "YWRtaW46M2haYmxEbmx0blVONVAmdzVkeQ=="));
  CHECK(HasSecret("echo \"YWRtaW46M2haYmxEbmx0blVONVAmdzVkeQ==\" | openssl base64 -d -A",
                  "YWRtaW46M2haYmxEbmx0blVONVAmdzVkeQ=="));
  CHECK(Found("echo aGVsbG8gd29ybGQK | base64 --decode").empty());          // "hello world"
  CHECK(Found("echo YWRtaW46cGFzc3dvcmQxMjM= | base64 -d").empty());       // admin:password123
  CHECK(Found("echo \"$PAYLOAD\" | base64 -d > out.bin").empty());
}

TEST_CASE("issue 12: an indented heredoc of base64 is decoded", "[scanner][issue12]") {
  // base64("export API_PASSWORD='Qm7#vT2xLp9Rz4Kw'\n") in a workflow's run block.
  const std::string text =
      "    steps:\n      - run: |\n          base64 -d <<EOF > env.sh\n"
      "          ZXhwb3J0IEFQSV9QQVNTV09SRD0nUW03I3ZUMnhMcDlSejRLdycK\n"
      "          EOF\n";
  bool found = false;
  for (const Finding& f : magpie::testing::ScanOrDie(BuiltinScanner(), text)) {
    found |= f.decoded == "base64";
  }
  CHECK(found);
  CHECK(Found("    run: |\n      base64 -d <<EOF\n"
              "      VGhpcyBpcyBhIHBsYWluIHJlYWRtZSBsaW5lIHdpdGggbm8gc2VjcmV0cyBpbiBpdC4K\n"
              "      EOF\n")
            .empty());
}

TEST_CASE("issue 12: Azure DevOps 84-character tokens and Aiven tokens are found",
          "[scanner][issue12]") {
  const std::string pat =
      "Kq8Vn2rLx7TfK9mWzR4bN6yH3jD5sG1aP0cE8uI2oL7kM9nB4vC6xZ3qW5eR1tY8uI0oP2aS4dFg"
      "AZDOx9Kq";
  REQUIRE(pat.size() == 84);
  CHECK(HasSecret("AZURE_DEVOPS_EXT_PAT=" + pat, pat));
  CHECK(Found("AZURE_DEVOPS_EXT_PAT=" + pat.substr(0, 70) + "AZDO" + pat.substr(80)).empty());
  const std::string token =
      "zEBTMj0x0vAdSnnzjv+cPCWOoamAANlHB9X1fyzK0DCB/9VjLlRSHhaNx0KIeDQ5MRIU2DOy"
      "j+ZwmLSJExnWzfu1vTa+VNkWGJN20xTqyMiJ+RtFcaDG6435H1nvhw7U18X5Z8CV8puHPziS"
      "eGe8I8TNYgPy/AgNfqEKvlvC/W4eQfyB55CwfQ6meNKxpxglTIcXBNd86lrs0MBqkwAPy3sl"
      "wtTB5wazAj0Wqux3Hd1j+Xka4toiPUI1xdYWKSomBgz13jurgMVh9/uTtruZan2BRJnW4hp4"
      "n2pLikZJdN8wBJd8EgkEvCQCF6jgG4I0rRXHbCob86piSHXgfYix0cRmMeDUpm3YQEjd5t8W"
      "24ZSUOkxxkf4";
  REQUIRE(token.size() == 372);
  CHECK(HasSecret("AIVEN_TOKEN=" + token, token));
  CHECK(HasSecret("curl -H \"Authorization: aivenv1 " + token + "\" https://api.aiven.io/v1/project",
                  token));
  CHECK(Found("curl -H \"Authorization: aivenv1 YOUR_TOKEN\" https://api.aiven.io/v1/").empty());
}
