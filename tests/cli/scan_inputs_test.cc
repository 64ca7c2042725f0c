// What `magpie scan` reads (issue 2): unreadable, oversized, binary, empty and special files,
// symlinks, .git directories, stdin, large files, the default path, and the stderr summary.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <regex>
#include <string>
#include <vector>

#include "cli_harness.h"

namespace magpie::clitest {
namespace {

std::string AwsLine() { return "aws_access_key_id = " + std::string(kAwsKey) + "\n"; }

// Paths of every finding in a JSON report.
std::vector<std::string> FindingPaths(const nlohmann::json& report) {
  std::vector<std::string> paths;
  if (!report.is_object()) return paths;
  for (const nlohmann::json& f : report["findings"]) paths.push_back(f["path"].get<std::string>());
  return paths;
}

TEST_CASE("an unreadable file is a diagnostic and the scan goes on", "[cli]") {
  Sandbox box;
  box.Write("good.cfg", AwsLine());
  std::string flags = "scan --format json";
  if (geteuid() != 0) {
    const fs::path locked = box.Write("locked.cfg", AwsLine());
    fs::permissions(locked, fs::perms::none);
  } else {
    // Root reads a mode-000 file; a dangling link that we ask to follow cannot be read by anyone.
    fs::create_symlink(box.root() / "missing-target", box.work() / "locked.cfg");
    flags += " --follow-symlinks";
  }
  const CliRun run = box.Run(flags + " .");
  INFO("stderr: " << run.err);
  CHECK(run.exit_code == 1);
  CHECK(std::regex_search(run.err, std::regex("locked\\.cfg.*unreadable")));
  const nlohmann::json report = ParseJson(run.out);
  CHECK(FindingPaths(report) == std::vector<std::string>{"good.cfg"});
  REQUIRE(report["diagnostics"].size() == 1);
  CHECK(report["diagnostics"][0]["path"] == "locked.cfg");
  CHECK(report["diagnostics"][0]["kind"] == "unreadable");

  // Nothing at all could be read: an error, never a clean result.
  const CliRun alone = box.Run(flags + " locked.cfg");
  INFO("stderr: " << alone.err);
  CHECK(alone.exit_code == 2);
}

TEST_CASE("a file over --max-file-size is skipped with a diagnostic, others still scanned",
          "[cli]") {
  Sandbox box;
  box.Write("good.cfg", AwsLine());
  std::string big(2 << 20, 'a');
  for (size_t i = 99; i < big.size(); i += 100) big[i] = '\n';
  big += AwsLine();
  box.Write("big.log", big);
  // A skip by policy: listed on stderr with -v only (issue 14, docs/exit-codes.md).
  const CliRun quiet = box.Run("scan --max-file-size 1 --format json .");
  CHECK(quiet.err.find("big.log") == std::string::npos);
  const CliRun run = box.Run("scan -v --max-file-size 1 --format json .");
  INFO("stderr: " << run.err);
  CHECK(run.exit_code == 1);
  CHECK(std::regex_search(run.err, std::regex("big\\.log.*too-large")));
  const nlohmann::json report = ParseJson(run.out);
  CHECK(FindingPaths(report) == std::vector<std::string>{"good.cfg"});
  CHECK(report["summary"]["skipped"]["too-large"] == 1);
  REQUIRE(report["diagnostics"].size() == 1);
  CHECK(report["diagnostics"][0]["path"] == "big.log");
  CHECK(report["diagnostics"][0]["kind"] == "too-large");
}

TEST_CASE("binary files are skipped by default and scanned with --include-binary", "[cli]") {
  Sandbox box;
  box.Write("clean.txt", "hello\n");
  std::string small("\x7f" "ELF\0\0\0\0\x01\x02", 10);
  box.Write("app.bin", small + "\n" + AwsLine());
  // Over the reader's mmap threshold: the mapped path must apply the same test.
  std::string large(256 << 10, 'x');
  large[10] = '\0';
  box.Write("image.dat", large + "\n" + AwsLine());

  const CliRun plain = box.Run("scan --format json .");
  INFO("stderr: " << plain.err);
  CHECK(plain.exit_code == 0);
  const nlohmann::json report = ParseJson(plain.out);
  CHECK(FindingPaths(report).empty());
  CHECK(report["summary"]["skipped"]["binary"] == 2);
  CHECK(report["summary"]["files_scanned"] == 1);
  CHECK(std::regex_search(plain.err, std::regex("\\b2 binary\\b")));

  const CliRun included = box.Run("scan --include-binary --format json .");
  INFO("stderr: " << included.err);
  CHECK(included.exit_code == 1);
  const auto aws = FindingsOf(ParseJson(included.out), kAwsRule);
  REQUIRE(aws.size() == 2);
  CHECK(aws[0]["path"] == "app.bin");
  CHECK(aws[0]["start_line"] == 2);  // the secret follows the NUL bytes
  CHECK(aws[1]["path"] == "image.dat");
}

TEST_CASE("an empty file is scanned without error", "[cli]") {
  Sandbox box;
  box.Write("empty.txt", "");
  const CliRun run = box.Run("scan --format json .");
  INFO("stderr: " << run.err);
  CHECK(run.exit_code == 0);
  const nlohmann::json report = ParseJson(run.out);
  CHECK(report["summary"]["files_scanned"] == 1);
  CHECK(report["findings"].empty());
}

TEST_CASE("symbolic links are not followed by default", "[cli]") {
  Sandbox box;
  WriteFile(box.root() / "outside" / "secret.cfg", AwsLine());
  fs::create_symlink(box.root() / "outside" / "secret.cfg", box.work() / "link.cfg");
  fs::create_directory_symlink(box.root() / "outside", box.work() / "linkdir");
  box.Write("plain.txt", "hello\n");

  const CliRun run = box.Run("scan --format json .");
  INFO("stderr: " << run.err);
  CHECK(run.exit_code == 0);
  CHECK(FindingPaths(ParseJson(run.out)).empty());

  // Followed on request, file links only (directory links could loop).
  const CliRun followed = box.Run("scan --follow-symlinks --format json .");
  CHECK(followed.exit_code == 1);
  CHECK(FindingPaths(ParseJson(followed.out)) == std::vector<std::string>{"link.cfg"});
}

// file_walker.cc takes a file named on the command line "as is, link or not"; a user who
// names a link (a mounted Kubernetes secret, a dotfile) expects its target to be scanned.
TEST_CASE("a symbolic link named on the command line is read", "[cli]") {
  Sandbox box;
  WriteFile(box.root() / "outside" / "secret.cfg", AwsLine());
  fs::create_symlink(box.root() / "outside" / "secret.cfg", box.work() / "link.cfg");
  const CliRun run = box.Run("scan --format json link.cfg");
  INFO("stdout: " << run.out << "\nstderr: " << run.err);
  CHECK(run.exit_code == 1);
  CHECK(FindingPaths(ParseJson(run.out)) == std::vector<std::string>{"link.cfg"});
}

TEST_CASE("a FIFO in the tree is skipped, not waited on", "[cli]") {
  Sandbox box;
  box.Write("good.cfg", AwsLine());
  REQUIRE(mkfifo((box.work() / "pipe").c_str(), 0600) == 0);
  const CliRun run = box.Run("scan --format json .");
  INFO("stderr: " << run.err);
  CHECK(run.exit_code == 1);  // 124 would mean magpie blocked opening the FIFO
  CHECK(FindingPaths(ParseJson(run.out)) == std::vector<std::string>{"good.cfg"});
}

TEST_CASE(".git directories are skipped, lookalikes are not", "[cli]") {
  Sandbox box;
  box.Write(".git/config", AwsLine());
  box.Write(".git/objects/ab/cdef", AwsLine());
  box.Write("vendor/lib/.git/config", AwsLine());
  box.Write(".github/workflows/ci.yml", AwsLine());
  box.Write("src/.gitconfig", AwsLine());
  const CliRun run = box.Run("scan --format json .");
  INFO("stderr: " << run.err);
  CHECK(run.exit_code == 1);
  std::vector<std::string> paths = FindingPaths(ParseJson(run.out));
  CHECK(paths == std::vector<std::string>{".github/workflows/ci.yml", "src/.gitconfig"});
}

TEST_CASE("scan - reads stdin and reports the path as -", "[cli]") {
  Sandbox box;
  RunOptions options;
  options.stdin_shell = "printf 'line one\\n" + AwsLine().substr(0, AwsLine().size() - 1) + "\\n'";
  const CliRun run = box.Run("scan --format json -", options);
  INFO("stderr: " << run.err);
  CHECK(run.exit_code == 1);
  const auto aws = FindingsOf(ParseJson(run.out), kAwsRule);
  REQUIRE(aws.size() == 1);
  CHECK(aws[0]["path"] == "-");
  CHECK(aws[0]["start_line"] == 2);
}

TEST_CASE("the stderr summary counts files scanned and findings", "[cli]") {
  Sandbox box;
  box.Write("a.cfg", AwsLine());
  box.Write("b.env", "DB_PASSWORD=" + std::string(kPassword) + "\n");
  box.Write("c.txt", "nothing\n");
  const CliRun run = box.Run("scan .");
  INFO("stderr: " << run.err);
  CHECK(run.exit_code == 1);
  CHECK(std::regex_search(run.err, std::regex("\\b3 files\\b")));
  CHECK(std::regex_search(run.err, std::regex("\\b2 findings\\b")));
}

TEST_CASE("a secret near the end of a 3 MiB file has the right line and column", "[cli]") {
  Sandbox box;
  std::string big;
  big.reserve(3 << 20);
  int lines = 0;
  while (big.size() < (3u << 20)) {
    big += "// filler line " + std::to_string(lines) + " of a large generated source file\n";
    ++lines;
  }
  big += "  const key = \"" + std::string(kAwsKey) + "\";\ntrailer\n";
  box.Write("gen/huge.js", big);
  const CliRun run = box.Run("scan --format json .");
  INFO("stderr: " << run.err);
  CHECK(run.exit_code == 1);
  const auto aws = FindingsOf(ParseJson(run.out), kAwsRule);
  REQUIRE(aws.size() == 1);
  CHECK(aws[0]["start_line"] == lines + 1);
  CHECK(aws[0]["start_column"] == 16);  // after `  const key = "`
  CHECK(aws[0]["start_offset"] == big.find(kAwsKey));
}

TEST_CASE("magpie without a subcommand scans the current directory", "[cli]") {
  Sandbox box;
  box.Write("nested/dir/settings.py", AwsLine());
  const CliRun run = box.Run("");
  INFO("stderr: " << run.err);
  CHECK(run.exit_code == 1);
  CHECK(run.out.find("nested/dir/settings.py") != std::string::npos);
  CHECK(run.out.find(std::string(kAwsRule)) != std::string::npos);
  CHECK(run.out.find(std::string(kAwsKey)) == std::string::npos);

  Sandbox clean;
  clean.Write("a.txt", "hello\n");
  CHECK(clean.Run("").exit_code == 0);
}

}  // namespace
}  // namespace magpie::clitest

