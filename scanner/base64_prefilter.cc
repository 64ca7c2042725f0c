// The base64 decoder's prefilter as a linear scanner (base64_prefilter.h). Issue 12.
#include "scanner/base64_prefilter.h"

#include <algorithm>

#include "scanner/run_search.h"

namespace magpie::scanner::internal {

// The end of the prefilter's match that starts at the anchor data[anchor], or 0 when none does.
// The regex is deterministic from its anchor: a blank is neither quote nor value byte, so the
// whole run of blanks must be taken (and be at most 4 long); a quote is not a value byte, so
// it must be taken; then exactly 16 value bytes. A match ends at `end` only if its 16 value
// bytes are preceded by a quote, a blank or an anchor; so a match is determined by its anchor,
// distinct anchors give distinct ends, and ends come in the anchors' order. Hyperscan reports
// each end once: so does every path here.
size_t PrefilterMatchEnd(const char* data, size_t size, size_t anchor) {
  size_t p = anchor + 1;
  const size_t blanks_limit = std::min(size, p + kPrefilterBlanks + 1);
  while (p < blanks_limit && PrefilterClass(data[p]) == kBlank) ++p;
  if (p - anchor - 1 > kPrefilterBlanks) return 0;
  if (p < size && PrefilterClass(data[p]) == kQuote) ++p;
  if (size - p < kPrefilterValue) return 0;
  for (size_t i = 0; i < kPrefilterValue; ++i) {
    if (PrefilterClass(data[p + i]) != kValue) return 0;
  }
  return p + kPrefilterValue;
}

void FindBase64PrefilterFrom(std::string_view data, size_t i, PrefilterReport report,
                             void* context) {
  for (; i < data.size(); ++i) {
    if (PrefilterClass(data[i]) != kAnchor) continue;
    if (const size_t end = PrefilterMatchEnd(data.data(), data.size(), i)) report(end, context);
  }
}

void FindBase64PrefilterBytewise(std::string_view data, PrefilterReport report, void* context) {
  FindBase64PrefilterFrom(data, 0, report, context);
}

void FindBase64Prefilter(std::string_view data, PrefilterReport report, void* context,
                         RunSearchPath path) {
  FindGatesAndBase64Prefilter(data, nullptr, nullptr, report, context, path);
}

void FindBase64Prefilter(std::string_view data, PrefilterReport report, void* context) {
  FindBase64Prefilter(data, report, context, RunSearchPath::kBest);
}

}  // namespace magpie::scanner::internal
