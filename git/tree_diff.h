// Internal to git/: one commit's tree against its parents' trees, for the history walk.
// Pure function of the repository's objects, so commits can be diffed on several threads at
// once (each with its own TreeReader and git_repository).
#ifndef MAGPIE_GIT_TREE_DIFF_H_
#define MAGPIE_GIT_TREE_DIFF_H_

#include <git2.h>

#include <string>
#include <vector>

#include "git/diagnostic.h"
#include "git/tree_reader.h"

namespace magpie::git::internal {

struct TreeChange {
  git_oid id;
  std::string path;       // '/'-separated, relative to the root tree
  bool excluded = false;  // HistoryOptions::is_excluded said so (set by the history walk)
};

struct TreeProblem {
  git_oid id;
  std::string path;  // of the tree, ending in '/' ("" for a root tree)
  DiagnosticKind kind;
  std::string message;
};

struct CommitDiff {
  std::vector<TreeChange> blobs;       // blobs no parent has at the same path, in tree order
  std::vector<TreeChange> submodules;  // gitlinks no parent has at the same path
  std::vector<TreeProblem> problems;   // trees that could not be read (their content skipped)
  void Clear() {
    blobs.clear();
    submodules.clear();
    problems.clear();
  }
};

// Appends to *out what `tree` introduces relative to `parents` (none: everything is new).
// Subtrees whose id equals a parent's subtree of the same name are skipped unread; for
// several parents (a merge), an entry equal to any parent's is not new. Trees are read
// through `reader` (this thread's).
void DiffAgainstParents(TreeReader* reader, const git_oid& tree,
                        const std::vector<git_oid>& parents, CommitDiff* out);

}  // namespace magpie::git::internal

#endif  // MAGPIE_GIT_TREE_DIFF_H_
