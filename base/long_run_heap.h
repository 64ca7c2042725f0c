// Allocator policy for a long scan that reads many blobs of very different sizes (`magpie git`,
// issue 13 §4: private memory bounded whatever the repository).
//
// Why: glibc serves a block of 128 KiB or more with its own mmap, but the first time such a
// block is freed it raises that threshold to the block's size (up to 32 MiB), so from then on
// every blob, record and delta buffer up to the largest seen comes from a thread's arena, and
// what is freed there stays mapped: after a few large blobs each arena holds tens of MB that no
// later read may need. It also trims an arena's top back to the kernel as soon as 128 KiB of it
// is free, to fault it in again on the next read.
//
// PrepareLongRunHeap() fixes the mmap threshold at kLongRunMmapThreshold (a larger block is
// mapped on allocation and unmapped on free, its pages back to the kernel at once) and lets an
// arena keep up to kLongRunTrimThreshold of free top. Only where memory comes from changes; with
// another allocator (a sanitizer's) nothing does.
//
// Usage: call once, first thing in the command, before other threads start.
// Thread safety: not thread-safe; call before starting threads.
#ifndef MAGPIE_BASE_LONG_RUN_HEAP_H_
#define MAGPIE_BASE_LONG_RUN_HEAP_H_

#include <cstddef>

namespace magpie {

inline constexpr size_t kLongRunMmapThreshold = size_t{256} << 10;
inline constexpr size_t kLongRunTrimThreshold = size_t{8} << 20;

// Returns whether the policy was applied (false: not glibc's allocator; nothing changed).
bool PrepareLongRunHeap();

// Gives the free pages of every arena back to the kernel (glibc's malloc_trim), after a
// phase freed a lot: what reading threads freed stays in their arenas otherwise, while the
// next phase runs on another thread and grows its own. Thread-safe; a no-op elsewhere.
void ReturnFreeMemory();

}  // namespace magpie

#endif  // MAGPIE_BASE_LONG_RUN_HEAP_H_
