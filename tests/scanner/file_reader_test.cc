#include "scanner/file_reader.h"

#include <catch2/catch.hpp>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <thread>

#include <cstring>

#include "base/fault_injection.h"

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

TEST_CASE("small and large files read whole", "[scanner]") {
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

// --- issue 10: what is opened for scanning is what was checked -----------------------------

TEST_CASE("issue 10: a FIFO or a device named explicitly is refused, never read", "[scanner]") {
  TempDir dir;
  const fs::path fifo = dir.path / "fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  fs::create_symlink(fifo, dir.path / "to-fifo");
  fs::create_symlink("/dev/zero", dir.path / "to-zero");
  FileReadOptions named;  // what the user names is followed (pipeline/file_source.cc)
  named.follow_symlinks = true;
  for (const fs::path& path : {fifo, dir.path / "to-fifo", fs::path("/dev/zero"),
                               fs::path("/dev/null"), dir.path / "to-zero"}) {
    INFO(path);
    const FileReadResult result = ReadFileForScan(path.string(), named);
    CHECK_FALSE(result.content);
    CHECK(result.skipped == SkipReason::kNotRegular);
  }
}

// Swaps `target` between the files `a` and `b` (hard links renamed over it: the path always
// exists, as one or the other) on a thread of its own, until destroyed.
class Swapper {
 public:
  Swapper(fs::path target, fs::path a, fs::path b)
      : target_(std::move(target)), a_(std::move(a)), b_(std::move(b)) {
    REQUIRE(::linkat(AT_FDCWD, a_.c_str(), AT_FDCWD, target_.c_str(), 0) == 0);
    thread_ = std::thread([this] { Run(); });
  }
  ~Swapper() {
    stop_ = true;
    thread_.join();
  }

 private:
  void Run() {
    const std::string temp = target_.string() + ".swap";
    for (uint64_t i = 0; !stop_; ++i) {
      ::unlink(temp.c_str());
      // linkat without AT_SYMLINK_FOLLOW links a symbolic link itself.
      if (::linkat(AT_FDCWD, (i % 2 ? a_ : b_).c_str(), AT_FDCWD, temp.c_str(), 0) == 0) {
        ::rename(temp.c_str(), target_.c_str());
      }
    }
  }
  fs::path target_, a_, b_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

// Reads `path` over and over for about a second while a Swapper changes what it is, and
// returns the first outcome `allowed` refuses ("" when every read was allowed). A read that
// blocks (an open waiting on a FIFO for a writer) is detected by a watchdog, unblocked by
// opening `fifo` for writing, and reported as "hung".
std::string RaceReads(const fs::path& path, const FileReadOptions& options,
                      const std::function<bool(const FileReadResult&)>& allowed,
                      const fs::path& fifo = {}) {
  std::atomic<uint64_t> reads{0};
  std::atomic<bool> done{false};
  std::atomic<bool> hung{false};
  std::thread watchdog([&] {
    uint64_t seen = 0;
    auto last_progress = std::chrono::steady_clock::now();
    while (!done) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      if (reads != seen) {
        seen = reads;
        last_progress = std::chrono::steady_clock::now();
      } else if (std::chrono::steady_clock::now() - last_progress > std::chrono::seconds(2)) {
        hung = true;
        if (!fifo.empty()) {
          const int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);  // wakes the reader
          if (fd >= 0) ::close(fd);
        }
        last_progress = std::chrono::steady_clock::now();
      }
    }
  });
  std::string refused;
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(1);
  while (refused.empty() && !hung && std::chrono::steady_clock::now() < until) {
    const FileReadResult result = ReadFileForScan(path.string(), options);
    if (!allowed(result)) {
      refused = std::string(ToString(result.skipped)) + ": " + result.message;
      if (result.content) refused += "read " + std::to_string(result.content->data().size()) + " bytes";
    }
    ++reads;
  }
  done = true;
  watchdog.join();
  return hung ? "hung" : refused;
}

TEST_CASE("issue 10: a file swapped for a FIFO after the walk is not waited on", "[scanner]") {
  TempDir dir;
  const fs::path regular = dir.Write("regular", "REGULAR\n");
  const fs::path fifo = dir.path / "fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const fs::path target = dir.path / "target";
  Swapper swapper(target, regular, fifo);
  for (const bool follow : {false, true}) {
    FileReadOptions options;
    options.follow_symlinks = follow;
    INFO("follow_symlinks " << follow);
    CHECK(RaceReads(target, options,
                    [](const FileReadResult& r) {
                      return r.content ? r.content->data() == "REGULAR\n"
                                       : r.skipped == SkipReason::kNotRegular;
                    },
                    fifo) == "");
  }
}

