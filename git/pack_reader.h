// Internal to git/: a reader of one pack (.pack + its version-2 .idx, gitformat-pack(5)) that
// hands out stored objects and, for deltified ones, their delta instructions without
// rebuilding the version: what the delta-aware history scan (issue 13) needs, and what
// libgit2 does not expose. libgit2 stays the reader for everything else (loose objects,
// alternates, SHA-256 repositories, a ref-delta whose base is outside the pack) and the
// fallback whenever this reader returns an error.
//
// Every size and offset in both files is hostile. The index is mapped and checked on Open
// (fan-out monotonic, offsets inside the pack); the table of entries in pack order (which
// bounds each record) is built on first use, not on Open (a lookup that misses needs only the
// index), from the pack's reverse index (.rev, gitformat-pack(5)) when it has a valid one,
// else by sorting (issue 13: a rescan reads a few dozen objects of git/git's pack of 849k;
// sorting them all cost it ~4%), and the first few lookups do without it (entries()). The
// .rev is hostile too: the table uses it only if it has the right header and size and orders
// the index's offsets strictly increasing, which makes it the sort's result. Two objects at
// one offset make every lookup the table answers fail. An object is read with one pread of its record (from
// its offset to the next object's, so a truncated or rewritten pack is an error, never a
// SIGBUS), its declared size is bounded by PackLimits before anything is allocated, the
// inflater (libdeflate) must produce exactly that size, and delta chains are resolved
// iteratively up to a depth.
//
// Usage:
//   auto pack = PackReader::Open(objects_dir + "pack/pack-<hash>.pack", {});
//   if (!pack.ok()) { fall back to libgit2; }
//   for (const PackEntry& e : (*pack)->entries()) {   // pack order
//     auto header = (*pack)->ReadHeader(e);
//     ...
//   }
//
// Thread safety: after Open, every const member may be called from any number of threads
// (pread on a shared descriptor; no shared mutable state).
#ifndef MAGPIE_GIT_PACK_READER_H_
#define MAGPIE_GIT_PACK_READER_H_

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"

namespace magpie::git::internal {

enum class PackObjectType : uint8_t {
  kCommit = 1,
  kTree = 2,
  kBlob = 3,
  kTag = 4,
  kOfsDelta = 6,
  kRefDelta = 7,
};

using ObjectId = std::array<uint8_t, 20>;  // SHA-1; other formats go through libgit2

// The variable-length header in front of each object's zlib data.
struct PackObjectHeader {
  PackObjectType type;
  uint64_t size = 0;         // inflated size: the object's, or the delta's for 6 and 7
  uint64_t base_offset = 0;  // kOfsDelta: the base's absolute offset (checked < this offset)
  ObjectId base_id{};        // kRefDelta: the base's id
  size_t data_at = 0;        // bytes from the object's offset to its zlib data
};

// Parses the header of the object at pack offset `offset` from `bytes` (the record, or as
// much of it as is at hand). kCorrupt for an invalid type, a size over 64 bits, a truncated
// header or an ofs-delta base at or before offset 0 / not before this object.
Result<PackObjectHeader> ParseObjectHeader(std::string_view bytes, uint64_t offset);

// The file at `path` mapped read-only, unmapped with the last copy of the pointer; null where
// it cannot be opened or mapped (an empty file cannot be); *size receives its size.
std::shared_ptr<const void> MapReadOnly(const std::string& path, size_t* size);

// A parsed version-2 index: ids (sorted) and offsets, checked against the pack's size.
class PackIndex {
 public:
  // `bytes`: a whole index file, kept in memory.
  static Result<PackIndex> Parse(std::string bytes, uint64_t pack_size);
  // The index file at `path`, mapped read-only instead of read (falling back to a read where
  // it cannot be mapped): a rescan looks up a few dozen of git/git's 849k objects, and reading
  // its 24 MB index into memory (page faults, a copy, a table of decoded offsets) was ~6% of
  // the rescan (issue 13). Only the pages looked at are touched. git replaces an index file
  // (writes another and renames it), never rewrites one in place, and libgit2 maps them the
  // same way; the offsets are checked here once, and decoding one again stays inside the map.
  static Result<PackIndex> Map(const std::string& path, uint64_t pack_size);
  size_t size() const { return count_; }
  ObjectId id(size_t i) const;
  uint64_t offset(size_t i) const;  // checked against the pack's size by Parse/Map
  std::optional<size_t> Find(const ObjectId& id) const;
  // Private memory held: a parsed index's whole file; none for a mapped one (its pages are
  // the page cache's).
  size_t held_bytes() const { return mapped_ ? 0 : size_bytes_; }

