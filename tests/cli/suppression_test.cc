// Living with findings (issue 5): inline markers, .magpieignore (fingerprints and path
// patterns), --baseline, --write-ignore, --show-suppressed and the summary counts, through the
// real executable; the ignore-file and baseline parsers directly.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>
#include <vector>

#include "cli/baseline.h"
#include "cli/ignore_file.h"
#include "cli/suppression.h"
#include "cli_harness.h"

namespace magpie::clitest {
namespace {

using cli::IgnoreEntry;
using cli::PathPatterns;

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
  CHECK_FALSE(report.contains("suppressed"));  // listed only with --show-suppressed
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

TEST_CASE("ParseBaseline reads JSON, JSONL and SARIF reports", "[cli]") {
  const std::string fp(32, 'a');
  auto json = cli::ParseBaseline(R"({"findings":[{"fingerprint":")" + fp + R"("}],"summary":{}})",
                                 "j");
  REQUIRE(json.ok());
  CHECK(json.fingerprints == std::vector<std::string>{fp});
  auto jsonl = cli::ParseBaseline(R"({"type":"finding","fingerprint":")" + fp +
                                      "\"}\n{\"type\":\"summary\"}\n",
                                  "l");
  REQUIRE(jsonl.ok());
  CHECK(jsonl.fingerprints == std::vector<std::string>{fp});
  auto truncated = cli::ParseBaseline(R"({"type":"finding","fingerprint":")" + fp + "\"}\n", "t");
  CHECK_FALSE(truncated.ok());
  auto sarif = cli::ParseBaseline(
      R"({"runs":[{"results":[{"partialFingerprints":{"magpie/v1":")" + fp + R"("}}]}]})", "s");
  REQUIRE(sarif.ok());
  CHECK(sarif.fingerprints == std::vector<std::string>{fp});
  CHECK_FALSE(cli::ParseBaseline(R"({"findings":[{"rule":"x"}]})", "n").ok());
  CHECK_FALSE(cli::ParseBaseline("not json", "x").ok());
}

// ---- the ignore file's parts ---------------------------------------------------------------

TEST_CASE("ignore-file entries: fingerprints versus path patterns", "[cli]") {
  const std::string fp = "0123456789abcdef0123456789ABCDEF";
  const cli::IgnoreFile file = cli::ParseIgnoreFile("# comment\n\n" + fp + "  # why\n" +
                                                    std::string(33, 'a') + "\n" + "logs/\n");
  CHECK(file.fingerprints.size() == 1);
  CHECK(file.fingerprints.count("0123456789abcdef0123456789abcdef") == 1);  // lower-cased
  CHECK(file.patterns.Excludes(std::string(33, 'a'), false));  // not 32 digits: a pattern
  CHECK(file.patterns.Excludes("logs", true));
  CHECK_FALSE(file.patterns.Excludes("logs", false));  // trailing '/': directories only
}

TEST_CASE("path patterns follow gitignore", "[cli]") {
  PathPatterns p;
  p.Add("*.log");          // any depth
  p.Add("/build");         // anchored
  p.Add("docs/**/*.md");   // ** = zero or more directories
  p.Add("!keep.log");      // negation
  p.Add("secret/**");      // everything inside
  CHECK(p.Excludes("a.log", false));
  CHECK(p.Excludes("x/y/a.log", false));
  CHECK_FALSE(p.Excludes("keep.log", false));
  CHECK_FALSE(p.Excludes("x/keep.log", false));
  CHECK(p.Excludes("build", true));
  CHECK_FALSE(p.Excludes("src/build", true));
  CHECK(p.Excludes("docs/a.md", false));
  CHECK(p.Excludes("docs/x/y/a.md", false));
  CHECK_FALSE(p.Excludes("docs/a.txt", false));
  CHECK(p.Excludes("secret/a", false));
  CHECK_FALSE(p.Excludes("secret", true));
  CHECK_FALSE(p.Excludes("a.logx", false));
  // '*' never crosses '/'.
  PathPatterns star;
  star.Add("src/*.py");
  CHECK(star.Excludes("src/a.py", false));
  CHECK_FALSE(star.Excludes("src/x/a.py", false));
  // A file inside an excluded directory cannot be re-included.
  PathPatterns dir;
  dir.Add("vendor/");
  dir.Add("!vendor/keep.env");
  CHECK(dir.ExcludesWithParents("vendor/keep.env", false));
  CHECK_FALSE(dir.ExcludesWithParents("src/keep.env", false));
}

