#include "git/repository_root.h"

#include <filesystem>
#include <system_error>

namespace magpie::git {

namespace fs = std::filesystem;

namespace {

// `path` made absolute and normal, without a trailing '/'; "" when it is not a directory.
fs::path StartDirectory(const std::string& path) {
  std::error_code ec;
  fs::path start = fs::absolute(path.empty() ? "." : path, ec);
  if (ec || !fs::is_directory(start, ec)) return {};
  start = start.lexically_normal();
  if (!start.has_filename()) start = start.parent_path();  // trailing '/'
  return start;
}

}  // namespace

std::string FindRepositoryRoot(const std::string& path) {
  std::error_code ec;
  const fs::path start = StartDirectory(path);
  if (start.empty()) return "";
  if (start.filename() == ".git") return start.parent_path().string();
  // A bare repository (or a git directory under another name), before looking upwards: a
  // bare repository inside some work tree is still its own repository.
  if (fs::is_regular_file(start / "HEAD", ec) && fs::is_directory(start / "objects", ec) &&
      fs::is_directory(start / "refs", ec)) {
    return start.string();
  }
  for (fs::path dir = start;; dir = dir.parent_path()) {
    if (fs::exists(dir / ".git", ec)) return dir.string();
    if (dir == dir.root_path() || dir.parent_path() == dir) break;
  }
  return "";
}

std::string FindWorkTreeRoot(const std::string& path) {
  std::error_code ec;
  const fs::path start = StartDirectory(path);
  if (start.empty()) return "";
  for (fs::path dir = start;; dir = dir.parent_path()) {
    if (dir.filename() == ".git") return "";  // inside a git directory: no work tree
    if (fs::exists(dir / ".git", ec)) return dir.string();
    if (dir == dir.root_path() || dir.parent_path() == dir) break;
  }
  return "";
}

}  // namespace magpie::git
