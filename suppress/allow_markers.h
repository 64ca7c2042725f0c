// Inline allow markers: a comment on the finding's line, or on a comment line just before it,
// that says "this is not a secret" (a test fixture, a documented example key).
//
// Markers recognised (case-sensitive, anywhere in the line, typically inside a comment):
//   magpie:allow                    every rule
//   magpie:allow RULE[, RULE...]    only these rule ids (separated by spaces and/or commas)
//   gitleaks:allow                  gitleaks' marker, every rule
//   pragma: allowlist secret        detect-secrets' marker, every rule (also "pragma:allowlist
//                                   secret" and "pragma: allowlist nextline secret")
// How the words after magpie:allow are read (docs/suppression.md), given the rule ids in use:
//   - a rule id names that rule; ids may be separated by spaces and/or commas;
//   - `--` ends the ids: the rest of the line is a reason, never read;
//   - the first other word starts a free-text reason: `# magpie:allow test fixture` allows
//     every rule (no id before the reason), `# magpie:allow jwt fake token` allows jwt;
//   - except a word that looks like a rule id but is none: one with a '-' in it
//     (`aws-acess-key-id`, `my-rule`) or within edit distance 2 of a rule id (`jwtt`). It names a
//     rule that does not exist, so it allows nothing, and each one gives a warning naming it
//     (with the nearest id as a suggestion): a typo never allows every rule, and never allows
//     nothing silently. Write such a reason after `--`.
// Without the rule ids (rules == nullptr) every id-shaped word ([a-z0-9][a-z0-9-]*) is taken as
// an id, silently; magpie itself always passes them.
//
// The line before counts only when nothing but whitespace and punctuation precedes the marker
// there (`# magpie:allow`, `// gitleaks:allow`, `<!-- magpie:allow -->`): a marker at the end of
// `KEY1=... # magpie:allow` covers KEY1, never the KEY2 on the next line.
//
// Cost: only the two lines are looked at, and only kMarkerWindowBytes before the secret and
// twice that from its start on its own line, and the last kMarkerWindowBytes of the line before,
// so a minified one-line file with many findings stays linear.
// Thread safety: pure function.
#ifndef MAGPIE_SUPPRESS_ALLOW_MARKERS_H_
#define MAGPIE_SUPPRESS_ALLOW_MARKERS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule_set.h"
#include "scanner/finding.h"

namespace magpie::suppress {

inline constexpr size_t kMarkerWindowBytes = 4096;

// What markers are read against, and where their warnings go. Both may be null.
struct MarkerContext {
  const rules::RuleSet* rules = nullptr;    // the rule ids in use (see above)
  std::vector<std::string>* warnings = nullptr;  // one line each, may repeat; not escaped
};

// True when `line` holds a marker that allows rule `rule_id`. With `standalone`, only a marker
// preceded by nothing but whitespace and punctuation counts (the rule for the line before).
bool LineAllowsRule(std::string_view line, std::string_view rule_id, bool standalone = false,
                    const MarkerContext& context = {});

// True when `f` (found in `data`, the whole scanned buffer) is allowed by a marker on its start
// line or on the line before it.
bool IsSuppressedInline(std::string_view data, const scanner::Finding& f,
                        const MarkerContext& context = {});

}  // namespace magpie::suppress

#endif  // MAGPIE_SUPPRESS_ALLOW_MARKERS_H_
