// RefPresence::VersionsAt: the blobs at some paths in every tip, each tree on the way read once
// for all the paths (git/ref_presence_impl.h's descent), or answered from an earlier run's
// facts.
#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "git/ref_presence.h"
#include "git/ref_presence_impl.h"

namespace magpie::git {
namespace {

using internal::MemoHash;
using internal::MemoKey;
using internal::OidHash;
using internal::Subtree;

// The paths asked about as a tree of their components; node 0 is the root. A node may end a
// path (a blob expected there) and lead to others (a directory) at once: the entry's type
// decides which applies.
struct PathNode {
  std::vector<std::pair<std::string, uint32_t>> children;  // component -> node
  int32_t path = -1;                                       // index of the path ending here
};

// The descent's question for VersionsAt: the blobs at the paths below a node.
class PathLookup {
 public:
  struct Item {  // a blob found at one of the paths asked about
    uint32_t path;
    git_oid blob;
  };
  explicit PathLookup(size_t* unreadable) : unreadable_(*unreadable) { nodes_.emplace_back(); }

  void AddPath(std::string_view path, uint32_t index) {
    uint32_t node = 0;
    while (true) {
      const size_t slash = path.find('/');
      const std::string_view name = path.substr(0, slash);
      auto& children = nodes_[node].children;
      auto it = std::find_if(children.begin(), children.end(),
                             [&](const auto& child) { return child.first == name; });
      uint32_t next;
      if (it != children.end()) {
        next = it->second;
      } else {
        next = static_cast<uint32_t>(nodes_.size());
        children.emplace_back(std::string(name), next);
        nodes_.emplace_back();
      }
      node = next;
      if (slash == std::string_view::npos) break;
      path.remove_prefix(slash + 1);
    }
    nodes_[node].path = static_cast<int32_t>(index);
  }

  bool Admit() { return true; }
  void Unreadable() { ++unreadable_; }
  void Visit(const git_tree* tree, uint32_t node, std::vector<Item>* items,
             std::vector<Subtree>* below) {
    for (const auto& [name, child] : nodes_[node].children) {
      const git_tree_entry* entry = git_tree_entry_byname(tree, name.c_str());
      if (entry == nullptr) continue;
      const git_object_t type = git_tree_entry_type(entry);
      if (type == GIT_OBJECT_BLOB && nodes_[child].path >= 0) {
        items->push_back({static_cast<uint32_t>(nodes_[child].path), *git_tree_entry_id(entry)});
      } else if (type == GIT_OBJECT_TREE && !nodes_[child].children.empty()) {
        below->push_back({*git_tree_entry_id(entry), child, {}});
      }
    }
  }
  void Adopt(const Subtree&, const std::vector<Item>& held, std::vector<Item>* items) {
    items->insert(items->end(), held.begin(), held.end());
  }

 private:
  size_t& unreadable_;
  std::vector<PathNode> nodes_;
};

// Facts an earlier run learned (VersionsAt's `known`), checked: only trees and paths asked
// about, and a (tree, path) with two different answers is unknown.
class KnownFacts {
 public:
  using PathIndices = std::unordered_map<std::string_view, std::vector<uint32_t>>;
  static KnownFacts Of(const std::vector<TreePathFact>& known, const PathIndices& paths) {
    KnownFacts facts;
    for (const TreePathFact& fact : known) {
      const auto at = paths.find(fact.path);
      if (at == paths.end()) continue;
      MemoKey key;
      git_oid_fromraw(&key.tree, fact.tree.data());
      key.node = at->second.front();
      Entry entry{fact.holds_blob, {}};
      if (fact.holds_blob) git_oid_fromraw(&entry.blob, fact.blob.data());
      const auto [it, inserted] = facts.answers_.try_emplace(key, entry);
      if (!inserted && !(it->second == entry)) it->second.conflict = true;
    }
    return facts;
  }
  // Whether every path asked about has an answer for `tree`: then (*blobs)[i] is the blob at
  // paths[i], or null where there is none.
  bool Answer(const git_oid& tree, const PathIndices& paths,
              std::vector<const git_oid*>* blobs) const {
    if (answers_.empty()) return false;
    std::fill(blobs->begin(), blobs->end(), nullptr);
    for (const auto& [path, at] : paths) {
      const auto it = answers_.find(MemoKey{tree, at.front()});
      if (it == answers_.end() || it->second.conflict) return false;
      if (!it->second.holds_blob) continue;
      for (uint32_t i : at) (*blobs)[i] = &it->second.blob;
    }
    return true;
  }

