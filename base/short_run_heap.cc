#include "base/short_run_heap.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace magpie {

bool PrepareShortRunHeap() {
#if defined(__GLIBC__) && defined(M_ARENA_MAX) && defined(MADV_HUGEPAGE)
  // One arena: a second thread (the staged command reads git while the rules load) would
  // otherwise get an arena of its own, grown one page and one mprotect at a time, and trimmed
  // back whenever its top is free (libgit2's zlib windows), to be faulted in again.
  mallopt(M_ARENA_MAX, 1);
  // Blocks up to a step come from the heap, not from fresh mmaps faulted page by page (the
  // Hyperscan database is ~1.4 MB); the heap grows a step at a time and is never trimmed.
  mallopt(M_MMAP_THRESHOLD, static_cast<int>(kShortRunHeapStep));
  mallopt(M_TRIM_THRESHOLD, static_cast<int>(4 * kShortRunHeapStep));
  mallopt(M_TOP_PAD, static_cast<int>(kShortRunHeapStep));
  // Grow the heap now, so that the advice covers the memory the run will use: a block larger
  // than the heap's free top makes glibc extend the break by the block plus M_TOP_PAD. Only the
  // block's header is written, at the old top; the new pages stay untouched until advised.
  char* const before = static_cast<char*>(sbrk(0));
  // volatile: a compiler may drop an unused malloc/free pair.
  void* volatile probe = std::malloc(size_t{1} << 20);
  char* const after = static_cast<char*>(sbrk(0));
  std::free(probe);
  if (before == reinterpret_cast<char*>(-1) || after <= before) return false;  // not the break
  const uintptr_t page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  const uintptr_t begin = reinterpret_cast<uintptr_t>(before) & ~(page - 1);
  return madvise(reinterpret_cast<void*>(begin), reinterpret_cast<uintptr_t>(after) - begin,
                 MADV_HUGEPAGE) == 0;
#else
  return false;
#endif
}

}  // namespace magpie
