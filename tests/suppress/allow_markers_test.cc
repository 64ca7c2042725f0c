// Inline allow markers (issue 5): magpie's own, with and without rule ids, the markers of
// gitleaks and detect-secrets, on the finding's line or the line before it, and nowhere else.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "suppress/allow_markers.h"
#include "suppress/suppressor.h"

namespace magpie::suppress {
using scanner::Finding;
namespace {

constexpr std::string_view kKey = "AKIAQYLPMN5HHHFPZAM2";
constexpr std::string_view kAws = "aws-access-key-id";

// A finding of `rule` at the first occurrence of `secret` in `data`.
Finding FindingAt(std::string_view data, std::string_view secret = kKey,
                  std::string_view rule = kAws) {
  Finding f;
  f.rule_id = std::string(rule);
  f.secret = std::string(secret);
  const size_t at = data.find(secret);
  REQUIRE(at != std::string_view::npos);
  f.start.offset = at;
  f.end.offset = at + secret.size();
  return f;
}

bool Allowed(const std::string& data, std::string_view rule = kAws) {
  return IsSuppressedInline(data, FindingAt(data, kKey, rule));
}

TEST_CASE("no marker: not suppressed", "[suppress]") {
  CHECK_FALSE(Allowed("key = \"" + std::string(kKey) + "\"\n"));
  CHECK_FALSE(Allowed(std::string(kKey)));  // first line, no newline at all
}

TEST_CASE("magpie:allow on the same line allows every rule", "[suppress]") {
  CHECK(Allowed("key = \"" + std::string(kKey) + "\"  # magpie:allow\n"));
  CHECK(Allowed("key = \"" + std::string(kKey) + "\"  // magpie:allow", "generic-secret"));
  CHECK(Allowed("/* magpie:allow */ key = " + std::string(kKey) + "\n"));
}

TEST_CASE("magpie:allow on the line before allows the next line only", "[suppress]") {
  const std::string before = "# magpie:allow\nkey = " + std::string(kKey) + "\n";
  CHECK(Allowed(before));
  const std::string two_before = "# magpie:allow\n\nkey = " + std::string(kKey) + "\n";
  CHECK_FALSE(Allowed(two_before));
  const std::string after = "key = " + std::string(kKey) + "\n# magpie:allow\n";
  CHECK_FALSE(Allowed(after));
  const std::string crlf = "# magpie:allow\r\nkey = " + std::string(kKey) + "\r\n";
  CHECK(Allowed(crlf));
  CHECK(Allowed("    // magpie:allow\n    key = " + std::string(kKey) + "\n"));
  CHECK(Allowed("<!-- magpie:allow -->\n<key>" + std::string(kKey) + "</key>\n"));
}

TEST_CASE("a marker after code covers its own line, not the next one", "[suppress]") {
  // KEY1's marker must not silently allow KEY2.
  const std::string two = "KEY1=xyz  # magpie:allow\nKEY2=" + std::string(kKey) + "\n";
  CHECK_FALSE(Allowed(two));
  CHECK_FALSE(Allowed("KEY1=xyz  # gitleaks:allow\nKEY2=" + std::string(kKey) + "\n"));
  CHECK_FALSE(
      Allowed("KEY1=xyz  # pragma: allowlist secret\nKEY2=" + std::string(kKey) + "\n"));
}

TEST_CASE("magpie:allow with rule ids allows only those rules", "[suppress]") {
  const std::string line = "k = " + std::string(kKey) + " # magpie:allow aws-access-key-id\n";
  CHECK(Allowed(line, "aws-access-key-id"));
  CHECK_FALSE(Allowed(line, "generic-secret"));

  const std::string list = "k = " + std::string(kKey) + " # magpie:allow jwt, generic-secret\n";
  CHECK(Allowed(list, "generic-secret"));
  CHECK(Allowed(list, "jwt"));
  CHECK_FALSE(Allowed(list, "aws-access-key-id"));

  // A prefix of an id is not the id.
  CHECK_FALSE(Allowed("k = " + std::string(kKey) + " # magpie:allow aws\n"));
}

TEST_CASE("the rule list ends at the first word that is not an id", "[suppress]") {
  // A reason after a separator: the listed rule only.
  const std::string reason =
      "k = " + std::string(kKey) + " # magpie:allow aws-access-key-id -- documented example\n";
  CHECK(Allowed(reason, "aws-access-key-id"));
  CHECK_FALSE(Allowed(reason, "generic-secret"));
  // A comment closer right after the id.
  CHECK(Allowed("k = " + std::string(kKey) + " /* magpie:allow aws-access-key-id*/\n"));
  CHECK(Allowed("<!-- magpie:allow aws-access-key-id --> " + std::string(kKey) + "\n"));
  // No id at all before the reason: every rule.
  CHECK(Allowed("k = " + std::string(kKey) + " # magpie:allow -- test fixture\n",
                "generic-secret"));
  // Prose after the marker reads as ids, so it allows nothing it does not name.
  CHECK_FALSE(Allowed("k = " + std::string(kKey) + " # magpie:allow test key\n"));
}

TEST_CASE("words that merely start with the marker are not markers", "[suppress]") {
  CHECK_FALSE(Allowed("k = " + std::string(kKey) + " # magpie:allowed? no\n"));
  CHECK_FALSE(Allowed("k = " + std::string(kKey) + " # magpie:allow_list\n"));
  CHECK_FALSE(Allowed("k = " + std::string(kKey) + " # MAGPIE:ALLOW\n"));
}

TEST_CASE("gitleaks and detect-secrets markers are honoured", "[suppress]") {
  CHECK(Allowed("k = " + std::string(kKey) + " # gitleaks:allow\n"));
  CHECK(Allowed("k = " + std::string(kKey) + " # pragma: allowlist secret\n"));
  CHECK(Allowed("k = " + std::string(kKey) + " # pragma:allowlist secret\n"));
  CHECK(Allowed("# pragma: allowlist nextline secret\nk = " + std::string(kKey) + "\n"));
  CHECK(Allowed("# gitleaks:allow\nk = " + std::string(kKey) + "\n"));
  CHECK_FALSE(Allowed("k = " + std::string(kKey) + " # pragma: allowlist\n"));
  CHECK_FALSE(Allowed("k = " + std::string(kKey) + " # pragma: once\n"));
}

TEST_CASE("only the secret's start line and the one before count, within the window",
          "[suppress]") {
  // A multi-line secret: the marker goes before its first line.
  const std::string pem = "# magpie:allow\n-----BEGIN KEY-----\n" + std::string(kKey) + "\n";
  Finding f = FindingAt(pem, "-----BEGIN");
  CHECK(IsSuppressedInline(pem, f));
  // Far before the secret on one very long line: outside the window, not honoured.
  const std::string far =
      "# magpie:allow " + std::string(2 * kMarkerWindowBytes, 'x') + " " + std::string(kKey);
  CHECK_FALSE(Allowed(far));
  // An offset past the end of the buffer does not crash.
  Finding beyond;
  beyond.rule_id = std::string(kAws);
  beyond.start.offset = 1000;
  CHECK_FALSE(IsSuppressedInline("short", beyond));
}

TEST_CASE("LineAllowsRule reads one line", "[suppress]") {
  CHECK(LineAllowsRule("x # magpie:allow", "any-rule"));
  CHECK(LineAllowsRule("x # magpie:allow a-rule,b-rule", "b-rule"));
  CHECK_FALSE(LineAllowsRule("x # magpie:allow a-rule,b-rule", "c-rule"));
  // A second marker on the line may allow what the first does not.
  CHECK(LineAllowsRule("magpie:allow a-rule; magpie:allow c-rule", "c-rule"));
  CHECK(LineAllowsRule("  # magpie:allow", "x", /*standalone=*/true));
  CHECK_FALSE(LineAllowsRule("x = 1 # magpie:allow", "x", /*standalone=*/true));
}

}  // namespace
}  // namespace magpie::suppress

