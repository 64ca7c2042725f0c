// RefPresence::FindAnywhere: where some blobs live now at any path of any tip, each distinct
// tree read once within a bound (git/ref_presence_impl.h's descent), or answered from an
// earlier run's facts.
#include <algorithm>
#include <iterator>
#include <string>
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
using BlobSet = std::unordered_set<git_oid, OidHash, internal::OidEqual>;

// The descent's question for FindAnywhere: every path below a tree holding one of the blobs
// (hits are rare, so their lists are too), at most max_trees trees read.
class BlobSearch {
 public:
  struct Item {  // a hit: a path below the tree, and the blob there
    std::string path;
    git_oid blob;
  };
  BlobSearch(BlobSet blobs, uint64_t max_trees, RefPresence::SearchResult* result)
      : blobs_(std::move(blobs)), max_trees_(max_trees), result_(*result) {}

  bool holds(const git_oid& blob) const { return blobs_.count(blob) > 0; }

  bool Admit() {
    if (result_.trees_read >= max_trees_) {
      result_.truncated = true;
      return false;
    }
    ++result_.trees_read;
    return true;
  }
  void Unreadable() { ++result_.trees_unreadable; }
  void Visit(const git_tree* tree, uint32_t, std::vector<Item>* items,
             std::vector<Subtree>* below) {
    const size_t count = git_tree_entrycount(tree);
    for (size_t i = 0; i < count; ++i) {
      const git_tree_entry* entry = git_tree_entry_byindex(tree, i);
      const git_object_t type = git_tree_entry_type(entry);
      if (type == GIT_OBJECT_BLOB && holds(*git_tree_entry_id(entry))) {
        items->push_back({git_tree_entry_name(entry), *git_tree_entry_id(entry)});
      } else if (type == GIT_OBJECT_TREE) {
        below->push_back({*git_tree_entry_id(entry), 0, git_tree_entry_name(entry)});
      }
    }
  }
  void Adopt(const Subtree& sub, const std::vector<Item>& held, std::vector<Item>* items) {
    for (const Item& hit : held) items->push_back({sub.name + '/' + hit.path, hit.blob});
  }

 private:
  BlobSet blobs_;
  uint64_t max_trees_;
  RefPresence::SearchResult& result_;
};

}  // namespace

RefPresence::SearchResult RefPresence::FindAnywhere(const std::vector<std::string>& blob_ids,
                                                    uint64_t max_trees) {
  return FindAnywhere(blob_ids, max_trees, {}, nullptr);
}

RefPresence::SearchResult RefPresence::FindAnywhere(const std::vector<std::string>& blob_ids,
                                                    uint64_t max_trees,
                                                    const std::vector<TreeBlobFact>& known,
                                                    std::vector<TreeBlobFact>* learned) {
  SearchResult result;
  BlobSet blobs;
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
  BlobSearch search(std::move(blobs), max_trees, &result);
  internal::TreeDescent<BlobSearch> descent(impl_->repo.get(), &search);
  std::unordered_set<git_oid, OidHash, internal::OidEqual> searched;
  std::vector<TreeBlobFact> learning;
  for (uint32_t t = 0; t < impl_->tips.size(); ++t) {
    const Impl::Tip& tip = impl_->tips[t];
    if (tip.is_blob) {  // a tag naming a blob holds it at its own name (VersionsAt)
      if (search.holds(tip.object)) {
        result.places[internal::OidHex(tip.object)].push_back({t, tip.name});
      }
      continue;
    }
    std::vector<BlobSearch::Item> hits;
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
      hits = descent.list(descent.Descend(tip.object, 0, 0));
      if (learned != nullptr && searched.insert(tip.object).second) {
        for (const git_oid& blob : asked) {
          TreeBlobFact fact;
          std::copy_n(tip.object.id, GIT_OID_RAWSZ, fact.tree.begin());
          std::copy_n(blob.id, GIT_OID_RAWSZ, fact.blob.begin());
          for (const BlobSearch::Item& hit : hits) {
            if (internal::OidEqual()(hit.blob, blob)) fact.paths.push_back(hit.path);
          }
          std::sort(fact.paths.begin(), fact.paths.end());
          learning.push_back(std::move(fact));
        }
      }
    }
    std::sort(hits.begin(), hits.end(),
              [](const BlobSearch::Item& a, const BlobSearch::Item& b) { return a.path < b.path; });
    for (const BlobSearch::Item& hit : hits) {
      result.places[internal::OidHex(hit.blob)].push_back({t, hit.path});
    }
  }
  if (learned != nullptr && result.complete()) {
    learned->insert(learned->end(), std::make_move_iterator(learning.begin()),
                    std::make_move_iterator(learning.end()));
  }
  return result;
}

}  // namespace magpie::git
