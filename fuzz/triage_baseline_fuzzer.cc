// suppress::TriageBaseline::Parse on arbitrary text: `magpie triage` reads a baseline that may
// come from anywhere. A parsed one must survive verdicts and serialise to a document that parses
// again with the same findings.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_check.h"
#include "suppress/triage_baseline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using magpie::suppress::TriageBaseline;
  using magpie::suppress::Verdict;
  auto baseline = TriageBaseline::Parse(magpie::fuzz::AsView(data, size), "fuzz.json");
  if (!baseline.ok()) return 0;
  const size_t n = baseline->findings().size();
  for (size_t i = 0; i < n; ++i) {
    MAGPIE_FUZZ_CHECK(baseline->findings()[i].fingerprint.size() == 32);
    baseline->SetVerdict(i, i % 2 == 0 ? Verdict::kFalsePositive : Verdict::kSkipped, "why",
                         "2026-12-01");
  }
  MAGPIE_FUZZ_CHECK(baseline->ResumeIndex() <= n);
  auto again = TriageBaseline::Parse(baseline->Serialize(), "again.json");
  MAGPIE_FUZZ_CHECK(again.ok());
  MAGPIE_FUZZ_CHECK(again->findings().size() == n);
  return 0;
}
