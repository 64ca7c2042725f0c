// Issue 11: installing the hooks fails cleanly: a foreign hook that cannot be moved aside, or a
// hook that cannot be written, leaves the user's hook where git runs it.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "base/fault_injection.h"
#include "git/hook_install.h"
#include "tests/git/git_fixture.h"

namespace magpie::git {
namespace {

namespace fs = std::filesystem;

// Runs the installation with `dir` as the working directory (it asks git there).
Result<std::vector<HookInstalled>> InstallIn(const std::string& dir,
                                             const HookInstallOptions& options) {
  const fs::path previous = fs::current_path();
  fs::current_path(dir);
  Result<std::vector<HookInstalled>> installed = InstallHooks(options);
  fs::current_path(previous);
  return installed;
}

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST_CASE("issue 11: a failed install leaves the foreign hook in place", "[git]") {
  testing::TempRepo repo;
  const fs::path hook = fs::path(repo.path()) / ".git" / "hooks" / "pre-commit";
  repo.Write(".git/hooks/pre-commit", "#!/bin/sh\nexit 0\n");
  {
    fault::ScopedFault refused(fault::Point::kRename, EACCES);
    Result<std::vector<HookInstalled>> r = InstallIn(repo.path(), {});
    REQUIRE_FALSE(r.ok());  // moving the foreign hook aside failed
    CHECK(r.status().message().find("aside") != std::string::npos);
  }
  CHECK(Slurp(hook) == "#!/bin/sh\nexit 0\n");
  {
    fault::ScopedFault full(fault::Point::kTempWrite, ENOSPC);
    Result<std::vector<HookInstalled>> r = InstallIn(repo.path(), {});
    REQUIRE_FALSE(r.ok());  // writing magpie's hook failed: the foreign one is put back
  }
  CHECK(Slurp(hook) == "#!/bin/sh\nexit 0\n");
  CHECK_FALSE(fs::exists(hook.string() + ".magpie-chained"));

  Result<std::vector<HookInstalled>> ok = InstallIn(repo.path(), {});
  REQUIRE(ok.ok());
  REQUIRE(ok->size() == 2);
  CHECK((*ok)[0].chained == ".git/hooks/pre-commit.magpie-chained");  // as git names it
  CHECK(Slurp(hook).find("magpie") != std::string::npos);
}

TEST_CASE("issue 11: a husky hook that finds its work by its own name is refused - not chained",
          "[git]") {
  testing::TempRepo repo;
  const fs::path hooks = fs::path(repo.path()) / ".git" / "hooks";
  // husky v9's generated hook: `h` runs .husky/$(basename "$0"); renamed it would do nothing.
  const std::string husky = "#!/usr/bin/env sh\n. \"$(dirname \"$0\")/h\"\n";
  repo.Write(".git/hooks/pre-commit", husky);
  Result<std::vector<HookInstalled>> refused = InstallIn(repo.path(), {});
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().message().find("own file name") != std::string::npos);
  CHECK(refused.status().message().find(".husky/pre-commit") != std::string::npos);
  CHECK(Slurp(hooks / "pre-commit") == husky);  // untouched, still run by git
  CHECK_FALSE(fs::exists(hooks / "pre-commit.magpie-chained"));
  CHECK_FALSE(fs::exists(hooks / "pre-merge-commit"));  // nothing half-installed

  HookInstallOptions force;
  force.force = true;
  Result<std::vector<HookInstalled>> replaced = InstallIn(repo.path(), force);
  REQUIRE(replaced.ok());
  CHECK(Slurp(hooks / "pre-commit.magpie-backup") == husky);
}

TEST_CASE("issue 11: a chained hook that is not executable is said not to run", "[git]") {
  testing::TempRepo repo;
  const fs::path hooks = fs::path(repo.path()) / ".git" / "hooks";
  repo.Write(".git/hooks/pre-commit", "#!/bin/sh\nexit 1\n");
  fs::permissions(hooks / "pre-commit", fs::perms::owner_exec | fs::perms::group_exec |
                  fs::perms::others_exec, fs::perm_options::remove);
  Result<std::vector<HookInstalled>> r = InstallIn(repo.path(), {});
  REQUIRE(r.ok());
  CHECK_FALSE((*r)[0].chained.empty());
  CHECK_FALSE((*r)[0].chained_runs);  // git would not run it, nor does magpie's hook
  fs::permissions(hooks / "pre-commit.magpie-chained", fs::perms::owner_exec,
                  fs::perm_options::add);
  Result<std::vector<HookInstalled>> again = InstallIn(repo.path(), {});  // an update
  REQUIRE(again.ok());
  CHECK((*again)[0].chained_runs);
}

}  // namespace
}  // namespace magpie::git
