// Issue 15: rules matched on paths (scanner/path_rules.h) and dotenv values.
#include "scanner/path_rules.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

#include "rules/rule_set.h"
#include "scanner/compiled_rules.h"
#include "scanner/rule_check.h"

namespace magpie::scanner {
namespace {

rules::RuleSpec PathRule(std::string id, std::vector<std::string> paths, std::string content = "") {
  rules::RuleSpec spec;
  spec.id = std::move(id);
  spec.name = spec.id;
  spec.kind = rules::RuleKind::kPath;
  spec.paths = std::move(paths);
  spec.content = std::move(content);
  spec.examples = {"x"};
  return spec;
}

rules::RuleSpec DotenvRule() {
  rules::RuleSpec spec = PathRule("dotenv", {".env", ".env.*", "!.env.example"});
  spec.kind = rules::RuleKind::kDotenv;
  return spec;
}

PathRules Compile(std::vector<rules::RuleSpec> specs) {
  Result<PathRules> compiled = PathRules::Compile(rules::RuleSet(std::move(specs), "<test>"));
  REQUIRE(compiled.ok());
  return *std::move(compiled);
}

std::vector<std::string> Ids(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) out.push_back(f.rule_id);
  return out;
}

std::vector<std::string> Secrets(const PathRules& rules, std::string_view text) {
  std::vector<Finding> findings;
  rules.AddDotenvFindings(".env", text, &findings);
  std::vector<std::string> out;
  for (const Finding& f : findings) out.push_back(f.secret);
  return out;
}

}  // namespace

TEST_CASE("issue 15: path rules match by gitignore globs and the last match decides", "[scanner]") {
  const PathRules rules = Compile({PathRule("env", {".env", ".env.*", "!.env.example"}),
                                   PathRule("aws", {"**/.aws/credentials"}),
                                   PathRule("pem", {"*.pem"}, "PRIVATE KEY")});
  const std::string_view key = "-----BEGIN PRIVATE KEY-----";
  const std::string_view cert = "-----BEGIN CERTIFICATE-----";
  CHECK(Ids(rules.MatchPath(".env", nullptr)) == std::vector<std::string>{"env"});
  CHECK(Ids(rules.MatchPath("/home/u/app/.env.local", nullptr)) == std::vector<std::string>{"env"});
  CHECK(rules.MatchPath("./.env.example", nullptr).empty());
  CHECK(rules.MatchPath(".envrc", nullptr).empty());
  CHECK(Ids(rules.MatchPath("home/u/.aws/credentials", nullptr)) ==
        std::vector<std::string>{"aws"});
  CHECK(Ids(rules.MatchPath(".aws/credentials", nullptr)) == std::vector<std::string>{"aws"});
  CHECK(rules.MatchPath(".aws/config", nullptr).empty());
  // A content condition needs the content: a file not read (binary, too large) is not matched.
  CHECK(Ids(rules.MatchPath("tls/a.pem", &key)) == std::vector<std::string>{"pem"});
  CHECK(rules.MatchPath("tls/a.pem", &cert).empty());
  CHECK(rules.MatchPath("tls/a.pem", nullptr).empty());
  const std::vector<Finding> found = rules.MatchPath(".env", nullptr);
  REQUIRE(found.size() == 1);
  CHECK(found[0].sensitive_file);
  CHECK(found[0].secret.empty());
  CHECK(found[0].start.line == 1);
}

TEST_CASE("issue 15: a hostile path costs linear time in the path rules", "[scanner]") {
  const PathRules rules = Compile({PathRule("env", {"**/a*a*a*a*a*a*b", ".env.*"})});
  const std::string path = std::string(4096, 'a') + "/" + std::string(4096, 'a');
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 10; ++i) CHECK(rules.MatchPath(path, nullptr).empty());
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
}

TEST_CASE("issue 15: dotenv values of secret keys are reported whatever their entropy", "[scanner]") {
  const PathRules rules = Compile({DotenvRule()});
  CHECK(Secrets(rules, "DB_PASSWORD=hunter2\n") == std::vector<std::string>{"hunter2"});
  CHECK(Secrets(rules, "export SMTP_PASS='mail pass'  \n") ==
        std::vector<std::string>{"mail pass"});
  CHECK(Secrets(rules, "JWT_SECRET=\"a b c\" # prod\r\n") == std::vector<std::string>{"a b c"});
  CHECK(Secrets(rules, "MYSQL_PWD=letmein # comment") == std::vector<std::string>{"letmein"});
  CHECK(Secrets(rules, "API_TOKEN=abc123\nSECRET_KEY=s3cr3tk3y\n") ==
        std::vector<std::string>{"abc123", "s3cr3tk3y"});
  // Not a secret key name, or a key meant to be public.
  CHECK(Secrets(rules, "DB_USER=hunter2\nKEYBOARD=qwerty\nSTRIPE_PUBLISHABLE_KEY=pk_1234\n"
                       "PUSHER_APP_KEY=2dc97ef38f43d4dfc23e\n")
            .empty());
  // Empty, placeholders and variable references.
  for (const char* line : {"DB_PASSWORD=", "DB_PASSWORD=\"\"", "DB_PASSWORD=changeme",
                           "DB_PASSWORD=<password>", "DB_PASSWORD=xxxxxx", "DB_PASSWORD=****",
                           "DB_PASSWORD=your-password", "DB_PASSWORD=${DB_PASSWORD}",
                           "DB_PASSWORD=$DB_PASSWORD", "DB_PASSWORD=CHANGE_ME_PLEASE",
                           "# DB_PASSWORD=hunter2", "DB_PASSWORD=\"unterminated"}) {
    INFO(line);
    CHECK(Secrets(rules, line).empty());
  }
  // Outside a dotenv file nothing is added.
  std::vector<Finding> findings;
  rules.AddDotenvFindings("config.ini", "DB_PASSWORD=hunter2\n", &findings);
  rules.AddDotenvFindings(".env.example", "DB_PASSWORD=hunter2\n", &findings);
  CHECK(findings.empty());
}

