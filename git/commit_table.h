// Internal to git/: the commits of a repository's packs read in parallel before the history
// walk, so that the walk's graph load (every reachable commit's tree, time and parents) does
// not read them one at a time through libgit2 on one thread (issue 13 §1: on curl's branches
// and tags that serial read was the largest phase before the first tree diff).
//
// The table is a cache, never an authority: a commit it does not hold (loose, in a pack that
// did not open, stored among the pack's trees and blobs, its text in any but git's canonical
// form, its bytes not hashing to its id) is read through libgit2 by the walk, as before, with
// libgit2's diagnostics.
// What it holds equals what libgit2 would say for that commit: ParseCommitHeader accepts only
// text that libgit2 1.5's commit parser reads the same way, and every object is hashed back to
// its id (libgit2 verifies that too).
//
// Usage:
//   CommitTable table = ReadPackedCommits(objects_dir);   // uses the calling TBB arena
//   if (const CommitTable::Commit* c = table.Find(id)) { c->tree; table.parents(*c); }
//
// Thread safety: ReadPackedCommits runs on the current TBB arena; a built table is read-only
// and may be read from any number of threads.
#ifndef MAGPIE_GIT_COMMIT_TABLE_H_
#define MAGPIE_GIT_COMMIT_TABLE_H_

#include <git2.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace magpie::git::internal {

// What the walk needs of a commit.
struct CommitHeader {
  git_oid tree{};
  int64_t time = 0;  // the committer's, as git_commit_time
  std::vector<git_oid> parents;
};

// Parses a commit object's text (without the "commit N\0" header). nullopt unless it is in
// git's canonical form: "tree <hex>\n", "parent <hex>\n"..., an "author " line (more may
// follow, as libgit2 skips them), then "committer NAME <EMAIL> SECONDS ±HHMM\n", every id 40
// lowercase hex digits and each signature with its '<' before its last '>'. Hostile input:
// linear, bounded by the text, no allocation but the parents.
std::optional<CommitHeader> ParseCommitHeader(std::string_view text);

class CommitTable {
 public:
  struct Commit {
    git_oid id;
    git_oid tree;
    int64_t time;
    uint32_t first_parent;  // into the table's parent list
    uint32_t parent_count;
  };

  // Adds one commit; Seal must be called before Find.
  void Add(const git_oid& id, const CommitHeader& header);
  // Sorts by id and drops repeats (the same commit in two packs).
  void Seal();
  const Commit* Find(const git_oid& id) const;  // null if not held
  std::span<const git_oid> parents(const Commit& commit) const {
    return {parents_.data() + commit.first_parent, commit.parent_count};
  }
  size_t size() const { return commits_.size(); }
  // Commits seen in the packs but left to libgit2 (deltified, not canonical, bad hash, a
  // read error), for -v and tests.
  uint64_t left_to_libgit2 = 0;

 private:
  std::vector<Commit> commits_;
  std::vector<git_oid> parents_;
};

// The commits of objects_dir's packs (objects_dir ends in '/'), read and parsed on every core
// of the calling arena: those in the stretch of each pack where git writes them (pack order,
// from the first run of 8,192 objects that holds a commit to the next that holds none), whole
// or deltified. Empty when no pack opens, or when the fault point kCommitTableRead is set (the
// walk then reads every commit through libgit2).
CommitTable ReadPackedCommits(const std::string& objects_dir);

}  // namespace magpie::git::internal

#endif  // MAGPIE_GIT_COMMIT_TABLE_H_
