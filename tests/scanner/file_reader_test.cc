#include "scanner/file_reader.h"

#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace magpie::scanner;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("magpie-fr-" + std::to_string(getpid()) + "-" +
                                        std::to_string(rand()));
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  fs::path Write(const std::string& name, const std::string& bytes) {
    std::ofstream(path / name, std::ios::binary) << bytes;
    return path / name;
  }
};

}  // namespace

TEST_CASE("small and mapped files read whole", "[scanner]") {
  TempDir dir;
  const std::string big(200 * 1024, 'x');  // above the mmap threshold
  for (const std::string& content : {std::string("hello"), big, std::string()}) {
    auto result = ReadFileForScan(dir.Write("f", content).string(), {});
    REQUIRE(result.content);
    CHECK(result.content->data() == content);
  }
}

TEST_CASE("skips say why", "[scanner]") {
  TempDir dir;
  FileReadOptions options;
  options.max_file_size = 10;
  auto large = ReadFileForScan(dir.Write("large", std::string(11, 'a')).string(), options);
  CHECK_FALSE(large.content);
  CHECK(large.skipped == SkipReason::kTooLarge);

  auto binary = ReadFileForScan(dir.Write("bin", std::string("a\0b", 3)).string(), {});
  CHECK(binary.skipped == SkipReason::kBinary);
  FileReadOptions include;
  include.include_binary = true;
  CHECK(ReadFileForScan((dir.path / "bin").string(), include).content);

  fs::create_symlink(dir.path / "bin", dir.path / "link");
  CHECK(ReadFileForScan((dir.path / "link").string(), {}).skipped == SkipReason::kSymlink);

  auto missing = ReadFileForScan((dir.path / "nope").string(), {});
  CHECK(missing.skipped == SkipReason::kUnreadable);
  CHECK_FALSE(missing.message.empty());
  CHECK(ReadFileForScan(dir.path.string(), {}).skipped == SkipReason::kNotRegular);
}