TEST_CASE("issue 15: a dotenv finding has positions and hides its value in context", "[scanner]") {
  const PathRules rules = Compile({DotenvRule()});
  std::vector<Finding> findings;
  rules.AddDotenvFindings(".env", "A=1\n  DB_PASSWORD = hunter2\n", &findings);
  REQUIRE(findings.size() == 1);
  const Finding& f = findings[0];
  CHECK(f.start.line == 2);
  CHECK(f.start.column == 17);
  CHECK(f.start.offset == 20);
  CHECK(f.end.offset == 27);
  CHECK(f.context == "  DB_PASSWORD = hunter2");
  CHECK(f.context_secret_offset == 16);
  CHECK(f.context_secrets == std::vector<Finding::Span>{{16, 23}});
}

TEST_CASE("issue 15: a dotenv value a provider rule found is not reported twice", "[scanner]") {
  const PathRules rules = Compile({DotenvRule()});
  Finding provider;
  provider.rule_id = "aws-secret-access-key";
  provider.secret = "abcdefgh";
  provider.start = {12, 1, 13};
  provider.end = {20, 1, 21};
  Finding generic = provider;
  generic.rule_id = std::string(rules::kGenericRuleId);
  const std::string text = "AWS_SECRET_KEY=abcdefgh\n";
  provider.start = {15, 1, 16};
  provider.end = {23, 1, 24};
  std::vector<Finding> findings = {provider};
  rules.AddDotenvFindings(".env", text, &findings);
  CHECK(Ids(findings) == std::vector<std::string>{"aws-secret-access-key"});
  // The generic detector's finding is replaced: the key name explains the value better.
  generic.start = provider.start;
  generic.end = provider.end;
  findings = {generic};
  rules.AddDotenvFindings(".env", text, &findings);
  CHECK(Ids(findings) == std::vector<std::string>{"dotenv"});
}

TEST_CASE("issue 15: rules check runs path rule examples as PATH then content", "[scanner]") {
  rules::RuleSpec pem = PathRule("pem", {"*.pem"}, "PRIVATE KEY");
  pem.examples = {"a.pem\n-----BEGIN PRIVATE KEY-----", "b.pem"};  // the second lacks content
  pem.negative_examples = {"c.pem\n-----BEGIN CERTIFICATE-----"};
  rules::RuleSpec dotenv = DotenvRule();
  dotenv.examples = {".env\nDB_PASSWORD=hunter2"};
  dotenv.negative_examples = {".env\nDB_PASSWORD=changeme", "app.ini\nDB_PASSWORD=hunter2"};
  rules::RuleSpec content;
  content.id = "demo";
  content.name = "demo";
  content.pattern = "(demo_[a-z]{8})";
  content.examples = {"demo_qxkzmwpr"};
  Result<std::shared_ptr<const CompiledRules>> compiled = CompiledRules::Compile(
      rules::RuleSet({pem, dotenv, content}, "<test>"), CompileOptions{.generic_detector = false});
  REQUIRE(compiled.ok());
  // The content rule keeps Hyperscan id 0 although a path rule came first.
  CHECK((*compiled)->rule_set().rules().front().id == "demo");
  CheckOptions options;
  options.needs_remediation = [](const rules::RuleSpec& spec) { return spec.id == "demo"; };
  Result<std::vector<RuleVerdict>> verdicts = CheckRules(**compiled, options);
  REQUIRE(verdicts.ok());
  REQUIRE(verdicts->size() == 3);
  for (const RuleVerdict& v : *verdicts) {
    INFO(v.rule_id);
    if (v.rule_id == "pem") {
      CHECK(v.failures == std::vector<std::string>{"example 2 does not produce a finding: b.pem"});
    } else if (v.rule_id == "demo") {
      REQUIRE(v.failures.size() == 1);
      CHECK(v.failures[0].find("no 'remediation'") != std::string::npos);
    } else {
      CHECK(v.ok());
    }
  }
}

}  // namespace magpie::scanner
