#include "git/pack_format.h"

#include <sys/types.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace magpie::git::internal {

Status PreadAll(int fd, char* out, size_t length, uint64_t offset, const char* short_read) {
  size_t done = 0;
  while (done < length) {
    const ssize_t n = pread(fd, out + done, length - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return IoError(std::string("pack: read failed: ") + std::strerror(errno));
    if (n == 0) return Corrupt(short_read);
    done += static_cast<size_t>(n);
  }
  return Status::Ok();
}

}  // namespace magpie::git::internal
