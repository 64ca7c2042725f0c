// Issue 15: rules of kind path and dotenv, and the remediation field, in the loader and the
// cache codec.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "rules/rule_codec.h"
#include "rules/rule_set.h"

namespace magpie::rules {
namespace {

std::string Problems(const LoadResult& result) { return result.status().message(); }

constexpr const char* kPathRule =
    "rules:\n"
    "  - id: demo-file\n"
    "    name: Demo file\n"
    "    description: A file.\n"
    "    kind: path\n"
    "    paths: ['*.demo', '!keep.demo']\n"
    "    content: 'BEGIN'\n"
    "    remediation: 'Rotate it: https://example.com/rotate'\n"
    "    examples: [\"a.demo\\nBEGIN\"]\n";

}  // namespace

TEST_CASE("issue 15: a path rule loads without a pattern and keeps its fields", "[rules]") {
  const LoadResult result = ParseRules(kPathRule, "t.yaml");
  INFO(Problems(result));
  REQUIRE(result.ok());
  const RuleSpec& rule = result.rules.rules().at(0);
  CHECK(rule.kind == RuleKind::kPath);
  CHECK(rule.paths == std::vector<std::string>{"*.demo", "!keep.demo"});
  CHECK(rule.content == "BEGIN");
  CHECK(rule.remediation == "Rotate it: https://example.com/rotate");
  CHECK(rule.pattern.empty());
}

TEST_CASE("issue 15: each kind's keys are checked", "[rules]") {
  // A path rule without paths, or with a content rule's pattern.
  LoadResult result = ParseRules(
      "rules:\n  - {id: a, name: A, description: D, kind: path, pattern: '(x)', examples: [a]}\n",
      "t.yaml");
  CHECK(Problems(result).find("'pattern' is for content rules") != std::string::npos);
  CHECK(Problems(result).find("missing required key 'paths'") != std::string::npos);
  // A content rule with paths; an unknown kind; a content pattern RE2 refuses.
  result = ParseRules(
      "rules:\n  - {id: a, name: A, description: D, pattern: '(x)', paths: [a], examples: [x]}\n"
      "  - {id: b, name: B, description: D, kind: folder, paths: [a], examples: [a]}\n"
      "  - {id: c, name: C, description: D, kind: path, paths: [a], content: '(', examples: [a]}\n"
      "  - {id: d, name: D, description: D, kind: dotenv, paths: [a], content: x, examples: [a]}\n",
      "t.yaml");
  const std::string problems = Problems(result);
  CHECK(problems.find("rule 'a': 'paths' is for rules of kind path or dotenv") != std::string::npos);
  CHECK(problems.find("rule 'b': unknown kind 'folder'") != std::string::npos);
  CHECK(problems.find("rule 'c': content pattern rejected by RE2") != std::string::npos);
  CHECK(problems.find("rule 'd': 'content' is for rules of kind path") != std::string::npos);
  // An empty remediation is an error, not a silent nothing.
  result = ParseRules(
      "rules:\n  - {id: a, name: A, description: D, pattern: '(x)', remediation: '', "
      "examples: [x]}\n",
      "t.yaml");
  CHECK(Problems(result).find("'remediation' must not be empty") != std::string::npos);
}

TEST_CASE("issue 15: the codec keeps kind paths content and remediation", "[rules]") {
  const LoadResult result = ParseRules(kPathRule, "t.yaml");
  REQUIRE(result.ok());
  const std::optional<RuleSet> decoded = DecodeRuleSet(EncodeRuleSet(result.rules));
  REQUIRE(decoded.has_value());
  const RuleSpec& rule = decoded->rules().at(0);
  CHECK(rule.kind == RuleKind::kPath);
  CHECK(rule.paths == result.rules.rules()[0].paths);
  CHECK(rule.content == "BEGIN");
  CHECK(rule.remediation == result.rules.rules()[0].remediation);
}

TEST_CASE("issue 15: a cache entry of the previous codec version is a miss", "[rules]") {
  // Version 1 had no kind, paths, content or remediation: reading it as a content rule set
  // would silently drop the path rules, so it is re-parsed from the YAML instead.
  nlohmann::json doc = {{"version", 1}, {"source", "t.yaml"}, {"rules", nlohmann::json::array()}};
  const std::vector<std::uint8_t> bytes = nlohmann::json::to_cbor(doc);
  CHECK_FALSE(DecodeRuleSet(std::string(bytes.begin(), bytes.end())).has_value());
}

TEST_CASE("issue 15: every built-in rule carries remediation with a link to the docs", "[rules]") {
  const LoadResult builtin = LoadBuiltinRules();
  REQUIRE(builtin.ok());
  REQUIRE(builtin.rules.rules().size() >= 600);
  for (const RuleSpec& rule : builtin.rules.rules()) {
    INFO(rule.id);
    CHECK_FALSE(rule.remediation.empty());
    CHECK(rule.remediation.find("https://") != std::string::npos);
  }
}

}  // namespace magpie::rules
