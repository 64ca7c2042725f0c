// Behaviour of each format beyond the golden files: redaction everywhere, show_secrets,
// streaming, colour, empty reports and degenerate findings.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "report/report_internal.h"
#include "tests/report/report_fixtures.h"

namespace magpie::report {
namespace {

using nlohmann::ordered_json;
using testing::Contains;

const std::vector<std::string>& FullSecrets() {
  static const std::vector<std::string> kSecrets = {
      testing::kAwsSecret, testing::kUnicodeSecret, testing::kGithubSecret,
      testing::kEntropySecret, "ASIAY34FZKBOKMUTVV7A"};
  return kSecrets;
}

const Format kAllFormats[] = {Format::kText, Format::kJson, Format::kJsonl, Format::kSarif};

TEST_CASE("No format prints a full secret unless asked to", "[report]") {
  for (Format format : kAllFormats) {
    const std::string redacted = testing::Render(format, testing::Options());
    const std::string shown = testing::Render(format, testing::Options(/*show_secrets=*/true));
    for (const std::string& secret : FullSecrets()) {
      INFO("format " << static_cast<int>(format) << " secret " << secret);
      CHECK_FALSE(Contains(redacted, secret));
      CHECK(Contains(shown, secret));
    }
    // The base64 text that decodes to the GitHub token is hidden as well.
    CHECK_FALSE(Contains(redacted, "Z2hwX1I4d1BRbWQw"));
  }
}

TEST_CASE("JSON is one document with the documented fields", "[report]") {
  const std::string text = testing::Render(Format::kJson, testing::Options());
  const ordered_json doc = ordered_json::parse(text);
  // Streaming wrote exactly what dumping the whole document would have.
  CHECK(doc.dump(2) + "\n" == text);
  CHECK(doc["version"] == "1.2.3");
  REQUIRE(doc["findings"].size() == 5);
  REQUIRE(doc["diagnostics"].size() == 3);
  CHECK(doc["diagnostics"][1]["kind"] == "too-large");
  CHECK(doc["summary"]["files_scanned"] == 42);
  CHECK(doc["summary"]["elapsed_seconds"] == 1.235);
  CHECK(doc["summary"]["skipped"]["binary"] == 1);

  const ordered_json& aws = doc["findings"][0];
  CHECK(aws["rule"] == "aws-access-key-id");
  CHECK(aws["path"] == "config/app settings.env");
  CHECK(aws["start_line"] == 3);
  CHECK(aws["start_column"] == 26);
  CHECK(aws["end_column"] == 46);
  CHECK(aws["start_offset"] == 97);
  CHECK(aws["end_offset"] == 117);
  CHECK(aws["secret"] == "AKIA…");
  CHECK(aws["redacted"] == true);
  CHECK(aws["confidence"] == "high");
  CHECK(aws["severity"] == "critical");
  CHECK(aws["entropy"] == 3.68);
  CHECK(aws["context"] == "    aws_access_key_id = \"AKIA…\"  # was AKIA…");
  CHECK_FALSE(aws.contains("decoded"));
  CHECK_FALSE(aws.contains("git"));

  const ordered_json& github = doc["findings"][2];
  CHECK(github["decoded"] == "base64");
  CHECK(github["validated"] == true);
  REQUIRE(github.contains("git"));
  CHECK(github["git"]["commit_time"] == "2023-11-14T22:13:20Z");
  CHECK(github["git"]["other_occurrences"] == 2);
  CHECK(github["git"]["present_at_head"] == false);
  CHECK(github["git"]["last_commit"] == "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a291807");
  CHECK(github["git"]["versions"] == 3);
  CHECK(github["git"]["present_in"][0] == "refs/heads/release/1.x");
  CHECK(github["git"]["occurrences"][1]["blob"] == "5d41402abc4b2a76b9719d911017c592ae1e6a2b");
  CHECK_FALSE(doc["findings"][3]["git"].contains("present_in"));  // staged: not history
  CHECK(github["git"]["message"] == "Add prod token ghp_…");
  CHECK(doc["findings"][3]["git"]["staged"] == true);

  const ordered_json shown =
      ordered_json::parse(testing::Render(Format::kJson, testing::Options(true)));
  CHECK(shown["findings"][0]["secret"] == testing::kAwsSecret);
  CHECK(shown["findings"][0]["redacted"] == false);
}

TEST_CASE("JSON with no findings is still a complete document", "[report]") {
  const std::string text = testing::Render(Format::kJson, testing::Options(), {}, {});
  const ordered_json doc = ordered_json::parse(text);
  CHECK(doc.dump(2) + "\n" == text);
  CHECK(doc["findings"].empty());
  CHECK(doc["diagnostics"].empty());
}

TEST_CASE("JSONL streams one finding per line and ends with a summary", "[report]") {
  std::ostringstream out;
  auto reporter = MakeReporter(Format::kJsonl, out, testing::Options());
  reporter->Begin();
  const auto findings = testing::Findings();
  reporter->Add(findings[0]);
  // Written as added, before End().
  const ordered_json first = ordered_json::parse(out.str());
  CHECK(first["type"] == "finding");
  CHECK(first["rule"] == "aws-access-key-id");
  for (size_t i = 1; i < findings.size(); ++i) reporter->Add(findings[i]);
  for (const auto& d : testing::Diagnostics()) reporter->AddDiagnostic(d);
  reporter->End(testing::FixedSummary());

  std::istringstream lines(out.str());
  std::string line;
  std::vector<ordered_json> parsed;
  while (std::getline(lines, line)) parsed.push_back(ordered_json::parse(line));
  // The findings, then a line per diagnostic (issue 14), then the summary.
  REQUIRE(parsed.size() == findings.size() + 3 + 1);
  for (size_t i = 0; i < findings.size(); ++i) {
    CHECK(parsed[i]["type"] == "finding");
    CHECK(parsed[i]["fingerprint"] == findings[i].fingerprint);
  }
  CHECK(parsed[findings.size()]["type"] == "diagnostic");
  CHECK(parsed[findings.size()]["kind"] == "binary");
  CHECK(parsed.back()["type"] == "summary");
  CHECK(parsed.back()["diagnostics"] == 3);
  CHECK(parsed.back()["files_scanned"] == 42);
}

TEST_CASE("Text report: blocks, provenance, no colour unless asked", "[report]") {
  const std::string plain = testing::Render(Format::kText, testing::Options());
  CHECK_FALSE(Contains(plain, "\x1b["));
  CHECK(Contains(plain, "config/app settings.env:3:26  aws-access-key-id (AWS access key ID) "
                        "[severity critical, confidence high]\n"));
  CHECK(Contains(plain, "  context:     aws_access_key_id = \"AKIA…\"  # was AKIA…\n"));
  CHECK(Contains(plain, "  commit:      4f2a9c1b7d3e (first of 3 versions)\n"));
  CHECK(Contains(plain, "  last commit: 9e8d7c6b5a4f (2023-11-15T22:13:20Z)\n"));
  CHECK(Contains(plain, "  paths:       2 paths hold this secret\n"));
  CHECK(Contains(plain, "  now:         still in: release/1.x, v1.0, v1.1 (+2 more)\n"));
  CHECK(Contains(plain, "    9e8d7c6b5a4f  deploy/prod.yaml\n"));  // --all-occurrences
  CHECK(Contains(plain, "  author:      Jane Doe <jane@example.com>\n"));
  CHECK(Contains(plain, "  date:        2023-11-14T22:13:20Z\n"));
  CHECK(Contains(plain, "  also in:     2 other commit/path pairs\n"));
  CHECK(Contains(plain, "  staged:      yes"));
  // Diagnostics go to stderr via the CLI, never into the text report.
  CHECK_FALSE(Contains(plain, "binary file"));
  CHECK_FALSE(Contains(plain, "No secrets found."));

  const std::string coloured = testing::Render(Format::kText, testing::Options(false, true));
  CHECK(Contains(coloured, "\x1b["));
  CHECK(Contains(coloured, "\x1b[1;33mAKIA…\x1b[0m"));
}

TEST_CASE("Text report says so when nothing was found", "[report]") {
  CHECK(testing::Render(Format::kText, testing::Options(), {}, testing::Diagnostics()) ==
        "No secrets found.\n");
}

TEST_CASE("Text report escapes terminal control bytes from scanned data", "[report]") {
  auto f = testing::MakeFinding("r", "R", "s3cr3tvalue12345", "x=\x1b[2Js3cr3tvalue12345\r", 6,
                                1, 7, 6);
  const std::string text = testing::Render(
      Format::kText, testing::Options(), {{f, FileOrigin{"evil\x1b]0;title\x07.txt"}, "fp"}}, {});
  CHECK_FALSE(Contains(text, "\x1b"));
  CHECK_FALSE(Contains(text, "\r"));
  CHECK(Contains(text, "x=\\x1b[2Js3cr…\\x0d"));
  CHECK(Contains(text, "evil\\x1b]0;title\\x07.txt:1:7"));
}

TEST_CASE("Degenerate findings do not crash any format", "[report]") {
  scanner::Finding empty;  // empty secret, context, rule name; default positions
  scanner::Finding odd = testing::MakeFinding("r", "", "abc", "", 99, 0, 0, 0);
  GitOrigin git;  // all empty
  const std::vector<ReportedFinding> findings = {
      {empty, FileOrigin{""}, ""}, {odd, git, ""}, {empty, FileOrigin{"-"}, ""}};
  for (Format format : kAllFormats) {
    for (bool show : {false, true}) {
      const std::string out = testing::Render(format, testing::Options(show), findings, {});
      CHECK_FALSE(out.empty());
      if (format == Format::kJson || format == Format::kSarif) {
        CHECK_NOTHROW(ordered_json::parse(out));
      }
    }
  }
}

TEST_CASE("Invalid UTF-8 in scanned data still gives valid JSON", "[report]") {
  auto f = testing::MakeFinding("r", "R", "tok\xff\xfe_secret_value", "k=tok\xff\xfe_secret_value \xc3",
                                2, 1, 3, 2);
  for (Format format : {Format::kJson, Format::kJsonl, Format::kSarif}) {
    const std::string out =
        testing::Render(format, testing::Options(true), {{f, FileOrigin{"bad\xff.txt"}, "fp"}}, {});
    if (format == Format::kJsonl) {
      CHECK_NOTHROW(ordered_json::parse(out.substr(0, out.find('\n'))));
    } else {
      CHECK_NOTHROW(ordered_json::parse(out));
    }
    CHECK(Contains(out, "\xEF\xBF\xBD"));  // U+FFFD stands in for the bad bytes
  }
}

}  // namespace
}  // namespace magpie::report

namespace magpie::report {
namespace {

TEST_CASE("issue 11: one short line says where a history secret lives now", "[report]") {
  SecretHistory h;
  CHECK(internal::PresenceText(h) == "unknown (the branches and tags could not be read)");
  h.presence_checked = true;
  CHECK(internal::PresenceText(h) ==
        "deleted from every branch and tag (still in history: rotate it)");
  h.present_elsewhere = true;
  CHECK(internal::PresenceText(h) ==
        "no branch or tag at this path; still at another path (moved or copied)");
  h.present_in = {"refs/heads/main", "refs/remotes/origin/dev", "refs/tags/v1.2", "HEAD"};
  CHECK(internal::PresenceText(h) == "still in: main, origin/dev, v1.2 (+1 more)");
  CHECK(internal::PresenceText(h, 4) == "still in: main, origin/dev, v1.2, HEAD");
}

}  // namespace
}  // namespace magpie::report
