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

}  // namespace
}  // namespace magpie::git
