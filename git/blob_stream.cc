#include "git/blob_stream.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "base/fault_injection.h"

extern char** environ;

namespace magpie::git::internal {
namespace {

class ChildBlobStream : public ByteStream {
 public:
  ChildBlobStream(pid_t pid, int fd, std::string blob_hex, uint64_t size)
      : pid_(pid), fd_(fd), blob_hex_(std::move(blob_hex)), size_(size) {}
  ~ChildBlobStream() override {
    if (fd_ >= 0) close(fd_);
    if (pid_ > 0) {  // not read to its end: stop the child rather than wait for it
      kill(pid_, SIGKILL);
      Reap();
    }
  }

  Result<size_t> Read(char* buffer, size_t n) override {
    if (fd_ < 0) return size_t{0};
    while (true) {
      const ssize_t got = read(fd_, buffer, n);
      if (got > 0) {
        read_ += static_cast<uint64_t>(got);
        return static_cast<size_t>(got);
      }
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) return IoError("object " + blob_hex_ + ": " + std::strerror(errno));
      break;
    }
    close(fd_);
    fd_ = -1;
    const int status = Reap();
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      return Corrupt("object " + blob_hex_ + ": git cat-file failed (" +
                     (WIFEXITED(status) ? "exit status " + std::to_string(WEXITSTATUS(status))
                                        : std::string("killed by a signal")) +
                     ")");
    }
    if (read_ != size_) {
      return Corrupt("object " + blob_hex_ + ": " + std::to_string(read_) + " of " +
                     std::to_string(size_) + " bytes read");
    }
    return size_t{0};
  }

  uint64_t expected_size() const override { return size_; }

 private:
  int Reap() {
    int status = 0;
    while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
    return status;
  }

  pid_t pid_;
  int fd_;
  std::string blob_hex_;
  uint64_t size_;
  uint64_t read_ = 0;
};

}  // namespace

Result<std::unique_ptr<ByteStream>> OpenBlobStream(const std::string& git_dir,
                                                   const std::string& blob_hex, uint64_t size) {
  if (fault::Triggered(fault::Point::kBlobStreamSpawn)) {
    return IoError("cannot start git cat-file: " + std::string(std::strerror(errno)));
  }
  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) {
    return IoError("cannot start git cat-file: " + std::string(std::strerror(errno)));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  std::string git_dir_arg = "--git-dir=" + git_dir;
  // git maps packs in windows of 1 GiB by default, and the pages it reads through them count
  // to its RSS: small windows keep the child's memory bounded too.
  std::vector<char*> argv = {const_cast<char*>("git"),
                             git_dir_arg.data(),
                             const_cast<char*>("-c"),
                             const_cast<char*>("core.packedGitWindowSize=16m"),
                             const_cast<char*>("-c"),
                             const_cast<char*>("core.packedGitLimit=64m"),
                             const_cast<char*>("cat-file"),
                             const_cast<char*>("blob"),
                             const_cast<char*>(blob_hex.c_str()),
                             nullptr};
  pid_t pid = -1;
  const int rc = posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  if (rc != 0) {
    close(out[0]);
    return IoError("cannot start git cat-file: " + std::string(std::strerror(rc)));
  }
  return std::unique_ptr<ByteStream>(new ChildBlobStream(pid, out[0], blob_hex, size));
}

}  // namespace magpie::git::internal
