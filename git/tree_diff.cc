#include "git/tree_diff.h"

#include <algorithm>
#include <cstring>

#include "git/libgit2_util.h"

namespace magpie::git::internal {
namespace {

// Git's tree order: byte-wise by name, a subtree's name compared as if it ended in '/'.
// Stored trees are in this order (a malformed, unsorted tree only makes entries look
// changed: more blobs reported, never fewer).
int CompareEntries(const git_tree_entry* a, const git_tree_entry* b) {
  const char* name_a = git_tree_entry_name(a);
  const char* name_b = git_tree_entry_name(b);
  const size_t len_a = std::strlen(name_a);
  const size_t len_b = std::strlen(name_b);
  const size_t n = std::min(len_a, len_b);
  const int c = std::memcmp(name_a, name_b, n);
  if (c != 0) return c;
  const auto next = [n](const char* name, size_t len, const git_tree_entry* e) -> int {
    if (len > n) return static_cast<unsigned char>(name[n]);
    return git_tree_entry_type(e) == GIT_OBJECT_TREE ? '/' : 0;
  };
  return next(name_a, len_a, a) - next(name_b, len_b, b);
}

class TreeDiffer {
 public:
  TreeDiffer(git_repository* repo, CommitDiff* out) : repo_(repo), out_(out) {}

  void Diff(const git_oid& tree_id, const std::vector<git_oid>& parent_ids) {
    for (const git_oid& parent : parent_ids) {
      if (git_oid_equal(&parent, &tree_id)) return;
    }
    TreePtr tree = Lookup(tree_id);
    if (!tree) return;
    std::vector<TreePtr> parents;
    for (const git_oid& parent : parent_ids) {
      if (TreePtr t = Lookup(parent)) parents.push_back(std::move(t));
    }
    const size_t base = path_.size();
    std::vector<git_oid> parent_subtrees;
    // Entries of every tree are sorted the same way, so one forward cursor per parent finds
    // each entry's counterpart: a merge join, linear in the entries.
    std::vector<size_t> cursor(parents.size(), 0);
    const size_t count = git_tree_entrycount(tree.get());
    for (size_t i = 0; i < count; ++i) {
      const git_tree_entry* entry = git_tree_entry_byindex(tree.get(), i);
      const git_oid* id = git_tree_entry_id(entry);
      bool unchanged = false;
      parent_subtrees.clear();
      for (size_t p = 0; p < parents.size() && !unchanged; ++p) {
        const git_tree_entry* old = Advance(parents[p].get(), entry, &cursor[p]);
        if (old == nullptr) continue;
        if (git_oid_equal(git_tree_entry_id(old), id)) {
          unchanged = true;
        } else if (git_tree_entry_type(old) == GIT_OBJECT_TREE) {
          parent_subtrees.push_back(*git_tree_entry_id(old));
        }
      }
      if (unchanged) continue;
      path_.append(git_tree_entry_name(entry));
      switch (git_tree_entry_type(entry)) {
        case GIT_OBJECT_TREE:
          path_.push_back('/');
          Diff(*id, parent_subtrees);
          break;
        case GIT_OBJECT_BLOB: out_->blobs.push_back({*id, path_}); break;
        case GIT_OBJECT_COMMIT: out_->submodules.push_back({*id, path_}); break;
        default: break;
      }
      path_.resize(base);
    }
  }

 private:
  // Moves *cursor past the parent's entries ordered before `entry`; returns the parent's
  // entry of the same name and kind, or null.
  static const git_tree_entry* Advance(git_tree* parent, const git_tree_entry* entry,
                                       size_t* cursor) {
    const size_t count = git_tree_entrycount(parent);
    while (*cursor < count) {
      const git_tree_entry* candidate = git_tree_entry_byindex(parent, *cursor);
      const int c = CompareEntries(candidate, entry);
      if (c > 0) return nullptr;
      ++*cursor;
      if (c == 0) return candidate;
    }
    return nullptr;
  }

  TreePtr Lookup(const git_oid& id) {
    git_tree* tree = nullptr;
    const int rc = git_tree_lookup(&tree, repo_, &id);
    if (rc == 0) return TreePtr(tree);
    out_->problems.push_back(
        {id, path_, KindForError(rc), LastError("cannot read tree " + OidHex(id))});
    return nullptr;
  }

  git_repository* repo_;
  CommitDiff* out_;
  std::string path_;
};

}  // namespace

void DiffAgainstParents(git_repository* repo, const git_oid& tree,
                        const std::vector<git_oid>& parents, CommitDiff* out) {
  TreeDiffer(repo, out).Diff(tree, parents);
}

}  // namespace magpie::git::internal
