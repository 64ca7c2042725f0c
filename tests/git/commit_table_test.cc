// The packs' commits read before the walk (git/commit_table.h, issue 13 §1): what the table
// holds is what libgit2 reads, and whatever it does not hold is left to libgit2.
#include <catch2/catch.hpp>

#include <git2.h>

#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "base/fault_injection.h"
#include "git/commit_table.h"
#include "git/libgit2_util.h"
#include "tests/git/git_fixture.h"
#include "tests/git/pack_fixture.h"

namespace magpie::git {
namespace {

using internal::CommitHeader;
using internal::CommitTable;
using internal::ParseCommitHeader;
using testing::TempRepo;

const char kTree[] = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
const char kParentA[] = "0123456789abcdef0123456789abcdef01234567";
const char kParentB[] = "89abcdef0123456789abcdef0123456789abcdef";

std::string Hex(const git_oid& id) { return internal::OidHex(id); }

std::string Canonical() {
  return std::string("tree ") + kTree + "\nparent " + kParentA + "\nparent " + kParentB +
         "\nauthor A U Thor <a@example.com> 1500000000 +0200\n"
         "committer C O Mitter <c@example.com> 1600000123 -0130\n\nmessage\n";
}

struct Libgit2Repo {
  TempRepo repo{true};
  internal::RepoPtr handle;
  Libgit2Repo() {
    std::string error;
    handle = internal::OpenRepository(repo.path(), &error);
    REQUIRE(handle);
  }
  // libgit2's reading of `text` stored as a commit: nullopt when it refuses it.
  std::optional<CommitHeader> Read(const std::string& text) const {
    git_odb* odb = nullptr;
    REQUIRE(git_repository_odb(&odb, handle.get()) == 0);
    git_oid id;
    const int written = git_odb_write(&id, odb, text.data(), text.size(), GIT_OBJECT_COMMIT);
    git_odb_free(odb);
    REQUIRE(written == 0);
    git_commit* commit = nullptr;
    if (git_commit_lookup(&commit, handle.get(), &id) != 0) return std::nullopt;
    CommitHeader out;
    out.tree = *git_commit_tree_id(commit);
    out.time = git_commit_time(commit);
    for (unsigned i = 0; i < git_commit_parentcount(commit); ++i) {
      out.parents.push_back(*git_commit_parent_id(commit, i));
    }
    git_commit_free(commit);
    return out;
  }
};

void CheckSame(const CommitHeader& ours, const CommitHeader& libgit2) {
  CHECK(Hex(ours.tree) == Hex(libgit2.tree));
  CHECK(ours.time == libgit2.time);
  REQUIRE(ours.parents.size() == libgit2.parents.size());
  for (size_t i = 0; i < ours.parents.size(); ++i) {
    CHECK(Hex(ours.parents[i]) == Hex(libgit2.parents[i]));
  }
}

TEST_CASE("issue 13: a canonical commit's tree parents and committer time are parsed",
          "[git][commits]") {
  const auto parsed = ParseCommitHeader(Canonical());
  REQUIRE(parsed);
  CHECK(Hex(parsed->tree) == kTree);
  REQUIRE(parsed->parents.size() == 2);
  CHECK(Hex(parsed->parents[0]) == kParentA);
  CHECK(Hex(parsed->parents[1]) == kParentB);
  CHECK(parsed->time == 1600000123);  // the committer's, not the author's

  // A root commit, extra author lines (libgit2 skips them), headers after the committer.
  const std::string root = std::string("tree ") + kTree +
                           "\nauthor A <a@x> 1 +0000\nauthor B <b@x> 2 +0000\n"
                           "committer C <c@x> 3 +0000\ngpgsig -----BEGIN\n more\n\nm";
  const auto root_parsed = ParseCommitHeader(root);
  REQUIRE(root_parsed);
  CHECK(root_parsed->parents.empty());
  CHECK(root_parsed->time == 3);
}

TEST_CASE("issue 13: a commit text not in the canonical form is left to libgit2",
          "[git][commits]") {
  const std::string good = Canonical();
  const auto without = [&](const std::string& from, const std::string& to) {
    std::string text = good;
    const size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
  };
  CHECK_FALSE(ParseCommitHeader(""));
  CHECK_FALSE(ParseCommitHeader(without("tree 4b825d", "tree 4B825D")));  // upper case
  CHECK_FALSE(ParseCommitHeader(without("tree 4b825dc6", "tree 4b825dc")));  // 39 digits
  CHECK_FALSE(ParseCommitHeader(without("parent 0123", "parent 012g")));
  CHECK_FALSE(ParseCommitHeader(without("author A U Thor <a@example.com>", "author nobody")));
  CHECK_FALSE(ParseCommitHeader(without("committer C O", "commiter C O")));
  CHECK_FALSE(ParseCommitHeader(without("1600000123 -0130", "16000x0123 -0130")));
  CHECK_FALSE(ParseCommitHeader(without("1600000123 -0130", "1600000123")));
  CHECK_FALSE(ParseCommitHeader(without("1600000123 -0130", "1600000123 0130")));
  CHECK_FALSE(ParseCommitHeader(without("1600000123 -0130", "-1600000123 -0130")));
  CHECK_FALSE(ParseCommitHeader(without("1600000123 -0130", "1600000123 -0130 x")));
  CHECK_FALSE(ParseCommitHeader(without("1600000123 -0130", "99999999999999999999 -0130")));
  CHECK_FALSE(ParseCommitHeader(without("<c@example.com> ", "<c@example.com>  ")));
  CHECK_FALSE(ParseCommitHeader(without("<c@example.com>", ">c@example.com<")));
  // Cut anywhere before the committer line's end: no commit.
  const size_t committer_end = good.find('\n', good.find("committer "));
  for (size_t cut = 0; cut <= committer_end; ++cut) {
    INFO("cut at " << cut);
    CHECK_FALSE(ParseCommitHeader(good.substr(0, cut)));
  }
}

TEST_CASE("issue 13: whatever the commit parser accepts libgit2 reads the same way",
          "[git][commits]") {
  // Random edits of a canonical commit around the bytes that matter; each text the parser
  // accepts is stored in a repository and read back by libgit2, which must agree.
  Libgit2Repo repo;
  std::mt19937 rng(13);
  const std::string alphabet = "0123456789abcdefABF <>+-\n x";
  const std::string base = Canonical();
  int accepted = 0;
  for (int round = 0; round < 600; ++round) {
    std::string text = base;
    const int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits; ++e) {
      const size_t at = rng() % text.size();
      switch (rng() % 3) {
        case 0: text[at] = alphabet[rng() % alphabet.size()]; break;
        case 1: text.erase(at, 1 + rng() % 3); break;
        default: text.insert(at, 1, alphabet[rng() % alphabet.size()]);
      }
    }
    const auto ours = ParseCommitHeader(text);
    if (!ours) continue;
    ++accepted;
    INFO("text: " << text);
    const auto libgit2 = repo.Read(text);
    REQUIRE(libgit2);
    CheckSame(*ours, *libgit2);
  }
  CHECK(accepted > 50);  // the edits also hit bytes that do not matter (names, message)
}

TEST_CASE("issue 13: the packs' commits equal libgit2's reads", "[git][commits]") {
  TempRepo repo(true);
  testing::GenerateHistory(repo, 120, 5, false);
  repo.Git("branch side main~40");
  const CommitTable table = internal::ReadPackedCommits(repo.path() + "/objects/");
  std::istringstream ids(repo.Git("rev-list --all"));
  std::string error;
  internal::RepoPtr handle = internal::OpenRepository(repo.path(), &error);
  REQUIRE(handle);
  size_t count = 0;
  for (std::string hex; std::getline(ids, hex); ++count) {
    git_oid id;
    REQUIRE(git_oid_fromstr(&id, hex.c_str()) == 0);
    const CommitTable::Commit* held = table.Find(id);
    REQUIRE(held != nullptr);
    git_commit* commit = nullptr;
    REQUIRE(git_commit_lookup(&commit, handle.get(), &id) == 0);
    CHECK(Hex(held->tree) == Hex(*git_commit_tree_id(commit)));
    CHECK(held->time == git_commit_time(commit));
    const auto parents = table.parents(*held);
    REQUIRE(parents.size() == git_commit_parentcount(commit));
    for (unsigned i = 0; i < parents.size(); ++i) {
      CHECK(Hex(parents[i]) == Hex(*git_commit_parent_id(commit, i)));
    }
    git_commit_free(commit);
  }
  CHECK(count == 120);
  CHECK(table.size() == count);
  CHECK(table.left_to_libgit2 == 0);
  // repack -f deltifies some commits against others: the table holds those too.
  std::istringstream types(
      repo.Git("cat-file --batch-all-objects --batch-check='%(objecttype) %(deltabase)'"));
  int deltified = 0;
  for (std::string type, base; types >> type >> base;) {
    if (type == "commit" && base != std::string(40, '0')) ++deltified;
  }
  CHECK(deltified > 0);
  git_oid tree;
  REQUIRE(git_oid_fromstr(&tree, kTree) == 0);
  CHECK(table.Find(tree) == nullptr);
  {
    fault::ScopedFault off(fault::Point::kCommitTableRead, EIO);
    CHECK(internal::ReadPackedCommits(repo.path() + "/objects/").size() == 0);
  }
}

TEST_CASE("issue 13: a packed commit whose bytes do not hash to its id is left to libgit2",
          "[git][commits]") {
  testing::TempDir dir;
  const std::string objects = dir.path() + "/objects/";
  std::filesystem::create_directories(objects + "pack");
  const std::string good = Canonical();
  const auto id_of = [](const std::string& text) {
    git_oid oid;
    REQUIRE(git_odb_hash(&oid, text.data(), text.size(), GIT_OBJECT_COMMIT) == 0);
    internal::ObjectId id;
    std::copy(oid.id, oid.id + 20, id.begin());
    return id;
  };
  std::string other = good;
  other.replace(other.find("message"), 7, "MESSAGE");
  testing::PackWriter writer;
  using testing::PackWriter;
  writer.AddRaw(id_of(good), PackWriter::TypeAndSize(1, good.size()) + PackWriter::Deflate(good));
  // Stored under the id of other text: a damaged pack, which libgit2 reports.
  writer.AddRaw(id_of(other + "x"),
                PackWriter::TypeAndSize(1, other.size()) + PackWriter::Deflate(other));
  writer.Write(objects + "pack");
  const CommitTable table = internal::ReadPackedCommits(objects);
  CHECK(table.size() == 1);
  CHECK(table.left_to_libgit2 == 1);
  git_oid good_id;
  const internal::ObjectId raw = id_of(good);
  std::copy(raw.begin(), raw.end(), good_id.id);
  REQUIRE(table.Find(good_id) != nullptr);
  CHECK(table.Find(good_id)->time == 1600000123);
}

}  // namespace
}  // namespace magpie::git
