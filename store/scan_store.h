// The persistent scan store (issue 13 §2): what a history scan already knows is clean, so that
// the next `magpie git` of the same repository scans only what it has not seen.
//
// What it holds, and why that is safe to hold: never a secret, never a finding, never a path or
// an object id in clear. Per scan key (the build, the effective rules and every option that
// changes what a scan of some bytes finds), the set of items that were scanned completely and
// produced nothing at all: no finding, no finding suppressed by an inline marker, no diagnostic,
// no warning; and the items that were read whole and found binary, so that a rescan reports
// their one diagnostic again without reading them (curl's history holds ~2,200: issue 13). No
// other diagnostic is recorded: a missing or damaged object is a fact about the repository,
// not about the bytes, and is read again. An item is named by a 128-bit truncated SHA-256 of its blob id and the path it is
// reported at (path rules make the path part of what is scanned). An item with any finding is
// not recorded, so it is scanned again on every run and reported with its current provenance
// and suppression: the store can only save work, never change what is reported, as long as it
// is not tampered with. A tampered store can make magpie skip blobs (never report something
// that is not there): docs/security.md says when to pass --no-store.
//
// Trust and integrity, as for the rules cache (cache/rules_cache.h): the database's directory
// must be the effective user's and not writable by group or others (it is created 0700), the
// file likewise (created 0600) and not a symbolic link. An SQLite file that is not a magpie
// store (application id, schema version, or any object in its schema differs from ours) or
// fails `PRAGMA quick_check` is refused (kCorrupt, kUntrusted): the caller says so and scans
// without it. It is opened defensively (SQLITE_DBCONFIG_DEFENSIVE, trusted_schema off), with
// a busy timeout, so that concurrent magpie processes wait for each other's short writes.
//
// Size is bounded: RecordClean keeps at most `max_entries` items in the whole store, dropping
// the other scan keys' items first, then recording no more (what is not recorded is scanned
// again next time).
//
// The walk cache (issue 13): per repository (a key the caller composes: the repository and
// what changes a walk's result, such as excluded paths) and build, the last history walk's
// result (base/walk_snapshot.h), so that the next walk visits only new commits. It holds
// commit ids, blob ids and paths in clear (not secrets: the repository holds them too), and
// no finding. It is as hostile as the rest: rows of the wrong shape are kCorrupt, and the
// history walk checks the snapshot before resuming from it (git/walk_resume.h). Its rows
// are bounded by `max_entries` too, apart from the clean items (other repositories' walks are
// dropped first, then a walk is not kept).
//
// Facts about tip trees (issue 13, version 5): what a branch or tag tip's tree holds at the
// paths with findings (base/tree_path_fact.h), so that present_in reads only the trees of tips
// that moved. Hostile too: a row of the wrong shape is learned again, and git/ref_presence.h
// ignores facts it did not ask for and those that contradict each other. `magpie store gc`
// drops them all.
//
// Usage:
//   auto store = store::ScanStore::Open(path, {build_id, rules_and_options});
//   if (!store.ok()) { notice(store.status()); /* scan everything */ }
//   bool skip = (*store)->IsClean(blob_id, path);            // any thread, after Open
//   ... scan; collect the clean items ...
//   Status written = (*store)->RecordClean(clean_items);     // one transaction
//
// Thread safety: IsClean may be called from any number of threads (the set is read-only after
// Open); RecordClean from one thread at a time. Processes may share a store.
#ifndef MAGPIE_STORE_SCAN_STORE_H_
#define MAGPIE_STORE_SCAN_STORE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "base/tree_path_fact.h"
#include "base/walk_snapshot.h"

namespace magpie::store {

// About 40 bytes on disk each: 8 million items is a few hundred MB at most.
inline constexpr uint64_t kDefaultMaxEntries = uint64_t{8} << 20;

// What a store entry was computed under. Both strings are opaque to the store, which keeps
// only their SHA-256; `build` alone decides what `magpie store gc` drops.
struct ScanKey {
  std::string build;     // the build of magpie (cache::BuildId())
  std::string settings;  // the effective rules and every option that changes a scan's findings
  // What decides whether a read finds a blob binary rather than too large or streamed (the
  // size limits): part of a binary item's name only, so that a run with other limits reads
  // the blob again and says what a read says under them.
  std::string read_limits;
};

// An item as the store names it: the blob's id and the path it is reported at, and what a scan
// found: nothing at all, or bytes that are binary (a diagnostic, and nothing scanned).
struct ItemRef {
  std::string blob_id;
  std::string path;
  bool binary = false;
};

struct GcResult {
  uint64_t scan_keys_dropped = 0;
  uint64_t walks_dropped = 0;
  uint64_t items_dropped = 0;
  uint64_t items_kept = 0;
  uint64_t tree_facts_dropped = 0;
};

class ScanStore {
 public:
  // <cache_dir>/store/scans.sqlite, the default --store (cache_dir: the rules cache's).
  static std::string DefaultPath(const std::string& cache_dir);

