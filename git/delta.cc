#include "git/delta.h"

#include <algorithm>

namespace magpie::git::internal {
namespace {

// The "size encoding": 7 bits per byte, least significant first, high bit = more. A value
// that needs more than 64 bits is corrupt (git stops at the same place).
bool ReadSize(std::string_view in, size_t* at, uint64_t* out) {
  uint64_t value = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (*at >= in.size()) return false;
    const uint8_t byte = static_cast<uint8_t>(in[(*at)++]);
    const uint64_t bits = byte & 0x7f;
    if (shift > 57 && (bits >> (64 - shift)) != 0) return false;  // would drop high bits
    value |= bits << shift;
    if ((byte & 0x80) == 0) {
      *out = value;
      return true;
    }
  }
  return false;
}

}  // namespace

Result<DeltaSizes> ParseDeltaSizes(std::string_view delta) {
  DeltaSizes sizes;
  size_t at = 0;
  if (!ReadSize(delta, &at, &sizes.base_size) || !ReadSize(delta, &at, &sizes.result_size)) {
    return Corrupt("delta: truncated or overlong size header");
  }
  sizes.instructions_at = at;
  return sizes;
}

namespace {

// Checks every instruction of `delta` (sizes already parsed) and calls on_op(op) for each, in
// target order: the one walk of the format that parsing and applying share.
template <typename OnOp>
Status VisitOps(std::string_view delta, const DeltaSizes& sizes, OnOp on_op) {
  uint64_t produced = 0;
  size_t at = sizes.instructions_at;
  while (at < delta.size()) {
    const uint8_t op = static_cast<uint8_t>(delta[at++]);
    if ((op & 0x80) != 0) {
      uint64_t offset = 0;
      uint64_t length = 0;
      for (int i = 0; i < 4; ++i) {
        if ((op & (1u << i)) == 0) continue;
        if (at >= delta.size()) return Corrupt("delta: truncated copy instruction");
        offset |= uint64_t{static_cast<uint8_t>(delta[at++])} << (8 * i);
      }
      for (int i = 0; i < 3; ++i) {
        if ((op & (0x10u << i)) == 0) continue;
        if (at >= delta.size()) return Corrupt("delta: truncated copy instruction");
        length |= uint64_t{static_cast<uint8_t>(delta[at++])} << (8 * i);
      }
      if (length == 0) length = 0x10000;
      // offset < 2^32 and length <= 2^24: the sums below cannot overflow.
      if (offset + length > sizes.base_size) return Corrupt("delta: copy past the base's end");
      if (length > sizes.result_size - produced) {
        return Corrupt("delta: copy past the declared result size");
      }
      on_op(DeltaOp{DeltaOp::Kind::kCopy, produced, length, offset});
      produced += length;
    } else if (op != 0) {
      const uint64_t length = op;
      if (length > delta.size() - at) return Corrupt("delta: insert past the delta's end");
      if (length > sizes.result_size - produced) {
        return Corrupt("delta: insert past the declared result size");
      }
      on_op(DeltaOp{DeltaOp::Kind::kInsert, produced, length, at});
      produced += length;
      at += length;
    } else {
      return Corrupt("delta: reserved instruction 0");
    }
  }
  if (produced != sizes.result_size) return Corrupt("delta: result shorter than declared");
  return Status::Ok();
}

Result<DeltaSizes> CheckedSizes(std::string_view delta, uint64_t max_result) {
  auto sizes = ParseDeltaSizes(delta);
  if (!sizes.ok()) return sizes.status();
  if (sizes->result_size > max_result) {
    return Status(StatusCode::kResourceExhausted,
                  "delta: declared result of " + std::to_string(sizes->result_size) +
                      " bytes is over the budget");
  }
  return sizes;
}

}  // namespace

Result<ParsedDelta> ParseDelta(std::string_view delta, uint64_t max_result) {
  auto sizes = CheckedSizes(delta, max_result);
  if (!sizes.ok()) return sizes.status();
  ParsedDelta parsed;
  parsed.base_size = sizes->base_size;
  parsed.result_size = sizes->result_size;
  Status s = VisitOps(delta, *sizes, [&](const DeltaOp& op) { parsed.ops.push_back(op); });
  if (!s.ok()) return s;
  return parsed;
}

Result<std::string> ApplyDelta(std::string_view base, std::string_view delta,
                               uint64_t max_result) {
  auto sizes = CheckedSizes(delta, max_result);
  if (!sizes.ok()) return sizes.status();
  std::string out(static_cast<size_t>(sizes->result_size), '\0');
  if (Status s = ApplyDeltaTo(base, delta, out.data(), out.size()); !s.ok()) return s;
  return out;
}

Status ApplyDeltaTo(std::string_view base, std::string_view delta, char* out,
                    uint64_t out_size) {
  auto sizes = ParseDeltaSizes(delta);
  if (!sizes.ok()) return sizes.status();
  if (sizes->result_size != out_size) return Corrupt("delta: result size does not match");
  if (sizes->base_size != base.size()) return Corrupt("delta: base size does not match");
  // Bytes are copied as each instruction is checked: a corrupt delta leaves `out` partly
  // written, which the caller discards with the error.
  return VisitOps(delta, *sizes, [&](const DeltaOp& op) {
    const std::string_view from = op.kind == DeltaOp::Kind::kCopy ? base : delta;
    std::copy_n(from.data() + op.source_offset, op.length, out + op.target_offset);
  });
}

std::vector<ByteRange> ChangedRegions(const ParsedDelta& delta, uint64_t context) {
  std::vector<ByteRange> raw;
  const DeltaOp* previous_copy = nullptr;  // the op just before, if it was a copy
  for (const DeltaOp& op : delta.ops) {
    if (op.kind == DeltaOp::Kind::kInsert) {
      raw.push_back({op.target_offset, op.target_offset + op.length});
      previous_copy = nullptr;
      continue;
    }
    // A copy: the seam with the op before is new unless that was a copy which this one
    // continues in the base. The target's start is a seam too unless it copies the base's
    // start (a match anchored at the start of text must see the same start).
    const bool continues = previous_copy != nullptr &&
                           previous_copy->source_offset + previous_copy->length == op.source_offset;
    const bool starts_like_base = op.target_offset == 0 && op.source_offset == 0;
    if (!continues && !starts_like_base) raw.push_back({op.target_offset, op.target_offset});
    previous_copy = &op;
  }
  // The end of the target is a seam unless the last copy ends where the base ends.
  if (!delta.ops.empty()) {
    const DeltaOp& last = delta.ops.back();
    if (last.kind == DeltaOp::Kind::kCopy && last.source_offset + last.length != delta.base_size) {
      raw.push_back({delta.result_size, delta.result_size});
    }
  }
  std::vector<ByteRange> merged;
  for (const ByteRange& r : raw) {
    const uint64_t begin = r.begin > context ? r.begin - context : 0;
    const uint64_t end = std::min(delta.result_size, r.end + std::min(context, delta.result_size));
    if (!merged.empty() && begin <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, end);
    } else {
      merged.push_back({begin, end});
    }
  }
  return merged;
}

}  // namespace magpie::git::internal
