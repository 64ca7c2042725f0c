// Internal to store/: the facts about tip trees kept in the scan store (issue 13, schema
// version 5), what ScanStore::LoadTreePaths, LoadTreeBlobs and SaveTreeFacts read and write
// (store/scan_store.h says the contract, base/tree_path_fact.h what a fact is).
#ifndef MAGPIE_STORE_TREE_PATHS_H_
#define MAGPIE_STORE_TREE_PATHS_H_

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "base/tree_path_fact.h"

namespace magpie::store::internal {

// Version 5's tables: per path, the trees asked about and the blob each holds there (20 bytes,
// or none: empty); per blob, the trees searched and the paths where each holds it (joined by
// NUL; none: empty). Keyed by what a run asks for first: the few paths with findings, the
// blobs of secrets that would otherwise be deleted.
inline constexpr const char* kTreeFactsSchema[] = {
    "CREATE TABLE tree_paths(path TEXT NOT NULL, tree BLOB NOT NULL, blob BLOB NOT NULL, "
    "PRIMARY KEY(path, tree)) WITHOUT ROWID",
    "CREATE TABLE tree_blobs(blob BLOB NOT NULL, tree BLOB NOT NULL, paths BLOB NOT NULL, "
    "PRIMARY KEY(blob, tree)) WITHOUT ROWID",
};

// Facts are cheap to learn again (one presence lookup of the tips): at most this many are kept,
// and when a save would pass it, the table is emptied first.
inline constexpr uint64_t kMaxTreePaths = uint64_t{1} << 20;

// A TreeBlobFact's paths as kept (joined by NUL) and back; DecodePaths is given hostile bytes:
// false unless they are non-empty paths joined by single NULs (nothing: no path).
std::string EncodePaths(const std::vector<std::string>& paths);
bool DecodePaths(std::string_view joined, std::vector<std::string>* paths);

// The facts kept for any of `paths`. A row of the wrong shape (an id that is not 20 bytes, a
// cell of another type) is left out and counted in *skipped: that fact is learned again.
// Errors: kIoError.
Result<std::vector<TreePathFact>> ReadTreePaths(sqlite3* db, const std::string& path,
                                                const std::vector<std::string>& paths,
                                                uint64_t* skipped);

// The facts kept about any of `blobs`, as ReadTreePaths (a path list that is not NUL-separated
// non-empty paths is of the wrong shape too).
Result<std::vector<TreeBlobFact>> ReadTreeBlobs(sqlite3* db, const std::string& path,
                                                const std::vector<RawOid>& blobs,
                                                uint64_t* skipped);

// Keeps `paths` and `blobs` (replacing facts of the same keys) in one transaction, within
// `max_rows` for both tables together. Errors: kIoError (nothing is kept).
Status WriteTreeFacts(sqlite3* db, const std::string& path,
                      const std::vector<TreePathFact>& paths,
                      const std::vector<TreeBlobFact>& blobs, uint64_t max_rows);

}  // namespace magpie::store::internal

#endif  // MAGPIE_STORE_TREE_PATHS_H_
