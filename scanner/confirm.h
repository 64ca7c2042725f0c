// Private to the scanner library: the RE2 confirm-and-extract stage shared by Scanner and
// ReferenceScan, and turning raw matches into positioned findings.
#ifndef MAGPIE_SCANNER_CONFIRM_H_
#define MAGPIE_SCANNER_CONFIRM_H_

#include <string_view>
#include <vector>

#include "scanner/compiled_rules_impl.h"
#include "scanner/finding.h"

namespace magpie::scanner::internal {

struct RawMatch {
  uint32_t rule = 0;
  uint64_t start = 0;  // secret byte range in the buffer
  uint64_t end = 0;
  bool validated = false;
  double entropy = 0.0;
  // Set for secrets found in decoded content: start/end are then the encoded span.
  std::string decoded_secret;
  std::string decoded;  // "base64", "percent", "base64>percent"
};

// Runs `rule`'s RE2 over data[begin, end) (the whole `data` is context for \b and ^) and
// appends every accepted secret. A match that reaches `end` before the buffer ends is
// retried on a longer window so that greedy repeats are not cut.
// `widen` false: the caller knows matches cannot extend past `end` (line-scoped detectors).
void ConfirmWindow(const CompiledRules::Impl& impl, uint32_t rule, std::string_view data,
                   uint64_t begin, uint64_t end, std::vector<RawMatch>* out, bool widen = true);

// Sorts, removes duplicates, and fills positions, context and rule metadata.
std::vector<Finding> MakeFindings(const CompiledRules::Impl& impl, std::string_view data,
                                  std::vector<RawMatch> matches,
                                  rules::Confidence min_confidence);

}  // namespace magpie::scanner::internal

#endif  // MAGPIE_SCANNER_CONFIRM_H_
