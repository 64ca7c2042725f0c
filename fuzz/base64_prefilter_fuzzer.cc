// The Hyperscan stage's linear searches (issue 12): the base64 decoder's prefilter
// (scanner/base64_prefilter.h) and the gate's run search (scanner/gate.h), which the scanner
// runs as one pass (scanner/run_search.h). On every code path (portable, SSE2, AVX2 where the
// CPU has it, and the best), the one pass and each half alone must report exactly the ends of
// the prefilter's bytewise reference and the hits of the gate's operator-by-operator reference.
// (fuzz_decoder holds the scanner's path to the prefilter's expression itself.)
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/fuzz_check.h"
#include "scanner/base64_prefilter.h"
#include "scanner/gate.h"
#include "scanner/run_search.h"

namespace {

namespace internal = magpie::scanner::internal;
using internal::RunSearchPath;

void Push(size_t end, void* context) { static_cast<std::vector<size_t>*>(context)->push_back(end); }

// Two gates with different classes and lengths, as the shipped rules have.
const internal::GateSet& Gates() {
  static const internal::GateSet set = [] {
    const std::string tmpl = R"((?:=>|:=|[:=>,])[ \t]{0,10}["']?()";
    std::optional<internal::GateSet> built =
        internal::BuildGateSet({*internal::GateOf("k" + tmpl + "[A-Za-z0-9]{14})"),
                                *internal::GateOf("k" + tmpl + "[0-9a-f]{32})")});
    MAGPIE_FUZZ_CHECK(built.has_value());
    return *built;
  }();
  return set;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = magpie::fuzz::AsView(data, size);
  std::vector<size_t> ends;
  internal::FindBase64PrefilterBytewise(text, Push, &ends);
  for (size_t i = 1; i < ends.size(); ++i) MAGPIE_FUZZ_CHECK(ends[i - 1] < ends[i]);
  std::vector<size_t> hits;
  internal::FindGates(text, Gates(), &hits);
  for (const RunSearchPath path : {RunSearchPath::kBest, RunSearchPath::kPortable,
                                   RunSearchPath::kSse2, RunSearchPath::kAvx2}) {
    std::vector<size_t> both_hits;
    std::vector<size_t> both_ends;
    internal::FindGatesAndBase64Prefilter(text, &Gates(), &both_hits, Push, &both_ends, path);
    MAGPIE_FUZZ_CHECK(both_hits == hits);
    MAGPIE_FUZZ_CHECK(both_ends == ends);
    std::vector<size_t> alone;
    internal::FindBase64Prefilter(text, Push, &alone, path);
    MAGPIE_FUZZ_CHECK(alone == ends);
    alone.clear();
    internal::FindGatesByRuns(text, Gates(), path, &alone);
    MAGPIE_FUZZ_CHECK(alone == hits);
  }
  return 0;
}