namespace magpie::clitest {
namespace {

// Issue 10 §4: a hostile file name cannot rewrite the terminal or forge CI log lines.
TEST_CASE("issue 10: file names with control characters are escaped on stdout and stderr",
          "[cli]") {
  Sandbox box;
  const std::string evil = "::error::forged\x1b]0;pwned\x07\n##[warning]x.env";
  box.Write(evil, "AWS_ACCESS_KEY_ID=" + std::string(kAwsKey) + "\n");
  box.Write("big\x1b[2J.txt", std::string(2 << 20, 'a'));
  // -v: a skip by policy (too-large) is listed on stderr only then (issue 14).
  const CliRun run = box.Run("scan -v . --max-file-size 1");
  CHECK(run.exit_code == 1);
  for (const std::string* text : {&run.out, &run.err}) {
    CHECK(text->find('\x1b') == std::string::npos);
    CHECK(text->find('\x07') == std::string::npos);
    size_t start = 0;
    while (start < text->size()) {
      const std::string line = text->substr(start, text->find('\n', start) - start);
      INFO(line);
      CHECK(line.rfind("::", 0) != 0);
      CHECK(line.rfind("##[", 0) != 0);
      start += line.size() + 1;
    }
  }
  CHECK(run.out.find("\\::error::forged\\x1b]0;pwned\\x07\\x0a##[warning]x.env") !=
        std::string::npos);
  CHECK(run.err.find("big\\x1b[2J.txt") != std::string::npos);
}

}  // namespace
}  // namespace magpie::clitest

namespace magpie::clitest {
namespace {

// Issue 10 (found in review): `-o` naming a file that is also scanned emptied it first and
// then reported it clean. The report file is never scanned; a named input is not the report.
TEST_CASE("issue 10: the report file is not scanned, and -o over an input is not a silent pass",
          "[cli]") {
  Sandbox box;
  const std::string line = "AWS_ACCESS_KEY_ID=" + std::string(kAwsKey) + "\n";
  box.Write("a.env", line);
  const CliRun over = box.Run("scan -o a.env a.env");
  CHECK(over.exit_code == 2);
  CHECK(over.err.find("is also an input") != std::string::npos);
  CHECK(ReadFile(box.work() / "a.env") == line);  // untouched
  const CliRun inside = box.Run("scan -f json -o report.json .");
  CHECK(inside.exit_code == 1);
  const nlohmann::json report = ParseJson(ReadFile(box.work() / "report.json"));
  REQUIRE(report.is_object());
  CHECK(report["summary"]["skipped"]["report-file"] == 1);
  CHECK(report["summary"]["files_scanned"] == 1);
}

}  // namespace
}  // namespace magpie::clitest
