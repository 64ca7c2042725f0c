#include "git/pack_deltas.h"

#include <algorithm>

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

std::unique_ptr<PackDeltas> PackDeltas::Open(const std::string& objects_dir, size_t* unopened) {
  auto out = std::make_unique<PackDeltas>();
  out->packs_ = OpenPacks(objects_dir, PackLimits{}, unopened);
  return out;
}

Result<std::optional<BlobDelta>> PackDeltas::Lookup(const ObjectId& id, uint64_t size,
                                                    std::string* reason) const {
  if (fault::Triggered(fault::Point::kPackDeltaRead)) return IoError("pack: injected failure");
  for (const std::unique_ptr<PackReader>& pack : packs_) {
    const PackEntry* entry = pack->Find(id);
    if (entry == nullptr) continue;
    Result<PackObjectHeader> header = pack->ReadHeader(*entry);
    if (!header.ok()) return header.status();
    if (header->type != PackObjectType::kOfsDelta && header->type != PackObjectType::kRefDelta) {
      *reason = "base";
      return std::optional<BlobDelta>();
    }
    BlobDelta out;
    if (header->type == PackObjectType::kOfsDelta) {
      const PackEntry* base = pack->EntryAt(header->base_offset);
      if (base == nullptr) return Corrupt("pack: no object at an ofs-delta's base offset");
      out.base_id = Hex(pack->index().id(base->index));
    } else {
      out.base_id = Hex(header->base_id);
    }
    Result<std::string> delta = pack->Inflate(*entry, *header);
    if (!delta.ok()) return delta.status();
    Result<ParsedDelta> parsed = ParseDelta(*delta, size);
    if (!parsed.ok()) return parsed.status();
    if (parsed->result_size != size) {
      return Corrupt("pack: a delta's result is " + std::to_string(parsed->result_size) +
                     " bytes, the blob " + std::to_string(size));
    }
    out.base_size = parsed->base_size;
    for (const DeltaOp& op : parsed->ops) {
      if (op.kind == DeltaOp::Kind::kCopy) {
        out.copies.push_back({op.target_offset, op.length, op.source_offset});
      }
    }
    return std::optional<BlobDelta>(std::move(out));
  }
  *reason = "not-in-pack";
  return std::optional<BlobDelta>();
}

}  // namespace magpie::git::internal
