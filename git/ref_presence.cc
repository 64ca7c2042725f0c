#include "git/ref_presence.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "base/fault_injection.h"
#include "git/libgit2_util.h"

namespace magpie::git {
namespace {

using internal::ObjectPtr;
using internal::OidHash;
using internal::ReferencePtr;
using internal::RepoPtr;
using internal::TreePtr;

// Report order of a ref name: branches, remote-tracking branches, tags, anything else.
int RefRank(std::string_view name) {
  if (name.rfind("refs/heads/", 0) == 0) return 0;
  if (name.rfind("refs/remotes/", 0) == 0) return 1;
  if (name.rfind("refs/tags/", 0) == 0) return 2;
  return 3;
}

bool IsTipRef(std::string_view name) { return RefRank(name) < 3; }

struct Tip {
  std::string name;
  git_oid object;  // the peeled tree, or a blob a tag names
  bool is_blob = false;
};

// As git's core.maxTreeDepth: a deeper tree (hostile) is not descended into, and says so.
constexpr int kMaxTreeDepth = 4096;

// The paths asked about as a tree of their components; node 0 is the root. A node may end a
// path (a blob expected there) and lead to others (a directory) at once: the entry's type
// decides which applies.
struct PathNode {
  std::vector<std::pair<std::string, uint32_t>> children;  // component -> node
  int32_t path = -1;                                       // index of the path ending here
};

// A blob found at one of the paths asked about.
struct Found {
  uint32_t path;
  git_oid blob;
};

// (tree, node of the paths): the memo key of a lookup, 24 bytes, raw ids.
struct MemoKey {
  git_oid tree;
  uint32_t node;
  bool operator==(const MemoKey& other) const {
    return node == other.node && internal::OidEqual()(tree, other.tree);
  }
};
struct MemoHash {
  size_t operator()(const MemoKey& key) const {
    return OidHash()(key.tree) ^ (size_t{key.node} * 0x9e3779b97f4a7c15ULL);
  }
};

// Keeps a memoised result list and returns its index; 0, the empty list, when there is none
// (most trees hold nothing asked about: they cost no list).
template <typename T>
uint32_t KeepList(std::vector<std::vector<T>>* lists, std::vector<T> items) {
  if (items.empty()) return 0;
  lists->push_back(std::move(items));
  return static_cast<uint32_t>(lists->size() - 1);
}

// One tree, read for its entries and released at once: at most one tree per level of the
// paths is alive, however many tips there are (keeping them made presence the memory peak of
// a history scan, issue 13). Null, counted by the caller, when it cannot be read.
TreePtr ReadTree(git_repository* repo, const git_oid& id) {
  if (fault::Triggered(fault::Point::kPresenceTreeRead)) return nullptr;
  git_tree* tree = nullptr;
  if (git_tree_lookup(&tree, repo, &id) != 0) return nullptr;
  return TreePtr(tree);
}


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

struct RefPresence::Impl {
  RepoPtr repo;
  internal::OdbPtr odb;  // for the existence of tip trees; null: every commit tip unreadable
  std::vector<Tip> tips;
  std::vector<std::string> names;
  size_t unreadable_tips = 0;
  size_t unreadable_lookups = 0;

  // VersionsAt's state, for one call.
  std::vector<PathNode> nodes;
  std::vector<std::vector<Found>> found_lists;  // [0]: none
  std::unordered_map<MemoKey, uint32_t, MemoHash> memo;  // -> index into found_lists

  // Adds `object` (any type) as the tip `name`, peeled to a tree or a blob. A commit is
  // peeled by its tree's id, which the commit names: git_object_peel would read and parse
  // the root tree of every tip (a deltified object, often deep in its chain), ~8% of a rescan
  // of git/git's full mirror whose trees the store's facts then answer without reading them
  // (issue 13). The tree must exist, as peeling required; a tree that exists but cannot be
  // read is counted when it is looked into (unreadable_lookups), as any subtree is.
  void AddTip(git_object* object, std::string name) {
    ObjectPtr owned;
    if (git_object_type(object) == GIT_OBJECT_TAG) {  // to what the tag (chain) names
      git_object* target = nullptr;
      if (git_object_peel(&target, object, GIT_OBJECT_ANY) != 0) {
        ++unreadable_tips;
        return;
      }
      owned.reset(target);
      object = target;
    }
    Tip tip;
    tip.name = std::move(name);
    switch (git_object_type(object)) {
      case GIT_OBJECT_BLOB:
        tip.object = *git_object_id(object);
        tip.is_blob = true;
        break;
      case GIT_OBJECT_TREE:
        tip.object = *git_object_id(object);
        break;
      case GIT_OBJECT_COMMIT:
        tip.object = *git_commit_tree_id(reinterpret_cast<git_commit*>(object));
        if (odb == nullptr || git_odb_exists(odb.get(), &tip.object) != 1) {
          ++unreadable_tips;
          return;
        }
        break;
      default:
        ++unreadable_tips;
        return;
    }
    tips.push_back(std::move(tip));
  }

