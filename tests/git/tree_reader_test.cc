// Raw tree reads for the history walk's diffs (git/tree_reader.h, issue 13 §1): the parser
// takes only git's canonical form, a tree read from the packs is the tree libgit2 reads, and
// whatever the fast path does not cover (loose, missing, injected pack failure) is read or
// reported by libgit2 as before.
#include <catch2/catch.hpp>

#include <git2.h>

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "base/fault_injection.h"
#include "git/libgit2_util.h"
#include "git/pack_blobs.h"
#include "git/tree_diff.h"
#include "git/tree_reader.h"
#include "tests/git/git_fixture.h"

namespace magpie::git {
namespace {

using internal::EntryType;
using internal::ParseTree;
using internal::TreeEntry;
using internal::TreeReader;
using testing::TempRepo;

std::string Id(char fill) { return std::string(GIT_OID_RAWSZ, fill); }

std::string Entry(const std::string& mode, const std::string& name, char fill) {
  return mode + " " + name + std::string(1, '\0') + Id(fill);
}

struct Parsed {
  std::string name;
  EntryType type;
  uint32_t mode;
};

// The entries of `bytes`, empty when ParseTree refuses them.
std::vector<Parsed> Parse(const std::string& bytes, bool canonical = true) {
  std::vector<TreeEntry> entries;
  std::vector<Parsed> out;
  if (!ParseTree(bytes, canonical, &entries)) return out;
  for (const TreeEntry& e : entries) {
    out.push_back({bytes.substr(e.name_at, e.name_len), e.type(), e.mode});
  }
  return out;
}

bool IsCanonicalTree(const std::string& bytes) {
  std::vector<TreeEntry> entries;
  return ParseTree(bytes, true, &entries);
}

TEST_CASE("issue 13: a canonical tree is walked entry by entry, its types from its modes",
          "[git][trees]") {
  const std::string tree = Entry("100644", "a.txt", 'a') + Entry("100755", "run", 'b') +
                           Entry("120000", "link", 'c') + Entry("40000", "dir", 'd') +
                           Entry("160000", "sub", 'e');
  CHECK(IsCanonicalTree(tree));
  CHECK(IsCanonicalTree(""));
  const std::vector<Parsed> entries = Parse(tree);
  REQUIRE(entries.size() == 5);
  CHECK(entries[0].name == "a.txt");
  CHECK(entries[0].type == EntryType::kBlob);
  CHECK(entries[1].type == EntryType::kBlob);
  CHECK(entries[2].type == EntryType::kBlob);  // a symlink is a blob, as in libgit2
  CHECK(entries[3].name == "dir");
  CHECK(entries[3].type == EntryType::kTree);
  CHECK(entries[4].type == EntryType::kCommit);
  CHECK(entries[4].mode == 0160000);
  internal::ParsedTree parsed;
  parsed.bytes = tree;
  REQUIRE(ParseTree(tree, true, &parsed.entries));
  CHECK(std::string(reinterpret_cast<const char*>(parsed.id(parsed.entries[3]).id),
                    GIT_OID_RAWSZ) == Id('d'));
  CHECK(parsed.start(3) == Entry("100644", "a.txt", 'a').size() +
                               Entry("100755", "run", 'b').size() +
                               Entry("120000", "link", 'c').size());
}

TEST_CASE("issue 13: a tree git would not write is left to libgit2, and never read past its end",
          "[git][trees]") {
  const std::string good = Entry("100644", "a", 'a');
  // Modes git does not write (libgit2 reads some of them, its own way): not canonical.
  for (const char* mode : {"100664", "040000", "0100644", "644", "1006440", "10064x", ""}) {
    INFO(mode);
    CHECK_FALSE(IsCanonicalTree(good + Entry(mode, "b", 'b')));
  }
  CHECK_FALSE(IsCanonicalTree(good + Entry("100644", "", 'b')));      // empty name
  CHECK_FALSE(IsCanonicalTree(good + "100644 b"));                     // no NUL
  CHECK_FALSE(IsCanonicalTree(good + "100644 b" + std::string(1, '\0') + "short"));
  CHECK_FALSE(IsCanonicalTree(good + "100644"));                       // no space
  CHECK_FALSE(IsCanonicalTree(good + Entry("100644", std::string(65536, 'n'), 'b')));
  CHECK(IsCanonicalTree(good + Entry("100644", std::string(65535, 'n'), 'b')));
  // Outside the canonical form, libgit2's own modes (written back by TreeReader) parse; what
  // libgit2 refuses does not.
  CHECK(Parse(good + Entry("100664", "b", 'b'), false).size() == 2);
  CHECK(Parse(good + Entry("0", "b", 'b'), false).size() == 2);
  CHECK(Parse(good + Entry("177777", "b", 'b'), false).size() == 2);
  CHECK(Parse(good + Entry("200000", "b", 'b'), false).empty());  // over 16 bits
  CHECK(Parse(good + Entry("1x0644", "b", 'b'), false).empty());
  CHECK(Parse(good + Entry("", "b", 'b'), false).empty());
  CHECK(Parse(good + Entry("100644", "", 'b'), false).empty());
  CHECK(Parse(good + "100644 b", false).empty());
}

struct Handle {
  internal::RepoPtr repo;
  explicit Handle(const std::string& path) {
    std::string error;
    repo = internal::OpenRepository(path, &error);
    REQUIRE(repo);
  }
};

git_oid ParseOid(const std::string& hex) {
  git_oid id;
  REQUIRE(git_oid_fromstr(&id, hex.c_str()) == 0);
  return id;
}

std::string Read(TreeReader* reader, const std::string& hex) {
  TreeReader::Tree tree;
  int code = 0;
  std::string message;
  REQUIRE(reader->Read(ParseOid(hex), &tree, &code, &message));
  // The entries are the bytes' own.
  std::vector<TreeEntry> entries;
  REQUIRE(ParseTree(tree->bytes, false, &entries));
  CHECK(entries.size() == tree->entries.size());
  return std::string(tree->bytes);
}

TEST_CASE("issue 13: a tree from the packs is git's tree; loose, failed and missing ones go to "
          "libgit2",
          "[git][trees]") {
  TempRepo repo;
  repo.Write("a.txt", "a\n");
  repo.Write("dir/b.txt", "b\n");
  repo.Write("dir/deeper/c.txt", "c\n");
  repo.Commit("one");
  repo.Git("repack -adq");
  repo.Write("dir/b.txt", "b2\n");
  repo.Commit("two");  // its trees are loose
  const std::string packed_root = repo.Git("rev-parse HEAD~1^{tree}");
  const std::string packed_dir = repo.Git("rev-parse HEAD~1:dir");
  const std::string loose_root = repo.Git("rev-parse HEAD^{tree}");
  const auto expected = [&](const std::string& hex) {
    return repo.Git("cat-file tree " + hex + " | od -An -tx1 -v");
  };
  const auto hex_dump = [&](const std::string& bytes) {
    const std::string path = repo.path() + "/../dump";
    {
      std::ofstream out(path, std::ios::binary);
      out << bytes;
    }
    return testing::Run("od -An -tx1 -v " + testing::ShellQuote(path));
  };
  Handle handle(repo.path());
  size_t unopened = 0;
  auto packs = internal::PackBlobs::Open(repo.path() + "/.git/objects/", 1 << 20, &unopened);
  REQUIRE(packs->packs() == 1);

  TreeReader reader(handle.repo.get(), packs.get());
  CHECK(hex_dump(Read(&reader, packed_root)) == expected(packed_root));
  CHECK(hex_dump(Read(&reader, packed_dir)) == expected(packed_dir));
  CHECK(reader.counts().from_packs == 2);
  CHECK(hex_dump(Read(&reader, packed_root)) == expected(packed_root));
  CHECK(reader.counts().cached == 1);
  // Loose: libgit2 reads it, and its entries come back in the raw form, byte for byte.
  CHECK(hex_dump(Read(&reader, loose_root)) == expected(loose_root));
  CHECK(reader.counts().from_libgit2 == 1);

  SECTION("an injected pack failure reads the same tree through libgit2") {
    fault::ScopedFault fail(fault::Point::kPackTreeRead, EIO);
    TreeReader failing(handle.repo.get(), packs.get());
    CHECK(hex_dump(Read(&failing, packed_dir)) == expected(packed_dir));
    CHECK(failing.counts().from_packs == 0);
    CHECK(failing.counts().from_libgit2 == 1);
  }
  SECTION("a missing tree is libgit2's not-found, in its words") {
    const std::string missing = "0123456789abcdef0123456789abcdef01234567";
    TreeReader::Tree tree;
    int code = 0;
    std::string message;
    CHECK_FALSE(reader.Read(ParseOid(missing), &tree, &code, &message));
    CHECK(code == GIT_ENOTFOUND);
    CHECK(message.rfind("cannot read tree " + missing, 0) == 0);
  }
  SECTION("a blob's id is not a tree, from the packs or libgit2") {
    const std::string blob = repo.Git("rev-parse HEAD~1:a.txt");
    TreeReader::Tree tree;
    int code = 0;
    std::string message;
    CHECK_FALSE(reader.Read(ParseOid(blob), &tree, &code, &message));
    CHECK(message.rfind("cannot read tree " + blob, 0) == 0);
  }
}

TEST_CASE("issue 13: a packed tree git would not write is read by libgit2, its modes kept",
          "[git][trees]") {
  TempRepo repo;
  repo.Write("a.txt", "a\n");
  repo.Commit("one");
  const std::string blob = repo.Git("rev-parse HEAD:a.txt");
  // Mode 100664 (old git wrote it; libgit2 reads it as a blob), stored as is and packed.
  const std::string tree = repo.Git("cat-file tree HEAD^{tree} | sed 's/^100644/100664/' | "
                                    "git hash-object -t tree -w --literally --stdin");
  repo.Git("update-ref refs/heads/odd $(git commit-tree " + tree + " -m odd)");
  repo.Git("repack -adq");
  Handle handle(repo.path());
  size_t unopened = 0;
  auto packs = internal::PackBlobs::Open(repo.path() + "/.git/objects/", 1 << 20, &unopened);
  REQUIRE(packs->Has(internal::OidBytes(ParseOid(tree))));
  TreeReader reader(handle.repo.get(), packs.get());
  TreeReader::Tree read;
  int code = 0;
  std::string message;
  REQUIRE(reader.Read(ParseOid(tree), &read, &code, &message));
  CHECK(reader.counts().from_packs == 0);
  CHECK(reader.counts().from_libgit2 == 1);
  REQUIRE(read->entries.size() == 1);
  CHECK(read->entries[0].mode == 0100664);
  CHECK(read->entries[0].type() == EntryType::kBlob);
  CHECK(read->name(read->entries[0]) == "a.txt");
  CHECK(internal::OidHex(read->id(read->entries[0])) == blob);
}

// The diff's merge join without its shortcuts (tree_diff.cc skips the byte-identical runs at
// both ends of a one-parent diff): what it must give, for sorted and unsorted trees alike.
std::vector<std::string> ReferenceDiff(const internal::ParsedTree& tree,
                                       const internal::ParsedTree& parent) {
  std::vector<std::string> out;
  size_t cursor = 0;
  for (const TreeEntry& e : tree.entries) {
    bool unchanged = false;
    while (cursor < parent.entries.size()) {
      const TreeEntry& c = parent.entries[cursor];
      // Names here never start one another, so the '/' rule does not come into play.
      const int order = parent.name(c).compare(tree.name(e));
      if (order > 0) break;
      ++cursor;
      if (order == 0) {
        unchanged = git_oid_equal(&parent.id(c), &tree.id(e)) != 0;
        break;
      }
    }
    if (!unchanged) out.push_back(std::string(tree.name(e)));
  }
  return out;
}

git_oid WriteTree(git_repository* repo, const std::string& bytes) {
  git_odb* odb = nullptr;
  REQUIRE(git_repository_odb(&odb, repo) == 0);
  git_oid id;
  const int rc = git_odb_write(&id, odb, bytes.data(), bytes.size(), GIT_OBJECT_TREE);
  git_odb_free(odb);
  REQUIRE(rc == 0);
  return id;
}

TEST_CASE("issue 13: skipping a diff's unchanged runs gives the plain merge join's blobs",
          "[git][trees]") {
  TempRepo repo(true);
  Handle handle(repo.path());
  TreeReader reader(handle.repo.get(), nullptr);
  std::mt19937 random(13);
  for (int round = 0; round < 300; ++round) {
    INFO("round " << round);
    // Names "n000".."n199" (none a prefix of another), a random subset, sorted or shuffled.
    std::vector<std::pair<std::string, char>> entries;
    for (int i = 0; i < 200; ++i) {
      if (random() % 3 != 0) continue;
      char name[8];
      std::snprintf(name, sizeof name, "n%03d", i);
      entries.emplace_back(name, static_cast<char>('a' + random() % 20));
    }
    std::vector<std::pair<std::string, char>> changed = entries;
    const int edits = static_cast<int>(random() % 6);
    for (int k = 0; k < edits && !changed.empty(); ++k) {
      const size_t at = random() % changed.size();
      switch (random() % 3) {
        case 0: changed[at].second = static_cast<char>('A' + random() % 20); break;
        case 1: changed.erase(changed.begin() + static_cast<std::ptrdiff_t>(at)); break;
        default: changed.insert(changed.begin() + static_cast<std::ptrdiff_t>(at),
                                {changed[at].first + "x", 'z'});
      }
    }
    if (round % 4 == 3) std::shuffle(changed.begin(), changed.end(), random);
    if (round % 8 == 7) std::shuffle(entries.begin(), entries.end(), random);
    const auto bytes = [](const std::vector<std::pair<std::string, char>>& list) {
      std::string out;
      for (const auto& [name, fill] : list) out += Entry("100644", name, fill);
      return out;
    };
    const git_oid tree_id = WriteTree(handle.repo.get(), bytes(changed));
    const git_oid parent_id = WriteTree(handle.repo.get(), bytes(entries));
    internal::CommitDiff diff;
    internal::DiffAgainstParents(&reader, tree_id, {parent_id}, &diff);
    std::vector<std::string> got;
    for (const internal::TreeChange& change : diff.blobs) got.push_back(change.path);
    TreeReader::Tree tree, parent;
    int code = 0;
    std::string message;
    REQUIRE(reader.Read(tree_id, &tree, &code, &message));
    REQUIRE(reader.Read(parent_id, &parent, &code, &message));
    CHECK(got == ReferenceDiff(*tree, *parent));
    CHECK(diff.problems.empty());
  }
}

}  // namespace
}  // namespace magpie::git
