#include "git/history_walk.h"

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/task_group.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <memory>
#include <optional>
#include <queue>
#include <unordered_set>
#include <utility>

#include "base/phase_timer.h"
#include "base/fault_injection.h"
#include "git/commit_table.h"
#include "git/pack_blobs.h"
#include "git/tree_diff.h"
#include "git/walk_resume.h"

namespace magpie::git::internal {
namespace {

template <typename V>
using OidMap = std::unordered_map<git_oid, V, OidHash, OidEqual>;

struct Node {
  git_oid id;
  git_oid tree;
  int64_t time = 0;
  std::vector<git_oid> parents;   // all of them, walked or not (hidden parents still diff)
  std::vector<uint32_t> children;  // walked children, as indices into nodes_
  uint32_t pending_parents = 0;    // walked parents not yet emitted (Kahn's algorithm)
};

// Where the walk starts: commits, plus trees and blobs that tags point at directly.
struct Roots {
  std::vector<git_oid> commits;
  std::vector<git_oid> trees;
  std::vector<std::pair<git_oid, std::string>> blobs;  // with the ref's name as path
};

class Walker {
 public:
  Walker(git_repository* repo, const HistoryOptions& options,
         const DiagnosticCallback& on_diagnostic, HistoryIndex* out)
      : repo_(repo), options_(options), on_diagnostic_(on_diagnostic), out_(out) {
    ReadShallowFile();
  }

  void CollectAllRefs(Roots* roots);
  bool ResolveRevs(const std::vector<std::string>& revs, Roots* roots, std::string* error);
  bool Hide(const std::string& since, std::string* error);
  // Reads the packs' commits on every core for LoadGraph, Hide and the hidden parents' trees
  // (commit_table.h); without it every commit is read through libgit2 on this thread.
  void ReadCommitTable();
  void LoadGraph(const std::vector<git_oid>& starts);
  void DiffCommitsInOrder();
  void DiffRoots(const Roots& roots);
  // Starts from an earlier walk (walk_resume.h): only plan.new_commits are walked.
  void Resume(ResumePlan plan);
  bool shallow() const { return !shallow_.empty(); }
  // No problem was reported (submodules apart): what the walk learned is complete.
  bool clean() const { return problems_ == 0 && failed_.empty(); }
  CommitKey Newest() const;
  const std::vector<std::pair<std::string, git_oid>>& submodules() const { return submodules_; }
  const OidSet& touched() const { return touched_; }

 private:
  void ReadShallowFile();
  void AddRoot(git_object* object, const std::string& name, Roots* roots);
  void Report(DiagnosticKind kind, const git_oid* oid, const std::string& path,
              std::string message);
  std::optional<git_oid> TreeOfCommit(git_repository* repo, const git_oid& commit) const;
  std::vector<uint32_t> TopologicalOrder();
  void MarkExcluded(CommitDiff* diff) const;
  // The packs the diffs read trees from (tree_reader.h), opened on first use; null when no
  // pack opens (every tree through libgit2).
  const PackBlobs* TreePacks();
  void Apply(const CommitDiff& diff, uint32_t commit);
  void Introduce(const git_oid& blob, const std::string& path, uint32_t commit, bool excluded);

