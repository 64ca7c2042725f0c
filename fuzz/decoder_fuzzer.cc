// The decoders the scanner runs on candidate spans of scanned bytes: base64 in each alphabet
// (scanner/base64.h, also used by the validators) and DecodeCandidate's base64, percent and
// standalone base64 runs (scanner/base64_runs.h, issue 12).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "fuzz/fuzz_check.h"
#include "scanner/base64.h"
#include "scanner/base64_runs.h"
#include "scanner/decoder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace magpie::scanner;
  const std::string_view text = magpie::fuzz::AsView(data, size);
  for (const Base64Alphabet alphabet :
       {Base64Alphabet::kStandard, Base64Alphabet::kUrl, Base64Alphabet::kEither}) {
    const std::optional<std::string> decoded = DecodeBase64(text, alphabet);
    // Four characters carry three bytes.
    if (decoded) MAGPIE_FUZZ_CHECK(decoded->size() <= text.size() / 4 * 3 + 2);
  }
  for (const internal::Encoding encoding : {internal::Encoding::kBase64, internal::Encoding::kPercent,
                                           internal::Encoding::kBase64Run}) {
    const std::optional<std::string> decoded = internal::DecodeCandidate(encoding, text);
    // Decoding never grows the text.
    if (decoded) MAGPIE_FUZZ_CHECK(decoded->size() <= text.size());
  }
  // A run decodes only if it looks like base64 of text, and never to more than 3/4 of it.
  const std::optional<std::string> run = internal::DecodeBase64Run(text);
  if (run) {
    MAGPIE_FUZZ_CHECK(internal::LooksLikeBase64OfText(text));
    MAGPIE_FUZZ_CHECK(run->size() <= text.size() / 4 * 3 + 2);
  }
  return 0;
}
