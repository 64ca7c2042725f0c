// .magpie.yaml (issue 5): every key, unknown and invalid keys (exit 2 naming key and line),
// command-line flags winning over the file, extra and disabled rules, and the summary naming
// the file in use.
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "cli_harness.h"

namespace magpie::clitest {
namespace {

const std::string kAwsLine = "AWS_ACCESS_KEY_ID=" + std::string(kAwsKey) + "\n";
const std::string kPasswordLine = "DB_PASSWORD=" + std::string(kPassword) + "\n";

// An extra rule; its example is kept out of the scanned tree by `exclude`.
const std::string kAcmeRule = R"(rules:
  - id: acme-token
    name: ACME token
    description: Tokens of the ACME test service.
    pattern: '\b(acme_[a-z0-9]{24})\b'
    confidence: high
    examples: ["acme_0123456789abcdefghijklmn"]
)";

std::vector<std::string> Rules(const nlohmann::json& report) {
  std::vector<std::string> out;
  for (const auto& f : report["findings"]) out.push_back(f["rule"]);
  return out;
}

nlohmann::json ScanJson(const Sandbox& box, const std::string& flags, CliRun* run) {
  *run = box.Run("scan -f json " + flags);
  INFO("stderr: " << run->err);
  const nlohmann::json report = ParseJson(run->out);
  REQUIRE(report.is_object());
  return report;
}

TEST_CASE("an unknown top-level key is an error naming the key and its line", "[cli]") {
  Sandbox box;
  box.Write("a.env", kAwsLine);
  box.Write(".magpie.yaml", "min_confidence: low\n\nexclud:\n  - x\n");
  const CliRun run = box.Run("scan .");
  INFO(run.err);
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK(run.err.find(".magpie.yaml:3") != std::string::npos);
  CHECK(run.err.find("'exclud'") != std::string::npos);
}

TEST_CASE("invalid values and unknown nested keys are errors with their line", "[cli]") {
  Sandbox box;
  box.Write("a.env", kAwsLine);
  box.Write(".magpie.yaml",
            "min_confidence: sure\nmax_file_size: -3\ngeneric: maybe\n"
            "entropy:\n  hex: 9\n  colour: 1\ndisable: aws-access-key-id\n");
  const CliRun run = box.Run("scan .");
  INFO(run.err);
  CHECK(run.exit_code == 2);
  CHECK(run.err.find(".magpie.yaml:1: 'min_confidence'") != std::string::npos);
  CHECK(run.err.find(".magpie.yaml:2: 'max_file_size'") != std::string::npos);
  CHECK(run.err.find(".magpie.yaml:3: 'generic'") != std::string::npos);
  CHECK(run.err.find(".magpie.yaml:5: 'entropy.hex'") != std::string::npos);
  CHECK(run.err.find(".magpie.yaml:6: unknown key 'entropy.colour'") != std::string::npos);
  CHECK(run.err.find(".magpie.yaml:7: 'disable' must be a list") != std::string::npos);

  box.Write(".magpie.yaml", "min_confidence: [unclosed\n");
  const CliRun yaml = box.Run("scan .");
  CHECK(yaml.exit_code == 2);
  CHECK(yaml.err.find("invalid YAML") != std::string::npos);
}

TEST_CASE("a command-line flag wins over the configuration file", "[cli]") {
  Sandbox box;
  box.Write("a.env", kAwsLine + kPasswordLine);  // high and low confidence findings
  box.Write(".magpie.yaml", "min_confidence: high\n");
  CliRun run;
  const nlohmann::json from_file = ScanJson(box, ".", &run);
  CHECK(Rules(from_file) == std::vector<std::string>{std::string(kAwsRule)});
  const nlohmann::json from_flag = ScanJson(box, "--min-confidence low .", &run);
  CHECK(Rules(from_flag) ==
        std::vector<std::string>{std::string(kAwsRule), std::string(kGenericRule)});

  // max_file_size the same way.
  box.Write(".magpie.yaml", "max_file_size: 1\n");
  box.Write("big.env", std::string(1536 * 1024, '\n') + kAwsLine);  // 1.5 MiB
  const nlohmann::json small = ScanJson(box, ".", &run);
  CHECK(small["summary"]["skipped"]["too-large"] == 1);
  const nlohmann::json large = ScanJson(box, "--max-file-size 2 .", &run);
  CHECK_FALSE(large["summary"]["skipped"].contains("too-large"));
}

TEST_CASE("the summary names the configuration file, and --no-config ignores it", "[cli]") {
  Sandbox box;
  box.Write("a.env", kAwsLine + kPasswordLine);
  box.Write(".magpie.yaml", "generic: false\n");
  CliRun run;
  const nlohmann::json with = ScanJson(box, ".", &run);
  CHECK(with["summary"]["config_file"] == ".magpie.yaml");
  CHECK(run.err.find("config: .magpie.yaml") != std::string::npos);
  CHECK(Rules(with) == std::vector<std::string>{std::string(kAwsRule)});

  const nlohmann::json without = ScanJson(box, "--no-config .", &run);
  CHECK(without["summary"]["config_file"] == "");
  CHECK(run.err.find("config:") == std::string::npos);
  CHECK(Rules(without).size() == 2);

  // --config picks another file, even with a .magpie.yaml present.
  box.Write("other/magpie.yaml", "disable: [aws-access-key-id]\n");
  const nlohmann::json other = ScanJson(box, "--config other/magpie.yaml .", &run);
  CHECK(other["summary"]["config_file"] == "other/magpie.yaml");
  CHECK(Rules(other) == std::vector<std::string>{std::string(kGenericRule)});

  const CliRun missing = box.Run("scan --config nope.yaml .");
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("nope.yaml") != std::string::npos);
}

