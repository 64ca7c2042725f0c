// Whole-file reads and atomic writes: the error paths are values with the right code.
#include "base/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "base/fault_injection.h"

namespace magpie {
namespace {

namespace fs = std::filesystem;

fs::path TempPath(const std::string& name) {
  return fs::temp_directory_path() / ("magpie-file-io-" + std::to_string(::getpid()) + "-" + name);
}

TEST_CASE("WriteFileAtomically then ReadWholeFile round-trips bytes", "[base]") {
  const fs::path path = TempPath("round-trip");
  const std::string bytes("a\0b\nc", 5);
  REQUIRE(WriteFileAtomically(path.string(), bytes).ok());
  Result<std::string> read = ReadWholeFile(path.string());
  REQUIRE(read.ok());
  CHECK(*read == bytes);
  REQUIRE(WriteFileAtomically(path.string(), "second").ok());  // replaces
  CHECK(*ReadWholeFile(path.string()) == "second");
  fs::remove(path);
}

TEST_CASE("ReadWholeFile: missing is kNotFound, a directory is kIoError", "[base]") {
  const Result<std::string> missing = ReadWholeFile(TempPath("missing").string());
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == StatusCode::kNotFound);
  const fs::path dir = TempPath("dir");
  fs::create_directories(dir);
  const Result<std::string> directory = ReadWholeFile(dir.string());
  REQUIRE_FALSE(directory.ok());
  CHECK(directory.status().code() == StatusCode::kIoError);
  fs::remove(dir);
}

TEST_CASE("WriteFileAtomically into a missing directory fails and leaves nothing", "[base]") {
  const fs::path dir = TempPath("no-such-dir");
  const Status s = WriteFileAtomically((dir / "f").string(), "x");
  REQUIRE_FALSE(s.ok());
  CHECK(s.code() == StatusCode::kIoError);
  CHECK(s.message().find((dir / "f").string()) != std::string::npos);
  CHECK_FALSE(fs::exists(dir));
}

// Every file in `dir`, by name.
std::vector<std::string> Names(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename());
  return names;
}

std::string Contents(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

struct ScratchDir {
  fs::path path;
  explicit ScratchDir(const std::string& name) : path(TempPath(name)) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~ScratchDir() { fs::remove_all(path); }
};

TEST_CASE("issue 10: an atomic write is not redirected by a link planted in the directory",
          "[base]") {
  // The temporary name used to be "<path>.tmp-<pid>": anyone able to write in the directory
  // could plant a link there and have magpie overwrite the file it points to.
  ScratchDir dir("planted");
  const fs::path victim = dir.path / "victim";
  std::ofstream(victim) << "precious";
  const fs::path path = dir.path / "baseline.json";
  for (int pid_guess = 0; pid_guess < 3; ++pid_guess) {
    fs::create_symlink(victim, path.string() + ".tmp-" + std::to_string(::getpid() + pid_guess));
  }
  REQUIRE(WriteFileAtomically(path.string(), "new").ok());
  CHECK(Contents(victim) == "precious");
  CHECK(Contents(path) == "new");
  CHECK(fs::is_regular_file(fs::symlink_status(path)));
  CHECK(Names(dir.path).size() == 5);  // victim, the three links, the file: no temporary left
}

TEST_CASE("issue 10: WriteFileAtomicallyAt writes relative to a directory, with its mode",
          "[base]") {
  ScratchDir dir("at");
  const int dir_fd = ::open(dir.path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  REQUIRE(dir_fd >= 0);
  REQUIRE(WriteFileAtomicallyAt(dir_fd, "entry", "bytes", 0600).ok());
  ::close(dir_fd);
  CHECK(Contents(dir.path / "entry") == "bytes");
  struct stat st;
  REQUIRE(::stat((dir.path / "entry").c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0600);
  CHECK(Names(dir.path) == std::vector<std::string>{"entry"});
}

TEST_CASE("issue 10: each failing step of an atomic write leaves the old file and no temporary",
          "[base]") {
  const std::vector<std::pair<const char*, fault::Point>> steps = {
      {"create", fault::Point::kTempCreate},
      {"write", fault::Point::kTempWrite},
      {"fsync", fault::Point::kTempSync},
      {"rename", fault::Point::kRename}};
  for (const auto& [name, point] : steps) {
    DYNAMIC_SECTION(name) {
      ScratchDir dir("fault");
      const fs::path path = dir.path / "file";
      REQUIRE(WriteFileAtomically(path.string(), "old").ok());
      {
        fault::ScopedFault fault(point, ENOSPC);
        const Status written = WriteFileAtomically(path.string(), "new");
        REQUIRE_FALSE(written.ok());
        CHECK(written.code() == StatusCode::kIoError);
        CHECK(written.message().find(path.string()) != std::string::npos);
        CHECK(written.message().find(std::strerror(ENOSPC)) != std::string::npos);
      }
      CHECK(Contents(path) == "old");
      CHECK(Names(dir.path) == std::vector<std::string>{"file"});
      CHECK(WriteFileAtomically(path.string(), "new").ok());  // the fault is gone with its scope
      CHECK(Contents(path) == "new");
    }
  }
}

}  // namespace
}  // namespace magpie
