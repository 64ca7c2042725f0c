// Private to the scanner library: the RE2 confirm-and-extract stage shared by Scanner and
// ReferenceScan, and turning confirmed matches into positioned findings.
//
// Two records, in pipeline order: Hyperscan reports candidates (HsCandidate in scanner.cc:
// a rule and an end offset, possibly a false positive); RE2 then confirms a candidate's
// window and extracts the secret, giving a ConfirmedMatch (below), which MakeFindings turns
// into a Finding.
#ifndef MAGPIE_SCANNER_CONFIRM_H_
#define MAGPIE_SCANNER_CONFIRM_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/compiled_rules_impl.h"
#include "scanner/finding.h"

namespace magpie::scanner::internal {

// A secret RE2 found and Accept kept: the rule, the secret's exact span and its validation.
// RE2 confirms each candidate on a window this far either side of it: a secret match may be at
// most this long (docs/rules.md). Line-scoped detectors look no further than this either side.
inline constexpr uint64_t kConfirmWindow = 8192;

struct ConfirmedMatch {
  uint32_t rule = 0;   // index into CompiledRules::Impl::rules
  uint64_t start = 0;  // secret byte range in the buffer
  uint64_t end = 0;
  bool validated = false;
  double entropy = 0.0;
  // Set for secrets found in decoded content: start/end are then the encoded span.
  std::string decoded_secret;
  std::string decoded;  // "base64", "percent", "base64>percent"
};

// Runs `rule`'s RE2 over data[begin, end) (the whole `data` is context for \b and ^) and
// appends every accepted secret as a ConfirmedMatch. A match that reaches `end` before the
// buffer ends is retried on a longer window so that greedy repeats are not cut.
// `widen` false: the caller knows matches cannot extend past `end` (line-scoped detectors).
void ConfirmWindow(const CompiledRules::Impl& impl, uint32_t rule, std::string_view data,
                   uint64_t begin, uint64_t end, std::vector<ConfirmedMatch>* out,
                   bool widen = true);

// The findings of `matches` in `data`: sorted by position, each secret once (see the steps in
// confirm.cc), below `min_confidence` left out, with positions, context and rule metadata.
std::vector<Finding> MakeFindings(const CompiledRules::Impl& impl, std::string_view data,
                                  std::vector<ConfirmedMatch> matches,
                                  rules::Confidence min_confidence);

}  // namespace magpie::scanner::internal

#endif  // MAGPIE_SCANNER_CONFIRM_H_
