#include "cache/cache_dir.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <utility>

#include "base/fault_injection.h"
#include "base/file_io.h"
#include "base/private_file.h"

namespace magpie::cache::internal {
namespace {

Status ErrnoStatus(const std::string& what, int error) {
  std::string message = what + ": " + std::strerror(error);
  return error == ENOENT ? NotFound(std::move(message)) : IoError(std::move(message));
}

int OpenDirectory(const std::string& path) {
  if (fault::Triggered(fault::Point::kCacheOpenDirectory)) return -1;
  return ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
}

// Makes `path` 0700, its parents as the umask makes them. False with errno on failure.
bool MakeDirectory(const std::string& path) {
  std::error_code ec;
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  if (fault::Triggered(fault::Point::kCacheMkdir)) return false;
  return ::mkdir(path.c_str(), 0700) == 0 || errno == EEXIST;
}

bool IsSymlink(const std::string& path) {
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
}

}  // namespace

Result<CacheDirectory> CacheDirectory::Open(const std::string& path) {
  int fd = OpenDirectory(path);
  if (fd < 0 && errno == ENOENT) {
    if (!MakeDirectory(path)) return ErrnoStatus("cannot create " + path, errno);
    fd = OpenDirectory(path);
  }
  if (fd < 0) {
    const int error = errno;
    // O_NOFOLLOW gives ELOOP for a link, or ENOTDIR with O_DIRECTORY on some systems.
    if (error == ELOOP || (error == ENOTDIR && IsSymlink(path))) {
      return Untrusted(path + " is a symbolic link");
    }
    return ErrnoStatus("cannot open " + path, error);
  }
  CacheDirectory directory(fd, path);
  struct stat st;
  if (::fstat(fd, &st) != 0) return ErrnoStatus("cannot stat " + path, errno);
  if (Status trusted = CheckOwnedPrivately(st, path); !trusted.ok()) return trusted;
  return directory;
}

CacheDirectory::CacheDirectory(CacheDirectory&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), path_(std::move(other.path_)) {}

CacheDirectory::~CacheDirectory() {
  if (fd_ >= 0) ::close(fd_);
}

Result<std::string> CacheDirectory::Read(const std::string& name) const {
  const std::string what = path_ + "/" + name;
  const int fd = fault::Triggered(fault::Point::kCacheOpenEntry)
                     ? -1
                     : ::openat(fd_, name.c_str(),
                                O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ELOOP) return Untrusted(what + " is a symbolic link");
    return ErrnoStatus("cannot open " + what, errno);
  }
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } closer{fd};
  struct stat st;
  if (::fstat(fd, &st) != 0) return ErrnoStatus("cannot stat " + what, errno);
  if (!S_ISREG(st.st_mode)) return Untrusted(what + " is not a regular file");
  if (Status trusted = CheckOwnedPrivately(st, what); !trusted.ok()) return trusted;
  if (static_cast<uint64_t>(st.st_size) > kMaxEntryBytes) {
    return Corrupt(what + " is larger than any entry (" + std::to_string(st.st_size) +
                   " bytes)");
  }
  // One presized read: the cached database is ~1 MiB and is read on every start.
  std::string bytes(static_cast<size_t>(st.st_size), '\0');
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = fault::Triggered(fault::Point::kCacheReadEntry)
                          ? -1
                          : ::read(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return ErrnoStatus("cannot read " + what, errno);
    if (n == 0) break;  // shrunk since fstat: the entry's own checks refuse what is left
    done += static_cast<size_t>(n);
  }
  bytes.resize(done);
  return bytes;
}

Status CacheDirectory::Write(const std::string& name, std::string_view bytes) const {
  return WriteFileAtomicallyAt(fd_, name, bytes, 0600);
}

}  // namespace magpie::cache::internal
