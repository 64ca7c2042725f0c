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

// The structural validators the scanner implements (scanner/validators.h), by the names
// rules.yaml gives them. A rule names at most one.
enum class Validator {
  kNone = 0,        // no validator (the rule has no `validator:` key)
  kGithubChecksum,  // "github-checksum"
  kNpmChecksum,     // "npm-checksum"
  kJwt,             // "jwt"
  kPem,             // "pem"
  kPypiMacaroon,    // "pypi-macaroon"
};

// Every validator a rule may name, in the order the loader lists them in its messages.
inline constexpr Validator kKnownValidators[] = {Validator::kGithubChecksum,
                                                 Validator::kNpmChecksum, Validator::kJwt,
                                                 Validator::kPem, Validator::kPypiMacaroon};

// The name in rules.yaml; "" for kNone.
std::string_view ToString(Validator v);
// The validator called `name`; nullopt for any other word, "" and "none" included.
std::optional<Validator> ParseValidator(std::string_view name);

// The id of the scanner's built-in generic entropy detector, which the scanner adds to every
// rule set as a rule of its own (scanner/generic_detector.h). Findings carry it; a rules file
// or .magpie.yaml refers to the detector by it (to disable it, or to allow its findings).
inline constexpr std::string_view kGenericRuleId = "generic-secret";

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
  // The structural validator run in the confirm stage. The loader turns the name in
  // rules.yaml into this (ParseValidator); an unknown name is a load error.
  Validator validator = Validator::kNone;
  // When a validator is named and this is true, a candidate that fails validation is dropped;
  // otherwise it is kept with validated=false.
  bool require_validation = true;
  int line = 0;  // 1-based line of the rule's entry in its file (0 when built in code)
};

}  // namespace magpie::rules

#endif  // MAGPIE_RULES_RULE_SPEC_H_
