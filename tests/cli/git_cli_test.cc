// `magpie git`, `magpie staged` and `magpie install-hook`, end to end: fixture repositories
// are built with the git CLI in a Sandbox, then the real executable is run on them.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <cstdint>
#include <set>
#include <string>

#include "cli_harness.h"
#include "git_harness.h"

namespace magpie::clitest {
namespace {

// Each commit one minute after the previous one, so that commit-time order is defined.
void Commit(const Sandbox& box, const std::string& message, const std::string& who = "t") {
  static int64_t clock = 1700000000;
  clock += 60;
  std::string date = std::to_string(clock);  // "@N +0000"; built in place (GCC 12 -Wrestrict)
  date.insert(0, 1, '@');
  date += " +0000";
  MustSh(box, "git add -A && GIT_AUTHOR_DATE=" + ShellQuote(date) + " GIT_COMMITTER_DATE=" +
                  ShellQuote(date) + " " + Git("commit -q -m " + ShellQuote(message), who));
}

std::string RevParse(const Sandbox& box, const std::string& rev) {
  std::string out;
  REQUIRE(Sh(box, "git rev-parse " + rev, &out) == 0);
  return out;
}

const std::string kAwsLine = "aws_key = \"" + std::string(kAwsKey) + "\"\n";
const std::string kPasswordLine = "DB_PASSWORD=" + std::string(kPassword) + "\n";

}  // namespace

TEST_CASE("magpie git finds a secret added then deleted, at its adding commit", "[cli][git]") {
  Sandbox box;
  InitRepo(box);
  box.Write("a.txt", "hello\n");
  Commit(box, "initial");
  box.Write("config.py", "import os\n" + kAwsLine);
  Commit(box, "add the key", "Alice");
  const std::string adding = RevParse(box, "HEAD");
  fs::remove(box.work() / "config.py");
  Commit(box, "remove the key");

  const nlohmann::json report = HistoryReportOfOneKey(box);
  const auto found = FindingsOf(report, kAwsRule);
  CHECK(found[0]["path"] == "config.py");
  CHECK(found[0]["start_line"] == 2);
  CHECK(found[0]["git"]["commit"] == adding);
  CHECK(found[0]["git"]["author_name"] == "Alice");
  CHECK(found[0]["git"]["author_email"] == "Alice@e");
  CHECK(found[0]["git"]["message"] == "add the key");
  CHECK(found[0]["git"]["present_at_head"] == false);
  CHECK(report["summary"]["files_scanned"] == 2);  // distinct blobs: a.txt, config.py

  // The text report says where and that it is gone.
  const CliRun text = box.Run("git .");
  CHECK(text.exit_code == 1);
  CHECK(text.out.find("config.py:2:") != std::string::npos);
  CHECK(text.out.find("deleted from every branch and tag") != std::string::npos);
}

TEST_CASE("magpie git reports a secret kept over many commits once", "[cli][git]") {
  Sandbox box;
  InitRepo(box);
  box.Write("keys.py", kAwsLine);
  Commit(box, "add keys");
  const std::string adding = RevParse(box, "HEAD");
  for (int i = 0; i < 5; ++i) {
    box.Write("counter.txt", std::to_string(i) + "\n");
    Commit(box, "bump " + std::to_string(i));
  }
  box.Write("copy/keys.py", kAwsLine);  // the same blob at a second path
  Commit(box, "copy keys");

  const CliRun run = box.Run("git -f json");
  CHECK(run.exit_code == 1);
  const auto found = FindingsOf(ParseJson(run.out), kAwsRule);
  REQUIRE(found.size() == 1);
  CHECK(found[0]["git"]["commit"] == adding);
  CHECK(found[0]["git"]["path"] == "keys.py");
  CHECK(found[0]["git"]["other_occurrences"] == 1);
  CHECK(found[0]["git"]["present_at_head"] == true);
}

TEST_CASE("magpie git: a secret still at HEAD in an edited file is present at HEAD",
          "[cli][git]") {
  Sandbox box;
  InitRepo(box);
  box.Write("app.env", kPasswordLine);
  Commit(box, "add password");
  box.Write("app.env", "# settings\n" + kPasswordLine);  // a new blob, same secret
  Commit(box, "comment");

  const CliRun run = box.Run("git -f json");
  CHECK(run.exit_code == 1);
  const auto found = FindingsOf(ParseJson(run.out), kGenericRule);
  REQUIRE(found.size() == 1);  // one per secret and path, not per blob (issue 11)
  // The first version's place; the secret is still live.
  CHECK(found[0]["start_line"] == 1);
  CHECK(found[0]["git"]["versions"] == 2);
  CHECK(found[0]["git"]["present_at_head"] == true);
  CHECK(found[0]["git"]["present_in"] == nlohmann::json::array({"refs/heads/main"}));
}

TEST_CASE("magpie git finds a secret only on a side branch, and --branch limits the refs",
          "[cli][git]") {
  Sandbox box;
  InitRepo(box);
  box.Write("a.txt", "hello\n");
  Commit(box, "initial");
  MustSh(box, "git checkout -q -b side");
  box.Write("side.py", kAwsLine);
  Commit(box, "side work");
  const std::string side = RevParse(box, "HEAD");
  MustSh(box, "git checkout -q main");

  const CliRun all = box.Run("git -f json");
  CHECK(all.exit_code == 1);
  const auto found = FindingsOf(ParseJson(all.out), kAwsRule);
  REQUIRE(found.size() == 1);
  CHECK(found[0]["git"]["commit"] == side);
  CHECK(found[0]["git"]["present_at_head"] == false);

  const CliRun main_only = box.Run("git --branch main -f json");
  INFO(main_only.err);
  CHECK(main_only.exit_code == 0);
  CHECK(FindingsOf(ParseJson(main_only.out), kAwsRule).empty());
}

TEST_CASE("magpie git --since scans only the new commits", "[cli][git]") {
  Sandbox box;
  InitRepo(box);
  box.Write("old.py", kAwsLine);
  Commit(box, "old secret");
  MustSh(box, "git tag base");
  box.Write("new.env", kPasswordLine);
  Commit(box, "new secret");

  const CliRun since = box.Run("git --since base -f json");
  INFO(since.err);
  CHECK(since.exit_code == 1);
  const nlohmann::json report = ParseJson(since.out);
  CHECK(FindingsOf(report, kAwsRule).empty());
  CHECK(FindingsOf(report, kGenericRule).size() == 1);
  CHECK(report["summary"]["files_scanned"] == 1);

  const CliRun everything = box.Run("git -f json");
  CHECK(FindingsOf(ParseJson(everything.out), kAwsRule).size() == 1);

  const CliRun bad = box.Run("git --since no-such-rev");
  CHECK(bad.exit_code == 2);
}

TEST_CASE("magpie git: a corrupt object is a diagnostic and the findings still count",
          "[cli][git]") {
  Sandbox box;
  InitRepo(box);
  box.Write("secret.py", kAwsLine);
  box.Write("victim.txt", "this blob will be damaged\n");
  Commit(box, "two files");
  std::string id;
  REQUIRE(Sh(box, "git rev-parse HEAD:victim.txt", &id) == 0);
  const fs::path loose = box.work() / ".git" / "objects" / id.substr(0, 2) / id.substr(2);
  REQUIRE(fs::exists(loose));
  fs::permissions(loose, fs::perms::owner_write, fs::perm_options::add);
  WriteFile(loose, "garbage, not zlib");

  const CliRun run = box.Run("git -f json");
  CHECK(run.exit_code == 1);  // the finding decides, not the damaged blob
  CHECK(run.err.find("corrupt-object") != std::string::npos);
  const nlohmann::json report = ParseJson(run.out);
  CHECK(FindingsOf(report, kAwsRule).size() == 1);
  REQUIRE(report["diagnostics"].size() == 1);
  CHECK(report["diagnostics"][0]["kind"] == "corrupt-object");
  CHECK(report["diagnostics"][0]["path"] == "victim.txt");
}

TEST_CASE("magpie git applies inline allow markers to blobs", "[cli][git]") {
  Sandbox box;
  InitRepo(box);
  box.Write("fixture.py", "key = \"" + std::string(kAwsKey) + "\"  # magpie:allow\n");
  Commit(box, "fixture");
  const CliRun run = box.Run("git -f json");
  CHECK(run.exit_code == 0);
  const nlohmann::json report = ParseJson(run.out);
  CHECK(FindingsOf(report, kAwsRule).empty());
  CHECK(report["summary"]["suppressed"]["inline"] == 1);
}

TEST_CASE("magpie git outside a repository is an error", "[cli][git]") {
  Sandbox box;  // work/ is a plain directory (the temp directory is not in a repository)
  const CliRun run = box.Run("git");
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("not a git repository") != std::string::npos);
  CHECK(box.Run("git " + ShellQuote((box.root() / "missing").string())).exit_code == 2);
  CHECK(box.Run("staged").exit_code == 2);
  CHECK(box.Run("install-hook").exit_code == 2);
}

