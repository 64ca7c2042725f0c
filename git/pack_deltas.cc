#include "git/pack_deltas.h"

#include <utility>

#include "base/fault_injection.h"
#include "git/delta.h"

namespace magpie::git::internal {
namespace {

std::string Hex(const ObjectId& id) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(40);
  for (uint8_t b : id) {
    out += kDigits[b >> 4];
    out += kDigits[b & 15];
  }
  return out;
}

}  // namespace

Result<std::string> DeltaBaseId(const PackReader& pack, const PackObjectHeader& header) {
  if (header.type == PackObjectType::kRefDelta) return Hex(header.base_id);
  const PackEntry* base = pack.EntryAt(header.base_offset);
  if (base == nullptr) return Corrupt("pack: no object at an ofs-delta's base offset");
  return Hex(pack.index().id(base->index));
}

Result<BlobDelta> LayoutOf(std::string_view delta, uint64_t size, std::string base_id) {
  if (fault::Triggered(fault::Point::kPackDeltaRead)) return IoError("pack: injected failure");
  Result<ParsedDelta> parsed = ParseDelta(delta, size);
  if (!parsed.ok()) return parsed.status();
  if (parsed->result_size != size) {
    return Corrupt("pack: a delta's result is " + std::to_string(parsed->result_size) +
                   " bytes, the blob " + std::to_string(size));
  }
  BlobDelta out;
  out.base_id = std::move(base_id);
  out.base_size = parsed->base_size;
  for (const DeltaOp& op : parsed->ops) {
    if (op.kind == DeltaOp::Kind::kCopy) {
      out.copies.push_back({op.target_offset, op.length, op.source_offset});
    }
  }
  return out;
}

Result<std::optional<BlobDelta>> DescribeEntry(const PackReader& pack, const PackEntry& entry,
                                               uint64_t size, std::string* reason) {
  Result<PackObjectHeader> header = pack.ReadHeader(entry);
  if (!header.ok()) return header.status();
  if (header->type != PackObjectType::kOfsDelta && header->type != PackObjectType::kRefDelta) {
    *reason = "base";
    return std::optional<BlobDelta>();
  }
  Result<std::string> base_id = DeltaBaseId(pack, *header);
  if (!base_id.ok()) return base_id.status();
  Result<std::string> delta = pack.Inflate(entry, *header);
  if (!delta.ok()) return delta.status();
  Result<BlobDelta> layout = LayoutOf(*delta, size, *std::move(base_id));
  if (!layout.ok()) return layout.status();
  return std::optional<BlobDelta>(*std::move(layout));
}

}  // namespace magpie::git::internal
