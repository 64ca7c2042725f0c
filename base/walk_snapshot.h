// What a walk of every ref of a repository learned about the commits it walked (issue 13),
// so that the next walk of the same repository (every ref, same excluded paths) walks only the
// commits not reachable from these tips and merges. Plain values: git/ produces and consumes
// it (git/history.h, HistoryOptions::resume_from, History::snapshot), store/ keeps it
// (store/scan_store.h); it lives here because neither of those rooms may include the other.
//
// Read back, it is hostile input. git::History::Open checks it (orders in range,
// one commit per order, a row that says excluded is at a path excluded now) and walks in full,
// saying why, when anything is off, when a shallow clone is walked, when the refs no longer
// reach every earlier tip (a branch deleted, moved back or force-pushed), or when a new commit
// would sort before an old one (merging would then not give a full walk's order;
// git/walk_resume.h). What it cannot check cheaply is that no row was left out: a store that
// someone else can write can hide blobs, as its clean set can (docs/security.md, "scan store").
#ifndef MAGPIE_BASE_WALK_SNAPSHOT_H_
#define MAGPIE_BASE_WALK_SNAPSHOT_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace magpie {

// An object id's 20 raw bytes. Ids stay raw from the store's cells to the walk (issue 13):
// formatting and parsing 40-character hex strings for every row of a large walk (git/git: 262k
// blobs, 203k commits) cost a rescan about a second.
using RawOid = std::array<unsigned char, 20>;

struct WalkSnapshot {
  struct Blob {
    RawOid blob_id{};
    std::string path;           // its first introduction (git::BlobProvenance::path)
    RawOid commit{};            // the introducing commit
    uint64_t commit_order = 0;  // its position in the walk; < commits
    uint64_t other_occurrences = 0;
    bool excluded = false;
  };
  struct Submodule {            // reported once per path, in walk order
    std::string path;
    RawOid commit{};            // the id the gitlink names, for the diagnostic
  };
  std::vector<RawOid> tips;       // the commits the walk started from, sorted
  uint64_t commits = 0;           // commits walked
  int64_t last_time = 0;          // the greatest (committer time, id) walked
  RawOid last_commit{};           // meaningful when commits > 0
  // Blob rows: every blob a commit introduced or, with `delta`, only those whose row changed
  // since the snapshot the walk resumed from (the others are as they were).
  std::vector<Blob> blobs;
  std::vector<Submodule> submodules;  // all of them
  // Every commit walked, in walk order: their raw 20-byte ids, concatenated (20 * commits
  // bytes, in every snapshot, delta or not). They tell a resumed walk which commits it has
  // walked without walking the refs' history again (git/walk_resume.h); a snapshot without
  // them (an older store) is not resumed from.
  std::string commit_ids;
  bool delta = false;
};

}  // namespace magpie

#endif  // MAGPIE_BASE_WALK_SNAPSHOT_H_
