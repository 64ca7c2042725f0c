// Internal to store/: the walk cache's tables in the scan store (issue 13), what
// ScanStore::LoadWalk and SaveWalk read and write (store/scan_store.h says the contract).
#ifndef MAGPIE_STORE_WALK_CACHE_H_
#define MAGPIE_STORE_WALK_CACHE_H_

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "base/walk_snapshot.h"

namespace magpie::store::internal {

// Appended to the store's schema: version 2 has the first kWalkTablesV2 tables, version 3
// those and kWalkPackedV3, version 4 all of kWalkSchema (an older store is upgraded on open).
inline constexpr size_t kWalkTablesV2 = 4;
inline constexpr const char* kWalkSchema[] = {
    "CREATE TABLE walks(id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, build TEXT NOT NULL, "
    "generation INTEGER NOT NULL, commits INTEGER NOT NULL, last_time INTEGER NOT NULL, "
    "last_commit BLOB NOT NULL, last_used INTEGER NOT NULL)",
    "CREATE TABLE walk_tips(walk INTEGER NOT NULL, tip BLOB NOT NULL, PRIMARY KEY(walk, tip)) "
    "WITHOUT ROWID",
    "CREATE TABLE walk_blobs(walk INTEGER NOT NULL, blob BLOB NOT NULL, path TEXT NOT NULL, "
    "commit_id BLOB NOT NULL, commit_order INTEGER NOT NULL, other INTEGER NOT NULL, "
    "excluded INTEGER NOT NULL, PRIMARY KEY(walk, blob)) WITHOUT ROWID",
    "CREATE TABLE walk_submodules(walk INTEGER NOT NULL, seq INTEGER NOT NULL, "
    "path TEXT NOT NULL, commit_id BLOB NOT NULL, PRIMARY KEY(walk, seq)) WITHOUT ROWID",
    // Version 4: per walk, one cell of its blob rows packed (walk_cache.cc: EncodeRows),
    // sorted by blob id; walk_blobs then holds only the rows saved by deltas since, until they
    // are folded into the cell. One read of a few MB instead of a row per blob (git/git: 262k
    // rows took a second).
    "CREATE TABLE walk_rows(walk INTEGER PRIMARY KEY, blob_rows BLOB NOT NULL, "
    "row_count INTEGER NOT NULL)",
    // Version 4: WalkSnapshot::commit_ids in chunks, in `seq` order: a delta appends the new
    // commits' ids as a chunk instead of rewriting the whole list (version 3 kept it in the
    // rows' cell: ten new commits rewrote git/git's 16.5 MB, ~0.3 s a rescan).
    "CREATE TABLE walk_commits(walk INTEGER NOT NULL, seq INTEGER NOT NULL, "
    "commit_ids BLOB NOT NULL, PRIMARY KEY(walk, seq)) WITHOUT ROWID",
};
// Version 3's packed table (commit list and rows in one cell); version 4 moves its cells into
// walk_rows and walk_commits.
inline constexpr const char* kWalkPackedV3 =
    "CREATE TABLE walk_packed(walk INTEGER PRIMARY KEY, commit_ids BLOB NOT NULL, "
    "blob_rows BLOB NOT NULL, row_count INTEGER NOT NULL)";
inline constexpr const char* kWalkUpgradeV3 =
    "INSERT INTO walk_rows(walk, blob_rows, row_count) "
    "SELECT walk, blob_rows, row_count FROM walk_packed; "
    "INSERT INTO walk_commits(walk, seq, commit_ids) SELECT walk, 0, commit_ids FROM walk_packed; "
    "DROP TABLE walk_packed";

// A walk's commit list from its chunks: appends `chunk` (a cell, hostile) to *commit_ids;
// false when it is not whole ids.
bool AppendCommitChunk(std::string_view chunk, std::string* commit_ids);

// The walk kept under `key` (nullopt: none) and its generation. Errors: kCorrupt (a row of
// the wrong shape), kIoError.
Result<std::optional<WalkSnapshot>> ReadWalk(sqlite3* db, const std::string& path,
                                             const std::string& key, int64_t* generation);

// Keeps `snapshot` under `key` in one transaction. A delta applies only to the walk of
// `generation` (what ReadWalk read); false when it no longer is (another run saved one), or
// when the rows would exceed `max_rows` in the whole store after dropping other keys' walks.
Result<bool> WriteWalk(sqlite3* db, const std::string& path, const std::string& key,
                       const std::string& build, const WalkSnapshot& snapshot,
                       int64_t generation, uint64_t max_rows);

// The packed form of `rows` (sorted by blob id) and back; DecodeRows is given hostile bytes
// (false: malformed) and names each row's commit from `commit_ids` (WalkSnapshot).
std::string EncodeRows(const std::vector<WalkSnapshot::Blob>& rows);
bool DecodeRows(std::string_view packed, std::string_view commit_ids,
                std::vector<WalkSnapshot::Blob>* rows);

// Drops the walks of another build than `build` or not used since `oldest`; returns how many.
// Runs inside the caller's transaction.
Result<uint64_t> DropStaleWalks(sqlite3* db, const std::string& path, const std::string& build,
                                int64_t oldest);

}  // namespace magpie::store::internal

#endif  // MAGPIE_STORE_WALK_CACHE_H_
