// The gate of the keyword-gated rules (gate.h). Issue 12.
#include "scanner/gate.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define MAGPIE_GATE_AVX2 1
#include <immintrin.h>
#else
#define MAGPIE_GATE_AVX2 0
#endif

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>

#include "scanner/bits128.h"

namespace magpie::scanner::internal {

// Parses "[...]" at `pattern[pos]` (ranges, single bytes, \-escapes of punctuation); false on
// anything else (negation, \w, classes of classes).
static bool ParseClass(std::string_view pattern, size_t* pos, ByteSet* set) {
  if (*pos >= pattern.size() || pattern[*pos] != '[') return false;
  size_t i = *pos + 1;
  if (i < pattern.size() && pattern[i] == '^') return false;
  std::vector<unsigned char> items;
  std::vector<bool> is_range_dash;
  while (i < pattern.size() && pattern[i] != ']') {
    unsigned char c = static_cast<unsigned char>(pattern[i]);
    if (c == '\\') {
      if (i + 1 >= pattern.size()) return false;
      const char e = pattern[i + 1];
      if (std::isalnum(static_cast<unsigned char>(e))) return false;  // \w, \d, \s, \x...
      items.push_back(static_cast<unsigned char>(e));
      is_range_dash.push_back(false);
      i += 2;
      continue;
    }
    if (c == '[') return false;
    items.push_back(c);
    is_range_dash.push_back(c == '-' && !items.empty() && i + 1 < pattern.size() &&
                            pattern[i + 1] != ']' && items.size() > 1);
    ++i;
  }
  if (i >= pattern.size()) return false;
  set->fill(false);
  for (size_t k = 0; k < items.size(); ++k) {
    if (k + 2 < items.size() && is_range_dash[k + 1]) {
      for (int c = items[k]; c <= items[k + 2]; ++c) (*set)[c] = true;
      k += 2;
    } else {
      (*set)[items[k]] = true;
    }
  }
  *pos = i + 1;
  return true;
}

std::optional<Gate> GateOf(std::string_view pattern) {
  static constexpr std::string_view kTemplates[] = {
      "(?:=>|:=|[:=>,])[ \\t]{0,10}[\"']?(", "(?:=>|:=|[:=>,])[ \\t]{0,10}[\"\\']?("};
  if (pattern.find("(?i)") != std::string_view::npos) return std::nullopt;
  size_t at = std::string::npos;
  size_t len = 0;
  for (std::string_view t : kTemplates) {
    const size_t found = pattern.find(t);
    if (found != std::string_view::npos) {
      if (pattern.find(t, found + 1) != std::string_view::npos) return std::nullopt;
      at = found;
      len = t.size();
    }
  }
  if (at == std::string_view::npos) return std::nullopt;
  // Depth 0 at the template, and no alternation at depth 0 anywhere: then every match passes
  // through it. Inside the value group, no alternation at its own level either.
  int depth = 0;
  bool in_class = false;
  int value_depth = -1;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      ++i;
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      continue;
    }
    if (c == '[') {
      in_class = true;
    } else if (c == '(') {
      if (i == at && depth != 0) return std::nullopt;
      ++depth;
      if (i == at + len - 1) value_depth = depth;
    } else if (c == ')') {
      if (depth == value_depth) {
        // the value group's quantifier must not make it optional
        if (i + 1 < pattern.size() && (pattern[i + 1] == '?' || pattern[i + 1] == '*' ||
                                       pattern[i + 1] == '{')) {
          return std::nullopt;
        }
        value_depth = -2;
      }
      --depth;
    } else if (c == '|' && (depth == 0 || depth == value_depth)) {
      return std::nullopt;
    }
  }
  size_t pos = at + len;
  Gate gate;
  const size_t class_begin = pos;
  if (!ParseClass(pattern, &pos, &gate.cls)) return std::nullopt;
  if (pos >= pattern.size() || pattern[pos] != '{') return std::nullopt;
  size_t digits = pos + 1;
  while (digits < pattern.size() && digits < pos + 6 &&
         std::isdigit(static_cast<unsigned char>(pattern[digits]))) {
    gate.min = gate.min * 10 + static_cast<size_t>(pattern[digits] - '0');
    ++digits;
  }
  if (gate.min == 0) return std::nullopt;
  gate.text = std::string(pattern.substr(class_begin, pos - class_begin)) + "{" +
              std::to_string(gate.min) + "}";
  return gate;
}

static bool IsBlank(unsigned char c) { return c == ' ' || c == '\t'; }

static constexpr bool InU(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         c == '+' || c == '/';
}

