// Where a finding's bytes came from. Plain data filled in by cli/ (from a file walk or from
// git/'s blob provenance), so that neither scanner/ nor git/ depends on the other.
#ifndef MAGPIE_REPORT_ORIGIN_H_
#define MAGPIE_REPORT_ORIGIN_H_

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace magpie::report {

struct FileOrigin {
  std::string path;  // as given/walked, relative to the scan root when under it; "-" for stdin
};

// One (commit, path) where a version of the file holding a history finding's secret was
// introduced (`magpie git --all-occurrences`).
struct GitOccurrence {
  std::string commit;  // hex id; empty for a blob found outside any commit
  std::string path;
  std::string blob_id;
  uint64_t commit_order = UINT64_MAX;  // as GitOrigin::commit_order; orders, not printed
};

// What one history finding stands for (issue 11): the secret at one path through every version
// of the file that held it. GitOrigin's commit, author, date and message are the first
// version's, the commit that first introduced the secret there.
struct SecretHistory {
  std::string last_commit;      // the latest commit that introduced a version still holding it
  int64_t last_commit_time = 0;
  int versions = 1;             // distinct blobs (file versions) at this path holding it
  int paths = 1;                // distinct paths where history findings hold the same secret
  // Which branch and tag tips hold it at this path now (full ref names, git/ref_presence.h);
  // empty: deleted from every branch and tag. Meaningful only when presence_checked.
  std::vector<std::string> present_in;
  bool presence_checked = false;
  // Not at this path in any tip, but at another of `paths` in some tip, or HEAD holds it, or
  // a tip holds one of its versions (same blob) at a path no finding names: moved, not deleted.
  bool present_elsewhere = false;
  // That last case, said where (issue 11: a file renamed or copied on a branch or tag only):
  // the tips and paths holding one of the versions, when nothing else made it present.
  struct TipPath {
    std::string tip;   // full ref name
    std::string path;
    bool operator==(const TipPath& other) const {
      return tip == other.tip && path == other.path;
    }
  };
  std::vector<TipPath> elsewhere;
  // What `magpie merge` needs to regroup shard reports (written only in a shard's report):
  // the secret's identity across paths (scanner::SecretId; for a sensitive file, which has no
  // secret, of its path) and the walk order of last_commit (GitOrigin::commit_order).
  std::string secret_id;
  uint64_t last_commit_order = UINT64_MAX;
  // Also for `magpie merge` (a shard's report only): presence at this path is decided by rule
  // matches, as on one machine, and a tip version whose blob is in another shard's share is
  // known only to that shard. `unresolved_tips`: those versions and the tips holding them;
  // `blobs`: this shard's blobs holding the secret (the versions'), with which the merge
  // resolves the other shards' unresolved tips.
  struct TipVersion {
    std::string blob_id;
    std::vector<std::string> tips;  // full ref names, in report order
  };
  std::vector<TipVersion> unresolved_tips;
  std::vector<std::string> blobs;
  // A suppressed finding the report would not list (no --show-suppressed), written into a
  // shard's report all the same: the merge needs it to count and place the secret, then drops it.
  bool merge_only = false;
};

struct GitOrigin {
  std::string path;          // path of the blob in `commit`
  std::string blob_id;       // hex object id
  std::string commit;        // hex id of the topologically earliest commit introducing the blob
  std::string author_name;
  std::string author_email;
  int64_t commit_time = 0;   // seconds since epoch (UTC)
  std::string message;       // first line of the commit message
  // Other (commit, path) pairs where the same blob appears; on a history finding, the sum over
  // its versions (copies, cherry-picks, reverts: not the versions themselves).
  int other_occurrences = 0;
  bool present_at_head = false;
  bool staged = false;       // from `magpie staged`: path/line are in the index version
  // `magpie estate`: the repository as its line in the estate file names it ("" otherwise,
  // and then not written).
  std::string repository;
  // Position of `commit` in the history walk (earliest first): orders commits whose times tie.
  uint64_t commit_order = UINT64_MAX;
  // Set on a history finding (pipeline/history_group_sink.h); empty for a single blob.
  std::optional<SecretHistory> history;
  // --all-occurrences: every (commit, path) introduction, oldest first. Before grouping, the
  // blob's own; on a history finding, those of every version.
  std::vector<GitOccurrence> occurrences;
};

using Origin = std::variant<FileOrigin, GitOrigin>;

// The path to show for either origin.
const std::string& OriginPath(const Origin& origin);

}  // namespace magpie::report

#endif  // MAGPIE_REPORT_ORIGIN_H_
