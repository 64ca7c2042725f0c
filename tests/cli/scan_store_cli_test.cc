// Issue 13 §2: incremental rescans. A second `magpie git` of the same repository with the same
// scan store loads only what it has not seen clean, and still reports every finding with its
// current provenance; a damaged or foreign store is a notice and a full scan.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "cli_harness.h"
#include "git_harness.h"
#include "store_harness.h"

namespace magpie::clitest {
namespace {

void CommitAll(const Sandbox& box, const std::string& message) {
  MustSh(box, "git add -A && " + Git("commit -q -m " + ShellQuote(message)));
}

// Eight commits of clean files, two of them with a key.
void BuildHistory(const Sandbox& box) {
  InitRepo(box);
  for (int i = 0; i < 8; ++i) {
    box.Write("src/clean" + std::to_string(i) + ".txt",
              "nothing to see here, version " + std::to_string(i) + "\n");
    if (i == 2) box.Write("src/aws.py", "key = \"AKIAQYLPMN5HHHFPZAM2\"\n");
    if (i == 5) box.Write("deploy/db.env", "DB_PASSWORD=q8Vn2rLx7TfK9mWz5\n");
    CommitAll(box, "commit " + std::to_string(i));
  }
}

// The blobs with a finding: never recorded clean, so scanned on every run.
size_t BlobsWithFindings(const nlohmann::json& report) {
  std::set<std::string> blobs;
  for (const nlohmann::json& f : report["findings"]) {
    blobs.insert(f["git"]["blob"].get<std::string>());
  }
  return blobs.size();
}

std::multiset<std::string> Findings(const nlohmann::json& report) {
  std::multiset<std::string> out;
  for (const nlohmann::json& f : report["findings"]) out.insert(f.dump());
  return out;
}

TEST_CASE("issue 13: a rescan loads only new blobs and reports the same findings", "[cli][store]") {
  Sandbox box;
  BuildHistory(box);
  const GitRun full = RunGit(box, "--no-store");
  REQUIRE(full.run.exit_code == 1);
  REQUIRE(full.report["findings"].size() >= 2);
  const GitRun first = RunGit(box, StoreFlag(box));
  CHECK(first.run.exit_code == 1);
  CHECK(first.scanned() == full.scanned());
  CHECK(first.known() == 0);
  CHECK(Findings(first.report) == Findings(full.report));

  // Two more commits: one new clean file, one edit of a clean file.
  box.Write("src/new.txt", "brand new\n");
  CommitAll(box, "new file");
  box.Write("src/clean0.txt", "edited\n");
  CommitAll(box, "edit");
  const GitRun full_after = RunGit(box, "--no-store");
  const GitRun rescan = RunGit(box, StoreFlag(box) + " -v");
  INFO(rescan.run.err);
  CHECK(rescan.run.exit_code == 1);
  // The two new blobs and those with findings (never recorded): nothing else is read.
  const uint64_t expected = 2 + BlobsWithFindings(full_after.report);
  CHECK(rescan.scanned() == expected);
  CHECK(rescan.known() == full_after.scanned() - expected);
  CHECK(Findings(rescan.report) == Findings(full_after.report));
  CHECK(rescan.run.err.find("blobs already scanned") != std::string::npos);
  // The text summary says so too, never silently.
  const CliRun text = box.Run("git " + StoreFlag(box));
  CHECK(text.exit_code == 1);
  CHECK(text.err.find("already-scanned") != std::string::npos);
}

TEST_CASE("issue 13: a blob with a finding is reported on every rerun", "[cli][store]") {
  Sandbox box;
  InitRepo(box);
  box.Write("a.py", "key = \"AKIAQYLPMN5HHHFPZAM2\"\n");
  box.Write("b.txt", "clean\n");
  CommitAll(box, "one");
  for (int i = 0; i < 3; ++i) {
    const GitRun run = RunGit(box, StoreFlag(box));
    CHECK(run.run.exit_code == 1);
    CHECK(run.report["findings"].size() == 1);
    CHECK(run.known() == (i == 0 ? 0 : 1));  // b.txt, from the second run on
  }
  // Suppressing it changes nothing in the store: it is still scanned, and now suppressed.
  box.Write(".magpieignore", "a.py\n");
  CommitAll(box, "ignore");
  const GitRun suppressed = RunGit(box, StoreFlag(box));
  CHECK(suppressed.run.exit_code == 0);
  MustSh(box, "git rm -q .magpieignore && " + Git("commit -q -m unignore"));
  CHECK(RunGit(box, StoreFlag(box)).run.exit_code == 1);
}

TEST_CASE("issue 13: a clean blob at a sensitive path is scanned again", "[cli][store]") {
  Sandbox box;
  InitRepo(box);
  box.Write("notes.txt", "plain words\n");
  CommitAll(box, "one");
  REQUIRE(RunGit(box, StoreFlag(box)).run.exit_code == 0);
  // The same bytes under a path that path rules flag (a dotenv file). A whole-history scan
  // reports the blob at its first path; a range (--since, CI) at the range's: another item.
  MustSh(box, "mkdir deploy && cp notes.txt deploy/.env");
  CommitAll(box, "two");
  const GitRun full = RunGit(box, "--no-store --since HEAD~1");
  REQUIRE(full.run.exit_code == 1);
  const GitRun rescan = RunGit(box, StoreFlag(box) + " --since HEAD~1");
  CHECK(rescan.run.exit_code == 1);
  CHECK(Findings(rescan.report) == Findings(full.report));
}

TEST_CASE("issue 13: another rule set does not use what the store knows", "[cli][store]") {
  Sandbox box;
  BuildHistory(box);
  REQUIRE(RunGit(box, StoreFlag(box)).known() == 0);
  REQUIRE(RunGit(box, StoreFlag(box)).known() > 0);
  // --min-confidence high finds less: its clean set is its own.
  CHECK(RunGit(box, StoreFlag(box) + " --min-confidence high").known() == 0);
  CHECK(RunGit(box, StoreFlag(box) + " --no-generic").known() == 0);
  box.Write(".magpie.yaml",
            "rules:\n  - id: see-token\n    name: See token\n    description: A test rule.\n"
            "    pattern: '\\b(see_[a-z0-9]{24})\\b'\n    confidence: high\n"
            "    examples: [\"see_0123456789abcdefghijklmn\"]\n");
  const GitRun custom = RunGit(box, StoreFlag(box));
  INFO(custom.run.err);
  CHECK(custom.known() == 0);
}

TEST_CASE("issue 13: a damaged or foreign store is a notice and a full scan", "[cli][store]") {
  Sandbox box;
  BuildHistory(box);
  const fs::path db = box.io() / "store" / "scans.sqlite";
  const GitRun full = RunGit(box, "--no-store");
  REQUIRE(RunGit(box, StoreFlag(box)).run.exit_code == 1);
  SECTION("garbage") { WriteFile(db, std::string(8192, 'x')); }
  SECTION("another application's database") {
    MustSh(box, "rm -f " + ShellQuote(db.string()) + " && sqlite3 " + ShellQuote(db.string()) +
                    " 'CREATE TABLE scan_keys(id); PRAGMA user_version = 1'");
  }
  SECTION("a world-writable store") {
    fs::permissions(db, fs::perms::others_write, fs::perm_options::add);
  }
  const GitRun run = RunGit(box, StoreFlag(box));
  INFO(run.run.err);
  CHECK(run.run.exit_code == 1);  // the store never changes the exit code
  CHECK(run.run.err.find("not using the scan store") != std::string::npos);
  CHECK(run.known() == 0);
  CHECK(run.scanned() == full.scanned());
  CHECK(Findings(run.report) == Findings(full.report));
}

TEST_CASE("issue 13: --no-store and MAGPIE_STORE=off neither read nor write the store",
          "[cli][store]") {
  Sandbox box;
  BuildHistory(box);
  const fs::path db = box.io() / "store" / "scans.sqlite";
  REQUIRE(RunGit(box, StoreFlag(box) + " --no-store").known() == 0);
  CHECK(!fs::exists(db));
  REQUIRE(RunGit(box, StoreFlag(box)).known() == 0);
  CHECK(RunGit(box, StoreFlag(box) + " --no-store").known() == 0);
  // The environment names the default store; the flag wins over it.
  const CliRun env = box.Run("git -f json", {});
  CHECK(ParseJson(env.out)["summary"]["skipped"].value("already-scanned", 0) == 0);
}

TEST_CASE("issue 13: store gc keeps this build's entries and compacts", "[cli][store]") {
  Sandbox box;
  BuildHistory(box);
  const fs::path db = box.io() / "store" / "scans.sqlite";
  REQUIRE(RunGit(box, StoreFlag(box)).run.exit_code == 1);
  // An entry of another build of magpie, as an older release would have left.
  MustSh(box, "sqlite3 " + ShellQuote(db.string()) +
                  " \"INSERT INTO scan_keys(key, build, last_used) VALUES('k', 'old', 0); "
                  "INSERT INTO clean VALUES((SELECT id FROM scan_keys WHERE key = 'k'), "
                  "zeroblob(16))\"");
  const CliRun gc = box.Run("store gc " + StoreFlag(box));
  INFO(gc.err);
  CHECK(gc.exit_code == 0);
  CHECK(gc.err.find("dropped 1 items of 1 stale scan keys") != std::string::npos);
  CHECK(RunGit(box, StoreFlag(box)).known() > 0);  // this build's entries survive
  // A store that is not one: an error, nothing touched.
  WriteFile(db, std::string(8192, 'x'));
  CHECK(box.Run("store gc " + StoreFlag(box)).exit_code == 2);
  CHECK(ReadFile(db) == std::string(8192, 'x'));
}

}  // namespace
}  // namespace magpie::clitest
