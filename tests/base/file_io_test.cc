// Whole-file reads and atomic writes: the error paths are values with the right code.
#include "base/file_io.h"

#include <unistd.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

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

}  // namespace
}  // namespace magpie
