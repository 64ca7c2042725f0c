// Git history output order and "still present at HEAD" (magpie git). Items without findings
// pass straight through (counts only); items with findings are held until the end, because
// whether a secret is still at HEAD is known only once every blob at HEAD has been scanned.
// They are then reported sorted by (path, commit time, commit, blob): pack order would change
// with every repack, this order does not.
// A finding is present at HEAD when its blob is, or when the same (rule, secret) was found in a
// blob that is. GitOrigin is per item, so a blob whose findings disagree is marked present when
// any of them is: the safe direction (never "deleted since" for a secret that is still there).
// Memory: the held items (those with findings) only.
// Thread safety: one thread at a time, like any ItemSink.
#ifndef MAGPIE_PIPELINE_HEAD_PRESENCE_SINK_H_
#define MAGPIE_PIPELINE_HEAD_PRESENCE_SINK_H_

#include <string>
#include <unordered_set>
#include <vector>

#include "pipeline/item_result.h"

namespace magpie::pipeline {

class HeadPresenceSink : public ItemSink {
 public:
  explicit HeadPresenceSink(ItemSink& next) : next_(next) {}  // `next` must outlive this

  void Add(ItemResult item) override;
  // Sends the held items to `next`, in report order. Call once, after the last Add.
  void Flush();

 private:
  ItemSink& next_;
  std::vector<ItemResult> held_;
  std::unordered_set<std::string> at_head_;  // (rule, secret) found in a blob at HEAD
};

}  // namespace magpie::pipeline

#endif  // MAGPIE_PIPELINE_HEAD_PRESENCE_SINK_H_
