// Splitting one scan over N machines (issue 13): shard I of N scans the distinct blobs whose id
// falls in its share, so that N shard reports merged (`magpie merge`) equal the one-machine
// report. The share is a pure function of the blob id, the same on every machine and for every
// packing of the repository: the first four bytes of the object id (big-endian) modulo N.
#ifndef MAGPIE_PIPELINE_SHARD_H_
#define MAGPIE_PIPELINE_SHARD_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "pipeline/item_result.h"

namespace magpie::pipeline {

struct Shard {
  uint32_t index = 0;  // 0 <= index < count
  uint32_t count = 1;  // 1: the whole scan
  bool whole() const { return count <= 1; }
  std::string ToString() const { return std::to_string(index) + "/" + std::to_string(count); }
};

// Whether the blob with hex id `blob_id` is in `shard`'s share. An id too short or not hex
// (never produced by git/) belongs to shard 0, so that nothing falls between the shares.
bool InShare(std::string_view blob_id, const Shard& shard);

// The ordered output stage in front of the report for a shard: passes on the items whose blob
// is in the share and drops the others (the shard that owns them reports them), before
// findings are grouped per secret (HistoryGroupSink). Items without a git origin pass.
class ShardFilterSink : public ItemSink {
 public:
  ShardFilterSink(ItemSink& next, Shard shard) : next_(next), shard_(shard) {}
  void Add(ItemResult item) override;

 private:
  ItemSink& next_;
  Shard shard_;
};

}  // namespace magpie::pipeline

#endif  // MAGPIE_PIPELINE_SHARD_H_
