// The Hyperscan expression of a rule (scanner/hs_expression.h): word boundaries relaxed, the
// rest of the pattern untouched, never fewer matches than the pattern.
#include <catch2/catch.hpp>

#include <hs/hs.h>
#include <re2/re2.h>

#include <algorithm>
#include <iterator>
#include <string_view>
#include <string>
#include <utility>
#include <vector>

#include "rules/re2_options.h"
#include "rules/rule_set.h"
#include "scanner/compiled_rules.h"
#include "scanner/compiled_rules_impl.h"
#include "scanner/fingerprint.h"
#include "scanner/hs_expression.h"
#include "tests/scanner/hyperscan_ends.h"

using magpie::scanner::internal::HyperscanExpression;
using magpie::scanner::internal::LinePrefixDropped;

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

TEST_CASE("issue 12: a line's unbounded prefix leaves the Hyperscan expression", "[scanner]") {
  CHECK(HyperscanExpression(R"((?m)^ *\|[^\r\n]*\|\bkey)") == R"((?m)\|(?:)key)");
  CHECK(HyperscanExpression(R"((?m)^[ \t]*\|[^\r\n]*\|[ \t]*(?i:password)[ \t]*\|\r?$)") ==
        R"((?m)\|[ \t]*(?i:password)[ \t]*\|\r?$)");
  // Lazy runs, runs of [^\n], a letter leading what is left; only the first run is the cut.
  CHECK(HyperscanExpression(R"((?m)^a[^\r\n]*?b[^\r\n]*c)") == R"((?m)b[^\r\n]*c)");
  CHECK(HyperscanExpression(R"((?m)^[^\n]*x)") == R"((?m)x)");
  CHECK(HyperscanExpression(R"((?m)^(?:a|b)[^\n]*\.)") == R"((?m)\.)");
  CHECK(LinePrefixDropped(R"((?m)^[^\n]*x)"));
}

TEST_CASE("issue 12: a line prefix stays where dropping it could lose a match", "[scanner]") {
  const std::vector<std::string> kept = {
      R"(^[^\r\n]*\|x)",                 // not multiline
      R"((?m)[^\r\n]*\|x)",              // no line start
      R"((?m)^a[^\r\n]*\|x|y)",          // an alternative without the run
      R"((?m)^a(?:[^\r\n]*)\|x)",        // the run inside a group
      R"((?m)^a[b[^\r\n]*\|x)",          // inside a class: [b[^\r\n] is one class
      R"((?m)^(?i)a[^\r\n]*x)",          // a flag group before the cut holds after it
      R"((?m)^a[^\r\n]*[xy])",           // no literal leads what is left
      R"((?m)^a[^\r\n]*x*)",             // what is left could match empty
      R"((?m)^a[^\r\n]*x?y)",            // a quantified literal
      R"((?m)^a[^\r\n]*)",               // nothing left
      R"((?m)^a[^\r\n]*\bx)",            // an assertion, not a literal, leads
      R"((?m)^a\Q[^\r\n]*\E\|x)",        // quoted: literal text
      R"((?m)^a\[^\r\n]*\|x)",           // an escaped bracket: no class
  };
  for (const std::string& pattern : kept) {
    INFO(pattern);
    CHECK_FALSE(LinePrefixDropped(pattern));
    CHECK(HyperscanExpression(pattern).find("^") == pattern.find("^"));
  }
}

TEST_CASE("issue 12: Hyperscan reports every end the pattern has once the line prefix is gone",
          "[scanner]") {
  auto loaded = magpie::rules::LoadBuiltinRules();
  REQUIRE(loaded.ok());
  size_t dropped = 0;
  for (const auto& spec : loaded.rules.rules()) {
    if (!LinePrefixDropped(spec.pattern)) continue;
    ++dropped;
    // Lines before and after, so that the match does not open the buffer.
    magpie::testing::CheckExampleEndsReported(spec, HyperscanExpression(spec.pattern), "| a | b |",
                                              "| c |");
  }
  // markdown-table-password-column, whose line prefix cost 16% of the main database.
  CHECK(dropped >= 1);
}

