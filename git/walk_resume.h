// Internal to git/: resuming a walk of every ref from an earlier one (issue 13), and keeping
// what a walk learned (git/history.h, WalkSnapshot).
//
// Why a merge gives exactly the full walk: the earlier walk's commits O (its commit list,
// WalkSnapshot::commit_ids) are everything reachable from its tips, so they are closed under
// parents, and the new commits N (reachable from the refs now, not from those tips: what a
// search from the refs reaches before it meets O) come after them in a full walk as long as every
// commit of N sorts after every commit of O by (committer time, id): Kahn's algorithm always
// has a ready commit of O, which it then prefers, until O is done; O is emitted in its own
// order, and N in the order of a walk of N alone. And the full walk walks O at all only if
// every earlier tip is still reachable from the refs: each must be a root now or a parent of a
// new commit (cheap to check; anything else, such as a deleted branch merged elsewhere, walks
// in full). Blobs introduced by trees and blobs that tags name are applied after every commit
// in a full walk: they are never part of a snapshot but applied on every run.
#ifndef MAGPIE_GIT_WALK_RESUME_H_
#define MAGPIE_GIT_WALK_RESUME_H_

#include <git2.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "git/history.h"
#include "git/history_walk.h"
#include "git/libgit2_util.h"

namespace magpie::git::internal {

using OidSet = std::unordered_set<git_oid, OidHash, OidEqual>;

// The greatest (committer time, id) of a walk: the commit every new one must sort after.
struct CommitKey {
  int64_t time = 0;
  git_oid id{};
  bool operator<(const CommitKey& o) const {
    return time != o.time ? time < o.time : git_oid_cmp(&id, &o.id) < 0;
  }
};

struct ResumePlan {
  OidSet new_commits;  // to walk: reachable from the roots, not from the earlier tips
  HistoryIndex index;  // the earlier walk's blobs; commits sized, ids of introducing ones set
  std::vector<std::pair<std::string, git_oid>> submodules;  // reported, in walk order
  CommitKey last;      // the greatest key walked so far, new commits included
};

// Checks `snapshot` (hostile input) and plans the walk from `root_commits`: "" and *plan, or
// why it cannot be resumed. `is_excluded` may be empty (nothing is excluded).
std::string PlanResume(git_repository* repo, const WalkSnapshot& snapshot,
                       const std::vector<git_oid>& root_commits,
                       const std::function<bool(std::string_view)>& is_excluded,
                       ResumePlan* plan);

// The snapshot of a walk of `index` (commits only: call before trees and blobs named by tags
// are applied) from `root_commits`. With `touched`, only those blobs' rows (delta).
WalkSnapshot TakeSnapshot(const HistoryIndex& index, const std::vector<git_oid>& root_commits,
                          const CommitKey& last,
                          const std::vector<std::pair<std::string, git_oid>>& submodules,
                          const OidSet* touched);

}  // namespace magpie::git::internal

#endif  // MAGPIE_GIT_WALK_RESUME_H_
