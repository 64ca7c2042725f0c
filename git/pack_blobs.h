// Internal to git/: blob bytes read straight from the repository's packs, for the history scan
// (issue 13). History::Read asks for blobs in pack order; reading them through libgit2 costs an
// allocation and a copy per object and per delta step, a lock on the shared pack, and a delta
// base cache of 16 MiB that two readers in pack order keep evicting, so delta chains are
// inflated again and again. Here each blob comes from one PackReader (bounded, hostile-safe)
// with a delta-base cache shared by the readers (objects resolved recently, by pack offset:
// in pack order a version's base is usually close behind it) and per-thread buffers for the
// compressed record and the delta, reused from blob to blob. For the delta-aware scan, a read
// can also describe the version (its base's id and the runs its delta copies) from the delta
// it has just applied: the scan gets bytes and layout from one lookup (git/pack_deltas.h).
//
// Every failure is a value the caller answers by reading the blob through libgit2: an id in no
// pack opened (loose objects, alternates), a ref-delta whose base is outside its pack (a thin
// pack), a chain that does not end in a blob, anything corrupt or over PackLimits. The caller
// counts each fallback by reason (History::blob_reads), never silently.
//
// Memory (issue 13 §4): the cache holds at most `cache_bytes`, charging each object what it
// costs the heap (allocator rounding and the entry's bookkeeping, not only its bytes); each
// reading thread keeps its buffers only up to kKeepScratch each between reads. Blobs handed
// out are the caller's (PackBlob::owner) and are freed when the caller and the cache let go.
//
// Thread safety: after Open, Read and held may be called from any number of threads;
// ReleaseMemory from one, with no Read running.
#ifndef MAGPIE_GIT_PACK_BLOBS_H_
#define MAGPIE_GIT_PACK_BLOBS_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "git/history.h"
#include "git/pack_reader.h"

namespace magpie::git::internal {

// A blob read from a pack: its bytes (kept alive by `owner`, shared with the delta-base
// cache), or only its size when that is over the size the caller asked for.
// Per reading thread, the buffers kept between reads are at most this large each.
inline constexpr uint64_t kKeepScratch = uint64_t{1} << 20;

struct PackBlob {
  std::string_view bytes;
  std::shared_ptr<const void> owner;  // null when size > max_size
  uint64_t size = 0;
  // Only when Read was asked to describe blobs of this size (describe_above < size): how the
  // pack stores the blob, for the delta-aware scan. `delta` when as a delta (its layout made
  // from the delta the read applied: no second lookup); else `delta_note` says why not
  // ("base": stored whole; "pack-error": the bytes are good but the layout did not parse).
  // `described_again`: the bytes came from the delta-base cache, so the layout needed a
  // second lookup and inflation of the delta (DescribeEntry).
  std::optional<BlobDelta> delta;
  std::string delta_note;
  bool described_again = false;
};

class PackBlobs {
 public:
  // Opens every objects/pack/*.pack with its index (sorted by name: the first pack holding an
  // id answers, also for Describe). `unopened` counts the packs left out (their blobs are then
  // NotFound here). `cache_bytes` bounds the delta-base cache (git's own default is 96 MiB).
  static std::unique_ptr<PackBlobs> Open(const std::string& objects_dir, uint64_t cache_bytes,
                                         size_t* unopened);
  ~PackBlobs();
  PackBlobs(const PackBlobs&) = delete;
  PackBlobs& operator=(const PackBlobs&) = delete;

  // Blob `id`. A blob larger than `max_size` is not inflated (PackBlob::owner null, size set).
  // A blob larger than `describe_above` is also described (PackBlob::delta, delta_note).
  // Errors: kNotFound (in no pack opened, or a ref-delta base outside its pack); kCorrupt,
  // kResourceExhausted, kIoError (the pack; a chain that is not a blob's is kCorrupt).
  Result<PackBlob> Read(const ObjectId& id, uint64_t max_size,
                        uint64_t describe_above = UINT64_MAX) const;

  // Tree `id`'s bytes, for the history walk's diffs (git/tree_reader.h): the same read, cache
  // and errors as Read, for a chain that ends in a tree (one that does not is kCorrupt).
  Result<PackBlob> ReadTree(const ObjectId& id) const;

  // How blob `id` of `size` bytes is stored, for a blob whose bytes did not come from Read
  // (libgit2 read them): a delta (filled), a whole object (nullopt, *reason "base"), or in no
  // pack opened (nullopt, *reason "not-in-pack"). Errors as DescribeEntry (git/pack_deltas.h).
  Result<std::optional<BlobDelta>> Describe(const ObjectId& id, uint64_t size,
                                            std::string* reason) const;

  // Whether some pack holds `id` (stored whole or as a delta): tells a NotFound from Read
  // apart, a blob not in any pack from one whose delta base is outside its pack (thin).
  bool Has(const ObjectId& id) const;

  size_t packs() const;

  // What is held between reads: by the cache (charged as above, <= cache_bytes) and by the
  // calling thread's reusable buffers (their capacity).
  struct Memory {
    uint64_t cache_bytes = 0;
    uint64_t cache_objects = 0;
    uint64_t scratch_bytes = 0;
  };
  Memory held() const;

  // Frees the cache and every reading thread's buffers: for when the last Read is done (what
  // comes after a scan, e.g. resolving where secrets live now, then has that memory).
  // Not thread-safe: no Read may run meanwhile. A later Read still works.
  void ReleaseMemory();

 private:
  struct Impl;
  PackBlobs();
  std::unique_ptr<Impl> impl_;
};

}  // namespace magpie::git::internal

#endif  // MAGPIE_GIT_PACK_BLOBS_H_