TEST_CASE("magpie staged reports only lines the staged change adds", "[cli][git]") {
  Sandbox box;
  InitRepo(box);
  box.Write("app.py", "import os\n" + kPasswordLine);  // committed: not this change's fault
  box.Write("other.py", "x = 1\n");
  Commit(box, "initial");
  box.Write("app.py", "import os\n" + kPasswordLine + "def f():\n    " + kAwsLine);
  MustSh(box, "git add app.py");
  box.Write("other.py", "x = 1\n" + kAwsLine);  // unstaged: not what would be committed

  const CliRun run = box.Run("staged -f json");
  INFO(run.err);
  CHECK(run.exit_code == 1);
  const nlohmann::json report = ParseJson(run.out);
  CHECK(FindingsOf(report, kGenericRule).empty());
  const auto found = FindingsOf(report, kAwsRule);
  REQUIRE(found.size() == 1);
  CHECK(found[0]["path"] == "app.py");
  CHECK(found[0]["start_line"] == 4);
  CHECK(found[0]["git"]["staged"] == true);
  // The two ways out, with the real mechanisms.
  CHECK(run.err.find("git restore --staged") != std::string::npos);
  CHECK(run.err.find("magpie:allow") != std::string::npos);
  CHECK(run.err.find("--write-ignore") != std::string::npos);

  const CliRun text = box.Run("staged");
  CHECK(text.out.find("app.py:4:") != std::string::npos);
}