  void AddPath(std::string_view path, uint32_t index) {
    uint32_t node = 0;
    while (true) {
      const size_t slash = path.find('/');
      const std::string_view name = path.substr(0, slash);
      auto& children = nodes[node].children;
      auto it = std::find_if(children.begin(), children.end(),
                             [&](const auto& child) { return child.first == name; });
      uint32_t next;
      if (it != children.end()) {
        next = it->second;
      } else {
        next = static_cast<uint32_t>(nodes.size());
        children.emplace_back(std::string(name), next);
        nodes.emplace_back();
      }
      node = next;
      if (slash == std::string_view::npos) break;
      path.remove_prefix(slash + 1);
    }
    nodes[node].path = static_cast<int32_t>(index);
  }

  // The blobs at the paths below `node`, in the tree `tree_id` (an index into found_lists);
  // memoised, so shared subtrees are read once.
  uint32_t Resolve(const git_oid& tree_id, uint32_t node, int depth) {
    const MemoKey key{tree_id, node};
    if (auto it = memo.find(key); it != memo.end()) return it->second;
    std::vector<Found> found;
    std::vector<std::pair<git_oid, uint32_t>> below;  // subtrees, read once this one is freed
    if (TreePtr tree = depth < kMaxTreeDepth ? ReadTree(repo.get(), tree_id) : nullptr) {
      for (const auto& [name, child] : nodes[node].children) {
        const git_tree_entry* entry = git_tree_entry_byname(tree.get(), name.c_str());
        if (entry == nullptr) continue;
        const git_object_t type = git_tree_entry_type(entry);
        if (type == GIT_OBJECT_BLOB && nodes[child].path >= 0) {
          found.push_back({static_cast<uint32_t>(nodes[child].path), *git_tree_entry_id(entry)});
        } else if (type == GIT_OBJECT_TREE && !nodes[child].children.empty()) {
          below.emplace_back(*git_tree_entry_id(entry), child);
        }
      }
    } else {
      ++unreadable_lookups;
    }
    for (const auto& [sub, child] : below) {
      const uint32_t list = Resolve(sub, child, depth + 1);
      found.insert(found.end(), found_lists[list].begin(), found_lists[list].end());
    }
    const uint32_t index = KeepList(&found_lists, std::move(found));
    memo.emplace(key, index);
    return index;
  }
};

namespace {

// FindAnywhere's walk: each distinct tree once, the hits below it kept (rare), the tree freed
// before its subtrees are read.
class BlobSearch {
 public:
  struct Hit {
    std::string path;
    git_oid blob;
  };
  BlobSearch(git_repository* repo, std::unordered_set<git_oid, OidHash, internal::OidEqual> blobs,
             uint64_t max_trees, RefPresence::SearchResult* result)
      : repo_(repo), blobs_(std::move(blobs)), max_trees_(max_trees), result_(*result) {
    hits_.emplace_back();  // [0]: none
  }

  // The hits below `tree_id` (an index into hits()).
  uint32_t Search(const git_oid& tree_id, int depth) {
    if (auto it = memo_.find(tree_id); it != memo_.end()) return it->second;
    if (result_.trees_read >= max_trees_) {
      result_.truncated = true;
      return 0;
    }
    ++result_.trees_read;
    std::vector<Hit> hits;
    std::vector<std::pair<std::string, git_oid>> below;
    if (TreePtr tree = depth < kMaxTreeDepth ? ReadTree(repo_, tree_id) : nullptr) {
      const size_t count = git_tree_entrycount(tree.get());
      for (size_t i = 0; i < count; ++i) {
        const git_tree_entry* entry = git_tree_entry_byindex(tree.get(), i);
        const git_object_t type = git_tree_entry_type(entry);
        if (type == GIT_OBJECT_BLOB && blobs_.count(*git_tree_entry_id(entry)) > 0) {
          hits.push_back({git_tree_entry_name(entry), *git_tree_entry_id(entry)});
        } else if (type == GIT_OBJECT_TREE) {
          below.emplace_back(git_tree_entry_name(entry), *git_tree_entry_id(entry));
        }
      }
    } else {
      ++result_.trees_unreadable;
    }
    for (const auto& [name, sub] : below) {
      const uint32_t list = Search(sub, depth + 1);
      for (const Hit& hit : hits_[list]) hits.push_back({name + '/' + hit.path, hit.blob});
    }
    const uint32_t index = KeepList(&hits_, std::move(hits));
    memo_.emplace(tree_id, index);
    return index;
  }
  const std::vector<Hit>& hits(uint32_t index) const { return hits_[index]; }
  bool holds(const git_oid& blob) const { return blobs_.count(blob) > 0; }

