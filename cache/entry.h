// The byte layout of one cache entry file, and its checks. Everything read back from the cache
// directory is hostile input: another user, a full disk, a crash mid-write, an older or newer
// magpie, or a bit flip may have produced it. DecodeEntry hands out a payload only after the
// header, the lengths, the checksum and the key all check out, so that a damaged or foreign
// entry is a miss, never a crash and never a wrong database.
//
// Layout (integers little-endian):
//   offset      size  field
//   0           8     magic "MAGPIEC\n"
//   8           4     format version (kEntryFormatVersion)
//   12          4     key length K
//   16          8     payload length P
//   24          K     key: what the entry was written for (BuildId() + what it caches)
//   24+K        P     payload
//   24+K+P      64    SHA-256 of every byte before it, lower-case hex
// and nothing after: the file is exactly 24 + K + P + 64 bytes long.
//
// Thread safety: pure functions.
#ifndef MAGPIE_CACHE_ENTRY_H_
#define MAGPIE_CACHE_ENTRY_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace magpie::cache {

// Bumped whenever the layout above changes; part of BuildId() too.
inline constexpr uint32_t kEntryFormatVersion = 2;  // 2: database payloads say what they hold

// The entry file holding `payload` for `key`.
std::string EncodeEntry(std::string_view key, std::string_view payload);

// Where an entry's bytes come from. kFile: the cache directory, hostile, every check.
// kExecutable: the built-in entries linked into magpie's own read-only data
// (cli/builtin_entries.cc.in), which no one can alter without altering the code that would
// check them: everything but the checksum is checked (magic, version, lengths, key), and the
// ~1.6 MB are not hashed on every start (SHA-256 was ~9% of `magpie staged`'s CPU time).
enum class EntrySource { kFile, kExecutable };

// The payload of `bytes` when it is an intact entry of this format written for `key`; a view
// into `bytes`, valid while they are. Otherwise kCorrupt (damaged: bad magic, lengths or
// checksum) or kNotFound (intact but stale: another format version or another key), with a
// message saying which.
Result<std::string_view> DecodeEntry(std::string_view bytes, std::string_view key,
                                     EntrySource source = EntrySource::kFile);

}  // namespace magpie::cache

#endif  // MAGPIE_CACHE_ENTRY_H_