  // Opens the store at `path` (created, with its directory, when missing) and starts reading
  // the clean items of `key` on a thread of its own (IsClean and size wait for it). Errors:
  // kUntrusted (a link, another user's, writable by others), kCorrupt (not a magpie store,
  // fails quick_check), kIoError (cannot be created or opened).
  static Result<std::unique_ptr<ScanStore>> Open(const std::string& path, const ScanKey& key,
                                                 uint64_t max_entries = kDefaultMaxEntries);
  ~ScanStore();
  ScanStore(const ScanStore&) = delete;
  ScanStore& operator=(const ScanStore&) = delete;

  // Whether the item was recorded clean under this store's key. False for every item when the
  // clean items could not be read (clean_status says why): then everything is scanned.
  bool IsClean(std::string_view blob_id, std::string_view path) const;
  // Whether the item was recorded binary (ItemRef::binary) under this store's key; false, as
  // IsClean, when the items could not be read. A forged row can at most turn an item's
  // findings into its "binary" diagnostic, in plain sight, where a forged clean row hides
  // them (docs/security.md, "scan store").
  bool IsBinary(std::string_view blob_id, std::string_view path) const;
  // Items of this key known (clean or binary) when the store was opened.
  size_t size() const;
  // Whether the clean items were read (kCorrupt: an item of the wrong shape; kIoError).
  Status clean_status() const;
  // Records `items` as clean or binary under this store's key, in one transaction (all or
  // nothing), within the size bound. Returns how many could not be recorded for the bound. Errors:
  // kIoError (the database cannot be written: read-only, full disk, locked too long).
  Result<uint64_t> RecordClean(const std::vector<ItemRef>& items);

  // The walk kept for `repo_key` under this store's build; nullopt when there is none.
  // Errors: kCorrupt (a row of the wrong shape), kIoError. One thread at a time.
  Result<std::optional<WalkSnapshot>> LoadWalk(const std::string& repo_key);
  // Keeps `snapshot` for `repo_key`, in one transaction; a delta applies to what LoadWalk read.
  // Returns false when it was not kept: another run saved one since (a delta), or the size
  // bound. Errors: kIoError.
  Result<bool> SaveWalk(const std::string& repo_key, const WalkSnapshot& snapshot);

  // Facts about tip trees (base/tree_path_fact.h) kept by earlier runs for any of `paths`, so
  // that a rescan reads only the trees of tips that moved (issue 13). They belong to no scan
  // key or repository: a tree's id names its content. A row of the wrong shape is left out
  // and counted in *skipped (learned again). Errors: kIoError. One thread at a time.
  Result<std::vector<TreePathFact>> LoadTreePaths(const std::vector<std::string>& paths,
                                                  uint64_t* skipped = nullptr);
  // The same for where tip trees hold any of `blobs` at any path (TreeBlobFact).
  Result<std::vector<TreeBlobFact>> LoadTreeBlobs(const std::vector<RawOid>& blobs,
                                                  uint64_t* skipped = nullptr);
  // Keeps both kinds of facts, in one transaction, within the store's bound (all of them are
  // dropped first when it would be passed; store/tree_paths.h). Errors: kIoError (nothing
  // kept).
  Status SaveTreeFacts(const std::vector<TreePathFact>& paths,
                       const std::vector<TreeBlobFact>& blobs);

  // Drops the items of every scan key of another build than `build`, and of this build's
  // keys not used for `max_age_days`, then vacuums. Same errors as Open, and kIoError.
  static Result<GcResult> Collect(const std::string& path, const std::string& build,
                                  uint64_t max_age_days);

  class Impl;  // scan_store.cc

 private:
  explicit ScanStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace magpie::store

#endif  // MAGPIE_STORE_SCAN_STORE_H_
