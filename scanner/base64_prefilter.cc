// The base64 decoder's prefilter as a linear scanner (base64_prefilter.h). Issue 12.
#include "scanner/base64_prefilter.h"

#include <algorithm>
#include <cstdint>

#include "scanner/bits128.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define MAGPIE_B64_AVX2 1
#include <immintrin.h>
#else
#define MAGPIE_B64_AVX2 0
#endif

namespace magpie::scanner::internal {
namespace {

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

// Bytewise from `i` to the end: short buffers and the tail the block loop leaves.
void AnchorsFrom(const char* bytes, size_t size, size_t i, PrefilterReport report,
                 void* context) {
  for (; i < size; ++i) {
    if (PrefilterClass(bytes[i]) != kAnchor) continue;
    if (const size_t end = PrefilterMatchEnd(bytes, size, i)) report(end, context);
  }
}

// Bit k of each mask: byte k of a 64-byte block is in that class.
struct ClassMasks {
  uint64_t value = 0;
  uint64_t anchor = 0;
  uint64_t blank = 0;
  uint64_t quote = 0;
};

inline ClassMasks Classes64Portable(const unsigned char* p) {
  ClassMasks m;
  for (int k = 0; k < 64; ++k) {
    const unsigned char c = kPrefilterClasses[p[k]];
    m.value |= static_cast<uint64_t>(c == kValue) << k;
    m.anchor |= static_cast<uint64_t>(c == kAnchor) << k;
    m.blank |= static_cast<uint64_t>(c == kBlank) << k;
    m.quote |= static_cast<uint64_t>(c == kQuote) << k;
  }
  return m;
}

#if defined(__SSE2__)
inline __m128i InRange(__m128i x, char lo, char hi) {
  const __m128i shifted = _mm_sub_epi8(x, _mm_set1_epi8(lo));
  return _mm_cmpeq_epi8(_mm_min_epu8(shifted, _mm_set1_epi8(static_cast<char>(hi - lo))),
                        shifted);
}
inline __m128i Is(__m128i x, char c) { return _mm_cmpeq_epi8(x, _mm_set1_epi8(c)); }
inline uint64_t Bits16(__m128i in, int k) {
  return static_cast<uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(in))) << (16 * k);
}

inline ClassMasks Classes64Sse2(const unsigned char* p) {
  ClassMasks m;
  for (int k = 0; k < 4; ++k) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    // Letters of either case are one range after x | 0x20; '/' and the digits are one range.
    const __m128i value = _mm_or_si128(
        _mm_or_si128(InRange(_mm_or_si128(x, _mm_set1_epi8(0x20)), 'a', 'z'),
                     InRange(x, '/', '9')),
        _mm_or_si128(Is(x, '+'), _mm_or_si128(Is(x, '_'), Is(x, '-'))));
    m.value |= Bits16(value, k);
    m.anchor |= Bits16(_mm_or_si128(Is(x, '='), _mm_or_si128(Is(x, ':'), Is(x, '>'))), k);
    m.blank |= Bits16(_mm_or_si128(Is(x, ' '), Is(x, '\t')), k);
    m.quote |= Bits16(_mm_or_si128(Is(x, '"'), Is(x, '\'')), k);
  }
  return m;
}
#endif

#if MAGPIE_B64_AVX2
// The classes by nibbles: kLowNibble[c & 15] & kHighNibble[c >> 4] holds one bit per
// (high nibbles, low nibbles) rectangle: 0x01 'A'-'O' 'a'-'o', 0x02 'P'-'Z' 'p'-'z', 0x04
// digits, 0x08 '+' '-' '/', 0x10 '_' (the value bytes, 0x1F); 0x20 ':' '=' '>' (anchors); 0x40
// ' '; 0x80 '"' '\''. Tab, the one byte left, is compared alone. High nibbles 8-F map to 0.
// Each table is repeated for both 128-bit lanes, as vpshufb looks up within a lane.
alignas(32) constexpr unsigned char kLowNibble[32] = {
    0x46, 0x07, 0x87, 0x07, 0x07, 0x07, 0x07, 0x87, 0x07, 0x07, 0x23, 0x09, 0x01, 0x29, 0x21, 0x19,
    0x46, 0x07, 0x87, 0x07, 0x07, 0x07, 0x07, 0x87, 0x07, 0x07, 0x23, 0x09, 0x01, 0x29, 0x21, 0x19};