TEST_CASE("magpie staged: the first commit, and nothing staged", "[cli][git]") {
  Sandbox box;
  InitRepo(box);
  CliRun empty = box.Run("staged");
  CHECK(empty.exit_code == 0);
  CHECK(empty.err.find("magpie: nothing staged") != std::string::npos);

  box.Write("first.env", kPasswordLine);
  MustSh(box, "git add first.env");
  const CliRun first = box.Run("staged -f json");
  CHECK(first.exit_code == 1);
  CHECK(FindingsOf(ParseJson(first.out), kGenericRule).size() == 1);

  Commit(box, "first");
  box.Write("first.env", kPasswordLine + kAwsLine);  // changed but not staged
  empty = box.Run("staged");
  CHECK(empty.exit_code == 0);
  CHECK(empty.err.find("magpie: nothing staged") != std::string::npos);
}

TEST_CASE("issue 11: nothing staged - -q prints nothing and json or sarif is still a document",
          "[cli][git]") {
  Sandbox box;
  InitRepo(box);
  const CliRun quiet = box.Run("staged -q");
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.out.empty());
  CHECK(quiet.err.empty());
  // Was an empty stdout and an empty --output file: no tool reading the report could parse it.
  const CliRun json = box.Run("staged -f json");
  CHECK(json.exit_code == 0);
  const nlohmann::json report = ParseJson(json.out);
  CHECK(report.is_object());
  CHECK(report["findings"].empty());
  const fs::path out = box.io() / "staged.sarif";
  const CliRun sarif = box.Run("staged -q -f sarif -o " + ShellQuote(out.string()));
  CHECK(sarif.exit_code == 0);
  const nlohmann::json log = ParseJson(ReadFile(out));
  CHECK(log.is_object());
  CHECK(log["runs"][0]["results"].empty());
}

