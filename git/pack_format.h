// Sizes and primitives of git's pack and pack-index formats (gitformat-pack(5)) shared by the pack
// reader and the index reader. Internal to git/.
#ifndef MAGPIE_GIT_PACK_FORMAT_H_
#define MAGPIE_GIT_PACK_FORMAT_H_

#include <cstddef>
#include <cstdint>

#include "base/status.h"

namespace magpie::git::internal {

inline constexpr size_t kIdxHeader = 8;    // magic and version
inline constexpr size_t kFanout = 256 * 4;
inline constexpr size_t kIdSize = 20;      // SHA-1
inline constexpr uint64_t kPackHeader = 12;
inline constexpr uint64_t kPackTrailer = 20;  // SHA-1 of everything before it

// The big-endian 32-bit number at p (4 readable bytes).
inline uint32_t Be32(const char* p) {
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  return (uint32_t{u[0]} << 24) | (uint32_t{u[1]} << 16) | (uint32_t{u[2]} << 8) | u[3];
}

// Reads exactly `length` bytes of `fd` at `offset` into `out`, retrying interrupted and short
// reads. An end of file first is Corrupt(`short_read`); a failed read is an IoError.
Status PreadAll(int fd, char* out, size_t length, uint64_t offset, const char* short_read);

}  // namespace magpie::git::internal

#endif  // MAGPIE_GIT_PACK_FORMAT_H_
