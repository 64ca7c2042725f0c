#include "pipeline/shard.h"

#include <utility>
#include <variant>

namespace magpie::pipeline {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

bool InShare(std::string_view blob_id, const Shard& shard) {
  if (shard.whole()) return true;
  uint32_t prefix = 0;
  if (blob_id.size() < 8) return shard.index == 0;
  for (size_t i = 0; i < 8; ++i) {
    const int v = HexValue(blob_id[i]);
    if (v < 0) return shard.index == 0;
    prefix = (prefix << 4) | static_cast<uint32_t>(v);
  }
  return prefix % shard.count == shard.index;
}

void ShardFilterSink::Add(ItemResult item) {
  if (const auto* git = std::get_if<report::GitOrigin>(&item.origin)) {
    if (!git->blob_id.empty() && !InShare(git->blob_id, shard_)) return;
  }
  next_.Add(std::move(item));
}

}  // namespace magpie::pipeline
