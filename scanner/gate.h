// Private to the scanner library: the gate of the keyword-gated rules (issue 12; bench/README.md,
// "A second database behind a gate" and "The gate anchored on the rare side").
//
// A rule whose pattern has, at top level (no alternation around it), the assignment template
//   (?:=>|:=|[:=>,])[ \t]{0,10}["']?([CLASS]{N...}...)
// holds in every match a *gate*: an operator byte, up to 10 blanks, an optional quote and N
// bytes of CLASS. When CLASS lies in U = [A-Za-z0-9+/] and N >= kMinRun, the byte before the
// value (quote, blank, operator) is not in U, so the value starts exactly where a maximal U-run
// of at least kMinRun bytes starts: rare in code, and found 64 bytes at a time. Such rules leave
// the main Hyperscan database for a second one that runs only over GateWindows around the
// gates, which hold every match of theirs (the argument is at GateWindows).
//
// Thread safety: pure functions; a GateSet is immutable after BuildGateSet.
#ifndef MAGPIE_SCANNER_GATE_H_
#define MAGPIE_SCANNER_GATE_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "scanner/run_search.h"

namespace magpie::scanner::internal {

using ByteSet = std::array<bool, 256>;

// The value a gated pattern requires right after its assignment template.
struct Gate {
  ByteSet cls{};
  size_t min = 0;
  std::string text;  // "[CLASS]{N}", for reports
};

// The gates as one automaton: bit i of class_bits[c] says byte c is in distinct class i;
// done_at[r] holds the classes whose shortest required run is at most r.
struct GateSet {
  std::array<uint64_t, 256> class_bits{};
  std::vector<uint64_t> done_at;  // index: run length
};

// The version of what GateOf, RunGateable and the scanner's selection (compiled_rules.cc)
// decide for a given pattern: part of CompiledRules::CacheKey, so bump it with any change to
// them and every cached database with the old split is refused.
inline constexpr int kGateVersion = 1;

// The shortest value run the run-anchored search can find (see the file comment).
inline constexpr size_t kMinRun = 14;
// The most blanks the template allows between the operator and the value.
inline constexpr size_t kMaxGateBlanks = 10;

// The gate of `pattern` (an RE2 pattern as written in rules.yaml), or nullopt when its
// assignment template is not on every path of every match (or the pattern is case-folded).
std::optional<Gate> GateOf(std::string_view pattern);
// Whether FindGatesByRuns can find `gate`: its class lies in U and N >= kMinRun.
bool RunGateable(const Gate& gate);
// Null when `gates` is empty, a class holds a blank or a quote, or there are more than 64
// distinct classes.
std::optional<GateSet> BuildGateSet(const std::vector<Gate>& gates);

// The operator positions after which a gate of `set` holds, in increasing order, appended to
// `hits`: by visiting every operator byte (the reference, for tests and the bench).
void FindGates(std::string_view data, const GateSet& set, std::vector<size_t>* hits);
// The same positions from the starts of long U-runs, when every class of `set` is RunGateable
// (the scanner's search), on the fastest code path this CPU has: the gate's half of
// FindGatesAndBase64Prefilter (run_search.h), which runs it together with the base64 prefilter.
void FindGatesByRuns(std::string_view data, const GateSet& set, std::vector<size_t>* hits);
// Its pieces, for run_search.cc. A U-run start v is checked backwards by GateOperatorBefore
// (inline: most run starts in code have no operator before them) and forwards from the
// operator by AppendGateAt, which appends `op` to `hits` when a gate of `set` holds after it.
// AppendGatesByRunStartsFrom visits every run start from `v` on byte by byte (short buffers
// and the tail the block loop leaves).
inline constexpr size_t kNoOperator = ~size_t{0};
// The operator that a value starting at data[v] may follow (an optional quote, then at most
// kMaxGateBlanks blanks, then one of ":=>,"), or kNoOperator.
inline size_t GateOperatorBefore(const char* data, size_t v) {
  const auto blank = [](char c) { return c == ' ' || c == '\t'; };
  size_t q = v;
  if (q > 0 && (data[q - 1] == '"' || data[q - 1] == '\'')) --q;
  size_t blanks = 0;
  while (q > 0 && blanks <= kMaxGateBlanks && blank(data[q - 1])) {
    --q;
    ++blanks;
  }
  if (blanks > kMaxGateBlanks || q == 0) return kNoOperator;
  const char c = data[q - 1];
  return c == ':' || c == '=' || c == '>' || c == ',' ? q - 1 : kNoOperator;
}
void AppendGateAt(const char* data, size_t size, size_t op, const GateSet& set,
                  std::vector<size_t>* hits);
void AppendGatesByRunStartsFrom(std::string_view data, size_t v, const GateSet& set,
                                std::vector<size_t>* hits);

// FindGatesByRuns on a given code path (run_search.h); kBest is what the scanner runs.
void FindGatesByRuns(std::string_view data, const GateSet& set, RunSearchPath path,
                     std::vector<size_t>* hits);

// The windows the second database scans for the gates at `hits` (sorted), in a buffer of
// `size` bytes: [hit - width - 1, hit + width + 1) each, clipped, merged when they touch, in
// increasing order; appended to `windows` as [begin, end).
// Why this is exact when `width` is the longest match of every gated expression (hs_expression
// _info's max_width): a match [s, e) of a gated rule holds a gate at some hit h, so
// h - width < s and e <= h + width: it lies inside h's window with a byte to spare on each
// side, where Hyperscan's ^, $ and \b look. Conversely a match Hyperscan reports in a window
// holds a gate too, which is a hit (every byte of it is inside the match), so it starts at
// least 2 bytes after the window's start and ends at least 1 before its end: it matches the
// same in the whole buffer. The reports (id, end) are those of the whole buffer, each once.
void GateWindows(const std::vector<size_t>& hits, size_t width, size_t size,
                 std::vector<std::pair<size_t, size_t>>* windows);

// The cover limit: when the windows cover more than this share (per mille) of a buffer, the
// second database scans the whole buffer once instead (the same reports: a match of a gated
// rule anywhere is a match in the whole buffer), so that a buffer dense with gates costs at
// most one more scan, not one hs_scan call per window.
inline constexpr size_t kGateCoverPermille = 300;

// What the second database scans in `data` for the gates of `set` and window half-width
// `width`: GateWindows of FindGatesByRuns (on `path`), or the whole buffer past the cover
// limit; replaces `windows`, with `hits` as scratch.
void GatedScanWindows(std::string_view data, const GateSet& set, size_t width,
                      std::vector<size_t>* hits, std::vector<std::pair<size_t, size_t>>* windows,
                      RunSearchPath path = RunSearchPath::kBest);
// The same from the gate hits of a buffer of `size` bytes already found (`hits`, sorted, as
// FindGatesByRuns gives them): for the scanner, which finds them in one pass with the base64
// prefilter (run_search.h).
void GatedScanWindowsOfHits(const std::vector<size_t>& hits, size_t width, size_t size,
                            std::vector<std::pair<size_t, size_t>>* windows);

}  // namespace magpie::scanner::internal

#endif  // MAGPIE_SCANNER_GATE_H_
