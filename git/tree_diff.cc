#include "git/tree_diff.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "git/libgit2_util.h"

namespace magpie::git::internal {
namespace {

constexpr size_t kNone = static_cast<size_t>(-1);

// Git's tree order: byte-wise by name, a subtree's name compared as if it ended in '/'.
// Stored trees are in this order (a malformed, unsorted tree only makes entries look
// changed: more blobs reported, never fewer).
int CompareEntries(std::string_view name_a, EntryType type_a, std::string_view name_b,
                   EntryType type_b) {
  const size_t n = std::min(name_a.size(), name_b.size());
  const int c = std::memcmp(name_a.data(), name_b.data(), n);
  if (c != 0) return c;
  const auto next = [n](std::string_view name, EntryType type) -> int {
    if (name.size() > n) return static_cast<unsigned char>(name[n]);
    return type == EntryType::kTree ? '/' : 0;
  };
  return next(name_a, type_a) - next(name_b, type_b);
}

// Bytes at which `a` and `b` first differ (the shorter's size if one starts the other).
size_t CommonPrefix(std::string_view a, std::string_view b) {
  const size_t n = std::min(a.size(), b.size());
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t x, y;
    std::memcpy(&x, a.data() + i, 8);
    std::memcpy(&y, b.data() + i, 8);
    if (x != y) break;
  }
  while (i < n && a[i] == b[i]) ++i;
  return i;
}

size_t CommonSuffix(std::string_view a, std::string_view b) {
  const size_t n = std::min(a.size(), b.size());
  const char* end_a = a.data() + a.size();
  const char* end_b = b.data() + b.size();
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t x, y;
    std::memcpy(&x, end_a - i - 8, 8);
    std::memcpy(&y, end_b - i - 8, 8);
    if (x != y) break;
  }
  while (i < n && end_a[-1 - static_cast<ptrdiff_t>(i)] == end_b[-1 - static_cast<ptrdiff_t>(i)]) {
    ++i;
  }
  return i;
}

// Where one parent's diff may skip: entries [0, prefix) of the tree are the parent's [0,
// prefix), byte for byte; entries [suffix, n) are the parent's [parent_suffix, ...), to be
// skipped only if the merge join reaches `suffix` with its cursor exactly at parent_suffix
// (then each of them meets its own copy, whatever the order of the trees).
struct Skip {
  size_t prefix = 0;
  size_t suffix = kNone;
  size_t parent_suffix = kNone;
};

// A commit usually changes a few entries of a tree of hundreds: the unchanged runs at both
// ends are found by comparing bytes, not entries.
Skip FindSkip(const ParsedTree& tree, const ParsedTree& parent) {
  Skip skip;
  const size_t same = CommonPrefix(tree.bytes, parent.bytes);
  // Entries ending inside the common bytes are identical and at the same offsets in both.
  skip.prefix = static_cast<size_t>(
      std::upper_bound(tree.entries.begin(), tree.entries.end(), same,
                       [](size_t limit, const TreeEntry& e) { return limit < e.end(); }) -
      tree.entries.begin());
  const size_t tail = std::min(CommonSuffix(tree.bytes, parent.bytes),
                               std::min(tree.bytes.size(), parent.bytes.size()) - same);
  if (tail == 0) return skip;
  // The first tree entry that starts inside the common tail, and the parent entry that starts
  // at the same distance from its end (if any: the parent's parse must land there).
  // Entry i > 0 starts where entry i - 1 ends.
  const size_t from = tree.bytes.size() - tail;
  size_t first = 0;
  if (from > 0) {
    const auto ends_before = [](const TreeEntry& e, size_t offset) { return e.end() < offset; };
    first = static_cast<size_t>(std::lower_bound(tree.entries.begin(), tree.entries.end(), from,
                                                 ends_before) -
                                tree.entries.begin()) +
            1;
  }
  first = std::max(first, skip.prefix);
  if (first >= tree.entries.size()) return skip;
  const uint32_t at = static_cast<uint32_t>(parent.bytes.size() -
                                            (tree.bytes.size() - tree.start(first)));
  const auto it = std::lower_bound(
      parent.entries.begin(), parent.entries.end(), at,
      [](const TreeEntry& e, uint32_t offset) { return e.end() <= offset; });
  // The entry after `it - 1` starts at (it - 1)->end(): look for the one whose start is `at`.
  const size_t k = static_cast<size_t>(it - parent.entries.begin());
  if (k < parent.entries.size() && parent.start(k) == at) {
    skip.suffix = first;
    skip.parent_suffix = k;
  }
  return skip;
}

