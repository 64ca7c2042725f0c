// Private to the scanner library: the decoding stage. Secrets hidden in base64 values (a
// Kubernetes Secret's `data:`, a docker `auth`) or percent-encoding are found by decoding
// candidate spans that Hyperscan flags (same database, same pass; the base64 prefilter is a
// linear scanner, FindBase64Prefilter, which the scanner runs once over the whole buffer in one
// pass with the gate's search, run_search.h) and scanning the decoded
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

// Calls report(end) for every offset `end` in (0, data.size()] at which a match of a decoder's
// prefilter ends, in increasing order: what Hyperscan would report for that expression.
using PrefilterReport = void (*)(size_t end, void* context);
using PrefilterFinder = void (*)(std::string_view data, PrefilterReport report, void* context);

struct DecoderSpec {
  Encoding encoding;
  // Hyperscan: flags a candidate cheaply. "" when `prefilter_find` flags them instead.
  std::string prefilter;
  PrefilterFinder prefilter_find = nullptr;  // a linear scanner instead of `prefilter`
  std::string pattern;    // RE2, on the window around the flag: group 1 is the encoded token
  TokenFinder find = nullptr;  // when set, used instead of `pattern` (which is then "")
};

// The decode-candidate patterns, compiled after the rules (ids rules.size() + i).
const std::vector<DecoderSpec>& DecoderSpecs();

// Tokens longer than this are not decoded. (A Scan's decode budget: ScanOptions.)
inline constexpr size_t kMaxEncodedToken = 64 * 1024;

// The next base64 token after an assignment or key in data[pos, end): group 1 of the
// leftmost-first match of kBase64TokenPattern searched from `pos`, or nullopt when there is
// none. A linear scanner, not RE2: RE2's search of every candidate's line was ~4% of the CPU
// of a history scan on curl (issue 13 §1). The differential test holds it to the regex.
std::optional<TokenSpan> FindBase64Token(std::string_view data, size_t pos, size_t end);
// The regex above, for the differential test: the base64 prefilter's expression (whose
// matches flag the candidates) with its value run unbounded and captured.
inline constexpr std::string_view kBase64TokenPattern =
    "[=:>][ \\t]{0,4}[\"']?([A-Za-z0-9+/_-]{16,}={0,2})";

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

// The base64 decoder's prefilter, the regular expression kBase64PrefilterPattern, as Hyperscan
// reports it: every end offset of a match in `data`. A linear scanner, not Hyperscan: with no
// literal to anchor on, it was the most expensive expression of the database (issue 12). The
// differential test holds it to the expression.
void FindBase64Prefilter(std::string_view data, PrefilterReport report, void* context);
// The expression above, for the differential test.
inline constexpr std::string_view kBase64PrefilterPattern =
    "[=:>][ \\t]{0,4}[\"']?[A-Za-z0-9+/_-]{16}";

// Decodes a candidate token. Returns nullopt when the token does not decode, or decodes to
// something that is not mostly printable text (binary blobs, images, hashes).
std::optional<std::string> DecodeCandidate(Encoding encoding, std::string_view token);

}  // namespace magpie::scanner::internal

#endif  // MAGPIE_SCANNER_DECODER_H_