 private:
  git_repository* repo_;
  std::unordered_set<git_oid, OidHash, internal::OidEqual> blobs_;
  uint64_t max_trees_;
  RefPresence::SearchResult& result_;
  std::unordered_map<git_oid, uint32_t, OidHash, internal::OidEqual> memo_;
  std::vector<std::vector<Hit>> hits_;
};

}  // namespace

RefPresence::RefPresence(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RefPresence::~RefPresence() = default;

Result<std::unique_ptr<RefPresence>> RefPresence::Open(const std::string& repo_path) {
  if (fault::Triggered(fault::Point::kRefPresenceOpen)) {
    return IoError("cannot open the repository to list its branches and tags: injected fault");
  }
  std::string error;
  RepoPtr repo = internal::OpenRepository(repo_path, &error);
  if (!repo) return NotFound(error);
  auto impl = std::make_unique<Impl>();
  impl->repo = std::move(repo);
  git_odb* odb = nullptr;
  if (git_repository_odb(&odb, impl->repo.get()) == 0) impl->odb.reset(odb);
  std::vector<std::pair<std::string, ObjectPtr>> found;
  git_reference_foreach(
      impl->repo.get(),
      [](git_reference* ref, void* data) -> int {
        ReferencePtr owned(ref);
        auto* out = static_cast<std::vector<std::pair<std::string, ObjectPtr>>*>(data);
        const char* name = git_reference_name(ref);
        if (git_reference_type(ref) != GIT_REFERENCE_DIRECT || !IsTipRef(name)) return 0;
        git_object* object = nullptr;
        const git_oid* target = git_reference_target(ref);
        if (target == nullptr ||
            git_object_lookup(&object, git_reference_owner(ref), target, GIT_OBJECT_ANY) != 0) {
          out->emplace_back(name, nullptr);  // counted below
          return 0;
        }
        out->emplace_back(name, ObjectPtr(object));
        return 0;
      },
      &found);
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    const int ra = RefRank(a.first);
    const int rb = RefRank(b.first);
    return ra != rb ? ra < rb : a.first < b.first;
  });
  for (auto& [name, object] : found) {
    if (!object) {
      ++impl->unreadable_tips;
      continue;
    }
    impl->AddTip(object.get(), name);
  }
  // A detached HEAD is a tip no ref names (an unborn HEAD has none).
  if (git_repository_head_detached(impl->repo.get()) == 1) {
    git_object* head = nullptr;
    if (git_revparse_single(&head, impl->repo.get(), "HEAD") == 0) {
      ObjectPtr owned(head);
      impl->AddTip(head, "HEAD");
    } else {
      ++impl->unreadable_tips;
    }
  }
  for (const Tip& tip : impl->tips) impl->names.push_back(tip.name);
  return std::unique_ptr<RefPresence>(new RefPresence(std::move(impl)));
}

const std::vector<std::string>& RefPresence::tips() const { return impl_->names; }
size_t RefPresence::unreadable_tips() const { return impl_->unreadable_tips; }
size_t RefPresence::unreadable_lookups() const { return impl_->unreadable_lookups; }

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
  impl.nodes.assign(1, PathNode{});
  impl.found_lists.assign(1, {});
  const size_t unreadable_before = impl.unreadable_lookups;
  std::unordered_map<std::string_view, std::vector<uint32_t>> path_indices;
  for (uint32_t i = 0; i < paths.size(); ++i) {
    if (paths[i].empty()) continue;
    impl.AddPath(paths[i], i);
    path_indices[paths[i]].push_back(i);
  }
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
    const Tip& tip = impl.tips[t];
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
    const std::vector<Found>& found = impl.found_lists[impl.Resolve(tip.object, 0, 0)];
    for (const Found& f : found) add(f.path, f.blob, t);
    if (learned != nullptr && read_trees.insert(tip.object).second) {
      for (const auto& [path, at] : path_indices) {
        TreePathFact fact;
        std::copy_n(tip.object.id, GIT_OID_RAWSZ, fact.tree.begin());
        fact.path = std::string(path);
        for (const Found& f : found) {
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
  // Nothing of it is needed again: free it now rather than keep it to the end of the scan.
  impl.memo = {};
  impl.found_lists = {};
  impl.nodes = {};
  return versions;
}

RefPresence::SearchResult RefPresence::FindAnywhere(const std::vector<std::string>& blob_ids,
                                                    uint64_t max_trees) {
  return FindAnywhere(blob_ids, max_trees, {}, nullptr);
}

RefPresence::SearchResult RefPresence::FindAnywhere(const std::vector<std::string>& blob_ids,
                                                    uint64_t max_trees,
                                                    const std::vector<TreeBlobFact>& known,
                                                    std::vector<TreeBlobFact>* learned) {
  SearchResult result;
  std::unordered_set<git_oid, OidHash, internal::OidEqual> blobs;
  for (const std::string& hex : blob_ids) {
    git_oid id;
    if (hex.size() == GIT_OID_HEXSZ && git_oid_fromstrn(&id, hex.data(), hex.size()) == 0) {
      blobs.insert(id);
    }
  }
  if (blobs.empty()) return result;
  // (tree, blob) -> where, from `known`: only the blobs asked about; null: a disagreement.
  std::unordered_map<MemoKey, const TreeBlobFact*, MemoHash> facts;
  std::vector<git_oid> asked(blobs.begin(), blobs.end());
  std::unordered_map<git_oid, uint32_t, OidHash, internal::OidEqual> blob_index;
  for (uint32_t i = 0; i < asked.size(); ++i) blob_index.emplace(asked[i], i);
  for (const TreeBlobFact& fact : known) {
    git_oid blob;
    git_oid_fromraw(&blob, fact.blob.data());
    const auto at = blob_index.find(blob);
    if (at == blob_index.end()) continue;
    MemoKey key;
    git_oid_fromraw(&key.tree, fact.tree.data());
    key.node = at->second;
    const auto [it, inserted] = facts.try_emplace(key, &fact);
    if (!inserted && it->second != nullptr && it->second->paths != fact.paths) it->second = nullptr;
  }
  BlobSearch search(impl_->repo.get(), std::move(blobs), max_trees, &result);
  std::unordered_set<git_oid, OidHash, internal::OidEqual> searched;
  std::vector<TreeBlobFact> learning;
  for (uint32_t t = 0; t < impl_->tips.size(); ++t) {
    const Tip& tip = impl_->tips[t];
    if (tip.is_blob) {  // a tag naming a blob holds it at its own name (VersionsAt)
      if (search.holds(tip.object)) {
        result.places[internal::OidHex(tip.object)].push_back({t, tip.name});
      }
      continue;
    }
    std::vector<BlobSearch::Hit> hits;
    bool answered = !facts.empty();
    for (uint32_t i = 0; answered && i < asked.size(); ++i) {
      const auto it = facts.find(MemoKey{tip.object, i});
      if (it == facts.end() || it->second == nullptr) {
        answered = false;
        break;
      }
      for (const std::string& path : it->second->paths) hits.push_back({path, asked[i]});
    }
    if (!answered) {
      hits = search.hits(search.Search(tip.object, 0));
      if (learned != nullptr && searched.insert(tip.object).second) {
        for (const git_oid& blob : asked) {
          TreeBlobFact fact;
          std::copy_n(tip.object.id, GIT_OID_RAWSZ, fact.tree.begin());
          std::copy_n(blob.id, GIT_OID_RAWSZ, fact.blob.begin());
          for (const BlobSearch::Hit& hit : hits) {
            if (internal::OidEqual()(hit.blob, blob)) fact.paths.push_back(hit.path);
          }
          std::sort(fact.paths.begin(), fact.paths.end());
          learning.push_back(std::move(fact));
        }
      }
    }
    std::sort(hits.begin(), hits.end(),
              [](const BlobSearch::Hit& a, const BlobSearch::Hit& b) { return a.path < b.path; });
    for (const BlobSearch::Hit& hit : hits) {
      result.places[internal::OidHex(hit.blob)].push_back({t, hit.path});
    }
  }
  if (learned != nullptr && result.complete()) {
    learned->insert(learned->end(), std::make_move_iterator(learning.begin()),
                    std::make_move_iterator(learning.end()));
  }
  return result;
}

std::optional<std::string> RefPresence::ReadBlob(std::string_view blob_id, uint64_t max_size) {
  git_oid id;
  if (git_oid_fromstrn(&id, blob_id.data(), blob_id.size()) != 0) return std::nullopt;
  git_odb* raw_odb = nullptr;
  if (git_repository_odb(&raw_odb, impl_->repo.get()) != 0) return std::nullopt;
  internal::OdbPtr odb(raw_odb);
  size_t size = 0;
  git_object_t type = GIT_OBJECT_INVALID;
  if (git_odb_read_header(&size, &type, odb.get(), &id) != 0 || type != GIT_OBJECT_BLOB ||
      size > max_size) {
    return std::nullopt;
  }
  git_odb_object* raw = nullptr;
  if (git_odb_read(&raw, odb.get(), &id) != 0) return std::nullopt;
  internal::OdbObjectPtr object(raw);
  return std::string(static_cast<const char*>(git_odb_object_data(raw)),
                     git_odb_object_size(raw));
}

}  // namespace magpie::git
