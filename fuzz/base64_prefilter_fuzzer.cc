// The base64 decoder's linear prefilter (scanner/base64_prefilter.h, issue 12): every code path
// (portable, SSE2, AVX2 where the CPU has it) must report the same match ends as the bytewise
// reference, anchor by anchor. (fuzz_decoder holds the scanner's path to the expression itself.)
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "fuzz/fuzz_check.h"
#include "scanner/base64_prefilter.h"

namespace {

using magpie::scanner::internal::RunSearchPath;

std::vector<size_t> Ends(std::string_view text, bool bytewise, RunSearchPath path) {
  std::vector<size_t> ends;
  const auto push = [](size_t end, void* context) {
    static_cast<std::vector<size_t>*>(context)->push_back(end);
  };
  if (bytewise) {
    magpie::scanner::internal::FindBase64PrefilterBytewise(text, push, &ends);
  } else {
    magpie::scanner::internal::FindBase64Prefilter(text, push, &ends, path);
  }
  return ends;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = magpie::fuzz::AsView(data, size);
  const std::vector<size_t> reference = Ends(text, true, RunSearchPath::kPortable);
  for (size_t i = 1; i < reference.size(); ++i) MAGPIE_FUZZ_CHECK(reference[i - 1] < reference[i]);
  for (const RunSearchPath path : {RunSearchPath::kBest, RunSearchPath::kPortable,
                                   RunSearchPath::kSse2, RunSearchPath::kAvx2}) {
    MAGPIE_FUZZ_CHECK(Ends(text, false, path) == reference);
  }
  return 0;
}
