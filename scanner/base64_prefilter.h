// Private to the scanner library: the base64 decoder's prefilter, kBase64PrefilterPattern
// (decoder.h), as a linear scanner (issue 12). Its byte classes are shared with FindBase64Token.
//
// The search classifies 64 bytes at a time into four bit masks (value, anchor, blank, quote)
// and finds every anchor followed by at most 4 blanks, an optional quote and 16 value bytes
// with shifts and ands of those masks; only anchors that open a match are walked byte by
// byte. That block search is run_search.h's, which the scanner runs in one pass with the
// gate's; its code paths (portable, SSE2, AVX2 chosen at run time) all report the same ends.
//
// Thread safety: pure functions.
#ifndef MAGPIE_SCANNER_BASE64_PREFILTER_H_
#define MAGPIE_SCANNER_BASE64_PREFILTER_H_

#include <array>
#include <cstddef>
#include <string_view>

#include "scanner/decoder.h"
#include "scanner/run_search.h"

namespace magpie::scanner::internal {

// The byte classes of kBase64PrefilterPattern: [=:>], [ \t], ["'] and [A-Za-z0-9+/_-].
// The four are disjoint, which makes the match ending at any offset unique (see
// PrefilterMatchEnd in base64_prefilter.cc).
enum PrefilterByteClass : unsigned char { kAnchor = 1, kBlank = 2, kQuote = 4, kValue = 8 };
constexpr std::array<unsigned char, 256> MakePrefilterClasses() {
  std::array<unsigned char, 256> table{};
  for (const char c : std::string_view("=:>")) table[static_cast<unsigned char>(c)] = kAnchor;
  for (const char c : std::string_view(" \t")) table[static_cast<unsigned char>(c)] = kBlank;
  for (const char c : std::string_view("\"'")) table[static_cast<unsigned char>(c)] = kQuote;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = kValue;
  for (int c = 'a'; c <= 'z'; ++c) table[c] = kValue;
  for (int c = '0'; c <= '9'; ++c) table[c] = kValue;
  for (const char c : std::string_view("+/_-")) table[static_cast<unsigned char>(c)] = kValue;
  return table;
}
inline constexpr std::array<unsigned char, 256> kPrefilterClasses = MakePrefilterClasses();
inline constexpr size_t kPrefilterBlanks = 4;   // [ \t]{0,4}
inline constexpr size_t kPrefilterValue = 16;   // [A-Za-z0-9+/_-]{16}

inline unsigned char PrefilterClass(char c) {
  return kPrefilterClasses[static_cast<unsigned char>(c)];
}

// FindBase64Prefilter (decoder.h) on a given code path; kBest is what the scanner runs.
void FindBase64Prefilter(std::string_view data, PrefilterReport report, void* context,
                         RunSearchPath path);
// The reference: every anchor byte visited and walked. For tests, the fuzzer and the bench.
void FindBase64PrefilterBytewise(std::string_view data, PrefilterReport report, void* context);

// The pieces run_search.cc builds the search from: the end of the match that starts at the
// anchor data[anchor], or 0 when none does; and every anchor from `i` on visited and walked
// (short buffers and the tail the block loop leaves).
size_t PrefilterMatchEnd(const char* data, size_t size, size_t anchor);
void FindBase64PrefilterFrom(std::string_view data, size_t i, PrefilterReport report,
                             void* context);

}  // namespace magpie::scanner::internal

#endif  // MAGPIE_SCANNER_BASE64_PREFILTER_H_
