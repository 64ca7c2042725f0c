// Issue 13 §2: the scan store remembers the blobs a history read and found binary, so that a
// rescan reports their one diagnostic again without reading them, in the words of a full scan.
#include <catch2/catch.hpp>

#include <string>

#include "cli_harness.h"
#include "git_harness.h"
#include "store_harness.h"

namespace magpie::clitest {
namespace {

// A NUL byte in the first 8,000 bytes: binary. The key after it is found only when binary
// blobs are scanned (--include-binary).
const std::string kBinary = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) +
                            "key = \"AKIAZ7RWQ3LXK9TDVB4N\"\n";

void BuildHistory(const Sandbox& box) {
  InitRepo(box);
  box.Write("src/clean.txt", "nothing to see here\n");
  box.Write("src/aws.py", "key = \"AKIAQYLPMN5HHHFPZAM2\"\n");
  box.Write("img/logo.png", kBinary);
  MustSh(box, "git add -A && " + Git("commit -q -m one"));
  box.Write("img/logo.png", kBinary + "v2");
  MustSh(box, "git add -A && " + Git("commit -q -m two"));
}

// The report less what a rescan reads differently by design (the summary's counts of what was
// read, and the time).
nlohmann::json Essence(nlohmann::json report) {
  report["summary"].erase("elapsed_seconds");
  report["summary"].erase("files_scanned");
  report["summary"].erase("bytes_scanned");
  report["summary"]["skipped"].erase("already-scanned");
  return report;
}

}  // namespace

TEST_CASE("issue 13: a rescan reports a known binary blob as a full scan does, unread",
          "[cli][store]") {
  Sandbox box;
  BuildHistory(box);
  const GitRun full = RunGit(box, "--no-store");
  REQUIRE(full.report["summary"]["skipped"]["binary"] == 2);
  REQUIRE(full.report["diagnostics"].size() == 2);
  const GitRun first = RunGit(box, StoreFlag(box));
  CHECK(Essence(first.report) == Essence(full.report));
  const GitRun rescan = RunGit(box, StoreFlag(box));
  INFO(rescan.run.err);
  CHECK(rescan.run.exit_code == full.run.exit_code);
  CHECK(Essence(rescan.report) == Essence(full.report));  // diagnostics word for word
  CHECK(rescan.known() == 1);                              // clean.txt; the binaries are not

  // Not read: with one of the blobs gone from the repository a full scan says so, the rescan
  // still says what it knows of the bytes (a blob id names its bytes).
  std::string id;
  REQUIRE(Sh(box, "git rev-parse HEAD:img/logo.png", &id) == 0);
  id = id.substr(0, 40);
  fs::remove(box.work() / ".git" / "objects" / id.substr(0, 2) / id.substr(2));
  CHECK(RunGit(box, "--no-store").report["summary"]["skipped"].contains("missing-object"));
  const GitRun unread = RunGit(box, StoreFlag(box));
  CHECK(Essence(unread.report) == Essence(full.report));
}

TEST_CASE("issue 13: --include-binary scans a blob the store knows binary", "[cli][store]") {
  Sandbox box;
  BuildHistory(box);
  REQUIRE(RunGit(box, StoreFlag(box)).report["summary"]["skipped"]["binary"] == 2);
  const GitRun full = RunGit(box, "--no-store --include-binary");
  const GitRun rescan = RunGit(box, StoreFlag(box) + " --include-binary");
  INFO(rescan.run.err);
  CHECK(!full.report["summary"]["skipped"].contains("binary"));
  CHECK(Essence(rescan.report) == Essence(full.report));  // read and scanned, as without a store
  CHECK(rescan.scanned() == full.scanned() - rescan.known());
}

TEST_CASE("issue 13: a known binary blob over a smaller size limit is too large, as unread",
          "[cli][store]") {
  Sandbox box;
  InitRepo(box);
  box.Write("big.png", std::string(1, '\0') + std::string((1 << 20) + 1, 'a'));  // > 1 MiB
  MustSh(box, "git add -A && " + Git("commit -q -m big"));
  REQUIRE(RunGit(box, StoreFlag(box)).report["summary"]["skipped"]["binary"] == 1);
  const GitRun full = RunGit(box, "--no-store --max-file-size 1");
  REQUIRE(full.report["summary"]["skipped"]["too-large"] == 1);
  const GitRun rescan = RunGit(box, StoreFlag(box) + " --max-file-size 1");
  CHECK(rescan.report["diagnostics"] == full.report["diagnostics"]);
  CHECK(rescan.report["summary"]["skipped"] == full.report["summary"]["skipped"]);
}

TEST_CASE("issue 13: a blob streamed as too large to hold is not recorded binary",
          "[cli][store]") {
  Sandbox box;
  InitRepo(box);
  // Over the streaming threshold the driver, not the history, finds it binary, in its own
  // words: recording it would change them on a rescan.
  box.Write("big.bin", std::string(1, '\0') + std::string(300 << 10, 'a'));
  MustSh(box, "git add -A && " + Git("commit -q -m big"));
  const std::string small_window = " --scan-window-kib 64";
  const GitRun full = RunGit(box, "--no-store" + small_window);
  REQUIRE(full.report["diagnostics"].size() == 1);
  REQUIRE(full.report["diagnostics"][0]["message"].get<std::string>().find("NUL byte") !=
          std::string::npos);
  RunGit(box, StoreFlag(box) + small_window);
  const GitRun rescan = RunGit(box, StoreFlag(box) + small_window);
  CHECK(rescan.report["diagnostics"] == full.report["diagnostics"]);
}

}  // namespace magpie::clitest
