// Helpers for the tests that drive real git around magpie: shell commands in a sandbox with the
// user's and the machine's git configuration kept out. Private to tests/cli/.
#ifndef MAGPIE_TESTS_CLI_GIT_HARNESS_H_
#define MAGPIE_TESTS_CLI_GIT_HARNESS_H_

#include <catch2/catch.hpp>

#include <string>

#include "cli_harness.h"

namespace magpie::clitest {

// Runs a shell command in the sandbox's work/ with the user's and the machine's git
// configuration kept out, fixed identities, and the test database cache (a commit hook runs
// magpie). Returns the exit status; stdout (trimmed) into *out when given.
inline int Sh(const Sandbox& box, const std::string& command, std::string* out = nullptr) {
  const fs::path captured = box.io() / "sh.out";
  const std::string full = "cd " + ShellQuote(box.work().string()) +
                           " && export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null "
                           "MAGPIE_CACHE_DIR=" + ShellQuote(SharedCacheDir().string()) +
                           " NO_COLOR=1 && (" + command + ") >" + ShellQuote(captured.string()) +
                           " 2>&1 </dev/null";
  const int status = std::system(full.c_str());
  if (out != nullptr) {
    *out = ReadFile(captured);
    while (!out->empty() && out->back() == '\n') out->pop_back();
  }
  return status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// `git` with an identity; `who` is the author/committer name.
inline std::string Git(const std::string& args, const std::string& who = "t") {
  return "git -c user.name=" + who + " -c user.email=" + who + "@e " + args;
}

inline void MustSh(const Sandbox& box, const std::string& command) {
  std::string out;
  const int rc = Sh(box, command, &out);
  INFO(command << "\n" << out);
  REQUIRE(rc == 0);
}

inline void InitRepo(const Sandbox& box) { MustSh(box, "git init -q -b main ."); }

// Commits everything in work/ with author and committer date `when` (seconds since the epoch),
// so that commit ids, and the order of commits, are the same on every run.
inline void CommitAt(const Sandbox& box, const std::string& message, int64_t when) {
  std::string date = std::to_string(when);  // built in place (GCC 12 -Wrestrict)
  date.insert(0, 1, '@');
  date += " +0000";
  MustSh(box, "git add -A && GIT_AUTHOR_DATE=" + ShellQuote(date) + " GIT_COMMITTER_DATE=" +
                  ShellQuote(date) + " " + Git("commit -q -m " + ShellQuote(message)));
}

// `magpie git -f json` of the sandbox's repository, which must report the AWS key once: exit 1
// and exactly one aws-access-key-id finding. Returns the whole report.
inline nlohmann::json HistoryReportOfOneKey(const Sandbox& box) {
  const CliRun run = box.Run("git -f json");
  INFO(run.err);
  CHECK(run.exit_code == 1);
  nlohmann::json report = ParseJson(run.out);
  REQUIRE(FindingsOf(report, kAwsRule).size() == 1);
  return report;
}

}  // namespace magpie::clitest

#endif  // MAGPIE_TESTS_CLI_GIT_HARNESS_H_
