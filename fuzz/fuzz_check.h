// Shared by the fuzz targets: the input as a string_view, and a check that stops the fuzzer
// (abort, so libFuzzer keeps the input) whatever the build type, unlike assert under NDEBUG.
#ifndef MAGPIE_FUZZ_FUZZ_CHECK_H_
#define MAGPIE_FUZZ_FUZZ_CHECK_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#define MAGPIE_FUZZ_CHECK(condition)                                                  \
  do {                                                                                \
    if (!(condition)) {                                                               \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                   \
    }                                                                                 \
  } while (0)

namespace magpie::fuzz {

inline std::string_view AsView(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace magpie::fuzz

#endif  // MAGPIE_FUZZ_FUZZ_CHECK_H_
