// An ItemSink in front of another that keeps a progress line (report/progress.h) up to date
// from the ordered output stage: it sees every item once, in order, on one thread, so the
// parallel stage's hot path pays nothing. It erases the line before handing on an item that
// will print (a finding on stdout, a problem on stderr), so that nothing is written over it.
// Thread safety: as ItemSink (one thread at a time).
#ifndef MAGPIE_PIPELINE_PROGRESS_SINK_H_
#define MAGPIE_PIPELINE_PROGRESS_SINK_H_

#include <cstdint>

#include "pipeline/item_result.h"
#include "report/progress.h"

namespace magpie::pipeline {

class ProgressSink : public ItemSink {
 public:
  // `next` and `meter` must outlive the sink.
  ProgressSink(ItemSink& next, report::ProgressMeter& meter) : next_(next), meter_(meter) {}

  void Add(ItemResult item) override;

 private:
  ItemSink& next_;
  report::ProgressMeter& meter_;
  uint64_t done_ = 0;
  uint64_t bytes_ = 0;
};

}  // namespace magpie::pipeline

#endif  // MAGPIE_PIPELINE_PROGRESS_SINK_H_
