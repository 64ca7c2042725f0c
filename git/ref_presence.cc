#include "git/ref_presence.h"

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>
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

// A looked-up path in a tree: the blob there, or none.
struct Lookup {
  bool found = false;
  git_oid blob{};
};

struct MemoKey {
  git_oid tree;
  std::string path;
  bool operator==(const MemoKey& other) const {
    return internal::OidEqual()(tree, other.tree) && path == other.path;
  }
};
struct MemoHash {
  size_t operator()(const MemoKey& key) const {
    return OidHash()(key.tree) ^ (std::hash<std::string>()(key.path) * 31);
  }
};

}  // namespace

struct RefPresence::Impl {
  RepoPtr repo;
  std::vector<Tip> tips;
  std::vector<std::string> names;
  size_t unreadable_tips = 0;
  size_t unreadable_lookups = 0;
  std::unordered_map<MemoKey, Lookup, MemoHash> memo;
  // Trees parsed so far: each looked up (inflated, deltas resolved) once, not once per path
  // asked about; libgit2's own cache is shared with the history walk and may have evicted them.
  std::unordered_map<git_oid, TreePtr, OidHash, internal::OidEqual> trees;

  git_tree* Tree(const git_oid& id) {
    auto it = trees.find(id);
    if (it != trees.end()) return it->second.get();
    git_tree* tree = nullptr;
    if (git_tree_lookup(&tree, repo.get(), &id) != 0) tree = nullptr;
    trees.emplace(id, TreePtr(tree));
    return tree;
  }

  // Adds `object` (any type) as the tip `name`, peeled to a tree or a blob.
  void AddTip(git_object* object, std::string name) {
    git_object* peeled = nullptr;
    const git_object_t type = git_object_type(object);
    Tip tip;
    tip.name = std::move(name);
    if (type == GIT_OBJECT_BLOB) {
      tip.object = *git_object_id(object);
      tip.is_blob = true;
    } else if (git_object_peel(&peeled, object, GIT_OBJECT_TREE) == 0) {
      ObjectPtr owned(peeled);
      tip.object = *git_object_id(peeled);
    } else if (type == GIT_OBJECT_TAG && git_object_peel(&peeled, object, GIT_OBJECT_BLOB) == 0) {
      ObjectPtr owned(peeled);
      tip.object = *git_object_id(peeled);
      tip.is_blob = true;
    } else {
      ++unreadable_tips;
      return;
    }
    tips.push_back(std::move(tip));
  }

  // The blob at `path` below `tree`; memoised, so shared subtrees are read once.
  Lookup Resolve(const git_oid& tree_id, std::string_view path) {
    MemoKey key{tree_id, std::string(path)};
    if (auto it = memo.find(key); it != memo.end()) return it->second;
    Lookup result;
    git_tree* tree = Tree(tree_id);
    if (tree == nullptr) {
      ++unreadable_lookups;
    } else {
      const size_t slash = path.find('/');
      const std::string name(path.substr(0, slash));
      if (const git_tree_entry* entry = git_tree_entry_byname(tree, name.c_str())) {
        const git_object_t type = git_tree_entry_type(entry);
        if (slash == std::string_view::npos) {
          if (type == GIT_OBJECT_BLOB) result = {true, *git_tree_entry_id(entry)};
        } else if (type == GIT_OBJECT_TREE) {
          const git_oid sub = *git_tree_entry_id(entry);
          result = Resolve(sub, path.substr(slash + 1));
        }
      }
    }
    memo.emplace(std::move(key), result);
    return result;
  }
};

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
  std::vector<Version> versions;
  std::unordered_map<git_oid, size_t, OidHash, internal::OidEqual> index;
  for (uint32_t i = 0; i < impl_->tips.size(); ++i) {
    const Tip& tip = impl_->tips[i];
    Lookup lookup;
    if (tip.is_blob) {
      if (tip.name == path) lookup = {true, tip.object};
    } else if (!path.empty()) {
      lookup = impl_->Resolve(tip.object, path);
    }
    if (!lookup.found) continue;
    auto [it, inserted] = index.try_emplace(lookup.blob, versions.size());
    if (inserted) versions.push_back({internal::OidHex(lookup.blob), {}});
    versions[it->second].tips.push_back(i);
  }
  return versions;
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
