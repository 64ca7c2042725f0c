// Internal to git/: what git/ref_presence.cc (the tips), ref_presence_paths.cc (VersionsAt)
// and ref_presence_search.cc (FindAnywhere) share: the tips, and the one memoised descent of
// trees both questions are answered by. Never included outside git/.
#ifndef MAGPIE_GIT_REF_PRESENCE_IMPL_H_
#define MAGPIE_GIT_REF_PRESENCE_IMPL_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/fault_injection.h"
#include "git/libgit2_util.h"
#include "git/ref_presence.h"

namespace magpie::git {

struct RefPresence::Impl {
  struct Tip {
    std::string name;
    git_oid object;  // the peeled tree, or a blob a tag names
    bool is_blob = false;
  };
  internal::RepoPtr repo;
  internal::OdbPtr odb;  // for the existence of tip trees; null: every commit tip unreadable
  std::vector<Tip> tips;
  std::vector<std::string> names;
  size_t unreadable_tips = 0;
  size_t unreadable_lookups = 0;

  // Adds `object` (any type) as the tip `name`, peeled to a tree or a blob, or counts it in
  // unreadable_tips (git/ref_presence.cc).
  void AddTip(git_object* object, std::string name);
};

namespace internal {

// As git's core.maxTreeDepth: a deeper tree (hostile) is not descended into, and says so.
constexpr int kMaxTreeDepth = 4096;

// (tree, node): the memo key of a descent, 24 bytes, raw ids. VersionsAt's node is a place in
// the paths asked about; FindAnywhere asks the same of every place (node 0), and the known
// facts of both key (tree, path or blob index) the same way.
struct MemoKey {
  git_oid tree;
  uint32_t node;
  bool operator==(const MemoKey& other) const {
    return node == other.node && OidEqual()(tree, other.tree);
  }
};
struct MemoHash {
  size_t operator()(const MemoKey& key) const {
    return OidHash()(key.tree) ^ (size_t{key.node} * 0x9e3779b97f4a7c15ULL);
  }
};

// A subtree a tree's entries lead to: where to descend next, and the entry's name (the path
// component FindAnywhere prefixes; VersionsAt knows its paths and leaves it empty).
struct Subtree {
  git_oid tree;
  uint32_t node = 0;
  std::string name;
};

// The descent VersionsAt and FindAnywhere share: each (tree, node) once, memoised, so tips
// that share a subtree read it once between them. A tree is read for its entries and released
// before its subtrees are read: at most one tree per level is alive, however many tips there
// are (keeping them made presence the memory peak of a history scan, issue 13). A tree that
// cannot be read, or lies deeper than kMaxTreeDepth (hostile), holds nothing.
//
// The question is the Policy's:
//   using Item = ...;                 // what a tree holds (most trees: none, and no list)
//   bool Admit();                     // may one more tree be read (a budget)? if not, the
//                                     // tree holds nothing and is not memoised
//   void Unreadable();                // counts a tree that could not be read
//   void Visit(const git_tree*, uint32_t node, std::vector<Item>*, std::vector<Subtree>*);
//   void Adopt(const Subtree&, const std::vector<Item>& held_below, std::vector<Item>*);
template <typename Policy>
class TreeDescent {
 public:
  using Item = typename Policy::Item;
  TreeDescent(git_repository* repo, Policy* policy) : repo_(repo), policy_(*policy) {
    lists_.emplace_back();  // [0]: none
  }

  // What `tree_id` holds below `node`: an index into list().
  uint32_t Descend(const git_oid& tree_id, uint32_t node, int depth) {
    const MemoKey key{tree_id, node};
    if (auto it = memo_.find(key); it != memo_.end()) return it->second;
    if (!policy_.Admit()) return 0;
    std::vector<Item> items;
    std::vector<Subtree> below;  // read once this tree is freed
    if (TreePtr tree = depth < kMaxTreeDepth ? Read(tree_id) : nullptr) {
      policy_.Visit(tree.get(), node, &items, &below);
    } else {
      policy_.Unreadable();
    }
    for (const Subtree& sub : below) {
      const uint32_t list = Descend(sub.tree, sub.node, depth + 1);
      policy_.Adopt(sub, lists_[list], &items);
    }
    uint32_t index = 0;
    if (!items.empty()) {
      lists_.push_back(std::move(items));
      index = static_cast<uint32_t>(lists_.size() - 1);
    }
    memo_.emplace(key, index);
    return index;
  }
  const std::vector<Item>& list(uint32_t index) const { return lists_[index]; }

 private:
  TreePtr Read(const git_oid& id) {
    if (fault::Triggered(fault::Point::kPresenceTreeRead)) return nullptr;
    git_tree* tree = nullptr;
    if (git_tree_lookup(&tree, repo_, &id) != 0) return nullptr;
    return TreePtr(tree);
  }

  git_repository* repo_;
  Policy& policy_;
  std::unordered_map<MemoKey, uint32_t, MemoHash> memo_;  // -> index into lists_
  std::vector<std::vector<Item>> lists_;
};

}  // namespace internal
}  // namespace magpie::git

#endif  // MAGPIE_GIT_REF_PRESENCE_IMPL_H_
