// What `git commit` would record now: each staged file's index content and the lines the
// staged change adds or changes, for a pre-commit check that reports only those lines.
//
// The diff is HEAD's tree against the index (against the empty tree before the first commit),
// with zero context lines and rename detection, so a file that is only renamed has no added
// lines, and a moved block of lines counts as added at its new place. Unstaged work-tree
// changes are ignored: the content is the index blob, not the file on disk.
//
// Which index: the repository's own, or another index file. `git commit -a`, `git commit
// PATH…`, `--only`, `--include` and `--amend` run the pre-commit hook with GIT_INDEX_FILE naming
// a temporary index that holds what will really be committed; the hook must read that one.
//
// Merges: while MERGE_HEAD exists (the commit that concludes a conflicted merge), a line counts
// as added only when the index adds it relative to HEAD and to every MERGE_HEAD, so a secret
// that one side already had is not blamed on the merge. A clean merge runs the
// pre-merge-commit hook before MERGE_HEAD is written: it is checked against HEAD alone, i.e.
// for what it brings into the current branch.
//
// Usage:
//   auto staged = magpie::git::ScanStaged(".");
//   if (!staged.ok()) { print staged.status(); exit 2; }
//   if (staged->nothing_staged) { say so; exit 0; }
//   for (const auto& file : staged->files)
//     for (finding in scan(file.content)) if (file.IsAdded(finding.line)) report(file.path, ...)
//
// Thread safety: ScanStaged may run concurrently with itself; the result is plain data.
#ifndef MAGPIE_GIT_STAGED_H_
#define MAGPIE_GIT_STAGED_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "git/diagnostic.h"

namespace magpie::git {

struct LineRange {
  int first = 0;  // 1-based, inclusive
  int last = 0;   // inclusive
};

struct StagedFile {
  std::string path;     // path in the index ('/'-separated, relative to the work tree root)
  std::string old_path; // path in HEAD when renamed or copied, else equal to path
  std::string blob_id;  // hex id of the index blob
  std::string content;  // the index blob's bytes
  std::vector<LineRange> added_lines;  // sorted, disjoint; lines of `content`
  // Whether 1-based `line` of `content` is added or changed by the staged change.
  bool IsAdded(int line) const;
};

struct StagedOptions {
  uint64_t max_blob_size = uint64_t{50} << 20;  // larger staged files: kTooLarge diagnostic
  // Which staged files are binary: those are not listed but reported (kBinary diagnostic).
  // Null: none is. The caller supplies the test (scanner::LooksBinary), as for HistoryOptions.
  bool (*is_binary)(std::string_view bytes) = nullptr;
  // The index file to read; "" = the repository's own index.
  std::string index_file;
  // Honour GIT_DIR as git does for a hook (`git --git-dir=… --work-tree=… commit`): when set,
  // it is the repository and `repo_path` is not searched from.
  bool from_environment = false;
  // The process exits right after the check (the pre-commit hook): the repository and index
  // handles (one block per index entry, thousands) are left for the exit to reclaim instead
  // of being freed, ~2 ms of a hook's run (bench/staged_latency.sh). They stay reachable from
  // a static, so a leak checker does not report them. Each such call keeps its handles.
  bool leave_handles_to_exit = false;
};

struct StagedChange {
  bool initial_commit = false;  // HEAD is unborn: everything staged is new
  // True when the index equals HEAD's tree: there is nothing to check (say so, exit clean).
  bool nothing_staged = false;
  // Staged additions and modifications with at least one added line, in path order.
  // Deletions and pure renames are not listed (nothing to scan).
  std::vector<StagedFile> files;
  std::vector<GitDiagnostic> diagnostics;  // skipped files (binary, too large, submodules)
  int merge_heads = 0;  // MERGE_HEADs the added lines were also checked against
};

// `repo_path`: the work tree or any directory inside it (discovered upwards like git does).
// Errors: not a repository, a bare repository without an index, an unreadable index, HEAD or
// MERGE_HEAD.
Result<StagedChange> ScanStaged(const std::string& repo_path, const StagedOptions& options = {});

}  // namespace magpie::git

#endif  // MAGPIE_GIT_STAGED_H_
