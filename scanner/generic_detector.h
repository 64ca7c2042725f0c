// The keyword-anchored entropy detector for secrets no provider rule knows:
// `password = "…"`, `api_key: …`, `SECRET=…`. Private to the scanner library.
//
// Stage 1 (Hyperscan, with every other rule): a secret-ish key name, an assignment operator
// and at least 8 value bytes. Stage 2 (here, after RE2 extracts key and value): drop values
// that are placeholders, lookups, identifiers or low-entropy, using per-alphabet floors.
#ifndef MAGPIE_SCANNER_GENERIC_DETECTOR_H_
#define MAGPIE_SCANNER_GENERIC_DETECTOR_H_

#include <string_view>

#include "rules/rule_spec.h"
#include "scanner/entropy.h"

namespace magpie::scanner::internal {

// The detector as a rule (id rules::kGenericRuleId: pattern, examples, negative examples) so
// that it is compiled, listed, reported and checked like every rule from rules.yaml.
rules::RuleSpec GenericRuleSpec();

struct GenericCandidate {
  std::string_view key;    // the whole identifier holding the keyword (e.g. "DB_PASSWORD")
  std::string_view value;  // the candidate secret
  char opening_quote = 0;  // the quote before the value, 0 when unquoted
  bool escaped_quote = false;  // `\"`: the value sits in a string inside a string (JSON)
  int next_byte = -1;      // the byte after the value, -1 at end of buffer
};

// True when the candidate looks like a real secret under `thresholds`.
bool AcceptGenericCandidate(const GenericCandidate& candidate,
                            const EntropyThresholds& thresholds);

}  // namespace magpie::scanner::internal

#endif  // MAGPIE_SCANNER_GENERIC_DETECTOR_H_
