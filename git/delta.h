// Internal to git/: git's delta format (gitformat-pack(5), "Deltified representation"), the
// instructions a pack stores instead of a blob version: copy a byte range of the base, or
// insert bytes carried in the delta. The delta-aware history scan (issue 13) reads only what a
// version inserts; this file parses the instructions into that list and applies them (to check
// the parse against libgit2, and as the path for a version whose base must be rebuilt).
//
// Every byte is hostile: a size that overflows, a copy past the end of the base, an insert
// past the end of the delta, a result longer or shorter than declared, the reserved opcode 0.
// Each is a kCorrupt Status, never a read out of bounds. Nothing here allocates more than
// the declared result size, and callers bound that (PackReader's budget).
//
// Thread safety: free functions on caller-owned bytes.
#ifndef MAGPIE_GIT_DELTA_H_
#define MAGPIE_GIT_DELTA_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace magpie::git::internal {

// One instruction, in the target's coordinates: target[target_offset, +length) comes from
// base[base_offset, +length) (a copy) or from delta[delta_offset, +length) (an insert).
struct DeltaOp {
  enum class Kind : uint8_t { kCopy, kInsert };
  Kind kind;
  uint64_t target_offset;
  uint64_t length;
  uint64_t source_offset;  // in the base for a copy, in the delta bytes for an insert
};

struct ParsedDelta {
  uint64_t base_size = 0;
  uint64_t result_size = 0;
  // In target order, covering [0, result_size) without gap or overlap; empty for an empty
  // result. Adjacent copies are not merged (the caller decides what continuity means).
  std::vector<DeltaOp> ops;
};

// The two sizes at the start of a delta, and where the instructions begin.
struct DeltaSizes {
  uint64_t base_size = 0;
  uint64_t result_size = 0;
  size_t instructions_at = 0;
};
Result<DeltaSizes> ParseDeltaSizes(std::string_view delta);

// Parses and checks every instruction. `max_result` bounds result_size (a budget, not a
// format rule): a larger declared result is kResourceExhausted.
Result<ParsedDelta> ParseDelta(std::string_view delta, uint64_t max_result);

// base + delta -> the target's bytes. Errors as ParseDelta, plus a base whose size is not the
// delta's base_size.
Result<std::string> ApplyDelta(std::string_view base, std::string_view delta,
                               uint64_t max_result);
// The same into `out`, which holds exactly the delta's declared result size (`out_size`,
// from ParseDeltaSizes; the caller bounds it): no allocation, for the pack blob reader.
Status ApplyDeltaTo(std::string_view base, std::string_view delta, char* out,
                    uint64_t out_size);

// A byte range [begin, end) of the target.
struct ByteRange {
  uint64_t begin;
  uint64_t end;
  bool operator==(const ByteRange& o) const { return begin == o.begin && end == o.end; }
};

// Where the target differs from a plain run of its base: each insert, and each point where
// one copy ends and the next copy does not continue it in the base (a deletion or a move,
// as an empty range at that offset). Outside these, every byte and its neighbours were copied
// in one piece from the base. Each range is widened by `context` bytes on both sides (clamped
// to [0, result_size]) and overlapping or touching ranges are merged; sorted.
std::vector<ByteRange> ChangedRegions(const ParsedDelta& delta, uint64_t context);

}  // namespace magpie::git::internal

#endif  // MAGPIE_GIT_DELTA_H_
