// Issue 15: the baseline document of `magpie triage`: hostile input refused with one line,
// verdicts written back without disturbing the rest, and the ignore-file entry removal.
#include <catch2/catch.hpp>

#include <string>

#include "suppress/baseline.h"
#include "suppress/ignore_file.h"
#include "suppress/triage_baseline.h"

namespace magpie::suppress {
namespace {

const std::string kFinding =
    "{\"rule\": \"r\", \"path\": \"p\", \"start_line\": 3, \"fingerprint\": "
    "\"0123456789ABCDEF0123456789abcdef\", \"secret\": \"abcd\xE2\x80\xA6\", \"redacted\": true}";

std::string Error(const std::string& text) {
  Result<TriageBaseline> parsed = TriageBaseline::Parse(text, "b.json");
  return parsed.ok() ? "" : parsed.status().message();
}

TEST_CASE("issue 15: a malformed triage baseline names its first problem", "[suppress]") {
  CHECK(Error("nope").find("not JSON") != std::string::npos);
  CHECK(Error("[1]").find("no \"findings\" list") != std::string::npos);
  CHECK(Error("{\"findings\": {}}").find("'findings' is not a list") != std::string::npos);
  CHECK(Error("{\"findings\": [1]}") == "invalid baseline b.json: finding 1 is not an object");
  CHECK(Error("{\"findings\": [{\"rule\": \"r\"}]}").find("has no 'fingerprint'") !=
        std::string::npos);
  std::string bad_line = kFinding;
  bad_line.replace(bad_line.find("3"), 1, "-3");
  CHECK(Error("{\"findings\": [" + bad_line + "]}").find("'start_line'") != std::string::npos);
  std::string bad_git = kFinding;
  bad_git.insert(1, "\"git\": {\"commit\": 5}, ");
  CHECK(Error("{\"findings\": [" + bad_git + "]}").find("git: 'commit' is not a string") !=
        std::string::npos);
  CHECK(Error(std::string(5000, '[') + std::string(5000, ']')).find("nested deeper") !=
        std::string::npos);
  CHECK(Error("{\"findings\": [" + kFinding + "]}").empty());
}

TEST_CASE("issue 15: verdicts are written into the report and read back", "[suppress]") {
  const std::string text = "{\"version\": \"1\", \"findings\": [" + kFinding + "," + kFinding +
                           "], \"summary\": {\"findings\": 2}}";
  Result<TriageBaseline> parsed = TriageBaseline::Parse(text, "b.json");
  REQUIRE(parsed.ok());
  CHECK(parsed->findings()[0].fingerprint == "0123456789abcdef0123456789abcdef");
  CHECK(parsed->ResumeIndex() == 0);
  parsed->SetVerdict(0, Verdict::kConfirmed, "live \"key\"", "2026-12-01");
  parsed->SetVerdict(1, Verdict::kSkipped, std::string(2000, 'x'), "2026-12-01");
  const std::string written = parsed->Serialize();
  Result<TriageBaseline> again = TriageBaseline::Parse(written, "b.json");
  REQUIRE(again.ok());
  CHECK(again->findings()[0].verdict == Verdict::kConfirmed);
  CHECK(again->findings()[0].reason == "live \"key\"");
  CHECK(again->findings()[1].reason.size() == kMaxReasonBytes);
  CHECK(again->ResumeIndex() == 1);  // no undecided left: the first skipped one
  // Key order kept: version first, summary last, the triage object after the finding's fields.
  CHECK(written.find("\"version\"") < written.find("\"findings\""));
  CHECK(written.find("\"summary\"") > written.find("\"triage\""));
  // Still a baseline for --baseline.
  Result<std::vector<std::string>> fingerprints = ParseBaseline(written, "b.json");
  REQUIRE(fingerprints.ok());
  CHECK(fingerprints->size() == 2);
  again->SetVerdict(0, Verdict::kUndecided, "", "2026-12-01");
  CHECK(again->Serialize().find("live") == std::string::npos);
}

TEST_CASE("issue 15: removing an ignore entry keeps every other line", "[suppress]") {
  const std::string fp = "0123456789abcdef0123456789abcdef";
  const std::string text = "# header\n\nbuild/\n" + fp + "  # false positive: x\n" +
                           std::string(31, 'f') + "0\n";
  bool removed = false;
  CHECK(RemoveIgnoreEntry(text, "0123456789ABCDEF0123456789ABCDEF", &removed) ==
        "# header\n\nbuild/\n" + std::string(31, 'f') + "0\n");
  CHECK(removed);
  CHECK(RemoveIgnoreEntry(text, std::string(32, '9'), &removed) == text);
  CHECK_FALSE(removed);
}

}  // namespace
}  // namespace magpie::suppress
