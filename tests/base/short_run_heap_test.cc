// The short-run heap policy (issue 11, `magpie staged` latency): after PrepareShortRunHeap a
// block of a megabyte comes from the heap, which is advised to use transparent huge pages.
#include "base/short_run_heap.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

namespace magpie {
namespace {

// The VmFlags line of the mapping in /proc/self/smaps that contains `address`, or "".
std::string VmFlagsOf(const void* address) {
  const auto at = reinterpret_cast<uintptr_t>(address);
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    uintptr_t begin = 0;
    uintptr_t end = 0;
    char dash = 0;
    std::istringstream range(line);
    if (range >> std::hex >> begin >> dash >> end && dash == '-' &&
        line.find(' ') != std::string::npos && line.find(':') > line.find(' ')) {
      inside = begin <= at && at < end;
      continue;
    }
    if (inside && line.rfind("VmFlags:", 0) == 0) return line;
  }
  return "";
}

TEST_CASE("issue 11: after PrepareShortRunHeap a 4 MiB block comes from the huge-page heap",
          "[base]") {
  const bool advised = PrepareShortRunHeap();
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
  REQUIRE(advised);
  // Above glibc's default mmap threshold; its start may lie in the heap's free top from before
  // the call, which was not advised, its end lies in the part the call added.
  constexpr size_t kSize = size_t{4} << 20;
  char* volatile block = static_cast<char*>(std::malloc(kSize));
  REQUIRE(block != nullptr);
  std::memset(block, 1, kSize);  // the policy changes mappings, never contents
  const std::string flags = VmFlagsOf(block + kSize - 1);
  std::free(block);
  INFO(flags);
  // MADV_HUGEPAGE on the heap, not a mapping of the block's own (the raised mmap threshold).
  CHECK(flags.find(" hg") != std::string::npos);
#else
  // Another allocator (a sanitizer's): the advice is refused and allocation is unchanged.
  CHECK_FALSE(advised);
  void* volatile block = std::malloc(size_t{1} << 20);
  CHECK(block != nullptr);
  std::free(block);
#endif
}

}  // namespace
}  // namespace magpie
