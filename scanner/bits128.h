// Private to the scanner library: 128 bits as two 64-bit words, for the block loop of the gate's
// run search and the base64 prefilter (run_search.cc). Issue 12.
//
// Why not unsigned __int128: in those loops GCC 12 kept the __int128 values on the stack, a
// store and a load (store forwarding, ~5 cycles) in each 128-bit shift's chain; as two words
// they stay in registers and each shift is one shrd and one shr. Measured (bench/README.md,
// "The block masks as two 64-bit words"): the gate search 0.91x, the prefilter 0.90x on AVX2.
#ifndef MAGPIE_SCANNER_BITS128_H_
#define MAGPIE_SCANNER_BITS128_H_

#include <cstdint>

namespace magpie::scanner::internal {

// Bit i of the 128 is bit i of `lo` (i < 64), bit i - 64 of `hi` otherwise.
struct Bits128 {
  uint64_t lo = 0;
  uint64_t hi = 0;
};

inline Bits128 operator&(Bits128 a, Bits128 b) { return {a.lo & b.lo, a.hi & b.hi}; }
inline Bits128 operator|(Bits128 a, Bits128 b) { return {a.lo | b.lo, a.hi | b.hi}; }
// The 128 bits shifted right by 0 < k < 64.
template <int k>
inline Bits128 ShiftRight(Bits128 a) {
  static_assert(k > 0 && k < 64);
  return {(a.lo >> k) | (a.hi << (64 - k)), a.hi >> k};
}

// Bit i set iff bits i .. i + kLength - 1 of `w` are all set (a run of kLength starts at i),
// for 8 < kLength <= 16: runs of 2, 4 and 8 by doubling, then one shift for the rest.
template <int kLength>
inline Bits128 RunsOf(Bits128 w) {
  static_assert(kLength > 8 && kLength <= 16);
  Bits128 r = w & ShiftRight<1>(w);
  r = r & ShiftRight<2>(r);
  r = r & ShiftRight<4>(r);
  return r & ShiftRight<kLength - 8>(r);
}

}  // namespace magpie::scanner::internal

#endif  // MAGPIE_SCANNER_BITS128_H_
