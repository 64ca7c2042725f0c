#include <catch2/catch.hpp>

#include <chrono>

#include "git/staged.h"
#include "tests/git/git_fixture.h"

namespace magpie::git {
namespace {

using testing::TempDir;
using testing::TempRepo;

std::vector<std::pair<int, int>> Ranges(const StagedFile& file) {
  std::vector<std::pair<int, int>> out;
  for (const LineRange& r : file.added_lines) out.emplace_back(r.first, r.last);
  return out;
}

TEST_CASE("only staged content and only its added lines are reported", "[git]") {
  TempRepo repo;
  repo.Write("app.cfg", "one\ntwo\nthree\n");
  repo.Write("other.txt", "untouched\n");
  repo.Commit("base");
  repo.Write("app.cfg", "one\nTWO\nthree\nstaged secret\n");
  repo.Git("add app.cfg");
  repo.Write("app.cfg", "one\nTWO\nthree\nstaged secret\nunstaged secret\n");  // not added
  repo.Write("other.txt", "unstaged change\n");
  repo.Write("untracked.txt", "never added\n");

  Result<StagedChange> r = ScanStaged(repo.path());
  REQUIRE(r.ok());
  CHECK_FALSE(r->nothing_staged);
  CHECK_FALSE(r->initial_commit);
  CHECK(r->diagnostics.empty());
  REQUIRE(r->files.size() == 1);
  const StagedFile& f = r->files[0];
  CHECK(f.path == "app.cfg");
  CHECK(f.old_path == "app.cfg");
  CHECK(f.content == "one\nTWO\nthree\nstaged secret\n");
  CHECK(f.blob_id == repo.BlobId("one\nTWO\nthree\nstaged secret\n"));
  CHECK(Ranges(f) == std::vector<std::pair<int, int>>{{2, 2}, {4, 4}});
  CHECK_FALSE(f.IsAdded(1));
  CHECK(f.IsAdded(2));
  CHECK_FALSE(f.IsAdded(3));
  CHECK(f.IsAdded(4));
  CHECK_FALSE(f.IsAdded(5));
}

TEST_CASE("the first commit of a new repository: everything staged is added", "[git]") {
  TempRepo repo;
  repo.Write("src/main.c", "int main() {\n  return 0;\n}\n");
  repo.Write("b.txt", "b\n");
  repo.Git("add src/main.c b.txt");

  Result<StagedChange> r = ScanStaged(repo.path() + "/src");  // discovered from a subdirectory
  REQUIRE(r.ok());
  CHECK(r->initial_commit);
  CHECK_FALSE(r->nothing_staged);
  REQUIRE(r->files.size() == 2);
  CHECK(r->files[0].path == "b.txt");  // path order
  CHECK(r->files[1].path == "src/main.c");
  CHECK(Ranges(r->files[1]) == std::vector<std::pair<int, int>>{{1, 3}});
}

TEST_CASE("nothing staged is said, not silently scanned", "[git]") {
  TempRepo repo;
  repo.Write("a.txt", "a\n");
  repo.Commit("base");
  repo.Write("a.txt", "modified but not staged\n");

  Result<StagedChange> r = ScanStaged(repo.path());
  REQUIRE(r.ok());
  CHECK(r->nothing_staged);
  CHECK(r->files.empty());

  SECTION("and before the first commit too") {
    TempRepo empty;
    Result<StagedChange> e = ScanStaged(empty.path());
    REQUIRE(e.ok());
    CHECK(e->initial_commit);
    CHECK(e->nothing_staged);
  }
}

TEST_CASE("renames, deletions and binary files", "[git]") {
  TempRepo repo;
  std::string body;
  for (int i = 1; i <= 20; ++i) body += "line " + std::to_string(i) + " of a long enough file\n";
  repo.Write("old.txt", body);
  repo.Write("gone.txt", "to be deleted\n");
  repo.Write("moved.txt", body + "moved\n");
  repo.Commit("base");
  repo.Git("mv old.txt new.txt");  // a pure rename: no added lines
  repo.Git("mv moved.txt renamed.txt");
  repo.Write("renamed.txt", body + "moved\nplus one\n");  // a rename with one new line
  repo.Git("add renamed.txt");
  repo.Git("rm -q gone.txt");
  repo.Write("blob.bin", std::string("\x89PNG\0\0\0", 7));
  repo.Git("add blob.bin");

  StagedOptions skip_binary;
  skip_binary.is_binary = &testing::HasNulByte;
  Result<StagedChange> r = ScanStaged(repo.path(), skip_binary);
  REQUIRE(r.ok());
  CHECK_FALSE(r->nothing_staged);
  REQUIRE(r->files.size() == 1);
  CHECK(r->files[0].path == "renamed.txt");
  CHECK(r->files[0].old_path == "moved.txt");
  CHECK(Ranges(r->files[0]) == std::vector<std::pair<int, int>>{{22, 22}});
  REQUIRE(r->diagnostics.size() == 1);
  CHECK(r->diagnostics[0].kind == DiagnosticKind::kBinary);
  CHECK(r->diagnostics[0].path == "blob.bin");

  SECTION("without is_binary, binary files get their lines") {
    StagedOptions options;
    options.is_binary = nullptr;
    Result<StagedChange> b = ScanStaged(repo.path(), options);
    REQUIRE(b.ok());
    CHECK(b->files.size() == 2);
    CHECK(b->diagnostics.empty());
  }
}

TEST_CASE("not a repository, or a bare one, is an error", "[git]") {
  TempDir dir;
  Result<StagedChange> r = ScanStaged(dir.path());
  CHECK_FALSE(r.ok());
  CHECK(r.status().message().find("not a git repository") != std::string::npos);

  TempRepo bare(/*bare=*/true);
  Result<StagedChange> b = ScanStaged(bare.path());
  CHECK_FALSE(b.ok());
  CHECK(b.status().message().find("bare") != std::string::npos);
}

TEST_CASE("a typical staged change is checked quickly", "[git]") {
  TempRepo repo;
  for (int i = 0; i < 200; ++i) {
    repo.Write(std::string("src/file") + std::to_string(i) + ".txt", std::string(4000, 'a'));
  }
  repo.Commit("base");
  for (int i = 0; i < 4; ++i) {
    repo.Write(std::string("src/file") + std::to_string(i) + ".txt",
               std::string(4000, 'a') + "\nnew line\n");
  }
  repo.Git("add -A");
  const auto start = std::chrono::steady_clock::now();
  Result<StagedChange> r = ScanStaged(repo.path());
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  REQUIRE(r.ok());
  CHECK(r->files.size() == 4);
  // The whole pre-commit hook has a 50 ms budget; this takes a few ms on an idle machine.
  // The bound leaves room for a loaded CI box but still catches reading the whole history.
  CHECK(ms < 150);
}

}  // namespace
}  // namespace magpie::git

