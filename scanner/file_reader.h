// Reading one file for scanning: mmap, size limit, binary detection, symlink policy.
#ifndef MAGPIE_SCANNER_FILE_READER_H_
#define MAGPIE_SCANNER_FILE_READER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace magpie::scanner {

struct FileReadOptions {
  uint64_t max_file_size = uint64_t{50} << 20;  // larger files are skipped (kTooLarge)
  bool include_binary = false;                  // scan files that look binary (binary.h)
  bool follow_symlinks = false;
};

enum class SkipReason { kNone, kBinary, kTooLarge, kUnreadable, kNotRegular, kSymlink };
std::string_view ToString(SkipReason r);  // "binary", "too-large", "unreadable", ...

// Bytes of a file, memory-mapped (or read, for small files and pipes). Owns the mapping.
class FileContent {
 public:
  virtual ~FileContent() = default;
  virtual std::string_view data() const = 0;
};

struct FileReadResult {
  std::unique_ptr<FileContent> content;  // null when skipped
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

}  // namespace magpie::scanner

#endif  // MAGPIE_SCANNER_FILE_READER_H_
