// The gate's run search and the base64 prefilter as one pass (run_search.h). Issue 12.
#include "scanner/run_search.h"

#include <array>
#include <cstdint>

#include "scanner/base64_prefilter.h"
#include "scanner/bits128.h"
#include "scanner/gate.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define MAGPIE_RUN_SEARCH_AVX2 1
#include <immintrin.h>
#else
#define MAGPIE_RUN_SEARCH_AVX2 0
#endif

namespace magpie::scanner::internal {
namespace {

// Bit k of each mask: byte k of a 64-byte block is in that class. `u` is the gate's U =
// [A-Za-z0-9+/]; the other four are the prefilter's classes (base64_prefilter.h): `value`
// [A-Za-z0-9+/_-] (U and two more), `anchor` [=:>], `blank` [ \t], `quote` ["'].
struct ClassMasks {
  uint64_t u = 0;
  uint64_t value = 0;
  uint64_t anchor = 0;
  uint64_t blank = 0;
  uint64_t quote = 0;
};

// What a pass computes: the gate's masks, the prefilter's, or both. A classification leaves
// out what its pass does not read.
struct Wants {
  bool gates;
  bool base64;
};

constexpr bool InU(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         c == '+' || c == '/';
}

template <Wants kWants>
inline ClassMasks Classes64Portable(const unsigned char* p) {
  ClassMasks m;
  for (int k = 0; k < 64; ++k) {
    const uint64_t bit = uint64_t{1} << k;
    if constexpr (kWants.gates) m.u |= InU(p[k]) ? bit : 0;
    if constexpr (kWants.base64) {
      const unsigned char c = kPrefilterClasses[p[k]];
      m.value |= c == kValue ? bit : 0;
      m.anchor |= c == kAnchor ? bit : 0;
      m.blank |= c == kBlank ? bit : 0;
      m.quote |= c == kQuote ? bit : 0;
    }
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

template <Wants kWants>
inline ClassMasks Classes64Sse2(const unsigned char* p) {
  ClassMasks m;
  for (int k = 0; k < 4; ++k) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    // Letters of either case are one range after x | 0x20 (and no other byte lands there);
    // '/' is the byte just before '0', so '/' and the digits are one range.
    const __m128i u = _mm_or_si128(InRange(_mm_or_si128(x, _mm_set1_epi8(0x20)), 'a', 'z'),
                                   _mm_or_si128(InRange(x, '/', '9'), Is(x, '+')));
    if constexpr (kWants.gates) m.u |= Bits16(u, k);
    if constexpr (kWants.base64) {
      m.value |= Bits16(_mm_or_si128(u, _mm_or_si128(Is(x, '_'), Is(x, '-'))), k);
      m.anchor |= Bits16(_mm_or_si128(Is(x, '='), _mm_or_si128(Is(x, ':'), Is(x, '>'))), k);
      m.blank |= Bits16(_mm_or_si128(Is(x, ' '), Is(x, '\t')), k);
      m.quote |= Bits16(_mm_or_si128(Is(x, '"'), Is(x, '\'')), k);
    }
  }
  return m;
}
#endif

#if MAGPIE_RUN_SEARCH_AVX2
// The classes by nibbles: kLowNibble[c & 15] & kHighNibble[c >> 4] holds one bit per
// (low nibbles) x (high nibbles) rectangle: 0x01 'A'-'O' 'a'-'o', 0x02 'P'-'Z' 'p'-'z', 0x04
// digits, 0x08 '+' '/' (U is these four), 0x10 '_', 0x40 '-' (the value bytes add these two),
// 0x20 ':' '=' '>' (anchors), 0x80 '"' '\'' (quotes). Space and tab are compared alone. High
// nibbles 8-F map to 0. Each table is repeated for both 128-bit lanes, as vpshufb looks up
// within a lane.
alignas(32) constexpr unsigned char kLowNibble[32] = {
    0x06, 0x07, 0x87, 0x07, 0x07, 0x07, 0x07, 0x87, 0x07, 0x07, 0x23, 0x09, 0x01, 0x61, 0x21, 0x19,
    0x06, 0x07, 0x87, 0x07, 0x07, 0x07, 0x07, 0x87, 0x07, 0x07, 0x23, 0x09, 0x01, 0x61, 0x21, 0x19};
alignas(32) constexpr unsigned char kHighNibble[32] = {
    0, 0, 0xC8, 0x24, 0x01, 0x12, 0x01, 0x02, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0xC8, 0x24, 0x01, 0x12, 0x01, 0x02, 0, 0, 0, 0, 0, 0, 0, 0};
constexpr unsigned char kUBits = 0x0F;
constexpr unsigned char kValueBits = 0x5F;

constexpr bool NibbleTablesAreTheClasses() {
  for (int c = 0; c < 256; ++c) {
    const unsigned bits = kLowNibble[c & 15] & kHighNibble[c >> 4];
    const unsigned char want = kPrefilterClasses[c];
    if (((bits & kUBits) != 0) != InU(static_cast<unsigned char>(c))) return false;
    if (((bits & kValueBits) != 0) != (want == kValue)) return false;
    if (((bits & 0x20) != 0) != (want == kAnchor)) return false;
    if (((bits & 0x80) != 0) != (want == kQuote)) return false;
    if ((c == ' ' || c == '\t') != (want == kBlank)) return false;
  }
  return true;
}
static_assert(NibbleTablesAreTheClasses(), "the nibble tables classify exactly the classes");

template <Wants kWants>
__attribute__((target("avx2"), always_inline)) inline ClassMasks Classes64Avx2(
    const unsigned char* p) {
  const __m256i low_table = _mm256_load_si256(reinterpret_cast<const __m256i*>(kLowNibble));
  const __m256i high_table = _mm256_load_si256(reinterpret_cast<const __m256i*>(kHighNibble));
  const __m256i nibble = _mm256_set1_epi8(0x0F);
  const __m256i zero = _mm256_setzero_si256();
  ClassMasks m;
  for (int k = 0; k < 2; ++k) {
    const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32 * k));
    const __m256i cls = _mm256_and_si256(
        _mm256_shuffle_epi8(low_table, _mm256_and_si256(x, nibble)),
        _mm256_shuffle_epi8(high_table, _mm256_and_si256(_mm256_srli_epi16(x, 4), nibble)));
    const auto bits = [k](__m256i v) __attribute__((target("avx2"))) {
      return static_cast<uint64_t>(static_cast<uint32_t>(_mm256_movemask_epi8(v))) << (32 * k);
    };
    // The bytes where none of `mask`'s bits is set, as a movemask.
    const auto none_of = [&](unsigned char mask) __attribute__((target("avx2"))) {
      return bits(_mm256_cmpeq_epi8(_mm256_and_si256(cls, _mm256_set1_epi8(mask)), zero));
    };
    const uint64_t half = uint64_t{0xFFFFFFFF} << (32 * k);
    if constexpr (kWants.gates) m.u |= ~none_of(kUBits) & half;
    if constexpr (kWants.base64) {
      m.value |= ~none_of(kValueBits) & half;
      // movemask reads bit 7 of each byte; a 16-bit shift by 2 moves bit 5 there (what it
      // carries in from the byte below lands in bits 0-1, never read).
      m.quote |= bits(cls);
      m.anchor |= bits(_mm256_slli_epi16(cls, 2));
      m.blank |= bits(_mm256_or_si256(_mm256_cmpeq_epi8(x, _mm256_set1_epi8(' ')),
                                      _mm256_cmpeq_epi8(x, _mm256_set1_epi8('\t'))));
    }
  }
  return m;
}
#endif

// The block loop over every block but the last 64..127 bytes, which it leaves to the caller;
// returns where it stopped. Each caller inlines it with its classification (the AVX2 one by
// `flatten`, as a function of the default target cannot inline an AVX2 one). A block's runs
// reach into the next block, whose masks are computed once and kept. In bit terms, with bit i
// standing for byte base + i:
//  The gate: u14 = U bytes at i .. i + 13; a run start is u14 at i and no U byte at i - 1; each
//  is checked backwards (GateOperatorBefore) and forwards from its operator (AppendGateAt).
//  The prefilter: the anchors of a block reach at most 1 + 4 + 1 + 16 = 22 bytes on:
//    run16 = value bytes at i .. i + 15
//    open  = run16, or a quote at i and run16 at i + 1
//    lead  = at most 4 blanks from i on, then open (four rounds of blank & lead >> 1)
//    hits  = anchor at i and lead at i + 1
//  and each hit is walked by PrefilterMatchEnd for its end (it finds one: the walk is the same
//  condition).
template <Wants kWants, typename Classify>
inline size_t Blocks(const char* bytes, size_t size, const GateSet* gates,
                     std::vector<size_t>* hits, PrefilterReport report, void* context,
                     Classify classify) {
  const auto* d = reinterpret_cast<const unsigned char*>(bytes);
  ClassMasks cur = classify(d);
  bool prev_top = false;  // the byte before this block is in U
  size_t base = 0;
  for (; base + 128 <= size; base += 64) {
    const ClassMasks next = classify(d + base + 64);
    if constexpr (kWants.gates) {
      const Bits128 r = RunsOf<kMinRun>({cur.u, next.u});
      uint64_t starts = r.lo & ~((cur.u << 1) | (prev_top ? 1u : 0u));
      while (starts != 0) {
        const size_t v = base + static_cast<size_t>(__builtin_ctzll(starts));
        starts &= starts - 1;
        if (const size_t op = GateOperatorBefore(bytes, v); op != kNoOperator) {
          AppendGateAt(bytes, size, op, *gates, hits);
        }
      }
      prev_top = (cur.u >> 63) != 0;
    }
    if constexpr (kWants.base64) {
      if (cur.anchor != 0) {
        const Bits128 run = RunsOf<kPrefilterValue>({cur.value, next.value});
        // A match's value run starts at most 6 bytes after its anchor: bits 1..69 (of hi,
        // bits 0..5).
        if ((run.lo | (run.hi & 0x3F)) != 0) {
          const Bits128 blank{cur.blank, next.blank};
          const Bits128 open = run | (Bits128{cur.quote, next.quote} & ShiftRight<1>(run));
          Bits128 lead = open;
          for (size_t round = 0; round < kPrefilterBlanks; ++round) {
            lead = open | (blank & ShiftRight<1>(lead));
          }
          uint64_t anchors = cur.anchor & ShiftRight<1>(lead).lo;
          while (anchors != 0) {
            const size_t anchor = base + static_cast<size_t>(__builtin_ctzll(anchors));
            anchors &= anchors - 1;
            if (const size_t end = PrefilterMatchEnd(bytes, size, anchor)) report(end, context);
          }
        }
      }
    }
    cur = next;
  }
  return base;
}

template <Wants kWants>
size_t BlocksPortable(const char* bytes, size_t size, const GateSet* gates,
                      std::vector<size_t>* hits, PrefilterReport report, void* context) {
  return Blocks<kWants>(bytes, size, gates, hits, report, context, Classes64Portable<kWants>);
}
#if defined(__SSE2__)
template <Wants kWants>
size_t BlocksSse2(const char* bytes, size_t size, const GateSet* gates,
                  std::vector<size_t>* hits, PrefilterReport report, void* context) {
  return Blocks<kWants>(bytes, size, gates, hits, report, context,
                        [](const unsigned char* p) { return Classes64Sse2<kWants>(p); });
}
#endif
#if MAGPIE_RUN_SEARCH_AVX2
template <Wants kWants>
__attribute__((target("avx2"), flatten)) size_t BlocksAvx2(const char* bytes, size_t size,
                                                           const GateSet* gates,
                                                           std::vector<size_t>* hits,
                                                           PrefilterReport report,
                                                           void* context) {
  return Blocks<kWants>(bytes, size, gates, hits, report, context,
                        [](const unsigned char* p)
                            __attribute__((target("avx2"))) { return Classes64Avx2<kWants>(p); });
}
#endif

template <Wants kWants>
size_t BlocksOn(RunSearchPath path, const char* bytes, size_t size, const GateSet* gates,
                std::vector<size_t>* hits, PrefilterReport report, void* context) {
  switch (path) {
#if MAGPIE_RUN_SEARCH_AVX2
    case RunSearchPath::kAvx2:
      return BlocksAvx2<kWants>(bytes, size, gates, hits, report, context);
#endif
#if defined(__SSE2__)
    case RunSearchPath::kSse2:
      return BlocksSse2<kWants>(bytes, size, gates, hits, report, context);
#endif
    default:
      return BlocksPortable<kWants>(bytes, size, gates, hits, report, context);
  }
}

}  // namespace

