// merge::MergeReports on arbitrary bytes (issue 13): a shard report is a CI artifact anyone in
// the pipeline could have written. The input is split at the first NUL into two reports, so
// that merging a hostile report with another (and SARIF with JSON) is exercised too.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/fuzz_check.h"
#include "merge/report_merge.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes = magpie::fuzz::AsView(data, size);
  const size_t nul = bytes.find('\0');
  std::vector<magpie::merge::ReportInput> inputs;
  inputs.push_back({"a", std::string(bytes.substr(0, nul)), ""});
  if (nul != std::string_view::npos) inputs.push_back({"b", std::string(bytes.substr(nul + 1)), ""});
  const magpie::merge::MergedReport merged = magpie::merge::MergeReports(inputs);
  MAGPIE_FUZZ_CHECK(!merged.document.empty() && merged.document.back() == '\n');
  // Whatever was left out is said: errors count at least the merge's own problems.
  MAGPIE_FUZZ_CHECK(merged.summary.errors >= merged.problems.size());
  return 0;
}
