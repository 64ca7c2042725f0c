// The rules cache as a user meets it (issue 10): a cache directory magpie will not trust costs
// start-up time and one notice on stderr, never a finding, and is left untouched.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>

#include "cli_harness.h"

namespace magpie::clitest {
namespace {

TEST_CASE("issue 10: an untrusted cache directory is said once and left alone", "[cli]") {
  Sandbox box;
  box.Write("a.cfg", "aws_access_key_id = " + std::string(kAwsKey) + "\n");
  const fs::path cache = box.root() / "shared-cache";
  fs::create_directories(cache);
  fs::permissions(cache, fs::perms::all);  // 0777: anyone could plant an entry
  const fs::path out = box.io() / "stdout";
  const fs::path err = box.io() / "stderr";
  // The harness fixes MAGPIE_CACHE_DIR to the shared cache: run the binary directly.
  // --no-generic: the built-in rules with the default options come from the binary itself
  // (issue 11) and never open the directory; other options compile, and consult it.
  const std::string command = "cd " + ShellQuote(box.work().string()) +
                              " && MAGPIE_CACHE_DIR=" + ShellQuote(cache.string()) +
                              " NO_COLOR=1 timeout 60 " + ShellQuote(MAGPIE_BINARY) +
                              " scan --no-generic --format json a.cfg >" + ShellQuote(out.string()) + " 2>" +
                              ShellQuote(err.string()) + " </dev/null";
  const int status = std::system(command.c_str());
  REQUIRE(WIFEXITED(status));
  const std::string stderr_text = ReadFile(err);
  INFO("stderr: " << stderr_text);
  CHECK(WEXITSTATUS(status) == 1);  // the finding, as with any cache
  CHECK(FindingsOf(ParseJson(ReadFile(out)), kAwsRule).size() == 1);
  const std::string notice = "magpie: notice: not using the rules cache: " + cache.string() +
                             " is writable by its group or others (mode 0777)\n";
  CHECK(stderr_text.find(notice) != std::string::npos);
  CHECK(stderr_text.find("not using the rules cache", stderr_text.find(notice) + notice.size()) ==
        std::string::npos);  // said once per process
  CHECK(fs::is_empty(cache));
}

}  // namespace
}  // namespace magpie::clitest