bool RunSearchPathAvailable(RunSearchPath path) {
  switch (path) {
    case RunSearchPath::kPortable:
      return true;
    case RunSearchPath::kSse2:
#if defined(__SSE2__)
      return true;
#else
      return false;
#endif
    case RunSearchPath::kAvx2:
#if MAGPIE_RUN_SEARCH_AVX2
      return __builtin_cpu_supports("avx2");
#else
      return false;
#endif
    case RunSearchPath::kBest:
      return true;
  }
  return false;
}

RunSearchPath ResolveRunSearchPath(RunSearchPath path) {
  if (path == RunSearchPath::kBest) {
    static const RunSearchPath best = RunSearchPathAvailable(RunSearchPath::kAvx2)
                                          ? RunSearchPath::kAvx2
                                          : RunSearchPathAvailable(RunSearchPath::kSse2)
                                                ? RunSearchPath::kSse2
                                                : RunSearchPath::kPortable;
    return best;
  }
  return RunSearchPathAvailable(path) ? path : RunSearchPath::kPortable;
}

void FindGatesAndBase64Prefilter(std::string_view data, const GateSet* gates,
                                 std::vector<size_t>* hits, PrefilterReport report,
                                 void* context, RunSearchPath path) {
  if (gates == nullptr && report == nullptr) return;
  const char* const bytes = data.data();
  const size_t size = data.size();
  size_t done = 0;
  if (size >= 128) {
    path = ResolveRunSearchPath(path);
    if (gates != nullptr && report != nullptr) {
      done = BlocksOn<Wants{true, true}>(path, bytes, size, gates, hits, report, context);
    } else if (gates != nullptr) {
      done = BlocksOn<Wants{true, false}>(path, bytes, size, gates, hits, report, context);
    } else {
      done = BlocksOn<Wants{false, true}>(path, bytes, size, gates, hits, report, context);
    }
  }
  // The rest byte by byte: each search's bytewise form from `done` on.
  if (gates != nullptr) AppendGatesByRunStartsFrom(data, done, *gates, hits);
  if (report != nullptr) FindBase64PrefilterFrom(data, done, report, context);
}

bool RidesRunSearch(PrefilterFinder finder) {
  return finder == static_cast<PrefilterFinder>(&FindBase64Prefilter);
}

}  // namespace magpie::scanner::internal
