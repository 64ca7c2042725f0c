// Test helper for the scan store's CLI tests (issue 13): `magpie git -f json` with a store in
// the sandbox, its report parsed.
#ifndef MAGPIE_TESTS_CLI_STORE_HARNESS_H_
#define MAGPIE_TESTS_CLI_STORE_HARNESS_H_

#include <cstdint>
#include <string>

#include "cli_harness.h"

namespace magpie::clitest {

struct GitRun {
  CliRun run;
  nlohmann::json report;
  uint64_t scanned() const { return report["summary"]["files_scanned"].get<uint64_t>(); }
  uint64_t known() const {
    return report["summary"]["skipped"].value("already-scanned", uint64_t{0});
  }
};

inline GitRun RunGit(const Sandbox& box, const std::string& flags) {
  GitRun r;
  r.run = box.Run("git -f json " + flags);
  r.report = ParseJson(r.run.out);
  INFO(r.run.err);
  REQUIRE(r.report.is_object());
  return r;
}

inline std::string StoreFlag(const Sandbox& box) {
  return "--store " + ShellQuote((box.io() / "store" / "scans.sqlite").string());
}

}  // namespace magpie::clitest

#endif  // MAGPIE_TESTS_CLI_STORE_HARNESS_H_
