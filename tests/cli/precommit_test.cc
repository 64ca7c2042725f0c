// Issue 11, the pre-commit framework: this repository's .pre-commit-hooks.yaml driven by the real
// `pre-commit` package (Debian 12: 3.0.4) against a throw-away repository, offline. The hook
// source is a local git repository holding this checkout's .pre-commit-hooks.yaml, so the file
// as it is now is what is tested, committed or not.
#include <catch2/catch.hpp>

#include <string>

#include "cli_harness.h"
#include "git_harness.h"

namespace magpie::clitest {
namespace {

// Catch2 v2 has no SKIP: a test without pre-commit warns and returns early.
bool PreCommitMissing() {
  if (std::system("pre-commit --version >/dev/null 2>&1") == 0) return false;
  WARN("pre-commit is not installed (scripts/install-deps.sh installs it): not tested");
  return true;
}

// Sets up work/ as a repository using both hook ids from a local hook source; returns the
// environment prefix for running pre-commit there (offline, its cache in the sandbox, magpie
// on PATH).
std::string SetUpPreCommit(const Sandbox& box) {
  const fs::path source = box.root() / "hook-source";
  fs::create_directories(source);
  WriteFile(source / ".pre-commit-hooks.yaml",
            ReadFile(fs::path(MAGPIE_SOURCE_DIR) / ".pre-commit-hooks.yaml"));
  MustSh(box, "cd ../hook-source && git init -q -b main . && git add -A && " +
                  Git("commit -q -m hooks"));
  std::string rev;
  REQUIRE(Sh(box, "cd ../hook-source && git rev-parse HEAD", &rev) == 0);
  InitRepo(box);
  box.Write(".pre-commit-config.yaml", "repos:\n- repo: " + source.string() + "\n  rev: " + rev +
                                           "\n  hooks:\n  - id: magpie\n  - id: magpie-staged\n");
  box.Write("clean.py", "print('hello')\n");
  MustSh(box, "git add -A && " + Git("commit -q -m base"));
  return "PRE_COMMIT_HOME=" + ShellQuote((box.root() / "pre-commit-home").string()) +
         " PATH=" + ShellQuote(fs::path(MAGPIE_BINARY).parent_path().string()) + ":$PATH ";
}

const std::string kLeak = "aws_key = \"" + std::string(kAwsKey) + "\"\n";

TEST_CASE("issue 11: pre-commit runs both hook ids - a staged secret blocks and a clean change "
          "passes",
          "[cli][git][precommit]") {
  if (PreCommitMissing()) return;
  Sandbox box;
  const std::string env = SetUpPreCommit(box);
  std::string out;
  box.Write("leak.py", kLeak);
  MustSh(box, "git add leak.py");
  for (const std::string id : {"magpie", "magpie-staged"}) {
    const int rc = Sh(box, env + "pre-commit run " + id, &out);
    INFO(id << "\n" << out);
    CHECK(rc == 1);
    CHECK(out.find(std::string(kAwsRule)) != std::string::npos);
  }
  // Through git: `pre-commit install` and a real commit.
  MustSh(box, env + "pre-commit install");
  CHECK(Sh(box, env + Git("commit -q -m leak"), &out) != 0);
  MustSh(box, "git rm -q --cached leak.py && rm leak.py");
  box.Write("more.py", "x = 1\n");
  MustSh(box, "git add more.py");
  for (const std::string id : {"magpie", "magpie-staged"}) {
    const int rc = Sh(box, env + "pre-commit run " + id, &out);
    INFO(id << "\n" << out);
    CHECK(rc == 0);
  }
  const int committed = Sh(box, env + Git("commit -q -m more"), &out);
  INFO(out);
  CHECK(committed == 0);
}

TEST_CASE("issue 11: pre-commit run --all-files and --files check those files",
          "[cli][git][precommit]") {
  if (PreCommitMissing()) return;
  Sandbox box;
  const std::string env = SetUpPreCommit(box);
  box.Write("old/leak.py", kLeak);
  MustSh(box, "git add -A && " + Git("commit -q --no-verify -m 'committed long ago'"));
  std::string out;
  int rc = Sh(box, env + "pre-commit run magpie --all-files", &out);
  INFO(out);
  CHECK(rc == 1);
  CHECK(out.find("old/leak.py") != std::string::npos);
  rc = Sh(box, env + "pre-commit run magpie --files old/leak.py", &out);
  CHECK(rc == 1);
  rc = Sh(box, env + "pre-commit run magpie --files clean.py", &out);
  CHECK(rc == 0);
}

TEST_CASE("issue 11: pre-commit files mode scans a file whose name starts with a dash",
          "[cli][git][precommit]") {
  if (PreCommitMissing()) return;
  Sandbox box;
  const std::string env = SetUpPreCommit(box);
  // pre-commit passes file names after the hook's entry and args, with no `--` of its own: a
  // name that looks like a flag was a flag error (exit 2) that blocked even a clean commit.
  box.Write("-clean.py", "x = 1\n");
  box.Write("--leak.py", kLeak);
  std::string out;
  int rc = Sh(box, env + "pre-commit run magpie --files ./-clean.py", &out);
  INFO(out);
  CHECK(rc == 0);
  MustSh(box, "git add -- -clean.py --leak.py");
  rc = Sh(box, env + "pre-commit run magpie", &out);
  INFO(out);
  CHECK(rc == 1);
  CHECK(out.find("--leak.py:1:") != std::string::npos);
  CHECK(out.find("unknown flag") == std::string::npos);
}

}  // namespace
}  // namespace magpie::clitest
