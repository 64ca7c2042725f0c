// Private to the scanner library: the decoding stage. Secrets hidden in base64 values (a
// Kubernetes Secret's `data:`, a docker `auth`) or percent-encoding are found by decoding
// candidate spans that Hyperscan flags (same database, same pass) and scanning the decoded
// bytes again, to a bounded depth and within a byte budget so decoding can never blow up.
#ifndef MAGPIE_SCANNER_DECODER_H_
#define MAGPIE_SCANNER_DECODER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace magpie::scanner::internal {

// kBase64Run: whole lines of base64 (base64_runs.h), decoded like kBase64 and reported as
// "base64"; its window spans lines, so it is the one decoder confirmed on a wide window.
enum class Encoding { kBase64, kPercent, kBase64Run };
std::string_view ToString(Encoding e);
inline bool IsLineScoped(Encoding e) { return e != Encoding::kBase64Run; }

struct TokenSpan {
  size_t begin = 0;
  size_t end = 0;
};

// Finds the next encoded token in data[pos, end), searching from `pos`: a linear scanner for a
// decoder whose regex would be slow in RE2.
using TokenFinder = std::optional<TokenSpan> (*)(std::string_view data, size_t pos, size_t end);

struct DecoderSpec {
  Encoding encoding;
  std::string prefilter;  // Hyperscan: flags a candidate cheaply
  std::string pattern;    // RE2, on the window around the flag: group 1 is the encoded token
  TokenFinder find = nullptr;  // when set, used instead of `pattern` (which is then "")
};

// The decode-candidate patterns, compiled after the rules (ids rules.size() + i).
const std::vector<DecoderSpec>& DecoderSpecs();

// Tokens longer than this are not decoded. (A Scan's decode budget: ScanOptions.)
inline constexpr size_t kMaxEncodedToken = 64 * 1024;

// The next percent-encoded token in data[pos, end): the span of the leftmost-first match of the
// regular expression
//   [A-Za-z0-9._~:/?#@!$&'()*+,;=-]{0,512}%[0-9A-Fa-f]{2}[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]{0,512}
// searched from `pos`, or nullopt when there is none. A linear scanner, not RE2: the two
// bounded repeats make RE2 build DFA states for nearly every new text, and its DFA cache is
// shared and locked between threads (issue 13). The differential test holds it to the regex.
std::optional<TokenSpan> FindPercentToken(std::string_view data, size_t pos, size_t end);
// The regex above, for the differential test.
inline constexpr std::string_view kPercentTokenPattern =
    "([A-Za-z0-9._~:/?#@!$&'()*+,;=-]{0,512}%[0-9A-Fa-f]{2}[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]{0,512})";

// Decodes a candidate token. Returns nullopt when the token does not decode, or decodes to
// something that is not mostly printable text (binary blobs, images, hashes).
std::optional<std::string> DecodeCandidate(Encoding encoding, std::string_view token);

}  // namespace magpie::scanner::internal

#endif  // MAGPIE_SCANNER_DECODER_H_
