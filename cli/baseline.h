// --baseline REPORT: the fingerprints of a previous magpie report, whose findings are then
// suppressed (reason "baseline"). Matching is by fingerprint (rule + path + secret), so moved
// lines do not bring a finding back; a changed path or secret does.
//
// Accepted reports: `-f json` (the "findings" array), `-f jsonl` ("finding" lines) and
// `-f sarif` (each result's partialFingerprints "magpie/v1"). Findings listed as suppressed in
// the report (--show-suppressed) are not taken: only what the report counted as findings.
#ifndef MAGPIE_CLI_BASELINE_H_
#define MAGPIE_CLI_BASELINE_H_

#include <string>
#include <string_view>
#include <vector>

namespace magpie::cli {

struct BaselineLoad {
  std::vector<std::string> fingerprints;
  std::string error;  // "" on success; an unreadable or unrecognised report is an error
  bool ok() const { return error.empty(); }
};

BaselineLoad ParseBaseline(std::string_view text, const std::string& source);
BaselineLoad LoadBaseline(const std::string& path);

}  // namespace magpie::cli

#endif  // MAGPIE_CLI_BASELINE_H_