namespace magpie::suppress {
namespace {

rules::RuleSet TwoRules() {
  rules::RuleSpec aws;
  aws.id = "aws-access-key-id";
  rules::RuleSpec jwt;
  jwt.id = "jwt";
  return rules::RuleSet({aws, jwt});
}

struct Read {
  bool allowed = false;
  std::vector<std::string> warnings;
};

Read ReadMarker(const std::string& line, std::string_view rule = "aws-access-key-id") {
  static const rules::RuleSet known = TwoRules();
  Read r;
  MarkerContext context;
  context.rules = &known;
  context.warnings = &r.warnings;
  r.allowed = LineAllowsRule(line, rule, /*standalone=*/false, context);
  return r;
}

TEST_CASE("issue 11: a free-text reason after magpie:allow allows every rule", "[suppress]") {
  const Read r = ReadMarker("k = 1  # magpie:allow test fixture");
  CHECK(r.allowed);
  CHECK(r.warnings.empty());
  CHECK(ReadMarker("# magpie:allow test fixture", "jwt").allowed);
}

TEST_CASE("issue 11: a rule id then a reason with or without -- allows that rule only",
          "[suppress]") {
  for (const std::string line : {"# magpie:allow aws-access-key-id -- fake key",
                                 "# magpie:allow aws-access-key-id fake key",
                                 "# magpie:allow jwt, aws-access-key-id -- the-docs' example"}) {
    INFO(line);
    const Read r = ReadMarker(line);
    CHECK(r.allowed);
    CHECK(r.warnings.empty());
    CHECK_FALSE(ReadMarker("# magpie:allow aws-access-key-id -- fake key", "jwt").allowed);
  }
}

TEST_CASE("issue 11: a misspelt rule id allows nothing and is named in a warning",
          "[suppress]") {
  const Read typo = ReadMarker("# magpie:allow aws-acess-key-id");
  CHECK_FALSE(typo.allowed);
  REQUIRE(typo.warnings.size() == 1);
  CHECK(typo.warnings[0].find("'aws-acess-key-id'") != std::string::npos);
  CHECK(typo.warnings[0].find("did you mean 'aws-access-key-id'") != std::string::npos);

  const Read unknown = ReadMarker("# magpie:allow my-own-rule test fixture");
  CHECK_FALSE(unknown.allowed);
  REQUIRE(unknown.warnings.size() == 1);
  CHECK(unknown.warnings[0].find("'my-own-rule'") != std::string::npos);
  CHECK(unknown.warnings[0].find("did you mean") == std::string::npos);

  const Read near = ReadMarker("# magpie:allow jwtt", "jwt");  // no hyphen, but two edits away
  CHECK_FALSE(near.allowed);
  CHECK(near.warnings.size() == 1);

  // Short words are never taken for typos of short ids: "it" is two edits from "jwt".
  const Read prose = ReadMarker("# magpie:allow it is a fixture", "jwt");
  CHECK(prose.allowed);
  CHECK(prose.warnings.empty());
  // After --, nothing is read.
  CHECK(ReadMarker("# magpie:allow aws-access-key-id -- aws-acess-key-id").warnings.empty());
}

TEST_CASE("issue 11: ApplyInlineAllows reports each marker warning once with its line",
          "[suppress]") {
  static const rules::RuleSet known = TwoRules();
  const std::string data = "# magpie:allow aws-acess-key-id\nk = \"" + std::string(kKey) +
                           "\" + \"" + std::string(kKey) + "\"\n";
  Finding first = FindingAt(data);
  first.start.line = 2;
  Finding second = first;
  second.start.offset = data.rfind(kKey);
  std::vector<Finding> findings{first, second};
  std::vector<SuppressedFinding> suppressed;
  std::vector<std::string> warnings;
  MarkerContext context;
  context.rules = &known;
  context.warnings = &warnings;
  ApplyInlineAllows(data, &findings, &suppressed, context);
  CHECK(findings.size() == 2);  // never allowed by a typo
  CHECK(suppressed.empty());
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].rfind("line 2: ", 0) == 0);
}

}  // namespace
}  // namespace magpie::suppress
