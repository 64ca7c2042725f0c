// Issue 13: the walk cache. A rescan with the scan store walks only the commits that are new
// since the last walk of every ref and reports exactly what a scan without the store reports
// (findings with their provenance and present_in, diagnostics, exit code). Refs that moved
// back, a deleted branch, a new commit older than the last one, and a damaged or planted walk
// cache all walk every commit again, with a notice.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include "cli_harness.h"
#include "git_harness.h"
#include "store_harness.h"

namespace magpie::clitest {
namespace {

// Commits with increasing committer dates: a rescan can resume only when new commits sort
// after the old ones (git/walk_resume.h).
class Repo {
 public:
  explicit Repo(const Sandbox& box) : box_(box) { InitRepo(box); }
  void Commit(const std::string& message) { CommitAt(message, ++day_); }
  void CommitAt(const std::string& message, int day) {
    const std::string stamp = "@" + std::to_string(1609459200 + day * 86400) + " +0000";
    MustSh(box_, "git add -A && GIT_COMMITTER_DATE=" + ShellQuote(stamp) + " GIT_AUTHOR_DATE=" +
                     ShellQuote(stamp) + " " + Git("commit -q --allow-empty -m " +
                                                   ShellQuote(message)));
  }

 private:
  const Sandbox& box_;
  int day_ = 0;
};

// What the report says about the repository, without what only the store changes (how many
// blobs were read, timings).
nlohmann::json Essence(const nlohmann::json& report) {
  nlohmann::json out;
  out["findings"] = report["findings"];
  out["diagnostics"] = report.value("diagnostics", nlohmann::json::array());
  return out;
}

// A rescan with the store equals a scan without it, and says whether it resumed.
void RequireSameAsFull(const Sandbox& box, bool resumed) {
  const GitRun full = RunGit(box, "-v --no-store");
  const GitRun rescan = RunGit(box, "-v " + StoreFlag(box));
  INFO(rescan.run.err);
  CHECK(rescan.run.exit_code == full.run.exit_code);
  CHECK(Essence(rescan.report) == Essence(full.report));
  CHECK((rescan.run.err.find("resumed from the scan store") != std::string::npos) == resumed);
  CHECK((rescan.run.err.find("walked every commit") != std::string::npos) == !resumed);
}

// The report without its summary (what the store changes by design: blobs read, timings).
nlohmann::json WithoutSummary(nlohmann::json report) {
  report.erase("summary");
  return report;
}

void BuildHistory(const Sandbox& box, Repo& repo) {
  for (int i = 0; i < 6; ++i) {
    box.Write("src/clean" + std::to_string(i) + ".txt", "version " + std::to_string(i) + "\n");
    if (i == 1) box.Write("src/aws.py", "key = \"AKIAQYLPMN5HHHFPZAM2\"\n");
    if (i == 3) box.Write("deploy/db.env", "DB_PASSWORD=q8Vn2rLx7TfK9mWz5\n");
    repo.Commit("commit " + std::to_string(i));
  }
}

TEST_CASE("issue 13: a rescan after new commits walks only them and reports what --no-store "
          "reports", "[cli][store]") {
  Sandbox box;
  Repo repo(box);
  BuildHistory(box, repo);
  const GitRun first = RunGit(box, "-v " + StoreFlag(box));
  CHECK(first.run.exit_code == 1);
  // New commits: a new secret, the old secret copied to a second path, an edit removing one,
  // and a branch from an old commit with a commit of its own.
  box.Write("src/new.py", "token = \"ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5\"\n");
  box.Write("src/copy.py", "key = \"AKIAQYLPMN5HHHFPZAM2\"\n");
  repo.Commit("new secret and a copy");
  box.Write("deploy/db.env", "DB_PASSWORD=\n");
  repo.Commit("remove the password");
  MustSh(box, "git checkout -q -b side HEAD~3");
  box.Write("side.txt", "side\n");
  repo.Commit("on a side branch");
  MustSh(box, "git checkout -q main && git tag v1 HEAD~1");
  RequireSameAsFull(box, true);
  // Nothing new: resumed again, same report.
  RequireSameAsFull(box, true);
  // The whole report but its summary, and the exit code.
  const GitRun full = RunGit(box, "--no-store");
  const GitRun rescan = RunGit(box, StoreFlag(box));
  CHECK(rescan.run.exit_code == full.run.exit_code);
  CHECK(WithoutSummary(rescan.report) == WithoutSummary(full.report));
}

TEST_CASE("issue 13: a deleted or force-pushed branch walks every commit again",
          "[cli][store]") {
  Sandbox box;
  Repo repo(box);
  BuildHistory(box, repo);
  MustSh(box, "git checkout -q -b feature");
  box.Write("feature.env", "DB_PASSWORD=Zr8Lq2Vn7TfK9mWx\n");
  repo.Commit("feature secret");
  MustSh(box, "git checkout -q main");
  REQUIRE(RunGit(box, "-v " + StoreFlag(box)).run.exit_code == 1);

  SECTION("deleted") {
    MustSh(box, "git branch -q -D feature");
    RequireSameAsFull(box, false);
  }
  SECTION("moved back and rewritten") {
    MustSh(box, "git checkout -q feature && git reset -q --hard HEAD~1");
    box.Write("feature.txt", "rewritten\n");
    repo.Commit("rewritten");
    MustSh(box, "git checkout -q main");
    RequireSameAsFull(box, false);
  }
  // Once walked in full, the next rescan resumes again.
  RequireSameAsFull(box, true);
}

TEST_CASE("issue 13: a new commit older than the walked ones walks every commit again",
          "[cli][store]") {
  Sandbox box;
  Repo repo(box);
  BuildHistory(box, repo);
  REQUIRE(RunGit(box, "-v " + StoreFlag(box)).run.exit_code == 1);
  box.Write("late.env", "DB_PASSWORD=Lm4Kq9Vn2TfR8wXz\n");
  repo.CommitAt("dated before the others", 0);
  RequireSameAsFull(box, false);
}

void Sql(const Sandbox& box, const std::string& sql) {
  MustSh(box, "sqlite3 " + ShellQuote((box.io() / "store" / "scans.sqlite").string()) + " " +
                  ShellQuote(sql));
}

// Plants a delta row (store/walk_cache.h: rows beside the packed cell override it) for the
// blob at `path` in HEAD: its own commit, path and position, with `excluded` and `order` as
// given (the shell fills in the blob id).
void PlantRow(const Sandbox& box, const std::string& path, int order, int excluded) {
  MustSh(box, "sqlite3 " + ShellQuote((box.io() / "store" / "scans.sqlite").string()) +
                  " \"INSERT OR REPLACE INTO walk_blobs SELECT walk, x'$(git rev-parse HEAD:" +
                  path + ")', '" + path + "', substr(commit_ids, 21, 20), " +
                  std::to_string(order) + ", 0, " + std::to_string(excluded) +
                  " FROM walk_commits\"");
}

TEST_CASE("issue 13: a damaged or planted walk cache walks every commit with a notice and "
          "hides nothing", "[cli][store]") {
  Sandbox box;
  Repo repo(box);
  BuildHistory(box, repo);
  REQUIRE(RunGit(box, "-v " + StoreFlag(box)).run.exit_code == 1);
  std::string notice = "walked every commit";
  // src/aws.py (the AWS key) was introduced by the second commit (position 1).
  SECTION("a blob marked excluded at a path that is not") { PlantRow(box, "src/aws.py", 1, 1); }
  SECTION("a commit position out of range") { PlantRow(box, "src/aws.py", 1000000, 0); }
  SECTION("a tip that is not a commit") {
    Sql(box, "UPDATE walk_tips SET tip = zeroblob(20)");
  }
  SECTION("an id of the wrong size") {
    PlantRow(box, "src/aws.py", 1, 0);
    Sql(box, "UPDATE walk_blobs SET commit_id = x'0102'");
    notice = "not using the scan store's walk cache";
  }
  SECTION("a damaged packed walk") {
    Sql(box, "UPDATE walk_rows SET blob_rows = substr(blob_rows, 1, length(blob_rows) - 3)");
    notice = "not using the scan store's walk cache";
  }
  SECTION("a commit list that names one commit twice") {
    Sql(box, "UPDATE walk_commits SET commit_ids = CAST(substr(commit_ids, 1, 20) || "
             "substr(commit_ids, 1, length(commit_ids) - 20) AS BLOB)");
  }
  SECTION("a commit list that leaves a commit out") {
    Sql(box, "UPDATE walk_commits SET commit_ids = substr(commit_ids, 21)");
    notice = "not using the scan store's walk cache";  // rows name positions past its end
  }
  box.Write("late.txt", "later\n");
  repo.Commit("later");
  const GitRun full = RunGit(box, "-v --no-store");
  const GitRun rescan = RunGit(box, "-v " + StoreFlag(box));
  INFO(rescan.run.err);
  CHECK(rescan.run.err.find(notice) != std::string::npos);
  CHECK(rescan.run.exit_code == full.run.exit_code);
  CHECK(Essence(rescan.report) == Essence(full.report));
  CHECK(rescan.report["findings"].size() == 2);
}

TEST_CASE("issue 13: a moved tag and a second rescan report what --no-store reports",
          "[cli][store]") {
  Sandbox box;
  Repo repo(box);
  BuildHistory(box, repo);
  MustSh(box, Git("tag v1 HEAD~2") + " && " + Git("tag -a -m release v2 HEAD~4"));
  REQUIRE(RunGit(box, "-v " + StoreFlag(box)).run.exit_code == 1);
  // Ten new commits, one with a new secret; the tags move: v1 onto a new commit, v2 back.
  for (int i = 0; i < 10; ++i) {
    box.Write("more/m" + std::to_string(i) + ".txt", "more " + std::to_string(i) + "\n");
    if (i == 4) box.Write("more/key.py", "token = \"ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5\"\n");
    repo.Commit("more " + std::to_string(i));
  }
  MustSh(box, Git("tag -f v1 HEAD~3") + " && " + Git("tag -f -a -m again v2 HEAD~14"));
  for (int pass = 0; pass < 2; ++pass) {
    const GitRun full = RunGit(box, "-v --no-store");
    const GitRun rescan = RunGit(box, "-v " + StoreFlag(box));
    INFO(rescan.run.err);
    CHECK(rescan.run.exit_code == full.run.exit_code);
    CHECK(WithoutSummary(rescan.report) == WithoutSummary(full.report));
    CHECK(rescan.report["findings"].size() == full.report["findings"].size());
  }
}

TEST_CASE("issue 13: a tag added on an old commit resumes and reports what --no-store reports",
          "[cli][store]") {
  Sandbox box;
  Repo repo(box);
  BuildHistory(box, repo);
  REQUIRE(RunGit(box, "-v " + StoreFlag(box)).run.exit_code == 1);
  // No new commit: the new tips are commits walked before (the one that added the AWS key
  // and the one that added the password), so nothing is walked again, and present_in names
  // the new tags where the secrets still are.
  MustSh(box, Git("tag old-light HEAD~4") + " && " + Git("tag -a -m old old-annotated HEAD~2"));
  RequireSameAsFull(box, true);
  const GitRun full = RunGit(box, "--no-store");
  const GitRun rescan = RunGit(box, StoreFlag(box));
  CHECK(rescan.run.exit_code == full.run.exit_code);
  CHECK(WithoutSummary(rescan.report) == WithoutSummary(full.report));
  CHECK(rescan.report.dump().find("refs/tags/old-light") != std::string::npos);
  // Then a new commit on top of an old one, reached only through a tag.
  MustSh(box, "git checkout -q --detach HEAD~5");
  box.Write("tagged.env", "DB_PASSWORD=Hq7Vn2rLx9TfK4mWz\n");
  repo.Commit("reached by a tag only");
  MustSh(box, Git("tag on-old HEAD") + " && git checkout -q main");
  RequireSameAsFull(box, true);
}

int64_t TreeFacts(const Sandbox& box) {
  std::string out;
  const int rc = Sh(box, "sqlite3 " + ShellQuote((box.io() / "store" / "scans.sqlite").string()) +
                             " 'SELECT count(*) FROM tree_paths'", &out);
  return rc == 0 && !out.empty() ? std::stoll(out) : -1;
}

TEST_CASE("issue 13: present_in from the store's facts about tip trees is what --no-store "
          "says after new commits and moved and deleted refs", "[cli][store]") {
  Sandbox box;
  Repo repo(box);
  BuildHistory(box, repo);
  MustSh(box, Git("tag v1 HEAD~2") + " && " + Git("tag -a -m release v2 HEAD~4") + " && " +
                  Git("branch feature HEAD~1"));
  REQUIRE(RunGit(box, StoreFlag(box)).run.exit_code == 1);
  // Two paths with findings, four distinct tip trees (main, feature, v1, v2).
  CHECK(TreeFacts(box) == 8);
  box.Write("deploy/db.env", "DB_PASSWORD=\n");
  repo.Commit("remove the password");
  MustSh(box, Git("tag -f v1 HEAD~5") + " && " + Git("branch -q -D feature"));
  for (int pass = 0; pass < 2; ++pass) {  // learning the new trees, then reading them back
    const GitRun full = RunGit(box, "--no-store");
    const GitRun rescan = RunGit(box, "-v " + StoreFlag(box));
    INFO(rescan.run.err);
    CHECK(rescan.run.exit_code == full.run.exit_code);
    CHECK(WithoutSummary(rescan.report) == WithoutSummary(full.report));
    CHECK(rescan.run.err.find("facts about branch and tag trees") == std::string::npos);
  }
  // main's new tree learned (v1 moved onto v2's commit: a tree known already), none forgotten.
  CHECK(TreeFacts(box) == 10);
  SECTION("malformed facts are read again, with a notice") {
    Sql(box, "UPDATE tree_paths SET blob = x'0102' WHERE length(blob) = 20");
    Sql(box, "UPDATE tree_paths SET tree = 7 WHERE length(blob) = 0");
    const GitRun full = RunGit(box, "--no-store");
    const GitRun rescan = RunGit(box, StoreFlag(box));
    INFO(rescan.run.err);
    CHECK(rescan.run.err.find("facts about branch and tag trees in the scan store are "
                              "malformed") != std::string::npos);
    CHECK(WithoutSummary(rescan.report) == WithoutSummary(full.report));
  }
  SECTION("store gc drops them and the next run learns them again") {
    REQUIRE(box.Run("store gc " + StoreFlag(box)).exit_code == 0);
    CHECK(TreeFacts(box) == 0);
    const GitRun full = RunGit(box, "--no-store");
    const GitRun rescan = RunGit(box, StoreFlag(box));
    CHECK(WithoutSummary(rescan.report) == WithoutSummary(full.report));
    CHECK(TreeFacts(box) == 4);  // two distinct trees among the three tips, two paths each
  }
}

TEST_CASE("issue 13: the walk cache is not used for a partial walk", "[cli][store]") {
  Sandbox box;
  Repo repo(box);
  BuildHistory(box, repo);
  REQUIRE(RunGit(box, "-v " + StoreFlag(box)).run.exit_code == 1);
  const GitRun branch = RunGit(box, "-v " + StoreFlag(box) + " --branch main");
  CHECK(branch.run.exit_code == 1);
  CHECK(branch.run.err.find("resumed from the scan store") == std::string::npos);
  CHECK(branch.run.err.find("walked every commit") == std::string::npos);
}

}  // namespace
}  // namespace magpie::clitest
