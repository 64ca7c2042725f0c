// What `magpie scan` writes (issue 2): redaction in every format, exact JSON locations, stable
// fingerprints, deterministic order whatever the thread count, --output, valid SARIF.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <regex>
#include <string>
#include <tuple>
#include <vector>

#include "cli_harness.h"

namespace magpie::clitest {
namespace {

std::string TwoSecrets() {
  return "# settings\nexport AWS_ACCESS_KEY_ID=" + std::string(kAwsKey) +
         "\nDB_PASSWORD=" + std::string(kPassword) + "\n";
}

TEST_CASE("every format redacts secrets by default", "[cli]") {
  Sandbox box;
  box.Write("config/app.env", TwoSecrets());
  for (const char* format : {"text", "json", "jsonl", "sarif"}) {
    SECTION(format) {
      const CliRun run = box.Run(std::string("scan --format ") + format + " .");
      INFO("stdout: " << run.out << "\nstderr: " << run.err);
      REQUIRE(run.exit_code == 1);
      // Not vacuous: both findings are in the report.
      CHECK(run.out.find(std::string(kAwsRule)) != std::string::npos);
      CHECK(run.out.find(std::string(kGenericRule)) != std::string::npos);
      CHECK(run.out.find(std::string(kAwsKey)) == std::string::npos);
      CHECK(run.out.find(std::string(kPassword)) == std::string::npos);
      CHECK(run.err.find(std::string(kAwsKey)) == std::string::npos);
      CHECK(run.err.find(std::string(kPassword)) == std::string::npos);
    }
  }
}

TEST_CASE("the --show-secrets flag prints the full secret in JSON", "[cli]") {
  Sandbox box;
  box.Write("config/app.env", TwoSecrets());
  const CliRun run = box.Run("scan --show-secrets --format json .");
  INFO(run.err);
  REQUIRE(run.exit_code == 1);
  const nlohmann::json report = ParseJson(run.out);
  const auto aws = FindingsOf(report, kAwsRule);
  REQUIRE(aws.size() == 1);
  CHECK(aws[0]["secret"] == kAwsKey);
  CHECK(aws[0]["redacted"] == false);
  const auto generic = FindingsOf(report, kGenericRule);
  REQUIRE(generic.size() == 1);
  CHECK(generic[0]["secret"] == kPassword);
}

TEST_CASE("JSON gives the exact location of a planted secret", "[cli]") {
  Sandbox box;
  // Line 3, after 8 bytes ("    id: "): the key spans columns 9..28.
  const std::string prefix = "first line\nsecond line\n";
  box.Write("keys/prod.yaml", prefix + "    id: " + std::string(kAwsKey) + " # prod\nlast\n");
  const CliRun run = box.Run("scan --format json .");
  INFO(run.err);
  REQUIRE(run.exit_code == 1);
  const auto aws = FindingsOf(ParseJson(run.out), kAwsRule);
  REQUIRE(aws.size() == 1);
  const nlohmann::json& f = aws[0];
  CHECK(f["path"] == "keys/prod.yaml");
  CHECK(f["start_line"] == 3);
  CHECK(f["start_column"] == 9);
  CHECK(f["end_line"] == 3);
  CHECK(f["end_column"] == 29);
  CHECK(f["start_offset"] == prefix.size() + 8);
  CHECK(f["end_offset"] == prefix.size() + 8 + kAwsKey.size());
  CHECK(f["fingerprint"].is_string());
  CHECK_FALSE(f["fingerprint"].get<std::string>().empty());
}

TEST_CASE("a fingerprint survives inserted lines and differs between paths", "[cli]") {
  Sandbox box;
  const std::string line = "aws_access_key_id = " + std::string(kAwsKey) + "\n";
  box.Write("a.cfg", line);
  const CliRun before = box.Run("scan --format json a.cfg");
  const auto first = FindingsOf(ParseJson(before.out), kAwsRule);
  REQUIRE(first.size() == 1);
  CHECK(first[0]["start_line"] == 1);

  box.Write("a.cfg", "# one\n# two\n# three\n" + line);
  box.Write("b.cfg", line);
  const CliRun after = box.Run("scan --format json a.cfg b.cfg");
  const nlohmann::json report = ParseJson(after.out);
  const auto found = FindingsOf(report, kAwsRule);
  REQUIRE(found.size() == 2);
  const nlohmann::json& moved = found[0];
  const nlohmann::json& elsewhere = found[1];
  CHECK(moved["path"] == "a.cfg");
  CHECK(moved["start_line"] == 4);
  CHECK(moved["fingerprint"] == first[0]["fingerprint"]);
  CHECK(elsewhere["path"] == "b.cfg");
  CHECK(elsewhere["start_line"] == 1);
  CHECK(elsewhere["fingerprint"] != first[0]["fingerprint"]);
}

// An AWS-shaped key unique to `n` (base32 digits of n after a fixed stem).
std::string AwsKeyFor(int n) {
  static constexpr char kBase32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string key = "AKIAQYLPMN5HHHFP";
  for (int i = 0; i < 4; ++i, n /= 32) key += kBase32[n % 32];
  return key;
}

// The report with the run-dependent timing removed.
std::string WithoutTiming(const std::string& json_report) {
  return std::regex_replace(json_report, std::regex(R"("elapsed_seconds":\s*[0-9.eE+-]+)"),
                            "\"elapsed_seconds\": 0");
}

TEST_CASE("findings are identical and sorted with -j1 and -j4", "[cli]") {
  Sandbox box;
  int planted = 0;
  for (int i = 0; i < 200; ++i) {
    std::string dir = "d";  // (appending, not "d" + ...: GCC 12 -Wrestrict false positive)
    dir += std::to_string(i % 7) + "/s" + std::to_string(i % 3);
    std::string content = "line one of file " + std::to_string(i) + "\n";
    if (i % 4 != 0) {
      content += "aws_access_key_id = " + AwsKeyFor(i) + "\n";
      ++planted;
    }
    content += "nothing here\n";
    if (i % 5 == 0) {
      content += "export AWS_ACCESS_KEY_ID=" + AwsKeyFor(1000 + i) + "\n";
      ++planted;
    }
    box.Write(dir + "/file" + std::to_string(i) + ".txt", content);
  }
  const CliRun one = box.Run("scan --no-generic --format json -j1 .");
  const CliRun four = box.Run("scan --no-generic --format json -j4 .");
  INFO(one.err << four.err);
  REQUIRE(one.exit_code == 1);
  REQUIRE(four.exit_code == 1);
  const nlohmann::json a = ParseJson(one.out);
  const nlohmann::json b = ParseJson(four.out);
  REQUIRE(a["findings"].size() == static_cast<size_t>(planted));
  CHECK(a["findings"].dump() == b["findings"].dump());
  CHECK(WithoutTiming(one.out) == WithoutTiming(four.out));

  std::vector<std::tuple<std::string, uint64_t>> order;
  for (const nlohmann::json& f : a["findings"]) {
    order.emplace_back(f["path"].get<std::string>(), f["start_offset"].get<uint64_t>());
  }
  CHECK(std::is_sorted(order.begin(), order.end()));
}

TEST_CASE("the --output flag writes the report to the file and nothing to stdout", "[cli]") {
  Sandbox box;
  box.Write("a.env", TwoSecrets());
  const fs::path report_file = box.io() / "report.json";
  const CliRun run = box.Run("scan --format json --output " + ShellQuote(report_file.string()) + " .");
  INFO(run.err);
  CHECK(run.exit_code == 1);
  CHECK(run.out.empty());
  const nlohmann::json report = ParseJson(ReadFile(report_file));
  REQUIRE(report.is_object());
  CHECK(FindingsOf(report, kAwsRule).size() == 1);
}

TEST_CASE("the SARIF report of a real scan passes the SARIF 2.1.0 schema", "[cli]") {
  const std::string validator = std::string(MAGPIE_SOURCE_DIR) + "/tests/report/validate_sarif.py";
  const std::string schema = std::string(MAGPIE_TEST_DATA) + "/sarif-schema-2.1.0.json";
  REQUIRE(fs::exists(validator));
  Sandbox box;
  box.Write("config/app.env", TwoSecrets());
  box.Write("src/clean.py", "print('hi')\n");
  box.Write("blob.bin", std::string("\0\0binary", 8));
  const fs::path sarif = box.io() / "report.sarif";
  const CliRun run = box.Run("scan --format sarif -o " + ShellQuote(sarif.string()) + " .");
  INFO(run.err);
  REQUIRE(run.exit_code == 1);
  const nlohmann::json log = ParseJson(ReadFile(sarif));
  REQUIRE(log.is_object());
  REQUIRE(log["runs"].size() == 1);
  CHECK(log["runs"][0]["results"].size() == 2);

  const std::string command = "/usr/bin/python3 " + ShellQuote(validator) + " " +
                              ShellQuote(schema) + " " + ShellQuote(sarif.string()) + " >" +
                              ShellQuote((box.io() / "validate.out").string()) + " 2>&1";
  const int status = std::system(command.c_str());
  INFO(ReadFile(box.io() / "validate.out"));
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}

}  // namespace
}  // namespace magpie::clitest