bool RunGateable(const Gate& gate) {
  if (gate.min < kMinRun) return false;
  for (int c = 0; c < 256; ++c) {
    if (gate.cls[c] && !InU(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// No class may hold a blank or a quote (null otherwise): then the blanks and the quote after
// the operator are determined, and one walk (GateAt) decides the position.
std::optional<GateSet> BuildGateSet(const std::vector<Gate>& gates) {
  if (gates.empty()) return std::nullopt;
  GateSet set;
  std::vector<ByteSet> classes;
  std::vector<size_t> need;
  for (const Gate& g : gates) {
    if (g.cls[' '] || g.cls['\t'] || g.cls['"'] || g.cls['\'']) return std::nullopt;
    size_t i = std::find(classes.begin(), classes.end(), g.cls) - classes.begin();
    if (i == classes.size()) {
      if (i == 64) return std::nullopt;
      classes.push_back(g.cls);
      need.push_back(g.min);
    }
    need[i] = std::min(need[i], g.min);
  }
  const size_t longest = *std::max_element(need.begin(), need.end());
  set.done_at.assign(longest + 1, 0);
  for (size_t i = 0; i < classes.size(); ++i) {
    for (int c = 0; c < 256; ++c) {
      if (classes[i][c]) set.class_bits[c] |= uint64_t{1} << i;
    }
    for (size_t r = need[i]; r <= longest; ++r) set.done_at[r] |= uint64_t{1} << i;
  }
  return set;
}

static inline bool GateAt(const unsigned char* d, size_t n, size_t p, const GateSet& set) {
  size_t v = p + 1;
  const size_t blank_limit = std::min(n, v + kMaxGateBlanks);
  while (v < blank_limit && IsBlank(d[v])) ++v;
  if (v < n && IsBlank(d[v])) return false;  // more blanks than allowed: no value follows
  if (v < n && (d[v] == '"' || d[v] == '\'')) ++v;
  uint64_t alive = ~uint64_t{0};
  const size_t longest = set.done_at.size() - 1;
  // The first 8 value bytes without a branch each (most operators are followed by a short
  // word or a non-word byte): one decision after them.
  size_t r = 0;
  if (v + 8 <= n && longest >= 8) {
    uint64_t early = 0;
    for (r = 1; r <= 8; ++r) {
      alive &= set.class_bits[d[v + r - 1]];
      early |= alive & set.done_at[r];
    }
    if (early != 0) return true;
    if (alive == 0) return false;
    r = 8;
  }
  for (++r; r <= longest && v + r <= n; ++r) {
    alive &= set.class_bits[d[v + r - 1]];
    if (alive == 0) return false;
    if ((alive & set.done_at[r]) != 0) return true;
  }
  return false;
}

// Every position p of an operator byte after which a gate holds, appended to `hits`.
void FindGates(std::string_view data, const GateSet& set, std::vector<size_t>* hits) {
  const size_t n = data.size();
  const auto* d = reinterpret_cast<const unsigned char*>(data.data());
  size_t i = 0;
#if defined(__SSE2__)
  const __m128i equals = _mm_set1_epi8('=');
  const __m128i colon = _mm_set1_epi8(':');
  const __m128i greater = _mm_set1_epi8('>');
  const __m128i comma = _mm_set1_epi8(',');
  for (; i + 16 <= n; i += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + i));
    unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(block, equals), _mm_cmpeq_epi8(block, colon)),
        _mm_or_si128(_mm_cmpeq_epi8(block, greater), _mm_cmpeq_epi8(block, comma)))));
    while (mask != 0) {
      const size_t p = i + static_cast<size_t>(__builtin_ctz(mask));
      mask &= mask - 1;
      if (GateAt(d, n, p, set)) hits->push_back(p);
    }
  }
#endif
  for (; i < n; ++i) {
    const unsigned char c = d[i];
    if ((c == ':' || c == '=' || c == '>' || c == ',') && GateAt(d, n, i, set)) {
      hits->push_back(i);
    }
  }
}

// The run-anchored search: 64 bytes are classified into a mask of U, shifted ANDs keep the
// positions that open a maximal run of >= kMinRun bytes, and only those (rare in code) are
// checked backwards (quote, blanks, operator) and forwards (GateAt's walk). The classification
// is most of the search's instructions, so it has three paths, all giving the same mask: AVX2
// (chosen at run time where the CPU has it: the build targets baseline x86-64), SSE2, portable.

static inline uint64_t UMask64Portable(const unsigned char* p) {
  uint64_t mask = 0;
  for (int k = 0; k < 64; ++k) mask |= static_cast<uint64_t>(InU(p[k])) << k;
  return mask;
}

#if defined(__SSE2__)
static inline __m128i InRange(__m128i x, char lo, char hi) {
  const __m128i shifted = _mm_sub_epi8(x, _mm_set1_epi8(lo));
  return _mm_cmpeq_epi8(_mm_min_epu8(shifted, _mm_set1_epi8(static_cast<char>(hi - lo))),
                        shifted);
}

