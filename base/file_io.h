// Whole-file reads and atomic writes, for the small files magpie reads and writes itself
// (.magpie.yaml, .magpieignore, baselines, .gitattributes, the rules cache). Not for scanned
// content: that goes through scanner/file_reader.h, which bounds sizes, refuses what is not a
// regular file and detects binary files.
// Thread safety: plain functions; concurrent writers of one path each leave a whole file.
#ifndef MAGPIE_BASE_FILE_IO_H_
#define MAGPIE_BASE_FILE_IO_H_

#include <sys/types.h>

#include <string>
#include <string_view>

#include "base/status.h"

namespace magpie {

// What may be read. A file found in the scanned tree (.magpieignore, .magpie.yaml,
// .gitattributes) is hostile: it could be a FIFO that never ends, a device, or huge.
enum class ReadPolicy {
  kAnyFile,            // a path the user named: a pipe (`--baseline <(...)`) is fine
  kRegularFileInTree,  // only a regular file (checked with fstat on the open descriptor, opened
                       // without blocking), at most kMaxTreeFileBytes
};
inline constexpr size_t kMaxTreeFileBytes = size_t{16} << 20;

// The bytes of `path`. Errors: kNotFound when it does not exist, kIoError otherwise (with
// kRegularFileInTree also: not a regular file, larger than kMaxTreeFileBytes); the message is
// the reason ("Permission denied"), for the caller to put in context.
Result<std::string> ReadWholeFile(const std::string& path,
                                  ReadPolicy policy = ReadPolicy::kAnyFile);

// Replaces `path` with `bytes`, so that readers see the old file or the new one, never a part:
//   1. a temporary file beside it, under an unpredictable name ("." + name + ".tmp-" + 16
//      random hex digits), created exclusively (O_CREAT|O_EXCL|O_NOFOLLOW), so that nothing
//      planted in the directory (a link, a file of the same name) can redirect the write;
//   2. the bytes written, then fsync;
//   3. renamed over `path`.
// `path` is relative to the directory open as `dir_fd` (AT_FDCWD: the current directory), like
// openat(2); `mode` is the new file's permissions before the umask, as open(2) takes them. On
// failure the temporary file is removed, `path` is unchanged, and the kIoError message names
// `path` and the system's reason. Each step can be failed by a test (base/fault_injection.h).
Status WriteFileAtomicallyAt(int dir_fd, const std::string& path, std::string_view bytes,
                             mode_t mode);
// WriteFileAtomicallyAt(AT_FDCWD, path, bytes, 0666): the permissions of a new file the user
// makes (0644 under the usual umask).
Status WriteFileAtomically(const std::string& path, std::string_view bytes);

}  // namespace magpie

#endif  // MAGPIE_BASE_FILE_IO_H_
