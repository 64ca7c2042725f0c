// RefPresence: listing the tips (branches, remote-tracking branches, tags, a detached HEAD)
// and reading a blob. The two questions about them are answered in ref_presence_paths.cc
// (VersionsAt) and ref_presence_search.cc (FindAnywhere).
#include "git/ref_presence.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

#include "base/fault_injection.h"
#include "git/libgit2_util.h"
#include "git/ref_presence_impl.h"

namespace magpie::git {
namespace {

using internal::ObjectPtr;
using internal::ReferencePtr;
using internal::RepoPtr;

// Report order of a ref name: branches, remote-tracking branches, tags, anything else.
int RefRank(std::string_view name) {
  if (name.rfind("refs/heads/", 0) == 0) return 0;
  if (name.rfind("refs/remotes/", 0) == 0) return 1;
  if (name.rfind("refs/tags/", 0) == 0) return 2;
  return 3;
}

bool IsTipRef(std::string_view name) { return RefRank(name) < 3; }

}  // namespace

// Adds `object` (any type) as the tip `name`, peeled to a tree or a blob. A commit is peeled by
// its tree's id, which the commit names: git_object_peel would read and parse the root tree of
// every tip (a deltified object, often deep in its chain), ~8% of a rescan of git/git's full
// mirror whose trees the store's facts then answer without reading them (issue 13). The tree
// must exist, as peeling required; a tree that exists but cannot be read is counted when it is
// looked into (unreadable_lookups), as any subtree is.
void RefPresence::Impl::AddTip(git_object* object, std::string name) {
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
  for (const Impl::Tip& tip : impl->tips) impl->names.push_back(tip.name);
  return std::unique_ptr<RefPresence>(new RefPresence(std::move(impl)));
}

const std::vector<std::string>& RefPresence::tips() const { return impl_->names; }
size_t RefPresence::unreadable_tips() const { return impl_->unreadable_tips; }
size_t RefPresence::unreadable_lookups() const { return impl_->unreadable_lookups; }

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
