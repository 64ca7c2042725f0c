// A file that only this run may have created: for files that hold secrets in full
// (`magpie git --replacements FILE`, issue 15). It is created with O_CREAT|O_EXCL|O_NOFOLLOW and
// mode 0600, so that an existing file is never overwritten, a link planted at the path is never
// followed, and no other user can read what is written, whatever the umask.
//
// Usage:
//   Result<ExclusiveFile> file = ExclusiveFile::Create(path);  // before the long work
//   if (!file.ok()) return file.status();                      // exists, a link, no access
//   ...
//   Status written = file->Write(bytes);                       // once, then fsync and close
//
// Thread safety: one thread at a time. Move-only; the destructor closes the descriptor.
#ifndef MAGPIE_BASE_EXCLUSIVE_FILE_H_
#define MAGPIE_BASE_EXCLUSIVE_FILE_H_

#include <string>
#include <string_view>

#include "base/status.h"

namespace magpie {

class ExclusiveFile {
 public:
  // Errors (kIoError, naming `path` and the reason): the path exists ("already exists: remove
  // it first" — including a link, dangling or not), or the file cannot be created.
  static Result<ExclusiveFile> Create(const std::string& path);

  // Writes all of `bytes`, fsyncs and closes. Errors (kIoError): a short write, a failed fsync
  // or close, or a second call. Fault points kExclusiveCreate, kExclusiveWrite.
  Status Write(std::string_view bytes);

  const std::string& path() const { return path_; }

  ExclusiveFile(ExclusiveFile&& other) noexcept;
  ExclusiveFile& operator=(ExclusiveFile&& other) noexcept;
  ExclusiveFile(const ExclusiveFile&) = delete;
  ExclusiveFile& operator=(const ExclusiveFile&) = delete;
  ~ExclusiveFile();

 private:
  ExclusiveFile(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
  std::string path_;
  int fd_ = -1;
};

}  // namespace magpie

#endif  // MAGPIE_BASE_EXCLUSIVE_FILE_H_
