// Issue 15: the file of secrets is created new, 0600, never through a link; every failure is a
// value.
#include "base/exclusive_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "base/fault_injection.h"

namespace magpie {
namespace {

namespace fs = std::filesystem;

fs::path TempPath(const std::string& name) {
  return fs::temp_directory_path() /
         ("magpie-exclusive-" + std::to_string(::getpid()) + "-" + name);
}

std::string Read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("issue 15: an exclusive file is created 0600 whatever the umask", "[base]") {
  const fs::path path = TempPath("new");
  fs::remove(path);
  const mode_t old_umask = ::umask(0);
  Result<ExclusiveFile> file = ExclusiveFile::Create(path.string());
  ::umask(old_umask);
  REQUIRE(file.ok());
  REQUIRE(file->Write("secret\n").ok());
  struct stat st{};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(Read(path) == "secret\n");
  CHECK(file->Write("again").code() == StatusCode::kIoError);  // written once
  fs::remove(path);
}

TEST_CASE("issue 15: an exclusive file refuses an existing file and a link", "[base]") {
  const fs::path existing = TempPath("existing");
  std::ofstream(existing) << "keep";
  Result<ExclusiveFile> file = ExclusiveFile::Create(existing.string());
  REQUIRE_FALSE(file.ok());
  CHECK(file.status().message().find("already exists") != std::string::npos);
  CHECK(Read(existing) == "keep");

  const fs::path link = TempPath("link");
  const fs::path target = TempPath("target");
  fs::remove(link);
  fs::remove(target);
  fs::create_symlink(target, link);  // dangling: O_CREAT alone would create the target
  file = ExclusiveFile::Create(link.string());
  REQUIRE_FALSE(file.ok());
  CHECK(file.status().message().find("symbolic link") != std::string::npos);
  CHECK_FALSE(fs::exists(target));
  fs::remove(link);
  fs::remove(existing);
}

TEST_CASE("issue 15: exclusive file failures to create or write are errors", "[base]") {
  const fs::path path = TempPath("faults");
  fs::remove(path);
  {
    fault::ScopedFault denied(fault::Point::kExclusiveCreate, EACCES);
    Result<ExclusiveFile> file = ExclusiveFile::Create(path.string());
    REQUIRE_FALSE(file.ok());
    CHECK(file.status().code() == StatusCode::kIoError);
    CHECK_FALSE(fs::exists(path));
  }
  Result<ExclusiveFile> file = ExclusiveFile::Create(path.string());
  REQUIRE(file.ok());
  {
    fault::ScopedFault full(fault::Point::kExclusiveWrite, ENOSPC);
    const Status written = file->Write("secret");
    CHECK(written.code() == StatusCode::kIoError);
    CHECK(written.message().find("No space left") != std::string::npos);
  }
  fs::remove(path);
}
}  // namespace magpie
