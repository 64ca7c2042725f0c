// Base64 decoding (RFC 4648) shared by the structural validators and the decoding stage.
// Thread safety: pure functions.
#ifndef MAGPIE_SCANNER_BASE64_H_
#define MAGPIE_SCANNER_BASE64_H_

#include <optional>
#include <string>
#include <string_view>

namespace magpie::scanner {

enum class Base64Alphabet {
  kStandard,  // '+' and '/'
  kUrl,       // '-' and '_'
  kEither,    // both, even mixed in one input
};

// Decodes `text`, which must be base64 and nothing else: no whitespace, no line breaks (strip
// them first where a format allows them, as PEM does). Padding is optional, but when present it
// must be correct ('=' only at the end, total length a multiple of 4). Returns nullopt when
// `text` is not base64 in `alphabet`, or when its length cannot be base64 (4n+1 characters).
// Unused low bits of the last character are ignored. Empty input decodes to "".
std::optional<std::string> DecodeBase64(std::string_view text, Base64Alphabet alphabet);

// Shorthand: `url_alphabet_or_either` true accepts either alphabet (Base64Alphabet::kEither),
// false the standard one only.
inline std::optional<std::string> DecodeBase64(std::string_view text, bool url_alphabet_or_either) {
  return DecodeBase64(text,
                      url_alphabet_or_either ? Base64Alphabet::kEither : Base64Alphabet::kStandard);
}

}  // namespace magpie::scanner

#endif  // MAGPIE_SCANNER_BASE64_H_
