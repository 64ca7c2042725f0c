// SARIF: validated against the official 2.1.0 schema (tests/data/sarif-schema-2.1.0.json) by
// tests/report/validate_sarif.py (python3-jsonschema), plus what the schema cannot check.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/report/report_fixtures.h"

namespace magpie::report {
namespace {

using nlohmann::ordered_json;
using testing::Contains;
using testing::ValidateWithSchema;

TEST_CASE("SARIF validates against the 2.1.0 schema", "[report][sarif]") {
  CHECK(ValidateWithSchema(testing::Render(Format::kSarif, testing::Options()), "a.sarif") == 0);
  CHECK(ValidateWithSchema(testing::Render(Format::kSarif, testing::Options(true)), "b.sarif") ==
        0);
  CHECK(ValidateWithSchema(testing::Render(Format::kSarif, testing::Options(), {}, {}),
                           "empty.sarif") == 0);
  // No rule set: rules are described from the findings alone.
  ReportOptions bare = testing::Options();
  bare.rules = nullptr;
  CHECK(ValidateWithSchema(testing::Render(Format::kSarif, bare), "bare.sarif") == 0);
}

TEST_CASE("The schema validator rejects a broken document", "[report][sarif]") {
  // Guards the test above against a validator that accepts anything.
  ordered_json doc = ordered_json::parse(testing::Render(Format::kSarif, testing::Options()));
  doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0;
  CHECK(ValidateWithSchema(doc.dump(), "broken.sarif") == 1);
}

TEST_CASE("SARIF content: rules once, locations, fingerprints, no secrets", "[report][sarif]") {
  const std::string text = testing::Render(Format::kSarif, testing::Options());
  const ordered_json doc = ordered_json::parse(text);
  CHECK(doc.dump(2) + "\n" == text);  // streamed bytes equal a whole-document dump
  CHECK(doc["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
  CHECK(doc["version"] == "2.1.0");
  REQUIRE(doc["runs"].size() == 1);
  const ordered_json& run = doc["runs"][0];
  CHECK(run["tool"]["driver"]["name"] == "magpie");
  CHECK(run["tool"]["driver"]["version"] == "1.2.3");

  for (const std::string secret : {testing::kAwsSecret, testing::kUnicodeSecret,
                                   testing::kGithubSecret, testing::kEntropySecret}) {
    CHECK_FALSE(Contains(text, secret));
  }

  // Each rule with a finding appears exactly once, and ruleIndex points at it.
  const ordered_json& rules = run["tool"]["driver"]["rules"];
  std::set<std::string> ids;
  for (const auto& rule : rules) {
    CHECK(ids.insert(rule["id"].get<std::string>()).second);
    CHECK(rule["properties"]["tags"] == ordered_json::array({"security", "secret"}));
    CHECK(Contains(rule["help"]["text"].get<std::string>(), "false positive"));
  }
  CHECK(ids == std::set<std::string>{"aws-access-key-id", "generic-password", "github-pat",
                                     "generic-high-entropy"});
  const ordered_json& results = run["results"];
  REQUIRE(results.size() == 5);
  for (const auto& result : results) {
    const int index = result["ruleIndex"];
    CHECK(rules[index]["id"] == result["ruleId"]);
    const ordered_json& region = result["locations"][0]["physicalLocation"]["region"];
    CHECK(region["startLine"] >= 1);
    CHECK(region["startColumn"] >= 1);
    CHECK(region["endLine"] >= 1);
    CHECK(region["endColumn"] >= 1);
    REQUIRE(result["partialFingerprints"].contains("magpie/v1"));
    CHECK(result["partialFingerprints"]["magpie/v1"].get<std::string>().size() == 32);
  }

  // Levels and security-severity follow severity (critical, medium, high, low).
  CHECK(results[0]["level"] == "error");
  CHECK(results[1]["level"] == "warning");
  CHECK(results[3]["level"] == "note");
  CHECK(rules[results[0]["ruleIndex"].get<int>()]["properties"]["security-severity"] == "9.0");
  CHECK(rules[results[3]["ruleIndex"].get<int>()]["properties"]["security-severity"] == "3.0");

  // The path with a space and '#' is percent-encoded; non-ASCII bytes too.
  const auto uri = [&](int i) {
    return results[i]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
  };
  CHECK(uri(0) == "config/app%20settings.env");
  CHECK(uri(1) == "src/i18n/m%C3%BCnchen%20%231.py");

  // Columns count code points: "ключ = \"" is 12 bytes but 8 characters.
  const ordered_json& unicode_region = results[1]["locations"][0]["physicalLocation"]["region"];
  CHECK(unicode_region["startColumn"] == 9);
  CHECK(unicode_region["endColumn"] == 9 + 22);
  CHECK(unicode_region["byteOffset"] == 210);
  CHECK(run["columnKind"] == "unicodeCodePoints");

  // Git provenance in properties; diagnostics as notifications.
  CHECK(results[2]["properties"]["git"]["commit"] == "4f2a9c1b7d3e5a6f8091a2b3c4d5e6f708192a3b");
  CHECK_FALSE(results[0]["locations"][0].contains("logicalLocations"));  // a file, no commit
  const ordered_json& notes = run["invocations"][0]["toolExecutionNotifications"];
  REQUIRE(notes.size() == 3);
  CHECK(run["invocations"][0]["executionSuccessful"] == true);
  CHECK(notes[0]["level"] == "note");  // a skip by policy (issue 14)
  CHECK(notes[0]["descriptor"]["id"] == "binary");
  CHECK(notes[1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "dumps/big%20dump.sql");
  CHECK_FALSE(notes[2].contains("locations"));
  CHECK(run["invocations"][0]["executionSuccessful"] == true);
}

}  // namespace
}  // namespace magpie::report

namespace magpie::report {
namespace {

TEST_CASE("issue 10: suppressed findings are SARIF results with suppressions", "[report][sarif]") {
  const auto findings = testing::Findings();
  std::ostringstream out;
  auto reporter = MakeReporter(Format::kSarif, out, testing::Options());
  reporter->Begin();
  reporter->Add(findings[0]);
  reporter->AddSuppressed(findings[1], "inline");
  reporter->AddSuppressed(findings[2], "baseline");
  reporter->End(testing::FixedSummary());
  const std::string text = out.str();
  CHECK(ValidateWithSchema(text, "suppressed.sarif") == 0);
  const ordered_json doc = ordered_json::parse(text);
  const ordered_json& results = doc["runs"][0]["results"];
  REQUIRE(results.size() == 3);
  CHECK_FALSE(results[0].contains("suppressions"));
  CHECK(results[1]["suppressions"][0]["kind"] == "inSource");
  CHECK(results[2]["suppressions"][0]["kind"] == "external");
  CHECK(results[2]["suppressions"][0]["justification"] == "magpie: suppressed (baseline)");
}

// An incomplete scan as the pipeline reports it: an error diagnostic beside a policy skip,
// summary.errors set by the sink.
std::string RenderIncomplete(Format format) {
  std::ostringstream out;
  auto reporter = MakeReporter(format, out, testing::Options());
  reporter->Begin();
  // In the order the report sorts them (path, "" last): report/json_reporter.cc.
  reporter->AddDiagnostic({"assets/blob.bin", "binary", "skipped: binary file"});
  reporter->AddDiagnostic({"secret dir", "unreadable", "cannot open directory: Permission denied"});
  reporter->AddDiagnostic({"", "scan-error", "scan aborted (std::bad_alloc): 3 of 9 items not scanned"});
  Summary summary = testing::FixedSummary();
  summary.errors = 2;
  reporter->End(summary);
  return out.str();
}

TEST_CASE("issue 14: an incomplete scan is executionSuccessful false in SARIF with each error",
          "[report][sarif]") {
  const std::string sarif = RenderIncomplete(Format::kSarif);
  CHECK(ValidateWithSchema(sarif, "incomplete.sarif") == 0);
  const ordered_json doc = ordered_json::parse(sarif);
  const ordered_json& invocation = doc["runs"][0]["invocations"][0];
  CHECK(invocation["executionSuccessful"] == false);
  const ordered_json& notes = invocation["toolExecutionNotifications"];
  REQUIRE(notes.size() == 3);
  CHECK(notes[0]["level"] == "note");
  CHECK(notes[1]["level"] == "error");
  CHECK(notes[1]["descriptor"]["id"] == "unreadable");
  CHECK(notes[1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "secret%20dir");
  CHECK(notes[2]["level"] == "error");
  CHECK(invocation["properties"]["summary"]["errors"] == 2);
}

TEST_CASE("issue 14: JSON and JSONL carry each diagnostic with its level and the error count",
          "[report]") {
  const ordered_json json = ordered_json::parse(RenderIncomplete(Format::kJson));
  REQUIRE(json["diagnostics"].size() == 3);
  CHECK(json["diagnostics"][0]["level"] == "note");
  CHECK(json["diagnostics"][1]["level"] == "error");
  CHECK(json["diagnostics"][1]["path"] == "secret dir");
  CHECK(json["diagnostics"][2]["kind"] == "scan-error");
  CHECK(json["summary"]["errors"] == 2);

  std::istringstream lines(RenderIncomplete(Format::kJsonl));
  std::string line;
  std::vector<ordered_json> parsed;
  while (std::getline(lines, line)) parsed.push_back(ordered_json::parse(line));
  REQUIRE(parsed.size() == 4);
  CHECK(parsed[1]["type"] == "diagnostic");
  CHECK(parsed[1]["kind"] == "unreadable");
  CHECK(parsed[1]["level"] == "error");
  CHECK(parsed[3]["type"] == "summary");
  CHECK(parsed[3]["errors"] == 2);
  CHECK(parsed[3]["diagnostics"] == 3);
}

TEST_CASE("issue 14: policy kinds are the closed list and anything else is an error",
          "[report]") {
  for (const char* kind : {"binary", "too-large", "symlink", "not-regular", "excluded",
                           "submodule", "report-file"}) {
    CHECK(IsPolicySkip(kind));
  }
  for (const char* kind : {"unreadable", "vanished", "corrupt-object", "missing-object",
                           "bad-ref", "decode-budget", "scan-error", "", "something-new"}) {
    CHECK_FALSE(IsPolicySkip(kind));
    CHECK(DiagnosticLevel(kind) == "error");
  }
  CHECK(DiagnosticLevel("binary") == "note");
  CHECK(DiagnosticLevel("allow-marker") == "warning");  // shown, the scan still complete
}

}  // namespace
}  // namespace magpie::report

namespace magpie::report {
namespace {

TEST_CASE("issue 11: a SARIF history result names its commit and where the secret lives now",
          "[report][sarif]") {
  const std::string text = testing::Render(Format::kSarif, testing::Options());
  CHECK(ValidateWithSchema(text, "history.sarif") == 0);
  const ordered_json doc = ordered_json::parse(text);
  const ordered_json& result = doc["runs"][0]["results"][2];
  REQUIRE(result["ruleId"] == "github-pat");
  const ordered_json& location = result["locations"][0];
  // Path and region of the blob at that commit, as code scanning needs them...
  CHECK(location["physicalLocation"]["artifactLocation"]["uri"] == "deploy/prod.yaml");
  CHECK(location["physicalLocation"]["region"]["startLine"] == 12);
  // ...and the commit, as a logical location and on the artifact.
  CHECK(location["physicalLocation"]["artifactLocation"]["properties"]["commit"] ==
        "4f2a9c1b7d3e5a6f8091a2b3c4d5e6f708192a3b");
  CHECK(location["physicalLocation"]["artifactLocation"]["properties"]["blob"] ==
        "3b18e512dba79e4c8300dd08aeb37f8e728b8dad");
  REQUIRE(location["logicalLocations"].size() == 1);
  CHECK(location["logicalLocations"][0]["kind"] == "commit");
  CHECK(location["logicalLocations"][0]["fullyQualifiedName"] ==
        "4f2a9c1b7d3e5a6f8091a2b3c4d5e6f708192a3b");
  const std::string message = result["message"]["text"];
  CHECK(message ==
        "GitHub personal access token: ghp_… in deploy/prod.yaml, introduced by commit "
        "4f2a9c1b7d3e (3 versions, last 9e8d7c6b5a4f); still in: release/1.x, v1.0, v1.1 "
        "(+2 more)");
  CHECK(result["properties"]["git"]["present_in"].size() == 5);
  CHECK(result["properties"]["git"]["occurrences"].size() == 2);
  // The staged finding has no commit: no logical location.
  CHECK_FALSE(doc["runs"][0]["results"][3]["locations"][0].contains("logicalLocations"));
}

}  // namespace
}  // namespace magpie::report
