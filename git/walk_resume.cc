#include "git/walk_resume.h"

#include <algorithm>

#include "base/fault_injection.h"

namespace magpie::git::internal {
namespace {

// Bounds on what a snapshot read back may claim, well above any real repository (Linux: 1.3M
// commits), so that a damaged one cannot make us allocate without limit (a commit costs about
// 150 bytes here: its id and the slot of its lazily read author and message).
constexpr uint64_t kMaxCommits = uint64_t{1} << 24;
constexpr size_t kMaxTips = size_t{1} << 22;
constexpr size_t kMaxPath = size_t{1} << 16;

bool ParseOid(const std::string& hex, git_oid* out) {
  return hex.size() == GIT_OID_HEXSZ && git_oid_fromstrn(out, hex.data(), hex.size()) == 0;
}

bool SanePath(const std::string& path) {
  return !path.empty() && path.size() <= kMaxPath && path.find('\0') == std::string::npos;
}

// Checks the rows and fills plan->index and plan->submodules from them.
std::string ReadRows(const WalkSnapshot& snapshot,
                     const std::function<bool(std::string_view)>& is_excluded,
                     ResumePlan* plan) {
  if (snapshot.commits > kMaxCommits || snapshot.blobs.size() > kMaxCommits) {
    return "the walk cache claims too many commits or blobs";
  }
  HistoryIndex& index = plan->index;
  index.commits.assign(snapshot.commits, git_oid{});
  std::vector<char> named(snapshot.commits, 0);
  index.blobs.reserve(snapshot.blobs.size());
  for (const WalkSnapshot::Blob& row : snapshot.blobs) {
    git_oid blob;
    git_oid commit;
    if (!ParseOid(row.blob_id, &blob) || !ParseOid(row.commit, &commit) ||
        row.commit_order >= snapshot.commits || !SanePath(row.path) ||
        row.other_occurrences > UINT32_MAX) {
      return "the walk cache holds a malformed row";
    }
    const auto order = static_cast<uint32_t>(row.commit_order);
    if (named[order] != 0 && !OidEqual()(index.commits[order], commit)) {
      return "the walk cache names two commits at one position";
    }
    named[order] = 1;
    index.commits[order] = commit;
    // Only a row that says "excluded" can make a blob skipped: it must be at a path that the
    // patterns exclude now (the snapshot is kept per set of patterns).
    if (row.excluded && !(is_excluded && is_excluded(row.path))) {
      return "the walk cache marks a blob excluded at a path that is not";
    }
    auto [it, inserted] = index.blobs.try_emplace(blob);
    if (!inserted) return "the walk cache lists a blob twice";
    it->second.commit = order;
    it->second.other_occurrences = static_cast<uint32_t>(row.other_occurrences);
    it->second.excluded = row.excluded;
    it->second.path = row.path;
  }
  for (const WalkSnapshot::Submodule& submodule : snapshot.submodules) {
    git_oid id;
    if (!SanePath(submodule.path) || !ParseOid(submodule.commit, &id)) {
      return "the walk cache holds a malformed submodule row";
    }
    plan->submodules.emplace_back(submodule.path, id);
  }
  if (!snapshot.last_commit.empty() && !ParseOid(snapshot.last_commit, &plan->last.id)) {
    return "the walk cache holds a malformed commit id";
  }
  plan->last.time = snapshot.last_time;
  return "";
}

}  // namespace

std::string PlanResume(git_repository* repo, const WalkSnapshot& snapshot,
                       const std::vector<git_oid>& root_commits,
                       const std::function<bool(std::string_view)>& is_excluded,
                       ResumePlan* plan) {
  if (snapshot.tips.size() > kMaxTips) return "the walk cache lists too many tips";
  std::vector<git_oid> tips(snapshot.tips.size());
  for (size_t i = 0; i < tips.size(); ++i) {
    if (!ParseOid(snapshot.tips[i], &tips[i])) return "the walk cache holds a malformed tip";
  }
  if (std::string why = ReadRows(snapshot, is_excluded, plan); !why.empty()) return why;

  // The new commits: reachable from the refs now, hiding everything the tips reach (libgit2
  // stops as soon as every commit left to look at is hidden).
  git_revwalk* raw = nullptr;
  if (fault::Triggered(fault::Point::kWalkResume) || git_revwalk_new(&raw, repo) != 0) {
    return LastError("cannot list the new commits");
  }
  std::unique_ptr<git_revwalk, void (*)(git_revwalk*)> walk(raw, git_revwalk_free);
  for (const git_oid& tip : tips) {
    if (git_revwalk_hide(walk.get(), &tip) != 0) {
      return "an earlier tip (" + OidHex(tip) + ") is no longer a commit in the repository";
    }
  }
  for (const git_oid& root : root_commits) {
    if (git_revwalk_push(walk.get(), &root) != 0) return LastError("cannot list new commits");
  }
  OidSet parents_of_new;
  CommitKey newest = plan->last;
  git_oid id;
  int rc;
  while ((rc = git_revwalk_next(&id, walk.get())) == 0) {
    git_commit* commit = nullptr;
    if (git_commit_lookup(&commit, repo, &id) != 0) {
      return LastError("cannot read new commit " + OidHex(id));
    }
    CommitPtr owned(commit);
    const CommitKey key{git_commit_time(commit), id};
    if (!(plan->last < key)) {
      return "a new commit (" + OidHex(id) + ") is not newer than every commit walked before";
    }
    if (newest < key) newest = key;
    plan->new_commits.insert(id);
    const unsigned n = git_commit_parentcount(commit);
    for (unsigned i = 0; i < n; ++i) parents_of_new.insert(*git_commit_parent_id(commit, i));
  }
  if (rc != GIT_ITEROVER) return LastError("cannot list the new commits");
  plan->last = newest;
  // Every earlier tip must still be walked, or the merge would keep commits no ref holds.
  const OidSet roots(root_commits.begin(), root_commits.end());
  for (const git_oid& tip : tips) {
    if (roots.count(tip) == 0 && parents_of_new.count(tip) == 0) {
      return "a ref no longer holds an earlier tip (" + OidHex(tip) +
             "): a branch was deleted, moved back or force-pushed";
    }
  }
  return "";
}

WalkSnapshot TakeSnapshot(const HistoryIndex& index, const std::vector<git_oid>& root_commits,
                          const CommitKey& last,
                          const std::vector<std::pair<std::string, git_oid>>& submodules,
                          const OidSet* touched) {
  WalkSnapshot snapshot;
  for (const git_oid& root : root_commits) snapshot.tips.push_back(OidHex(root));
  std::sort(snapshot.tips.begin(), snapshot.tips.end());
  snapshot.tips.erase(std::unique(snapshot.tips.begin(), snapshot.tips.end()),
                      snapshot.tips.end());
  snapshot.commits = index.commits.size();
  snapshot.last_time = last.time;
  if (!index.commits.empty()) snapshot.last_commit = OidHex(last.id);
  const auto add = [&](const git_oid& id, const BlobRecord& record) {
    if (record.commit == kNoCommit) return;  // named by a tag: applied on every run
    snapshot.blobs.push_back({OidHex(id), record.path, OidHex(index.commits[record.commit]),
                              record.commit, record.other_occurrences, record.excluded});
  };
  if (touched != nullptr) {
    snapshot.delta = true;
    for (const git_oid& id : *touched) {
      if (auto it = index.blobs.find(id); it != index.blobs.end()) add(id, it->second);
    }
  } else {
    snapshot.blobs.reserve(index.blobs.size());
    for (const auto& [id, record] : index.blobs) add(id, record);
  }
  for (const auto& [path, id] : submodules) snapshot.submodules.push_back({path, OidHex(id)});
  return snapshot;
}

}  // namespace magpie::git::internal
