// Slow suites of issue 14 (`ctest -L slow`, scripts/test.sh --slow): a tree of a million tiny
// files and a 2,000-level deep tree. Each asserts that the scan completes, finds the planted
// secrets, and stays under an RSS ceiling read from wait4() of the magpie child. The trees are
// generated in a temporary directory and removed afterwards.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>

#include "cli_harness.h"

namespace magpie::clitest {
namespace {

struct ChildRun {
  int exit_code = -1;
  long max_rss_kib = 0;  // ru_maxrss of the child itself
  double seconds = 0;
  std::string out;
  std::string err;
};

// Runs `magpie args...` in `cwd` as a direct child, so that wait4 gives its own peak RSS.
ChildRun RunMeasured(const Sandbox& box, const fs::path& cwd, std::vector<std::string> args) {
  const fs::path out = box.io() / "stdout";
  const fs::path err = box.io() / "stderr";
  std::vector<std::string> argv = {MAGPIE_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> pointers;
  for (std::string& a : argv) pointers.push_back(a.data());
  pointers.push_back(nullptr);
  const std::string cache = "MAGPIE_CACHE_DIR=" + SharedCacheDir().string();
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    const int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (o < 0 || e < 0 || dup2(o, 1) < 0 || dup2(e, 2) < 0 || chdir(cwd.c_str()) != 0) _exit(127);
    putenv(const_cast<char*>(cache.c_str()));
    execv(pointers[0], pointers.data());
    _exit(127);
  }
  ChildRun run;
  int status = 0;
  struct rusage usage {};
  REQUIRE(pid > 0);
  REQUIRE(wait4(pid, &status, 0, &usage) == pid);
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  run.max_rss_kib = usage.ru_maxrss;
  run.out = ReadFile(out);
  run.err = ReadFile(err);
  return run;
}

void WriteSmall(const std::string& path, std::string_view content) {
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  REQUIRE(fd >= 0);
  REQUIRE(write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size()));
  close(fd);
}

void RemoveTree(const fs::path& path) {
  // rm walks with openat, so it also removes trees deeper than PATH_MAX.
  CHECK(std::system(("rm -rf " + ShellQuote(path.string())).c_str()) == 0);
}

const std::string kSecretLine = "export AWS_ACCESS_KEY_ID=" + std::string(kAwsKey) + "\n";

TEST_CASE("issue 14: a million tiny files are scanned in bounded memory", "[.slow][cli]") {
  Sandbox box;
  const fs::path tree = box.work() / "million";
  constexpr int kDirs = 1000;
  constexpr int kFilesPerDir = 1000;
  for (int d = 0; d < kDirs; ++d) {
    const std::string dir = (tree / ("d" + std::to_string(d))).string();
    fs::create_directories(dir);
    for (int f = 0; f < kFilesPerDir; ++f) {
      // Ten planted secrets, spread through the tree.
      const bool planted = f == 500 && d % 100 == 7;
      WriteSmall(dir + "/f" + std::to_string(f) + ".txt",
                 planted ? std::string_view(kSecretLine) : std::string_view("x = 1\n"));
    }
  }
  const ChildRun run = RunMeasured(box, box.work(), {"scan", "-q", "--format", "json", "million"});
  WARN("1,000,000 files: " << run.seconds << " s, max RSS " << run.max_rss_kib / 1024 << " MiB");
  INFO(run.err);
  CHECK(run.exit_code == 1);
  const nlohmann::json report = ParseJson(run.out);
  REQUIRE(report.is_object());
  CHECK(report["summary"]["files_scanned"] == kDirs * kFilesPerDir);
  CHECK(FindingsOf(report, kAwsRule).size() == 10);
  CHECK(report["diagnostics"].empty());
  // Measured 92 MiB (the sorted file list, not the files' bytes): the ceiling leaves room.
  CHECK(run.max_rss_kib < 256 * 1024);
  RemoveTree(tree);
}

TEST_CASE("issue 14: a 2000-level deep tree is walked to the bottom", "[.slow][cli]") {
  Sandbox box;
  constexpr int kDepth = 2000;
  // Built with mkdirat/openat: one-letter names keep the deepest relative path under PATH_MAX
  // ("d/" x 2000 is 4,000 bytes), so every level can be read by path.
  int fd = open(box.work().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  REQUIRE(fd >= 0);
  for (int level = 1; level <= kDepth; ++level) {
    REQUIRE(mkdirat(fd, "d", 0755) == 0);
    const int next = openat(fd, "d", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    close(fd);
    REQUIRE(next >= 0);
    fd = next;
    const bool planted = level == 1000 || level == kDepth;
    const std::string content = planted ? kSecretLine : "x = 1\n";
    const int file = openat(fd, "f", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    REQUIRE(file >= 0);
    REQUIRE(write(file, content.data(), content.size()) == static_cast<ssize_t>(content.size()));
    close(file);
  }
  close(fd);
  const ChildRun run = RunMeasured(box, box.work(), {"scan", "-q", "--format", "json", "."});
  WARN("2,000 levels: " << run.seconds << " s, max RSS " << run.max_rss_kib / 1024 << " MiB");
  INFO(run.err);
  CHECK(run.exit_code == 1);
  const nlohmann::json report = ParseJson(run.out);
  REQUIRE(report.is_object());
  CHECK(report["summary"]["files_scanned"] == kDepth);
  const std::vector<nlohmann::json> found = FindingsOf(report, kAwsRule);
  REQUIRE(found.size() == 2);
  size_t deepest = 0;
  for (const nlohmann::json& f : found) {
    deepest = std::max(deepest, f["path"].get<std::string>().size());
  }
  CHECK(deepest == 2 * kDepth + 1);  // "d/" x 2000 + "f"
  CHECK(report["diagnostics"].empty());
  CHECK(run.max_rss_kib < 128 * 1024);  // measured 25 MiB
  RemoveTree(box.work() / "d");
}

}  // namespace
}  // namespace magpie::clitest
