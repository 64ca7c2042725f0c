// Issue 11, "history results that tell the truth": `magpie git` reports one finding per
// (rule, secret, path) with the first and last commit, the number of versions, and the branch
// and tag tips that still hold it; SARIF names the commit. Real git repositories, the real
// executable.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "cli_harness.h"
#include "git_harness.h"

namespace magpie::clitest {
namespace {

// Each commit one minute after the previous one; `offset_minutes` < 0 dates it in the past
// (commit time then disagrees with topological order).
void Commit(const Sandbox& box, const std::string& message, int offset_minutes = 0) {
  static int64_t clock = 1710000000;
  clock += 60;
  std::string date = std::to_string(clock + int64_t{60} * offset_minutes);
  date.insert(0, 1, '@');
  date += " +0000";
  MustSh(box, "git add -A && GIT_AUTHOR_DATE=" + ShellQuote(date) + " GIT_COMMITTER_DATE=" +
                  ShellQuote(date) + " " + Git("commit -q -m " + ShellQuote(message)));
}

std::string RevParse(const Sandbox& box, const std::string& rev) {
  std::string out;
  REQUIRE(Sh(box, "git rev-parse " + rev, &out) == 0);
  return out;
}

const std::string kAwsLine = "aws_key = \"" + std::string(kAwsKey) + "\"\n";

std::vector<std::string> PresentIn(const nlohmann::json& finding) {
  std::vector<std::string> out;
  for (const auto& ref : finding["git"]["present_in"]) out.push_back(ref.get<std::string>());
  return out;
}

// N commits that each edit config.py and keep the key; returns their ids, oldest first.
std::vector<std::string> KeepThroughCommits(const Sandbox& box, int n) {
  std::vector<std::string> commits;
  for (int i = 0; i < n; ++i) {
    box.Write("config.py", "version = " + std::to_string(i) + "\n" + kAwsLine);
    Commit(box, "edit " + std::to_string(i));
    commits.push_back(RevParse(box, "HEAD"));
  }
  return commits;
}

}  // namespace

TEST_CASE("issue 11: a secret alive on another branch is not deleted", "[cli][git]") {
  Sandbox box;
  InitRepo(box);
  box.Write("config.py", kAwsLine);
  Commit(box, "add the key");
  MustSh(box, "git branch feature");  // a branch taken while the key was there keeps it
  fs::remove(box.work() / "config.py");
  Commit(box, "remove it from main");

  const CliRun run = box.Run("git -f json");
  INFO(run.err);
  CHECK(run.exit_code == 1);
  const auto found = FindingsOf(ParseJson(run.out), kAwsRule);
  REQUIRE(found.size() == 1);
  CHECK(found[0]["git"]["present_at_head"] == false);  // gone from main...
  CHECK(PresentIn(found[0]) == std::vector<std::string>{"refs/heads/feature"});  // ...not deleted

  const CliRun text = box.Run("git .");
  CHECK(text.out.find("still in: feature") != std::string::npos);
  CHECK(text.out.find("deleted from every branch and tag") == std::string::npos);

  // Once the branch is gone too, and only then, it is deleted.
  MustSh(box, "git branch -q -D feature");
  const CliRun after = box.Run("git -f json");
  const auto gone = FindingsOf(ParseJson(after.out), kAwsRule);
  REQUIRE(gone.size() == 1);
  CHECK(gone[0]["git"]["present_in"] == nlohmann::json::array());
  CHECK(box.Run("git .").out.find("deleted from every branch and tag") != std::string::npos);
}

TEST_CASE("issue 11: a renamed file's secret is not reported deleted", "[cli][git]") {
  Sandbox box;
  InitRepo(box);
  box.Write("config.py", kAwsLine);
  Commit(box, "add the key");
  MustSh(box, "git mv config.py settings.py");  // same blob: reported once, at config.py
  Commit(box, "rename it");

  const CliRun run = box.Run("git -f json");
  INFO(run.err);
  CHECK(run.exit_code == 1);
  const auto found = FindingsOf(ParseJson(run.out), kAwsRule);
  REQUIRE(found.size() == 1);
  CHECK(found[0]["path"] == "config.py");
  CHECK(found[0]["git"]["present_in"] == nlohmann::json::array());  // not at config.py...
  CHECK(found[0]["git"]["present_elsewhere"] == true);              // ...but alive on main
  const CliRun text = box.Run("git .");
  CHECK(text.out.find("still at another path") != std::string::npos);
  CHECK(text.out.find("deleted from every branch and tag") == std::string::npos);

  // Removed from the new path as well: now it is deleted.
  fs::remove(box.work() / "settings.py");
  Commit(box, "remove it");
  CHECK(box.Run("git .").out.find("deleted from every branch and tag") != std::string::npos);
}

// Where a would-be deleted secret's versions are now, as git.elsewhere lists them.
std::vector<std::string> Elsewhere(const nlohmann::json& finding) {
  std::vector<std::string> out;
  if (!finding["git"].contains("elsewhere")) return out;
  for (const auto& place : finding["git"]["elsewhere"]) {
    out.push_back(place["ref"].get<std::string>() + ":" + place["path"].get<std::string>());
  }
  return out;
}

// The history finding of the AWS key in a fresh `magpie git -f json` run of `box`.
nlohmann::json OnlyKeyFinding(const Sandbox& box) {
  const CliRun run = box.Run("git -f json");
  INFO(run.err);
  CHECK(run.exit_code == 1);
  const auto found = FindingsOf(ParseJson(run.out), kAwsRule);
  REQUIRE(found.size() == 1);
  return found[0];
}

TEST_CASE("issue 11: a file renamed on a side branch only is not reported deleted", "[cli][git]") {
  Sandbox box;
  InitRepo(box);
  box.Write("a.txt", "hello\n");
  box.Write("config.py", kAwsLine);
  Commit(box, "add the key");
  MustSh(box, Git("checkout -q -b side"));
  MustSh(box, "git mv config.py settings.py");  // same blob, on the side branch only
  Commit(box, "rename it on side");
  MustSh(box, Git("checkout -q main"));
  fs::remove(box.work() / "config.py");  // HEAD no longer has it at any path
  Commit(box, "remove it from main");

  const nlohmann::json finding = OnlyKeyFinding(box);
  CHECK(finding["path"] == "config.py");
  CHECK(finding["git"]["present_at_head"] == false);
  CHECK(finding["git"]["present_in"] == nlohmann::json::array());
  CHECK(finding["git"]["present_elsewhere"] == true);
  CHECK(Elsewhere(finding) == std::vector<std::string>{"refs/heads/side:settings.py"});
  const CliRun text = box.Run("git .");
  CHECK(text.out.find("still at another path (moved or copied): side:settings.py") !=
        std::string::npos);
  CHECK(text.out.find("deleted from every branch and tag") == std::string::npos);
  const CliRun verbose = box.Run("git -v -f json");
  CHECK(verbose.err.find("1 history findings that would say deleted: 1 found at another path") !=
        std::string::npos);

  // The merged shards say the same as one machine.
  std::string shards;
  for (int i = 0; i < 2; ++i) {
    const fs::path out = box.io() / ("shard" + std::to_string(i) + ".json");
    box.Run("git -f json --shard " + std::to_string(i) + "/2 -o " + ShellQuote(out.string()));
    shards += " " + ShellQuote(out.string());
  }
  const auto merged = FindingsOf(ParseJson(box.Run("merge" + shards).out), kAwsRule);
  REQUIRE(merged.size() == 1);
  CHECK(merged[0] == finding);

  // Once the side branch is gone too, it is deleted.
  MustSh(box, "git branch -q -D side");
  const nlohmann::json gone = OnlyKeyFinding(box);
  CHECK(gone["git"]["present_elsewhere"] == false);
  CHECK_FALSE(gone["git"].contains("elsewhere"));
}

TEST_CASE("issue 11: a file copied under a tag only is not reported deleted", "[cli][git]") {
  Sandbox box;
  InitRepo(box);
  box.Write("config.py", kAwsLine);
  Commit(box, "add the key");
  box.Write("backup/old/config.py.bak", kAwsLine);  // a copy, same blob
  box.Write("config.py", "aws_key = os.environ[\"AWS_KEY\"]\n");
  Commit(box, "move the key out of the code");
  MustSh(box, "git tag v1 && " + Git("tag -a -m release v1-annotated"));
  fs::remove_all(box.work() / "backup");
  Commit(box, "drop the backup");

  const nlohmann::json finding = OnlyKeyFinding(box);
  CHECK(finding["path"] == "config.py");
  CHECK(finding["git"]["present_in"] == nlohmann::json::array());
  CHECK(finding["git"]["present_elsewhere"] == true);
  CHECK(Elsewhere(finding) == std::vector<std::string>{"refs/tags/v1:backup/old/config.py.bak",
                                                       "refs/tags/v1-annotated:backup/old/config.py.bak"});
}

TEST_CASE("issue 11: a renamed file whose content changed is still deleted", "[cli][git]") {
  Sandbox box;
  InitRepo(box);
  box.Write("config.py", kAwsLine);
  Commit(box, "add the key");
  MustSh(box, Git("checkout -q -b side"));
  MustSh(box, "git mv config.py settings.py");
  box.Write("settings.py", "aws_key = None\n");  // renamed and changed: another blob
  Commit(box, "rename it and drop the key");
  MustSh(box, Git("checkout -q main"));
  fs::remove(box.work() / "config.py");
  Commit(box, "remove it from main");

  const nlohmann::json finding = OnlyKeyFinding(box);
  CHECK(finding["git"]["present_in"] == nlohmann::json::array());
  CHECK(finding["git"]["present_elsewhere"] == false);
  CHECK_FALSE(finding["git"].contains("elsewhere"));
  CHECK(box.Run("git .").out.find("deleted from every branch and tag") != std::string::npos);
}

TEST_CASE("issue 11: a secret kept through N commits is one finding with its first and last commit",
          "[cli][git]") {
  Sandbox box;
  InitRepo(box);
  box.Write("a.txt", "hello\n");
  Commit(box, "initial");
  constexpr int kVersions = 4;
  const std::vector<std::string> commits = KeepThroughCommits(box, kVersions);
  box.Write("config.py", "version = 9\n");  // the key is removed
  Commit(box, "remove the key");
  MustSh(box, "git tag v1 " + commits[1]);  // a lightweight tag on a version holding it
  MustSh(box, Git("tag -a -m release v2 " + commits[2]));  // an annotated one

  const nlohmann::json report = HistoryReportOfOneKey(box);
  const auto found = FindingsOf(report, kAwsRule);
  const nlohmann::json& git = found[0]["git"];
  CHECK(git["commit"] == commits.front());
  CHECK(git["last_commit"] == commits.back());
  CHECK(git["versions"] == kVersions);
  CHECK(git["paths"] == 1);
  CHECK(found[0]["start_line"] == 2);
  // Tags hold it, the branch no longer does.
  CHECK(PresentIn(found[0]) == std::vector<std::string>{"refs/tags/v1", "refs/tags/v2"});
  CHECK_FALSE(git.contains("occurrences"));
  CHECK(report["summary"]["findings"] == 1);
  CHECK(report["summary"]["files_scanned"] == kVersions + 2);  // every blob still counted

  // --all-occurrences lists each (commit, path), oldest first.
  const CliRun all = box.Run("git --all-occurrences -f json");
  const auto listed = FindingsOf(ParseJson(all.out), kAwsRule);
  REQUIRE(listed.size() == 1);
  const nlohmann::json& occurrences = listed[0]["git"]["occurrences"];
  REQUIRE(occurrences.size() == kVersions);
  for (int i = 0; i < kVersions; ++i) {
    CHECK(occurrences[i]["commit"] == commits[i]);
    CHECK(occurrences[i]["path"] == "config.py");
  }
  const CliRun text = box.Run("git --all-occurrences .");
  CHECK(text.out.find("(first of 4 versions)") != std::string::npos);
  CHECK(text.out.find("still in: v1, v2") != std::string::npos);
  for (const std::string& commit : commits) {
    CHECK(text.out.find("    " + commit.substr(0, 12) + "  config.py\n") != std::string::npos);
  }
}

TEST_CASE("issue 11: first and last follow history order when commit dates disagree",
          "[cli][git]") {
  Sandbox box;
  InitRepo(box);
  box.Write("config.py", "a = 1\n" + kAwsLine);
  Commit(box, "first");
  const std::string first = RevParse(box, "HEAD");
  box.Write("config.py", "a = 2\n" + kAwsLine);
  Commit(box, "second, dated a day earlier", -24 * 60);
  const std::string second = RevParse(box, "HEAD");

  const auto found = FindingsOf(ParseJson(box.Run("git -f json").out), kAwsRule);
  REQUIRE(found.size() == 1);
  CHECK(found[0]["git"]["commit"] == first);
  CHECK(found[0]["git"]["last_commit"] == second);
  CHECK(PresentIn(found[0]) == std::vector<std::string>{"refs/heads/main"});
}

TEST_CASE("issue 11: a fingerprint written before grouping still suppresses the history finding",
          "[cli][git]") {
  Sandbox box;
  InitRepo(box);
  KeepThroughCommits(box, 3);
  const CliRun first = box.Run("git -f json");
  const auto found = FindingsOf(ParseJson(first.out), kAwsRule);
  REQUIRE(found.size() == 1);
  // The fingerprint is (rule, path, secret): the same for every version, so an ignore file or
  // baseline that listed the versions one by one lists this one.
  MustSh(box, "printf '%s\\n' " + found[0]["fingerprint"].get<std::string>() + " > .magpieignore");
  const CliRun again = box.Run("git -f json");
  INFO(again.err);
  CHECK(again.exit_code == 0);
  const nlohmann::json report = ParseJson(again.out);
  CHECK(FindingsOf(report, kAwsRule).empty());
  CHECK(report["summary"]["suppressed"]["ignore-file"] == 1);  // one secret, not 3 versions
}

TEST_CASE("issue 11: with --branch a tip outside the walk still counts by content", "[cli][git]") {
  Sandbox box;
  InitRepo(box);
  box.Write("config.py", kAwsLine);
  Commit(box, "add the key");
  MustSh(box, "git checkout -q -b keep");
  box.Write("config.py", "# kept here\n" + kAwsLine);  // a version the main-only walk never reads
  Commit(box, "keep it on a branch");
  MustSh(box, "git checkout -q main");
  box.Write("config.py", "clean\n");
  Commit(box, "remove it from main");

  const auto found = FindingsOf(ParseJson(box.Run("git --branch main -f json").out), kAwsRule);
  REQUIRE(found.size() == 1);
  CHECK(PresentIn(found[0]) == std::vector<std::string>{"refs/heads/keep"});
}

TEST_CASE("issue 11: SARIF for a history finding names the commit and validates", "[cli][git]") {
  Sandbox box;
  InitRepo(box);
  const std::vector<std::string> commits = KeepThroughCommits(box, 2);
  MustSh(box, "git tag v1");

  const CliRun run = box.Run("git -f sarif -o " + ShellQuote((box.io() / "h.sarif").string()));
  INFO(run.err);
  CHECK(run.exit_code == 1);
  const std::string sarif = ReadFile(box.io() / "h.sarif");
  const nlohmann::json doc = ParseJson(sarif);
  const nlohmann::json& results = doc["runs"][0]["results"];
  REQUIRE(results.size() == 1);
  const nlohmann::json& location = results[0]["locations"][0];
  CHECK(location["physicalLocation"]["artifactLocation"]["uri"] == "config.py");
  CHECK(location["physicalLocation"]["artifactLocation"]["properties"]["commit"] ==
        commits.front());
  CHECK(location["physicalLocation"]["region"]["startLine"] == 2);
  REQUIRE(location["logicalLocations"].size() == 1);
  CHECK(location["logicalLocations"][0]["kind"] == "commit");
  CHECK(location["logicalLocations"][0]["fullyQualifiedName"] == commits.front());
  const std::string message = results[0]["message"]["text"];
  CHECK(message.find(commits.front().substr(0, 12)) != std::string::npos);
  CHECK(message.find("config.py") != std::string::npos);
  CHECK(message.find("still in: main, v1") != std::string::npos);
  CHECK(message.find(std::string(kAwsKey)) == std::string::npos);

  const std::string validate = "/usr/bin/python3 " +
                               ShellQuote(std::string(MAGPIE_SOURCE_DIR) +
                                          "/tests/report/validate_sarif.py") +
                               " " + ShellQuote(std::string(MAGPIE_TEST_DATA) +
                                                "/sarif-schema-2.1.0.json") +
                               " " + ShellQuote((box.io() / "h.sarif").string());
  std::string out;
  const int rc = Sh(box, validate, &out);
  INFO(out);
  CHECK(rc == 0);
}

}  // namespace magpie::clitest
