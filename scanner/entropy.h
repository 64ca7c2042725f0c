// Shannon entropy and the thresholds of the generic secret detector.
#ifndef MAGPIE_SCANNER_ENTROPY_H_
#define MAGPIE_SCANNER_ENTROPY_H_

#include <string_view>

namespace magpie::scanner {

// Shannon entropy of the byte distribution of `s`, in bits per byte (0 for empty input).
double ShannonEntropy(std::string_view s);

enum class Alphabet { kHex, kBase64, kMixed };
// kHex: only [0-9a-fA-F]; kBase64: only [A-Za-z0-9+/=_-]; kMixed: anything else.
Alphabet ClassifyAlphabet(std::string_view s);

// Per-alphabet floors for the generic detector (documented in docs/rules.md). A value is a
// candidate when it is at least min_length bytes and its entropy reaches its alphabet's floor.
struct EntropyThresholds {
  double hex = 3.0;     // max possible is 4.0
  double base64 = 3.5;  // max possible is 6.0 (log2 of the string length for short strings)
  double mixed = 3.3;
  size_t min_length = 12;
  size_t max_length = 200;
  double For(Alphabet a) const;
};

}  // namespace magpie::scanner

#endif  // MAGPIE_SCANNER_ENTROPY_H_
