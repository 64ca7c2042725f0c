// Internal to git/: how the repository's packs store a blob, for the delta-aware history scan
// (issue 13): a blob stored as a delta is described by its base's id and the byte runs it
// copies from that base (the rest of it was inserted).
//
// The layout normally comes with the blob's bytes: PackBlobs::Read (git/pack_blobs.h) has the
// version's delta inflated in hand while it rebuilds the version from its base, and turns it
// into a layout with LayoutOf, with no second lookup and no second inflation. DescribeEntry is
// the second lookup, for what that read does not cover: a blob whose bytes came from libgit2
// (loose, a thin pack, a pack error, HistoryOptions::pack_reads off) or whose resolved bytes
// were already in the delta-base cache. Both work on PackBlobs's packs: one set of opened
// packs per history.
//
// A delta that does not parse, or whose declared result is not the blob's size, is an error
// value: the caller scans that blob whole and counts why.
//
// Thread safety: free functions on const readers (PackReader is thread-safe after Open).
#ifndef MAGPIE_GIT_PACK_DELTAS_H_
#define MAGPIE_GIT_PACK_DELTAS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "git/history.h"
#include "git/pack_reader.h"

namespace magpie::git::internal {

// The hex id of the base of delta record `header` (an ofs- or ref-delta) of `pack`. kCorrupt
// when an ofs-delta's base offset is not an object.
Result<std::string> DeltaBaseId(const PackReader& pack, const PackObjectHeader& header);

// The layout of a blob of `size` bytes from its inflated `delta` against `base_id`. Errors:
// the delta does not parse or its result is not `size` bytes (kCorrupt).
Result<BlobDelta> LayoutOf(std::string_view delta, uint64_t size, std::string base_id);

// How the blob of `size` bytes at `entry` of `pack` is stored: a delta (filled, its delta
// inflated again), or a whole object (nullopt, *reason "base"). Errors: the record or its
// delta is corrupt or over the limits, or the delta's result size is not `size`.
Result<std::optional<BlobDelta>> DescribeEntry(const PackReader& pack, const PackEntry& entry,
                                               uint64_t size, std::string* reason);

}  // namespace magpie::git::internal

#endif  // MAGPIE_GIT_PACK_DELTAS_H_