TEST_CASE("install-hook blocks a real commit that adds a secret and lets a clean one pass",
          "[cli][git]") {
  Sandbox box;
  InitRepo(box);
  const CliRun install = box.Run("install-hook");
  INFO(install.err);
  REQUIRE(install.exit_code == 0);
  const fs::path hook = box.work() / ".git" / "hooks" / "pre-commit";
  REQUIRE(fs::exists(hook));
  CHECK((fs::status(hook).permissions() & fs::perms::owner_exec) != fs::perms::none);
  CHECK(ReadFile(hook).find("staged") != std::string::npos);

  box.Write("leak.py", kAwsLine);
  std::string out;
  CHECK(Sh(box, "git add leak.py && " + Git("commit -q -m leak"), &out) != 0);
  CHECK(out.find(std::string(kAwsRule)) != std::string::npos);
  CHECK(Sh(box, "git rev-parse -q --verify HEAD") != 0);  // no commit was made

  MustSh(box, "git rm -q --cached leak.py && rm leak.py");
  box.Write("clean.py", "print('hello')\n");
  CHECK(Sh(box, "git add clean.py && " + Git("commit -q -m clean"), &out) == 0);
  CHECK(Sh(box, "git rev-parse -q --verify HEAD") == 0);

  // `git commit -a` stages into a temporary index (GIT_INDEX_FILE): never let it through
  // unchecked.
  box.Write("clean.py", "print('hello')\n" + kAwsLine);
  CHECK(Sh(box, Git("commit -q -a -m leak-a"), &out) != 0);
  CHECK(Sh(box, Git("commit -q -m leak-path clean.py"), &out) != 0);
  std::string log;
  REQUIRE(Sh(box, "git log --format=%s", &log) == 0);
  CHECK(log == "clean");

  // Reinstalling over magpie's own hook is fine.
  CHECK(box.Run("install-hook").exit_code == 0);
}

TEST_CASE("install-hook chains a foreign hook unless --force and honours core.hooksPath",
          "[cli][git]") {
  Sandbox box;
  InitRepo(box);
  const fs::path hook = box.work() / ".git" / "hooks" / "pre-commit";
  const std::string foreign = "#!/bin/sh\necho lint\n";
  WriteFile(hook, foreign);
  const CliRun chained = box.Run("install-hook");
  CHECK(chained.exit_code == 0);
  CHECK(ReadFile(hook.parent_path() / "pre-commit.magpie-chained") == foreign);
  CHECK(ReadFile(hook).find("magpie") != std::string::npos);

  WriteFile(hook, foreign);  // the user put their hook back over magpie's
  const CliRun refused = box.Run("install-hook");  // two foreign hooks: not guessing
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("--force") != std::string::npos);
  CHECK(ReadFile(hook) == foreign);

  const CliRun forced = box.Run("install-hook --force");
  CHECK(forced.exit_code == 0);
  CHECK(ReadFile(hook).find("magpie") != std::string::npos);
  CHECK(ReadFile(hook.parent_path() / "pre-commit.magpie-backup") == foreign);

  MustSh(box, "git config core.hooksPath custom-hooks");
  CHECK(box.Run("install-hook").exit_code == 0);
  CHECK(fs::exists(box.work() / "custom-hooks" / "pre-commit"));
}

}  // namespace magpie::clitest

