// Living with findings (issue 5): inline markers, .magpieignore (fingerprints and path
// patterns), --baseline, --write-ignore, --show-suppressed and the summary counts, through the
// real executable. The parsers themselves: tests/suppress/.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>
#include <vector>

#include "cli_harness.h"

namespace magpie::clitest {
namespace {

const std::string kAwsLine = "AWS_ACCESS_KEY_ID=" + std::string(kAwsKey) + "\n";
const std::string kPasswordLine = "DB_PASSWORD=" + std::string(kPassword) + "\n";

nlohmann::json ScanJson(const Sandbox& box, const std::string& flags, int* exit_code) {
  const CliRun run = box.Run("scan -f json " + flags);
  INFO("stderr: " << run.err);
  *exit_code = run.exit_code;
  const nlohmann::json report = ParseJson(run.out);
  REQUIRE(report.is_object());
  return report;
}

// Runs git in the sandbox's work/ with a fixed identity; returns its exit status.
int Git(const Sandbox& box, const std::string& args) {
  const std::string command = "cd " + ShellQuote(box.work().string()) +
                              " && GIT_CONFIG_NOSYSTEM=1 git -c user.name=t -c user.email=t@e "
                              "-c commit.gpgsign=false -c init.defaultBranch=main " +
                              args + " >/dev/null 2>&1";
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// ---- inline markers through the executable -------------------------------------------------

TEST_CASE("inline markers suppress findings and are counted as inline", "[cli]") {
  Sandbox box;
  box.Write("a.env", "AWS_ACCESS_KEY_ID=" + std::string(kAwsKey) + "  # magpie:allow\n" +
                         "# gitleaks:allow\n" + kPasswordLine);
  box.Write("b.env", "AWS_ACCESS_KEY_ID=" + std::string(kAwsKey) +
                         "  # magpie:allow generic-secret\n");  // names another rule
  int code = 0;
  const nlohmann::json report = ScanJson(box, ".", &code);
  CHECK(code == 1);
  REQUIRE(report["findings"].size() == 1);
  CHECK(report["findings"][0]["path"] == "b.env");
  CHECK(report["summary"]["suppressed"]["inline"] == 2);
  // Issue 10: what the scanned code's own markers hid is always listed in machine-read
  // reports (other suppressions only with --show-suppressed).
  REQUIRE(report["suppressed"].size() == 2);
  for (const auto& s : report["suppressed"]) CHECK(s["reason"] == "inline");
}

TEST_CASE("flag --show-suppressed lists suppressed findings with their reason", "[cli]") {
  Sandbox box;
  box.Write("a.env", "# magpie:allow\n" + kAwsLine);
  int code = 0;
  const nlohmann::json report = ScanJson(box, "--show-suppressed .", &code);
  CHECK(code == 0);
  CHECK(report["findings"].empty());
  REQUIRE(report["suppressed"].size() == 1);
  CHECK(report["suppressed"][0]["reason"] == "inline");
  CHECK(report["suppressed"][0]["rule"] == std::string(kAwsRule));
  CHECK(report["suppressed"][0]["secret"] != std::string(kAwsKey));  // still redacted

  const CliRun text = box.Run("scan --show-suppressed .");
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("a.env:2:") != std::string::npos);
  CHECK(text.out.find("suppressed (inline)") != std::string::npos);
  CHECK(text.err.find("suppressed 1 (inline)") != std::string::npos);

  const CliRun jsonl = box.Run("scan -f jsonl --show-suppressed .");
  CHECK(jsonl.out.find("\"type\":\"suppressed\",\"reason\":\"inline\"") != std::string::npos);
}

// ---- .magpieignore -------------------------------------------------------------------------

TEST_CASE("an ignore-file fingerprint suppresses exactly that finding", "[cli]") {
  Sandbox box;
  box.Write("a.env", kAwsLine);
  box.Write("b.env", kAwsLine);  // same secret, other path: another fingerprint
  int code = 0;
  const nlohmann::json first = ScanJson(box, ".", &code);
  REQUIRE(first["findings"].size() == 2);
  const std::string fp = first["findings"][0]["fingerprint"];
  box.Write(".magpieignore", "# accepted\n" + fp + "  # test key\n");
  const nlohmann::json second = ScanJson(box, ".", &code);
  CHECK(code == 1);
  REQUIRE(second["findings"].size() == 1);
  CHECK(second["findings"][0]["fingerprint"] != fp);
  CHECK(second["summary"]["suppressed"]["ignore-file"] == 1);
}

TEST_CASE("ignore-file path patterns exclude files, with negation", "[cli]") {
  Sandbox box;
  box.Write("fixtures/a.env", kAwsLine);
  box.Write("fixtures/keep.env", kAwsLine);
  box.Write("vendor/lib/x.env", kAwsLine);
  box.Write("src/app.env", kAwsLine);
  box.Write(".magpieignore", "fixtures/*\n!fixtures/keep.env\nvendor/\n");
  int code = 0;
  const nlohmann::json report = ScanJson(box, ".", &code);
  CHECK(code == 1);
  std::vector<std::string> paths;
  for (const auto& f : report["findings"]) paths.push_back(f["path"]);
  CHECK(paths == std::vector<std::string>{"fixtures/keep.env", "src/app.env"});
  // fixtures/a.env and the vendor directory (counted once).
  CHECK(report["summary"]["skipped"]["excluded"] == 2);

  // Named on the command line (as pre-commit does), an excluded file stays excluded.
  const nlohmann::json named = ScanJson(box, "fixtures/a.env src/app.env", &code);
  CHECK(named["findings"].size() == 1);
  CHECK(named["summary"]["skipped"]["excluded"] == 1);
}

TEST_CASE("flag --write-ignore accepts the current findings, then a rescan exits 0", "[cli]") {
  Sandbox box;
  box.Write("a.env", kAwsLine + kPasswordLine);
  const CliRun write = box.Run("scan --write-ignore .");
  INFO(write.err);
  CHECK(write.exit_code == 0);
  CHECK(write.err.find("added 2 entries to .magpieignore") != std::string::npos);
  const std::string ignore = ReadFile(box.work() / ".magpieignore");
  CHECK(ignore.find("# aws-access-key-id a.env:1 ") != std::string::npos);
  CHECK(ignore.find("# generic-secret a.env:2 ") != std::string::npos);

  const CliRun rescan = box.Run("scan .");
  CHECK(rescan.exit_code == 0);
  CHECK(rescan.err.find("suppressed 2 (ignore-file)") != std::string::npos);

  // Idempotent: nothing new, the file is unchanged.
  CHECK(box.Run("scan --write-ignore .").exit_code == 0);
  CHECK(ReadFile(box.work() / ".magpieignore") == ignore);
  // A new secret is still found.
  box.Write("b.env", kAwsLine);
  CHECK(box.Run("scan .").exit_code == 1);
}

TEST_CASE("two branches that both accept findings merge without a conflict", "[cli]") {
  Sandbox box;
  REQUIRE(Git(box, "init -q") == 0);
  box.Write("base.env", kAwsLine);
  REQUIRE(box.Run("scan --write-ignore .").exit_code == 0);
  // Sorting alone cannot keep two inserts at the same place apart: git needs the union driver.
  CHECK(ReadFile(box.work() / ".gitattributes").find("/.magpieignore merge=union") !=
        std::string::npos);
  REQUIRE(Git(box, "add -A") == 0);
  REQUIRE(Git(box, "commit -q -m base") == 0);

  // Several entries per branch, so that some land next to each other in sorted order.
  REQUIRE(Git(box, "checkout -q -b one") == 0);
  for (int i = 0; i < 4; ++i) box.Write("one" + std::to_string(i) + ".env", kAwsLine);
  REQUIRE(box.Run("scan --write-ignore .").exit_code == 0);
  REQUIRE(Git(box, "add -A") == 0);
  REQUIRE(Git(box, "commit -q -m one") == 0);

  REQUIRE(Git(box, "checkout -q -b two main") == 0);
  for (int i = 0; i < 4; ++i) box.Write("two" + std::to_string(i) + ".env", kAwsLine);
  REQUIRE(box.Run("scan --write-ignore .").exit_code == 0);
  REQUIRE(Git(box, "add -A") == 0);
  REQUIRE(Git(box, "commit -q -m two") == 0);

  CHECK(Git(box, "merge -q --no-edit one") == 0);
  const std::string merged = ReadFile(box.work() / ".magpieignore");
  CHECK(merged.find("<<<<<<<") == std::string::npos);
  CHECK(merged.find(">>>>>>>") == std::string::npos);
  // Every accepted finding of both branches is still accepted.
  const CliRun rescan = box.Run("scan .");
  INFO(rescan.out << rescan.err);
  CHECK(rescan.exit_code == 0);
  CHECK(rescan.err.find("suppressed 9 (ignore-file)") != std::string::npos);
}

// ---- --baseline ----------------------------------------------------------------------------

TEST_CASE("a baseline survives line insertions above the finding", "[cli]") {
  Sandbox box;
  box.Write("app/config.py", "import os\n" + kAwsLine);
  const CliRun base = box.Run("scan -f json -o " + ShellQuote((box.io() / "base.json").string()) +
                              " .");
  REQUIRE(base.exit_code == 1);
  const std::string baseline = ShellQuote((box.io() / "base.json").string());

  box.Write("app/config.py", "# a header\n\n\nimport os\nimport sys\n" + kAwsLine);
  int code = 0;
  const nlohmann::json moved = ScanJson(box, "--baseline " + baseline + " .", &code);
  CHECK(code == 0);
  CHECK(moved["findings"].empty());
  CHECK(moved["summary"]["suppressed"]["baseline"] == 1);

  // Only what is new fails the build.
  box.Write("app/new.py", kPasswordLine);
  const nlohmann::json added = ScanJson(box, "--baseline " + baseline + " .", &code);
  CHECK(code == 1);
  REQUIRE(added["findings"].size() == 1);
  CHECK(added["findings"][0]["path"] == "app/new.py");
}

TEST_CASE("an unreadable or invalid baseline is an error", "[cli]") {
  Sandbox box;
  box.Write("a.env", kAwsLine);
  const CliRun missing = box.Run("scan --baseline no-such.json .");
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("no-such.json") != std::string::npos);
  box.Write("bad.json", "{\"hello\": 1}");
  const CliRun bad = box.Run("scan --baseline bad.json .");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("invalid --baseline") != std::string::npos);
}

}  // namespace
}  // namespace magpie::clitest

