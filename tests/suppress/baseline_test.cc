// --baseline reports read by streaming (issue 14): the same fingerprints as before from each
// format, and every malformed or hostile report an error, never an empty baseline.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "suppress/baseline.h"
#include "suppress/suppressor.h"

namespace magpie::suppress {
namespace {

namespace fs = std::filesystem;

const std::string kFp1(32, 'a');
const std::string kFp2 = "0123456789abcdef0123456789abcdef";

std::vector<std::string> Parsed(const std::string& text) {
  auto result = ParseBaseline(text, "b.json");
  INFO(text.substr(0, 200) << " -> " << (result.ok() ? "ok" : result.status().message()));
  REQUIRE(result.ok());
  return *result;
}

std::string ErrorOf(const std::string& text) {
  auto result = ParseBaseline(text, "b.json");
  INFO(text.substr(0, 200));
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().message().find("invalid --baseline b.json") != std::string::npos);
  return result.status().message();
}

TEST_CASE("issue 14: a streamed baseline keeps the fingerprints of each report format",
          "[suppress]") {
  // -f json, pretty-printed as magpie writes it; "suppressed" entries are not taken.
  CHECK(Parsed("{\n  \"version\": \"1\",\n  \"findings\": [\n    {\"rule\": \"x\", \"fingerprint\": \"" +
               kFp1 + "\", \"context\": {\"a\": [1, {\"fingerprint\": \"z\"}]}},\n    {\"fingerprint\": \"" +
               kFp2 + "\"}\n  ],\n  \"suppressed\": [{\"fingerprint\": \"" + std::string(32, 'c') +
               "\"}],\n  \"summary\": {}\n}\n") == std::vector<std::string>{kFp1, kFp2});
  CHECK(Parsed("{\"findings\": []}").empty());
  // "findings" decides even when "runs" is there too.
  CHECK(Parsed("{\"runs\": 3, \"findings\": [{\"fingerprint\": \"" + kFp1 + "\"}]}") ==
        std::vector<std::string>{kFp1});
  // -f jsonl: finding lines; a summary line must end it; blank lines are fine.
  CHECK(Parsed("{\"type\":\"finding\",\"fingerprint\":\"" + kFp1 + "\"}\n\n{\"type\":\"finding\"," +
               "\"fingerprint\":\"" + kFp2 + "\"}\n{\"type\":\"suppressed\",\"fingerprint\":\"" +
               std::string(32, 'c') + "\"}\n{\"type\":\"summary\"}\n") ==
        std::vector<std::string>{kFp1, kFp2});
  CHECK(Parsed("{\"type\":\"summary\",\"findings\":[]}\n").empty());  // a clean scan's report
  // -f sarif.
  CHECK(Parsed("{\"runs\": [{\"tool\": {}, \"results\": [{\"partialFingerprints\": {\"magpie/v1\": \"" +
               kFp1 + "\"}}, {\"ruleId\": \"r\", \"partialFingerprints\": {\"other\": \"x\", \"magpie/v1\": \"" +
               kFp2 + "\"}}]}, {\"tool\": {}}, 7]}") == std::vector<std::string>{kFp1, kFp2});
}

TEST_CASE("issue 14: a malformed baseline is an error naming what is wrong", "[suppress]") {
  CHECK(ErrorOf("").find("not a magpie report") != std::string::npos);
  CHECK(ErrorOf("not json").find("not a magpie report") != std::string::npos);
  CHECK(ErrorOf("[1, 2]").find("not a magpie report") != std::string::npos);
  CHECK(ErrorOf("{\"hello\": 1}").find("not a magpie report") != std::string::npos);
  CHECK(ErrorOf("{\"findings\": {}}").find("'findings' is not a list") != std::string::npos);
  CHECK(ErrorOf("{\"findings\": [{\"rule\": \"x\"}]}").find("no 32-digit") != std::string::npos);
  CHECK(ErrorOf("{\"findings\": [{\"fingerprint\": \"abc\"}]}").find("no 32-digit") !=
        std::string::npos);
  CHECK(ErrorOf("{\"findings\": [\"" + kFp1 + "\"]}").find("no 32-digit") != std::string::npos);
  // Truncated, or followed by something else.
  CHECK(ErrorOf("{\"findings\": [{\"fingerprint\": \"" + kFp1 + "\"}") .find("not a magpie") !=
        std::string::npos);
  CHECK(ErrorOf("{\n\"findings\": []\n}\n{\"type\":\"summary\"}\n").find("not a magpie") !=
        std::string::npos);
  CHECK(ErrorOf("{\"findings\": []} {\"type\":\"summary\"}").find("not a magpie") !=
        std::string::npos);
  // JSONL.
  CHECK(ErrorOf("{\"type\":\"finding\",\"fingerprint\":\"" + kFp1 + "\"}\n").find("no summary") !=
        std::string::npos);
  CHECK(ErrorOf("{\"type\":\"finding\"}\n{\"type\":\"summary\"}\n").find("line 1: a finding") !=
        std::string::npos);
  CHECK(ErrorOf("{\"type\":\"summary\"}\n\n{oops\n").find("line 3 is not a magpie JSONL") !=
        std::string::npos);
  CHECK(ErrorOf("{\"type\":\"finding\",\"fingerprint\":\"" + kFp1 + "\"}\n{\"type\":\"finding\"," +
                "\"fingerprint\":\"" + kFp2 + "\"} {}\n{\"type\":\"summary\"}\n")
            .find("line 2 is not") != std::string::npos);
  CHECK(ErrorOf("{\"a\":1}\n{\"type\":\"summary\"}\n").find("line 1 is not") != std::string::npos);
  // SARIF.
  CHECK(ErrorOf("{\"runs\": {}}").find("'runs' is not a list") != std::string::npos);
  CHECK(ErrorOf("{\"runs\": [{\"results\": [{\"ruleId\": \"r\"}]}]}").find("magpie/v1") !=
        std::string::npos);
  CHECK(ErrorOf("{\"runs\": [{\"results\": [{\"partialFingerprints\": {\"magpie/v1\": 5}}]}]}")
            .find("magpie/v1") != std::string::npos);
  CHECK(ErrorOf("{\"runs\": [{\"results\": 5}]}").find("not a list") != std::string::npos);
}

TEST_CASE("issue 14: hostile baselines stay bounded", "[suppress]") {
  // Nesting a million deep: no recursion, no crash; not a report.
  const std::string deep = std::string(1000000, '[') + std::string(1000000, ']');
  CHECK(ErrorOf(deep).find("not a magpie report") != std::string::npos);
  const std::string deep_in_finding = "{\"findings\": [{\"x\": " + std::string(100000, '[') +
                                      std::string(100000, ']') + ", \"fingerprint\": \"" + kFp1 +
                                      "\"}]}";
  CHECK(Parsed(deep_in_finding) == std::vector<std::string>{kFp1});
  // One string longer than 16 MiB is refused rather than held.
  const std::string huge = "{\"findings\": [], \"x\": \"" + std::string((16 << 20) + 10, 'a') + "\"}";
  CHECK(ErrorOf(huge).find("longer than 16 MiB") != std::string::npos);
  const std::string huge_line = "{\"type\":\"summary\"}\n{\"type\":\"finding\",\"x\":\"" +
                                std::string((16 << 20) + 10, 'a') + "\"}\n";
  CHECK(ErrorOf(huge_line).find("line 2 is too long") != std::string::npos);
  // Non-hex or upper-case "fingerprints" are kept and match only their exact text.
  Suppressor suppressor;
  suppressor.Add(std::string(32, 'Z'), kReasonBaseline);
  suppressor.Add(std::string(32, 'A'), kReasonBaseline);
  suppressor.Add(kFp1, kReasonBaseline);
  CHECK(suppressor.size() == 3);
  CHECK(suppressor.ReasonFor(std::string(32, 'Z')) != nullptr);
  CHECK(suppressor.ReasonFor(std::string(32, 'a')) != nullptr);
  CHECK(suppressor.ReasonFor(std::string(31, 'a') + "A") == nullptr);
  CHECK(suppressor.ReasonFor(kFp2) == nullptr);
}

TEST_CASE("issue 14: a baseline that cannot be read is an error, not an empty baseline",
          "[suppress]") {
  const fs::path dir = fs::temp_directory_path() / ("magpie-baseline-" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::vector<std::string> got;
  const auto add = [&got](std::string_view fp) { got.emplace_back(fp); };
  const Status missing = LoadBaseline((dir / "none.json").string(), add);
  CHECK(missing.code() == StatusCode::kNotFound);
  CHECK(missing.message().find("none.json") != std::string::npos);
  const Status directory = LoadBaseline(dir.string(), add);  // read() fails with EISDIR
  CHECK(directory.code() == StatusCode::kIoError);
  CHECK(directory.message().find("cannot read --baseline") != std::string::npos);
  std::ofstream(dir / "ok.json") << "{\"findings\": [{\"fingerprint\": \"" << kFp1 << "\"}]}";
  CHECK(LoadBaseline((dir / "ok.json").string(), add).ok());
  CHECK(got == std::vector<std::string>{kFp1});
  // An error after fingerprints were passed on is still an error (the caller drops them).
  std::ofstream(dir / "bad.json") << "{\"findings\": [{\"fingerprint\": \"" << kFp1
                                  << "\"}, {}]}";
  CHECK(LoadBaseline((dir / "bad.json").string(), add).code() == StatusCode::kInvalidArgument);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace magpie::suppress
