// Internal to git/: how the repository's packs store each blob, for the delta-aware history
// scan (issue 13): a blob stored as a delta is described by its base's id and the byte runs it
// copies from that base (the rest of it was inserted). Only the delta is inflated, never the
// version or its base: the scan reads the version's bytes from libgit2 as before and uses this
// to scan only what changed.
//
// Every pack is opened with PackReader (bounded, hostile-safe); a pack that does not open is
// left out (its blobs are then "not in a pack": the caller scans them whole, counted). A delta
// that does not parse, or whose declared result is not the blob's size, is an error value: the
// caller scans that blob whole and counts why.
//
// Thread safety: after Open, Lookup may be called from any number of threads.
#ifndef MAGPIE_GIT_PACK_DELTAS_H_
#define MAGPIE_GIT_PACK_DELTAS_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "git/history.h"
#include "git/pack_reader.h"

namespace magpie::git::internal {

class PackDeltas {
 public:
  // Opens every objects/pack/*.pack with its index. `unopened` counts the packs left out.
  static std::unique_ptr<PackDeltas> Open(const std::string& objects_dir, size_t* unopened);

  // How blob `id` of `size` bytes is stored: a delta (filled), a whole object in a pack
  // (nullopt, *reason "base"), or in no pack opened (nullopt, *reason "not-in-pack"). Errors:
  // the record or its delta is corrupt or over the limits, or the delta's result size is not
  // `size`.
  Result<std::optional<BlobDelta>> Lookup(const ObjectId& id, uint64_t size,
                                          std::string* reason) const;

  size_t packs() const { return packs_.size(); }

 private:
  std::vector<std::unique_ptr<PackReader>> packs_;
};

}  // namespace magpie::git::internal

#endif  // MAGPIE_GIT_PACK_DELTAS_H_