namespace magpie::clitest {
namespace {

// Issue 10 §2: a hook that cannot run stops the commit and says how to fix it.
TEST_CASE("issue 10: the installed hook fails closed", "[cli][git]") {
  Sandbox box;
  InitRepo(box);
  REQUIRE(box.Run("install-hook").exit_code == 0);
  const fs::path hook = box.work() / ".git" / "hooks" / "pre-commit";
  box.Write("clean.py", "print('hello')\n");
  std::string out;

  // magpie cannot check the change (a broken configuration): exit 2 stops the commit.
  box.Write(".magpie.yaml", "colour: red\n");
  CHECK(Sh(box, "git add clean.py && " + Git("commit -q -m one"), &out) != 0);
  CHECK(out.find("could not check this commit") != std::string::npos);
  CHECK(Sh(box, "git rev-parse -q --verify HEAD") != 0);
  fs::remove(box.work() / ".magpie.yaml");

  // The binary the hook names is gone and none is on PATH.
  std::string script = ReadFile(hook);
  const size_t at = script.find("installed=");
  REQUIRE(at != std::string::npos);
  script.replace(at, script.find('\n', at) - at, "installed=/nonexistent/magpie");
  WriteFile(hook, script);
  CHECK(Sh(box, "PATH=/usr/bin:/bin " + Git("commit -q -m two"), &out) != 0);
  CHECK(out.find("magpie is not installed") != std::string::npos);
  CHECK(out.find("--no-verify") != std::string::npos);
  CHECK(Sh(box, "git rev-parse -q --verify HEAD") != 0);
}

}  // namespace
}  // namespace magpie::clitest

namespace magpie::clitest {
namespace {

// Issue 10 §2: a pull request cannot switch its own check off with the files that configure it.
TEST_CASE("issue 10: git --since BASE takes the configuration from BASE; changes are findings",
          "[cli][git]") {
  Sandbox box;
  InitRepo(box);
  box.Write("README.md", "hello\n");
  Commit(box, "base");
  MustSh(box, "git branch base");
  box.Write(".magpieignore", "*\n");
  box.Write(".magpie.yaml", "disable: [aws-access-key-id]\n");
  box.Write("leak.env", kAwsLine);
  Commit(box, "pr");

  const fs::path report = box.io() / "r.json";
  const CliRun run = box.Run("git --since base -f json -o " + ShellQuote(report.string()));
  INFO(run.err);
  CHECK(run.exit_code == 1);
  const nlohmann::json json = ParseJson(ReadFile(report));
  REQUIRE(json.is_object());
  CHECK(FindingsOf(json, kAwsRule).size() == 1);  // BASE's (empty) configuration applies
  const auto changes = FindingsOf(json, "suppression-changed");
  REQUIRE(changes.size() == 2);
  std::set<std::string> paths;
  for (const auto& c : changes) paths.insert(c["path"].get<std::string>());
  CHECK(paths == std::set<std::string>{".magpie.yaml", ".magpieignore"});
  for (const auto& c : changes) CHECK(c["context"].get<std::string>().rfind("added: ", 0) == 0);

  // SARIF carries the change as a result a reviewer sees.
  const CliRun sarif = box.Run("git --since base -f sarif");
  CHECK(sarif.out.find("\"ruleId\": \"suppression-changed\"") != std::string::npos);

  // Trusting the range's configuration is an explicit choice: then it applies.
  const CliRun trusted = box.Run("git --since base --trust-range-config");
  CHECK(trusted.exit_code == 0);
  // Without --since (a full history scan) the work tree's configuration applies as before.
  CHECK(box.Run("git").exit_code == 0);
  // An unchanged configuration is no finding.
  MustSh(box, "git branch pr");
  CHECK(box.Run("git --since pr").exit_code == 0);
}

}  // namespace
}  // namespace magpie::clitest
