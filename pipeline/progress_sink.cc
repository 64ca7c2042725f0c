#include "pipeline/progress_sink.h"

#include <utility>

namespace magpie::pipeline {

void ProgressSink::Add(ItemResult item) {
  ++done_;
  bytes_ += item.bytes;
  if (item.diagnostic || !item.findings.empty() || !item.suppressed.empty()) meter_.Clear();
  next_.Add(std::move(item));
  meter_.Update(done_, bytes_);
}

}  // namespace magpie::pipeline
