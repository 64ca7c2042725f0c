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

// One sort key per id in `ids`: (pack number, offset in that pack) packed into 64 bits.
// Objects in no readable version-2 pack index (loose objects, alternates) get UINT64_MAX.
// `objects_dir` is the repository's objects directory, ending in '/'.
std::vector<uint64_t> PackOrderKeys(const std::string& objects_dir,
                                    const std::vector<git_oid>& ids);

}  // namespace magpie::git::internal

#endif  // MAGPIE_GIT_PACK_ORDER_H_
