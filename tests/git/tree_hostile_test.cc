// Hostile trees against the walk's raw tree reads and diff shortcuts (git/tree_reader.h,
// git/tree_diff.cc, issue 13): duplicate names, names that start one another, a blob and a
// tree of one name, gitlinks, unsorted entries; trees git would not write, packed; and two
// trees in one cache slot. Whatever reads a tree (the packs, libgit2, the cache), the diff must
// be the plain merge join's, entry by entry, and the diagnostics libgit2's.
#include <catch2/catch.hpp>

#include <git2.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
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

using internal::TreeReader;
using testing::TempRepo;

struct Item {
  std::string mode;  // "100644", "40000", "160000"
  std::string name;
  char fill;  // the id: 20 bytes of it for blobs and gitlinks; the subtree of `fill` for trees
};

git_oid WriteObject(git_repository* repo, const std::string& bytes, git_object_t type) {
  git_odb* odb = nullptr;
  REQUIRE(git_repository_odb(&odb, repo) == 0);
  git_oid id;
  const int rc = git_odb_write(&id, odb, bytes.data(), bytes.size(), type);
  git_odb_free(odb);
  REQUIRE(rc == 0);
  return id;
}

class Trees {
 public:
  explicit Trees(git_repository* repo) : repo_(repo) {}

  // The subtree a tree entry of `fill` names: one blob "x" of id `fill`.
  git_oid Subtree(char fill) {
    auto it = subtrees_.find(fill);
    if (it != subtrees_.end()) return it->second;
    const git_oid id =
        WriteObject(repo_, "100644 x" + std::string(1, '\0') + std::string(20, fill),
                    GIT_OBJECT_TREE);
    subtrees_.emplace(fill, id);
    return id;
  }

  std::string Bytes(const std::vector<Item>& items) {
    std::string out;
    for (const Item& item : items) {
      out += item.mode + " " + item.name + std::string(1, '\0');
      if (item.mode == "40000") {
        const git_oid id = Subtree(item.fill);
        out.append(reinterpret_cast<const char*>(id.id), 20);
      } else {
        out += std::string(20, item.fill);
      }
    }
    return out;
  }

  git_oid Write(const std::vector<Item>& items) {
    return WriteObject(repo_, Bytes(items), GIT_OBJECT_TREE);
  }

 private:
  git_repository* repo_;
  std::map<char, git_oid> subtrees_;
};

int Kind(const Item& item) {
  return item.mode == "40000" ? 1 : item.mode == "160000" ? 2 : 0;
}

// The merge join of the walk before its shortcuts and raw reads (git history before walk16),
// written out plainly: changed blobs, gitlinks, and for a changed subtree its one blob.
void ReferenceDiff(const std::vector<Item>& tree, const std::vector<Item>& parent,
                   std::vector<std::string>* blobs, std::vector<std::string>* links) {
  const auto next = [](const Item& item, size_t n) -> int {
    if (item.name.size() > n) return static_cast<unsigned char>(item.name[n]);
    return Kind(item) == 1 ? '/' : 0;
  };
  const auto compare = [&next](const Item& a, const Item& b) {
    const size_t n = std::min(a.name.size(), b.name.size());
    const int c = std::memcmp(a.name.data(), b.name.data(), n);
    return c != 0 ? c : next(a, n) - next(b, n);
  };
  size_t cursor = 0;
  for (const Item& e : tree) {
    const Item* match = nullptr;
    while (cursor < parent.size()) {
      const int c = compare(parent[cursor], e);
      if (c > 0) break;
      ++cursor;
      if (c == 0) {
        match = &parent[cursor - 1];
        break;
      }
    }
    // Same id: same fill and both subtrees or both not (a subtree's id is never 20 fills).
    if (match != nullptr && match->fill == e.fill && (Kind(*match) == 1) == (Kind(e) == 1)) {
      continue;
    }
    if (Kind(e) == 1) {
      // Its one blob, unless the parent's subtree of that name holds the same.
      const bool same_inside =
          match != nullptr && Kind(*match) == 1 && match->fill == e.fill;
      if (!same_inside) blobs->push_back(e.name + "/x");
    } else if (Kind(e) == 2) {
      links->push_back(e.name);
    } else {
      blobs->push_back(e.name);
    }
  }
}

