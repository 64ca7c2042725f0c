// The Hyperscan expression of a rule (scanner/hs_expression.h): word boundaries relaxed, the
// rest of the pattern untouched, never fewer matches than the pattern.
#include <catch2/catch.hpp>

#include <re2/re2.h>

#include <string>
#include <vector>

#include "rules/re2_options.h"
#include "rules/rule_set.h"
#include "scanner/hs_expression.h"

using magpie::scanner::internal::HyperscanExpression;

TEST_CASE("issue 12: word boundaries leave the Hyperscan expression", "[scanner]") {
  CHECK(HyperscanExpression(R"(\bAKIA[A-Z2-7]{16}\b)") == "(?:)AKIA[A-Z2-7]{16}(?:)");
  CHECK(HyperscanExpression(R"((?i:(?:bitwarden|\bbw_client))x)") ==
        "(?i:(?:bitwarden|(?:)bw_client))x");
  CHECK(HyperscanExpression(R"(\Bfoo)") == "(?:)foo");
  // The empty group keeps the neighbours apart: `a{2}` would be a repetition.
  CHECK(HyperscanExpression(R"(a{2\b})") == "a{2(?:)}");
  CHECK(HyperscanExpression("") == "");
  CHECK(HyperscanExpression(R"(abc)") == "abc");
}

TEST_CASE("issue 12: escapes classes and quotes keep their \\b", "[scanner]") {
  // An escaped backslash before b is a literal backslash and a literal b.
  CHECK(HyperscanExpression(R"(a\\b)") == R"(a\\b)");
  CHECK(HyperscanExpression(R"(a\\\b)") == R"(a\\(?:))");
  // Inside a character class (with a leading ']' or '^]', a named class, an escaped ']').
  CHECK(HyperscanExpression(R"([\b]x\b)") == R"([\b]x(?:))");
  CHECK(HyperscanExpression(R"([]\b]\b)") == R"([]\b](?:))");
  CHECK(HyperscanExpression(R"([^]\b]\b)") == R"([^]\b](?:))");
  CHECK(HyperscanExpression(R"([[:alpha:]\b]\b)") == R"([[:alpha:]\b](?:))");
  CHECK(HyperscanExpression(R"([\]\b]\b)") == R"([\]\b](?:))");
  // Quoted text is literal up to \E.
  CHECK(HyperscanExpression(R"(\Qa\b\Ex\b)") == R"(\Qa\b\Ex(?:))");
  CHECK(HyperscanExpression(R"(\Qa\b)") == R"(\Qa\b)");
  // Other escapes stay whole.
  CHECK(HyperscanExpression(R"(\d\w\x{62}\.\b)") == R"(\d\w\x{62}\.(?:))");
  // A trailing lone backslash (RE2 refuses it) is copied, not read past.
  CHECK(HyperscanExpression("a\\") == "a\\");
  CHECK(HyperscanExpression("[a") == "[a");
}

TEST_CASE("issue 12: a quantified word boundary is kept", "[scanner]") {
  CHECK(HyperscanExpression(R"(a\b?c)") == R"(a\b?c)");
  CHECK(HyperscanExpression(R"(a\B*c\b{1}d\b+)") == R"(a\B*c\b{1}d\b+)");
}

TEST_CASE("issue 12: the expression matches wherever the pattern matches", "[scanner]") {
  const std::vector<std::string> texts = {
      "BW_CLIENTSECRET=yRZexOE8ylver8QoTIgMbkm7UMyFd9",
      "xbw_client_secret = 'abc'",
      "key=AKIAZ5LXQ2WQ7RTYHM3B;",
      "wordAKIAZ5LXQ2WQ7RTYHM3Bword",
      "a\\b a\\\\b [b] ]b a{2}",
  };
  auto loaded = magpie::rules::LoadBuiltinRules();
  REQUIRE(loaded.ok());
  std::vector<std::string> patterns = {R"(\bbw_client)", R"(a\\b)", R"([]b]\bx)",
                                       R"(a{2\b})"};
  for (const auto& spec : loaded.rules.rules()) patterns.push_back(spec.pattern);
  size_t relaxed = 0;
  for (const std::string& pattern : patterns) {
    const std::string expression = HyperscanExpression(pattern);
    relaxed += expression != pattern;
    RE2 original(pattern, magpie::rules::Re2Options());
    RE2 loose(expression, magpie::rules::Re2Options());
    INFO(pattern << " -> " << expression);
    REQUIRE(original.ok());
    REQUIRE(loose.ok());
    std::vector<std::string> inputs = texts;
    for (const auto& spec : loaded.rules.rules()) {
      if (spec.pattern == pattern) {
        for (const std::string& e : spec.examples) inputs.push_back("x" + e + "y");
      }
    }
    for (const std::string& text : inputs) {
      if (RE2::PartialMatch(text, original)) CHECK(RE2::PartialMatch(text, loose));
    }
  }
  CHECK(relaxed > 0);
}