TEST_CASE("PathExcluder resolves paths against the scan root", "[cli]") {
  Sandbox box;
  PathPatterns patterns;
  patterns.Add("/gen/");
  const cli::PathExcluder excluder(box.work().string(), patterns);
  CHECK(excluder.ExcludesPath((box.work() / "gen/a.py").string()));
  CHECK(excluder.ExcludesPath((box.work() / "gen").string(), true));
  CHECK_FALSE(excluder.ExcludesPath((box.work() / "src/gen/a.py").string()));  // anchored
  CHECK_FALSE(excluder.ExcludesPath((box.io() / "gen/a.py").string()));  // outside the root
  CHECK(excluder.ExcludesEntry((box.work() / "gen").string(), true));
  CHECK_FALSE(excluder.ExcludesEntry((box.work() / "gen").string(), false));  // dirs only
  CHECK(excluder.ExcludesRootRelative("gen/x/y.txt"));  // git blob paths
  CHECK_FALSE(excluder.ExcludesRootRelative("src/y.txt"));
  CHECK_FALSE(cli::PathExcluder().ExcludesPath("anything"));
}

TEST_CASE("MergeIgnoreText keeps fingerprints sorted, unique and with their comments", "[cli]") {
  const std::string a(32, 'a'), b(32, 'b'), c(32, 'c');
  const std::string existing = "# team header\n\n# why c\n" + c + "  # c\n" + "build/\n" + a +
                               "  # a\n" + "!build/x\n# trailing note\n";
  size_t added = 0;
  const std::string merged =
      cli::MergeIgnoreText(existing, {IgnoreEntry{b, "rule p:1 2026-01-01"}, IgnoreEntry{a, "dup"}},
                           &added);
  CHECK(added == 1);
  CHECK(merged == "# team header\n\n"
                  "build/\n!build/x\n\n" +  // patterns, in their order
                      a + "  # a\n" + b + "  # rule p:1 2026-01-01\n" + "# why c\n" + c +
                      "  # c\n" + "# trailing note\n");
  // Merging again changes nothing.
  CHECK(cli::MergeIgnoreText(merged, {IgnoreEntry{b, "x"}}, &added) == merged);
  CHECK(added == 0);
  // A control character in a comment cannot start a new line.
  const std::string evil = cli::MergeIgnoreText("", {IgnoreEntry{a, "p\nb/\n"}}, &added);
  CHECK(evil.find("\nb/") == std::string::npos);
}

TEST_CASE("ApplyInlineAllows moves allowed findings and keeps the order", "[cli]") {
  const std::string data = "k1=" + std::string(kAwsKey) + " # magpie:allow\nk2=" +
                           std::string(kAwsKey) + "\nk3=" + std::string(kAwsKey) +
                           " # gitleaks:allow\nk4=" + std::string(kAwsKey) + "\n";
  std::vector<scanner::Finding> findings;
  for (size_t at = data.find(kAwsKey); at != std::string::npos; at = data.find(kAwsKey, at + 1)) {
    scanner::Finding f;
    f.rule_id = std::string(kAwsRule);
    f.start.offset = at;
    findings.push_back(f);
  }
  REQUIRE(findings.size() == 4);
  // k1 and k3 carry markers after code, which cover their own line only.
  std::vector<cli::SuppressedFinding> suppressed;
  cli::ApplyInlineAllows(data, &findings, &suppressed);
  REQUIRE(findings.size() == 2);
  REQUIRE(suppressed.size() == 2);
  CHECK(findings[0].start.offset < findings[1].start.offset);
  CHECK(data.substr(findings[0].start.offset - 3, 3) == "k2=");
  CHECK(data.substr(findings[1].start.offset - 3, 3) == "k4=");
  CHECK(suppressed[0].reason == "inline");
}

}  // namespace
}  // namespace magpie::clitest