alignas(32) constexpr unsigned char kHighNibble[32] = {
    0, 0, 0xC8, 0x24, 0x01, 0x12, 0x01, 0x02, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0xC8, 0x24, 0x01, 0x12, 0x01, 0x02, 0, 0, 0, 0, 0, 0, 0, 0};

constexpr bool NibbleTablesAreTheClasses() {
  for (int c = 0; c < 256; ++c) {
    const unsigned bits = kLowNibble[c & 15] & kHighNibble[c >> 4];
    const unsigned char want = kPrefilterClasses[c];
    if (((bits & 0x1F) != 0) != (want == kValue)) return false;
    if (((bits & 0x20) != 0) != (want == kAnchor)) return false;
    if (((bits & 0x40) != 0 || c == '\t') != (want == kBlank)) return false;
    if (((bits & 0x80) != 0) != (want == kQuote)) return false;
  }
  return true;
}
static_assert(NibbleTablesAreTheClasses(), "the nibble tables classify exactly the four classes");

__attribute__((target("avx2"), always_inline)) inline ClassMasks Classes64Avx2(
    const unsigned char* p) {
  const __m256i low_table = _mm256_load_si256(reinterpret_cast<const __m256i*>(kLowNibble));
  const __m256i high_table = _mm256_load_si256(reinterpret_cast<const __m256i*>(kHighNibble));
  const __m256i nibble = _mm256_set1_epi8(0x0F);
  ClassMasks m;
  for (int k = 0; k < 2; ++k) {
    const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32 * k));
    const __m256i cls = _mm256_and_si256(
        _mm256_shuffle_epi8(low_table, _mm256_and_si256(x, nibble)),
        _mm256_shuffle_epi8(high_table, _mm256_and_si256(_mm256_srli_epi16(x, 4), nibble)));
    const auto bits = [k](__m256i v) __attribute__((target("avx2"))) {
      return static_cast<uint64_t>(static_cast<uint32_t>(_mm256_movemask_epi8(v))) << (32 * k);
    };
    // movemask reads bit 7 of each byte; a 16-bit shift moves bit 6 or 5 there (what it
    // carries in from the byte below lands in bits 0-1, never read).
    m.quote |= bits(cls);
    m.blank |= bits(_mm256_slli_epi16(cls, 1)) |
               bits(_mm256_cmpeq_epi8(x, _mm256_set1_epi8('\t')));
    m.anchor |= bits(_mm256_slli_epi16(cls, 2));
    m.value |= ~bits(_mm256_cmpeq_epi8(_mm256_and_si256(cls, _mm256_set1_epi8(0x1F)),
                                       _mm256_setzero_si256())) &
               (uint64_t{0xFFFFFFFF} << (32 * k));
  }
  return m;
}
#endif

