// The parsed, validated form of one rule from rules.yaml. Plain data: no regex engine types.
#ifndef MAGPIE_RULES_RULE_SPEC_H_
#define MAGPIE_RULES_RULE_SPEC_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace magpie::rules {

enum class Confidence { kLow = 0, kMedium = 1, kHigh = 2 };
enum class Severity { kLow = 0, kMedium = 1, kHigh = 2, kCritical = 3 };

std::string_view ToString(Confidence c);
std::string_view ToString(Severity s);
// Parses "low"/"medium"/"high" (and "critical" for severity); nullopt when unknown.
std::optional<Confidence> ParseConfidence(std::string_view s);
std::optional<Severity> ParseSeverity(std::string_view s);

struct RuleSpec {
  std::string id;           // stable, kebab-case, unique in a set
  std::string name;         // human title
  std::string description;  // what it finds and why it matters
  // One RE2 regex (also compiled by Hyperscan). The secret is the group named `secret`
  // when there is one, else capture group 1. `secret_group` holds the resolved index (>= 1).
  std::string pattern;
  int secret_group = 1;
  std::vector<std::string> keywords;  // literals that a match always contains (documentation)
  std::optional<double> min_entropy;  // Shannon bits/char the secret must reach
  Severity severity = Severity::kHigh;
  Confidence confidence = Confidence::kMedium;
  std::vector<std::string> references;
  std::vector<std::string> examples;           // each must produce a finding of this rule
  std::vector<std::string> negative_examples;  // none may produce a finding of this rule
  // Name of a structural validator run in the confirm stage ("" = none). Known names are
  // listed by KnownValidators(); an unknown one is a load error.
  std::string validator;
  // When a validator is named and this is true, a candidate that fails validation is dropped;
  // otherwise it is kept with validated=false.
  bool require_validation = true;
  int line = 0;  // 1-based line of the rule's entry in its file (0 when built in code)
};

// Validator names the scanner implements; the loader rejects any other.
const std::vector<std::string>& KnownValidators();

}  // namespace magpie::rules

#endif  // MAGPIE_RULES_RULE_SPEC_H_
