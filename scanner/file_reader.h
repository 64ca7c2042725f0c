// Reading one file for scanning: size limit, binary detection, symlink policy, and the choice
// between holding a file whole and streaming it (files larger than stream_above).
//
// Files are read with pread into buffers each thread reuses, never memory-mapped: a mapped
// file that another process truncates kills the reader with SIGBUS when it touches a page
// past the new end. A file that shrinks while it is read is read as it now is (a clean,
// shorter read), one that grows is read up to the size fstat gave.
#ifndef MAGPIE_SCANNER_FILE_READER_H_
#define MAGPIE_SCANNER_FILE_READER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "base/byte_stream.h"

namespace magpie::scanner {

struct FileReadOptions {
  uint64_t max_file_size = uint64_t{50} << 20;  // larger files are skipped (kTooLarge)
  bool include_binary = false;                  // scan files that look binary (binary.h)
  bool follow_symlinks = false;
  // Files larger than this are not held whole but handed over as a stream
  // (FileReadResult::stream), to be scanned window by window (chunked_scan.h).
  uint64_t stream_above = uint64_t{64} << 20;
};

enum class SkipReason { kNone, kBinary, kTooLarge, kUnreadable, kNotRegular, kSymlink };
std::string_view ToString(SkipReason r);  // "binary", "too-large", "unreadable", ...

// Bytes of a file, held whole. Owns its buffer (a thread's reusable buffer, returned when the
// content goes).
class FileContent {
 public:
  virtual ~FileContent() = default;
  virtual std::string_view data() const = 0;
};

struct FileReadResult {
  std::unique_ptr<FileContent> content;  // null when skipped or streamed
  // Set instead of `content` for a regular file larger than stream_above. Binary detection
  // then belongs to the consumer (the first window's bytes).
  std::unique_ptr<ByteStream> stream;
  SkipReason skipped = SkipReason::kNone;
  std::string message;  // why, for diagnostics ("Permission denied", "60 MiB > 50 MiB limit")
};

// Reads `path` if it is a regular file within the limit: a symbolic link is skipped (kSymlink)
// unless options.follow_symlinks; a FIFO, socket, device or directory is skipped (kNotRegular)
// without being read or waited on. The decision is taken on lstat/stat of the path, then again
// on fstat of what open(O_NONBLOCK, O_NOFOLLOW unless following) returned, so that a path
// swapped between the walk and the open (for a FIFO, a link, a device) is skipped too.
FileReadResult ReadFileForScan(const std::string& path, const FileReadOptions& options);
// Reads all of a stream-like fd (stdin) into memory, up to max_file_size.
FileReadResult ReadStreamForScan(int fd, const FileReadOptions& options);

namespace testing {
// Called (when set) after the opened file's fstat and before its first byte is read: lets a
// test truncate the file exactly where a memory-mapped reader would die of SIGBUS.
void SetAfterStatHook(void (*hook)(const std::string& path));
}  // namespace testing

}  // namespace magpie::scanner

#endif  // MAGPIE_SCANNER_FILE_READER_H_