  git_repository* repo_;
  const HistoryOptions& options_;
  const DiagnosticCallback& on_diagnostic_;
  HistoryIndex* out_;
  OidSet shallow_;  // commits whose parents a shallow clone left out
  OidSet hidden_;   // reachable from `since`
  OidSet failed_;   // commits LoadGraph could not read; read-only once the diffs start
  OidSet reported_;  // objects already reported as unreadable (Apply's, on the calling thread)
  std::vector<Node> nodes_;
  OidMap<uint32_t> node_index_;
  std::unordered_set<std::string> reported_submodules_;
  std::vector<std::pair<std::string, git_oid>> submodules_;  // reported, in walk order
  uint64_t problems_ = 0;     // diagnostics other than submodules
  OidSet new_commits_;        // resumed: the only commits to walk
  bool resumed_ = false;
  OidSet touched_;            // resumed: blobs whose record this walk changed
  CommitTable table_;         // read-only once read: the diff workers look in it too
  std::unique_ptr<PackBlobs> tree_packs_;
  bool tree_packs_opened_ = false;
};

// Commits diffed in parallel between two sequential merges of their results, in walk order.
constexpr size_t kDiffBatch = 1024;
// The delta-base cache of the trees' packs: git deltifies trees against their neighbours in
// history, so a chain's bases are the trees read just before.
constexpr uint64_t kTreeCacheBytes = uint64_t{32} << 20;

void Walker::ReadShallowFile() {
  std::ifstream in(std::string(git_repository_commondir(repo_)) + "shallow");
  std::string line;
  git_oid oid;
  while (std::getline(in, line)) {
    if (git_oid_fromstrn(&oid, line.data(), line.size()) == 0) shallow_.insert(oid);
  }
}

void Walker::Report(DiagnosticKind kind, const git_oid* oid, const std::string& path,
                    std::string message) {
  if (kind != DiagnosticKind::kSubmodule) ++problems_;
  if (!on_diagnostic_) return;
  GitDiagnostic d;
  d.kind = kind;
  if (oid != nullptr) d.object = OidHex(*oid);
  d.path = path;
  d.message = std::move(message);
  on_diagnostic_(d);
}

void Walker::AddRoot(git_object* object, const std::string& name, Roots* roots) {
  // Annotated tags are peeled to what they name (GIT_OBJECT_ANY would also peel a commit to
  // its tree).
  ObjectPtr owned;
  if (git_object_type(object) == GIT_OBJECT_TAG) {
    git_object* peeled = nullptr;
    if (git_object_peel(&peeled, object, GIT_OBJECT_ANY) != 0) {
      Report(DiagnosticKind::kBadRef, git_object_id(object), name,
             LastError("cannot peel '" + name + "'"));
      return;
    }
    owned.reset(peeled);
    object = peeled;
  }
  const git_oid& id = *git_object_id(object);
  switch (git_object_type(object)) {
    case GIT_OBJECT_COMMIT: roots->commits.push_back(id); break;
    case GIT_OBJECT_TREE: roots->trees.push_back(id); break;
    case GIT_OBJECT_BLOB: roots->blobs.emplace_back(id, name); break;
    default: break;
  }
}

void Walker::CollectAllRefs(Roots* roots) {
  struct Payload {
    Walker* walker;
    Roots* roots;
  } payload{this, roots};
  // Symbolic refs (HEAD, origin/HEAD) name refs that are listed themselves; skipping them
  // also skips a dangling origin/HEAD, which is harmless.
  git_reference_foreach(
      repo_,
      [](git_reference* ref, void* data) -> int {
        auto* p = static_cast<Payload*>(data);
        ReferencePtr owned(ref);
        if (git_reference_type(ref) != GIT_REFERENCE_DIRECT) return 0;
        std::string name = git_reference_name(ref);
        git_object* object = nullptr;
        const git_oid* target = git_reference_target(ref);
        if (target == nullptr ||
            git_object_lookup(&object, git_reference_owner(ref), target, GIT_OBJECT_ANY) != 0) {
          p->walker->Report(DiagnosticKind::kBadRef, git_reference_target(ref), name,
                            LastError("cannot resolve ref '" + name + "'"));
          return 0;
        }
        ObjectPtr owned_object(object);
        p->walker->AddRoot(object, name, p->roots);
        return 0;
      },
      &payload);
  // HEAD itself, for a detached HEAD; an unborn branch just has no commits.
  git_object* head = nullptr;
  if (git_revparse_single(&head, repo_, "HEAD") == 0) {
    ObjectPtr owned(head);
    AddRoot(head, "HEAD", roots);
  }
}

bool Walker::ResolveRevs(const std::vector<std::string>& revs, Roots* roots,
                         std::string* error) {
  for (const std::string& rev : revs) {
    git_object* object = nullptr;
    if (git_revparse_single(&object, repo_, rev.c_str()) != 0) {
      *error = LastError("unknown revision '" + rev + "'");
      return false;
    }
    ObjectPtr owned(object);
    AddRoot(object, rev, roots);
  }
  return true;
}

bool Walker::Hide(const std::string& since, std::string* error) {
  git_object* object = nullptr;
  if (git_revparse_single(&object, repo_, since.c_str()) != 0) {
    *error = LastError("unknown revision '" + since + "'");
    return false;
  }
  ObjectPtr owned(object);
  git_object* peeled = nullptr;
  if (git_object_peel(&peeled, object, GIT_OBJECT_COMMIT) != 0) {
    *error = LastError("'" + since + "' is not a commit");
    return false;
  }
  ObjectPtr owned_commit(peeled);
  // Everything reachable from `since`; a missing ancestor (shallow clone) ends that line.
  std::vector<git_oid> stack{*git_object_id(peeled)};
  while (!stack.empty()) {
    git_oid id = stack.back();
    stack.pop_back();
    if (!hidden_.insert(id).second) continue;
    if (shallow_.count(id) != 0) continue;
    if (const CommitTable::Commit* known = table_.Find(id)) {
      for (const git_oid& parent : table_.parents(*known)) stack.push_back(parent);
      continue;
    }
    git_commit* commit = nullptr;
    if (git_commit_lookup(&commit, repo_, &id) != 0) continue;
    CommitPtr owned_c(commit);
    unsigned n = git_commit_parentcount(commit);
    for (unsigned i = 0; i < n; ++i) stack.push_back(*git_commit_parent_id(commit, i));
  }
  return true;
}

void Walker::ReadCommitTable() {
  PhaseTimer timer("walk: commits from the packs");
  table_ = ReadPackedCommits(std::string(git_repository_commondir(repo_)) + "objects/");
}

void Walker::LoadGraph(const std::vector<git_oid>& starts) {
  PhaseTimer timer("walk: load graph");
  std::vector<git_oid> stack(starts.rbegin(), starts.rend());
  while (!stack.empty()) {
    git_oid id = stack.back();
    stack.pop_back();
    if (node_index_.count(id) != 0 || hidden_.count(id) != 0 || failed_.count(id) != 0 ||
        (resumed_ && new_commits_.count(id) == 0)) {
      continue;
    }
    Node node;
    node.id = id;
    const bool keep_parents = shallow_.count(id) == 0;
    if (const CommitTable::Commit* known = table_.Find(id)) {
      node.tree = known->tree;
      node.time = known->time;
      if (keep_parents) {
        const auto parents = table_.parents(*known);
        node.parents.assign(parents.begin(), parents.end());
      }
    } else {
      git_commit* commit = nullptr;
      int rc = git_commit_lookup(&commit, repo_, &id);
      if (rc != 0) {
        failed_.insert(id);
        Report(KindForError(rc), &id, "", LastError("cannot read commit " + OidHex(id)));
        continue;
      }
      CommitPtr owned(commit);
      node.tree = *git_commit_tree_id(commit);
      node.time = git_commit_time(commit);
      if (keep_parents) {
        unsigned n = git_commit_parentcount(commit);
        for (unsigned i = 0; i < n; ++i) node.parents.push_back(*git_commit_parent_id(commit, i));
      }
    }
    for (auto it = node.parents.rbegin(); it != node.parents.rend(); ++it) stack.push_back(*it);
    node_index_.emplace(id, static_cast<uint32_t>(nodes_.size()));
    nodes_.push_back(std::move(node));
  }
  for (uint32_t i = 0; i < nodes_.size(); ++i) {
    for (const git_oid& parent : nodes_[i].parents) {
      auto it = node_index_.find(parent);
      if (it == node_index_.end()) continue;
      nodes_[it->second].children.push_back(i);
      ++nodes_[i].pending_parents;
    }
  }
}

std::optional<git_oid> Walker::TreeOfCommit(git_repository* repo, const git_oid& id) const {
  auto it = node_index_.find(id);
  if (it != node_index_.end()) return nodes_[it->second].tree;
  if (failed_.count(id) != 0) return std::nullopt;
  if (const CommitTable::Commit* known = table_.Find(id)) return known->tree;
  git_commit* commit = nullptr;  // a hidden parent, outside the walked range
  if (git_commit_lookup(&commit, repo, &id) != 0) return std::nullopt;
  CommitPtr owned(commit);
  return *git_commit_tree_id(commit);
}

void Walker::Introduce(const git_oid& blob, const std::string& path, uint32_t commit,
                       bool excluded) {
  auto [it, inserted] = out_->blobs.try_emplace(blob);
  BlobRecord& record = it->second;
  if (options_.record_introductions) out_->introductions[blob].emplace_back(commit, path);
  if (resumed_) touched_.insert(blob);
  if (!inserted) ++record.other_occurrences;
  // The first introduction decides, unless it was at an excluded path and this one is not:
  // the blob is then reported here (an ignored copy must not hide a live one).
  if (inserted || (record.excluded && !excluded)) {
    record.commit = commit;
    record.path = path;
    record.excluded = excluded;
  }
}

const PackBlobs* Walker::TreePacks() {
  if (!tree_packs_opened_) {
    tree_packs_opened_ = true;
    // pack_reads off is the libgit2-only reference of the equivalence tests and benchmarks:
    // trees too, so that a difference in the raw tree reads shows against it.
    if (!options_.pack_reads) return nullptr;
    size_t unopened = 0;
    tree_packs_ = PackBlobs::Open(std::string(git_repository_commondir(repo_)) + "objects/",
                                  kTreeCacheBytes, &unopened);
    if (tree_packs_->packs() == 0) tree_packs_.reset();
  }
  return tree_packs_.get();
}

void Walker::MarkExcluded(CommitDiff* diff) const {
  if (!options_.is_excluded) return;
  for (TreeChange& change : diff->blobs) change.excluded = options_.is_excluded(change.path);
}

std::vector<uint32_t> Walker::TopologicalOrder() {
  // Kahn's algorithm; among commits whose walked parents are all done, the oldest first
  // (then by id, so the order does not depend on ref iteration order).
  auto later = [this](uint32_t a, uint32_t b) {
    if (nodes_[a].time != nodes_[b].time) return nodes_[a].time > nodes_[b].time;
    return git_oid_cmp(&nodes_[a].id, &nodes_[b].id) > 0;
  };
  std::priority_queue<uint32_t, std::vector<uint32_t>, decltype(later)> ready(later);
  for (uint32_t i = 0; i < nodes_.size(); ++i) {
    if (nodes_[i].pending_parents == 0) ready.push(i);
  }
  std::vector<uint32_t> order;
  order.reserve(nodes_.size());
  while (!ready.empty()) {
    const uint32_t n = ready.top();
    ready.pop();
    order.push_back(n);
    for (uint32_t child : nodes_[n].children) {
      if (--nodes_[child].pending_parents == 0) ready.push(child);
    }
  }
  return order;
}

void Walker::Apply(const CommitDiff& diff, uint32_t commit) {
  for (const TreeProblem& problem : diff.problems) {
    if (failed_.count(problem.id) == 0 && reported_.insert(problem.id).second) {
      Report(problem.kind, &problem.id, problem.path, problem.message);
    }
  }
  for (const TreeChange& change : diff.blobs) {
    Introduce(change.id, change.path, commit, change.excluded);
  }
  for (const TreeChange& change : diff.submodules) {
    if (reported_submodules_.insert(change.path).second) {
      submodules_.emplace_back(change.path, change.id);
      Report(DiagnosticKind::kSubmodule, &change.id, change.path,
             "submodule at '" + change.path + "' not scanned (scan its repository separately)");
    }
  }
}

void Walker::DiffCommitsInOrder() {
  PhaseTimer timer("walk: tree diffs");
  const std::vector<uint32_t> order = TopologicalOrder();
  // Resumed: the earlier walk's commits come first (walk_resume.h says why that is the order
  // of a full walk).
  const size_t base = out_->commits.size();
  out_->commits.reserve(base + order.size());
  for (uint32_t n : order) out_->commits.push_back(nodes_[n].id);

  // Tree diffs are independent of each other: run them on every core, each thread with its
  // own repository handle, then fold the results in walk order so that "first introduction"
  // stays deterministic. A git_repository is never shared between threads (libgit2 does not
  // make that safe), not even this thread's repo_: a worker whose handle cannot be opened
  // (EMFILE) reports its commits as not diffed instead (issue 14).
  const std::string git_dir = git_repository_path(repo_);
  const PackBlobs* packs = TreePacks();
  struct WorkerRepo {
    RepoPtr repo;
    std::string error;
    std::unique_ptr<TreeReader> trees;  // reads through `repo`
  };
  tbb::enumerable_thread_specific<WorkerRepo> repos([&git_dir, packs] {
    WorkerRepo worker;
    if (fault::Triggered(fault::Point::kGitWorkerRepository)) {
      worker.error = "cannot open the repository for a worker thread: injected fault";
    } else {
      worker.repo = OpenRepository(git_dir, &worker.error);
    }
    if (worker.repo) worker.trees = std::make_unique<TreeReader>(worker.repo.get(), packs);
    return worker;
  });
  // Batch b+1 is diffed (on the workers) while batch b is folded in (on this thread, where
  // on_diagnostic must be called): the fold never waits for a core the diffs could use.
  const auto diff_batch = [&](size_t start, std::vector<CommitDiff>* diffs) {
    const size_t end = std::min(order.size(), start + kDiffBatch);
    diffs->resize(end - start);
    tbb::parallel_for(tbb::blocked_range<size_t>(start, end, 16),
                      [&](const tbb::blocked_range<size_t>& range) {
                        WorkerRepo& worker = repos.local();
                        git_repository* repo = worker.repo.get();
                        std::vector<git_oid> parent_trees;
                        for (size_t k = range.begin(); k != range.end(); ++k) {
                          const Node& node = nodes_[order[k]];
                          CommitDiff& diff = (*diffs)[k - start];
                          diff.Clear();
                          if (repo == nullptr) {
                            diff.problems.push_back({node.id, "", DiagnosticKind::kUnreadable,
                                                     "commit " + OidHex(node.id) +
                                                         " not diffed: " + worker.error});
                            continue;
                          }
                          parent_trees.clear();
                          for (const git_oid& parent : node.parents) {
                            if (auto tree = TreeOfCommit(repo, parent)) {
                              parent_trees.push_back(*tree);
                            }
                          }
                          DiffAgainstParents(worker.trees.get(), node.tree, parent_trees,
                                             &diff);
                          MarkExcluded(&diff);
                        }
                      });
  };
  std::vector<CommitDiff> ready;
  std::vector<CommitDiff> next;
  if (!order.empty()) diff_batch(0, &ready);
  for (size_t start = 0; start < order.size(); start += kDiffBatch) {
    const size_t following = start + kDiffBatch;
    tbb::task_group diffing;
    if (following < order.size()) diffing.run([&] { diff_batch(following, &next); });
    for (size_t k = 0; k < ready.size(); ++k) {
      Apply(ready[k], static_cast<uint32_t>(base + start + k));
    }
    diffing.wait();
    ready.swap(next);
  }
}

void Walker::DiffRoots(const Roots& roots) {
  CommitDiff diff;
  TreeReader trees(repo_, roots.trees.empty() ? nullptr : TreePacks());
  for (const git_oid& tree : roots.trees) {
    diff.Clear();
    DiffAgainstParents(&trees, tree, {}, &diff);
    MarkExcluded(&diff);
    Apply(diff, kNoCommit);
  }
  for (const auto& [blob, name] : roots.blobs) {
    Introduce(blob, name, kNoCommit, options_.is_excluded && options_.is_excluded(name));
  }
}

void Walker::Resume(ResumePlan plan) {
  *out_ = std::move(plan.index);
  new_commits_ = std::move(plan.new_commits);
  resumed_ = true;
  // The earlier walk's submodules are reported again, first, as a full walk would.
  for (auto& [path, id] : plan.submodules) {
    if (!reported_submodules_.insert(path).second) continue;
    Report(DiagnosticKind::kSubmodule, &id, path,
           "submodule at '" + path + "' not scanned (scan its repository separately)");
    submodules_.emplace_back(std::move(path), id);
  }
}

CommitKey Walker::Newest() const {
  CommitKey newest;
  for (const Node& node : nodes_) {
    const CommitKey key{node.time, node.id};
    if (newest < key) newest = key;
  }
  return newest;
}

}  // namespace

bool WalkHistory(git_repository* repo, const HistoryOptions& options,
                 const DiagnosticCallback& on_diagnostic, HistoryIndex* out,
                 std::string* error, WalkOutcome* outcome) {
  Walker walker(repo, options, on_diagnostic, out);
  Roots roots;
  if (options.refs.empty()) {
    walker.CollectAllRefs(&roots);
  } else if (!walker.ResolveRevs(options.refs, &roots, error)) {
    return false;
  }
  // Only a walk of every ref can be resumed or kept (issue 13, walk_resume.h).
  const bool whole =
      options.refs.empty() && options.since.empty() && !options.record_introductions;
  // A resumed walk reads only the few commits new since the last one: the packs' every
  // commit would cost it more than it saves.
  const bool may_resume = whole && options.resume_from != nullptr;
  if (!may_resume) walker.ReadCommitTable();
  if (!options.since.empty() && !walker.Hide(options.since, error)) return false;
  CommitKey last;
  if (whole && options.resume_from != nullptr) {
    PhaseTimer timer("resume plan");
    ResumePlan plan;
    outcome->refused = walker.shallow() ? "the repository is a shallow clone"
                                        : PlanResume(repo, *options.resume_from, roots.commits,
                                                     options.is_excluded, &plan);
    if (outcome->refused.empty()) {
      last = plan.last;
      walker.Resume(std::move(plan));
      outcome->resumed = true;
    }
  }
  if (may_resume && !outcome->resumed) walker.ReadCommitTable();
  walker.LoadGraph(roots.commits);
  walker.DiffCommitsInOrder();
  if (whole && options.take_snapshot && walker.clean() && !walker.shallow()) {
    PhaseTimer timer("take snapshot");
    if (!outcome->resumed) last = walker.Newest();
    outcome->snapshot = TakeSnapshot(*out, roots.commits, last, walker.submodules(),
                                     outcome->resumed ? &walker.touched() : nullptr);
  }
  walker.DiffRoots(roots);
  return true;
}

std::unordered_set<git_oid, OidHash, OidEqual> BlobsAtHead(git_repository* repo) {
  std::unordered_set<git_oid, OidHash, OidEqual> blobs;
  git_object* head = nullptr;
  if (git_revparse_single(&head, repo, "HEAD^{tree}") != 0) return blobs;
  ObjectPtr owned(head);
  git_tree_walk(
      reinterpret_cast<git_tree*>(head), GIT_TREEWALK_PRE,
      [](const char*, const git_tree_entry* entry, void* data) -> int {
        if (git_tree_entry_type(entry) == GIT_OBJECT_BLOB) {
          static_cast<std::unordered_set<git_oid, OidHash, OidEqual>*>(data)->insert(
              *git_tree_entry_id(entry));
        }
        return 0;
      },
      &blobs);
  return blobs;
}

}  // namespace magpie::git::internal
