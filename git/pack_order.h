// Internal to git/: the order in which to read objects so that packed ones are read as they
// lie in their pack file. A pack stores delta chains near each other; reading in that order
// keeps a chain's bases in libgit2's delta-base cache and the pack's pages in memory, where
// id order (what an object database iterator gives) jumps across the file at every read.
#ifndef MAGPIE_GIT_PACK_ORDER_H_
#define MAGPIE_GIT_PACK_ORDER_H_

#include <git2.h>

#include <cstdint>
#include <string>
#include <vector>

namespace magpie::git::internal {

// How an index file is read: whole (one read; for many ids), or by lookups (a few small reads
// per id: a rescan orders a few dozen blobs, and reading git/git's 24 MB index whole for them
// was ~5% of its CPU, issue 13). kAuto picks lookups when there are few ids for the index's
// size. Both give the same keys; the choice is a parameter for the tests.
enum class IndexRead { kAuto, kWhole, kLookups };

// One sort key per id in `ids`: (pack number, offset in that pack) packed into 64 bits.
// Objects in no readable version-2 pack index (loose objects, alternates) get UINT64_MAX.
// `objects_dir` is the repository's objects directory, ending in '/'.
std::vector<uint64_t> PackOrderKeys(const std::string& objects_dir,
                                    const std::vector<git_oid>& ids,
                                    IndexRead how = IndexRead::kAuto);

}  // namespace magpie::git::internal

#endif  // MAGPIE_GIT_PACK_ORDER_H_
