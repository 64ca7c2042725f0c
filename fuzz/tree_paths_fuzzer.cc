// The scan store's facts about tip trees (store/tree_paths.h, issue 13): DecodePaths is given
// the bytes of an SQLite cell that anyone who can write the store controls. Checks: no crash,
// no read outside the buffer, and what decodes is what the contract says: non-empty paths
// without NUL that encode back to exactly the bytes read (one encoding per list).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz/fuzz_check.h"
#include "store/tree_paths.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input = magpie::fuzz::AsView(data, size);
  std::vector<std::string> paths;
  if (!magpie::store::internal::DecodePaths(input, &paths)) return 0;
  for (const std::string& path : paths) {
    MAGPIE_FUZZ_CHECK(!path.empty());
    MAGPIE_FUZZ_CHECK(path.find('\0') == std::string::npos);
  }
  MAGPIE_FUZZ_CHECK(magpie::store::internal::EncodePaths(paths) == input);
  return 0;
}
