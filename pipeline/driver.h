// The one ordered parallel driver every scanning command uses (TBB parallel_pipeline):
//   serial input stage   hands out item indices 0..size()-1 in order;
//   parallel stage       Source::Load, the thread's Scanner, Source::KeepReported, inline
//                        allow markers (while the bytes are alive);
//   serial output stage  ItemSink::Add, in index order, so output does not depend on -j.
// Errors travel as values: an item that cannot be loaded or scanned (or whose stage throws)
// reaches the sink as a diagnostic; nothing escapes the parallel stage. Should a stage fail
// anyway (an allocation in the output stage or in an error handler), the pipeline stops and
// the sink receives one "scan-error" item saying how many items were not scanned: Drive never
// throws, so the caller always ends its report as a whole document.
#ifndef MAGPIE_PIPELINE_DRIVER_H_
#define MAGPIE_PIPELINE_DRIVER_H_

#include <cstdint>

#include "pipeline/item_result.h"
#include "pipeline/session.h"
#include "pipeline/source.h"

namespace magpie::pipeline {

struct DriveOptions {
  int threads = 1;  // worker threads (>= 1)
  // A source whose total_bytes() is below this is scanned on the calling thread: for the
  // pre-commit hook, whose latency matters more than throughput.
  uint64_t serial_below_bytes = 0;
  bool inline_allows = true;  // apply inline allow markers (suppress::ApplyInlineAllows)
};

// Scans every item of `source` and hands each result to `sink`, in index order. Never throws.
void Drive(const Source& source, ScanSession& session, ItemSink& sink,
           const DriveOptions& options);

// One item, as the parallel stage does it (exposed for tests and for Drive's serial path).
ItemResult ScanItem(const Source& source, ScanSession& session, size_t index,
                    bool inline_allows = true);

}  // namespace magpie::pipeline

#endif  // MAGPIE_PIPELINE_DRIVER_H_