std::vector<Item> RandomTree(std::mt19937& random) {
  // Few names, so that duplicates, prefixes ("a", "a.b", "a/"-ordered trees) and a blob and a
  // tree of one name are common; modes of all three kinds.
  static const char* const kNames[] = {"a", "a.b", "a-", "ab", "a0", "b", "b/c", "\x7f", "\xff"};
  static const char* const kModes[] = {"100644", "100755", "120000", "40000", "160000"};
  std::vector<Item> items;
  const int n = static_cast<int>(random() % 9);
  for (int i = 0; i < n; ++i) {
    items.push_back({kModes[random() % 5], kNames[random() % 9],
                     static_cast<char>('a' + random() % 4)});
  }
  if (random() % 2 == 0) {
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
      // Git's order, roughly: unsorted trees are as welcome here.
      return a.name + (Kind(a) == 1 ? "/" : "") < b.name + (Kind(b) == 1 ? "/" : "");
    });
  }
  return items;
}

std::vector<Item> Mutate(std::vector<Item> items, std::mt19937& random) {
  const int edits = static_cast<int>(random() % 4);
  for (int k = 0; k < edits; ++k) {
    const size_t at = items.empty() ? 0 : random() % items.size();
    switch (items.empty() ? 3 : random() % 4) {
      case 0: items[at].fill = static_cast<char>('a' + random() % 4); break;
      case 1: items.erase(items.begin() + static_cast<std::ptrdiff_t>(at)); break;
      case 2: items[at].mode = items[at].mode == "40000" ? "100644" : "40000"; break;
      default: items.insert(items.begin() + static_cast<std::ptrdiff_t>(at), {"100644", "a", 'd'});
    }
  }
  return items;
}

TEST_CASE("issue 13: the diff of hostile trees (duplicates, prefixes, kinds, order) is the "
          "plain merge join's",
          "[git][trees]") {
  TempRepo repo(true);
  std::string error;
  internal::RepoPtr handle = internal::OpenRepository(repo.path(), &error);
  REQUIRE(handle);
  TreeReader reader(handle.get(), nullptr);
  Trees trees(handle.get());
  std::mt19937 random(1213);
  for (int round = 0; round < 2000; ++round) {
    const std::vector<Item> parent = RandomTree(random);
    const std::vector<Item> tree = Mutate(parent, random);
    const git_oid tree_id = trees.Write(tree);
    const git_oid parent_id = trees.Write(parent);
    INFO("round " << round << " tree " << internal::OidHex(tree_id) << " parent "
                  << internal::OidHex(parent_id));
    internal::CommitDiff diff;
    internal::DiffAgainstParents(&reader, tree_id, {parent_id}, &diff);
    std::vector<std::string> blobs, links, want_blobs, want_links;
    for (const internal::TreeChange& c : diff.blobs) blobs.push_back(c.path);
    for (const internal::TreeChange& c : diff.submodules) links.push_back(c.path);
    if (git_oid_equal(&tree_id, &parent_id) == 0) {
      ReferenceDiff(tree, parent, &want_blobs, &want_links);
    }
    CHECK(blobs == want_blobs);
    CHECK(links == want_links);
    CHECK(diff.problems.empty());
  }
}

// The whole diff as text: blobs, gitlinks, and problems with libgit2's words.
std::string DiffText(TreeReader* reader, const git_oid& tree, const std::vector<git_oid>& parents) {
  internal::CommitDiff diff;
  internal::DiffAgainstParents(reader, tree, parents, &diff);
  std::string out;
  for (const auto& c : diff.blobs) out += "blob " + internal::OidHex(c.id) + " " + c.path + "\n";
  for (const auto& c : diff.submodules) out += "link " + internal::OidHex(c.id) + " " + c.path + "\n";
  for (const auto& p : diff.problems) {
    out += "problem " + internal::OidHex(p.id) + " " + p.path + " " +
           std::to_string(static_cast<int>(p.kind)) + " " + p.message + "\n";
  }
  return out;
}

