#include "scanner/scanner.h"

#include <hs/hs.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

#include "scanner/compiled_rules_impl.h"
#include "scanner/confirm.h"
#include "scanner/decoder.h"
#include "scanner/gate.h"
#include "scanner/run_search.h"

namespace magpie::scanner {
namespace {

using internal::kConfirmWindow;
// Candidates of one rule closer than this to the previous seed are covered by its window.
constexpr uint64_t kCoalesce = kConfirmWindow / 2;
constexpr uint64_t kNoSeed = ~uint64_t{0};

// What the Hyperscan callback records: rule `rule` may match ending at `end`. Only a
// candidate: prefiltered rules and the decoders over-approximate, and Hyperscan gives no start;
// RE2 confirms it (ConfirmWindow) into an internal::ConfirmedMatch.
struct HsCandidate {
  uint32_t rule;  // Hyperscan id: a rule index, or rules.size() + a decoder index
  uint64_t end;   // offset in the buffer just past the candidate's last byte
};

struct CandidateCollector {
  uint64_t base = 0;  // offset of the chunk in the buffer
  std::vector<HsCandidate>* candidates = nullptr;
  std::vector<uint64_t>* last_seed = nullptr;
  const std::vector<char>* line_scoped = nullptr;
  std::optional<unsigned int> foreign_id;  // an id beyond the rule table: the scan stopped
  unsigned int prefilter_id = 0;  // the id OnPrefilterMatch reports for
  const std::vector<char>* skip = nullptr;  // ids left out (Scanner::ScanSelected)
};

int OnHyperscanMatch(unsigned int id, unsigned long long /*from*/, unsigned long long to,
                     unsigned int /*flags*/, void* context) {
  auto* collector = static_cast<CandidateCollector*>(context);
  // Every id is below last_seed's size for a database compiled from these rules; a cached
  // database is checked against them before use (cache/database_payload.h). An id beyond them
  // means the database was compiled from other rules: stop, and the scan is an error (its
  // findings could not be trusted), never an out-of-bounds access.
  if (id >= collector->last_seed->size()) {
    collector->foreign_id = id;
    return 1;  // hs_scan returns HS_SCAN_TERMINATED
  }
  if (collector->skip != nullptr && (*collector->skip)[id]) return 0;
  const uint64_t end = collector->base + to;
  uint64_t& last = (*collector->last_seed)[id];
  if ((*collector->line_scoped)[id]) {
    // One line's worth of confirmation covers a run of consecutive ends (a value growing
    // by one byte per report); a later, separate run needs its own line window.
    const bool extends_run = last != kNoSeed && end == last + 1;
    last = end;
    if (extends_run) return 0;
  } else {
    if (last != kNoSeed && end >= last && end < last + kCoalesce) return 0;
    last = end;
  }
  collector->candidates->push_back({id, end});
  return 0;
}

// A decoder's linear prefilter (internal::PrefilterFinder) reports through the same path.
void OnPrefilterMatch(size_t end, void* context) {
  auto* collector = static_cast<CandidateCollector*>(context);
  OnHyperscanMatch(collector->prefilter_id, 0, end, 0, context);
}

uint64_t LineBegin(std::string_view data, uint64_t pos) {
  const uint64_t floor = pos > kConfirmWindow ? pos - kConfirmWindow : 0;
  while (pos > floor && data[pos - 1] != '\n') --pos;
  return pos;
}

uint64_t LineEnd(std::string_view data, uint64_t pos) {
  const uint64_t limit = std::min<uint64_t>(data.size(), pos + kConfirmWindow);
  const void* nl = std::memchr(data.data() + pos, '\n', limit - pos);
  return nl ? static_cast<const char*>(nl) - data.data() : limit;
}

// Finds decoder `decoder_index`'s candidate tokens in data[begin, end), decodes them and
// scans the decoded bytes with `scan_inner`; each inner finding becomes a confirmed match on
// the encoded span. `budget` bounds the bytes decoded per top-level scan; the bytes of the
// window left when it runs out are added to `undecoded`.
void DecodeTokens(const CompiledRules::Impl& impl, size_t decoder_index, std::string_view data,
                  uint64_t begin, uint64_t end, size_t* budget, uint64_t* undecoded,
                  const std::function<std::vector<Finding>(std::string_view)>& scan_inner,
                  std::vector<internal::ConfirmedMatch>* out) {
  const CompiledDecoder& decoder = impl.decoders[decoder_index];
  uint64_t pos = begin;
  while (pos < end) {
    if (*budget == 0) {
      *undecoded += end - pos;
      break;
    }
    size_t resume = pos;
    const std::optional<internal::TokenSpan> span = decoder.Next(data, pos, end, &resume);
    if (!span) break;
    pos = resume;
    const uint64_t token_start = span->begin;
    const uint64_t token_end = span->end;
    const std::string_view token = data.substr(token_start, token_end - token_start);
    std::optional<std::string> decoded = internal::DecodeCandidate(decoder.encoding, token);
    if (!decoded) continue;
    *budget -= std::min(*budget, token.size());
    for (const Finding& f : scan_inner(*decoded)) {
      internal::ConfirmedMatch match;
      match.rule = static_cast<uint32_t>(impl.rule_set.Find(f.rule_id));
      match.start = token_start;
      match.end = token_end;
      match.validated = f.validated;
      match.entropy = f.entropy;
      match.decoded_secret = f.secret;
      match.decoded = std::string(internal::ToString(decoder.encoding));
      if (!f.decoded.empty()) match.decoded += ">" + f.decoded;
      out->push_back(std::move(match));
    }
  }
}

}  // namespace

struct Scanner::State {
  // Owned by the scanner Create made, borrowed by its nested ones: each level's hs_scan has
  // returned before the next level starts (decoding happens while confirming), so one scratch
  // serves every level, and a nested scanner allocates nothing that can fail.
  hs_scratch_t* scratch = nullptr;
  bool owns_scratch = false;
  std::vector<HsCandidate> candidates;
  std::vector<uint64_t> last_seed;
  // Per Hyperscan id: true for detectors whose matches never cross a line (the generic
  // detector, the decoders), confirmed on the candidate's line instead of a wide window.
  std::vector<char> line_scoped;
  std::unique_ptr<Scanner> nested;  // scans decoded content, one level deeper
  Status nested_failure;            // a nested scan failed: so does the scan that called it
  hs_scratch_t* split_scratch = nullptr;  // ScanSelected's everywhere database; owned
  // CollectGated's and CollectRunSearch's buffers, kept between scans.
  std::vector<size_t> gate_hits;
  std::vector<std::pair<size_t, size_t>> gate_windows;
  ~State() {
    if (owns_scratch) hs_free_scratch(scratch);
    hs_free_scratch(split_scratch);
  }
};

namespace {

std::string_view HsErrorText(hs_error_t error) {
  switch (error) {
    case HS_NOMEM:
      return "out of memory";
    case HS_INVALID:
      return "invalid database";
    case HS_DB_VERSION_ERROR:
      return "database from another Hyperscan version";
    case HS_DB_PLATFORM_ERROR:
      return "database built for another platform";
    case HS_DB_MODE_ERROR:
      return "database of the wrong mode";
    case HS_BAD_ALIGN:
      return "misaligned database";
    case HS_BAD_ALLOC:
      return "the allocator returned misaligned memory";
    case HS_ARCH_ERROR:
      return "this CPU lacks instructions Hyperscan needs";
    case HS_SCRATCH_IN_USE:
      return "scratch space in use by another scan";
    case HS_SCAN_TERMINATED:
      return "scan terminated";
    default:
      return "Hyperscan error";
  }
}

// Why a scan failed, when hs_scan returned `rc` (anything but HS_SUCCESS).
Status ScanFailure(hs_error_t rc, const CandidateCollector& collector, size_t ids) {
  if (rc == HS_SCAN_TERMINATED && collector.foreign_id) {
    return Corrupt("the Hyperscan database reported pattern id " +
                   std::to_string(*collector.foreign_id) + ", beyond the " +
                   std::to_string(ids) + " of its rule table: compiled from other rules");
  }
  // Nothing else stops a scan (OnHyperscanMatch returns 0 otherwise): any other code is
  // Hyperscan refusing the database, the scratch or the call.
  return Status(rc == HS_NOMEM ? StatusCode::kResourceExhausted : StatusCode::kInternal,
                "Hyperscan scan failed: " + std::string(HsErrorText(rc)) + " (error " +
                    std::to_string(rc) + ")");
}

}  // namespace

Result<std::unique_ptr<Scanner>> Scanner::Create(std::shared_ptr<const CompiledRules> rules,
                                                 ScanOptions options) {
  if (rules == nullptr) return InvalidArgument("Scanner::Create: no compiled rules");
  auto state = std::make_unique<State>();
  const CompiledRules::Impl& impl = internal::ImplOf(*rules);
  state->scratch = impl.spare_scratch.exchange(nullptr);
  hs_error_t rc = state->scratch != nullptr ? HS_SUCCESS
                                           : hs_alloc_scratch(impl.database, &state->scratch);
  if (rc == HS_SUCCESS && impl.gated_database != nullptr) {
    rc = hs_alloc_scratch(impl.gated_database, &state->scratch);  // one scratch serves both
  }
  if (rc != HS_SUCCESS) {
    return Status(rc == HS_NOMEM ? StatusCode::kResourceExhausted : StatusCode::kInternal,
                  "cannot allocate Hyperscan scratch space: " + std::string(HsErrorText(rc)) +
                      " (error " + std::to_string(rc) + ")");
  }
  state->owns_scratch = true;
  return std::unique_ptr<Scanner>(new Scanner(std::move(rules), options, std::move(state)));
}

Scanner::Scanner(std::shared_ptr<const CompiledRules> rules, ScanOptions options,
                 std::unique_ptr<State> state)
    : rules_(std::move(rules)), options_(options), state_(std::move(state)) {
  const CompiledRules::Impl& impl = internal::ImplOf(*rules_);
  state_->last_seed.assign(impl.rules.size() + impl.decoders.size(), kNoSeed);
  state_->line_scoped.assign(impl.rules.size() + impl.decoders.size(), 1);
  for (size_t i = 0; i < impl.rules.size(); ++i) state_->line_scoped[i] = impl.rules[i].generic;
  for (size_t i = 0; i < impl.decoders.size(); ++i) {
    state_->line_scoped[impl.rules.size() + i] = internal::IsLineScoped(impl.decoders[i].encoding);
  }
  // hs_scan takes an unsigned int length: a larger chunk would be cut short silently.
  options_.chunk_size = std::min<size_t>(options_.chunk_size, UINT_MAX);
  if (options_.chunk_overlap >= options_.chunk_size) {
    options_.chunk_overlap = options_.chunk_size / 2;
  }
}

Scanner::~Scanner() = default;

Result<std::vector<Finding>> Scanner::Scan(std::string_view data) {
  decode_budget_ = std::max(options_.decode_budget, data.size());
  decode_budget_start_ = decode_budget_;
  undecoded_bytes_ = 0;
  return ScanBuffer(data);
}

Result<std::vector<Finding>> Scanner::ScanBuffer(std::string_view data) {
  // Nothing matches nothing (Hyperscan refuses patterns that match empty), and hs_scan refuses
  // the null pointer an empty string_view may hold.
  if (data.empty()) return std::vector<Finding>();
  if (Status collected = CollectCandidates(data); !collected.ok()) return collected;
  if (state_->candidates.empty()) return std::vector<Finding>();
  std::vector<internal::ConfirmedMatch> confirmed;
  ConfirmCandidates(data, 0, state_->candidates.size(), &confirmed);
  if (!state_->nested_failure.ok()) return std::exchange(state_->nested_failure, Status());
  return internal::MakeFindings(internal::ImplOf(*rules_), data, std::move(confirmed),
                                options_.min_confidence);
}

namespace {

// Hyperscan with `database`, then the decoders' linear prefilters (those of the ids `skip`
// leaves out excepted, and with `run_search_apart` those that ride the run search, which the
// caller runs), over data[begin, begin + length), appending candidates (offsets in `data`).
// Fails as Scanner::Scan.
Status CollectRange(const CompiledRules::Impl& impl, std::string_view data, uint64_t begin,
                    uint64_t length, const hs_database_t* database, hs_scratch_t* scratch,
                    const std::vector<char>* skip, std::vector<HsCandidate>* candidates,
                    std::vector<uint64_t>* last_seed, const std::vector<char>* line_scoped,
                    bool run_search_apart = false) {
  std::fill(last_seed->begin(), last_seed->end(), kNoSeed);
  CandidateCollector collector{begin, candidates, last_seed, line_scoped};
  collector.skip = skip;
  if (database != nullptr) {
    const hs_error_t rc = hs_scan(database, data.data() + begin,
                                  static_cast<unsigned int>(length), 0, scratch,
                                  OnHyperscanMatch, &collector);
    if (rc != HS_SUCCESS) return ScanFailure(rc, collector, last_seed->size());
  }
  // The decoders' prefilters that are linear scanners report as Hyperscan would have, over
  // the same range: the candidates are those the expression gave (decoder.h).
  for (size_t d = 0; d < impl.decoders.size(); ++d) {
    if (impl.decoders[d].prefilter_find == nullptr) continue;
    if (run_search_apart && internal::RidesRunSearch(impl.decoders[d].prefilter_find)) continue;
    collector.prefilter_id = static_cast<unsigned int>(impl.rules.size() + d);
    if (skip != nullptr && (*skip)[collector.prefilter_id]) continue;
    impl.decoders[d].prefilter_find(data.substr(begin, length), OnPrefilterMatch, &collector);
  }
  return Status();
}

// The gated rules' second database over `windows` (offsets from data[begin], as GateWindows
// gives them) into `collector`. One collector over every window: they are disjoint and in
// order, so each id's reports arrive in the order one scan of the range gives them, and
// coalesce the same. Fails as Scanner::Scan.
Status ScanGateWindows(const CompiledRules::Impl& impl, std::string_view data, uint64_t begin,
                       const std::vector<std::pair<size_t, size_t>>& windows,
                       hs_scratch_t* scratch, CandidateCollector* collector) {
  for (const auto& [window_begin, window_end] : windows) {
    collector->base = begin + window_begin;
    const hs_error_t rc =
        hs_scan(impl.gated_database, data.data() + begin + window_begin,
                static_cast<unsigned int>(window_end - window_begin), 0, scratch,
                OnHyperscanMatch, collector);
    if (rc != HS_SUCCESS) return ScanFailure(rc, *collector, collector->last_seed->size());
  }
  return Status();
}

// The gated rules' second database over the gate windows of data[begin, begin + length)
// (gate.h), as if the whole database had scanned that range: the same reports (id, end), in
// increasing order of end per id, appended to `candidates`. `hits` and `windows` are scratch.
// Fails as Scanner::Scan.
Status CollectGated(const CompiledRules::Impl& impl, std::string_view data, uint64_t begin,
                    uint64_t length, hs_scratch_t* scratch, const std::vector<char>* skip,
                    std::vector<HsCandidate>* candidates, std::vector<uint64_t>* last_seed,
                    const std::vector<char>* line_scoped, std::vector<size_t>* hits,
                    std::vector<std::pair<size_t, size_t>>* windows) {
  if (impl.gated_database == nullptr) return Status();
  internal::GatedScanWindows(data.substr(begin, length), *impl.gate_set, impl.gate_width, hits,
                             windows);
  std::fill(last_seed->begin(), last_seed->end(), kNoSeed);
  CandidateCollector collector{begin, candidates, last_seed, line_scoped};
  collector.skip = skip;
  return ScanGateWindows(impl, data, begin, *windows, scratch, &collector);
}

// One pass of the run search over `data` (run_search.h): the base64 prefilter's ends become
// candidates of its decoder (those CollectRange made chunk by chunk, where the overlap is at
// least a match's 22 bytes, as the default 64 KiB is; a smaller overlap had lost a match that
// crossed a chunk's end, which this pass finds), and the gated rules' second database scans
// the gate windows (gate.h), as if the whole database had scanned the buffer: the same reports
// (id, end), in increasing order of end per id. Appends to `candidates`; `hits` and `windows`
// are scratch. Fails as Scanner::Scan.
Status CollectRunSearch(const CompiledRules::Impl& impl, std::string_view data,
                        hs_scratch_t* scratch, std::vector<HsCandidate>* candidates,
                        std::vector<uint64_t>* last_seed, const std::vector<char>* line_scoped,
                        std::vector<size_t>* hits,
                        std::vector<std::pair<size_t, size_t>>* windows) {
  const internal::GateSet* gates =
      impl.gated_database != nullptr && impl.gate_set ? &*impl.gate_set : nullptr;
  std::fill(last_seed->begin(), last_seed->end(), kNoSeed);
  CandidateCollector collector{0, candidates, last_seed, line_scoped};
  bool base64 = false;
  for (size_t d = 0; d < impl.decoders.size(); ++d) {
    if (!internal::RidesRunSearch(impl.decoders[d].prefilter_find)) continue;
    collector.prefilter_id = static_cast<unsigned int>(impl.rules.size() + d);
    base64 = true;
    break;
  }
  hits->clear();
  internal::FindGatesAndBase64Prefilter(data, gates, hits, base64 ? OnPrefilterMatch : nullptr,
                                        &collector);
  if (gates == nullptr) return Status();
  internal::GatedScanWindowsOfHits(*hits, impl.gate_width, data.size(), windows);
  return ScanGateWindows(impl, data, 0, *windows, scratch, &collector);
}

void SortCandidates(std::vector<HsCandidate>::iterator first,
                    std::vector<HsCandidate>::iterator last) {
  std::sort(first, last, [](const HsCandidate& a, const HsCandidate& b) {
    return std::tie(a.rule, a.end) < std::tie(b.rule, b.end);
  });
}

}  // namespace

Status Scanner::CollectCandidates(std::string_view data) {
  const CompiledRules::Impl& impl = internal::ImplOf(*rules_);
  std::vector<HsCandidate>& candidates = state_->candidates;
  candidates.clear();
  // Hyperscan runs over bounded chunks that overlap, so that a secret shorter than the
  // overlap lies whole inside some chunk; confirmation then looks at the whole buffer.
  const uint64_t step = options_.chunk_size - options_.chunk_overlap;
  uint64_t base = 0;
  while (true) {
    const uint64_t length = std::min<uint64_t>(options_.chunk_size, data.size() - base);
    Status collected = CollectRange(impl, data, base, length, impl.database, state_->scratch,
                                    nullptr, &candidates, &state_->last_seed,
                                    &state_->line_scoped, /*run_search_apart=*/true);
    if (!collected.ok()) return collected;
    if (base + length >= data.size()) break;
    base += step;
  }
  // The run search and the gated rules over the whole buffer, not per chunk: the search is
  // linear, and the gate windows are small and exact.
  Status searched = CollectRunSearch(impl, data, state_->scratch, &candidates, &state_->last_seed,
                                     &state_->line_scoped, &state_->gate_hits,
                                     &state_->gate_windows);
  if (!searched.ok()) return searched;
  SortCandidates(candidates.begin(), candidates.end());
  return Status();
}

void Scanner::ConfirmCandidates(std::string_view data, size_t first, size_t last,
                                std::vector<internal::ConfirmedMatch>* confirmed) {
  const CompiledRules::Impl& impl = internal::ImplOf(*rules_);
  const std::vector<HsCandidate>& candidates = state_->candidates;
  // Merge each rule's candidate windows into disjoint intervals, then confirm each interval
  // once.
  for (size_t i = first; i < last;) {
    const uint32_t rule = candidates[i].rule;
    const bool line_scoped = state_->line_scoped[rule];
    auto window = [&](uint64_t candidate_end) -> std::pair<uint64_t, uint64_t> {
      if (line_scoped) {
        return {LineBegin(data, candidate_end - (candidate_end > 0)),
                LineEnd(data, candidate_end)};
      }
      return {candidate_end > kConfirmWindow ? candidate_end - kConfirmWindow : 0,
              std::min<uint64_t>(data.size(), candidate_end + kConfirmWindow)};
    };
    auto [begin, end] = window(candidates[i].end);
    ++i;
    while (i < last && candidates[i].rule == rule) {
      if (line_scoped && candidates[i].end <= end) {  // same line
        ++i;
        continue;
      }
      const auto [next_begin, next_end] = window(candidates[i].end);
      if (next_begin > end) break;
      end = next_end;
      ++i;
    }
    if (rule < impl.rules.size()) {
      internal::ConfirmWindow(impl, rule, data, begin, end, confirmed, /*widen=*/!line_scoped);
    } else if (options_.decode_depth > 0) {
      DecodeWindow(rule - impl.rules.size(), data, begin, end, confirmed);
    }
  }
}

Result<std::vector<Finding>> Scanner::ScanSelected(
    std::string_view data, const internal::ReachSplit& split,
    const std::function<Spans(const Spans&)>& windows_for) {
  decode_budget_ = std::max(options_.decode_budget, data.size());
  decode_budget_start_ = decode_budget_;
  undecoded_bytes_ = 0;
  const CompiledRules::Impl& impl = internal::ImplOf(*rules_);
  std::vector<HsCandidate>& candidates = state_->candidates;
  candidates.clear();
  // Pass 1: the everywhere ids over the whole text (the caller keeps `data` within one chunk).
  if (split.database != nullptr && !data.empty()) {
    if (state_->split_scratch == nullptr) {
      const hs_error_t rc = hs_alloc_scratch(split.database, &state_->split_scratch);
      if (rc != HS_SUCCESS) {
        return Status(rc == HS_NOMEM ? StatusCode::kResourceExhausted : StatusCode::kInternal,
                      "cannot allocate Hyperscan scratch space: " +
                          std::string(HsErrorText(rc)) + " (error " + std::to_string(rc) + ")");
      }
    }
    Status collected = CollectRange(impl, data, 0, data.size(), split.database,
                                    state_->split_scratch, &split.bounded, &candidates,
                                    &state_->last_seed, &state_->line_scoped);
    if (!collected.ok()) return collected;
  }
  SortCandidates(candidates.begin(), candidates.end());
  std::vector<internal::ConfirmedMatch> confirmed;
  ConfirmCandidates(data, 0, candidates.size(), &confirmed);
  Spans spans;
  spans.reserve(confirmed.size());
  for (const internal::ConfirmedMatch& m : confirmed) spans.emplace_back(m.start, m.end);
  // Pass 2: the whole database over each window, its everywhere ids left out. Windows begin
  // and end at line boundaries, so ^, $ and \b see there what they see in the whole text, or
  // report more (candidates, which confirmation on the whole text settles).
  const size_t first_windowed = candidates.size();
  for (const auto& [begin, end] : windows_for(spans)) {
    if (begin >= end || end > data.size()) continue;
    Status collected =
        CollectRange(impl, data, begin, end - begin, impl.database, state_->scratch,
                     &split.everywhere, &candidates, &state_->last_seed, &state_->line_scoped);
    if (!collected.ok()) return collected;
    // The gated rules over the same window as its own buffer: what the main database would
    // have reported of them there.
    collected = CollectGated(impl, data, begin, end - begin, state_->scratch, &split.everywhere,
                             &candidates, &state_->last_seed, &state_->line_scoped,
                             &state_->gate_hits, &state_->gate_windows);
    if (!collected.ok()) return collected;
  }
  SortCandidates(candidates.begin() + first_windowed, candidates.end());
  ConfirmCandidates(data, first_windowed, candidates.size(), &confirmed);
  if (!state_->nested_failure.ok()) return std::exchange(state_->nested_failure, Status());
  return internal::MakeFindings(impl, data, std::move(confirmed), options_.min_confidence);
}

void Scanner::DecodeWindow(size_t decoder_index, std::string_view data, uint64_t begin,
                           uint64_t end, std::vector<internal::ConfirmedMatch>* out) {
  DecodeTokens(internal::ImplOf(*rules_), decoder_index, data, begin, end, &decode_budget_,
               &undecoded_bytes_, [&](std::string_view decoded) {
                 if (!state_->nested) {
                   ScanOptions nested_options = options_;
                   nested_options.decode_depth = options_.decode_depth - 1;
                   auto nested_state = std::make_unique<State>();
                   nested_state->scratch = state_->scratch;  // borrowed: see State
                   state_->nested.reset(
                       new Scanner(rules_, nested_options, std::move(nested_state)));
                 }
                 state_->nested->decode_budget_ = decode_budget_;
                 Result<std::vector<Finding>> inner = state_->nested->ScanBuffer(decoded);
                 decode_budget_ = state_->nested->decode_budget_;
                 undecoded_bytes_ += std::exchange(state_->nested->undecoded_bytes_, 0);
                 if (!inner.ok()) {
                   state_->nested_failure = inner.status();
                   decode_budget_ = 0;  // decode nothing more: this scan has failed
                   return std::vector<Finding>();
                 }
                 return *std::move(inner);
               },
               out);
}

namespace {

std::vector<Finding> ReferenceScanImpl(const CompiledRules& rules, std::string_view data,
                                       const ScanOptions& options, size_t* budget) {
  const CompiledRules::Impl& impl = internal::ImplOf(rules);
  std::vector<internal::ConfirmedMatch> confirmed;
  for (uint32_t rule = 0; rule < impl.rules.size(); ++rule) {
    internal::ConfirmWindow(impl, rule, data, 0, data.size(), &confirmed);
  }
  if (options.decode_depth > 0) {
    ScanOptions inner_options = options;
    inner_options.decode_depth = options.decode_depth - 1;
    for (size_t d = 0; d < impl.decoders.size(); ++d) {
      uint64_t undecoded = 0;  // the reference reports findings only
      DecodeTokens(impl, d, data, 0, data.size(), budget, &undecoded,
                   [&](std::string_view decoded) {
                     return ReferenceScanImpl(rules, decoded, inner_options, budget);
                   },
                   &confirmed);
    }
  }
  return internal::MakeFindings(impl, data, std::move(confirmed), options.min_confidence);
}

}  // namespace

std::vector<Finding> ReferenceScan(const CompiledRules& rules, std::string_view data,
                                   const ScanOptions& options) {
  size_t budget = std::max(options.decode_budget, data.size());  // as Scanner::Scan
  return ReferenceScanImpl(rules, data, options, &budget);
}

}  // namespace magpie::scanner
