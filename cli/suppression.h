// Suppression applied the same way in every scanning mode (files, history, staged): inline
// allow markers at the scan stage, then .magpieignore fingerprints and --baseline fingerprints
// at the ordered writer (ResultSink). Every suppressed finding keeps its reason, so the summary
// can count it and --show-suppressed can list it.
#ifndef MAGPIE_CLI_SUPPRESSION_H_
#define MAGPIE_CLI_SUPPRESSION_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "scanner/finding.h"

namespace magpie::cli {

// The reasons, as they appear in the summary and in reports.
inline constexpr std::string_view kReasonInline = "inline";
inline constexpr std::string_view kReasonIgnoreFile = "ignore-file";
inline constexpr std::string_view kReasonBaseline = "baseline";

struct SuppressedFinding {
  scanner::Finding finding;
  std::string reason;
};

// Moves each finding that an inline marker allows (scanner::IsSuppressedInline on `data`, the
// buffer the findings came from) from `findings` to `suppressed`, keeping both in order. Call it
// in the parallel scan stage, while `data` is still alive.
void ApplyInlineAllows(std::string_view data, std::vector<scanner::Finding>* findings,
                       std::vector<SuppressedFinding>* suppressed);

// Fingerprint -> reason. Immutable once built; safe to read from several threads.
class Suppressor {
 public:
  // The first reason added for a fingerprint wins (the ignore file is added before the baseline).
  void Add(std::string fingerprint, std::string_view reason);
  // The reason a finding with this fingerprint is suppressed, or nullptr.
  const std::string* ReasonFor(const std::string& fingerprint) const;
  size_t size() const { return reasons_.size(); }

 private:
  std::unordered_map<std::string, std::string> reasons_;
};

}  // namespace magpie::cli

#endif  // MAGPIE_CLI_SUPPRESSION_H_
