// Issue 13: a walk resumed from an earlier one's snapshot (git/walk_resume.h) gives exactly
// the provenance of a full walk, and a snapshot that cannot be trusted is a full walk.
#include <catch2/catch.hpp>

#include <algorithm>

#include <map>
#include <memory>
#include <string>
#include <tuple>

#include "base/fault_injection.h"
#include "git/history.h"
#include "git_fixture.h"

namespace magpie::git::testing {
namespace {

using Facts = std::tuple<std::string, std::string, uint64_t, int, bool, std::string, int64_t,
                         std::string, bool>;

std::map<std::string, Facts> FactsOf(const History& h) {
  std::map<std::string, Facts> out;
  for (size_t i = 0; i < h.size(); ++i) {
    const BlobProvenance p = h.Provenance(i);
    out[p.blob_id] = {p.path,          p.commit,      p.commit_order, p.other_occurrences,
                      p.excluded,      p.author_name, p.commit_time,  p.message,
                      p.present_at_head};
  }
  return out;
}

// An id whose 20 bytes are all `byte`.
RawOid Raw(unsigned char byte) {
  RawOid id;
  id.fill(byte);
  return id;
}

std::unique_ptr<History> MustOpen(const std::string& repo, const HistoryOptions& options) {
  auto history = History::Open(repo, options, nullptr);
  INFO(history.status().message());
  REQUIRE(history.ok());
  return *std::move(history);
}

void Build(TempRepo& repo, int from, int to) {
  for (int i = from; i < to; ++i) {
    repo.Write("d" + std::to_string(i % 3) + "/f.txt", "version " + std::to_string(i));
    repo.Write("same.txt", i % 2 == 0 ? "even" : "odd");  // reverts: other occurrences
    repo.Commit("c" + std::to_string(i));
  }
}

TEST_CASE("issue 13: a resumed walk equals a full walk", "[git]") {
  TempRepo repo;
  Build(repo, 0, 6);
  HistoryOptions options;
  options.take_snapshot = true;
  const std::unique_ptr<History> first = MustOpen(repo.path(), options);
  REQUIRE(first->snapshot() != nullptr);
  const WalkSnapshot kept = *first->snapshot();
  CHECK(!kept.delta);
  CHECK(kept.commits == 6);
  Build(repo, 6, 9);
  repo.Git("tag -a -m t v1 HEAD~4");

  options.resume_from = &kept;
  std::unique_ptr<History> resumed = MustOpen(repo.path(), options);
  const std::unique_ptr<History> full = MustOpen(repo.path(), {});
  SECTION("resumed") {
    CHECK(resumed->resumed());
    CHECK(resumed->resume_refused().empty());
    REQUIRE(resumed->snapshot() != nullptr);
    CHECK(resumed->snapshot()->delta);
    CHECK(resumed->snapshot()->commits == 9);
  }
  SECTION("listing the new commits fails: a full walk") {
    fault::ScopedFault broken(fault::Point::kWalkResume, EIO);
    resumed = MustOpen(repo.path(), options);
    CHECK(!resumed->resumed());
    CHECK(!resumed->resume_refused().empty());
    REQUIRE(resumed->snapshot() != nullptr);
    CHECK(!resumed->snapshot()->delta);
  }
  // Resumes from `bad` (refused: a full walk) and says why.
  const auto refused = [&](const WalkSnapshot& bad) {
    options.resume_from = &bad;
    resumed = MustOpen(repo.path(), options);
    CHECK(!resumed->resumed());
    return resumed->resume_refused();
  };
  WalkSnapshot bad = kept;
  SECTION("a malformed row: a full walk") {
    bad.blobs[0].path.clear();
    CHECK(refused(bad).find("malformed") != std::string::npos);
  }
  SECTION("no commit list (an older store): a full walk") {
    bad.commit_ids.clear();
    CHECK(refused(bad).find("does not list the commits") != std::string::npos);
  }
  SECTION("a commit listed twice: a full walk") {
    REQUIRE(bad.commit_ids.size() >= 40);
    std::copy_n(kept.commit_ids.begin(), 20, bad.commit_ids.begin() + 20);
    CHECK(refused(bad).find("twice") != std::string::npos);
  }
  SECTION("a tip the commit list leaves out: a full walk") {
    bad.tips.push_back(Raw(0xee));
    CHECK(refused(bad).find("did not walk") != std::string::npos);
  }
  SECTION("two commits at one position: a full walk") {
    REQUIRE(bad.blobs.size() >= 2);
    bad.blobs[1].commit_order = bad.blobs[0].commit_order;
    bad.blobs[1].commit = Raw(0xee);
    CHECK(refused(bad).find("another commit") != std::string::npos);
  }
  CHECK(resumed->commits() == full->commits());
  CHECK(FactsOf(*resumed) == FactsOf(*full));
}

TEST_CASE("issue 13: a branch moved back makes the walk start over", "[git]") {
  TempRepo repo;
  Build(repo, 0, 5);
  HistoryOptions options;
  options.take_snapshot = true;
  const WalkSnapshot kept = *MustOpen(repo.path(), options)->snapshot();
  repo.Git("reset -q --hard HEAD~2");
  Build(repo, 10, 11);
  options.resume_from = &kept;
  const std::unique_ptr<History> resumed = MustOpen(repo.path(), options);
  CHECK(!resumed->resumed());
  CHECK(resumed->resume_refused().find("no longer holds an earlier tip") != std::string::npos);
  CHECK(FactsOf(*resumed) == FactsOf(*MustOpen(repo.path(), {})));
}

}  // namespace
}  // namespace magpie::git::testing
