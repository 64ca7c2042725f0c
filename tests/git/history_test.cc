#include <catch2/catch.hpp>

#include <git2.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <stdexcept>

#include "git/history.h"
#include "tests/git/git_fixture.h"

namespace magpie::git {
namespace {

using testing::Collect;
using testing::Collected;
using testing::Run;
using testing::ShellQuote;
using testing::TempDir;
using testing::TempRepo;

const char kSecret[] = "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n";

TEST_CASE("a secret added then deleted is found with its adding commit", "[git]") {
  TempRepo repo;
  repo.Write("README.md", "hello\n");
  repo.Commit("initial");
  repo.Write("config/prod.env", kSecret);
  const std::string adding = repo.Commit("add prod config\n\nlong body");
  const int64_t adding_time = repo.last_time();
  repo.Remove("config/prod.env");
  repo.Commit("remove the secret");

  Collected c = Collect(repo.path());
  REQUIRE(c.result.ok());
  CHECK(c.result.stats.commits == 3);
  CHECK(c.diagnostics.empty());
  CHECK(c.calls == 2);  // README.md and the secret file
  const BlobProvenance* p = c.ByContent(kSecret);
  REQUIRE(p != nullptr);
  CHECK(p->blob_id == repo.BlobId(kSecret));
  CHECK(p->commit == adding);
  CHECK(p->path == "config/prod.env");
  CHECK(p->author_name == "Alice Author");
  CHECK(p->author_email == "alice@example.com");
  CHECK(p->commit_time == adding_time);
  CHECK(p->message == "add prod config");
  CHECK(p->other_occurrences == 0);
  CHECK_FALSE(p->present_at_head);
  const BlobProvenance* readme = c.ByContent("hello\n");
  REQUIRE(readme != nullptr);
  CHECK(readme->present_at_head);
}

TEST_CASE("the same blob in many commits is yielded once, other introductions counted",
          "[git]") {
  TempRepo repo;
  repo.Write("a.txt", kSecret);
  const std::string first = repo.Commit("one");
  repo.Write("b.txt", kSecret);  // a copy at another path
  repo.Commit("two");
  repo.Write("a.txt", "changed\n");
  repo.Commit("three");
  repo.Write("a.txt", kSecret);  // reverted: introduced again at a.txt
  repo.Commit("four");
  repo.Write("c.txt", "unrelated\n");  // the secret's files do not change here
  repo.Commit("five");

  Collected c = Collect(repo.path());
  REQUIRE(c.result.ok());
  CHECK(c.calls == 3);  // secret, "changed", "unrelated"
  const BlobProvenance* p = c.ByContent(kSecret);
  REQUIRE(p != nullptr);
  CHECK(p->commit == first);
  CHECK(p->path == "a.txt");
  CHECK(p->other_occurrences == 2);  // b.txt in "two", a.txt again in "four"
  CHECK(p->present_at_head);
  const BlobProvenance* changed = c.ByContent("changed\n");
  REQUIRE(changed != nullptr);
  CHECK_FALSE(changed->present_at_head);
}

TEST_CASE("blobs only on a side branch or behind a tag are found", "[git]") {
  TempRepo repo;
  repo.Write("main.txt", "main\n");
  repo.Commit("base");
  repo.Git("checkout -q -b side");
  repo.Write("side.txt", "side branch secret\n");
  const std::string side = repo.Commit("side work");
  repo.Git("checkout -q main");
  repo.Git("checkout -q --orphan tagged-only");
  repo.Git("rm -rq --cached .");
  repo.Remove("main.txt");
  repo.Write("tagged.txt", "tag secret\n");
  const std::string tagged = repo.Commit("tagged");
  repo.Git("tag -a -m release v1");
  repo.Git("checkout -q main");
  repo.Git("branch -D tagged-only");
  // A tag that names a blob directly (git.git has one: its maintainer's public key).
  repo.Write("../key.txt", "tagged blob\n");
  const std::string key = repo.Git("hash-object -w ../key.txt");
  repo.Git("tag blob-tag " + key);

  Collected c = Collect(repo.path());
  REQUIRE(c.result.ok());
  CHECK(c.result.stats.commits == 3);
  const BlobProvenance* s = c.ByContent("side branch secret\n");
  REQUIRE(s != nullptr);
  CHECK(s->commit == side);
  CHECK(s->path == "side.txt");
  CHECK_FALSE(s->present_at_head);
  const BlobProvenance* t = c.ByContent("tag secret\n");
  REQUIRE(t != nullptr);
  CHECK(t->commit == tagged);
  const BlobProvenance* b = c.ByContent("tagged blob\n");
  REQUIRE(b != nullptr);
  CHECK(b->commit.empty());
  CHECK(b->path == "refs/tags/blob-tag");

  SECTION("refs limit the walk") {
    HistoryOptions options;
    options.refs = {"main"};
    Collected only_main = Collect(repo.path(), options);
    REQUIRE(only_main.result.ok());
    CHECK(only_main.calls == 1);
    CHECK(only_main.ByContent("main\n") != nullptr);
    CHECK(only_main.ByContent("side branch secret\n") == nullptr);
  }
}

TEST_CASE("a blob added on two branches is attributed to the earlier commit", "[git]") {
  TempRepo repo;
  repo.Write("base.txt", "base\n");
  repo.Commit("base");
  repo.Git("checkout -q -b later");
  repo.Git("checkout -q main");
  repo.Write("early.txt", kSecret);
  const std::string early = repo.Commit("early");  // older than the commit on `later`
  repo.Git("checkout -q later");
  repo.Write("late.txt", kSecret);
  repo.Commit("late");

  Collected c = Collect(repo.path());
  REQUIRE(c.result.ok());
  const BlobProvenance* p = c.ByContent(kSecret);
  REQUIRE(p != nullptr);
  CHECK(p->commit == early);
  CHECK(p->path == "early.txt");
  CHECK(p->other_occurrences == 1);
}

TEST_CASE("a renamed file keeps its first path and counts the rename", "[git]") {
  TempRepo repo;
  repo.Write("old/name.txt", kSecret);
  const std::string adding = repo.Commit("add");
  repo.Git("mv old/name.txt new-name.txt");
  repo.Commit("rename");

  Collected c = Collect(repo.path());
  REQUIRE(c.result.ok());
  CHECK(c.calls == 1);
  const BlobProvenance* p = c.ByContent(kSecret);
  REQUIRE(p != nullptr);
  CHECK(p->commit == adding);
  CHECK(p->path == "old/name.txt");
  CHECK(p->other_occurrences == 1);
  CHECK(p->present_at_head);
}

TEST_CASE("a merge introduces only what differs from every parent", "[git]") {
  TempRepo repo;
  repo.Write("shared.txt", "line\n");
  repo.Commit("base");
  repo.Git("checkout -q -b feature");
  repo.Write("feature.txt", "feature\n");
  repo.Write("shared.txt", "feature side\n");
  const std::string feature = repo.Commit("feature");
  repo.Git("checkout -q main");
  repo.Write("main.txt", "main\n");
  repo.Write("shared.txt", "main side\n");
  repo.Commit("main");
  int status = 0;
  repo.Git("merge -q feature -m merge", &status);
  REQUIRE(status != 0);  // conflict on shared.txt, resolved by hand below
  repo.Write("shared.txt", "resolved\n");
  repo.Git("add shared.txt");
  const std::string merge = repo.Commit("merge feature");
  REQUIRE(repo.Git("rev-list --parents -n1 HEAD").size() == 3 * 40 + 2);

  Collected c = Collect(repo.path());
  REQUIRE(c.result.ok());
  CHECK(c.result.stats.commits == 4);
  CHECK(c.calls == 6);  // line, feature, feature side, main, main side, resolved
  const BlobProvenance* f = c.ByContent("feature\n");
  REQUIRE(f != nullptr);
  CHECK(f->commit == feature);
  CHECK(f->other_occurrences == 0);  // the merge brought it over unchanged
  const BlobProvenance* r = c.ByContent("resolved\n");
  REQUIRE(r != nullptr);
  CHECK(r->commit == merge);
  CHECK(r->path == "shared.txt");
}

TEST_CASE("an empty repository has no blobs and no error", "[git]") {
  TempRepo repo;
  Collected c = Collect(repo.path());
  REQUIRE(c.result.ok());
  CHECK(c.calls == 0);
  CHECK(c.diagnostics.empty());
  CHECK(c.result.stats.commits == 0);
}

TEST_CASE("a shallow clone is scanned without missing-object noise", "[git]") {
  TempRepo source;
  source.Write("a.txt", "first\n");
  source.Commit("one");
  source.Write("a.txt", "second\n");
  source.Commit("two");
  source.Write("b.txt", "third\n");
  const std::string tip = source.Commit("three");
  TempDir dir;
  Run("git clone -q --depth 1 file://" + source.path() + " " + ShellQuote(dir.path() + "/shallow"));
  TempRepo shallow(dir, "shallow");

  Collected c = Collect(shallow.path());
  REQUIRE(c.result.ok());
  CHECK(c.diagnostics.empty());
  CHECK(c.result.stats.commits == 1);
  CHECK(c.calls == 2);  // HEAD's a.txt and b.txt; "first" is not in the clone
  const BlobProvenance* a = c.ByContent("second\n");
  REQUIRE(a != nullptr);
  CHECK(a->commit == tip);  // the shallow root introduces everything it has
  CHECK(c.ByContent("first\n") == nullptr);
}

TEST_CASE("a bare repository is scanned like its work tree", "[git]") {
  TempRepo source;
  source.Write("x/secret.txt", kSecret);
  const std::string adding = source.Commit("add");
  source.Remove("x/secret.txt");
  source.Commit("remove");
  TempDir dir;
  Run("git clone -q --bare " + ShellQuote(source.path()) + " " + ShellQuote(dir.path() + "/b.git"));

  Collected c = Collect(dir.path() + "/b.git");
  REQUIRE(c.result.ok());
  CHECK(c.calls == 1);
  const BlobProvenance* p = c.ByContent(kSecret);
  REQUIRE(p != nullptr);
  CHECK(p->commit == adding);
  CHECK(p->path == "x/secret.txt");
  CHECK_FALSE(p->present_at_head);
}

TEST_CASE("a corrupted object is a diagnostic and the other blobs are still read", "[git]") {
  TempRepo repo;
  repo.Write("good.txt", "good content\n");
  repo.Write("bad.txt", "this blob will be damaged\n");
  repo.Commit("two files");
  const std::string bad = repo.BlobId("this blob will be damaged\n");
  const std::string loose = repo.path() + "/.git/objects/" + bad.substr(0, 2) + "/" + bad.substr(2);
  REQUIRE(std::filesystem::exists(loose));
  std::filesystem::permissions(loose, std::filesystem::perms::owner_write,
                               std::filesystem::perm_options::add);
  std::ofstream(loose, std::ios::binary | std::ios::trunc) << "garbage, not zlib";

  Collected c = Collect(repo.path());
  REQUIRE(c.result.ok());
  CHECK(c.calls == 1);
  CHECK(c.ByContent("good content\n") != nullptr);
  REQUIRE(c.diagnostics.size() == 1);
  CHECK(c.diagnostics[0].kind == DiagnosticKind::kCorruptObject);
  CHECK(c.diagnostics[0].object == bad);
  CHECK(c.diagnostics[0].path == "bad.txt");
  CHECK(c.result.stats.blobs_skipped == 1);
}

TEST_CASE("a missing tree is a diagnostic and the walk goes on", "[git]") {
  TempRepo repo;
  repo.Write("top.txt", "top\n");
  repo.Write("dir/inner.txt", "inner\n");
  repo.Commit("one");
  const std::string tree = repo.Git("rev-parse HEAD:dir");
  std::filesystem::remove(repo.path() + "/.git/objects/" + tree.substr(0, 2) + "/" +
                          tree.substr(2));
  Collected c = Collect(repo.path());
  REQUIRE(c.result.ok());
  CHECK(c.ByContent("top\n") != nullptr);
  REQUIRE(c.Count(DiagnosticKind::kMissingObject) == 1);
  CHECK(c.diagnostics[0].object == tree);
  CHECK(c.diagnostics[0].path == "dir/");
}

TEST_CASE("since limits the walk to new commits and yields their blobs whole", "[git]") {
  TempRepo repo;
  repo.Write("a.txt", kSecret);
  repo.Write("keep.txt", "keep\n");
  repo.Commit("old secret");
  const std::string base = repo.Commit("base");
  repo.Write("b.txt", "new file\n");
  const std::string add_b = repo.Commit("new");
  repo.Git("mv a.txt moved.txt");  // the old secret moves into a new file
  const std::string move = repo.Commit("move");

  HistoryOptions options;
  options.since = base;
  Collected c = Collect(repo.path(), options);
  REQUIRE(c.result.ok());
  CHECK(c.result.stats.commits == 2);
  CHECK(c.calls == 2);
  const BlobProvenance* b = c.ByContent("new file\n");
  REQUIRE(b != nullptr);
  CHECK(b->commit == add_b);
  const BlobProvenance* moved = c.ByContent(kSecret);
  REQUIRE(moved != nullptr);
  CHECK(moved->commit == move);
  CHECK(moved->path == "moved.txt");
  CHECK(c.ByContent("keep\n") == nullptr);

  SECTION("an unknown revision is an error and nothing is called") {
    options.since = "no-such-branch";
    Collected bad = Collect(repo.path(), options);
    CHECK_FALSE(bad.result.ok());
    CHECK(bad.result.error.find("no-such-branch") != std::string::npos);
    CHECK(bad.calls == 0);
  }
}

TEST_CASE("binary, too large and submodule entries are diagnostics", "[git]") {
  TempRepo repo;
  repo.Write("image.bin", std::string("PNG\0\1\2", 6));
  repo.Write("big.txt", std::string(2000, 'x'));
  repo.Write("small.txt", "small\n");
  const std::string sub = repo.BlobId("pretend commit");
  repo.Git("add -A");
  repo.Git("update-index --add --cacheinfo 160000," + sub + ",vendor/lib");
  repo.Commit("mixed", /*add_all=*/false);

  HistoryOptions options;
  options.max_blob_size = 1000;
  options.is_binary = &testing::HasNulByte;
  Collected c = Collect(repo.path(), options);
  REQUIRE(c.result.ok());
  CHECK(c.calls == 1);
  CHECK(c.ByContent("small\n") != nullptr);
  CHECK(c.Count(DiagnosticKind::kBinary) == 1);
  CHECK(c.Count(DiagnosticKind::kTooLarge) == 1);
  REQUIRE(c.Count(DiagnosticKind::kSubmodule) == 1);
  for (const auto& d : c.diagnostics) {
    if (d.kind == DiagnosticKind::kSubmodule) CHECK(d.path == "vendor/lib");
    if (d.kind == DiagnosticKind::kBinary) CHECK(d.path == "image.bin");
  }
  CHECK(c.result.stats.blobs_skipped == 2);

  SECTION("without is_binary, binary blobs are handed over") {
    options.is_binary = nullptr;
    Collected with_binary = Collect(repo.path(), options);
    CHECK(with_binary.calls == 2);
    CHECK(with_binary.ByContent(std::string("PNG\0\1\2", 6)) != nullptr);
  }
}

TEST_CASE("stash contents and unreachable blobs", "[git]") {
  TempRepo repo;
  repo.Write("a.txt", "committed\n");
  repo.Commit("one");
  repo.Write("a.txt", "stashed secret\n");
  repo.Git("stash -q");
  repo.Write("../dangling.txt", "dangling\n");
  const std::string dangling = repo.Git("hash-object -w ../dangling.txt");

  Collected c = Collect(repo.path());
  REQUIRE(c.result.ok());
  CHECK(c.ByContent("stashed secret\n") != nullptr);
  CHECK(c.ByContent("dangling\n") == nullptr);

  HistoryOptions options;
  options.include_unreachable = true;
  Collected all = Collect(repo.path(), options);
  REQUIRE(all.result.ok());
  const BlobProvenance* d = all.ByContent("dangling\n");
  REQUIRE(d != nullptr);
  CHECK(d->blob_id == dangling);
  CHECK(d->commit.empty());
  CHECK(all.calls == c.calls + 1);
}

TEST_CASE("one thread and many threads yield the same provenance", "[git]") {
  TempRepo repo;
  for (int i = 0; i < 30; ++i) {
    const std::string n = std::to_string(i);
    repo.Write(std::string("f") + std::to_string(i % 7) + ".txt", std::string("version ") + n);
    repo.Commit(std::string("c") + n);
  }
  repo.Git("gc -q");  // read from a pack, in pack order
  HistoryOptions one;
  one.threads = 1;
  HistoryOptions many;
  many.threads = 4;
  Collected a = Collect(repo.path(), one);
  Collected b = Collect(repo.path(), many);
  REQUIRE(a.result.ok());
  REQUIRE(b.result.ok());
  CHECK(a.calls == 30);
  REQUIRE(a.blobs.size() == b.blobs.size());
  for (const auto& [id, p] : a.blobs) {
    const BlobProvenance& q = b.blobs.at(id);
    CHECK(p.commit == q.commit);
    CHECK(p.path == q.path);
    CHECK(a.contents.at(id) == b.contents.at(id));
  }
}

TEST_CASE("History reads every blob by index, in the same order each time", "[git]") {
  TempRepo repo;
  for (int i = 0; i < 12; ++i) {
    repo.Write(std::string("d") + std::to_string(i % 3) + "/f.txt", std::string(i + 1, 'z'));
    repo.Commit(std::string("c") + std::to_string(i));
  }
  repo.Git("gc -q");
  auto opened_first = History::Open(repo.path(), {}, nullptr);
  auto opened_second = History::Open(repo.path(), {}, nullptr);
  REQUIRE(opened_first.ok());
  REQUIRE(opened_second.ok());
  const std::unique_ptr<History>& first = *opened_first;
  const std::unique_ptr<History>& second = *opened_second;
  CHECK(first->commits() == 12);
  REQUIRE(first->size() == 12);
  for (size_t i = 0; i < first->size(); ++i) {
    const BlobProvenance p = first->Provenance(i);
    CHECK(p.blob_id == second->Provenance(i).blob_id);
    BlobRead blob = first->Read(i);
    REQUIRE(blob.ok());
    git_oid id;  // the bytes are the blob the provenance names
    REQUIRE(git_odb_hash(&id, blob.bytes.data(), blob.bytes.size(), GIT_OBJECT_BLOB) == 0);
    char hex[GIT_OID_HEXSZ + 1];
    CHECK(p.blob_id == git_oid_tostr(hex, sizeof hex, &id));
    CHECK(p.path.size() == 8);  // "dN/f.txt"
  }

  SECTION("Open fails cleanly") {
    auto bad = History::Open(repo.path() + "/nope", {}, nullptr);
    CHECK_FALSE(bad.ok());
    CHECK(!bad.status().message().empty());
  }
}

TEST_CASE("not a repository is an error", "[git]") {
  TempDir dir;
  Collected c = Collect(dir.path());
  CHECK_FALSE(c.result.ok());
  CHECK(c.calls == 0);
}

}  // namespace
}  // namespace magpie::git