 private:
  struct Entry {
    bool holds_blob = false;
    git_oid blob{};
    bool conflict = false;
    bool operator==(const Entry& o) const {
      return holds_blob == o.holds_blob && (!holds_blob || internal::OidEqual()(blob, o.blob));
    }
  };
  std::unordered_map<MemoKey, Entry, MemoHash> answers_;  // node: the path's first index
};

}  // namespace

std::vector<RefPresence::Version> RefPresence::VersionsAt(std::string_view path) {
  return VersionsAt(std::vector<std::string>{std::string(path)}).front();
}

std::vector<std::vector<RefPresence::Version>> RefPresence::VersionsAt(
    const std::vector<std::string>& paths) {
  return VersionsAt(paths, {}, nullptr);
}

std::vector<std::vector<RefPresence::Version>> RefPresence::VersionsAt(
    const std::vector<std::string>& paths, const std::vector<TreePathFact>& known,
    std::vector<TreePathFact>* learned) {
  Impl& impl = *impl_;
  const size_t unreadable_before = impl.unreadable_lookups;
  // Lives for this call only: nothing of it is needed again, so it is freed on return rather
  // than kept to the end of the scan.
  PathLookup lookup(&impl.unreadable_lookups);
  std::unordered_map<std::string_view, std::vector<uint32_t>> path_indices;
  for (uint32_t i = 0; i < paths.size(); ++i) {
    if (paths[i].empty()) continue;
    lookup.AddPath(paths[i], i);
    path_indices[paths[i]].push_back(i);
  }
  internal::TreeDescent<PathLookup> descent(impl.repo.get(), &lookup);
  const KnownFacts facts = KnownFacts::Of(known, path_indices);
  std::vector<std::vector<Version>> versions(paths.size());
  // Per path: blob -> index into versions[path].
  std::vector<std::unordered_map<git_oid, size_t, OidHash, internal::OidEqual>> index(paths.size());
  auto add = [&](uint32_t path, const git_oid& blob, uint32_t tip) {
    auto [it, inserted] = index[path].try_emplace(blob, versions[path].size());
    if (inserted) versions[path].push_back({internal::OidHex(blob), {}});
    versions[path][it->second].tips.push_back(tip);
  };
  std::vector<const git_oid*> answers(paths.size());
  std::unordered_set<git_oid, OidHash, internal::OidEqual> read_trees;
  std::vector<TreePathFact> learning;
  for (uint32_t t = 0; t < impl.tips.size(); ++t) {
    const Impl::Tip& tip = impl.tips[t];
    if (tip.is_blob) {
      for (uint32_t i = 0; i < paths.size(); ++i) {
        if (paths[i] == tip.name) add(i, tip.object, t);
      }
      continue;
    }
    if (facts.Answer(tip.object, path_indices, &answers)) {
      for (uint32_t i = 0; i < paths.size(); ++i) {
        if (answers[i] != nullptr) add(i, *answers[i], t);
      }
      continue;
    }
    const std::vector<PathLookup::Item>& found = descent.list(descent.Descend(tip.object, 0, 0));
    for (const PathLookup::Item& f : found) add(f.path, f.blob, t);
    if (learned != nullptr && read_trees.insert(tip.object).second) {
      for (const auto& [path, at] : path_indices) {
        TreePathFact fact;
        std::copy_n(tip.object.id, GIT_OID_RAWSZ, fact.tree.begin());
        fact.path = std::string(path);
        for (const PathLookup::Item& f : found) {
          if (std::find(at.begin(), at.end(), f.path) == at.end()) continue;
          fact.holds_blob = true;
          std::copy_n(f.blob.id, GIT_OID_RAWSZ, fact.blob.begin());
        }
        learning.push_back(std::move(fact));
      }
    }
  }
  if (learned != nullptr && impl.unreadable_lookups == unreadable_before) {
    learned->insert(learned->end(), std::make_move_iterator(learning.begin()),
                    std::make_move_iterator(learning.end()));
  }
  return versions;
}

}  // namespace magpie::git
