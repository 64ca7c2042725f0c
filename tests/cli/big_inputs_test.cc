// Issue 14, end to end: UTF-16 and UTF-8-BOM text is decoded and scanned; a file or blob larger
// than the scan window is streamed window by window with the findings of a whole scan; the
// slow suites ([slow]) scan 1 GB and 2 GB inputs under an RSS ceiling.
#include <catch2/catch.hpp>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "cli_harness.h"

namespace magpie::clitest {
namespace {

// Runs a shell command in work/ with git's user and system configuration kept out.
int Sh(const Sandbox& box, const std::string& command) {
  const std::string full = "cd " + ShellQuote(box.work().string()) +
                           " && export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null && (" +
                           command + ") >/dev/null 2>&1 </dev/null";
  const int status = std::system(full.c_str());
  return status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void CommitAll(const Sandbox& box) {
  REQUIRE(Sh(box, "git init -q -b main . && git -c core.compression=0 add -A && "
                  "git -c user.name=t -c user.email=t@e -c core.compression=0 commit -q -m c") ==
          0);
}

// `text` (ASCII) as UTF-16 code units in the given byte order.
std::string Utf16(const std::string& text, bool big_endian) {
  std::string out(text.size() * 2, '\0');
  for (size_t i = 0; i < text.size(); ++i) out[2 * i + (big_endian ? 1 : 0)] = text[i];
  return out;
}

const std::string kText = "first line\r\nkey = " + std::string(kAwsKey) + "\r\n";

// The encodings of kText to test, by file name.
std::vector<std::pair<std::string, std::string>> Encoded() {
  return {{"le-bom.txt", "\xFF\xFE" + Utf16(kText, false)},
          {"be-bom.txt", "\xFE\xFF" + Utf16(kText, true)},
          {"le-nobom.txt", Utf16(kText, false)},
          {"utf8-bom.txt", "\xEF\xBB\xBF" + kText}};
}

// (rule, line, column, secret) of each finding, in report order.
std::vector<std::string> Positions(const nlohmann::json& report) {
  std::vector<std::string> out;
  for (const nlohmann::json& f : report["findings"]) {
    out.push_back(f.value("rule", "") + " " + f.value("path", "") + ":" +
                  std::to_string(f.value("start_line", 0)) + ":" +
                  std::to_string(f.value("start_column", 0)) + " " + f.value("secret", ""));
  }
  return out;
}

void CheckDecodedFinding(const CliRun& run, const std::string& name) {
  INFO(name << "\n" << run.out << run.err);
  CHECK(run.exit_code == 1);
  const nlohmann::json report = ParseJson(run.out);
  const std::vector<nlohmann::json> found = FindingsOf(report, kAwsRule);
  REQUIRE(found.size() == 1);
  CHECK(found[0]["path"] == name);
  CHECK(found[0]["start_line"] == 2);
  CHECK(found[0]["start_column"] == 7);
  CHECK(report["summary"]["skipped"].empty());
}

// A text of about `size` bytes with an AWS key near the start, one on each side of every
// `window`-sized boundary and one at the very end; with `newlines` false it is one line.
std::string Planted(size_t size, size_t window, bool newlines) {
  const std::string filler = newlines ? "some ordinary text, nothing secret here 0123456789\n"
                                      : "some ordinary text, nothing secret here 0123456789 ";
  std::string out = "start " + std::string(kAwsKey) + " ";
  for (size_t edge = window; edge < size; edge += window) {
    while (out.size() + filler.size() < edge - 10) out += filler;
    out += " AKIAQYLPMN5HHHFPZAM3 ";  // crosses the boundary
  }
  while (out.size() < size) out += filler;
  return out + " AKIAQYLPMN5HHHFPZAM4";
}

}  // namespace

TEST_CASE("issue 14: UTF-16 and UTF-8-BOM files are decoded and scanned with decoded positions",
          "[cli]") {
  Sandbox box;
  for (const auto& [name, bytes] : Encoded()) {
    box.Write(name, bytes);
    CheckDecodedFinding(box.Run("scan " + name + " -f json -q"), name);
  }
}

TEST_CASE("issue 14: a UTF-16 blob in history is decoded and scanned", "[cli][git]") {
  // One blob per run, so that each encoding's finding is checked on its own.
  for (const auto& [name, bytes] : Encoded()) {
    Sandbox one;
    one.Write(name, bytes);
    CommitAll(one);
    CheckDecodedFinding(one.Run("git . -f json -q"), name);
  }
}

TEST_CASE("issue 14: a file larger than the scan window is streamed with a whole scan's findings",
          "[cli]") {
  Sandbox box;
  for (bool newlines : {true, false}) {
    INFO("newlines: " << newlines);
    box.Write("big.txt", Planted(900 << 10, 256 << 10, newlines) +
                             "\nhidden = AKIAQYLPMN5HHHFPZAM5  # magpie:allow\n");
    const CliRun whole = box.Run("scan big.txt -f json -q --show-secrets");
    const CliRun streamed = box.Run("scan big.txt -f json -q --show-secrets --scan-window-kib 256");
    REQUIRE(whole.exit_code == 1);
    REQUIRE(streamed.exit_code == 1);
    const nlohmann::json whole_report = ParseJson(whole.out);
    const nlohmann::json streamed_report = ParseJson(streamed.out);
    CHECK(Positions(whole_report).size() == 5);  // the sixth is allowed inline
    CHECK(Positions(streamed_report) == Positions(whole_report));
    CHECK(whole_report["summary"]["suppressed"].dump() == R"({"inline":1})");
    CHECK(streamed_report["summary"]["suppressed"] == whole_report["summary"]["suppressed"]);
    CHECK(streamed_report["summary"]["bytes_scanned"] == whole_report["summary"]["bytes_scanned"]);
  }
}

TEST_CASE("issue 14: a blob larger than the scan window is streamed through git cat-file",
          "[cli][git]") {
  Sandbox box;
  box.Write("big.txt", Planted(900 << 10, 256 << 10, true));
  CommitAll(box);
  const CliRun whole = box.Run("git . -f json -q --show-secrets");
  const CliRun streamed = box.Run("git . -f json -q --show-secrets --scan-window-kib 256");
  REQUIRE(whole.exit_code == 1);
  REQUIRE(streamed.exit_code == 1);
  // One history finding per (rule, secret, path) (issue 11): the three boundary-crossing
  // copies of one key are one finding, at the first; the file scan above counts all five.
  CHECK(Positions(ParseJson(whole.out)).size() == 3);
  CHECK(Positions(ParseJson(streamed.out)) == Positions(ParseJson(whole.out)));
  // Without a git to stream it, the blob is a diagnostic naming it and the run exits 2.
  const fs::path out = box.io() / "no-git.json";
  const std::string command = "cd " + ShellQuote(box.work().string()) +
                              " && PATH=/nonexistent MAGPIE_CACHE_DIR=" +
                              ShellQuote(SharedCacheDir().string()) + " " +
                              ShellQuote(MAGPIE_BINARY) + " git . -f json -q --scan-window-kib 256 >" +
                              ShellQuote(out.string()) + " 2>/dev/null";
  const int status = std::system(command.c_str());
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 2);
  const nlohmann::json report = ParseJson(ReadFile(out));
  REQUIRE(report["diagnostics"].size() == 1);
  CHECK(report["diagnostics"][0]["path"] == "big.txt");
  CHECK(report["diagnostics"][0]["message"].get<std::string>().find("git cat-file") !=
        std::string::npos);
}

// --- slow suites: huge inputs under an RSS ceiling ------------------------------------------
namespace {

constexpr uint64_t kMiB = uint64_t{1} << 20;
constexpr long kRssCeilingKib = 256 * 1024;  // issue 14: under 256 MB for a 2 GB input

struct Measured {
  int exit_code = -1;
  long max_rss_kib = 0;  // of magpie and the children it waited for (git cat-file)
  double seconds = 0;
  nlohmann::json report;
};

// Runs magpie with `args` in `cwd`, its JSON report to a file; measures its peak RSS with wait4.
Measured RunMeasured(const Sandbox& box, const std::vector<std::string>& args) {
  const fs::path out = box.io() / "report.json";
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    if (chdir(box.work().c_str()) != 0) _exit(127);
    setenv("MAGPIE_CACHE_DIR", SharedCacheDir().c_str(), 1);
    setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
    if (!freopen(out.c_str(), "w", stdout) || !freopen("/dev/null", "w", stderr)) _exit(127);
    std::vector<char*> argv = {const_cast<char*>(MAGPIE_BINARY)};
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(MAGPIE_BINARY, argv.data());
    _exit(127);
  }
  Measured m;
  int status = 0;
  struct rusage usage {};
  REQUIRE(wait4(pid, &status, 0, &usage) == pid);
  m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  m.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  m.max_rss_kib = usage.ru_maxrss;
  m.report = ParseJson(ReadFile(out));
  return m;
}

struct Position {
  uint64_t line = 1;
  uint64_t column = 1;
};

// Writes `size` bytes of text to `path` without holding them: an AWS key near the start, one
// crossing the 64 MiB window boundary and one at the end; one line when !newlines. With
// `distinct`, the three keys differ (a history scan reports a secret once per path, so three
// copies of one key would be one finding). Returns where each key starts.
std::vector<Position> WriteHuge(const fs::path& path, uint64_t size, bool newlines,
                                bool distinct = false) {
  std::string block;
  const std::string filler = newlines ? "ordinary text with nothing secret in it, 0123456789\n"
                                      : "ordinary text with nothing secret in it, 0123456789 ";
  while (block.size() < kMiB) block += filler;
  block.resize(kMiB);
  std::FILE* f = std::fopen(path.c_str(), "wb");
  REQUIRE(f != nullptr);
  uint64_t written = 0;
  Position at;
  auto write = [&](const char* bytes, size_t n) {
    for (size_t i = 0; i < n; ++i) {
      if (bytes[i] == '\n') {
        ++at.line;
        at.column = 1;
      } else {
        ++at.column;
      }
    }
    written += std::fwrite(bytes, 1, n, f);
  };
  const std::string separator = newlines ? "\n" : " ";
  std::string key = separator + std::string(kAwsKey) + separator;
  std::vector<Position> keys;
  for (uint64_t offset : {uint64_t{100}, 64 * kMiB - 10, size - key.size()}) {
    if (distinct) key[key.size() - 2] = static_cast<char>('2' + keys.size());  // [A-Z2-7]
    while (written + block.size() <= offset) write(block.data(), block.size());
    write(block.data(), offset - written);
    write(key.data(), 1);
    keys.push_back(at);
    write(key.data() + 1, key.size() - 1);
  }
  std::fclose(f);
  REQUIRE(written == size);
  return keys;
}

void CheckHugeScan(const Measured& m, const std::vector<Position>& keys, const std::string& what) {
  INFO(what << ": exit " << m.exit_code << ", " << m.seconds << " s, max RSS " << m.max_rss_kib
            << " KiB");
  WARN(what << ": " << m.seconds << " s, max RSS " << m.max_rss_kib / 1024 << " MiB");
  CHECK(m.exit_code == 1);
  CHECK(m.max_rss_kib < kRssCeilingKib);
  std::vector<nlohmann::json> found = FindingsOf(m.report, kAwsRule);
  REQUIRE(found.size() == keys.size());
  std::sort(found.begin(), found.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
    return std::make_pair(a["start_line"].get<uint64_t>(), a["start_column"].get<uint64_t>()) <
           std::make_pair(b["start_line"].get<uint64_t>(), b["start_column"].get<uint64_t>());
  });
  for (size_t i = 0; i < keys.size(); ++i) {
    CHECK(found[i]["start_line"] == keys[i].line);
    CHECK(found[i]["start_column"] == keys[i].column);
  }
}