static inline uint64_t UMask64Sse2(const unsigned char* p) {
  uint64_t mask = 0;
  for (int k = 0; k < 4; ++k) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    // Letters of either case in one range (x | 0x20 lands in 'a'..'z' for those alone); '/'
    // is the byte just before '0', so '/' and the digits are one range.
    const __m128i in = _mm_or_si128(
        InRange(_mm_or_si128(x, _mm_set1_epi8(0x20)), 'a', 'z'),
        _mm_or_si128(InRange(x, '/', '9'), _mm_cmpeq_epi8(x, _mm_set1_epi8('+'))));
    mask |= static_cast<uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(in))) << (16 * k);
  }
  return mask;
}
#endif

#if MAGPIE_GATE_AVX2
// U by nibbles: c is in U iff kLowNibble[c & 15] & kHighNibble[c >> 4] != 0, one bit per
// (high nibble, low nibbles) group: 1 '+' '/' (0x2B, 0x2F), 2 digits (0x30-0x39), 4 'A'-'O' and
// 'a'-'o' (0x41-0x4F, 0x61-0x6F), 8 'P'-'Z' and 'p'-'z' (0x50-0x5A, 0x70-0x7A). High nibbles 8-F
// map to 0, so no byte >= 0x80 is in U. Each table is repeated for both 128-bit lanes, as
// vpshufb looks up within a lane.
alignas(32) static constexpr unsigned char kLowNibble[32] = {
    0x0A, 0x0E, 0x0E, 0x0E, 0x0E, 0x0E, 0x0E, 0x0E, 0x0E, 0x0E, 0x0C, 0x05, 0x04, 0x04, 0x04, 0x05,
    0x0A, 0x0E, 0x0E, 0x0E, 0x0E, 0x0E, 0x0E, 0x0E, 0x0E, 0x0E, 0x0C, 0x05, 0x04, 0x04, 0x04, 0x05};
alignas(32) static constexpr unsigned char kHighNibble[32] = {
    0, 0, 1, 2, 4, 8, 4, 8, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 1, 2, 4, 8, 4, 8, 0, 0, 0, 0, 0, 0, 0, 0};

static constexpr bool NibbleTablesAreU() {
  for (int c = 0; c < 256; ++c) {
    const bool in = (kLowNibble[c & 15] & kHighNibble[c >> 4]) != 0;
    if (in != InU(static_cast<unsigned char>(c))) return false;
  }
  return true;
}
static_assert(NibbleTablesAreU(), "the nibble tables classify exactly U");

__attribute__((target("avx2"), always_inline)) static inline uint64_t UMask64Avx2(
    const unsigned char* p) {
  const __m256i low_table = _mm256_load_si256(reinterpret_cast<const __m256i*>(kLowNibble));
  const __m256i high_table = _mm256_load_si256(reinterpret_cast<const __m256i*>(kHighNibble));
  const __m256i nibble = _mm256_set1_epi8(0x0F);
  uint64_t mask = 0;
  for (int k = 0; k < 2; ++k) {
    const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32 * k));
    const __m256i low = _mm256_shuffle_epi8(low_table, _mm256_and_si256(x, nibble));
    const __m256i high =
        _mm256_shuffle_epi8(high_table, _mm256_and_si256(_mm256_srli_epi16(x, 4), nibble));
    const __m256i out = _mm256_cmpeq_epi8(_mm256_and_si256(low, high), _mm256_setzero_si256());
    mask |= static_cast<uint64_t>(~static_cast<uint32_t>(_mm256_movemask_epi8(out))) << (32 * k);
  }
  return mask;
}
#endif

// The operator before a value starting at v, or npos.
static inline size_t OperatorBefore(const unsigned char* d, size_t v) {
  size_t q = v;
  if (q > 0 && (d[q - 1] == '"' || d[q - 1] == '\'')) --q;
  size_t blanks = 0;
  while (q > 0 && blanks <= kMaxGateBlanks && IsBlank(d[q - 1])) {
    --q;
    ++blanks;
  }
  if (blanks > kMaxGateBlanks || q == 0) return std::string::npos;
  const unsigned char c = d[q - 1];
  return c == ':' || c == '=' || c == '>' || c == ',' ? q - 1 : std::string::npos;
}

// The gates whose value starts at v, if any, appended to `hits`.
static inline void CheckRunStart(const unsigned char* d, size_t n, size_t v, const GateSet& set,
                                 std::vector<size_t>* hits) {
  const size_t op = OperatorBefore(d, v);
  if (op != std::string::npos && GateAt(d, n, op, set)) hits->push_back(op);
}

// Byte by byte from `v` to the end (short buffers and the tail).
static void RunStartsBytewise(const unsigned char* d, size_t n, size_t v, const GateSet& set,
                              std::vector<size_t>* hits) {
  for (; v < n; ++v) {
    if (InU(d[v]) && (v == 0 || !InU(d[v - 1]))) CheckRunStart(d, n, v, set, hits);
  }
}

