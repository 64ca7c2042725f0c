// The long-run heap policy (issue 13 §4, `magpie git`'s private memory): after
// PrepareLongRunHeap a block over the fixed mmap threshold is its own mapping, also after a
// larger block was freed (which makes glibc's dynamic threshold serve it from the heap, where
// its pages stay after free).
#include "base/long_run_heap.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace magpie {
namespace {

TEST_CASE("issue 13: after PrepareLongRunHeap a freed large block does not keep later ones in "
          "the heap",
          "[base]") {
  const bool applied = PrepareLongRunHeap();
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
  REQUIRE(applied);
  // Without the policy freeing this raises the threshold to 8 MiB.
  char* volatile large = static_cast<char*>(std::malloc(size_t{8} << 20));
  REQUIRE(large != nullptr);
  std::memset(large, 1, 4096);
  std::free(large);
  const size_t mapped_before = mallinfo2().hblkhd;
  constexpr size_t kSize = size_t{1} << 20;
  static_assert(kSize > kLongRunMmapThreshold);
  char* volatile block = static_cast<char*>(std::malloc(kSize));
  REQUIRE(block != nullptr);
  std::memset(block, 1, kSize);
  const size_t mapped_with = mallinfo2().hblkhd;
  std::free(block);
  CHECK(mapped_with >= mapped_before + kSize);  // its own mapping, unmapped on free
  CHECK(mallinfo2().hblkhd == mapped_before);
#else
  CHECK_FALSE(applied);
#endif
}

// This process's private resident memory, in kB (0 where /proc has none).
long RssAnonKb() {
  std::ifstream status("/proc/self/status");
  std::string key;
  long value = 0;
  while (status >> key) {
    if (key == "RssAnon:" && status >> value) return value;
  }
  return 0;
}

TEST_CASE("issue 13: ReturnFreeMemory gives freed heap pages below a live block back", "[base]") {
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
  // 64 MiB of small blocks, the last one kept: the heap's top cannot shrink past it, so free
  // alone leaves every page resident.
  std::vector<char*> blocks;
  for (int i = 0; i < 64 * 1024; ++i) {
    char* block = static_cast<char*>(std::malloc(1000));
    REQUIRE(block != nullptr);
    std::memset(block, 1, 1000);
    blocks.push_back(block);
  }
  for (size_t i = 0; i + 1 < blocks.size(); ++i) std::free(blocks[i]);
  const long before = RssAnonKb();
  ReturnFreeMemory();
  const long after = RssAnonKb();
  std::free(blocks.back());
  CHECK(before - after > 32 * 1024);
#else
  ReturnFreeMemory();  // a no-op
#endif
}

}  // namespace
}  // namespace magpie
