// --baseline REPORT: the fingerprints of a previous magpie report, whose findings are then
// suppressed (reason "baseline"). Matching is by fingerprint (rule + path + secret), so moved
// lines do not bring a finding back; a changed path or secret does.
//
// Accepted reports: `-f json` (the "findings" array), `-f jsonl` ("finding" lines) and
// `-f sarif` (each result's partialFingerprints "magpie/v1"). Findings listed as suppressed in
// the report (--show-suppressed) are not taken: only what the report counted as findings.
#ifndef MAGPIE_SUPPRESS_BASELINE_H_
#define MAGPIE_SUPPRESS_BASELINE_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace magpie::suppress {

// The fingerprints of the findings a report lists. An unreadable or unrecognised report is an
// error (kInvalidArgument, or the read error), never an empty baseline.
Result<std::vector<std::string>> ParseBaseline(std::string_view text, const std::string& source);
Result<std::vector<std::string>> LoadBaseline(const std::string& path);

}  // namespace magpie::suppress

#endif  // MAGPIE_SUPPRESS_BASELINE_H_
