#include "scanner/file_reader.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <string>

#include "scanner/binary.h"

namespace magpie::scanner {
namespace {

// Small files are read: mapping costs more than copying a few pages.
constexpr uint64_t kMapThreshold = 64 * 1024;

constexpr const char* kSymlinkNotFollowed = "symbolic link not followed";
constexpr const char* kNotRegularFile = "not a regular file";

class MappedContent : public FileContent {
 public:
  MappedContent(void* base, size_t length) : base_(base), length_(length) {}
  ~MappedContent() override { munmap(base_, length_); }
  std::string_view data() const override {
    return std::string_view(static_cast<const char*>(base_), length_);
  }

 private:
  void* base_;
  size_t length_;
};

class BufferContent : public FileContent {
 public:
  explicit BufferContent(std::string bytes) : bytes_(std::move(bytes)) {}
  std::string_view data() const override { return bytes_; }

 private:
  std::string bytes_;
};

std::string MiB(uint64_t bytes) {
  return std::to_string((bytes + (1 << 20) - 1) >> 20) + " MiB";
}

FileReadResult Skip(SkipReason reason, std::string message) {
  FileReadResult result;
  result.skipped = reason;
  result.message = std::move(message);
  return result;
}

// Reads until EOF (or past `limit`, which is reported as too large).
FileReadResult ReadAll(int fd, uint64_t limit, bool include_binary) {
  std::string bytes;
  char buffer[1 << 16];
  while (true) {
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Skip(SkipReason::kUnreadable, std::strerror(errno));
    }
    if (n == 0) break;
    bytes.append(buffer, static_cast<size_t>(n));
    if (bytes.size() > limit) {
      return Skip(SkipReason::kTooLarge, "larger than the " + MiB(limit) + " limit");
    }
  }
  if (!include_binary && LooksBinary(bytes)) {
    return Skip(SkipReason::kBinary, "binary content (NUL byte in the first 8000 bytes)");
  }
  FileReadResult result;
  result.content = std::make_unique<BufferContent>(std::move(bytes));
  return result;
}

// Closes the descriptor it holds (if any) when it goes.
struct Descriptor {
  int fd = -1;
  ~Descriptor() {
    if (fd >= 0) close(fd);
  }
};

// The skip `st` calls for before any byte is read: not a regular file, or over the limit.
std::optional<FileReadResult> SkipByStat(const struct stat& st, const FileReadOptions& options) {
  if (!S_ISREG(st.st_mode)) return Skip(SkipReason::kNotRegular, kNotRegularFile);
  if (static_cast<uint64_t>(st.st_size) > options.max_file_size) {
    return Skip(SkipReason::kTooLarge, MiB(st.st_size) + " exceeds the " +
                                           MiB(options.max_file_size) + " limit");
  }
  return std::nullopt;
}

}  // namespace

std::string_view ToString(SkipReason r) {
  switch (r) {
    case SkipReason::kNone: return "none";
    case SkipReason::kBinary: return "binary";
    case SkipReason::kTooLarge: return "too-large";
    case SkipReason::kUnreadable: return "unreadable";
    case SkipReason::kNotRegular: return "not-regular";
    case SkipReason::kSymlink: return "symlink";
  }
  return "unknown";
}

FileReadResult ReadFileForScan(const std::string& path, const FileReadOptions& options) {
  // A look at the path first, so that a device or FIFO met in a walk, or a file over the
  // limit, is never even opened (opening some devices does something)...
  struct stat st;
  if (lstat(path.c_str(), &st) != 0) return Skip(SkipReason::kUnreadable, std::strerror(errno));
  if (S_ISLNK(st.st_mode)) {
    if (!options.follow_symlinks) return Skip(SkipReason::kSymlink, kSymlinkNotFollowed);
    if (stat(path.c_str(), &st) != 0) return Skip(SkipReason::kUnreadable, std::strerror(errno));
  }
  if (std::optional<FileReadResult> skip = SkipByStat(st, options)) return std::move(*skip);
  // ...then the decision is taken again on what was opened: the path may have been swapped
  // since, for a FIFO (whose open would wait for a writer), a link or a device. O_NONBLOCK
  // makes any open return at once, O_NOFOLLOW refuses a link, and fstat has the last word.
  const int flags = O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK |
                    (options.follow_symlinks ? 0 : O_NOFOLLOW);
  const Descriptor fd{open(path.c_str(), flags)};
  if (fd.fd < 0) {
    if (errno == ELOOP && !options.follow_symlinks) {
      return Skip(SkipReason::kSymlink, kSymlinkNotFollowed);
    }
    return Skip(SkipReason::kUnreadable, std::strerror(errno));
  }
  if (fstat(fd.fd, &st) != 0) return Skip(SkipReason::kUnreadable, std::strerror(errno));
  if (std::optional<FileReadResult> skip = SkipByStat(st, options)) return std::move(*skip);
  if (static_cast<uint64_t>(st.st_size) < kMapThreshold) {
    return ReadAll(fd.fd, options.max_file_size, options.include_binary);
  }
  void* base = mmap(nullptr, st.st_size, PROT_READ, MAP_PRIVATE, fd.fd, 0);
  if (base == MAP_FAILED) return Skip(SkipReason::kUnreadable, std::strerror(errno));
  madvise(base, st.st_size, MADV_SEQUENTIAL);
  auto content = std::make_unique<MappedContent>(base, st.st_size);
  if (!options.include_binary && LooksBinary(content->data())) {
    return Skip(SkipReason::kBinary, "binary content (NUL byte in the first 8000 bytes)");
  }
  FileReadResult result;
  result.content = std::move(content);
  return result;
}

FileReadResult ReadStreamForScan(int fd, const FileReadOptions& options) {
  return ReadAll(fd, options.max_file_size, options.include_binary);
}

}  // namespace magpie::scanner
