// The read order of selected objects (git/pack_order.h, issue 13) on a hostile .idx: a rescan
// looks a few ids up in the index by small reads (IndexRead::kLookups) instead of reading it
// whole, and a forged fan-out, a truncated table or a large-offset slot past the file must
// neither read outside the file nor loop.
//
// Input: one byte k (ids asked about, at most 32), k ids of 20 bytes (an id is taken from
// the index's own id table instead when its first byte is 0xff and the table has that entry,
// so that lookups also hit), then the .idx as it is.
// Checks: no crash or leak; both ways of reading the index give the same keys (the header's
// promise); a key is UINT64_MAX or names pack 0.
#include <stdlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <limits>
#include <string>
#include <vector>

#include "fuzz/fuzz_check.h"
#include "fuzz/fuzz_files.h"
#include "git/pack_order.h"

namespace {

using magpie::fuzz::WriteFile;
using magpie::git::internal::IndexRead;
using magpie::git::internal::PackOrderKeys;

// One directory for the whole run (objects/pack/ under it), rewritten per input.
const std::string& ObjectsDir() {
  static const std::string dir = magpie::fuzz::MakeObjectsDir("pack-order");
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input = magpie::fuzz::AsView(data, size);
  if (input.empty()) return 0;
  const size_t k = static_cast<uint8_t>(input[0]) % 33;
  input.remove_prefix(1);
  if (input.size() < k * GIT_OID_RAWSZ) return 0;
  const std::string_view asked = input.substr(0, k * GIT_OID_RAWSZ);
  const std::string_view idx = input.substr(k * GIT_OID_RAWSZ);
  constexpr size_t kIdsAt = 8 + 256 * 4;
  std::vector<git_oid> ids(k);
  for (size_t i = 0; i < k; ++i) {
    const char* id = asked.data() + i * GIT_OID_RAWSZ;
    const size_t entry = kIdsAt + (static_cast<uint8_t>(id[1]) % 64) * GIT_OID_RAWSZ;
    if (static_cast<uint8_t>(id[0]) == 0xff && idx.size() >= entry + GIT_OID_RAWSZ) {
      id = idx.data() + entry;
    }
    std::memcpy(ids[i].id, id, GIT_OID_RAWSZ);
  }
  const std::string& objects = ObjectsDir();
  MAGPIE_FUZZ_CHECK(WriteFile(objects + "pack/pack-fuzz.idx", idx));
  const std::vector<uint64_t> looked_up = PackOrderKeys(objects, ids, IndexRead::kLookups);
  const std::vector<uint64_t> whole = PackOrderKeys(objects, ids, IndexRead::kWhole);
  MAGPIE_FUZZ_CHECK(looked_up == whole);
  MAGPIE_FUZZ_CHECK(looked_up.size() == k);
  for (uint64_t key : looked_up) {
    MAGPIE_FUZZ_CHECK(key == std::numeric_limits<uint64_t>::max() || (key >> 44) == 0);
  }
  return 0;
}
