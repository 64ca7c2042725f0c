// Inline allow markers: a comment on the finding's line, or on a comment line just before it,
// that says "this is not a secret" (a test fixture, a documented example key).
//
// Markers recognised (case-sensitive, anywhere in the line, typically inside a comment):
//   magpie:allow                    every rule
//   magpie:allow RULE[, RULE...]    only these rule ids (separated by spaces and/or commas)
//   gitleaks:allow                  gitleaks' marker, every rule
//   pragma: allowlist secret        detect-secrets' marker, every rule (also "pragma:allowlist
//                                   secret" and "pragma: allowlist nextline secret")
// The ids after magpie:allow are the words that look like rule ids ([a-z0-9][a-z0-9-]*)
// directly after the marker; the first other word ends the list, so a reason may follow a
// separator: `# magpie:allow aws-access-key-id -- documented example key`. A reason written
// without a separator would be read as rule ids and allow nothing: the safe direction.
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
#include <string_view>

#include "scanner/finding.h"

namespace magpie::suppress {

inline constexpr size_t kMarkerWindowBytes = 4096;

// True when `line` holds a marker that allows rule `rule_id`. With `standalone`, only a marker
// preceded by nothing but whitespace and punctuation counts (the rule for the line before).
bool LineAllowsRule(std::string_view line, std::string_view rule_id, bool standalone = false);

// True when `f` (found in `data`, the whole scanned buffer) is allowed by a marker on its start
// line or on the line before it.
bool IsSuppressedInline(std::string_view data, const scanner::Finding& f);

}  // namespace magpie::suppress

#endif  // MAGPIE_SUPPRESS_ALLOW_MARKERS_H_
