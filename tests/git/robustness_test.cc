// The history walk on hostile and unlucky repositories (issue 14): exclusion decided per path
// of a blob, and no repository handle shared between threads even when one cannot be opened.
#include <catch2/catch.hpp>

#include <cerrno>
#include <string>
#include <string_view>

#include "base/fault_injection.h"
#include "git/history.h"
#include "tests/git/git_fixture.h"

namespace magpie::git {
namespace {

using testing::Collect;
using testing::Collected;
using testing::TempRepo;

const char kSecret[] = "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n";

bool InVendor(std::string_view path) { return path.rfind("vendor/", 0) == 0; }

TEST_CASE("issue 14: a blob is excluded only at the paths a pattern excludes", "[git]") {
  TempRepo repo;
  repo.Write("vendor/x.py", kSecret);  // first introduction: excluded
  repo.Write("README.md", "hello\n");
  repo.Commit("vendor");
  repo.Write("docs/other.md", "other\n");
  repo.Commit("unrelated");
  repo.Write("app/x.py", kSecret);  // later, at a live path
  const std::string live = repo.Commit("app");
  repo.Write("lib/x.py", kSecret);  // and again: counted, not the provenance
  repo.Write("vendor/only.txt", "only vendored\n");
  repo.Commit("lib");

  HistoryOptions options;
  options.is_excluded = InVendor;
  auto history = History::Open(repo.path(), options, nullptr);
  REQUIRE(history.ok());
  int seen = 0;
  for (size_t i = 0; i < (*history)->size(); ++i) {
    const BlobProvenance p = (*history)->Provenance(i);
    if (p.blob_id == repo.BlobId(kSecret)) {
      ++seen;
      CHECK_FALSE(p.excluded);
      CHECK(p.path == "app/x.py");
      CHECK(p.commit == live);
      CHECK(p.other_occurrences == 2);
    } else if (p.blob_id == repo.BlobId("only vendored\n")) {
      ++seen;
      CHECK(p.excluded);
      CHECK(p.path == "vendor/only.txt");
    } else {
      CHECK_FALSE(p.excluded);
    }
  }
  CHECK(seen == 2);

  // Without a predicate, the first introduction decides as before.
  Collected c = Collect(repo.path());
  const BlobProvenance* p = c.ByContent(kSecret);
  REQUIRE(p != nullptr);
  CHECK(p->path == "vendor/x.py");
  CHECK_FALSE(p->excluded);
}

TEST_CASE("issue 14: a worker without its own repository handle reports its commits", "[git]") {
  TempRepo repo;
  repo.Write("a.txt", "a\n");
  const std::string first = repo.Commit("one");
  repo.Write("b.txt", "b\n");
  repo.Commit("two");

  Collected c;
  {
    fault::ScopedFault no_handle(fault::Point::kGitWorkerRepository, EMFILE);
    c = Collect(repo.path());
  }
  REQUIRE(c.result.ok());
  CHECK(c.calls == 0);  // nothing was diffed with a shared handle instead
  REQUIRE(c.Count(DiagnosticKind::kUnreadable) == 2);
  bool names_commit = false;
  for (const GitDiagnostic& d : c.diagnostics) {
    names_commit = names_commit || (d.object == first && d.message.find(first) != std::string::npos);
  }
  CHECK(names_commit);
  CHECK(ToString(DiagnosticKind::kUnreadable) == "unreadable");

  // Handles open again: everything is there.
  Collected again = Collect(repo.path());
  CHECK(again.diagnostics.empty());
  CHECK(again.calls == 2);
}

}  // namespace
}  // namespace magpie::git
