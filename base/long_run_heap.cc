#include "base/long_run_heap.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace magpie {

bool PrepareLongRunHeap() {
#if defined(__GLIBC__) && defined(M_MMAP_THRESHOLD) && !defined(__SANITIZE_ADDRESS__) && \
    !defined(__SANITIZE_THREAD__)
  // Setting either value turns glibc's dynamic thresholds off (mallopt(3)).
  return mallopt(M_MMAP_THRESHOLD, static_cast<int>(kLongRunMmapThreshold)) == 1 &&
         mallopt(M_TRIM_THRESHOLD, static_cast<int>(kLongRunTrimThreshold)) == 1;
#else
  return false;
#endif
}

void ReturnFreeMemory() {
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
  malloc_trim(0);
#endif
}

}  // namespace magpie
