// Internal to git/: tree objects for the history walk's diffs (issue 13 §1), read as raw bytes
// and walked in place. Through libgit2 a tree cost an odb read behind its locks, a parsed
// git_tree with an allocated entry array and a strlen per name in the comparator, and each
// tree was read twice (as a commit's and again as its child's parent's): the walk's tree
// diffs cost twice what `git rev-list --objects` spends enumerating every object.
//
// Here a tree comes from the repository's packs (PackBlobs, with its delta-base cache), is
// parsed once (ParseTree: offsets into its bytes, names by length, only git's canonical form)
// and is then kept by id in a small per-thread cache: a commit's subtrees are read again soon
// after as its child's parent subtrees. Anything
// the fast path does not cover goes to libgit2 as before: an id in no pack opened (loose
// objects, alternates), a thin pack's outside base, a chain that does not end in a tree,
// anything corrupt or non-canonical (a mode git does not write, an empty name). libgit2 then
// reads the tree, with its own diagnostics when it cannot, and the entries it parsed are
// written back in the raw form, so the diff sees one representation whichever read it.
//
// Usage:
//   auto packs = PackBlobs::Open(objects_dir, 32 << 20, &unopened);   // shared
//   TreeReader reader(repo, packs.get());                              // one per thread
//   TreeReader::Tree tree;
//   if (reader.Read(id, &tree, &error_code, &message)) {
//     for (const TreeEntry& e : tree->entries) { tree->name(e); e.type(); tree->id(e); }
//   }
//
// Thread safety: a TreeReader is used by one thread at a time (it owns its cache and its
// repository handle is that thread's); the PackBlobs it reads through may be shared.
#ifndef MAGPIE_GIT_TREE_READER_H_
#define MAGPIE_GIT_TREE_READER_H_

#include <git2.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace magpie::git::internal {

class PackBlobs;

// What an entry is, decided from its mode as libgit2 1.5 decides it (git_tree_entry_type):
// a gitlink is a commit, a directory a tree, anything else a blob.
enum class EntryType : uint8_t { kBlob, kTree, kCommit };

// One entry of a tree's raw bytes ("MODE SP NAME NUL ID(20)"), by offsets into them.
struct TreeEntry {
  uint32_t name_at;   // the name's first byte
  uint16_t name_len;  // libgit2's limit too
  uint16_t mode;      // as libgit2 parses it (octal)
  EntryType type() const;
  uint32_t end() const { return name_at + name_len + 1 + GIT_OID_RAWSZ; }
};

// Parses a tree's bytes into *entries (cleared first), in stored order; false when any entry
// does not parse: a mode that is not octal or over 16 bits, a missing space or NUL, an empty
// name or one over 65,535 bytes, an id cut short. With `canonical`, also false for a mode git
// does not write (only 40000, 100644, 100755, 120000 and 160000, no leading zeros): libgit2
// reads those its own way, so the fast path leaves them to it. Order is not checked: libgit2
// does not either, and the diff treats both the same. Linear in the bytes.
bool ParseTree(std::string_view bytes, bool canonical, std::vector<TreeEntry>* entries);

// A tree's bytes (kept alive by `owner`: the reader's cache, the packs' delta-base cache) and
// its entries, parsed once when read.
struct ParsedTree {
  std::string_view bytes;
  std::shared_ptr<const void> owner;
  std::vector<TreeEntry> entries;

  std::string_view name(const TreeEntry& e) const { return bytes.substr(e.name_at, e.name_len); }
  const git_oid& id(const TreeEntry& e) const {
    // libgit2 points its entries' ids into the object's bytes the same way.
    return *reinterpret_cast<const git_oid*>(bytes.data() + e.name_at + e.name_len + 1);
  }
  uint32_t start(size_t i) const { return i == 0 ? 0 : entries[i - 1].end(); }
};

class TreeReader {
 public:
  using Tree = std::shared_ptr<const ParsedTree>;

  // `repo`: this thread's handle (the fallback); `packs`: null to read every tree through
  // libgit2 (the fast path off).
  TreeReader(git_repository* repo, const PackBlobs* packs);

  // Tree `id` into *out. False when it cannot be read: *error_code is libgit2's (for
  // KindForError) and *message says why, libgit2's words as before.
  bool Read(const git_oid& id, Tree* out, int* error_code, std::string* message);

  // For -v and tests: trees read from the packs, through libgit2, and answered by the cache.
  struct Counts {
    uint64_t from_packs = 0;
    uint64_t from_libgit2 = 0;
    uint64_t cached = 0;
  };
  const Counts& counts() const { return counts_; }

 private:
  struct Slot {
    git_oid id{};
    Tree tree;
  };
  Tree ReadFromPacks(const git_oid& id);
  Tree ReadThroughLibgit2(const git_oid& id, int* error_code, std::string* message);

  git_repository* repo_;
  const PackBlobs* packs_;
  // Direct-mapped by the id's first bytes (ids are uniform): a commit's subtrees are read
  // again as its child's parent subtrees soon after, and a miss only costs a read.
  std::vector<Slot> slots_;
  Counts counts_;
};

}  // namespace magpie::git::internal

#endif  // MAGPIE_GIT_TREE_READER_H_
