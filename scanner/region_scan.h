// Scanning a new version of a buffer by what changed from a version already scanned (issue 13,
// the delta-aware history scan): the caller knows which byte runs of `text` were copied in one
// piece from the base, and has the base's findings; this scans only the bytes around what
// changed and carries the base's findings over for the rest. The result equals
// Scanner::Scan(text), or the function says it cannot promise that (a fallback, with why) and
// the caller scans the whole text.
//
// Why this is exact. A finding's existence and every field of it depend only on the bytes
// within the scanner's reach R of its span [start, end):
//  - a rule's match is at most W bytes long, W = MatchReach(rules): the largest
//    hs_expression_info max_width over the rules' patterns, capped at kConfirmWindow (8192, the
//    documented limit of a match, docs/rules.md); RE2 confirms on a window around the Hyperscan
//    candidate, and a match inside any window that holds it whole is the same match;
//  - the line-scoped detectors (the generic/entropy detector, the line-scoped decoders) confirm
//    on the candidate's line, cut at kConfirmWindow either side of the candidate;
//  - context (the line, cut to kMaxContextBytes around the secret) and the other secrets in it
//    lie on that line, within the same cut;
//  - line and column are recomputed here from `text` for every finding, never carried over.
// So R = W + kConfirmWindow + 1 bounds the dependence. A finding of the new version whose
// [start - R, end + R) lies inside one run copied in one piece (and does not touch a buffer end
// that the base did not share) sees exactly the bytes its twin in the base saw: it is the base's
// finding, moved. Every other finding ("near" a change) lies within R + W of a change, so the
// scan of each change widened by 2R + W finds it with all it depends on. Near findings come only
// from the region scan and far ones only from the base, so none is lost or doubled.
// What falls back (counted by the caller, never silent): a finding longer than W near a change
// or in the base near a change (an unbounded construct, e.g. a private key longer than the
// contract, that a region could cut), a decoded finding near a change (decoded tokens are
// found from their window's start, so they are not bounded by W), any undecoded byte or a total
// decode that could exceed the whole version's budget (the budget is per scan, in order), and a
// base whose own record is incomplete.
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

// The longest match (bytes) any rule of `rules` can have, capped at the confirmation window;
// computed from the compiled patterns (hs_expression_info), so a rule set of short rules has a
// short reach. Costs a pattern analysis per rule: call once per session.
uint64_t MatchReach(const CompiledRules& rules);

// How far either side of a change ScanChanged scans, for a rule set of MatchReach `reach`: a
// version gains only where it is larger than about twice this around its changes, so a caller
// may scan smaller versions whole without asking how they are stored.
uint64_t ChangeWindow(uint64_t reach);

struct RegionScan {
  std::vector<Finding> findings;  // equal to Scanner::Scan(text)
  uint64_t scanned_bytes = 0;     // bytes handed to the scanner
  uint64_t decoded_bytes = 0;     // as ScanRecord
};

// Scans `text` given its `layout` from a base whose scan left `base`. `reach` is MatchReach of
// the scanner's rules. Returns nullopt with `*fallback` set (a short reason: "layout",
// "long-match", "decode-budget") when the result could differ from a full scan; errors are the
// scanner's. Every size and offset of `layout` is checked against `text` (hostile packs).
Result<std::optional<RegionScan>> ScanChanged(Scanner& scanner, uint64_t reach,
                                              std::string_view text, const DeltaLayout& layout,
                                              const ScanRecord& base, std::string* fallback);

}  // namespace magpie::scanner

#endif  // MAGPIE_SCANNER_REGION_SCAN_H_
