// suppress::IsSuppressedInline and LineAllowsRule on arbitrary bytes with a finding placed
// anywhere in them, or past their end (the scanner's findings are in fuzz_scanner).
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_check.h"
#include "scanner/finding.h"
#include "suppress/allow_markers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider provider(data, size);
  magpie::scanner::Finding finding;
  finding.rule_id = provider.ConsumeRandomLengthString(64);
  const bool standalone = provider.ConsumeBool();
  const uint64_t offset = provider.ConsumeIntegral<uint64_t>();
  const std::string text = provider.ConsumeRemainingBytesAsString();
  // Mostly inside the text (or just past it), sometimes anywhere.
  finding.start.offset = (offset & 1) ? offset : (offset >> 1) % (text.size() + 2);
  (void)magpie::suppress::IsSuppressedInline(text, finding);
  (void)magpie::suppress::LineAllowsRule(text, finding.rule_id, standalone);
  return 0;
}
