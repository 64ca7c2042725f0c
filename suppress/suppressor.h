// The filter between the scan pipeline and the reporters: decides, for each finding, whether it
// is reported or suppressed and why, and counts suppressions by reason.
//
// Suppression is applied the same way in every scanning mode (files, history, staged): inline
// allow markers at the scan stage (ApplyInlineAllows, which needs the scanned bytes), then
// .magpieignore fingerprints and --baseline fingerprints here, at the ordered output stage.
// Every suppressed finding keeps its reason, so the summary can count it and
// --show-suppressed can list it.
#ifndef MAGPIE_SUPPRESS_SUPPRESSOR_H_
#define MAGPIE_SUPPRESS_SUPPRESSOR_H_

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "report/origin.h"
#include "report/reporter.h"
#include "scanner/finding.h"
#include "suppress/allow_markers.h"

namespace magpie::suppress {

// The reasons, as they appear in the summary and in reports.
inline constexpr std::string_view kReasonInline = "inline";
inline constexpr std::string_view kReasonIgnoreFile = "ignore-file";
inline constexpr std::string_view kReasonBaseline = "baseline";

struct SuppressedFinding {
  scanner::Finding finding;
  std::string reason;
};

// Moves each finding that an inline marker allows (IsSuppressedInline on `data`, the buffer the
// findings came from) from `findings` to `suppressed`, keeping both in order. Call it in the
// parallel scan stage, while `data` is still alive. Markers are read against `context.rules`;
// their warnings (allow_markers.h) go to `context.warnings`, each distinct one once, prefixed
// with the line of the finding it was read for. Thread safety: pure function.
void ApplyInlineAllows(std::string_view data, std::vector<scanner::Finding>* findings,
                       std::vector<SuppressedFinding>* suppressed,
                       const MarkerContext& context = {});

// What the filter decided for one finding: reported, or suppressed for `reason`.
struct FilteredFinding {
  report::ReportedFinding finding;  // with its fingerprint and origin
  std::string reason;               // "" when reported
  bool suppressed() const { return !reason.empty(); }
};

// Fingerprint -> reason, and the counts of what it suppressed.
// Thread safety: Add before use; then Filter from one thread at a time (the pipeline's ordered
// output stage); ReasonFor is safe from any thread once nothing is added.
class Suppressor {
 public:
  // The first reason added for a fingerprint wins (the ignore file is added before the baseline).
  void Add(std::string_view fingerprint, std::string_view reason);
  // The reason a finding with this fingerprint is suppressed, or nullptr.
  const std::string* ReasonFor(std::string_view fingerprint) const;
  size_t size() const { return by_key_.size() + others_.size(); }

  // Fingerprints each finding of one item (scanner::Fingerprint of rule, origin path, secret),
  // keeps the inline-suppressed ones suppressed, and suppresses those whose fingerprint was
  // added. Counts every suppression by reason. Order: the inline-suppressed findings, then
  // `findings` in their order.
  std::vector<FilteredFinding> Filter(const report::Origin& origin, std::vector<scanner::Finding> findings,
                          std::vector<SuppressedFinding> inline_suppressed);

  // Suppressed findings so far, by reason.
  const std::map<std::string, uint64_t>& counts() const { return counts_; }

 private:
  // A fingerprint as magpie writes it (32 lower-case hex digits) as two words, with the index
  // of its reason: about 56 bytes each where a string pair took 150 (issue 14: a 1 GB baseline
  // holds about two million).
  struct Key {
    uint64_t high = 0;
    uint64_t low = 0;
    bool operator==(const Key& other) const { return high == other.high && low == other.low; }
  };
  // A baseline's fingerprints come from a file anyone could have written: hashing them as
  // they are would let a crafted one put every key in one bucket (quadratic loading). Mixed
  // with a per-process random seed instead.
  struct KeyHash {
    uint64_t seed = 0;
    size_t operator()(const Key& key) const noexcept;
  };
  static bool ParseKey(std::string_view fingerprint, Key* key);
  uint8_t ReasonIndex(std::string_view reason);

  std::unordered_map<Key, uint8_t, KeyHash> by_key_{0, KeyHash{NewSeed()}};
  static uint64_t NewSeed();
  std::unordered_map<std::string, uint8_t> others_;  // any other text: kept, matched exactly
  std::deque<std::string> reasons_;                  // stable addresses for ReasonFor
  std::map<std::string, uint64_t> counts_;
};

}  // namespace magpie::suppress

#endif  // MAGPIE_SUPPRESS_SUPPRESSOR_H_
