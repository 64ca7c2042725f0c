// The file walk (issue 14): an error on one entry (EACCES, EMFILE, ENAMETOOLONG, ELOOP, a
// directory removed mid-walk) is a diagnostic naming the path, and the walk goes on with the
// siblings; a link to a directory named on the command line is walked.
#include "pipeline/file_walker.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "base/fault_injection.h"

namespace magpie::pipeline {
namespace {

namespace fs = std::filesystem;

// A fresh directory with three subdirectories a/, b/, c/ holding one file each, plus top.txt.
class Tree {
 public:
  Tree() {
    static int counter = 0;
    root_ = fs::temp_directory_path() /
            ("magpie-walk-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(root_);
    for (const char* d : {"a", "b", "c"}) {
      fs::create_directories(root_ / d / "deeper");
      std::ofstream(root_ / d / "file.txt") << "x\n";
      std::ofstream(root_ / d / "deeper" / "more.txt") << "x\n";
    }
    std::ofstream(root_ / "top.txt") << "x\n";
  }
  ~Tree() {
    std::error_code ec;
    fs::permissions(root_ / "b", fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(root_, ec);
  }
  std::string root() const { return root_.string(); }
  std::string path(const std::string& relative) const { return (root_ / relative).string(); }

 private:
  fs::path root_;
};

bool Has(const std::vector<std::string>& files, const std::string& path) {
  return std::find(files.begin(), files.end(), path) != files.end();
}

// The siblings of b/ were all walked.
void RequireSiblingsWalked(const Tree& tree, const WalkResult& walk) {
  CHECK(Has(walk.files, tree.path("top.txt")));
  CHECK(Has(walk.files, tree.path("a/file.txt")));
  CHECK(Has(walk.files, tree.path("a/deeper/more.txt")));
  CHECK(Has(walk.files, tree.path("c/file.txt")));
  CHECK(Has(walk.files, tree.path("c/deeper/more.txt")));
}

TEST_CASE("issue 14: a directory that cannot be opened is a diagnostic and the walk goes on",
          "[pipeline]") {
  struct Case {
    int error;
    std::string_view expected;
  };
  for (const Case& c : {Case{EACCES, "Permission denied"}, Case{EMFILE, "Too many open files"},
                        Case{ENAMETOOLONG, "File name too long"},
                        Case{ELOOP, "Too many levels of symbolic links"}}) {
    Tree tree;
    const std::string b = tree.path("b");
    fault::ScopedHook fail(fault::Point::kWalkOpenDirectory,
                           [&](std::string_view dir) { return dir == b ? c.error : 0; });
    const WalkResult walk = WalkPaths({tree.root()}, {});
    INFO(c.expected);
    RequireSiblingsWalked(tree, walk);
    CHECK_FALSE(Has(walk.files, tree.path("b/file.txt")));
    REQUIRE(walk.diagnostics.size() == 1);
    CHECK(walk.diagnostics[0].path == b);
    CHECK(walk.diagnostics[0].kind == "unreadable");
    CHECK(walk.diagnostics[0].message.find(c.expected) != std::string::npos);
  }
}

TEST_CASE("issue 14: a directory removed during the walk is a vanished diagnostic", "[pipeline]") {
  Tree tree;
  const std::string b = tree.path("b");
  // Between the listing of the root (which saw b/) and the opening of b/.
  fault::ScopedHook remove(fault::Point::kWalkDescend, [&](std::string_view dir) {
    if (dir == b) fs::remove_all(b);
    return 0;
  });
  const WalkResult walk = WalkPaths({tree.root()}, {});
  RequireSiblingsWalked(tree, walk);
  REQUIRE(walk.diagnostics.size() == 1);
  CHECK(walk.diagnostics[0].path == b);
  CHECK(walk.diagnostics[0].kind == "vanished");
}

TEST_CASE("issue 14: a directory swapped for a link during the walk is refused",
          "[pipeline]") {
  Tree tree;
  const std::string b = tree.path("b");
  fault::ScopedHook swap(fault::Point::kWalkDescend, [&](std::string_view dir) {
    if (dir == b) {
      fs::remove_all(b);
      fs::create_directory_symlink("/", b);  // followed, it would walk the whole machine
    }
    return 0;
  });
  const WalkResult walk = WalkPaths({tree.root()}, {});
  RequireSiblingsWalked(tree, walk);
  REQUIRE(walk.diagnostics.size() == 1);
  CHECK(walk.diagnostics[0].path == b);
  // open(O_DIRECTORY | O_NOFOLLOW) on a link: Linux says ENOTDIR, POSIX allows ELOOP.
  const std::string& message = walk.diagnostics[0].message;
  CHECK((message.find("Not a directory") != std::string::npos ||
         message.find("symbolic links") != std::string::npos));
  CHECK(walk.files.size() == 5);
}

TEST_CASE("issue 14: an unreadable directory (chmod 000, as non-root) is a diagnostic",
          "[pipeline]") {
  if (::geteuid() == 0) {
    WARN("skipped: root reads a chmod 000 directory (the fault-injection test covers it)");
    return;
  }
  Tree tree;
  fs::permissions(tree.path("b"), fs::perms::none);
  const WalkResult walk = WalkPaths({tree.root()}, {});
  RequireSiblingsWalked(tree, walk);
  REQUIRE(walk.diagnostics.size() == 1);
  CHECK(walk.diagnostics[0].path == tree.path("b"));
  CHECK(walk.diagnostics[0].kind == "unreadable");
}

TEST_CASE("issue 14: a path longer than PATH_MAX is a diagnostic, not the end of the walk",
          "[pipeline]") {
  Tree tree;
  // A chain of directories built with mkdirat/openat, whose full path passes PATH_MAX.
  const std::string name(200, 'n');
  int fd = ::open(tree.path("a").c_str(), O_RDONLY | O_DIRECTORY);
  REQUIRE(fd >= 0);
  size_t length = tree.path("a").size();
  int levels = 0;
  while (length < PATH_MAX + 400) {
    REQUIRE(::mkdirat(fd, name.c_str(), 0700) == 0);
    const int next = ::openat(fd, name.c_str(), O_RDONLY | O_DIRECTORY);
    ::close(fd);
    REQUIRE(next >= 0);
    fd = next;
    length += name.size() + 1;
    ++levels;
  }
  ::close(fd);
  const WalkResult walk = WalkPaths({tree.root()}, {});
  RequireSiblingsWalked(tree, walk);
  CHECK(Has(walk.files, tree.path("b/file.txt")));
  REQUIRE(walk.diagnostics.size() == 1);
  CHECK(walk.diagnostics[0].message.find("File name too long") != std::string::npos);
  CHECK(walk.diagnostics[0].path.size() > PATH_MAX);
  // remove_all works on paths, which this chain outgrows; rm walks with openat.
  CHECK(std::system(("rm -rf '" + tree.path("a") + "'").c_str()) == 0);
}

TEST_CASE("issue 14: a link to a directory named as an argument is walked", "[pipeline]") {
  Tree tree;
  const std::string link = tree.path("link-to-a");
  fs::create_directory_symlink(tree.path("a"), link);
  const WalkResult walk = WalkPaths({link}, {});
  CHECK(walk.diagnostics.empty());
  CHECK(Has(walk.files, link + "/file.txt"));
  CHECK(Has(walk.files, link + "/deeper/more.txt"));
  // Met inside a walk, the same link is still not followed (loops).
  const WalkResult whole = WalkPaths({tree.root()}, {});
  CHECK(whole.symlinks_skipped == 1);
  CHECK_FALSE(Has(whole.files, link + "/file.txt"));
}

TEST_CASE("issue 14: a named link that cannot be followed is kept for the reader to report",
          "[pipeline]") {
  Tree tree;
  const std::string loop = tree.path("loop");
  fs::create_symlink(loop, loop);  // stat: ELOOP
  const WalkResult walk = WalkPaths({tree.path("top.txt"), tree.path("nope"), loop}, {});
  CHECK(Has(walk.files, tree.path("top.txt")));
  CHECK(walk.missing == std::vector<std::string>{tree.path("nope")});
  // The named link is read (and the reader reports ELOOP as unreadable), never dropped.
  CHECK(Has(walk.files, loop));
  CHECK(walk.explicit_files.count(loop) == 1);
}

}  // namespace
}  // namespace magpie::pipeline
