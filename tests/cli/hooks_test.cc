// Issue 11, commits and merges: the installed hooks driven by real `git commit` and `git merge`
// in every common form, with a secret (the commit must be stopped) and without (it must pass).
#include <catch2/catch.hpp>

#include <string>

#include "cli_harness.h"
#include "git_harness.h"

namespace magpie::clitest {
namespace {

const std::string kSecretLine = "aws_key = \"" + std::string(kAwsKey) + "\"\n";

// A repository with one commit (clean.py) and magpie's hooks installed.
void InitHooked(const Sandbox& box) {
  InitRepo(box);
  box.Write("clean.py", "print('hello')\n");
  MustSh(box, "git add clean.py && " + Git("commit -q -m base"));
  const CliRun install = box.Run("install-hook");
  INFO(install.err);
  REQUIRE(install.exit_code == 0);
}

std::string Subjects(const Sandbox& box) {
  std::string log;
  REQUIRE(Sh(box, "git log --format=%s", &log) == 0);
  return log;
}

// Runs `commit` (a shell command) that must be stopped by the hook for the secret it commits.
void ExpectBlocked(const Sandbox& box, const std::string& commit) {
  const std::string before = Subjects(box);
  std::string out;
  const int rc = Sh(box, commit, &out);
  INFO(commit << "\n" << out);
  CHECK(rc != 0);
  CHECK(out.find(std::string(kAwsRule)) != std::string::npos);
  CHECK(Subjects(box) == before);
}

void ExpectPasses(const Sandbox& box, const std::string& commit) {
  std::string out;
  const int rc = Sh(box, commit, &out);
  INFO(commit << "\n" << out);
  CHECK(rc == 0);
}

TEST_CASE("issue 11: commit -a and commit PATH and --only and --include and --amend are checked",
          "[cli][git][hooks]") {
  Sandbox box;
  InitHooked(box);

  SECTION("git commit -a") {
    box.Write("clean.py", "print('hello')\n" + kSecretLine);
    ExpectBlocked(box, Git("commit -q -a -m leak"));
    box.Write("clean.py", "print('hello again')\n");
    ExpectPasses(box, Git("commit -q -a -m clean"));
  }
  // A secret in clean.py, not staged; other.py staged.
  const auto leak_beside_staged = [&box] {
    box.Write("clean.py", "print('hello')\n" + kSecretLine);
    box.Write("other.py", "x = 1\n");
    MustSh(box, "git add other.py");
  };
  SECTION("git commit PATH and --only") {
    leak_beside_staged();
    ExpectBlocked(box, Git("commit -q -m leak clean.py"));
    ExpectBlocked(box, Git("commit -q --only -m leak clean.py"));
    // Only other.py is committed: the unstaged secret in clean.py is not part of it.
    ExpectPasses(box, Git("commit -q -m clean other.py"));
  }
  SECTION("git commit --include") {
    leak_beside_staged();
    ExpectBlocked(box, Git("commit -q --include -m leak clean.py"));
    box.Write("clean.py", "print('hello')\nprint('bye')\n");
    ExpectPasses(box, Git("commit -q --include -m clean clean.py"));
  }
  SECTION("git commit --amend") {
    box.Write("clean.py", "print('hello')\n" + kSecretLine);
    ExpectBlocked(box, Git("commit -q --amend -a -m base"));
    ExpectBlocked(box, Git("commit -q --amend -m base clean.py"));
    box.Write("clean.py", "print('amended')\n");
    ExpectPasses(box, Git("commit -q --amend -a -m amended"));
    CHECK(Subjects(box) == "amended");
  }
}

TEST_CASE("issue 11: a clean merge is checked by pre-merge-commit for what it brings",
          "[cli][git][hooks]") {
  Sandbox box;
  InitHooked(box);
  CHECK(fs::exists(box.work() / ".git" / "hooks" / "pre-merge-commit"));
  MustSh(box, "git checkout -q -b side");
  box.Write("side.py", kSecretLine);
  MustSh(box, "git add side.py && " + Git("commit -q --no-verify -m side-leak"));
  MustSh(box, "git checkout -q -b tidy main");
  box.Write("tidy.py", "y = 2\n");
  MustSh(box, "git add tidy.py && " + Git("commit -q -m tidy"));
  MustSh(box, "git checkout -q main");
  box.Write("main.py", "z = 3\n");
  MustSh(box, "git add main.py && " + Git("commit -q -m main"));

  // The merge brings side's secret into main: stopped, and no merge commit is made.
  ExpectBlocked(box, Git("merge -q --no-edit side"));
  MustSh(box, "git merge --abort 2>/dev/null; git reset -q --hard");
  ExpectPasses(box, Git("merge -q --no-edit tidy"));
  CHECK(Subjects(box).rfind("Merge branch 'tidy'", 0) == 0);
}

TEST_CASE("issue 11: a conflicted merge's commit is blamed only for what neither side had",
          "[cli][git][hooks]") {
  Sandbox box;
  InitHooked(box);
  box.Write("shared.txt", "base\n");
  MustSh(box, "git add shared.txt && " + Git("commit -q -m shared"));
  MustSh(box, "git checkout -q -b side");
  box.Write("shared.txt", "base\nside\n");
  box.Write("side.py", kSecretLine);  // already on side: not the merge's doing
  MustSh(box, "git add -A && " + Git("commit -q --no-verify -m side"));
  MustSh(box, "git checkout -q main");
  box.Write("shared.txt", "base\nmain\n");
  box.Write("main.py", "DB_PASSWORD=" + std::string(kPassword) + "\n");  // already on main
  MustSh(box, "git add -A && " + Git("commit -q --no-verify -m main"));
  CHECK(Sh(box, Git("merge -q side")) != 0);  // conflict in shared.txt
  REQUIRE(fs::exists(box.work() / ".git" / "MERGE_HEAD"));

  SECTION("a resolution that adds a secret is stopped") {
    box.Write("shared.txt", "base\nmain\nside\n" + kSecretLine);
    MustSh(box, "git add shared.txt");
    ExpectBlocked(box, Git("commit -q --no-edit"));
  }
  SECTION("a clean resolution passes though both sides hold secrets") {
    box.Write("shared.txt", "base\nmain\nside\n");
    MustSh(box, "git add shared.txt");
    ExpectPasses(box, Git("commit -q --no-edit"));
    CHECK(Subjects(box).rfind("Merge branch 'side'", 0) == 0);
  }
}

// `box.Run` in another directory of the sandbox.
CliRun RunIn(const Sandbox& box, const std::string& relative, const std::string& args) {
  RunOptions options;
  options.cwd = box.work() / relative;
  return box.Run(args, options);
}

TEST_CASE("issue 11: an existing hook is chained - it runs first and its failure stops the commit",
          "[cli][git][hooks]") {
  Sandbox box;
  InitRepo(box);
  const fs::path hooks = box.work() / ".git" / "hooks";
  // The foreign hook records that it ran, and fails when told to.
  WriteFile(hooks / "pre-commit", "#!/bin/sh\necho ran >> \"$(git rev-parse --git-dir)/lint.log\"\n"
                                  "[ ! -e stop-lint ] || exit 3\n");
  fs::permissions(hooks / "pre-commit", fs::perms::owner_all, fs::perm_options::add);
  const CliRun install = box.Run("install-hook");
  INFO(install.err);
  REQUIRE(install.exit_code == 0);
  CHECK(install.err.find("runs first") != std::string::npos);
  CHECK(fs::exists(hooks / "pre-commit.magpie-chained"));
  CHECK(box.Run("install-hook").exit_code == 0);  // again: the chained hook stays chained
  CHECK(ReadFile(hooks / "pre-commit.magpie-chained").find("lint.log") != std::string::npos);

  box.Write("clean.py", "print('hello')\n");
  ExpectPasses(box, "git add clean.py && " + Git("commit -q -m clean"));
  CHECK(ReadFile(box.work() / ".git" / "lint.log") == "ran\n");

  box.Write("leak.py", kSecretLine);
  ExpectBlocked(box, "git add leak.py && " + Git("commit -q -m leak"));
  CHECK(ReadFile(box.work() / ".git" / "lint.log") == "ran\nran\n");

  // The chained hook fails: its status stops the commit even when magpie would pass it.
  MustSh(box, "git rm -q --cached leak.py && rm leak.py && touch stop-lint");
  box.Write("more.py", "x = 1\n");
  std::string out;
  CHECK(Sh(box, "git add more.py && " + Git("commit -q -m more"), &out) != 0);
  CHECK(Subjects(box) == "clean");
  CHECK(Sh(box, ".git/hooks/pre-commit") == 3);  // the chained hook's own exit status

  // --force replaces it instead (kept as a backup, no longer run).
  const CliRun forced = box.Run("install-hook --force");
  CHECK(forced.exit_code == 0);
  CHECK(fs::exists(hooks / "pre-commit.magpie-chained"));  // untouched: ours is not foreign
  WriteFile(hooks / "pre-merge-commit", "#!/bin/sh\nexit 0\n");
  CHECK(box.Run("install-hook --force").exit_code == 0);
  CHECK(fs::exists(hooks / "pre-merge-commit.magpie-backup"));
}

TEST_CASE("issue 11: the hooks work in linked work trees and submodules and with core.hooksPath",
          "[cli][git][hooks]") {
  Sandbox box;
  InitHooked(box);

  SECTION("a linked work tree shares the repository's hooks") {
    MustSh(box, Git("worktree add -q ../linked -b linked"));
    const fs::path linked = box.root() / "linked";
    WriteFile(linked / "leak.py", kSecretLine);
    std::string out;
    CHECK(Sh(box, "cd ../linked && git add leak.py && " + Git("commit -q -m leak"), &out) != 0);
    CHECK(out.find(std::string(kAwsRule)) != std::string::npos);
    MustSh(box, "cd ../linked && git rm -q --cached leak.py && rm leak.py");
    WriteFile(linked / "ok.py", "x = 1\n");
    CHECK(Sh(box, "cd ../linked && git add ok.py && " + Git("commit -q -m ok"), &out) == 0);
  }
  SECTION("core.hooksPath") {
    MustSh(box, "git config core.hooksPath .githooks");
    REQUIRE(box.Run("install-hook").exit_code == 0);
    CHECK(fs::exists(box.work() / ".githooks" / "pre-commit"));
    CHECK(fs::exists(box.work() / ".githooks" / "pre-merge-commit"));
    box.Write("leak.py", kSecretLine);
    ExpectBlocked(box, "git add leak.py && " + Git("commit -q -m leak"));
  }
  SECTION("a submodule has its own hooks") {
    const fs::path origin = box.root() / "origin";
    fs::create_directories(origin);
    MustSh(box, "cd ../origin && git init -q -b main . && echo x > x.txt && git add x.txt && " +
                    Git("commit -q -m x"));
    MustSh(box, Git("-c protocol.file.allow=always submodule add -q ../origin sub") + " && " +
                    Git("commit -q -m sub"));
    const CliRun install = RunIn(box, "sub", "install-hook");
    INFO(install.err);
    REQUIRE(install.exit_code == 0);
    CHECK(fs::exists(box.work() / ".git" / "modules" / "sub" / "hooks" / "pre-commit"));
    box.Write("sub/leak.py", kSecretLine);
    std::string out;
    CHECK(Sh(box, "cd sub && git add leak.py && " + Git("commit -q -m leak"), &out) != 0);
    CHECK(out.find(std::string(kAwsRule)) != std::string::npos);
    MustSh(box, "cd sub && git rm -q --cached leak.py && rm leak.py");
    box.Write("sub/ok.txt", "fine\n");
    CHECK(Sh(box, "cd sub && git add ok.txt && " + Git("commit -q -m ok"), &out) == 0);
  }
}

TEST_CASE("issue 11: a bare repository used with --git-dir and --work-tree is checked",
          "[cli][git][hooks]") {
  Sandbox box;
  MustSh(box, "git init -q --bare ../dot.git && mkdir -p home");
  const std::string dot = "git --git-dir=" + ShellQuote((box.root() / "dot.git").string()) +
                          " --work-tree=" + ShellQuote((box.work() / "home").string());
  MustSh(box, "cd home && GIT_DIR=../../dot.git " + ShellQuote(MAGPIE_BINARY) + " install-hook");
  CHECK(fs::exists(box.root() / "dot.git" / "hooks" / "pre-commit"));
  box.Write("home/.bashrc", "alias ll='ls -l'\n");
  ExpectPasses(box, dot + " add .bashrc && " + Git(dot.substr(4) + " commit -q -m rc"));
  box.Write("home/.aws", kSecretLine);
  std::string out;
  CHECK(Sh(box, dot + " add .aws && " + Git(dot.substr(4) + " commit -q -m aws"), &out) != 0);
  INFO(out);
  CHECK(out.find(std::string(kAwsRule)) != std::string::npos);
}

}  // namespace
}  // namespace magpie::clitest