TEST_CASE("issue 10: a file swapped for a symbolic link is not followed", "[scanner]") {
  TempDir dir;
  const fs::path regular = dir.Write("regular", "REGULAR\n");
  dir.Write("secret", "SECRET\n");
  const fs::path link = dir.path / "link";
  fs::create_symlink(dir.path / "secret", link);
  const fs::path target = dir.path / "target";
  Swapper swapper(target, regular, link);
  // Never the link's target, and a link met is a policy skip (symlink), not an error.
  CHECK(RaceReads(target, {}, [](const FileReadResult& r) {
          return r.content ? r.content->data() == "REGULAR\n" : r.skipped == SkipReason::kSymlink;
        }) == "");
}

TEST_CASE("issue 10: a link retargeted to a device is refused, not read", "[scanner]") {
  TempDir dir;
  const fs::path regular = dir.Write("regular", "REGULAR\n");
  const fs::path to_regular = dir.path / "to-regular";
  const fs::path to_zero = dir.path / "to-zero";
  fs::create_symlink(regular, to_regular);
  fs::create_symlink("/dev/zero", to_zero);
  const fs::path target = dir.path / "target";
  Swapper swapper(target, to_regular, to_zero);
  FileReadOptions named;
  named.follow_symlinks = true;
  named.max_file_size = 1 << 20;
  CHECK(RaceReads(target, named, [](const FileReadResult& r) {
          return r.content ? r.content->data() == "REGULAR\n"
                           : r.skipped == SkipReason::kNotRegular;
        }) == "");
}

// --- issue 14: a file that shrinks while it is read --------------------------------------

namespace {
void TruncateToTen(const std::string& path) { (void)::truncate(path.c_str(), 10); }
}  // namespace

TEST_CASE("issue 14: a file that shrinks while being read is a diagnostic or a clean read and never SIGBUS",
          "[scanner]") {
  TempDir dir;
  const std::string big(1 << 20, 'x');  // large enough that the old reader mapped it
  SECTION("truncated between fstat and the first read (fault injection)") {
    const std::string path = dir.Write("shrinks", big).string();
    testing::SetAfterStatHook(TruncateToTen);
    FileReadResult result = ReadFileForScan(path, {});
    testing::SetAfterStatHook(nullptr);
    REQUIRE(result.content);
    CHECK(result.content->data() == big.substr(0, 10));
  }
  SECTION("a read error is a diagnostic") {
    const std::string path = dir.Write("eio", big).string();
    magpie::fault::ScopedFault eio(magpie::fault::Point::kScanFileRead, EIO);
    FileReadResult result = ReadFileForScan(path, {});
    CHECK_FALSE(result.content);
    CHECK(result.skipped == SkipReason::kUnreadable);
    CHECK(result.message == std::strerror(EIO));
  }
  SECTION("truncated for real, again and again, while another thread reads it") {
    const std::string path = dir.Write("flapping", big).string();
    std::atomic<bool> stop{false};
    std::thread truncator([&] {
      while (!stop) {
        (void)::truncate(path.c_str(), 0);
        std::ofstream(path, std::ios::binary | std::ios::in | std::ios::out) << big;
      }
    });
    for (int i = 0; i < 300; ++i) {
      FileReadResult result = ReadFileForScan(path, {});
      if (result.content) {
        size_t sum = 0;  // touch every byte, as a scan would
        for (char c : result.content->data()) sum += static_cast<unsigned char>(c);
        CHECK(sum <= big.size() * 'x');
      } else {
        CHECK(result.skipped != SkipReason::kNone);
      }
    }
    stop = true;
    truncator.join();
  }
}

TEST_CASE("issue 14: a file above stream_above is handed over as a stream", "[scanner]") {
  TempDir dir;
  const std::string bytes(5000, 'y');
  FileReadOptions options;
  options.stream_above = 4096;
  FileReadResult result = ReadFileForScan(dir.Write("big", bytes).string(), options);
  CHECK_FALSE(result.content);
  REQUIRE(result.stream);
  CHECK(result.stream->expected_size() == 5000);
  std::string read;
  char buffer[1000];
  while (true) {
    magpie::Result<size_t> n = result.stream->Read(buffer, sizeof buffer);
    REQUIRE(n.ok());
    if (*n == 0) break;
    read.append(buffer, *n);
  }
  CHECK(read == bytes);
}
