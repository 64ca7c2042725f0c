#include "pipeline/file_walker.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "base/fault_injection.h"

namespace magpie::pipeline {
namespace {

// The argument's spelling without leading "./" ("./src/a.py" → "src/a.py").
std::string Display(std::string path) {
  while (path.size() > 2 && path.compare(0, 2, "./") == 0) path.erase(0, 2);
  return path;
}

std::string Join(const std::string& directory, const char* name) {
  std::string path = directory;
  if (path.empty() || path.back() != '/') path += '/';
  path += name;
  return Display(std::move(path));
}

enum class Kind { kDirectory, kSymlink, kOther };

struct Entry {
  std::string path;
  Kind kind;
};

// A walk in the manner of fts: each directory is opened, listed whole and closed before any
// of its subdirectories is opened, so that the walk holds one descriptor whatever the depth
// (a deep tree under a low `ulimit -n` is walked to the bottom), and every error is about one
// entry: it becomes a diagnostic naming the path, and the walk goes on with the siblings.
// Entries are typed from readdir's d_type, with an lstat only where the file system gives none.
class Walker {
 public:
  Walker(const WalkOptions& options, WalkResult* out) : options_(options), out_(out) {}

  // Walks the directory `root` (the argument as spelt; a link to a directory is followed
  // here, because the user named it).
  void Walk(const std::string& root) {
    std::vector<std::string> pending = {root};
    bool is_root = true;
    std::vector<Entry> entries;
    while (!pending.empty()) {
      const std::string directory = std::move(pending.back());
      pending.pop_back();
      entries.clear();
      if (!List(directory, is_root, &entries)) continue;
      is_root = false;
      for (Entry& entry : entries) {
        if (entry.kind == Kind::kDirectory) {
          pending.push_back(std::move(entry.path));
        } else {
          AddFile(std::move(entry.path), entry.kind);
        }
      }
    }
  }

 private:
  void Problem(const std::string& path, int error, const char* what) {
    // A directory that vanished between its listing and its opening is its own kind: the
    // tree changed under the scan, which is not the same as a permission problem.
    const bool vanished = error == ENOENT;
    out_->diagnostics.push_back({path, vanished ? "vanished" : "unreadable",
                                 std::string(what) + ": " + std::strerror(error) +
                                     (vanished ? " (removed during the walk?)" : "")});
  }

  // Appends the entries of `directory` to `entries`; false when it cannot be opened (a
  // diagnostic says why). A read error part-way keeps what was listed, with a diagnostic.
  bool List(const std::string& directory, bool is_root, std::vector<Entry>* entries) {
    if (!is_root) {
      if (const int error = fault::InjectedFor(fault::Point::kWalkDescend, directory)) {
        Problem(directory, error, "cannot open directory");
        return false;
      }
    }
    int error = fault::InjectedFor(fault::Point::kWalkOpenDirectory, directory);
    // O_NOFOLLOW below the root: a directory swapped for a link after its listing is refused
    // (ELOOP) rather than followed out of the tree.
    const int fd = error != 0 ? -1
                              : open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC |
                                                            (is_root ? 0 : O_NOFOLLOW));
    if (fd < 0) {
      Problem(directory, error != 0 ? error : errno, "cannot open directory");
      return false;
    }
    DIR* dir = fdopendir(fd);
    if (dir == nullptr) {
      Problem(directory, errno, "cannot open directory");
      close(fd);
      return false;
    }
    while (true) {
      errno = 0;
      const dirent* d = readdir(dir);
      if (d == nullptr) {
        if (errno != 0) Problem(directory, errno, "cannot list directory");
        break;
      }
      const char* name = d->d_name;
      if (name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0'))) continue;
      unsigned char type = d->d_type;
      if (type == DT_UNKNOWN) {
        struct stat st;
        if (fstatat(dirfd(dir), name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
          Problem(Join(directory, name), errno, "cannot stat");
          continue;
        }
        type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISLNK(st.st_mode) ? DT_LNK : DT_REG;
      }
      if (type == DT_DIR) {
        if (std::strcmp(name, ".git") == 0) continue;
        std::string path = Join(directory, name);
        if (options_.excluder && options_.excluder->ExcludesEntry(path, true)) {
          ++out_->excluded;
          continue;
        }
        entries->push_back({std::move(path), Kind::kDirectory});
      } else if (type == DT_LNK) {
        // Whether a followed link leads to a directory (never walked: loops) is known only
        // from the target, while the directory is still open.
        struct stat target;
        const bool to_directory = options_.follow_symlinks &&
                                  fstatat(dirfd(dir), name, &target, 0) == 0 &&
                                  S_ISDIR(target.st_mode);
        entries->push_back({Join(directory, name),
                            options_.follow_symlinks && !to_directory ? Kind::kOther
                                                                      : Kind::kSymlink});
      } else {
        entries->push_back({Join(directory, name), Kind::kOther});
      }
    }
    closedir(dir);
    return true;
  }

  void AddFile(std::string path, Kind kind) {
    if (kind == Kind::kSymlink) {
      ++out_->symlinks_skipped;
      return;
    }
    if (options_.excluder && options_.excluder->ExcludesEntry(path, false)) {
      ++out_->excluded;
      return;
    }
    out_->files.push_back(std::move(path));
  }

  const WalkOptions& options_;
  WalkResult* out_;
};

}  // namespace

WalkResult WalkPaths(const std::vector<std::string>& arguments, const WalkOptions& options) {
  WalkResult result;
  Walker walker(options, &result);
  for (const std::string& argument : arguments) {
    if (argument == "-") {
      result.files.push_back("-");
      continue;
    }
    const std::string path = Display(argument);
    struct stat st;
    if (lstat(argument.c_str(), &st) != 0) {
      // Not there at all is a usage error; there but not reachable (EACCES, ELOOP,
      // ENAMETOOLONG on the way) is a path the user named that cannot be read.
      if (errno == ENOENT || errno == ENOTDIR) {
        result.missing.push_back(argument);
      } else {
        result.diagnostics.push_back(
            {path, "unreadable", std::string("cannot stat: ") + std::strerror(errno)});
      }
      continue;
    }
    // What the user names is never skipped in silence: a link to a directory is walked (the
    // links inside it follow the flag), a link to anything else is read (file_source.cc).
    bool is_directory = S_ISDIR(st.st_mode);
    struct stat target;
    if (S_ISLNK(st.st_mode) && stat(argument.c_str(), &target) == 0) {
      is_directory = S_ISDIR(target.st_mode);
    }
    if (options.excluder && options.excluder->ExcludesPath(path, is_directory)) {
      ++result.excluded;
    } else if (is_directory) {
      walker.Walk(argument);
    } else {
      result.files.push_back(path);  // named explicitly: read it, link or not
      result.explicit_files.insert(path);
    }
  }
  std::sort(result.files.begin(), result.files.end());
  result.files.erase(std::unique(result.files.begin(), result.files.end()), result.files.end());
  return result;
}

}  // namespace magpie::pipeline
