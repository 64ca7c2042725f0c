// Internal to git/: the commit walk and tree diffs behind History::Open, producing for each
// distinct blob its first introduction. No blob is read here (only commits and trees).
#ifndef MAGPIE_GIT_HISTORY_WALK_H_
#define MAGPIE_GIT_HISTORY_WALK_H_

#include <git2.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "git/diagnostic.h"
#include "git/history.h"
#include "git/libgit2_util.h"

namespace magpie::git::internal {

inline constexpr uint32_t kNoCommit = std::numeric_limits<uint32_t>::max();

struct BlobRecord {
  uint32_t commit = kNoCommit;  // index into HistoryIndex::commits; kNoCommit: a tagged blob
  uint32_t other_occurrences = 0;
  bool excluded = false;  // every introduction so far was at an excluded path
  std::string path;
};

struct CommitInfo {
  std::string author_name;
  std::string author_email;
  std::string message;  // first line
  int64_t time = 0;
  bool loaded = false;
};

struct HistoryIndex {
  std::vector<git_oid> commits;     // walked commits, earliest first
  std::vector<CommitInfo> infos;    // parallel to commits; loaded only for introducing ones
  std::unordered_map<git_oid, BlobRecord, OidHash, OidEqual> blobs;
  // HistoryOptions::record_introductions only: every (commit, path) each blob was introduced
  // at, in walk order.
  std::unordered_map<git_oid, std::vector<std::pair<uint32_t, std::string>>, OidHash, OidEqual>
      introductions;
};

// What WalkHistory says about resuming (HistoryOptions::resume_from, take_snapshot).
struct WalkOutcome {
  bool resumed = false;
  std::string refused;            // why resume_from was given but not used
  std::optional<WalkSnapshot> snapshot;
};

// Walks the history selected by options.refs/options.since and fills *out (commit infos are
// left to the caller: out->infos is empty). Returns false with *error only when a requested
// revision does not resolve; damaged or missing objects are reported through on_diagnostic
// and skipped.
bool WalkHistory(git_repository* repo, const HistoryOptions& options,
                 const DiagnosticCallback& on_diagnostic, HistoryIndex* out,
                 std::string* error, WalkOutcome* outcome);

// Blob ids anywhere in HEAD's tree; empty when HEAD is unborn or unreadable.
std::unordered_set<git_oid, OidHash, OidEqual> BlobsAtHead(git_repository* repo);

}  // namespace magpie::git::internal

#endif  // MAGPIE_GIT_HISTORY_WALK_H_
