#include "base/exclusive_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "base/fault_injection.h"

namespace magpie {
namespace {

Status Failed(const std::string& path, std::string_view what, int error) {
  std::string message = path;
  message.append(": ").append(what).append(": ").append(std::strerror(error));
  return IoError(std::move(message));
}

}  // namespace

Result<ExclusiveFile> ExclusiveFile::Create(const std::string& path) {
  int fd = -1;
  if (!fault::Triggered(fault::Point::kExclusiveCreate)) {
    fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  }
  if (fd < 0) {
    const int error = errno;
    if (error == EEXIST) {
      struct stat st{};
      const bool link = ::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
      return IoError(path + (link ? ": is a symbolic link: refusing to write through it"
                                  : ": already exists: remove it first (it is not overwritten)"));
    }
    return Failed(path, "cannot create", error);
  }
  // The mode given to open is reduced by the umask; 0600 is what it may at most be, and what it
  // must be: say so explicitly in case a umask of 0 or an ACL default widened nothing else.
  if (::fchmod(fd, 0600) != 0) {
    const int error = errno;
    ::close(fd);
    ::unlink(path.c_str());
    return Failed(path, "cannot set mode 0600", error);
  }
  return ExclusiveFile(path, fd);
}

Status ExclusiveFile::Write(std::string_view bytes) {
  if (fd_ < 0) return IoError(path_ + ": already written");
  const int fd = std::exchange(fd_, -1);
  while (!bytes.empty()) {
    ssize_t n = -1;
    if (!fault::Triggered(fault::Point::kExclusiveWrite)) n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int error = n < 0 ? errno : EIO;
      ::close(fd);
      return Failed(path_, "cannot write", error);
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  if (::fsync(fd) != 0) {
    const int error = errno;
    ::close(fd);
    return Failed(path_, "cannot sync", error);
  }
  if (::close(fd) != 0) return Failed(path_, "cannot close", errno);
  return Status::Ok();
}

ExclusiveFile::ExclusiveFile(ExclusiveFile&& other) noexcept
    : path_(std::move(other.path_)), fd_(std::exchange(other.fd_, -1)) {}

ExclusiveFile& ExclusiveFile::operator=(ExclusiveFile&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    path_ = std::move(other.path_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

ExclusiveFile::~ExclusiveFile() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace magpie
