// Exit codes and start-up errors of the magpie executable (issue 2): 0 clean, 1 findings,
// 2 for every usage or configuration error, each explained on stderr without a crash.
#include <catch2/catch.hpp>

#include <regex>
#include <string>

#include "cli_harness.h"

namespace magpie::clitest {
namespace {

const std::string kCliData = std::string(MAGPIE_TEST_DATA) + "/cli/";

// A start-up error: exit 2, nothing on stdout, a short "magpie: error: ..." message and no
// sign of a crash or an escaped exception.
void RequireCleanError(const CliRun& run) {
  INFO("stdout: " << run.out << "\nstderr: " << run.err);
  REQUIRE(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK(run.err.find("error") != std::string::npos);
  CHECK(CountLines(run.err) <= 3);
  CHECK(run.err.find("terminate called") == std::string::npos);
  CHECK(run.err.find("what()") == std::string::npos);
}

TEST_CASE("a directory without secrets exits 0 and reports nothing", "[cli]") {
  Sandbox box;
  box.Write("README.md", "# hello\nNothing to see here.\n");
  box.Write("src/main.py", "print('hello world')\n");
  const CliRun run = box.Run("scan --format json .");
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const nlohmann::json report = ParseJson(run.out);
  REQUIRE(report.is_object());
  CHECK(report["findings"].empty());
  CHECK(report["summary"]["files_scanned"] == 2);
}

TEST_CASE("a directory with a secret exits 1", "[cli]") {
  Sandbox box;
  box.Write("README.md", "# hello\n");
  box.Write("deploy/env.sh", "export AWS_ACCESS_KEY_ID=" + std::string(kAwsKey) + "\n");
  const CliRun run = box.Run("scan .");
  INFO(run.err);
  CHECK(run.exit_code == 1);
  CHECK(run.out.find("deploy/env.sh") != std::string::npos);
  CHECK(run.out.find(std::string(kAwsRule)) != std::string::npos);
}

TEST_CASE("an unknown flag exits 2 with a usage message", "[cli]") {
  Sandbox box;
  box.Write("a.txt", "clean\n");
  const CliRun run = box.Run("scan --no-such-flag .");
  INFO(run.err);
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("--no-such-flag") != std::string::npos);
}

TEST_CASE("an unknown --format exits 2 and names the format", "[cli]") {
  Sandbox box;
  box.Write("a.txt", "export AWS_ACCESS_KEY_ID=" + std::string(kAwsKey) + "\n");
  const CliRun run = box.Run("scan --format xml .");
  RequireCleanError(run);
  CHECK(run.err.find("xml") != std::string::npos);
}

TEST_CASE("a path that does not exist exits 2 and names it", "[cli]") {
  Sandbox box;
  box.Write("a.txt", "clean\n");
  const CliRun run = box.Run("scan a.txt no/such/place");
  RequireCleanError(run);
  CHECK(run.err.find("no/such/place") != std::string::npos);
}

TEST_CASE("a broken --rules file exits 2 naming the file, rule and line", "[cli]") {
  Sandbox box;
  box.Write("a.txt", "export AWS_ACCESS_KEY_ID=" + std::string(kAwsKey) + "\n");
  struct Case {
    const char* file;
    const char* expected;  // a regex that stderr must contain
  };
  const Case cases[] = {
      // yaml-cpp reports the unclosed '[' of line 5 somewhere at or after that line.
      {"broken_yaml.yaml", R"(broken_yaml\.yaml:[5-9]\b)"},
      {"unknown_key.yaml", R"(unknown_key\.yaml:6\b.*test-token.*patern)"},
      // The second definition (line 9) is the duplicate.
      {"duplicate_id.yaml", R"(duplicate_id\.yaml:9\b.*test-token)"},
      {"bad_regex.yaml", R"(bad_regex\.yaml:1[12]\b.*bad-regex)"},
  };
  for (const Case& c : cases) {
    SECTION(c.file) {
      const CliRun run = box.Run("scan --rules " + ShellQuote(kCliData + c.file) + " .");
      RequireCleanError(run);
      CHECK(std::regex_search(run.err, std::regex(c.expected)));
    }
  }
}

TEST_CASE("a --rules file replaces the built-in rules", "[cli]") {
  Sandbox box;
  box.Write("a.txt", "export AWS_ACCESS_KEY_ID=" + std::string(kAwsKey) +
                         "\ntoken = tst_a1b2c3d4e5f6\n");
  const CliRun run =
      box.Run("scan --no-generic --format json --rules " + ShellQuote(kCliData + "green.yaml") + " .");
  INFO(run.err);
  REQUIRE(run.exit_code == 1);
  const nlohmann::json report = ParseJson(run.out);
  CHECK(FindingsOf(report, "test-token").size() == 1);
  CHECK(FindingsOf(report, kAwsRule).empty());
}

TEST_CASE("rules check fails, naming the rule, when an example does not match", "[cli]") {
  Sandbox box;
  const CliRun run = box.Run("rules check --rules " + ShellQuote(kCliData + "failing_example.yaml"));
  INFO("stdout: " << run.out << "\nstderr: " << run.err);
  CHECK(run.exit_code == 2);
  CHECK(std::regex_search(run.out, std::regex(R"(FAIL\s+broken-example)")));
  CHECK(std::regex_search(run.out, std::regex(R"(ok\s+test-token)")));
  CHECK_FALSE(std::regex_search(run.out, std::regex(R"(FAIL\s+test-token)")));
}

TEST_CASE("rules check fails when a negative example matches", "[cli]") {
  Sandbox box;
  const CliRun run =
      box.Run("rules check --rules " + ShellQuote(kCliData + "matching_negative.yaml"));
  INFO("stdout: " << run.out << "\nstderr: " << run.err);
  CHECK(run.exit_code == 2);
  CHECK(std::regex_search(run.out, std::regex(R"(FAIL\s+leaky-negative)")));
}

TEST_CASE("rules check passes a file whose examples all behave", "[cli]") {
  Sandbox box;
  const CliRun run = box.Run("rules check --rules " + ShellQuote(kCliData + "green.yaml"));
  INFO("stdout: " << run.out << "\nstderr: " << run.err);
  CHECK(run.exit_code == 0);
  CHECK(std::regex_search(run.out, std::regex(R"(ok\s+test-token)")));
  CHECK(run.out.find("FAIL") == std::string::npos);
}

TEST_CASE("rules check reports a broken rules file as an error", "[cli]") {
  Sandbox box;
  const CliRun run = box.Run("rules check --rules " + ShellQuote(kCliData + "unknown_key.yaml"));
  RequireCleanError(run);
  CHECK(run.err.find("patern") != std::string::npos);
}

TEST_CASE("rules list prints the built-in rule ids", "[cli]") {
  Sandbox box;
  const CliRun run = box.Run("rules list");
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(std::regex_search(run.out, std::regex("(^|\\n)aws-access-key-id\\b")));
  CHECK(std::regex_search(run.out, std::regex("(^|\\n)generic-secret\\b")));
  const CliRun ids = box.Run("rules list --format ids");
  CHECK(ids.exit_code == 0);
  CHECK(std::regex_search(ids.out, std::regex("(^|\\n)aws-access-key-id\\n")));
}

}  // namespace
}  // namespace magpie::clitest
