#include "rules/rule_set.h"

#include <cstdio>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <re2/re2.h>

namespace magpie::rules {
namespace {

// Every problem's rendered form, for readable failure output.
std::vector<std::string> Rendered(const LoadResult& result) {
  std::vector<std::string> out;
  for (const RuleProblem& p : result.problems) out.push_back(p.ToString());
  return out;
}

// True when some problem has this line, rule id and a message containing `needle`.
bool HasProblem(const LoadResult& result, int line, const std::string& rule_id,
                const std::string& needle) {
  for (const RuleProblem& p : result.problems) {
    if (p.line == line && p.rule_id == rule_id && p.message.find(needle) != std::string::npos) {
      return true;
    }
  }
  return false;
}

// A valid one-rule file; line numbers below refer to this layout.
constexpr char kValid[] =
    "version: 1\n"                               // 1
    "rules:\n"                                   // 2
    "  - id: demo-token\n"                       // 3
    "    name: Demo token\n"                     // 4
    "    description: A token for the tests.\n"  // 5
    "    pattern: '\\b(demo_[a-z0-9]{8})\\b'\n"  // 6
    "    examples: ['demo_abcd1234']\n";         // 7

TEST_CASE("a minimal rule loads with the documented defaults", "[rules]") {
  const LoadResult result = ParseRules(kValid, "t.yaml");
  INFO(Catch::Detail::stringify(Rendered(result)));
  REQUIRE(result.ok());
  REQUIRE(result.rules.rules().size() == 1);
  const RuleSpec& rule = result.rules.rules()[0];
  CHECK(rule.id == "demo-token");
  CHECK(rule.name == "Demo token");
  CHECK(rule.description == "A token for the tests.");
  CHECK(rule.pattern == "\\b(demo_[a-z0-9]{8})\\b");
  CHECK(rule.secret_group == 1);
  CHECK(rule.line == 3);
  CHECK(rule.severity == Severity::kHigh);
  CHECK(rule.confidence == Confidence::kMedium);
  CHECK(rule.require_validation);
  CHECK(rule.validator == Validator::kNone);
  CHECK_FALSE(rule.min_entropy.has_value());
  CHECK(rule.examples == std::vector<std::string>{"demo_abcd1234"});
  CHECK(result.rules.source() == "t.yaml");
  CHECK(result.rules.Find("demo-token") == 0);
  CHECK(result.rules.Find("other") == -1);
}

TEST_CASE("every optional key is read", "[rules]") {
  const LoadResult result = ParseRules(
      "rules:\n"
      "  - id: full\n"
      "    name: Full\n"
      "    description: d\n"
      "    pattern: '(?i)key=(x+)'\n"
      "    keywords: [key, KEY]\n"
      "    min_entropy: 3.5\n"
      "    severity: critical\n"
      "    confidence: low\n"
      "    references: ['https://example.com/a']\n"
      "    examples: ['key=xxx', 'KEY=xx']\n"
      "    negative_examples: ['key=']\n"
      "    validator: jwt\n"
      "    require_validation: false\n",
      "t.yaml");
  INFO(Catch::Detail::stringify(Rendered(result)));
  REQUIRE(result.ok());
  const RuleSpec& rule = result.rules.rules().at(0);
  CHECK(rule.keywords == std::vector<std::string>{"key", "KEY"});
  REQUIRE(rule.min_entropy.has_value());
  CHECK(*rule.min_entropy == Approx(3.5));
  CHECK(rule.severity == Severity::kCritical);
  CHECK(rule.confidence == Confidence::kLow);
  CHECK(rule.references == std::vector<std::string>{"https://example.com/a"});
  CHECK(rule.examples.size() == 2);
  CHECK(rule.negative_examples == std::vector<std::string>{"key="});
  CHECK(rule.validator == Validator::kJwt);
  CHECK_FALSE(rule.require_validation);
}

TEST_CASE("an unknown rule key is reported with its line and the rule id", "[rules]") {
  const LoadResult result = ParseRules(
      "rules:\n"
      "  - id: typo\n"
      "    name: n\n"
      "    description: d\n"
      "    patern: '(x)'\n"
      "    examples: ['x']\n",
      "rules.yaml");
  REQUIRE_FALSE(result.ok());
  CHECK(result.rules.rules().empty());
  CHECK(HasProblem(result, 5, "typo", "unknown key 'patern'"));
  // The misspelt key leaves the required one missing: both are reported.
  CHECK(HasProblem(result, 2, "typo", "missing required key 'pattern'"));
  CHECK(result.problems.size() == 2);
  CHECK(result.problems[0].ToString() == "rules.yaml:5: rule 'typo': unknown key 'patern'");
}

TEST_CASE("an unknown top-level key is reported", "[rules]") {
  const LoadResult result = ParseRules(std::string(kValid) + "rulez: []\n", "t.yaml");
  REQUIRE(result.problems.size() == 1);
  CHECK(HasProblem(result, 8, "", "unknown top-level key 'rulez'"));
}

TEST_CASE("a missing 'rules' key and an unsupported version are reported", "[rules]") {
  const LoadResult no_rules = ParseRules("version: 1\n", "t.yaml");
  CHECK(HasProblem(no_rules, 0, "", "missing required top-level key 'rules'"));

  std::string v2 = kValid;
  v2.replace(v2.find("version: 1"), 10, "version: 2");
  const LoadResult bad_version = ParseRules(v2, "t.yaml");
  REQUIRE(bad_version.problems.size() == 1);
  CHECK(HasProblem(bad_version, 1, "", "unsupported version 2"));

  CHECK_FALSE(ParseRules("", "t.yaml").ok());
  CHECK_FALSE(ParseRules("- a\n- b\n", "t.yaml").ok());
}

TEST_CASE("a duplicate id names both lines", "[rules]") {
  const std::string rule =
      "  - id: twin\n"
      "    name: n\n"
      "    description: d\n"
      "    pattern: '(x)'\n"
      "    examples: ['x']\n";
  const LoadResult result = ParseRules("rules:\n" + rule + rule, "t.yaml");
  REQUIRE(result.problems.size() == 1);
  const RuleProblem& p = result.problems[0];
  CHECK(p.line == 7);
  CHECK(p.rule_id == "twin");
  CHECK(p.message.find("duplicate id") != std::string::npos);
  CHECK(p.message.find("line 2") != std::string::npos);
  CHECK(p.message.find("line 7") != std::string::npos);
}

// A one-rule file whose pattern is on line 5.
std::string RuleWithPattern(const std::string& pattern) {
  const std::string head =
      "rules:\n"
      "  - id: p\n"
      "    name: n\n"
      "    description: d\n";
  return head + "    pattern: '" + pattern + "'\n    examples: ['x']\n";
}

TEST_CASE("a pattern RE2 refuses carries RE2's error text", "[rules]") {
  const std::string pattern = "(abc";
  RE2::Options options;
  options.set_log_errors(false);
  const RE2 re(pattern, options);
  REQUIRE_FALSE(re.ok());

  const LoadResult result = ParseRules(RuleWithPattern(pattern), "t.yaml");
  REQUIRE(result.problems.size() == 1);
  CHECK(HasProblem(result, 5, "p", re.error()));
  CHECK(HasProblem(result, 5, "p", "missing )"));

  // Lookarounds and backreferences are outside the shared RE2/Hyperscan dialect.
  CHECK_FALSE(ParseRules(RuleWithPattern("(a)(?=b)"), "t.yaml").ok());
  CHECK_FALSE(ParseRules(RuleWithPattern("(a)\\1"), "t.yaml").ok());
}

TEST_CASE("a pattern without a capture group is refused", "[rules]") {
  const LoadResult result = ParseRules(RuleWithPattern("x(?:yz)+"), "t.yaml");
  REQUIRE(result.problems.size() == 1);
  CHECK(HasProblem(result, 5, "p", "no capture group"));
}

TEST_CASE("the group named 'secret' is the secret, else group 1", "[rules]") {
  const LoadResult named = ParseRules(RuleWithPattern("(key|token)=(?P<secret>[a-z]+)"), "t");
  INFO(Catch::Detail::stringify(Rendered(named)));
  REQUIRE(named.ok());
  CHECK(named.rules.rules()[0].secret_group == 2);

  // RE2 before 2023 knows only the (?P<name>) spelling; then the problem says so.
  const LoadResult angle = ParseRules(RuleWithPattern("(x)(?<secret>[a-z]+)"), "t");
  RE2::Options quiet;
  quiet.set_log_errors(false);
  if (RE2("(?<secret>x)", quiet).ok()) {
    REQUIRE(angle.ok());
    CHECK(angle.rules.rules()[0].secret_group == 2);
  } else {
    REQUIRE(angle.problems.size() == 1);
    CHECK(HasProblem(angle, 5, "p", "(?P<name>...)"));
  }
  CHECK_FALSE(HasProblem(ParseRules(RuleWithPattern("(?<=a)(b)"), "t"), 5, "p", "(?P<name>"));

  const LoadResult other_name = ParseRules(RuleWithPattern("(key)=(?P<value>[a-z]+)"), "t");
  REQUIRE(other_name.ok());
  CHECK(other_name.rules.rules()[0].secret_group == 1);
}

TEST_CASE("missing required keys are each reported", "[rules]") {
  const LoadResult result = ParseRules(
      "rules:\n"
      "  - id: bare\n"
      "    pattern: '(x)'\n",
      "t.yaml");
  CHECK(result.problems.size() == 3);
  CHECK(HasProblem(result, 2, "bare", "missing required key 'name'"));
  CHECK(HasProblem(result, 2, "bare", "missing required key 'description'"));
  CHECK(HasProblem(result, 2, "bare", "missing required key 'examples'"));

  const LoadResult no_id = ParseRules(
      "rules:\n"
      "  - name: n\n"
      "    description: d\n"
      "    pattern: '(x)'\n"
      "    examples: ['x']\n",
      "t.yaml");
  REQUIRE(no_id.problems.size() == 1);
  CHECK(HasProblem(no_id, 2, "", "missing required key 'id'"));
}

// Appends `extra` (indented keys) to the valid rule and returns the problems.
LoadResult WithExtra(const std::string& extra) {
  return ParseRules(std::string(kValid) + extra, "t.yaml");
}

TEST_CASE("bad enum values and unknown validators are refused", "[rules]") {
  CHECK(HasProblem(WithExtra("    severity: urgent\n"), 8, "demo-token",
                   "unknown severity 'urgent'"));
  CHECK(HasProblem(WithExtra("    confidence: certain\n"), 8, "demo-token",
                   "unknown confidence 'certain'"));
  const LoadResult validator = WithExtra("    validator: luhn\n");
  REQUIRE(validator.problems.size() == 1);
  CHECK(HasProblem(validator, 8, "demo-token", "unknown validator 'luhn'"));
  CHECK(WithExtra("    validator: github-checksum\n").ok());
}

TEST_CASE("wrong types are refused", "[rules]") {
  CHECK(HasProblem(WithExtra("    keywords: demo_\n"), 8, "demo-token", "must be a list"));
  CHECK(HasProblem(WithExtra("    keywords: [[a]]\n"), 8, "demo-token", "must be a string"));
  CHECK(HasProblem(WithExtra("    min_entropy: lots\n"), 8, "demo-token", "must be a number"));
  CHECK(HasProblem(WithExtra("    min_entropy: 9\n"), 8, "demo-token", "between 0 and 8"));
  CHECK(HasProblem(WithExtra("    min_entropy: -1\n"), 8, "demo-token", "between 0 and 8"));
  CHECK(HasProblem(WithExtra("    require_validation: maybe\n"), 8, "demo-token", "true or false"));
  CHECK(HasProblem(WithExtra("    references: {a: b}\n"), 8, "demo-token", "must be a list"));
  CHECK(HasProblem(WithExtra("    negative_examples: x\n"), 8, "demo-token", "must be a list"));
  CHECK(HasProblem(WithExtra("    severity: [high]\n"), 8, "demo-token", "must be a string"));
  CHECK(HasProblem(WithExtra("    name: n\n"), 8, "demo-token", "duplicate key 'name'"));
  CHECK(HasProblem(ParseRules(std::string(kValid) + "version: 1\n", "t"), 8, "",
                   "duplicate key 'version' (first on line 1)"));
  CHECK(WithExtra("    min_entropy: 0\n").ok());
  CHECK(WithExtra("    min_entropy: 8\n").ok());

  const LoadResult empty_examples = ParseRules(
      "rules:\n"
      "  - id: e\n"
      "    name: n\n"
      "    description: d\n"
      "    pattern: '(x)'\n"
      "    examples: []\n",
      "t.yaml");
  REQUIRE(empty_examples.problems.size() == 1);
  CHECK(HasProblem(empty_examples, 6, "e", "at least one example"));

  const LoadResult not_a_map = ParseRules("rules:\n  - just a string\n", "t.yaml");
  REQUIRE(not_a_map.problems.size() == 1);
  CHECK(HasProblem(not_a_map, 2, "", "must be a mapping"));
}

TEST_CASE("ids must be kebab-case", "[rules]") {
  std::string text = kValid;
  const std::string good = "id: demo-token";
  for (const char* id : {"Demo-Token", "-demo", "demo_token", "demo token"}) {
    text = kValid;
    text.replace(text.find(good), good.size(), std::string("id: '") + id + "'");
    INFO(id);
    CHECK(HasProblem(ParseRules(text, "t.yaml"), 3, id, "kebab-case"));
  }
  text = kValid;
  text.replace(text.find(good), good.size(), "id: 9lives-2");
  CHECK(ParseRules(text, "t.yaml").ok());
}

TEST_CASE("a YAML syntax error is one problem with its line", "[rules]") {
  const LoadResult result = ParseRules(
      "rules:\n"
      "  - id: x\n"
      "    name: [unclosed\n"
      "    description: d\n"
      "\n",
      "broken.yaml");
  REQUIRE(result.problems.size() == 1);
  const RuleProblem& p = result.problems[0];
  CHECK(p.source == "broken.yaml");
  CHECK(p.line >= 3);  // yaml-cpp reports where it gave up, at or after the opening bracket
  CHECK(p.line <= 6);
  CHECK(p.message.find("invalid YAML") != std::string::npos);

  const LoadResult tab = ParseRules("rules:\n  - id: x\n\t name: y\n", "t.yaml");
  REQUIRE(tab.problems.size() == 1);
  CHECK(tab.problems[0].line == 3);
}

TEST_CASE("all problems of a file are collected at once, with their lines", "[rules]") {
  const LoadResult result = ParseRules(
      "version: 1\n"            // 1
      "extra: true\n"           // 2  unknown top-level key
      "rules:\n"                // 3
      "  - id: one\n"           // 4
      "    name: One\n"         // 5
      "    description: d\n"    // 6
      "    pattern: '(a'\n"     // 7  RE2 error
      "    examples: ['a']\n"   // 8
      "  - id: two\n"           // 9
      "    name: Two\n"         // 10
      "    description: d\n"    // 11
      "    pattern: 'b'\n"      // 12 no capture group
      "    severity: huge\n"    // 13 bad severity
      "    examples: ['b']\n"   // 14
      "  - id: three\n"         // 15 fine
      "    name: Three\n"       // 16
      "    description: d\n"    // 17
      "    pattern: '(c)'\n"    // 18
      "    examples: ['c']\n"   // 19
      "  - id: one\n"           // 20 duplicate of line 4
      "    name: One again\n"   // 21
      "    description: d\n"    // 22
      "    pattern: '(d)'\n"    // 23
      "    validator: nope\n"   // 24 unknown validator
      "    examples: ['d']\n",  // 25
      "many.yaml");
  INFO(Catch::Detail::stringify(Rendered(result)));
  CHECK(result.problems.size() == 6);
  CHECK(HasProblem(result, 2, "", "unknown top-level key 'extra'"));
  CHECK(HasProblem(result, 7, "one", "rejected by RE2"));
  CHECK(HasProblem(result, 12, "two", "no capture group"));
  CHECK(HasProblem(result, 13, "two", "unknown severity 'huge'"));
  CHECK(HasProblem(result, 24, "one", "unknown validator 'nope'"));
  CHECK(HasProblem(result, 20, "one", "first defined on line 4"));
  CHECK(result.rules.rules().empty());
}

TEST_CASE("LoadRulesFile reads a file and reports an unreadable one", "[rules]") {
  const std::string missing = "/nonexistent/magpie/rules.yaml";
  const LoadResult none = LoadRulesFile(missing);
  REQUIRE(none.problems.size() == 1);
  CHECK(none.problems[0].source == missing);
  CHECK(none.problems[0].message.find("cannot read") != std::string::npos);

  const LoadResult dir = LoadRulesFile(MAGPIE_SOURCE_DIR);
  CHECK(dir.problems.size() == 1);

  const std::string path = "rule_set_test_tmp.yaml";
  {
    std::ofstream out(path, std::ios::binary);
    out << kValid << "    patern: x\n";
  }
  const LoadResult file = LoadRulesFile(path);
  std::remove(path.c_str());
  REQUIRE(file.problems.size() == 1);
  CHECK(file.problems[0].ToString() == path + ":8: rule 'demo-token': unknown key 'patern'");
}

TEST_CASE("the built-in rules load cleanly", "[rules]") {
  const LoadResult result = LoadBuiltinRules();
  INFO(Catch::Detail::stringify(Rendered(result)));
  REQUIRE(result.ok());
  CHECK(result.rules.source() == "<builtin>");
  REQUIRE_FALSE(result.rules.rules().empty());
  std::set<std::string> ids;
  for (const RuleSpec& rule : result.rules.rules()) {
    CHECK(ids.insert(rule.id).second);
    CHECK_FALSE(rule.examples.empty());
    CHECK(rule.line > 0);
  }
  CHECK(result.rules.Find("aws-access-key-id") >= 0);
  CHECK(BuiltinRulesYaml().find("rules:") != std::string_view::npos);
}

TEST_CASE("problems render as SOURCE:LINE: rule 'ID': MESSAGE, omitting empty parts", "[rules]") {
  CHECK(RuleProblem{"r.yaml", 12, "a-b", "m"}.ToString() == "r.yaml:12: rule 'a-b': m");
  CHECK(RuleProblem{"r.yaml", 0, "a-b", "m"}.ToString() == "r.yaml: rule 'a-b': m");
  CHECK(RuleProblem{"r.yaml", 3, "", "m"}.ToString() == "r.yaml:3: m");
  CHECK(RuleProblem{"", 0, "", "m"}.ToString() == "m");
}

TEST_CASE("severity and confidence words round-trip", "[rules]") {
  for (Severity s : {Severity::kLow, Severity::kMedium, Severity::kHigh, Severity::kCritical}) {
    CHECK(ParseSeverity(ToString(s)) == s);
  }
  for (Confidence c : {Confidence::kLow, Confidence::kMedium, Confidence::kHigh}) {
    CHECK(ParseConfidence(ToString(c)) == c);
  }
  CHECK(ToString(Severity::kCritical) == "critical");
  CHECK(ToString(Confidence::kMedium) == "medium");
  CHECK_FALSE(ParseConfidence("critical").has_value());
  CHECK_FALSE(ParseSeverity("High").has_value());
  CHECK(std::size(kKnownValidators) == 6);
}

}  // namespace
}  // namespace magpie::rules