// The block loop over every block but the last 64..127 bytes, which it leaves to the caller;
// returns where it stopped. Each caller inlines it with its classification `mask` (the AVX2
// one by `flatten`, as a function of the default target cannot inline an AVX2 one).
template <typename Mask>
static inline size_t RunStartsBlocks(const unsigned char* d, size_t n, const GateSet& set,
                                     std::vector<size_t>* hits, Mask mask) {
  uint64_t cur = mask(d);
  bool prev_top = false;  // the byte before this block is in U
  size_t base = 0;
  for (; base + 128 <= n; base += 64) {
    const uint64_t next = mask(d + base + 64);
    const Bits128 w{cur, next};
    Bits128 r = w & ShiftRight<1>(w);  // runs of 2
    r = r & ShiftRight<2>(r);          // 4
    r = r & ShiftRight<4>(r);          // 8
    r = r & ShiftRight<6>(r);          // 14
    uint64_t starts = r.lo & ~((cur << 1) | (prev_top ? 1u : 0u));
    while (starts != 0) {
      CheckRunStart(d, n, base + static_cast<size_t>(__builtin_ctzll(starts)), set, hits);
      starts &= starts - 1;
    }
    prev_top = (cur >> 63) != 0;
    cur = next;
  }
  return base;
}

static size_t RunStartsPortable(const unsigned char* d, size_t n, const GateSet& set,
                                std::vector<size_t>* hits) {
  return RunStartsBlocks(d, n, set, hits, UMask64Portable);
}
#if defined(__SSE2__)
static size_t RunStartsSse2(const unsigned char* d, size_t n, const GateSet& set,
                            std::vector<size_t>* hits) {
  return RunStartsBlocks(d, n, set, hits, [](const unsigned char* p) { return UMask64Sse2(p); });
}
#endif
#if MAGPIE_GATE_AVX2
__attribute__((target("avx2"), flatten)) static size_t RunStartsAvx2(const unsigned char* d,
                                                                     size_t n, const GateSet& set,
                                                                     std::vector<size_t>* hits) {
  return RunStartsBlocks(d, n, set, hits, [](const unsigned char* p) __attribute__((
                                              target("avx2"))) { return UMask64Avx2(p); });
}
#endif

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
#if MAGPIE_GATE_AVX2
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

void FindGatesByRuns(std::string_view data, const GateSet& set, RunSearchPath path,
                     std::vector<size_t>* hits) {
  const size_t n = data.size();
  const auto* d = reinterpret_cast<const unsigned char*>(data.data());
  path = ResolveRunSearchPath(path);
  size_t done = 0;
  if (n >= 128) {
    switch (path) {
#if MAGPIE_GATE_AVX2
      case RunSearchPath::kAvx2:
        done = RunStartsAvx2(d, n, set, hits);
        break;
#endif
#if defined(__SSE2__)
      case RunSearchPath::kSse2:
        done = RunStartsSse2(d, n, set, hits);
        break;
#endif
      default:
        done = RunStartsPortable(d, n, set, hits);
        break;
    }
  }
  RunStartsBytewise(d, n, done, set, hits);
}

void FindGatesByRuns(std::string_view data, const GateSet& set, std::vector<size_t>* hits) {
  FindGatesByRuns(data, set, RunSearchPath::kBest, hits);
}

void GateWindows(const std::vector<size_t>& hits, size_t width, size_t size,
                 std::vector<std::pair<size_t, size_t>>* windows) {
  for (size_t i = 0; i < hits.size();) {
    const size_t begin = hits[i] > width + 1 ? hits[i] - width - 1 : 0;
    size_t end = std::min(size, hits[i] + width + 1);
    size_t j = i + 1;
    while (j < hits.size() && (hits[j] > width + 1 ? hits[j] - width - 1 : 0) <= end) {
      end = std::min(size, hits[j] + width + 1);
      ++j;
    }
    windows->emplace_back(begin, end);
    i = j;
  }
}

void GatedScanWindows(std::string_view data, const GateSet& set, size_t width,
                      std::vector<size_t>* hits, std::vector<std::pair<size_t, size_t>>* windows,
                      RunSearchPath path) {
  hits->clear();
  windows->clear();
  FindGatesByRuns(data, set, path, hits);
  GateWindows(*hits, width, data.size(), windows);
  size_t covered = 0;
  for (const auto& [begin, end] : *windows) covered += end - begin;
  // hs_scan takes an unsigned int length: a larger buffer keeps its windows.
  if (windows->size() > 1 && data.size() <= UINT32_MAX &&
      covered > data.size() / 1000 * kGateCoverPermille) {
    windows->assign(1, {0, data.size()});
  }
}

}  // namespace magpie::scanner::internal
