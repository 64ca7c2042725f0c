#include "git/walk_resume.h"

#include <algorithm>

#include "base/fault_injection.h"
#include "git/libgit2_util.h"

namespace magpie::git::internal {
namespace {

// Bounds on what a snapshot read back may claim, well above any real repository (Linux: 1.3M
// commits), so that a damaged one cannot make us allocate without limit (a commit costs about
// 150 bytes here: its id and the slot of its lazily read author and message).
constexpr uint64_t kMaxCommits = uint64_t{1} << 24;
constexpr size_t kMaxTips = size_t{1} << 22;
constexpr size_t kMaxPath = size_t{1} << 16;

static_assert(sizeof(RawOid) == GIT_OID_RAWSZ);

git_oid ToOid(const RawOid& raw) {
  git_oid id;
  git_oid_fromraw(&id, raw.data());
  return id;
}

// The commits an earlier walk walked, sorted: asked about only for the refs' tips and the new
// commits' parents, so a sorted array (one allocation) serves where a hash set of 203k nodes
// (git/git) cost a rescan tens of milliseconds of allocation and freeing.
class WalkedCommits {
 public:
  // False when an id is listed twice.
  bool Assign(const std::vector<git_oid>& commits) {
    ids_.assign(commits.begin(), commits.end());
    std::sort(ids_.begin(), ids_.end(), Less);
    return std::adjacent_find(ids_.begin(), ids_.end(), [](const git_oid& a, const git_oid& b) {
             return git_oid_cmp(&a, &b) == 0;
           }) == ids_.end();
  }
  bool Has(const git_oid& id) const {
    return std::binary_search(ids_.begin(), ids_.end(), id, Less);
  }

 private:
  static bool Less(const git_oid& a, const git_oid& b) { return git_oid_cmp(&a, &b) < 0; }
  std::vector<git_oid> ids_;
};

bool SanePath(const std::string& path) {
  return !path.empty() && path.size() <= kMaxPath && path.find('\0') == std::string::npos;
}

// Checks the commit list and fills plan->index.commits and *walked from it.
std::string ReadCommits(const WalkSnapshot& snapshot, ResumePlan* plan, WalkedCommits* walked) {
  if (snapshot.commits > kMaxCommits || snapshot.blobs.size() > kMaxCommits) {
    return "the walk cache claims too many commits or blobs";
  }
  if (snapshot.commit_ids.size() != snapshot.commits * GIT_OID_RAWSZ) {
    return "the walk cache does not list the commits it walked (kept by an older magpie)";
  }
  std::vector<git_oid>& commits = plan->index.commits;
  commits.resize(snapshot.commits);
  const auto* raw = reinterpret_cast<const unsigned char*>(snapshot.commit_ids.data());
  for (size_t i = 0; i < commits.size(); ++i) {
    git_oid_fromraw(&commits[i], raw + i * GIT_OID_RAWSZ);
  }
  if (!walked->Assign(commits)) return "the walk cache lists a commit twice";
  return "";
}

// Checks the rows and fills plan->index.blobs and plan->submodules from them (after
// ReadCommits).
std::string ReadRows(const WalkSnapshot& snapshot,
                     const std::function<bool(std::string_view)>& is_excluded,
                     ResumePlan* plan) {
  HistoryIndex& index = plan->index;
  index.blobs.reserve(snapshot.blobs.size());
  for (const WalkSnapshot::Blob& row : snapshot.blobs) {
    const git_oid blob = ToOid(row.blob_id);
    if (row.commit_order >= snapshot.commits || !SanePath(row.path) ||
        row.other_occurrences > UINT32_MAX) {
      return "the walk cache holds a malformed row";
    }
    const auto order = static_cast<uint32_t>(row.commit_order);
    if (!std::equal(row.commit.begin(), row.commit.end(), index.commits[order].id)) {
      return "the walk cache names another commit at a position than its commit list";
    }
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
    if (!SanePath(submodule.path)) return "the walk cache holds a malformed submodule row";
    plan->submodules.emplace_back(submodule.path, ToOid(submodule.commit));
  }
  if (snapshot.commits > 0) plan->last.id = ToOid(snapshot.last_commit);
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
  for (size_t i = 0; i < tips.size(); ++i) tips[i] = ToOid(snapshot.tips[i]);
  WalkedCommits walked;
  if (std::string why = ReadCommits(snapshot, plan, &walked); !why.empty()) return why;
  if (std::string why = ReadRows(snapshot, is_excluded, plan); !why.empty()) return why;
  // What the earlier walk says of itself must hold together: it walked its tips and its last
  // commit (a forged list could still leave commits out: walk_snapshot.h).
  for (const git_oid& tip : tips) {
    if (!walked.Has(tip)) return "the walk cache names a tip it did not walk";
  }
  if (snapshot.commits > 0 && !walked.Has(plan->last.id)) {
    return "the walk cache names a last commit it did not walk";
  }

  // The new commits: reachable from the refs now, not walked before. The walked commits are
  // closed under parents, so the search stops at the first walked one on each line: it reads
  // only the new commits, not the refs' whole history as a revwalk hiding every earlier tip
  // would (git/git: 4,294 refs cost seconds that way).
  if (fault::Triggered(fault::Point::kWalkResume)) {
    return LastError("cannot list the new commits");
  }
  OidSet parents_of_new;
  CommitKey newest = plan->last;
  std::vector<git_oid> stack;
  for (const git_oid& root : root_commits) {
    if (!walked.Has(root)) stack.push_back(root);
  }
  while (!stack.empty()) {
    const git_oid id = stack.back();
    stack.pop_back();
    if (plan->new_commits.count(id) != 0) continue;
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
    for (unsigned i = 0; i < n; ++i) {
      const git_oid& parent = *git_commit_parent_id(commit, i);
      parents_of_new.insert(parent);
      if (!walked.Has(parent)) stack.push_back(parent);
    }
  }
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
  for (const git_oid& root : root_commits) snapshot.tips.push_back(OidBytes(root));
  std::sort(snapshot.tips.begin(), snapshot.tips.end());
  snapshot.tips.erase(std::unique(snapshot.tips.begin(), snapshot.tips.end()),
                      snapshot.tips.end());
  snapshot.commits = index.commits.size();
  snapshot.last_time = last.time;
  if (!index.commits.empty()) snapshot.last_commit = OidBytes(last.id);
  const auto add = [&](const git_oid& id, const BlobRecord& record) {
    if (record.commit == kNoCommit) return;  // named by a tag: applied on every run
    snapshot.blobs.push_back({OidBytes(id), record.path, OidBytes(index.commits[record.commit]),
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
  for (const auto& [path, id] : submodules) snapshot.submodules.push_back({path, OidBytes(id)});
  snapshot.commit_ids.reserve(index.commits.size() * GIT_OID_RAWSZ);
  for (const git_oid& id : index.commits) {
    snapshot.commit_ids.append(reinterpret_cast<const char*>(id.id), GIT_OID_RAWSZ);
  }
  return snapshot;
}

}  // namespace magpie::git::internal
