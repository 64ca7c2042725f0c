#include "scanner/entropy.h"

#include <array>
#include <cmath>

namespace magpie::scanner {

double ShannonEntropy(std::string_view s) {
  if (s.empty()) return 0.0;
  std::array<uint32_t, 256> counts{};
  for (unsigned char c : s) ++counts[c];
  const double n = static_cast<double>(s.size());
  double bits = 0.0;
  for (uint32_t c : counts) {
    if (c == 0) continue;
    const double p = c / n;
    bits -= p * std::log2(p);
  }
  return bits;
}

Alphabet ClassifyAlphabet(std::string_view s) {
  bool hex = true;
  bool base64 = true;
  for (unsigned char c : s) {
    const bool is_hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    const bool is_alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const bool is_b64 = is_alnum || c == '+' || c == '/' || c == '=' || c == '_' || c == '-';
    hex = hex && is_hex;
    base64 = base64 && is_b64;
  }
  if (hex) return Alphabet::kHex;
  if (base64) return Alphabet::kBase64;
  return Alphabet::kMixed;
}

double EntropyThresholds::For(Alphabet a) const {
  switch (a) {
    case Alphabet::kHex: return hex;
    case Alphabet::kBase64: return base64;
    case Alphabet::kMixed: return mixed;
  }
  return mixed;
}

}  // namespace magpie::scanner
