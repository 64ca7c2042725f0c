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

// Appended to the store's schema: version 2 has the first kWalkTablesV2 tables, version 3 all
// of them (an older store gains the missing ones on open).
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
    // Version 3: per walk, one cell of WalkSnapshot::commit_ids and one of its blob rows
    // packed (walk_cache.cc: EncodeRows), sorted by blob id; walk_blobs then holds only the
    // rows saved by deltas since, until they are folded into the cell. One read of a few MB
    // instead of a row per blob (git/git: 262k rows took a second).
    "CREATE TABLE walk_packed(walk INTEGER PRIMARY KEY, commit_ids BLOB NOT NULL, "
    "blob_rows BLOB NOT NULL, row_count INTEGER NOT NULL)",
};

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