TEST_CASE("a configured extra rule finds its secret", "[cli]") {
  Sandbox box;
  box.Write("svc.txt", "token = acme_zyxwvutsrqponmlkjihg9876\n");
  box.Write(".magpie.yaml", kAcmeRule + "exclude: [/.magpie.yaml]\n");
  CliRun run;
  const nlohmann::json report = ScanJson(box, ".", &run);
  CHECK(run.exit_code == 1);
  CHECK(Rules(report) == std::vector<std::string>{"acme-token"});
  CHECK(report["summary"]["skipped"]["excluded"] == 1);  // the config itself

  // Without the configuration the token is nobody's business.
  const nlohmann::json plain = ScanJson(box, "--no-config .", &run);
  for (const auto& f : plain["findings"]) CHECK(f["rule"] != "acme-token");
}

TEST_CASE("an extra rule reusing a built-in id is an error", "[cli]") {
  Sandbox box;
  box.Write("a.env", kAwsLine);
  std::string rule = kAcmeRule;
  rule.replace(rule.find("acme-token"), 10, "aws-access-key-id");
  box.Write(".magpie.yaml", rule);
  const CliRun run = box.Run("scan .");
  INFO(run.err);
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("aws-access-key-id") != std::string::npos);
  CHECK(run.err.find("duplicate id") != std::string::npos);
}

TEST_CASE("disable drops rules, and an unknown id is an error", "[cli]") {
  Sandbox box;
  box.Write("a.env", kAwsLine + kPasswordLine);
  box.Write(".magpie.yaml", "disable:\n  - generic-secret\n");
  CliRun run;
  CHECK(Rules(ScanJson(box, ".", &run)) == std::vector<std::string>{std::string(kAwsRule)});
  box.Write(".magpie.yaml", "disable: [aws-access-key-id]\n");
  CHECK(Rules(ScanJson(box, ".", &run)) == std::vector<std::string>{std::string(kGenericRule)});

  box.Write(".magpie.yaml", "disable:\n  - aws-access-key-id\n  - no-such-rule\n");
  const CliRun bad = box.Run("scan .");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find(".magpie.yaml:3") != std::string::npos);
  CHECK(bad.err.find("no-such-rule") != std::string::npos);
}

TEST_CASE("config excludes and entropy thresholds apply", "[cli]") {
  Sandbox box;
  box.Write("test/fixtures/a.env", kAwsLine);
  box.Write("src/b.env", "DB_PASSWORD=zz9zz9zz9zz9kk\n");  // too repetitive by default
  CliRun run;
  box.Write(".magpie.yaml", "exclude: [\"test/**\"]\n");
  const nlohmann::json report = ScanJson(box, ".", &run);
  CHECK(run.exit_code == 0);
  CHECK(report["findings"].empty());
  CHECK(report["summary"]["skipped"]["excluded"] == 1);

  // Lowered floors let the generic detector take it.
  box.Write(".magpie.yaml",
            "exclude: [\"test/**\"]\nentropy: {hex: 0.5, base64: 0.5, mixed: 0.5}\n");
  const nlohmann::json lowered = ScanJson(box, ".", &run);
  CHECK(run.exit_code == 1);
  CHECK(Rules(lowered) == std::vector<std::string>{std::string(kGenericRule)});
}

}  // namespace
}  // namespace magpie::clitest

namespace magpie::clitest {
namespace {

// Issue 10: configuration files found in the scanned tree are hostile; a FIFO under their
// names must not hang the scan (it is an error: the scan cannot know the tree's policy).
TEST_CASE("issue 10: a FIFO named .magpieignore or .magpie.yaml does not hang the scan",
          "[cli]") {
  for (const char* name : {".magpieignore", ".magpie.yaml"}) {
    Sandbox box;
    box.Write("a.env", kAwsLine);
    REQUIRE(mkfifo((box.work() / name).c_str(), 0600) == 0);
    const CliRun run = box.Run("scan .");
    INFO(name << ": " << run.err);
    CHECK(run.exit_code == 2);  // 124 would be the harness's timeout
    CHECK(run.err.find("not a regular file") != std::string::npos);
  }
}

}  // namespace
}  // namespace magpie::clitest