// The block loop over every block but the last 64..127 bytes, which it leaves to the caller;
// returns where it stopped. The anchors of a block reach at most 1 + 4 + 1 + 16 = 22 bytes
// on, into the next block, whose masks are computed once and kept. In bit terms, with bit i
// standing for byte base + i:
//   run16 = value bytes at i .. i + 15
//   open  = run16, or a quote at i and run16 at i + 1
//   lead  = at most 4 blanks from i on, then open (four rounds of blank & lead >> 1)
//   hits  = anchor at i and lead at i + 1
// Each hit is then walked by PrefilterMatchEnd for its end (it finds one: the walk is the
// same condition). Each caller inlines this with its classification (the AVX2 one by
// `flatten`, as a function of the default target cannot inline an AVX2 one).
template <typename Classify>
inline size_t PrefilterBlocks(const char* bytes, size_t size, PrefilterReport report,
                              void* context, Classify classify) {
  const auto* d = reinterpret_cast<const unsigned char*>(bytes);
  ClassMasks cur = classify(d);
  size_t base = 0;
  for (; base + 128 <= size; base += 64) {
    const ClassMasks next = classify(d + base + 64);
    if (cur.anchor == 0) {
      cur = next;
      continue;
    }
    const Bits128 value{cur.value, next.value};
    Bits128 run = value & ShiftRight<1>(value);  // runs of 2
    run = run & ShiftRight<2>(run);              // 4
    run = run & ShiftRight<4>(run);              // 8
    run = run & ShiftRight<8>(run);              // 16
    // A match's value run starts at most 6 bytes after its anchor: bits 1..69.
    if ((run.lo | (run.hi & 0x7F)) == 0) {
      cur = next;
      continue;
    }
    const Bits128 blank{cur.blank, next.blank};
    const Bits128 open = run | (Bits128{cur.quote, next.quote} & ShiftRight<1>(run));
    Bits128 lead = open;
    for (size_t round = 0; round < kPrefilterBlanks; ++round) {
      lead = open | (blank & ShiftRight<1>(lead));
    }
    uint64_t hits = cur.anchor & ShiftRight<1>(lead).lo;
    while (hits != 0) {
      const size_t anchor = base + static_cast<size_t>(__builtin_ctzll(hits));
      hits &= hits - 1;
      if (const size_t end = PrefilterMatchEnd(bytes, size, anchor)) report(end, context);
    }
    cur = next;
  }
  return base;
}

size_t PrefilterPortable(const char* bytes, size_t size, PrefilterReport report,
                         void* context) {
  return PrefilterBlocks(bytes, size, report, context, Classes64Portable);
}
#if defined(__SSE2__)
size_t PrefilterSse2(const char* bytes, size_t size, PrefilterReport report, void* context) {
  return PrefilterBlocks(bytes, size, report, context,
                         [](const unsigned char* p) { return Classes64Sse2(p); });
}
#endif
#if MAGPIE_B64_AVX2
__attribute__((target("avx2"), flatten)) size_t PrefilterAvx2(const char* bytes, size_t size,
                                                              PrefilterReport report,
                                                              void* context) {
  return PrefilterBlocks(bytes, size, report, context, [](const unsigned char* p) __attribute__((
                                                           target("avx2"))) {
    return Classes64Avx2(p);
  });
}
#endif

}  // namespace

void FindBase64PrefilterBytewise(std::string_view data, PrefilterReport report, void* context) {
  AnchorsFrom(data.data(), data.size(), 0, report, context);
}

void FindBase64Prefilter(std::string_view data, PrefilterReport report, void* context,
                         RunSearchPath path) {
  const char* const bytes = data.data();
  const size_t size = data.size();
  size_t done = 0;
  if (size >= 128) {
    switch (ResolveRunSearchPath(path)) {
#if MAGPIE_B64_AVX2
      case RunSearchPath::kAvx2:
        done = PrefilterAvx2(bytes, size, report, context);
        break;
#endif
#if defined(__SSE2__)
      case RunSearchPath::kSse2:
        done = PrefilterSse2(bytes, size, report, context);
        break;
#endif
      default:
        done = PrefilterPortable(bytes, size, report, context);
        break;
    }
  }
  AnchorsFrom(bytes, size, done, report, context);
}

void FindBase64Prefilter(std::string_view data, PrefilterReport report, void* context) {
  FindBase64Prefilter(data, report, context, RunSearchPath::kBest);
}

}  // namespace magpie::scanner::internal
