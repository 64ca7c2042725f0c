// Scanning a new version of a buffer by what changed from a version already scanned (issue 13,
// the delta-aware history scan): the caller knows which byte runs of `text` were copied in one
// piece from the base, and has the base's findings; this confirms only the candidates around
// what changed and carries the base's findings over for the rest. The result equals
// Scanner::Scan(text), or the function says it cannot promise that (a fallback, with why) and
// the caller scans the whole text.
//
// The split. Hyperscan runs over the whole version (its pass is cheap; RE2 confirmation,
// decoding and finding assembly are what cost), and every confirmation reads the whole
// version, so no window edge can cut a match. The rules are divided once (MatchReach):
//  - "everywhere": rules whose longest match (hs_expression_info max_width, HS_FLAG_PREFILTER
//    for prefiltered rules) exceeds kSplitReach (512 B, region_scan.cc) or cannot be
//    analysed — private keys, {100,} tokens — and the decoder whose tokens span lines (base64
//    runs). Their candidates are confirmed over the whole version, every time;
//  - bounded: every other rule, whose match is at most W = MatchReach bytes long, and the
//    line-scoped detectors (the generic detector, the one-line decoders), whose match and
//    confirmation never leave the candidate's line.
// Why this is exact. A bounded finding f = [s, e) (e - s <= W, else "long-match") depends only
// on the whole lines that meet [s - D, e + D), D = kMaxContextBytes + 2W + 2: its own match
// (W either side, one byte more for \b), its line (line-scoped detectors confirm on it), its
// context (the start's line cut to kMaxContextBytes) and every secret whose span meets that
// context or f (context_secrets, the duplicate rules of MakeFindings), each at most W long and
// itself depending on W more. Cores are the changes (inserts, and both bytes around each point
// where sameness with the base stops), the spans of this version's everywhere matches and the
// pieces of the base's everywhere findings copied here. f is near when [s, e) meets a zone
// (the whole lines of a core, widened by D): then f, its partners and what they depend on lie
// within the core's lines widened by D + 2W + kMaxContextBytes, a window, and every candidate
// whose confirmation can reach into a window is confirmed; since confirmation reads the whole
// version, f is found as a full scan finds it. A far f depends on whole lines that meet no
// core, so they lie inside one copied run together with the newline before them, and they do
// not meet the span of any everywhere match of either version: its twin in the base saw the
// same bytes and is carried over. Near findings come only from the scan and far ones only
// from the base; everywhere findings only from the scan.
//  - line and column are recomputed here from `text` for every finding, never carried over.
// What falls back (counted by the caller, never silent): a bounded finding longer than W near
// a change or anywhere in the base; any decoded finding (in the base or this version: decoded
// tokens are found from their window's start, so they are not bounded by W); any undecoded
// byte or a total decode that could exceed the whole version's budget (the budget is per scan,
// in order); a version or base larger than a scan chunk ("large"); a scanner whose minimum
// confidence is above low ("min-confidence": an everywhere match below it would be missing
// from the base's record); and a base whose own record is incomplete.
// Inline allow markers, dotenv and path rules are not the scanner's: the pipeline applies them
// to the whole version, so they need no argument here.
//
// Thread safety: free functions; the Scanner is used by the calling thread only.
#ifndef MAGPIE_SCANNER_REGION_SCAN_H_
#define MAGPIE_SCANNER_REGION_SCAN_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "scanner/compiled_rules.h"
#include "scanner/finding.h"
#include "scanner/scanner.h"

namespace magpie::scanner {

// text[target_begin, +length) == base[base_begin, +length).
struct CopyRun {
  uint64_t target_begin = 0;
  uint64_t length = 0;
  uint64_t base_begin = 0;
};

// How `text` was made from its base: the copied runs in target order (the rest was inserted).
struct DeltaLayout {
  uint64_t base_size = 0;
  std::vector<CopyRun> copies;
};

// What a full (or exact region) scan of a version left, kept to scan its deltas by.
struct ScanRecord {
  std::vector<Finding> findings;  // Scanner::Scan's, before any suppression
  uint64_t decoded_bytes = 0;     // encoded bytes decoded (an upper bound)
  uint64_t size = 0;              // the version's size: a layout naming another base size
                                  // does not describe this base
};

// W: the longest match (bytes) a bounded rule of `rules` can have (see the split above);
// computed from the compiled patterns (hs_expression_info) once per CompiledRules (a pattern
// analysis per rule, ~1 ms each) and kept with them.
uint64_t MatchReach(const CompiledRules& rules);

// How far either side of a change ScanChanged confirms (before widening to whole lines), for a
// rule set of MatchReach `reach`: a version gains only where it is larger than about twice
// this around its changes, so a caller may scan smaller versions whole without asking how they
// are stored.
uint64_t ChangeWindow(uint64_t reach);

struct RegionScan {
  std::vector<Finding> findings;  // equal to Scanner::Scan(text)
  uint64_t scanned_bytes = 0;     // bytes of the windows confirmed around the changes
  uint64_t decoded_bytes = 0;     // as ScanRecord
};

// Scans `text` given its `layout` from a base whose scan left `base`. `reach` is MatchReach of
// the scanner's rules. Returns nullopt with `*fallback` set (a short reason: "layout",
// "long-match", "decoded", "decode-budget", "large", "min-confidence") when the result could
// differ from a full scan; errors are the scanner's. Every size and offset of `layout` is
// checked against `text` (hostile packs).
Result<std::optional<RegionScan>> ScanChanged(Scanner& scanner, uint64_t reach,
                                              std::string_view text, const DeltaLayout& layout,
                                              const ScanRecord& base, std::string* fallback);

}  // namespace magpie::scanner

#endif  // MAGPIE_SCANNER_REGION_SCAN_H_
