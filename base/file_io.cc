#include "base/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/random.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>

#include "base/fault_injection.h"

namespace magpie {
namespace {

Status FromErrno(int error) {
  std::string reason = std::strerror(error);
  return error == ENOENT ? NotFound(std::move(reason)) : IoError(std::move(reason));
}

// 16 hex digits nobody can predict: the kernel's random bytes, else std::random_device.
std::string RandomSuffix() {
  uint64_t value = 0;
  if (getrandom(&value, sizeof value, GRND_NONBLOCK) != static_cast<ssize_t>(sizeof value)) {
    std::random_device device;
    value = (uint64_t{device()} << 32) ^ device();
  }
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
  return text;
}

// Creates the temporary file beside `path`; its name goes to `temp`. -1 with errno on failure.
int CreateTemporary(int dir_fd, const std::string& path, mode_t mode, std::string* temp) {
  const size_t slash = path.rfind('/');
  const std::string directory = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  const std::string name = path.substr(slash == std::string::npos ? 0 : slash + 1);
  for (int attempt = 0; attempt < 16; ++attempt) {  // EEXIST: an unlikely collision, retried
    *temp = directory + "." + name + ".tmp-" + RandomSuffix();
    if (fault::Triggered(fault::Point::kTempCreate)) return -1;
    const int fd = ::openat(dir_fd, temp->c_str(),
                            O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
    if (fd >= 0 || errno != EEXIST) return fd;
  }
  return -1;
}

// Every byte of `bytes` to `fd`, then fsync. False with errno on failure.
bool WriteAndSync(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    if (fault::Triggered(fault::Point::kTempWrite)) return false;
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return !fault::Triggered(fault::Point::kTempSync) && ::fsync(fd) == 0;
}

}  // namespace

Result<std::string> ReadWholeFile(const std::string& path, ReadPolicy policy) {
  const bool in_tree = policy == ReadPolicy::kRegularFileInTree;
  // Non-blocking, so that opening a FIFO planted under the name returns at once.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | (in_tree ? O_NONBLOCK | O_NOCTTY : 0));
  if (fd < 0) return FromErrno(errno);
  if (in_tree) {
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
      ::close(fd);
      return IoError("not a regular file");
    }
    if (static_cast<uint64_t>(st.st_size) > kMaxTreeFileBytes) {
      ::close(fd);
      return IoError("larger than " + std::to_string(kMaxTreeFileBytes >> 20) + " MiB");
    }
  }
  std::string text;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      ::close(fd);
      return FromErrno(error);
    }
    text.append(buffer, static_cast<size_t>(n));
    if (in_tree && text.size() > kMaxTreeFileBytes) {  // grew while being read
      ::close(fd);
      return IoError("larger than " + std::to_string(kMaxTreeFileBytes >> 20) + " MiB");
    }
  }
  ::close(fd);
  return text;
}

Status WriteFileAtomicallyAt(int dir_fd, const std::string& path, std::string_view bytes,
                             mode_t mode) {
  std::string temp;
  const int fd = CreateTemporary(dir_fd, path, mode, &temp);
  if (fd < 0) return IoError("cannot write " + path + ": " + std::strerror(errno));
  bool done = WriteAndSync(fd, bytes);
  int error = errno;
  if (::close(fd) != 0 && done) {
    done = false;
    error = errno;
  }
  if (done && !fault::Triggered(fault::Point::kRename) &&
      ::renameat(dir_fd, temp.c_str(), dir_fd, path.c_str()) == 0) {
    return Status::Ok();
  }
  if (done) error = errno;
  ::unlinkat(dir_fd, temp.c_str(), 0);
  return IoError("cannot write " + path + ": " + std::strerror(error));
}

Status WriteFileAtomically(const std::string& path, std::string_view bytes) {
  return WriteFileAtomicallyAt(AT_FDCWD, path, bytes, 0666);
}

}  // namespace magpie
