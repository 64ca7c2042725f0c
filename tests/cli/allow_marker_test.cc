// Issue 11: inline markers with a reason, and a marker word that names no rule is a warning
// (stderr, escaped, and a report diagnostic), never a silent allow-nothing or allow-everything.
#include <catch2/catch.hpp>

#include <string>

#include "cli_harness.h"

namespace magpie::clitest {
namespace {

const std::string kAssign = "aws_key = \"" + std::string(kAwsKey) + "\"";

TEST_CASE("issue 11: magpie:allow with a reason allows and a misspelt rule id warns",
          "[cli][suppress]") {
  Sandbox box;
  box.Write("fixture.py", kAssign + "  # magpie:allow test fixture\n");
  box.Write("reason.py", kAssign + "  # magpie:allow aws-access-key-id -- fake key\n");
  CliRun allowed = box.Run("scan fixture.py reason.py");
  INFO(allowed.err);
  CHECK(allowed.exit_code == 0);
  CHECK(allowed.err.find("allow-marker") == std::string::npos);

  // A typo next to the secret: reported, and the word named on stderr with a suggestion.
  const std::string name = "typo\x1b[31m.py";  // the warning names the file: escaped
  box.Write(name, kAssign + "  # magpie:allow aws-acess-key-id\n");
  CliRun typo = box.Run("scan " + ShellQuote(name));
  INFO(typo.err);
  CHECK(typo.exit_code == 1);
  CHECK(typo.err.find("'aws-acess-key-id'") != std::string::npos);
  CHECK(typo.err.find("did you mean 'aws-access-key-id'") != std::string::npos);
  CHECK(typo.err.find('\x1b') == std::string::npos);  // nothing from the file reaches the tty raw

  CliRun json = box.Run("scan -f json " + ShellQuote(name));
  const nlohmann::json report = ParseJson(json.out);
  REQUIRE(report.is_object());
  bool listed = false;
  for (const nlohmann::json& d : report.value("diagnostics", nlohmann::json::array())) {
    listed = listed || (d.value("kind", "") == "allow-marker" &&
                        d.value("message", "").find("aws-acess-key-id") != std::string::npos);
  }
  INFO(json.out);
  CHECK(listed);
  CHECK(FindingsOf(report, kAwsRule).size() == 1);
}

}  // namespace
}  // namespace magpie::clitest
