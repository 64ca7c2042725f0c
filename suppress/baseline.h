// --baseline REPORT: the fingerprints of a previous magpie report, whose findings are then
// suppressed (reason "baseline"). Matching is by fingerprint (rule + path + secret), so moved
// lines do not bring a finding back; a changed path or secret does.
//
// Accepted reports: `-f json` (the "findings" array), `-f jsonl` ("finding" lines) and
// `-f sarif` (each result's partialFingerprints "magpie/v1"). Findings listed as suppressed in
// the report (--show-suppressed) are not taken: only what the report counted as findings.
#ifndef MAGPIE_SUPPRESS_BASELINE_H_
#define MAGPIE_SUPPRESS_BASELINE_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace magpie::suppress {

// The fingerprints of the findings a report lists. An unreadable or unrecognised report is an
// error (kInvalidArgument, or the read error), never an empty baseline.
Result<std::vector<std::string>> ParseBaseline(std::string_view text, const std::string& source);

// Streams the report at `path` (a file or a pipe) with nlohmann's SAX parser, keeping only the
// fingerprints (issue 14: a 1 GB report took 11 GB as a document), and calls
// `on_fingerprint` for each: `-f json` and JSONL ones as they are read, SARIF ones at the end.
// On error, some may have been passed already: the caller drops them with the rest of its
// suppression (LoadSuppression returns only the error). Hostile input stays bounded: no JSON
// token or JSONL line over 16 MiB, no recursion however deep the nesting.
Status LoadBaseline(const std::string& path,
                    const std::function<void(std::string_view fingerprint)>& on_fingerprint);

}  // namespace magpie::suppress

#endif  // MAGPIE_SUPPRESS_BASELINE_H_
