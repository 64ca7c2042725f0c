// The contracts rules/ shares with the scanner: validator names, the generic rule's id and the
// one RE2 configuration.
#include "rules/rule_spec.h"

#include <set>
#include <string>

#include <catch2/catch.hpp>
#include <re2/re2.h>

#include "rules/re2_options.h"
#include "rules/rule_set.h"

namespace magpie::rules {
namespace {

TEST_CASE("validator names round-trip and only known names parse", "[rules]") {
  std::set<std::string> names;
  for (const Validator v : kKnownValidators) {
    const std::string name(ToString(v));
    INFO(name);
    CHECK_FALSE(name.empty());
    CHECK(names.insert(name).second);
    CHECK(ParseValidator(name) == v);
  }
  CHECK(names == std::set<std::string>{"github-checksum", "npm-checksum", "jwt", "pem",
                                       "pypi-macaroon", "base64-credentials"});
  CHECK(ToString(Validator::kNone).empty());
  CHECK_FALSE(ParseValidator("").has_value());
  CHECK_FALSE(ParseValidator("none").has_value());
  CHECK_FALSE(ParseValidator("JWT").has_value());
}

TEST_CASE("an unknown validator is refused with the list of known names", "[rules]") {
  const LoadResult result = ParseRules(
      "rules:\n"
      "  - id: v\n"
      "    name: V\n"
      "    description: d\n"
      "    pattern: '(x+)'\n"
      "    examples: ['xx']\n"
      "    validator: luhn\n",
      "t.yaml");
  REQUIRE(result.problems.size() == 1);
  CHECK(result.problems[0].ToString() ==
        "t.yaml:7: rule 'v': unknown validator 'luhn' (known: github-checksum, npm-checksum, "
        "jwt, pem, pypi-macaroon, base64-credentials)");
}

TEST_CASE("the generic detector's id is the one its findings have always carried", "[rules]") {
  CHECK(kGenericRuleId == "generic-secret");
}

TEST_CASE("one RE2 configuration: bytes, leftmost-first, one memory budget", "[rules]") {
  const RE2::Options options = Re2Options();
  CHECK(options.encoding() == RE2::Options::EncodingLatin1);
  CHECK_FALSE(options.log_errors());
  CHECK_FALSE(options.longest_match());
  CHECK(options.case_sensitive());
  CHECK_FALSE(options.dot_nl());
  CHECK(options.max_mem() == kRe2MaxMem);
  // Latin-1: a byte >= 0x80 is one character, as Hyperscan sees it.
  const RE2 re("^(.)$", options);
  std::string one;
  CHECK(RE2::FullMatch("\xe9", re, &one));
}

}  // namespace
}  // namespace magpie::rules