namespace magpie::git {
namespace {

// Issue 11: `git commit -a` / `git commit PATH` name a temporary index in GIT_INDEX_FILE.
TEST_CASE("issue 11: another index file is read instead of the repository's", "[git]") {
  testing::TempRepo repo;
  repo.Write("a.txt", "one\n");
  repo.Commit("base");
  repo.Write("a.txt", "one\nsecret\n");  // not added to the repository's index
  const std::string other = repo.path() + "/.git/other-index";
  testing::Run("cd " + testing::ShellQuote(repo.path()) +
               " && cp .git/index .git/other-index && GIT_INDEX_FILE=.git/other-index git add a.txt");

  Result<StagedChange> plain = ScanStaged(repo.path());
  REQUIRE(plain.ok());
  CHECK(plain->nothing_staged);

  StagedOptions options;
  options.index_file = other;
  Result<StagedChange> r = ScanStaged(repo.path(), options);
  REQUIRE(r.ok());
  REQUIRE(r->files.size() == 1);
  CHECK(r->files[0].content == "one\nsecret\n");
  CHECK(r->files[0].IsAdded(2));
}

TEST_CASE("issue 11: an index file that is not there is an error not an empty index", "[git]") {
  testing::TempRepo repo;
  repo.Write("a.txt", "one\n");
  repo.Commit("base");
  StagedOptions options;
  options.index_file = repo.path() + "/.git/no-such-index";
  Result<StagedChange> r = ScanStaged(repo.path(), options);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message().find("no-such-index") != std::string::npos);
}

TEST_CASE("issue 11: a merge in progress keeps only lines new to every parent", "[git]") {
  testing::TempRepo repo;
  repo.Write("a.txt", "base\n");
  repo.Commit("base");
  repo.Git("checkout -q -b side");
  repo.Write("a.txt", "base\nfrom side\n");
  repo.Write("side.txt", "side only\n");
  repo.Commit("side");
  repo.Git("checkout -q main");
  repo.Write("a.txt", "base\nfrom main\n");
  repo.Commit("main");
  int status = 0;
  repo.Git("merge -q side", &status);
  REQUIRE(status != 0);  // conflict in a.txt: MERGE_HEAD is there
  repo.Write("a.txt", "base\nfrom main\nfrom side\nresolution\n");
  repo.Git("add a.txt");

  Result<StagedChange> r = ScanStaged(repo.path());
  REQUIRE(r.ok());
  CHECK(r->merge_heads == 1);
  // side.txt is side's own file (not the merge's doing); a.txt adds only line 4 to both sides.
  REQUIRE(r->files.size() == 1);
  CHECK(r->files[0].path == "a.txt");
  CHECK(Ranges(r->files[0]) == std::vector<std::pair<int, int>>{{4, 4}});

  repo.Write(".git/MERGE_HEAD", std::string(40, 'f') + "\n");  // names no commit
  Result<StagedChange> broken = ScanStaged(repo.path());
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.status().message().find("MERGE_HEAD") != std::string::npos);
}

}  // namespace
}  // namespace magpie::git

namespace magpie::git {
namespace {

// Issue 11 (latency): the hook leaves libgit2's handles to the exit. The result is the same,
// from the repository's index and from another index file, call after call.
TEST_CASE("issue 11: handles left to the exit change nothing in the result", "[git]") {
  testing::TempRepo repo;
  repo.Write("a.txt", "one\n");
  repo.Commit("base");
  repo.Write("a.txt", "one\nsecret\n");
  repo.Git("add a.txt");
  testing::Run("cd " + testing::ShellQuote(repo.path()) + " && cp .git/index .git/other-index");
  for (const std::string& index_file : {std::string(), repo.path() + "/.git/other-index"}) {
    StagedOptions freed;
    freed.index_file = index_file;
    StagedOptions left = freed;
    left.leave_handles_to_exit = true;
    for (int call = 0; call < 2; ++call) {
      Result<StagedChange> a = ScanStaged(repo.path(), freed);
      Result<StagedChange> b = ScanStaged(repo.path(), left);
      REQUIRE(a.ok());
      REQUIRE(b.ok());
      REQUIRE(b->files.size() == 1);
      CHECK(b->files[0].content == a->files[0].content);
      CHECK(b->files[0].IsAdded(2));
      CHECK_FALSE(b->files[0].IsAdded(1));
    }
  }
}

}  // namespace
}  // namespace magpie::git
