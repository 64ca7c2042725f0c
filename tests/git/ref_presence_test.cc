// git::RefPresence (which branch and tag tips hold a path's version) and the introductions
// the history walk records for --all-occurrences (issue 11).
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "base/fault_injection.h"
#include "git/history.h"
#include "git/ref_presence.h"
#include "tests/git/git_fixture.h"

namespace magpie::git {
namespace {

using testing::Collect;
using testing::Collected;
using testing::TempRepo;

const char kSecret[] = "token = 9f8Kq2LzX7wB4nV6mR1tY3pD5sG0hJcE\n";

std::vector<std::string> NamesOf(const RefPresence& tips, const RefPresence::Version& v) {
  std::vector<std::string> names;
  for (uint32_t i : v.tips) names.push_back(tips.tips()[i]);
  return names;
}

TEST_CASE("issue 11: RefPresence lists branches and tags and finds a path's versions", "[git]") {
  TempRepo repo;
  repo.Write("deep/dir/app.env", kSecret);
  repo.Write("other.txt", "x\n");
  repo.Commit("one");
  repo.Git("tag v1");
  repo.Git("tag -a -m release v1-annotated");
  repo.Git("checkout -q -b side");
  repo.Write("deep/dir/app.env", "clean\n");
  repo.Commit("two");
  repo.Git("checkout -q main");
  // A tag naming a blob directly, and one naming a tree.
  repo.Git("tag blobtag " + repo.BlobId(kSecret));
  repo.Git("tag treetag HEAD^{tree}");

  auto opened = RefPresence::Open(repo.path());
  REQUIRE(opened.ok());
  RefPresence& tips = **opened;
  CHECK(tips.tips() == std::vector<std::string>{"refs/heads/main", "refs/heads/side",
                                                "refs/tags/blobtag", "refs/tags/treetag",
                                                "refs/tags/v1", "refs/tags/v1-annotated"});
  CHECK(tips.unreadable_tips() == 0);

  const auto versions = tips.VersionsAt("deep/dir/app.env");
  REQUIRE(versions.size() == 2);
  CHECK(versions[0].blob_id == repo.BlobId(kSecret));
  CHECK(NamesOf(tips, versions[0]) ==
        std::vector<std::string>{"refs/heads/main", "refs/tags/treetag", "refs/tags/v1",
                                 "refs/tags/v1-annotated"});
  CHECK(versions[1].blob_id == repo.BlobId("clean\n"));
  CHECK(NamesOf(tips, versions[1]) == std::vector<std::string>{"refs/heads/side"});

  // A path that is a directory, or absent, holds nothing; a tag naming a blob holds it at
  // its own name.
  CHECK(tips.VersionsAt("deep/dir").empty());
  CHECK(tips.VersionsAt("deep/dir/app.env/x").empty());
  CHECK(tips.VersionsAt("missing.txt").empty());
  const auto tagged = tips.VersionsAt("refs/tags/blobtag");
  REQUIRE(tagged.size() == 1);
  CHECK(NamesOf(tips, tagged[0]) == std::vector<std::string>{"refs/tags/blobtag"});
  CHECK(tips.unreadable_lookups() == 0);

  const auto bytes = tips.ReadBlob(versions[0].blob_id, 1 << 20);
  REQUIRE(bytes);
  CHECK(*bytes == kSecret);
  CHECK_FALSE(tips.ReadBlob(versions[0].blob_id, 4));  // over the size limit
  CHECK_FALSE(tips.ReadBlob("not-an-id", 1 << 20));
}

TEST_CASE("issue 11: a detached HEAD is a tip of its own", "[git]") {
  TempRepo repo;
  repo.Write("a.env", kSecret);
  repo.Commit("one");
  repo.Write("a.env", "clean\n");
  repo.Commit("two");
  repo.Git("checkout -q --detach HEAD~1");
  auto opened = RefPresence::Open(repo.path());
  REQUIRE(opened.ok());
  const auto versions = (*opened)->VersionsAt("a.env");
  REQUIRE(versions.size() == 2);
  CHECK(NamesOf(**opened, versions[0]) == std::vector<std::string>{"refs/heads/main"});
  CHECK(NamesOf(**opened, versions[1]) == std::vector<std::string>{"HEAD"});
}

TEST_CASE("issue 11: RefPresence cannot open the repository: an error value", "[git]") {
  TempRepo repo;
  repo.Commit("empty");
  {
    fault::ScopedFault fault(fault::Point::kRefPresenceOpen, EIO);
    auto opened = RefPresence::Open(repo.path());
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.status().message().find("injected") != std::string::npos);
  }
  CHECK_FALSE(RefPresence::Open(repo.path() + "/no-such-dir").ok());
}

TEST_CASE("issue 13: a commit tip is its tree's id; a missing tree makes it unreadable, as before",
          "[git]") {
  TempRepo repo;
  repo.Write("a.env", kSecret);
  repo.Commit("one");
  repo.Git("tag -a -m release v1");
  repo.Git("checkout -q -b gone");
  repo.Write("b.txt", "only on this branch\n");
  repo.Commit("two");
  repo.Git("checkout -q main");
  // The branch's root tree is in no other commit: without it, the branch (and only it) is
  // a tip that cannot be read, as when peeling read the tree.
  const std::string tree = repo.Git("rev-parse gone^{tree}");
  std::filesystem::remove(repo.path() + "/.git/objects/" + tree.substr(0, 2) + "/" +
                          tree.substr(2));
  auto opened = RefPresence::Open(repo.path());
  REQUIRE(opened.ok());
  RefPresence& tips = **opened;
  CHECK(tips.tips() == std::vector<std::string>{"refs/heads/main", "refs/tags/v1"});
  CHECK(tips.unreadable_tips() == 1);
  const auto versions = tips.VersionsAt("a.env");
  REQUIRE(versions.size() == 1);
  CHECK(NamesOf(tips, versions[0]) == std::vector<std::string>{"refs/heads/main", "refs/tags/v1"});
  CHECK(tips.unreadable_lookups() == 0);
}

TEST_CASE("issue 11: FindAnywhere finds a blob at any path of any tip and reads each tree once",
          "[git]") {
  TempRepo repo;
  repo.Write("config.py", kSecret);
  for (int i = 0; i < 5; ++i) {
    repo.Write("lib/m" + std::to_string(i) + "/x.txt", "x" + std::to_string(i) + "\n");
  }
  repo.Commit("one");
  repo.Git("checkout -q -b side");
  repo.Write("moved/deeper/settings.py", kSecret);  // renamed: the same blob
  repo.Remove("config.py");
  repo.Commit("two");
  repo.Git("checkout -q main");
  repo.Remove("config.py");
  repo.Commit("three");
  for (int i = 0; i < 20; ++i) repo.Git("tag t" + std::to_string(i) + " side");  // one tree

  auto opened = RefPresence::Open(repo.path());
  REQUIRE(opened.ok());
  RefPresence& tips = **opened;
  const RefPresence::SearchResult found =
      tips.FindAnywhere({repo.BlobId(kSecret), repo.BlobId("absent\n"), "zz"}, 1000);
  CHECK(found.complete());
  REQUIRE(found.places.size() == 1);
  const auto& places = found.places.at(repo.BlobId(kSecret));
  REQUIRE(places.size() == 21);  // side and its 20 tags, not main
  CHECK(tips.tips()[places[0].tip] == "refs/heads/side");
  for (const auto& place : places) CHECK(place.path == "moved/deeper/settings.py");
  // Each distinct tree once, however many tips share it: main's root, lib and its five
  // subtrees (shared with side), side's root, moved and moved/deeper.
  CHECK(found.trees_read == 10);

  // Bounded: past max_trees it stops and says so.
  const RefPresence::SearchResult bounded = tips.FindAnywhere({repo.BlobId(kSecret)}, 3);
  CHECK(bounded.truncated);
  CHECK_FALSE(bounded.complete());
  CHECK(bounded.trees_read == 3);

  // A tree that cannot be read holds nothing, and the result says it is incomplete.
  fault::ScopedFault fault(fault::Point::kPresenceTreeRead, EIO);
  const RefPresence::SearchResult unreadable = tips.FindAnywhere({repo.BlobId(kSecret)}, 1000);
  CHECK(unreadable.places.empty());
  CHECK(unreadable.trees_unreadable == 2);  // the two root trees
  CHECK_FALSE(unreadable.complete());
}

TEST_CASE("issue 13: VersionsAt of many paths reads each tree once and matches one path at a time",
          "[git]") {
  TempRepo repo;
  repo.Write("a/b/c.env", kSecret);
  repo.Write("a/d.env", "clean\n");
  repo.Write("e.env", kSecret);
  repo.Commit("one");
  repo.Git("tag v1");
  repo.Write("a/b/c.env", "changed\n");
  repo.Commit("two");
  auto opened = RefPresence::Open(repo.path());
  REQUIRE(opened.ok());
  RefPresence& tips = **opened;
  const std::vector<std::string> paths = {"a/b/c.env", "a/d.env", "e.env", "a/b", "", "nope/x"};
  const auto together = tips.VersionsAt(paths);
  REQUIRE(together.size() == paths.size());
  for (size_t i = 0; i < paths.size(); ++i) {
    const auto alone = tips.VersionsAt(paths[i]);
    REQUIRE(alone.size() == together[i].size());
    for (size_t v = 0; v < alone.size(); ++v) {
      CHECK(alone[v].blob_id == together[i][v].blob_id);
      CHECK(alone[v].tips == together[i][v].tips);
    }
  }
  REQUIRE(together[0].size() == 2);
  CHECK(together[0][0].blob_id == repo.BlobId("changed\n"));  // main first
  CHECK(NamesOf(tips, together[0][1]) == std::vector<std::string>{"refs/tags/v1"});
  CHECK(together[3].empty());  // a directory holds no blob
  CHECK(tips.unreadable_lookups() == 0);
  {
    fault::ScopedFault fault(fault::Point::kPresenceTreeRead, EIO);
    CHECK(tips.VersionsAt(paths)[0].empty());
    CHECK(tips.unreadable_lookups() > 0);
  }
}

// What VersionsAt answers, as comparable values: per path, (blob, tip names).
std::vector<std::vector<std::pair<std::string, std::vector<std::string>>>> Answers(
    const RefPresence& tips, const std::vector<std::vector<RefPresence::Version>>& versions) {
  std::vector<std::vector<std::pair<std::string, std::vector<std::string>>>> out;
  for (const auto& at_path : versions) {
    out.emplace_back();
    for (const auto& v : at_path) out.back().emplace_back(v.blob_id, NamesOf(tips, v));
  }
  return out;
}

RawOid RawOf(const std::string& hex) {
  RawOid raw{};
  for (size_t i = 0; i < raw.size(); ++i) raw[i] = std::stoi(hex.substr(2 * i, 2), nullptr, 16);
  return raw;
}

TEST_CASE("issue 13: VersionsAt answers tips whose tree has facts without reading it", "[git]") {
  TempRepo repo;
  repo.Write("a/b/c.env", kSecret);
  repo.Write("e.env", kSecret);
  repo.Commit("one");
  repo.Git("tag v1");
  repo.Write("a/b/c.env", "changed\n");
  repo.Commit("two");
  repo.Git("tag blobtag " + repo.BlobId(kSecret));
  const std::vector<std::string> paths = {"a/b/c.env", "e.env", "a/b", "nope/x"};
  auto opened = RefPresence::Open(repo.path());
  REQUIRE(opened.ok());
  RefPresence& tips = **opened;
  std::vector<TreePathFact> learned;
  const auto read = Answers(tips, tips.VersionsAt(paths, {}, &learned));
  CHECK(read == Answers(tips, tips.VersionsAt(paths)));
  // One fact per path for each of the two distinct trees (the blob tag has none).
  REQUIRE(learned.size() == 2 * paths.size());

  SECTION("every tree known: none is read, the answer is the same") {
    fault::ScopedFault unreadable(fault::Point::kPresenceTreeRead, EIO);
    std::vector<TreePathFact> again;
    CHECK(Answers(tips, tips.VersionsAt(paths, learned, &again)) == read);
    CHECK(again.empty());
    CHECK(tips.unreadable_lookups() == 0);
  }
  SECTION("a tree whose facts miss a path is read, and only it is learned") {
    std::vector<TreePathFact> partial = learned;
    partial.erase(partial.begin());  // the first tree's first path
    std::vector<TreePathFact> again;
    CHECK(Answers(tips, tips.VersionsAt(paths, partial, &again)) == read);
    REQUIRE(again.size() == paths.size());
    CHECK(again.front().tree == learned.front().tree);
  }
  SECTION("hostile facts: contradicting ones are unknown, others' trees and paths ignored") {
    std::vector<TreePathFact> hostile = learned;
    for (const TreePathFact& fact : learned) {
      TreePathFact lie = fact;
      lie.holds_blob = !fact.holds_blob;
      lie.blob = RawOf(repo.BlobId("planted\n"));
      hostile.push_back(lie);  // disagrees with the true fact: the tree is read
    }
    TreePathFact elsewhere = learned.front();
    elsewhere.tree = RawOf(repo.BlobId("not a tree\n"));
    hostile.push_back(elsewhere);
    TreePathFact unasked = learned.front();
    unasked.path = "unasked.env";
    hostile.push_back(unasked);
    std::vector<TreePathFact> again;
    CHECK(Answers(tips, tips.VersionsAt(paths, hostile, &again)) == read);
    CHECK(again.size() == learned.size());
  }
  SECTION("a tree that cannot be read teaches nothing") {
    fault::ScopedFault unreadable(fault::Point::kPresenceTreeRead, EIO);
    std::vector<TreePathFact> again;
    tips.VersionsAt(paths, {}, &again);
    CHECK(again.empty());
    CHECK(tips.unreadable_lookups() > 0);
  }
}

TEST_CASE("issue 13: FindAnywhere answers tips whose tree has facts without reading it",
          "[git]") {
  TempRepo repo;
  repo.Write("config.py", kSecret);
  repo.Write("lib/x.txt", "x\n");
  repo.Commit("one");
  repo.Git("checkout -q -b side");
  repo.Write("moved/settings.py", kSecret);  // renamed and copied: the same blob twice
  repo.Write("copy.py", kSecret);
  repo.Remove("config.py");
  repo.Commit("two");
  repo.Git("checkout -q main");
  repo.Remove("config.py");
  repo.Commit("three");
  repo.Git("tag t1 side");
  auto opened = RefPresence::Open(repo.path());
  REQUIRE(opened.ok());
  RefPresence& tips = **opened;
  const std::vector<std::string> blobs = {repo.BlobId(kSecret), repo.BlobId("absent\n")};
  std::vector<TreeBlobFact> learned;
  const RefPresence::SearchResult read = tips.FindAnywhere(blobs, 1000, {}, &learned);
  const auto places = [](const RefPresence::SearchResult& result) {
    std::vector<std::pair<uint32_t, std::string>> out;
    for (const auto& place : result.places.at(result.places.begin()->first)) {
      out.emplace_back(place.tip, place.path);
    }
    return out;
  };
  REQUIRE(read.places.size() == 1);
  CHECK(places(read) == std::vector<std::pair<uint32_t, std::string>>{
                            {1, "copy.py"}, {1, "moved/settings.py"}, {2, "copy.py"},
                            {2, "moved/settings.py"}});
  REQUIRE(learned.size() == 4);  // two trees (main, side = t1), two blobs each

  SECTION("every tree known: none is read, the places are the same") {
    fault::ScopedFault unreadable(fault::Point::kPresenceTreeRead, EIO);
    std::vector<TreeBlobFact> again;
    const RefPresence::SearchResult known = tips.FindAnywhere(blobs, 1000, learned, &again);
    CHECK(known.complete());
    CHECK(known.trees_read == 0);
    CHECK(places(known) == places(read));
    CHECK(again.empty());
  }
  SECTION("contradicting facts make the tree read; facts about other blobs are ignored") {
    std::vector<TreeBlobFact> hostile = learned;
    for (TreeBlobFact fact : learned) {
      fact.paths.push_back("planted.py");
      hostile.push_back(fact);
    }
    TreeBlobFact unasked = learned.front();
    unasked.blob = unasked.tree;
    hostile.push_back(unasked);
    std::vector<TreeBlobFact> again;
    const RefPresence::SearchResult known = tips.FindAnywhere(blobs, 1000, hostile, &again);
    CHECK(places(known) == places(read));
    CHECK(known.trees_read == read.trees_read);
    CHECK(again.size() == learned.size());
  }
  SECTION("an incomplete search teaches nothing") {
    std::vector<TreeBlobFact> again;
    CHECK(tips.FindAnywhere(blobs, 1, {}, &again).truncated);
    CHECK(again.empty());
  }
}

TEST_CASE("issue 11: record_introductions keeps every (commit, path) in walk order", "[git]") {
  TempRepo repo;
  repo.Write("a.txt", kSecret);
  const std::string one = repo.Commit("one");
  repo.Write("b.txt", kSecret);  // a copy
  const std::string two = repo.Commit("two");

  Collected plain = Collect(repo.path());
  const BlobProvenance* p = plain.ByContent(kSecret);
  REQUIRE(p != nullptr);
  CHECK(p->introductions.empty());  // off by default
  CHECK(p->commit_order == 0);

  HistoryOptions options;
  options.record_introductions = true;
  Collected recorded = Collect(repo.path(), options);
  const BlobProvenance* r = recorded.ByContent(kSecret);
  REQUIRE(r != nullptr);
  REQUIRE(r->introductions.size() == 2);
  CHECK(r->introductions[0].commit == one);
  CHECK(r->introductions[0].path == "a.txt");
  CHECK(r->introductions[0].commit_order == 0);
  CHECK(r->introductions[1].commit == two);
  CHECK(r->introductions[1].path == "b.txt");
  CHECK(r->introductions[1].commit_order == 1);
}

}  // namespace
}  // namespace magpie::git
