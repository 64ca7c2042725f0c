// Scans bytes into findings with a CompiledRules.
//
// Usage:
//   auto scanner = magpie::scanner::Scanner::Create(compiled);
//   if (!scanner.ok()) return scanner.status();
//   Result<std::vector<Finding>> findings = (*scanner)->Scan(bytes);
//   if (!findings.ok()) return findings.status();  // never read as "no findings"
//   for (const Finding& f : *findings) ...
//
// Ownership: a Scanner shares ownership of its CompiledRules and owns its Hyperscan scratch.
// Thread safety: a Scanner is used by one thread at a time. Make one per thread (e.g.
// tbb::enumerable_thread_specific); they may share one CompiledRules.
#ifndef MAGPIE_SCANNER_SCANNER_H_
#define MAGPIE_SCANNER_SCANNER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "scanner/compiled_rules.h"
#include "scanner/finding.h"

namespace magpie::scanner::internal {
struct ConfirmedMatch;
class SelectedScan;  // region_scan.cc: a scan that confirms only some candidates
struct ReachSplit;   // compiled_rules_impl.h
}

namespace magpie::scanner {

struct ScanOptions {
  // Buffers longer than chunk_size are scanned as overlapping chunks so that the Hyperscan
  // and RE2 work stays bounded; a secret shorter than chunk_overlap that crosses a chunk
  // boundary is still found exactly once.
  size_t chunk_size = size_t{64} << 20;
  size_t chunk_overlap = size_t{64} << 10;
  rules::Confidence min_confidence = rules::Confidence::kLow;
  int decode_depth = 2;  // nested base64/percent decoding levels (0 = off)
  // Bytes of encoded tokens one Scan decodes, every level together: the larger of this and
  // the scanned buffer's size, so decoding stays linear in the input yet a file made of base64
  // is decoded whole. What is left when it runs out is counted: Scanner::undecoded_bytes().
  size_t decode_budget = size_t{4} << 20;
};

class Scanner {
 public:
  // A scanner over `rules`, with its Hyperscan scratch space allocated: after this, making
  // and using the scanner allocates nothing that reports failure, so that nothing fails (or
  // throws) inside a parallel scan. Fails when the scratch cannot be allocated
  // (kResourceExhausted when out of memory) or `rules` is null (kInvalidArgument).
  static Result<std::unique_ptr<Scanner>> Create(std::shared_ptr<const CompiledRules> rules,
                                                 ScanOptions options = {});
  ~Scanner();
  Scanner(const Scanner&) = delete;
  Scanner& operator=(const Scanner&) = delete;

  // Findings in `data`, sorted by FindingLess, each secret reported once. Fails when Hyperscan
  // does (hs_scan's error: kInternal, kResourceExhausted when out of memory) or when the
  // database reports a pattern id beyond the rule table (kCorrupt: compiled from other rules);
  // a failed scan reports no findings at all, and the scanner can be used again.
  Result<std::vector<Finding>> Scan(std::string_view data);

  // Bytes of decode candidates (the windows around them) that the last Scan left undecoded
  // because the decode budget ran out; 0 when everything was decoded. A secret encoded in them
  // is not reported, so a caller must say so (the pipeline's "decode-budget" diagnostic).
  uint64_t undecoded_bytes() const { return undecoded_bytes_; }

  // Bytes of encoded tokens the last Scan decoded (what it took of its decode budget).
  uint64_t decoded_bytes() const { return decode_budget_start_ - decode_budget_; }
  const ScanOptions& options() const { return options_; }

  const CompiledRules& rules() const { return *rules_; }

 private:
  struct State;
  Scanner(std::shared_ptr<const CompiledRules> rules, ScanOptions options,
          std::unique_ptr<State> state);
  friend class internal::SelectedScan;
  using Spans = std::vector<std::pair<uint64_t, uint64_t>>;
  // As Scan, in two passes (region_scan.h): `split`'s everywhere database over all of `data`,
  // its candidates confirmed; then the whole database over each of `windows_for(spans of
  // those matches)` (sorted, disjoint, whole lines), its candidates of the other ids confirmed
  // on all of `data`. Errors: as Scan, and the everywhere database's scratch not allocated.
  Result<std::vector<Finding>> ScanSelected(std::string_view data,
                                            const internal::ReachSplit& split,
                                            const std::function<Spans(const Spans&)>& windows_for);

  Result<std::vector<Finding>> ScanBuffer(std::string_view data);
  // Hyperscan over `data` into state_->candidates, sorted by (rule, end). Fails as Scan.
  Status CollectCandidates(std::string_view data);
  // Confirms the sorted candidates [first, last) (whole rules) into `confirmed`.
  void ConfirmCandidates(std::string_view data, size_t first, size_t last,
                         std::vector<internal::ConfirmedMatch>* confirmed);
  void DecodeWindow(size_t decoder_index, std::string_view data, uint64_t begin, uint64_t end,
                    std::vector<internal::ConfirmedMatch>* out);

  size_t decode_budget_ = 0;  // bytes this Scan call may still decode
  size_t decode_budget_start_ = 0;  // what it could decode when it started
  uint64_t undecoded_bytes_ = 0;  // see undecoded_bytes()
  std::shared_ptr<const CompiledRules> rules_;
  ScanOptions options_;
  std::unique_ptr<State> state_;
};

// The slow reference: every rule's RE2 over the whole buffer, no Hyperscan, no chunking.
// Exists for the differential test; gives the same findings as Scanner::Scan.
std::vector<Finding> ReferenceScan(const CompiledRules& rules, std::string_view data,
                                   const ScanOptions& options = {});

}  // namespace magpie::scanner

#endif  // MAGPIE_SCANNER_SCANNER_H_
