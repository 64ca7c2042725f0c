// History findings that tell the truth (magpie git, issue 11): one finding per secret, not per
// file version, saying where the secret lives now.
//
// Every item passes straight on (counts, diagnostics, warnings), its findings held back: a
// secret kept in a file through many commits sits in many blobs, and where it lives now is
// known only once the whole history has been scanned. Flush then reports one finding per
// (rule, secret, path), inline-suppressed ones apart, with a report::SecretHistory:
//   - its GitOrigin is the first version's (the commit that first introduced the secret at
//     that path, topologically earliest; its blob, line and column), so the fingerprint
//     (rule, path, secret) is the one every version always had: ignore files and baselines
//     written before grouping still match;
//   - the last commit that introduced a version still holding it, the number of versions
//     (blobs) and of paths holding the same secret;
//   - present_in: the branch and tag tips (git/ref_presence.h) whose file at that path is one
//     of the blobs the scan found the secret in, or, with check_unscanned_tips, holds the
//     secret's bytes; "deleted" only when no tip does, HEAD does not hold the secret, and no
//     tip holds one of the blobs it was found in at any path (elsewhere: a file renamed or
//     copied on a branch or tag only). That last search walks the tips' trees, each distinct
//     tree once, only for secrets that would otherwise be deleted, and is bounded. A shard (options.shard) decides only
//     the tip versions in its share: the others it lists as unresolved, with its own blobs
//     holding the secret, and `magpie merge` decides them from the other shards' blobs, so
//     that the merged present_in is the one-machine one (issue 11 meets issue 13);
//   - with --all-occurrences (GitOrigin::occurrences filled by the source), every (commit,
//     path) introduction of every version.
// Output order: by (path, first commit time, first commit, blob, offset), independent of pack
// order and of -j.
// present_at_head keeps its meaning (any blob at HEAD, any path, yields the same secret).
// Cost: the held findings in memory; at Flush, one RefPresence lookup per tip and path with
// findings (memoised per subtree), plus, with check_unscanned_tips, one read per distinct tip
// version of those paths that the scan did not find the secret in.
// Thread safety: one thread at a time, like any ItemSink.
#ifndef MAGPIE_PIPELINE_HISTORY_GROUP_SINK_H_
#define MAGPIE_PIPELINE_HISTORY_GROUP_SINK_H_

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/tree_path_fact.h"
#include "pipeline/item_result.h"
#include "pipeline/shard.h"

namespace magpie::git {
class RefPresence;
}  // namespace magpie::git

namespace magpie::pipeline {

// The diagnostic kind for "where the secret lives now could not be determined": a warning (the
// scan itself is complete), report::DiagnosticLevel.
inline constexpr const char* kPresenceUnknown = "presence-unknown";

struct HistoryGroupOptions {
  // The repository whose branch and tag tips say where each secret lives now. Empty: not
  // asked (SecretHistory::presence_checked stays false).
  std::string repo;
  // Also read tip versions of a finding's path that the scan did not find the secret in, and
  // look for the secret's bytes: needed when the walk did not start from every ref (--branch,
  // --since), so that a tip outside the scanned range still counts.
  bool check_unscanned_tips = false;
  uint64_t max_blob_size = uint64_t{50} << 20;  // larger tip versions are not read
  // A shard's scan (pipeline/shard.h): the items added are its share's.
  Shard shard;
  // At most this many distinct trees are read to find a would-be deleted secret's versions at
  // other paths (SecretHistory::elsewhere); beyond it, a presence-unknown warning.
  uint64_t max_search_trees = uint64_t{1} << 20;
  // What earlier runs learned of the tips' trees at the paths with findings (the scan store,
  // base/tree_path_fact.h), and where to keep what this run learns: a tip whose tree has not
  // moved is then answered without reading it (issue 13). Either may be empty; errors are
  // theirs to report (without facts, every tip's tree is read).
  std::function<std::vector<TreePathFact>(const std::vector<std::string>& paths)> known_trees;
  std::function<std::vector<TreeBlobFact>(const std::vector<RawOid>& blobs)> known_tree_blobs;
  std::function<void(const std::vector<TreePathFact>& paths,
                     const std::vector<TreeBlobFact>& blobs)>
      keep_trees;
};

// What the search for would-be deleted secrets at other paths cost (--verbose).
struct PresenceSearchStats {
  uint64_t findings = 0;      // history findings that would have said deleted
  uint64_t found = 0;         // of those, found at another path in some tip
  uint64_t trees_read = 0;    // distinct trees read
};

class HistoryGroupSink : public ItemSink {
 public:
  // `next` must outlive this.
  explicit HistoryGroupSink(ItemSink& next, HistoryGroupOptions options = {})
      : next_(next), options_(std::move(options)) {}

  void Add(ItemResult item) override;
  // Sends one item per history finding to `next` (ItemResult::regrouped), in report order.
  // Call once, after the last Add.
  void Flush();
  const PresenceSearchStats& search_stats() const { return search_stats_; }

 private:
  struct Member {
    uint32_t origin;  // index into origins_
    scanner::Finding finding;
  };
  struct Group {
    std::string reason;  // "" reported; an inline marker's reason otherwise
    std::vector<Member> members;
  };
  void Hold(uint32_t origin, scanner::Finding finding, const std::string& reason);
  void ResolvePresence(const std::vector<Group*>& groups, std::vector<report::SecretHistory>* out);
  void FindElsewhere(git::RefPresence& tips, const std::vector<Group*>& groups,
                     std::vector<report::SecretHistory>* out, std::vector<TreeBlobFact>* learned);

  ItemSink& next_;
  HistoryGroupOptions options_;
  std::vector<report::GitOrigin> origins_;  // one per item with findings
  std::vector<Group> groups_;
  std::unordered_map<std::string, size_t> group_index_;  // GroupKey -> groups_ index
  // (rule, secret) -> the blobs it was found in (any path, suppressed or not).
  std::unordered_map<std::string, std::unordered_set<std::string>> secret_blobs_;
  std::unordered_set<std::string> at_head_;  // (rule, secret) found in a blob at HEAD
  PresenceSearchStats search_stats_;
};

}  // namespace magpie::pipeline

#endif  // MAGPIE_PIPELINE_HISTORY_GROUP_SINK_H_
