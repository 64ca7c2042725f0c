// Private to cache/: the cache directory, opened for one RulesCache operation and used only when
// it can be trusted. The entries steer what magpie scans for, so an entry someone else could
// have written is as bad as a damaged one, and worse than none:
//   - the directory is created 0700 (parents as the umask makes them), entries are written 0600;
//   - the directory and every entry must be owned by the effective user and not writable by
//     group or others, and must not be a symbolic link (O_NOFOLLOW; the checks are fstat's, on
//     the descriptor actually opened, so nothing can be swapped in between check and use);
//   - entries are opened relative to the directory's descriptor, O_NONBLOCK (a FIFO planted
//     under an entry's name is refused, never waited on), and written through
//     WriteFileAtomicallyAt (an unpredictable temporary name created exclusively, fsync,
//     rename), so no link can redirect a write.
//
// Thread safety: a CacheDirectory is used by one thread at a time; several may share a path.
#ifndef MAGPIE_CACHE_CACHE_DIR_H_
#define MAGPIE_CACHE_CACHE_DIR_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace magpie::cache::internal {

// A larger entry is refused unread (the compiled built-in rules take about 1 MiB).
inline constexpr uint64_t kMaxEntryBytes = uint64_t{256} << 20;

class CacheDirectory {
 public:
  // `path`, created (0700) when missing. kUntrusted when it is a link, another user's or
  // writable by others; kIoError (or kNotFound) when it cannot be made or opened: a read-only
  // home, a file in the way.
  static Result<CacheDirectory> Open(const std::string& path);

  CacheDirectory(CacheDirectory&& other) noexcept;
  CacheDirectory& operator=(CacheDirectory&&) = delete;
  CacheDirectory(const CacheDirectory&) = delete;
  ~CacheDirectory();

  // The bytes of entry `name`. kNotFound when there is none; kUntrusted when it is a link, not
  // a regular file, another user's or writable by others; kCorrupt when larger than
  // kMaxEntryBytes; kIoError when it cannot be opened or read.
  Result<std::string> Read(const std::string& name) const;
  // Replaces entry `name` with `bytes`, 0600, atomically (WriteFileAtomicallyAt).
  Status Write(const std::string& name, std::string_view bytes) const;

  const std::string& path() const { return path_; }

 private:
  CacheDirectory(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  int fd_;
  std::string path_;
};

}  // namespace magpie::cache::internal

#endif  // MAGPIE_CACHE_CACHE_DIR_H_
