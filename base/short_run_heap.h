// Allocator policy for a short, latency-bound run (`magpie staged`, the pre-commit hook).
//
// Why: such a run allocates ~10 MB once (the rule table, the deserialized Hyperscan database,
// libgit2's index and trees, the CA certificates libgit2 parses at start-up) and exits. With
// glibc's defaults every 4 KiB page of it is a separate page fault, blocks of 128 KiB or more
// are fresh mmaps, and a second thread's arena grows and shrinks page by page (one mprotect
// each). Measured with bench/staged_latency.sh, faults were ~3,100 of a run and the largest
// part of its CPU time on a virtual machine where a fault costs ~15 µs.
//
// PrepareShortRunHeap() makes the heap one region that grows in large steps, never shrinks,
// serves large blocks too, is shared by every thread, and is advised to be backed by
// transparent huge pages (one fault per 2 MiB where the kernel allows it: THP "madvise" or
// "always"). Nothing changes but where and how memory is mapped; where the advice is refused
// (THP "never", an allocator that is not glibc's, e.g. under AddressSanitizer) allocation
// works exactly as before.
//
// Usage: call once, first thing in the command, before other threads start.
//   magpie::PrepareShortRunHeap();
// Cost: address space (the heap grows by kShortRunHeapStep at a time) and, with huge pages,
// resident memory rounded up to 2 MiB steps.
// Thread safety: not thread-safe; call before starting threads.
#ifndef MAGPIE_BASE_SHORT_RUN_HEAP_H_
#define MAGPIE_BASE_SHORT_RUN_HEAP_H_

#include <cstddef>

namespace magpie {

inline constexpr size_t kShortRunHeapStep = size_t{32} << 20;

// Returns whether the heap was advised to use huge pages (false: the policy applies, the
// advice was refused or the allocator is not glibc's; allocation works either way).
bool PrepareShortRunHeap();

}  // namespace magpie

#endif  // MAGPIE_BASE_SHORT_RUN_HEAP_H_