namespace magpie::clitest {
namespace {

// Issue 10 §2: the scanned tree cannot switch the scan off when CI asks it not to.
TEST_CASE("issue 10: --no-repo-config ignores .magpieignore and .magpie.yaml of the tree",
          "[cli]") {
  Sandbox box;
  box.Write("a.env", kAwsLine + kPasswordLine);
  box.Write(".magpieignore", "*\n");
  box.Write(".magpie.yaml", "disable: [aws-access-key-id, generic-secret]\nexclude: ['*']\n");
  CHECK(box.Run("scan .").exit_code == 0);  // the tree switched the scan off
  int code = 0;
  const nlohmann::json report = ScanJson(box, "--no-repo-config .", &code);
  CHECK(code == 1);
  CHECK(report["findings"].size() == 2);
  CHECK(report["summary"]["config_file"] == "");
  // A configuration the user names still applies.
  box.Write("../io/ci.yaml", "disable: [generic-secret]\n");
  const nlohmann::json named =
      ScanJson(box, "--no-repo-config --config " + ShellQuote((box.io() / "ci.yaml").string()) +
                        " .",
               &code);
  CHECK(code == 1);
  REQUIRE(named["findings"].size() == 1);
  CHECK(named["findings"][0]["rule"] == std::string(kAwsRule));
}

TEST_CASE("issue 10: --no-inline-allow makes inline markers suppress nothing", "[cli]") {
  Sandbox box;
  box.Write("a.env", "AWS_ACCESS_KEY_ID=" + std::string(kAwsKey) + "  # magpie:allow\n");
  CHECK(box.Run("scan .").exit_code == 0);
  int code = 0;
  const nlohmann::json report = ScanJson(box, "--no-inline-allow .", &code);
  CHECK(code == 1);
  CHECK(report["findings"].size() == 1);
  CHECK_FALSE(report["summary"]["suppressed"].contains("inline"));
}

}  // namespace
}  // namespace magpie::clitest