 private:
  // Checks the index in [data, data + size), kept alive by `storage`.
  static Result<PackIndex> Check(std::shared_ptr<const void> storage, const char* data,
                                 size_t size, bool mapped, uint64_t pack_size);
  std::shared_ptr<const void> storage_;  // a std::string, or a mapping
  const char* data_ = nullptr;
  size_t size_bytes_ = 0;
  bool mapped_ = false;
  size_t count_ = 0;
  uint64_t offsets_at_ = 0;
  uint64_t large_at_ = 0;
  uint64_t large_count_ = 0;
};

struct PackLimits {
  uint64_t max_object_size = uint64_t{512} << 20;  // inflated object or delta, and record
  int max_chain_depth = 10000;                     // git writes at most 4095
};

// One object's place: [offset, end) is its record (header + zlib data), `index` its position
// in the index (for its id).
struct PackEntry {
  uint64_t offset;
  uint64_t end;
  uint32_t index;
};

// A whole object as stored after resolving its delta chain.
struct PackObject {
  PackObjectType type;  // commit, tree, blob or tag
  std::string bytes;
  int chain_depth = 0;  // deltas applied
};

// Supplies a ref-delta base this pack does not hold (a thin pack), e.g. from libgit2;
// NotFound when it has none.
using ExternalBase = std::function<Result<PackObject>(const ObjectId& id)>;

class PackReader {
 public:
  // `pack_path` ends in ".pack"; the index is the same path ending in ".idx".
  static Result<std::unique_ptr<PackReader>> Open(const std::string& pack_path,
                                                  const PackLimits& limits);
  ~PackReader();
  PackReader(const PackReader&) = delete;
  PackReader& operator=(const PackReader&) = delete;

  const PackIndex& index() const { return index_; }
  // In pack order; empty when two objects share an offset (a damaged index). The first call
  // of entries sorts the table (once, whichever thread asks). EntryAt and a Find that hits
  // answer the first few lookups (size() / 64, at least 256) from the pack's reverse index
  // without the table when the pack has a .rev, binary searched (issue 13: a rescan reads a
  // few dozen of git/git's 849k objects, and the 20 MB table cost it ~4%); then, or when that
  // search does not find the offset, they build the table. A hostile .rev answers a lookup
  // only where it orders the object strictly between its neighbours, so a record it bounds
  // ends at or after the true one (the next object's offset), never before: the object read
  // is the same (inflation stops at its stream's end, and the size is checked exactly).
  const std::vector<PackEntry>& entries() const;
  const PackEntry* EntryAt(uint64_t offset) const;  // null if none
  const PackEntry* Find(const ObjectId& id) const;  // null if none; a miss reads the index only
  // Whether the table came from the .rev file (false: sorted, or not built yet). For tests.
  bool ordered_by_reverse_index() const;

  // The record's bytes (one pread), its header, and its inflated data (the object's content,
  // or the delta for 6 and 7).
  Result<std::string> ReadRecord(const PackEntry& entry) const;
  Result<PackObjectHeader> ReadHeader(const PackEntry& entry) const;
  Result<std::string> Inflate(const PackEntry& entry, const PackObjectHeader& header) const;
  // As Inflate, without allocating once the caller's buffer has grown: the record is read
  // into *record_buffer (reused from object to object, grown as needed, never shrunk) and the
  // data inflated into `out`, which holds header.size bytes (bounded by PackLimits first).
  Status InflateTo(const PackEntry& entry, const PackObjectHeader& header,
                   std::string* record_buffer, char* out) const;

  // The type at the end of the delta chain, from headers only (no inflation).
  Result<PackObjectType> ResolveType(const PackEntry& entry,
                                     const ExternalBase& external = nullptr) const;
  // The whole object, applying its delta chain (bases first). A ref-delta base outside the
  // pack comes from `external` (NotFound without one).
  Result<PackObject> Read(const PackEntry& entry, const ExternalBase& external = nullptr) const;

 private:
  PackReader() = default;
  Result<std::string_view> ReadRecordInto(const PackEntry& entry, std::string* buffer) const;
  Status CheckBudget(const PackObjectHeader& header) const;
  void SortEntries() const;
  bool EntriesFromReverseIndex(std::vector<PackEntry>* entries) const;
  // The entry at `offset` by a binary search of the .rev; none when it is not there or the
  // .rev does not order it strictly between its neighbours.
  std::optional<PackEntry> LookUpInReverseIndex(uint64_t offset) const;
  // The object offset at pack position k of the .rev; none when its position is past the index.
  std::optional<uint64_t> ReverseOffset(size_t k) const;
  int fd_ = -1;
  uint64_t size_ = 0;
  PackLimits limits_;
  PackIndex index_;
  std::string rev_path_;
  std::shared_ptr<const void> rev_;  // the .rev mapped, when its header and size are right
  const char* rev_positions_ = nullptr;
  mutable std::atomic<uint64_t> lookups_{0};
  mutable std::atomic<bool> sorted_done_{false};
  mutable std::mutex looked_up_mutex_;
  mutable std::unordered_map<uint64_t, PackEntry> looked_up_;  // nodes stay where they are
  mutable std::once_flag sorted_;
  mutable bool from_rev_ = false;
  mutable std::vector<PackEntry> entries_;  // filled by SortEntries, then read-only
};

// Every objects/pack/*.pack of `objects_dir` (ending in '/') opened with its index, sorted by
// name so that the same pack answers for an id whatever the directory's listing order.
// `unopened` counts the packs that did not open (left out).
std::vector<std::unique_ptr<PackReader>> OpenPacks(const std::string& objects_dir,
                                                   const PackLimits& limits, size_t* unopened);

}  // namespace magpie::git::internal

#endif  // MAGPIE_GIT_PACK_READER_H_
