// Issue 11, configuration and paths: .magpie.yaml and .magpieignore are the repository's
// whatever the working directory, and a finding has one path (and so one fingerprint) in
// `scan`, `staged` and `git`, from the root, from a subdirectory and by absolute path.
#include <catch2/catch.hpp>

#include <string>

#include "cli_harness.h"
#include "git_harness.h"

namespace magpie::clitest {
namespace {

const std::string kLeak = "aws_key = \"" + std::string(kAwsKey) + "\"\n";

CliRun RunIn(const Sandbox& box, const std::string& relative, const std::string& args) {
  RunOptions options;
  options.cwd = box.work() / relative;
  return box.Run(args, options);
}

std::vector<std::string> PathsOf(const CliRun& run) {
  std::vector<std::string> paths;
  for (const nlohmann::json& f : FindingsOf(ParseJson(run.out), kAwsRule)) {
    paths.push_back(f.value("path", ""));
  }
  return paths;
}

TEST_CASE("issue 11: .magpie.yaml and .magpieignore are found at the repository root from a "
          "subdirectory",
          "[cli][git]") {
  Sandbox box;
  InitRepo(box);
  box.Write(".magpie.yaml", "exclude: [\"vendor/\"]\n");
  box.Write(".magpieignore", "generated/\n");
  box.Write("src/deep/leak.py", kLeak);
  box.Write("vendor/lib/leak.py", kLeak);
  box.Write("generated/leak.py", kLeak);

  const CliRun from_src = RunIn(box, "src/deep", "scan -f json");
  INFO(from_src.err);
  CHECK(from_src.exit_code == 1);
  CHECK(PathsOf(from_src) == std::vector<std::string>{"src/deep/leak.py"});
  CHECK(RunIn(box, "vendor/lib", "scan").exit_code == 0);  // excluded by the root's config
  CHECK(RunIn(box, "generated", "scan .").exit_code == 0);  // excluded by the root's ignore file
  const CliRun whole = RunIn(box, "src", "scan -f json ..");
  CHECK(PathsOf(whole) == std::vector<std::string>{"src/deep/leak.py"});
}

TEST_CASE("issue 11: a fingerprint written from a subdirectory suppresses the finding everywhere",
          "[cli][git]") {
  Sandbox box;
  InitRepo(box);
  box.Write("src/leak.py", kLeak);
  const CliRun wrote = RunIn(box, "src", "scan --write-ignore .");
  INFO(wrote.err);
  REQUIRE(wrote.exit_code == 0);
  CHECK(fs::exists(box.work() / ".magpieignore"));
  CHECK_FALSE(fs::exists(box.work() / "src" / ".magpieignore"));

  CHECK(box.Run("scan").exit_code == 0);
  CHECK(box.Run("scan src").exit_code == 0);
  CHECK(RunIn(box, "src", "scan leak.py").exit_code == 0);
  CHECK(box.Run("scan " + ShellQuote(box.work().string())).exit_code == 0);  // CI: absolute
  MustSh(box, "git add -A");
  CHECK(RunIn(box, "src", "staged").exit_code == 0);
  MustSh(box, Git("commit -q --no-verify -m leak"));
  CHECK(RunIn(box, "src", "git").exit_code == 0);
  CHECK(box.Run("git").exit_code == 0);

  // Without the ignore file each of them finds it, under the same path.
  fs::remove(box.work() / ".magpieignore");
  CHECK(PathsOf(box.Run("scan -f json " + ShellQuote(box.work().string()))) ==
        std::vector<std::string>{"src/leak.py"});
  CHECK(PathsOf(RunIn(box, "src", "scan -f json leak.py")) ==
        std::vector<std::string>{"src/leak.py"});
  CHECK(PathsOf(RunIn(box, "src", "git -f json")) == std::vector<std::string>{"src/leak.py"});
}

TEST_CASE("issue 11: outside git the configuration is the scan root's", "[cli]") {
  Sandbox box;
  box.Write("plain/.magpie.yaml", "exclude: [\"skip/\"]\n");
  box.Write("plain/skip/leak.py", kLeak);
  box.Write("plain/keep/leak.py", kLeak);
  const CliRun run = box.Run("scan -f json plain");
  INFO(run.err);
  CHECK(run.exit_code == 1);
  CHECK(PathsOf(run) == std::vector<std::string>{"plain/keep/leak.py"});
}

}  // namespace
}  // namespace magpie::clitest
