// The one RE2 configuration shared by the rules loader's pattern checks and the scanner's
// compiled rules, so that a pattern the loader accepts is one the scanner can compile.
//
// For .cc files of rules/ and scanner/ only: it exposes RE2 types, which must stay out of every
// public header another room includes (both libraries link RE2 PRIVATE).
#ifndef MAGPIE_RULES_RE2_OPTIONS_H_
#define MAGPIE_RULES_RE2_OPTIONS_H_

#include <re2/re2.h>

#include <cstdint>

namespace magpie::rules {

// RE2's memory budget per compiled pattern (RE2's default is 8 MiB). One value for the loader
// and the scanner: a pattern too large for one is then too large for the other, and is refused
// when the rules load instead of behaving differently at scan time.
inline constexpr int64_t kRe2MaxMem = int64_t{64} << 20;

// Bytes, not UTF-8 code points (Latin-1: every byte is one character, as in Hyperscan);
// leftmost-first, case-sensitive, `.` not matching newline; errors come back through
// RE2::error() instead of being logged.
RE2::Options Re2Options();

}  // namespace magpie::rules

#endif  // MAGPIE_RULES_RE2_OPTIONS_H_
