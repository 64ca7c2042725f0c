// What scanning one item produced, as the driver hands it to the ordered output stage.
#ifndef MAGPIE_PIPELINE_ITEM_RESULT_H_
#define MAGPIE_PIPELINE_ITEM_RESULT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "report/origin.h"
#include "report/reporter.h"
#include "scanner/finding.h"
#include "suppress/suppressor.h"

namespace magpie::pipeline {

struct ItemResult {
  report::Origin origin;
  std::vector<scanner::Finding> findings;               // sorted by offset
  std::vector<suppress::SuppressedFinding> suppressed;  // by inline markers
  uint64_t bytes = 0;
  bool scanned = false;
  std::string skip_reason;  // "binary", "too-large", ... when not scanned
  std::optional<report::Diagnostic> diagnostic;
  // Inline markers that name no rule (suppress::ApplyInlineAllows): kind kMarkerWarning, shown
  // and reported, but the item was scanned: they do not make the scan incomplete.
  std::vector<report::Diagnostic> warnings;
  // Findings gathered from items already counted (pipeline/history_group_sink.h): reported,
  // not counted again as a scanned file or blob.
  bool regrouped = false;
};

inline constexpr const char* kMarkerWarning = "allow-marker";

// The ordered output stage: receives every item once, in index order, on one thread at a time.
class ItemSink {
 public:
  virtual ~ItemSink() = default;
  virtual void Add(ItemResult item) = 0;
};

}  // namespace magpie::pipeline

#endif  // MAGPIE_PIPELINE_ITEM_RESULT_H_
