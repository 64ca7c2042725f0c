// Issue 15, end to end through the real binary (and real git, real git-filter-repo): files
// that should never be committed, dotenv passwords, rotation guidance in every format, and the
// history clean-up flow that docs/remediation.md describes.
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "cli_harness.h"
#include "git_harness.h"

namespace magpie::clitest {
namespace {

// A PKCS#12 store is binary: the content scan skips it, the path rule still reports it.
const std::string kP12("\x30\x82\x0a\x00\x02\x01\x03\x30\x82\x09\xc6\x06\x09\x2a\x86\x00\x00", 17);

std::vector<std::string> Rules(const nlohmann::json& report) {
  std::vector<std::string> out;
  for (const nlohmann::json& f : report["findings"]) out.push_back(f.value("rule", ""));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("issue 15: scan reports sensitive files by path even when binary", "[cli]") {
  Sandbox box;
  box.Write(".env", "DB_PASSWORD=hunter2\nAPI_KEY=${API_KEY}\n");
  box.Write(".env.example", "DB_PASSWORD=hunter2\n");
  box.Write("certs/client.p12", kP12);
  box.Write("keys/id_ed25519.pub", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI demo\n");
  box.Write("README.md", "nothing here\n");
  const CliRun run = box.Run("scan -f json .");
  INFO(run.err);
  REQUIRE(run.exit_code == 1);
  const nlohmann::json report = ParseJson(run.out);
  CHECK(Rules(report) ==
        std::vector<std::string>{"dotenv-file", "dotenv-secret", "keystore-file"});
  for (const nlohmann::json& f : FindingsOf(report, "keystore-file")) {
    CHECK(f.value("kind", "") == "sensitive-file");
    CHECK(f.value("path", "") == "certs/client.p12");
    CHECK(f.value("secret", "x").empty());
    CHECK(f.value("severity", "") == "high");
    CHECK_FALSE(f.value("remediation", "").empty());
  }
  // hunter2 has little entropy: found only because the key says password, and not printed.
  CHECK(FindingsOf(report, "dotenv-secret").at(0).value("secret", "") != "hunter2");
  CHECK(run.out.find("hunter2") == std::string::npos);
  CHECK(report["summary"].value("sensitive_files", 0) == 2);
  CHECK(report["summary"]["skipped"].value("binary", 0) == 1);
  CHECK(run.err.find("(2 sensitive files)") != std::string::npos);
}

TEST_CASE("issue 15: a sensitive file is suppressed by its fingerprint like any finding", "[cli]") {
  Sandbox box;
  box.Write("deploy/.env.production", "MODE=prod\n");
  CliRun first = box.Run("scan -f json .");
  REQUIRE(first.exit_code == 1);
  const nlohmann::json report = ParseJson(first.out);
  const std::vector<nlohmann::json> files = FindingsOf(report, "dotenv-file");
  REQUIRE(files.size() == 1);
  box.Write(".magpieignore", files[0].value("fingerprint", "") + "\n");
  const CliRun second = box.Run("scan -f json .");
  INFO(second.err);
  CHECK(second.exit_code == 0);
  CHECK(ParseJson(second.out)["summary"]["suppressed"].value("ignore-file", 0) == 1);
}

TEST_CASE("issue 15: text output shows one line of rotation guidance and SARIF the whole", "[cli]") {
  Sandbox box;
  box.Write("app.py", "key = \"" + std::string(kAwsKey) + "\"\n");
  const CliRun text = box.Run("scan .");
  REQUIRE(text.exit_code == 1);
  CHECK(text.out.find("remediation: Deactivate the access key in IAM") != std::string::npos);
  const CliRun sarif = box.Run("scan -f sarif .");
  REQUIRE(sarif.exit_code == 1);
  const nlohmann::json doc = ParseJson(sarif.out);
  const nlohmann::json& rule = doc["runs"][0]["tool"]["driver"]["rules"][0];
  CHECK(rule["help"]["text"].get<std::string>().find("docs.aws.amazon.com") != std::string::npos);
  CHECK(rule["help"]["markdown"].get<std::string>().find("**Remediation.**") !=
        std::string::npos);
}

TEST_CASE("issue 15: staged reports a sensitive file being committed", "[cli]") {
  Sandbox box;
  InitRepo(box);
  box.Write(".aws/credentials", "[default]\nregion = eu-west-1\n");
  MustSh(box, "git add .aws/credentials");
  const CliRun run = box.Run("staged -f json");
  INFO(run.err);
  CHECK(run.exit_code == 1);
  CHECK(FindingsOf(ParseJson(run.out), "aws-credentials-file").size() == 1);
}

TEST_CASE("issue 15: --replacements refuses an existing file and a symbolic link", "[cli]") {
  Sandbox box;
  InitRepo(box);
  box.Write("a.txt", "x\n");
  MustSh(box, Git("add -A") + " && " + Git("commit -qm a"));
  box.Write("../io/exists.txt", "keep me\n");
  CliRun run = box.Run("git --replacements " + ShellQuote((box.io() / "exists.txt").string()));
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("already exists") != std::string::npos);
  CHECK(ReadFile(box.io() / "exists.txt") == "keep me\n");
  fs::create_symlink(box.io() / "target.txt", box.io() / "link.txt");
  run = box.Run("git --replacements " + ShellQuote((box.io() / "link.txt").string()));
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("symbolic link") != std::string::npos);
  CHECK_FALSE(fs::exists(box.io() / "target.txt"));
}

// The flow of docs/remediation.md: find, write the filter-repo inputs, rewrite, scan again.
TEST_CASE("issue 15: git filter-repo with the generated files leaves a clean history", "[cli]") {
  Sandbox box;
  if (Sh(box, "git filter-repo --version") != 0) {
    FAIL("git-filter-repo is not installed (scripts/install-deps.sh installs it)");
  }
  InitRepo(box);
  box.Write("src/settings.py", "AWS_KEY = \"" + std::string(kAwsKey) + "\"\nDEBUG = True\n");
  box.Write(".env", "DB_PASSWORD=hunter2\n");
  box.Write("README.md", "demo\n");
  MustSh(box, Git("add -A") + " && " + Git("commit -qm init"));
  box.Write("src/settings.py", "AWS_KEY = os.environ[\"AWS_KEY\"]\nDEBUG = True\n");
  MustSh(box, "git rm -q --cached .env && rm .env && " + Git("commit -qam 'move secrets out'"));

  const fs::path replacements = box.io() / "replacements.txt";
  const fs::path paths = box.io() / "paths.txt";
  const CliRun found = box.Run("git -q --replacements " + ShellQuote(replacements.string()) +
                               " --paths-to-remove " + ShellQuote(paths.string()));
  INFO(found.out << found.err);
  REQUIRE(found.exit_code == 1);
  CHECK(found.err.find("in full (mode 0600)") != std::string::npos);
  struct stat st{};
  REQUIRE(::stat(replacements.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  const std::string text = ReadFile(replacements);
  CHECK(text.find("literal:" + std::string(kAwsKey) + "==>***REMOVED***\n") != std::string::npos);
  CHECK(text.find("literal:hunter2==>***REMOVED***\n") != std::string::npos);
  CHECK(ReadFile(paths) == "literal:.env\n");
  // The secrets appear nowhere else: not in the report, not on stderr.
  CHECK(found.out.find(std::string(kAwsKey)) == std::string::npos);
  CHECK(found.err.find(std::string(kAwsKey)) == std::string::npos);

  MustSh(box, "git filter-repo --force --replace-text " + ShellQuote(replacements.string()) +
                  " --invert-paths --paths-from-file " + ShellQuote(paths.string()));
  const CliRun again = box.Run("git -f json");
  INFO(again.out << again.err);
  CHECK(again.exit_code == 0);
  std::string log;
  Sh(box, "git log --all -p", &log);
  CHECK(log.find(std::string(kAwsKey)) == std::string::npos);
  CHECK(log.find("hunter2") == std::string::npos);
  CHECK(log.find("***REMOVED***") != std::string::npos);
}


TEST_CASE("issue 15: --require-remediation fails a rules file's rule that says nothing on rotation",
          "[cli]") {
  Sandbox box;
  // green.yaml's rule has examples but no remediation: fine by default for a user's file.
  const std::string rules = ShellQuote(std::string(MAGPIE_TEST_DATA) + "/cli/green.yaml");
  const CliRun plain = box.Run("rules check --no-cache --rules " + rules);
  INFO(plain.out << plain.err);
  CHECK(plain.exit_code == 0);
  const CliRun strict = box.Run("rules check --no-cache --require-remediation --rules " + rules);
  INFO(strict.out << strict.err);
  CHECK(strict.exit_code == 2);
  CHECK(strict.out.find("FAIL  test-token") != std::string::npos);
  CHECK(strict.out.find("no 'remediation'") != std::string::npos);
}

}  // namespace magpie::clitest