class TreeDiffer {
 public:
  TreeDiffer(TreeReader* reader, CommitDiff* out) : reader_(reader), out_(out) {}

  void Diff(const git_oid& tree_id, const std::vector<git_oid>& parent_ids) {
    for (const git_oid& parent : parent_ids) {
      if (git_oid_equal(&parent, &tree_id)) return;
    }
    TreeReader::Tree tree;
    if (!Lookup(tree_id, &tree)) return;
    std::vector<TreeReader::Tree> parents;
    parents.reserve(parent_ids.size());
    for (const git_oid& parent : parent_ids) {
      TreeReader::Tree t;
      if (Lookup(parent, &t)) parents.push_back(std::move(t));
    }
    // Entries of every tree are sorted the same way, so one forward cursor per parent finds
    // each entry's counterpart: a merge join, linear in the entries.
    std::vector<size_t> cursor(parents.size(), 0);
    Skip skip;
    if (parents.size() == 1) {
      skip = FindSkip(*tree, *parents[0]);
      cursor[0] = skip.prefix;
    }
    const size_t base = path_.size();
    std::vector<git_oid> parent_subtrees;
    const std::vector<TreeEntry>& entries = tree->entries;
    for (size_t i = skip.prefix; i < entries.size(); ++i) {
      if (i == skip.suffix && cursor[0] == skip.parent_suffix) break;
      const TreeEntry& entry = entries[i];
      const std::string_view name = tree->name(entry);
      const EntryType type = entry.type();
      const git_oid& id = tree->id(entry);
      bool unchanged = false;
      parent_subtrees.clear();
      for (size_t p = 0; p < parents.size() && !unchanged; ++p) {
        const ParsedTree& parent = *parents[p];
        const size_t old = Advance(parent, name, type, &cursor[p]);
        if (old == kNone) continue;
        const TreeEntry& match = parent.entries[old];
        if (git_oid_equal(&parent.id(match), &id)) {
          unchanged = true;
        } else if (match.type() == EntryType::kTree) {
          parent_subtrees.push_back(parent.id(match));
        }
      }
      if (unchanged) continue;
      path_.append(name);
      switch (type) {
        case EntryType::kTree:
          path_.push_back('/');
          Diff(id, parent_subtrees);
          break;
        case EntryType::kBlob: out_->blobs.push_back({id, path_}); break;
        case EntryType::kCommit: out_->submodules.push_back({id, path_}); break;
      }
      path_.resize(base);
    }
  }

 private:
  // Moves *cursor past the parent's entries ordered before (name, type); returns the index of
  // the parent's entry of the same name and kind (consumed), or kNone.
  static size_t Advance(const ParsedTree& parent, std::string_view name, EntryType type,
                        size_t* cursor) {
    const size_t count = parent.entries.size();
    while (*cursor < count) {
      const TreeEntry& candidate = parent.entries[*cursor];
      const int c = CompareEntries(parent.name(candidate), candidate.type(), name, type);
      if (c > 0) return kNone;
      ++*cursor;
      if (c == 0) return *cursor - 1;
    }
    return kNone;
  }

  bool Lookup(const git_oid& id, TreeReader::Tree* out) {
    int error_code = 0;
    std::string message;
    if (reader_->Read(id, out, &error_code, &message)) return true;
    out_->problems.push_back({id, path_, KindForError(error_code), std::move(message)});
    return false;
  }

  TreeReader* reader_;
  CommitDiff* out_;
  std::string path_;
};

}  // namespace

void DiffAgainstParents(TreeReader* reader, const git_oid& tree,
                        const std::vector<git_oid>& parents, CommitDiff* out) {
  TreeDiffer(reader, out).Diff(tree, parents);
}

}  // namespace magpie::git::internal