TEST_CASE("issue 13: packed trees git would not write diff as libgit2 reads them", "[git][trees]") {
  TempRepo repo(true);
  std::string error;
  internal::RepoPtr handle = internal::OpenRepository(repo.path(), &error);
  REQUIRE(handle);
  const std::string nul(1, '\0');
  const git_oid blob = WriteObject(handle.get(), "secret = hunter2\n", GIT_OBJECT_BLOB);
  const std::string blob_raw(reinterpret_cast<const char*>(blob.id), 20);
  const git_oid sub = WriteObject(handle.get(), "100644 inner" + nul + blob_raw, GIT_OBJECT_TREE);
  const std::string sub_raw(reinterpret_cast<const char*>(sub.id), 20);
  const std::string missing_raw(20, '\x42');
  // Each hostile tree, diffed against nothing and against a plain parent.
  const std::vector<std::string> hostile = {
      "100644 b" + nul + blob_raw + "100644 a" + nul + blob_raw,          // unsorted
      "100644 a" + nul + blob_raw + "100644 a" + nul + blob_raw,          // duplicate
      "100644 d/e" + nul + blob_raw,                                      // a '/' in a name
      "100664 a" + nul + blob_raw + "040000 s" + nul + sub_raw,           // old modes
      "0100644 a" + nul + blob_raw,                                       // leading zero
      "40000 s" + nul + blob_raw,                                         // a "tree" that is a blob
      "40000 s" + nul + missing_raw,                                      // a missing tree
      "100644 " + nul + blob_raw,                                         // empty name
      "100644 a" + nul + blob_raw.substr(0, 7),                           // an id cut short
      "100644 a" + nul + blob_raw + "40000 a" + nul + sub_raw,            // a blob and a tree "a"
      "160000 m" + nul + blob_raw + "100644 m" + nul + blob_raw,          // a gitlink and a blob
      "",                                                                 // empty
  };
  std::vector<git_oid> ids;
  for (const std::string& bytes : hostile) ids.push_back(WriteObject(handle.get(), bytes, GIT_OBJECT_TREE));
  const git_oid plain =
      WriteObject(handle.get(), "100644 a" + nul + blob_raw + "40000 s" + nul + sub_raw,
                  GIT_OBJECT_TREE);
  // Pack every object as it is (no reachability, so nothing parses them), and drop the loose.
  repo.Git("cat-file --batch-all-objects --batch-check='%(objectname)' | "
           "git pack-objects -q objects/pack/pack >/dev/null && git prune-packed");
  size_t unopened = 0;
  auto packs = internal::PackBlobs::Open(repo.path() + "/objects/", 1 << 20, &unopened);
  REQUIRE(packs->packs() == 1);
  for (size_t i = 0; i < ids.size(); ++i) {
    INFO("hostile tree " << i);
    REQUIRE(packs->Has(internal::OidBytes(ids[i])));
    for (const std::vector<git_oid>& parents :
         {std::vector<git_oid>{}, std::vector<git_oid>{plain}, std::vector<git_oid>{plain, ids[0]}}) {
      TreeReader fast(handle.get(), packs.get());
      TreeReader slow(handle.get(), nullptr);
      const std::string through_libgit2 = DiffText(&slow, ids[i], parents);
      CHECK(DiffText(&fast, ids[i], parents) == through_libgit2);
      // The ones in git's form came from the pack, not from libgit2 (unless the diff read
      // nothing: the tree is one of its parents).
      std::vector<internal::TreeEntry> entries;
      if (parents.empty() && internal::ParseTree(hostile[i], /*canonical=*/true, &entries)) {
        CHECK(fast.counts().from_packs >= 1);
      }
      {
        fault::ScopedFault off(fault::Point::kPackTreeRead, EIO);
        TreeReader injected(handle.get(), packs.get());
        CHECK(DiffText(&injected, ids[i], parents) == through_libgit2);
      }
      // Read again from the warm cache: the same.
      CHECK(DiffText(&fast, ids[i], parents) == through_libgit2);
    }
  }
}

TEST_CASE("issue 13: two trees in one cache slot are each read as themselves", "[git][trees]") {
  TempRepo repo(true);
  std::string error;
  internal::RepoPtr handle = internal::OpenRepository(repo.path(), &error);
  REQUIRE(handle);
  const std::string nul(1, '\0');
  // Trees until two share a slot (the id's first 8 bytes, masked to 4,096 slots: the first
  // byte and the low half of the second on a little-endian machine; compare by the mask).
  std::map<uint64_t, git_oid> by_slot;
  git_oid first{}, second{};
  bool found = false;
  for (int i = 0; i < 5000 && !found; ++i) {
    const git_oid id = WriteObject(
        handle.get(), "100644 f" + std::to_string(i) + nul + std::string(20, 'a'), GIT_OBJECT_TREE);
    uint64_t h;
    std::memcpy(&h, id.id, sizeof h);
    const auto [it, inserted] = by_slot.emplace(h & 4095, id);
    if (!inserted) {
      first = it->second;
      second = id;
      found = true;
    }
  }
  REQUIRE(found);
  {
    TreeReader reader(handle.get(), nullptr);
    for (int pass = 0; pass < 3; ++pass) {
      for (const git_oid& id : {first, second, second, first}) {
        TreeReader::Tree tree;
        int code = 0;
        std::string message;
        REQUIRE(reader.Read(id, &tree, &code, &message));
        git_oid hashed;
        REQUIRE(git_odb_hash(&hashed, tree->bytes.data(), tree->bytes.size(), GIT_OBJECT_TREE) == 0);
        CHECK(git_oid_equal(&hashed, &id));
      }
    }
    // first, second (evicts), second (hit), first (evicts); then first is a hit in each pass.
    CHECK(reader.counts().cached == 1 + 2 + 2);
  }
}

}  // namespace
}  // namespace magpie::git