// Writes a huge file, scans it with `magpie scan` and checks the findings and the RSS.
void ScanHugeFile(uint64_t size, bool newlines, const std::string& what) {
  Sandbox box;
  const auto keys = WriteHuge(box.work() / "huge.txt", size, newlines);
  const Measured m = RunMeasured(box, {"scan", "huge.txt", "-f", "json", "-q",
                                       "--max-file-size", "4096"});
  fs::remove(box.work() / "huge.txt");
  CheckHugeScan(m, keys, what);
}

}  // namespace

TEST_CASE("issue 14: a 1 GB single-line file is scanned in bounded memory", "[cli][.slow]") {
  ScanHugeFile(1024 * kMiB, /*newlines=*/false, "1 GB single-line file");
}

TEST_CASE("issue 14: a 2 GB file is scanned in bounded memory", "[cli][.slow]") {
  ScanHugeFile(2048 * kMiB, /*newlines=*/true, "2 GB file");
}

TEST_CASE("issue 14: a 2 GB blob is scanned in bounded memory", "[cli][git][.slow]") {
  Sandbox box;
  const auto offsets =
      WriteHuge(box.work() / "huge.txt", 2048 * kMiB, /*newlines=*/true, /*distinct=*/true);
  CommitAll(box);
  fs::remove(box.work() / "huge.txt");
  const Measured m = RunMeasured(box, {"git", ".", "-f", "json", "-q", "--max-file-size", "4096"});
  CheckHugeScan(m, offsets, "2 GB blob");
}

}  // namespace magpie::clitest