namespace {

// Every string of up to 5 characters over the bytes the rewrite reads (and a few it does not),
// plus the patterns of the cases above: what the rewrite outputs for them, hashed.
std::string RewriteDigest() {
  // Since version 3, the line-scoped expression (the generic detector's) too.
  const bool with_line_scoped = magpie::scanner::internal::kHyperscanExpressionVersion >= 3;
  const std::string alphabet = "\\bBQE[]^:?{}(a";
  std::vector<std::string> inputs = {
      R"(\bAKIA[A-Z2-7]{16}\b)", R"((?i:(?:bitwarden|\bbw_client))x)", R"([[:alpha:]\b]\b)",
      R"(\Qa\b\Ex\b)", R"(\d\w\x{62}\.\b)", R"(a\B*c\b{1}d\b+)", R"([^]\b]\b)",
      // Since version 2, the line prefix (and where it stays).
      R"((?m)^ *\|[^\r\n]*\|\bkey)", R"((?m)^a[^\r\n]*?b[^\r\n]*c)", R"((?m)^(?i)a[^\r\n]*x)",
      R"((?m)^a[^\r\n]*x?y)", R"((?m)^a(?:[^\r\n]*)\|x)", R"((?m)^a[^\r\n]*\|x|y)",
      // Since version 3, the line-scoped loosening and cut.
      R"(key[ \t]{0,8}=[ \t]{0,8}([^\s"']{8,}))", R"(a[x-z]{1,5}b[x-z]{2,5}c)",
      R"(a[^"]{0,8}b)", R"((a[b]{2,})+)", R"(a[b]{2,}?)"};
  std::vector<std::string> level = {""};
  for (int length = 1; length <= 5; ++length) {
    std::vector<std::string> next;
    next.reserve(level.size() * alphabet.size());
    for (const std::string& prefix : level) {
      for (char c : alphabet) next.push_back(prefix + c);
    }
    inputs.insert(inputs.end(), next.begin(), next.end());
    level = std::move(next);
  }
  std::string material;
  for (const std::string& input : inputs) {
    material += input;
    material.push_back('\0');
    material += HyperscanExpression(input);
    material.push_back('\0');
    if (with_line_scoped) {
      material += magpie::scanner::internal::LineScopedHyperscanExpression(input);
      material.push_back('\0');
    }
  }
  return magpie::scanner::Sha256Hex(material);
}

// One row per version of the rewrite, never edited: a change to what the rewrite outputs gets
// a new kHyperscanExpressionVersion and a new row, so that the cache key changes with it.
struct PinnedRewrite {
  int version;
  const char* digest;
};
constexpr PinnedRewrite kPinnedRewrites[] = {
    {1, "1ae1b8b63079334b2361936843d51373567d9ccf8689f143900ae3e9b81c140d"},
    {2, "8e30014e3ed017f1c456e77007233de2e62835db017dc5388e14f2097eec75cb"},
    {3, "a5199cf2775a6d15d2f80e2ca2136c806d5e7376b0cd8308d48d43930a507246"},
};

}  // namespace

TEST_CASE("issue 11: the rewrite's output is pinned to its version tag", "[scanner]") {
  const PinnedRewrite& current = std::end(kPinnedRewrites)[-1];
  INFO("scanner/hs_expression.h: a changed rewrite bumps kHyperscanExpressionVersion and adds "
       "a row to kPinnedRewrites (cached databases compiled by the old rewrite must miss)");
  REQUIRE(current.version == magpie::scanner::internal::kHyperscanExpressionVersion);
  for (size_t i = 1; i < std::size(kPinnedRewrites); ++i) {
    CHECK(kPinnedRewrites[i - 1].version < kPinnedRewrites[i].version);
    for (size_t j = 0; j < i; ++j) {
      CHECK(std::string(kPinnedRewrites[j].digest) != kPinnedRewrites[i].digest);
    }
  }
  CHECK(RewriteDigest() == current.digest);
}

TEST_CASE("issue 11: the database cache key follows the rewrite's version tag", "[scanner]") {
  namespace scanner = magpie::scanner;
  auto loaded = magpie::rules::LoadBuiltinRules();
  REQUIRE(loaded.ok());
  const scanner::CompileOptions options;
  const std::string key = scanner::CompiledRules::CacheKey(loaded.rules, options);
  CHECK(key == scanner::internal::CacheKeyForRewrite(loaded.rules, options,
                                                     scanner::internal::kHyperscanExpressionVersion));
  // An entry written under another version of the rewrite is under another key: it misses.
  CHECK(key != scanner::internal::CacheKeyForRewrite(
                   loaded.rules, options, scanner::internal::kHyperscanExpressionVersion + 1));
  CHECK(key != scanner::internal::CacheKeyForRewrite(
                   loaded.rules, options, scanner::internal::kHyperscanExpressionVersion - 1));
}
