// A rule's own Hyperscan expression (RuleSpec::hyperscan, issue 12): loaded, kept by the codec
// and the cache key, compiled instead of the pattern, never gated; and the built-in rules that
// carry one report every end their pattern has.
#include <catch2/catch.hpp>

#include <hs/hs.h>
#include <re2/re2.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rules/re2_options.h"
#include "rules/rule_codec.h"
#include "rules/rule_set.h"
#include "scanner/compiled_rules.h"
#include "scanner/hs_expression.h"
#include "scanner/scanner.h"
#include "scanner_test_util.h"
#include "tests/scanner/hyperscan_ends.h"

namespace {

using magpie::rules::LoadResult;
using magpie::rules::ParseRules;
using magpie::rules::RuleSpec;
using magpie::scanner::CompiledRules;
using magpie::scanner::CompileOptions;
using magpie::testing::Rule;
using magpie::testing::ScannerOrDie;
using magpie::testing::ScanOrDie;

constexpr char kTemplate[] = R"((?:=>|:=|[:=>,])[ \t]{0,10}["']?()";

// `pattern` with Hyperscan expression `hyperscan`, in a set of its own.
std::shared_ptr<const CompiledRules> CompileOne(const std::string& pattern,
                                                const std::string& hyperscan) {
  RuleSpec spec = Rule("own-expression", pattern);
  spec.hyperscan = hyperscan;
  CompileOptions options;
  options.generic_detector = false;
  auto compiled = CompiledRules::Compile(magpie::rules::RuleSet({spec}, "<test>"), options);
  if (!compiled.ok()) FAIL(compiled.status().message());
  return *compiled;
}

size_t Findings(const std::shared_ptr<const CompiledRules>& compiled, const std::string& text) {
  magpie::scanner::ScanOptions options;
  options.decode_depth = 0;
  auto scanner = ScannerOrDie(compiled, options);
  return ScanOrDie(*scanner, text).size();
}

}  // namespace

TEST_CASE("issue 12: a rule's hyperscan expression is loaded and checked", "[rules]") {
  LoadResult result = ParseRules(
      "rules:\n  - {id: a, name: A, description: D, pattern: 'host=\\w+;(pw=\\w+)', "
      "hyperscan: ';(pw=\\w+)', examples: ['host=h;pw=x']}\n",
      "t.yaml");
  INFO(result.status().message());
  REQUIRE(result.ok());
  CHECK(result.rules.rules().at(0).hyperscan == ";(pw=\\w+)");
  // Empty, refused by RE2, or on a path rule: each an error, never silently the pattern.
  result = ParseRules(
      "rules:\n  - {id: a, name: A, description: D, pattern: '(x)', hyperscan: '', examples: [x]}\n"
      "  - {id: b, name: B, description: D, pattern: '(x)', hyperscan: '(', examples: [x]}\n"
      "  - {id: c, name: C, description: D, kind: path, paths: [a], hyperscan: '(x)', "
      "examples: [a]}\n",
      "t.yaml");
  const std::string problems = result.status().message();
  CHECK(problems.find("rule 'a': 'hyperscan' must not be empty") != std::string::npos);
  CHECK(problems.find("rule 'b': hyperscan expression rejected by RE2") != std::string::npos);
  CHECK(problems.find("rule 'c': 'hyperscan' is for content rules") != std::string::npos);
}

TEST_CASE("issue 12: the codec and the cache key keep a rule's hyperscan expression", "[rules]") {
  RuleSpec spec = Rule("own-expression", "host=\\w+;(pw=\\w+)");
  spec.hyperscan = ";(pw=\\w+)";
  const magpie::rules::RuleSet with({spec}, "<test>");
  const std::optional<magpie::rules::RuleSet> decoded =
      magpie::rules::DecodeRuleSet(magpie::rules::EncodeRuleSet(with));
  REQUIRE(decoded.has_value());
  CHECK(decoded->rules().at(0).hyperscan == spec.hyperscan);
  spec.hyperscan.clear();
  const magpie::rules::RuleSet without({spec}, "<test>");
  const CompileOptions options;
  CHECK(CompiledRules::CacheKey(with, options) != CompiledRules::CacheKey(without, options));
}

TEST_CASE("issue 12: Hyperscan compiles a rule's own expression instead of its pattern",
          "[scanner]") {
  const std::string pattern = R"(host=[a-z]{1,20};[a-z=;]{0,40}?pw=([A-Za-z0-9]{12}))";
  const std::string text = "conn host=db;user=app;pw=Q7xk2LmP9zR4 end\n";
  // A suffix of the pattern: the same finding.
  CHECK(Findings(CompileOne(pattern, R"(;[a-z=;]{0,40}?pw=([A-Za-z0-9]{12}))"), text) == 1);
  // An expression that never matches there: no candidate, so no finding, which shows that
  // Hyperscan ran the expression and not the pattern (a wrong expression loses findings; the
  // rules' examples, `magpie rules check`, are what catch it).
  CHECK(Findings(CompileOne(pattern, R"(;zzz([A-Za-z0-9]{12}))"), text) == 0);
  CHECK(Findings(CompileOne(pattern, ""), text) == 1);
}

TEST_CASE("issue 12: a rule with its own Hyperscan expression is never gated", "[scanner]") {
  const std::string pattern = std::string("tok") + kTemplate + "[A-Za-z0-9]{20})";
  CompileOptions options;
  options.generic_detector = false;
  RuleSpec gated = Rule("gated", pattern);
  RuleSpec own = Rule("own", pattern);
  own.hyperscan = std::string(kTemplate) + "[A-Za-z0-9]{20})";
  auto compiled =
      CompiledRules::Compile(magpie::rules::RuleSet({gated, own}, "<test>"), options);
  REQUIRE(compiled.ok());
  CHECK((*compiled)->GatedRuleIds() == std::vector<std::string>{"gated"});
}

TEST_CASE("issue 12: a built-in rule's hyperscan expression reports every end of its pattern",
          "[scanner]") {
  const LoadResult loaded = magpie::rules::LoadBuiltinRules();
  REQUIRE(loaded.ok());
  size_t rules = 0;
  for (const RuleSpec& spec : loaded.rules.rules()) {
    if (spec.hyperscan.empty()) continue;
    ++rules;
    magpie::testing::CheckExampleEndsReported(
        spec, magpie::scanner::internal::HyperscanExpression(spec.hyperscan), "x = 1;", "y = 2;");
  }
  // odbc-connection-string-password, whose opening part cost 5% of the main database.
  CHECK(rules >= 1);
}
