// Issue 15: `magpie triage` driven through a pseudo-terminal as a person would use it
// (tests/cli/drive_tty.py): mark findings, quit in the middle, resume, and check what the
// baseline, .magpieignore and a rescan say afterwards. The review loop itself: tests/triage/.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>
#include <vector>

#include "cli_harness.h"

namespace magpie::clitest {
namespace {

struct TtyRun {
  int exit_code = -1;
  std::string screen;  // everything the terminal showed
};

// Runs `magpie triage <args>` on a pseudo-terminal in the sandbox's work/, playing `steps`
// (["wait", text] / ["send", keys]).
TtyRun Triage(const Sandbox& box, const std::string& args, const nlohmann::json& steps) {
  const fs::path transcript = box.io() / "transcript";
  const std::string command =
      "cd " + ShellQuote(box.work().string()) + " && python3 " +
      ShellQuote(std::string(MAGPIE_SOURCE_DIR) + "/tests/cli/drive_tty.py") + " " +
      ShellQuote(transcript.string()) + " " + ShellQuote(steps.dump()) + " -- " +
      ShellQuote(MAGPIE_BINARY) + " triage " + args + " >/dev/null 2>&1";
  const int status = std::system(command.c_str());
  TtyRun run;
  if (status != -1 && WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
  run.screen = ReadFile(transcript);
  return run;
}

nlohmann::json Step(const char* kind, const std::string& text) { return {kind, text}; }

// The keys for a verdict with a reason, waiting for each prompt as a person would.
void Decide(nlohmann::json* steps, const std::string& path, char key, const std::string& reason) {
  steps->push_back(Step("wait", path));
  steps->push_back(Step("wait", "> "));
  steps->push_back(Step("send", std::string(1, key)));
  steps->push_back(Step("wait", "reason"));
  steps->push_back(Step("send", reason + "\r"));
}

TEST_CASE("issue 15: triage marks findings - quits - resumes and a rescan honours it",
          "[cli][triage]") {
  Sandbox box;
  for (const char* name : {"a.env", "b.env", "c.env", "d.env"}) {
    box.Write(name, "AWS_ACCESS_KEY_ID=" + std::string(kAwsKey) + "\n");
  }
  const fs::path baseline = box.io() / "baseline.json";
  REQUIRE(box.Run("scan -f json -o " + ShellQuote(baseline.string()) + " .").exit_code == 1);
  const std::string quoted = ShellQuote(baseline.string());

  // First sitting: a real, b false positive, c skipped, quit at d.
  nlohmann::json steps = nlohmann::json::array();
  Decide(&steps, "a.env", 'r', "a live key: rotated");
  Decide(&steps, "b.env", 'f', "test fixture");
  Decide(&steps, "c.env", 's', "");
  steps.push_back(Step("wait", "d.env"));
  steps.push_back(Step("wait", "> "));
  steps.push_back(Step("send", "q"));
  steps.push_back(Step("wait", "Stopped"));
  TtyRun first = Triage(box, quoted, steps);
  INFO(first.screen);
  REQUIRE(first.exit_code == 0);
  CHECK(first.screen.find("finding 1 of 4") != std::string::npos);
  CHECK(first.screen.find("AKIA\xE2\x80\xA6") != std::string::npos);
  CHECK(first.screen.find(std::string(kAwsKey)) == std::string::npos);

  nlohmann::json doc = ParseJson(ReadFile(baseline));
  REQUIRE(doc["findings"].size() == 4);
  CHECK(doc["findings"][0]["triage"]["status"] == "confirmed");
  CHECK(doc["findings"][0]["triage"]["reason"] == "a live key: rotated");
  CHECK(doc["findings"][1]["triage"]["status"] == "false-positive");
  CHECK(doc["findings"][2]["triage"]["status"] == "skipped");
  CHECK_FALSE(doc["findings"][3].contains("triage"));
  const std::string b_fingerprint = doc["findings"][1]["fingerprint"];
  std::string ignore = ReadFile(box.work() / ".magpieignore");
  CHECK(ignore.find(b_fingerprint + "  # false positive: test fixture") != std::string::npos);

  // Second sitting: resumes at d; back to c, which turns out real; d is a false positive.
  steps = nlohmann::json::array();
  steps.push_back(Step("wait", "Resuming at finding 4"));
  steps.push_back(Step("wait", "d.env"));
  steps.push_back(Step("wait", "> "));
  steps.push_back(Step("send", "b"));
  Decide(&steps, "c.env", 'r', "real after all");
  Decide(&steps, "d.env", 'f', "example in docs");
  steps.push_back(Step("wait", "Every finding has a verdict"));
  TtyRun second = Triage(box, quoted, steps);
  INFO(second.screen);
  REQUIRE(second.exit_code == 0);
  doc = ParseJson(ReadFile(baseline));
  CHECK(doc["findings"][2]["triage"]["status"] == "confirmed");
  CHECK(doc["findings"][3]["triage"]["status"] == "false-positive");
  ignore = ReadFile(box.work() / ".magpieignore");
  CHECK(ignore.find("example in docs") != std::string::npos);

  // A rescan reads .magpieignore: the false positives are gone, the real ones stay.
  const CliRun rescan = box.Run("scan -f json .");
  CHECK(rescan.exit_code == 1);
  const nlohmann::json report = ParseJson(rescan.out);
  std::vector<std::string> paths;
  for (const auto& f : report["findings"]) paths.push_back(f["path"]);
  CHECK(paths == std::vector<std::string>{"a.env", "c.env"});
  // The triaged baseline is still a baseline.
  CHECK(box.Run("scan --baseline " + quoted + " .").exit_code == 0);
}

TEST_CASE("issue 15: triage neutralises terminal escapes and never shows a full secret",
          "[cli][triage]") {
  Sandbox box;
  // A hostile baseline: escapes in the path and context, and one written with --show-secrets.
  const std::string secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  nlohmann::json doc = {
      {"findings",
       {{{"rule", "aws-secret"},
         {"path", "evil\x1b]0;pwned\x07\x1b[2J.env"},
         {"start_line", 1},
         {"secret", "wJal\xE2\x80\xA6"},
         {"redacted", true},
         {"context", "key=\x1b[31mred\x1b[0m wJal\xE2\x80\xA6"},
         {"fingerprint", "0123456789abcdef0123456789abcdef"}},
        {{"rule", "aws-secret"},
         {"path", "plain.env"},
         {"start_line", 2},
         {"secret", secret},
         {"redacted", false},
         {"context", "key=" + secret},
         {"fingerprint", "fedcba9876543210fedcba9876543210"}}}}};
  box.Write("hostile.json", doc.dump());
  nlohmann::json steps = nlohmann::json::array();
  steps.push_back(Step("wait", "> "));
  steps.push_back(Step("send", "n"));
  steps.push_back(Step("wait", "finding 2 of 2"));
  steps.push_back(Step("wait", "> "));
  steps.push_back(Step("send", "q"));
  steps.push_back(Step("wait", "Stopped"));
  const TtyRun run = Triage(box, "hostile.json", steps);
  INFO(run.screen);
  REQUIRE(run.exit_code == 0);
  CHECK(run.screen.find("\x1b]0;") == std::string::npos);
  CHECK(run.screen.find("\x1b[2J") == std::string::npos);
  CHECK(run.screen.find("\x1b[31m") == std::string::npos);
  CHECK(run.screen.find("evil\\x1b]0;pwned\\x07") != std::string::npos);
  CHECK(run.screen.find(secret.substr(0, 8)) == std::string::npos);
  CHECK(run.screen.find("not shown: this baseline holds secrets in full") != std::string::npos);
}

TEST_CASE("issue 15: a malformed baseline is a one-line error - exit 2", "[cli][triage]") {
  Sandbox box;
  const std::vector<std::string> bad = {
      "not json", "[]", "{\"findings\": 3}", "{\"findings\": [{\"rule\": \"x\"}]}",
      std::string(100000, '[') + std::string(100000, ']'),
      "{\"findings\": [{\"rule\": \"x\", \"path\": \"p\", \"start_line\": 1, \"fingerprint\": "
      "\"0123456789abcdef0123456789abcdef\", \"triage\": {\"status\": \"maybe\"}}]}"};
  for (const std::string& text : bad) {
    box.Write("bad.json", text);
    const CliRun run = box.Run("triage bad.json");
    INFO(text.substr(0, 80) << "\n" << run.err);
    CHECK(run.exit_code == 2);
    CHECK(CountLines(run.err) == 1);
    CHECK(run.err.rfind("magpie: error: invalid baseline bad.json: ", 0) == 0);
  }
  CHECK(box.Run("triage missing.json").exit_code == 2);
  // Not a terminal: refused rather than read as keys.
  box.Write("ok.json", "{\"findings\": []}");
  const CliRun piped = box.Run("triage ok.json");
  CHECK(piped.exit_code == 2);
  CHECK(piped.err.find("terminal") != std::string::npos);
}

}  // namespace
}  // namespace magpie::clitest
