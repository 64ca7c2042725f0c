// suppress::ParseBaseline on arbitrary text: a --baseline report may come from anywhere (a CI
// artifact, a repository). JSON, JSONL and SARIF are all tried on the same bytes.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_check.h"
#include "suppress/baseline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto fingerprints =
      magpie::suppress::ParseBaseline(magpie::fuzz::AsView(data, size), "fuzz.json");
  if (!fingerprints.ok()) return 0;
  for (const std::string& fp : *fingerprints) MAGPIE_FUZZ_CHECK(fp.size() == 32);
  return 0;
}
