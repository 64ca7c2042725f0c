// The parsed, validated form of one rule from rules.yaml. Plain data: no regex engine types.
#ifndef MAGPIE_RULES_RULE_SPEC_H_
#define MAGPIE_RULES_RULE_SPEC_H_

#include <cstddef>
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
  kBase64Credentials,  // "base64-credentials"
};

// Every validator a rule may name, in the order the loader lists them in its messages.
inline constexpr Validator kKnownValidators[] = {Validator::kGithubChecksum,
                                                 Validator::kNpmChecksum, Validator::kJwt,
                                                 Validator::kPem, Validator::kPypiMacaroon,
                                                 Validator::kBase64Credentials};

// The name in rules.yaml; "" for kNone.
std::string_view ToString(Validator v);
// The validator called `name`; nullopt for any other word, "" and "none" included.
std::optional<Validator> ParseValidator(std::string_view name);

// The id of the scanner's built-in generic entropy detector, which the scanner adds to every
// rule set as a rule of its own (scanner/generic_detector.h). Findings carry it; a rules file
// or .magpie.yaml refers to the detector by it (to disable it, or to allow its findings).
inline constexpr std::string_view kGenericRuleId = "generic-secret";

// What a rule matches (rules.yaml `kind:`, docs/rules.md).
enum class RuleKind {
  kContent = 0,  // "content" (the default): `pattern` over the bytes of every file
  kPath = 1,     // "path": a file that should never be committed, by its path (`paths`), and
                 // optionally by its `content`; reported as a `sensitive-file` finding
  kDotenv = 2,   // "dotenv": in files matching `paths`, KEY=value lines whose key names a
                 // secret (*_PASSWORD, *_SECRET, *_TOKEN, *_KEY...), whatever the entropy
};
std::string_view ToString(RuleKind k);
std::optional<RuleKind> ParseRuleKind(std::string_view s);

// How much of a file a kPath rule's `content` is matched against: a key file holds its key
// at the start, and a bounded prefix keeps the check cheap on a large file.
inline constexpr size_t kPathContentBytes = 64 * 1024;

struct RuleSpec {
  std::string id;           // stable, kebab-case, unique in a set
  std::string name;         // human title
  std::string description;  // what it finds and why it matters
  RuleKind kind = RuleKind::kContent;
  // kContent: one RE2 regex (also compiled by Hyperscan). The secret is the group named `secret`
  // when there is one, else capture group 1. `secret_group` holds the resolved index (>= 1).
  std::string pattern;
  int secret_group = 1;
  // kContent, optional: what Hyperscan compiles instead of `pattern` ("" = the pattern). Every
  // end of a match of `pattern` must be an end of a match of this expression (a suffix of the
  // pattern is the usual form): Hyperscan only flags candidates, RE2 confirms them with
  // `pattern` in a window around each flagged end. For a pattern whose opening part costs
  // Hyperscan much more than it filters (issue 12: a common key word before a long bounded
  // run). Such a rule stays in the main database (scanner/gate.h).
  std::string hyperscan;
  // kPath and kDotenv: gitignore-style globs matched against the whole '/'-separated path (one
  // without '/' matches the file name at any depth; `!` excludes; the last match decides).
  std::vector<std::string> paths;
  // kPath: an RE2 regex the file's first kPathContentBytes must contain ("" = any content).
  std::string content;
  // How to revoke and rotate this credential, with a link to the provider's documentation.
  // Text output shows its first line, SARIF its whole text as the rule's help.
  std::string remediation;
  std::vector<std::string> keywords;  // literals that a match always contains (documentation)
  std::optional<double> min_entropy;  // Shannon bits/char the secret must reach
  Severity severity = Severity::kHigh;
  Confidence confidence = Confidence::kMedium;
  std::vector<std::string> references;
  // Each must produce a finding of this rule; none of the negative ones may. For kPath and
  // kDotenv an example is a path, then optionally a newline and the file's content.
  std::vector<std::string> examples;
  std::vector<std::string> negative_examples;
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
