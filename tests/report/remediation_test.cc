// Issue 15: rotation guidance in every format, sensitive-file findings, and the history
// clean-up lists (report/cleanup_lists.h).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "report/cleanup_lists.h"
#include "tests/report/report_fixtures.h"

namespace magpie::report {
namespace {

constexpr const char kGuidance[] =
    "Deactivate the key in IAM: https://docs.aws.amazon.com/rotate\nThen create a new one.";

const rules::RuleSet& RulesWithRemediation() {
  static const rules::RuleSet kRules = [] {
    std::vector<rules::RuleSpec> specs = testing::Rules().rules();
    specs[0].remediation = kGuidance;  // aws-access-key-id
    rules::RuleSpec env;
    env.id = "dotenv-file";
    env.name = "Environment file (.env)";
    env.description = "A dotenv file.";
    env.kind = rules::RuleKind::kPath;
    env.remediation = "Rotate what it holds.";
    specs.push_back(env);
    return rules::RuleSet(std::move(specs), "<test>");
  }();
  return kRules;
}

ReportOptions Options() {
  ReportOptions options = testing::Options();
  options.rules = &RulesWithRemediation();
  return options;
}

ReportedFinding SensitiveFile() {
  ReportedFinding f;
  f.finding.rule_id = "dotenv-file";
  f.finding.rule_name = "Environment file (.env)";
  f.finding.sensitive_file = true;
  f.origin = FileOrigin{"app/.env"};
  f.fingerprint = "0123456789abcdef0123456789abcdef";
  return f;
}

std::vector<ReportedFinding> WithSensitiveFile() {
  std::vector<ReportedFinding> findings = testing::Findings();
  findings.push_back(SensitiveFile());
  return findings;
}

}  // namespace

TEST_CASE("issue 15: text shows the first line of the rule's remediation", "[report]") {
  const std::string text = testing::Render(Format::kText, Options(), WithSensitiveFile());
  CHECK(testing::Contains(text, "  remediation: Deactivate the key in IAM: "
                                "https://docs.aws.amazon.com/rotate\n"));
  CHECK_FALSE(testing::Contains(text, "Then create a new one."));
  CHECK(testing::Contains(text, "app/.env:1:1  dotenv-file"));
  CHECK(testing::Contains(text, "  file:        should never be committed (sensitive-file)\n"));
  // Without guidance there is no line.
  CHECK_FALSE(testing::Contains(testing::Render(Format::kText, testing::Options()),
                                "remediation:"));
}

TEST_CASE("issue 15: JSON carries the remediation and marks sensitive files", "[report]") {
  const nlohmann::json doc =
      nlohmann::json::parse(testing::Render(Format::kJson, Options(), WithSensitiveFile()));
  bool saw_aws = false;
  bool saw_file = false;
  for (const nlohmann::json& f : doc["findings"]) {
    if (f["rule"] == "aws-access-key-id") {
      saw_aws = true;
      CHECK(f["remediation"] == kGuidance);
      CHECK_FALSE(f.contains("kind"));
    }
    if (f["rule"] == "dotenv-file") {
      saw_file = true;
      CHECK(f["kind"] == "sensitive-file");
      CHECK(f["secret"] == "");
    }
    if (f["rule"] == "github-pat") CHECK_FALSE(f.contains("remediation"));
  }
  CHECK(saw_aws);
  CHECK(saw_file);
}

TEST_CASE("issue 15: SARIF help holds the remediation in text and markdown and validates",
          "[report][sarif]") {
  const std::string sarif = testing::Render(Format::kSarif, Options(), WithSensitiveFile());
  CHECK(testing::ValidateWithSchema(sarif, "remediation.sarif") == 0);
  const nlohmann::json doc = nlohmann::json::parse(sarif);
  bool saw = false;
  for (const nlohmann::json& rule : doc["runs"][0]["tool"]["driver"]["rules"]) {
    if (rule["id"] != "aws-access-key-id") continue;
    saw = true;
    CHECK(testing::Contains(rule["help"]["text"], kGuidance));
    CHECK(testing::Contains(rule["help"]["markdown"], std::string("**Remediation.** ") + kGuidance));
  }
  CHECK(saw);
  for (const nlohmann::json& result : doc["runs"][0]["results"]) {
    if (result["ruleId"] == "dotenv-file") {
      CHECK(testing::Contains(result["message"]["text"], "should never be committed"));
    }
  }
}

TEST_CASE("issue 15: the summary counts sensitive files apart", "[report]") {
  Summary summary = testing::FixedSummary();
  summary.sensitive_files = 2;
  std::ostringstream out;
  auto reporter = MakeReporter(Format::kJson, out, Options());
  reporter->Begin();
  reporter->End(summary);
  CHECK(nlohmann::json::parse(out.str())["summary"]["sensitive_files"] == 2);
}

TEST_CASE("issue 15: replacement lines are git-filter-repo's literal or exact regex", "[report]") {
  CHECK(ReplacementLine("hunter2") == "literal:hunter2==>***REMOVED***\n");
  // filter-repo splits at the last "==>": a secret holding one stays whole.
  CHECK(ReplacementLine("a==>b") == "literal:a==>b==>***REMOVED***\n");
  CHECK(ReplacementLine("regex:x") == "literal:regex:x==>***REMOVED***\n");
  // A key spanning lines cannot be one literal line: an exact regex, every byte escaped.
  CHECK(ReplacementLine("-----BEGIN\nMII+/=\r\x01\xc3\xa9") ==
        "regex:\\-\\-\\-\\-\\-BEGIN\\nMII\\+\\/\\=\\r\\x01\\xc3\\xa9==>***REMOVED***\n");
  CHECK(PathLine("app/.env") == "literal:app/.env\n");
  CHECK(PathLine("#odd") == "literal:#odd\n");
  CHECK(PathLine("a==>b") == "regex:^a\\=\\=\\>b$\n");
  CHECK(PathLine("new\nline") == "regex:^new\\nline$\n");
}

TEST_CASE("issue 15: the clean-up lists hold each secret and sensitive path once", "[report]") {
  CleanupLists lists;
  for (const ReportedFinding& f : WithSensitiveFile()) lists.Add(f);
  for (const ReportedFinding& f : WithSensitiveFile()) lists.Add(f);  // twice: listed once
  CHECK(lists.paths() == 1);
  CHECK(lists.PathsText() == "literal:app/.env\n");
  const std::string text = lists.ReplacementsText();
  CHECK(testing::Contains(text, std::string("literal:") + testing::kAwsSecret + "==>***REMOVED***\n"));
  size_t lines = 0;
  for (char c : text) lines += c == '\n';
  CHECK(lines == lists.secrets());
  // A secret found in decoded content: its encoded text, which the blob holds, is listed too.
  ReportedFinding decoded;
  decoded.finding.secret = "plain-secret";
  decoded.finding.decoded = "base64";
  decoded.finding.context = "token: cGxhaW4tc2VjcmV0 # x";
  decoded.finding.context_secret_offset = 7;
  decoded.finding.start.offset = 107;
  decoded.finding.end.offset = 123;
  decoded.origin = FileOrigin{"a.txt"};
  CleanupLists one;
  one.Add(decoded);
  CHECK(one.ReplacementsText() ==
        "literal:cGxhaW4tc2VjcmV0==>***REMOVED***\nliteral:plain-secret==>***REMOVED***\n");
}

}  // namespace magpie::report
