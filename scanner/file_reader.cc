#include "scanner/file_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/fault_injection.h"
#include "scanner/binary.h"

namespace magpie::scanner {
namespace {

constexpr const char* kSymlinkNotFollowed = "symbolic link not followed";
constexpr const char* kNotRegularFile = "not a regular file";
constexpr const char* kBinaryMessage = "binary content (NUL byte in the first 8000 bytes)";

void (*after_stat_hook)(const std::string& path) = nullptr;

// A thread's reusable read buffers. Each worker reads one file after another: reusing its
// buffer saves an allocation per file and, for large files, the page faults of fresh memory
// (the cost that made memory-mapping attractive, without its SIGBUS).
struct Buffer {
  std::unique_ptr<char[]> bytes;
  size_t capacity = 0;
};

class BufferPool {
 public:
  // A buffer of at least `n` bytes (contents undefined).
  Buffer Take(size_t n) {
    for (size_t i = 0; i < free_.size(); ++i) {
      if (free_[i].capacity >= n) {
        Buffer b = std::move(free_[i]);
        free_.erase(free_.begin() + static_cast<std::ptrdiff_t>(i));
        return b;
      }
    }
    // Grow a little beyond `n`, so that the next slightly larger file reuses it.
    const size_t capacity = std::max<size_t>(n + n / 4, size_t{64} << 10);
    return Buffer{std::unique_ptr<char[]>(new char[capacity]), capacity};
  }
  // Keeps a buffer (a worker reads one file at a time) of at most kKeepBytes: one large file
  // must not pin its memory on every thread. Larger files are rare; their fresh pages cost what
  // a mapping's page faults did.
  void Give(Buffer b) {
    if (b.capacity == 0 || b.capacity > kKeepBytes) return;
    if (free_.size() >= kKeep) free_.erase(free_.begin());
    free_.push_back(std::move(b));
  }

 private:
  static constexpr size_t kKeep = 1;
  static constexpr size_t kKeepBytes = size_t{16} << 20;
  std::vector<Buffer> free_;
};

BufferPool& ThreadPool() {
  thread_local BufferPool pool;
  return pool;
}

class PooledContent : public FileContent {
 public:
  PooledContent(Buffer buffer, size_t size) : buffer_(std::move(buffer)), size_(size) {}
  ~PooledContent() override { ThreadPool().Give(std::move(buffer_)); }
  std::string_view data() const override { return std::string_view(buffer_.bytes.get(), size_); }

 private:
  Buffer buffer_;
  size_t size_;
};

class BufferContent : public FileContent {
 public:
  explicit BufferContent(std::string bytes) : bytes_(std::move(bytes)) {}
  std::string_view data() const override { return bytes_; }

 private:
  std::string bytes_;
};

// read/pread that a test can make fail (fault::Point::kScanFileRead).
ssize_t ReadAt(int fd, char* buffer, size_t n, int64_t offset) {
  if (fault::Triggered(fault::Point::kScanFileRead)) return -1;
  return offset < 0 ? read(fd, buffer, n) : pread(fd, buffer, n, offset);
}

// A file too large to hold, read front to back. Owns the descriptor.
class FileStream : public ByteStream {
 public:
  FileStream(int fd, uint64_t size) : fd_(fd), size_(size) {
    posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
  }
  ~FileStream() override { close(fd_); }
  Result<size_t> Read(char* buffer, size_t n) override {
    while (true) {
      const ssize_t got = ReadAt(fd_, buffer, n, -1);
      if (got >= 0) return static_cast<size_t>(got);
      if (errno != EINTR) return IoError(std::strerror(errno));
    }
  }
  uint64_t expected_size() const override { return size_; }

 private:
  int fd_;
  uint64_t size_;
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
    const ssize_t n = ReadAt(fd, buffer, sizeof buffer, -1);
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
    return Skip(SkipReason::kBinary, kBinaryMessage);
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
  int release() { return std::exchange(fd, -1); }
};

// Reads the first `size` bytes of `fd` into one of the thread's buffers: fewer when the file
// has shrunk since fstat (what is there now is read; no signal, unlike a mapping).
FileReadResult ReadWhole(int fd, uint64_t size, bool include_binary) {
  BufferPool& pool = ThreadPool();
  Buffer buffer = pool.Take(size);
  size_t got = 0;
  while (got < size) {
    const ssize_t n = ReadAt(fd, buffer.bytes.get() + got, size - got, static_cast<int64_t>(got));
    if (n < 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      pool.Give(std::move(buffer));
      return Skip(SkipReason::kUnreadable, std::strerror(error));
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  auto content = std::make_unique<PooledContent>(std::move(buffer), got);
  if (!include_binary && LooksBinary(content->data())) {
    return Skip(SkipReason::kBinary, kBinaryMessage);
  }
  FileReadResult result;
  result.content = std::move(content);
  return result;
}

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
  Descriptor fd{open(path.c_str(), flags)};
  if (fd.fd < 0) {
    if (errno == ELOOP && !options.follow_symlinks) {
      return Skip(SkipReason::kSymlink, kSymlinkNotFollowed);
    }
    return Skip(SkipReason::kUnreadable, std::strerror(errno));
  }
  if (fstat(fd.fd, &st) != 0) return Skip(SkipReason::kUnreadable, std::strerror(errno));
  if (std::optional<FileReadResult> skip = SkipByStat(st, options)) return std::move(*skip);
  if (after_stat_hook != nullptr) after_stat_hook(path);
  const uint64_t size = static_cast<uint64_t>(st.st_size);
  if (size > options.stream_above) {
    FileReadResult result;
    result.stream = std::make_unique<FileStream>(fd.release(), size);
    return result;
  }
  return ReadWhole(fd.fd, size, options.include_binary);
}

FileReadResult ReadStreamForScan(int fd, const FileReadOptions& options) {
  return ReadAll(fd, options.max_file_size, options.include_binary);
}

namespace testing {
void SetAfterStatHook(void (*hook)(const std::string& path)) { after_stat_hook = hook; }
}  // namespace testing

}  // namespace magpie::scanner
