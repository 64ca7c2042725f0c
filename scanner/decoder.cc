#include "scanner/decoder.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

#include "scanner/base64.h"
#include "scanner/base64_prefilter.h"
#include "scanner/base64_runs.h"

namespace magpie::scanner::internal {
namespace {

bool MostlyPrintable(std::string_view s) {
  if (s.size() < 8) return false;
  size_t printable = 0;
  for (unsigned char c : s) {
    if ((c >= 0x20 && c < 0x7f) || c == '\n' || c == '\r' || c == '\t') ++printable;
  }
  return printable * 100 >= s.size() * 95;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string> PercentDecode(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  bool changed = false;
  for (size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '%' && i + 2 < token.size()) {
      const int hi = HexValue(token[i + 1]);
      const int lo = HexValue(token[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        changed = true;
        continue;
      }
    }
    out.push_back(token[i]);
  }
  if (!changed) return std::nullopt;
  return out;
}

// The bytes of a percent-encoded token around its escapes: RFC 3986's unreserved characters and
// sub-delimiters, and the gen-delimiters but '[' and ']'.
constexpr std::array<bool, 256> MakeUrlBytes() {
  std::array<bool, 256> table{};
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = true;
  for (int c = 'a'; c <= 'z'; ++c) table[c] = true;
  for (int c = '0'; c <= '9'; ++c) table[c] = true;
  for (const char c : std::string_view("._~:/?#@!$&'()*+,;=-")) {
    table[static_cast<unsigned char>(c)] = true;
  }
  return table;
}
constexpr std::array<bool, 256> kUrlBytes = MakeUrlBytes();
// The regex's bound on the bytes either side of the first escape.
constexpr size_t kPercentContext = 512;

bool IsUrlByte(char c) { return kUrlBytes[static_cast<unsigned char>(c)]; }

}  // namespace

std::optional<TokenSpan> FindPercentToken(std::string_view data, size_t pos, size_t end) {
  // Leftmost-first semantics of kPercentTokenPattern: '%' is not a URL byte, so a match
  // starting at s has its first escape exactly where the run of URL bytes from s ends, and
  // that run is at most 512 long. The first valid escape p at or after `pos` therefore gives
  // the leftmost match: it starts where the URL bytes before p begin (not before `pos`, at
  // most 512 back), and its greedy tail runs over URL bytes and '%' for at most 512 more.
  end = std::min(end, data.size());
  const char* const base = data.data();
  size_t p = pos;
  while (p + 3 <= end) {
    const void* found = std::memchr(base + p, '%', end - 2 - p);
    if (found == nullptr) return std::nullopt;
    p = static_cast<const char*>(found) - base;
    if (HexValue(data[p + 1]) < 0 || HexValue(data[p + 2]) < 0) {
      ++p;
      continue;
    }
    const size_t floor = std::max(pos, p > kPercentContext ? p - kPercentContext : 0);
    size_t begin = p;
    while (begin > floor && IsUrlByte(data[begin - 1])) --begin;
    const size_t tail_limit = std::min(end, p + 3 + kPercentContext);
    size_t token_end = p + 3;
    while (token_end < tail_limit && (IsUrlByte(data[token_end]) || data[token_end] == '%')) {
      ++token_end;
    }
    return TokenSpan{begin, token_end};
  }
  return std::nullopt;
}

std::optional<TokenSpan> FindBase64Token(std::string_view data, size_t pos, size_t end) {
  // Leftmost-first semantics of kBase64TokenPattern: as for the prefilter (PrefilterMatchEnd),
  // a match is determined by its anchor: the run of blanks after it taken whole (at most 4),
  // then a quote if there is one, then the greedy run of value bytes (at least 16; '=' is not
  // one) and up to two '='. The first anchor at or after `pos` whose match fits before `end`
  // starts the leftmost match. Each anchor costs at most its blanks and a run it either
  // rejects (under 16 bytes) or returns, so the search is linear.
  end = std::min(end, data.size());
  for (size_t anchor = pos; anchor < end; ++anchor) {
    if (PrefilterClass(data[anchor]) != kAnchor) continue;
    size_t p = anchor + 1;
    const size_t blanks_limit = std::min(end, p + kPrefilterBlanks + 1);
    while (p < blanks_limit && PrefilterClass(data[p]) == kBlank) ++p;
    if (p - anchor - 1 > kPrefilterBlanks) continue;
    if (p < end && PrefilterClass(data[p]) == kQuote) ++p;
    const size_t begin = p;
    while (p < end && PrefilterClass(data[p]) == kValue) ++p;
    if (p - begin < kPrefilterValue) continue;
    for (int padding = 0; padding < 2 && p < end && data[p] == '='; ++padding) ++p;
    return TokenSpan{begin, p};
  }
  return std::nullopt;
}

std::string_view ToString(Encoding e) {
  return e == Encoding::kPercent ? "percent" : "base64";
}

const std::vector<DecoderSpec>& DecoderSpecs() {
  // Base64: a value after an assignment or key (`data: …`, `"auth": "…"`, `X=…`), 16+
  // characters. Percent: a token with at least one %XX escape (URLs, form bodies).
  static const std::vector<DecoderSpec> kSpecs = {
      {Encoding::kBase64, "", &FindBase64Prefilter, "", &FindBase64Token},
      {Encoding::kPercent, "%[0-9A-Fa-f]{2}", nullptr, "", &FindPercentToken},
      {Encoding::kBase64Run, Base64RunPrefilter(), nullptr, Base64RunPattern()},
      // `echo '…' | base64 -d`, `base64 -d <<< "…"`: a piped or here-string value.
      {Encoding::kBase64, "(?:echo|printf|<<<)[ \\t]*(?:-[ne]{1,2}[ \\t]+)?[\"']?[A-Za-z0-9+/]{16}",
       nullptr, "(?:echo|printf|<<<)[ \\t]*(?:-[ne]{1,2}[ \\t]+)?[\"']?([A-Za-z0-9+/]{16,}={0,2})"},
  };
  return kSpecs;
}

std::optional<std::string> DecodeCandidate(Encoding encoding, std::string_view token) {
  if (token.size() > kMaxEncodedToken) return std::nullopt;
  std::optional<std::string> decoded;
  if (encoding == Encoding::kBase64Run) {
    decoded = DecodeBase64Run(token);
  } else if (encoding == Encoding::kBase64) {
    decoded = DecodeBase64(token, Base64Alphabet::kEither);
  } else {
    decoded = PercentDecode(token);
  }
  if (!decoded || !MostlyPrintable(*decoded)) return std::nullopt;
  return decoded;
}

}  // namespace magpie::scanner::internal
