// The history scan's pack reader (git/pack_blobs.h, issue 13) on a hostile .pack/.idx pair:
// every object of the index read through PackBlobs (shared delta-base cache, reused per-thread
// buffers) and, as the reference, through PackReader::Read (no cache, nothing reused).
//
// The first byte picks how the rest becomes files:
//   even: the input is a list of records (2-byte big-endian length, then the record: object
//         header + zlib data); the fuzzer writes a pack of them behind a valid header and an
//         index naming them 00000000..., 00000001..., ... (ids in index order), so the
//         mutations reach the records, the delta chains and the cache rather than stopping at
//         the index's checks;
//   odd:  2-byte big-endian length L, then L bytes of .idx, the rest is the .pack, as they are.
// Checks: no crash or leak; what PackBlobs reads as a blob, the reference reads too with the
// same bytes; a blob over max_size has the reference's size where the reference reads it;
// reading everything again
// (now with a warm cache) gives the same answers.
#include <stdlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "fuzz/fuzz_check.h"
#include "fuzz/fuzz_files.h"
#include "git/pack_blobs.h"
#include "git/pack_reader.h"

namespace {

using magpie::fuzz::WriteFile;
using magpie::git::internal::ObjectId;
using magpie::git::internal::PackBlob;
using magpie::git::internal::PackBlobs;
using magpie::git::internal::PackObjectType;
using magpie::git::internal::PackReader;

void Put32(std::string* out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out->push_back(static_cast<char>(v >> shift));
}

ObjectId IdOf(uint32_t i) {
  ObjectId id{};
  for (int b = 0; b < 4; ++b) id[b] = static_cast<uint8_t>(i >> (24 - 8 * b));
  return id;
}

// A pack of `records` and its version-2 index, ids IdOf(0), IdOf(1), ... in record order.
void BuildPair(std::string_view input, std::string* idx, std::string* pack) {
  std::vector<std::string_view> records;
  while (input.size() >= 2 && records.size() < 64) {
    const size_t n = std::min<size_t>(
        (static_cast<uint8_t>(input[0]) << 8) | static_cast<uint8_t>(input[1]), input.size() - 2);
    records.push_back(input.substr(2, n));
    input.remove_prefix(2 + n);
  }
  pack->assign("PACK", 4);
  Put32(pack, 2);
  Put32(pack, static_cast<uint32_t>(records.size()));
  std::vector<uint32_t> offsets;
  for (std::string_view r : records) {
    offsets.push_back(static_cast<uint32_t>(pack->size()));
    pack->append(r.data(), r.size());
  }
  pack->append(20, '\0');  // the trailer (its SHA-1 is not checked by the reader)
  idx->assign("\377tOc\0\0\0\2", 8);
  // Every id starts with a zero byte (fewer than 2^24 records): all fall in bucket 0.
  for (int bucket = 0; bucket < 256; ++bucket) Put32(idx, static_cast<uint32_t>(records.size()));
  for (uint32_t i = 0; i < records.size(); ++i) {
    const ObjectId id = IdOf(i);
    idx->append(reinterpret_cast<const char*>(id.data()), id.size());
  }
  for (size_t i = 0; i < records.size(); ++i) Put32(idx, 0);  // CRCs, unchecked
  for (uint32_t offset : offsets) Put32(idx, offset);
  idx->append(40, '\0');
}

// One directory for the whole run (objects/pack/ under it), rewritten per input.
const std::string& ObjectsDir() {
  static const std::string dir = magpie::fuzz::MakeObjectsDir("pack-blobs");
  return dir;
}

struct Answer {
  bool ok = false;
  bool inflated = false;
  uint64_t size = 0;
  std::string bytes;
};

Answer Ask(const PackBlobs& blobs, const ObjectId& id, uint64_t max_size) {
  Answer a;
  magpie::Result<PackBlob> blob = blobs.Read(id, max_size);
  if (!blob.ok()) return a;
  a.ok = true;
  a.inflated = blob->owner != nullptr;
  a.size = blob->size;
  if (a.inflated) {
    MAGPIE_FUZZ_CHECK(blob->bytes.size() == blob->size);
    a.bytes = std::string(blob->bytes);
  } else {
    MAGPIE_FUZZ_CHECK(blob->size > max_size);
  }
  return a;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input = magpie::fuzz::AsView(data, size);
  if (input.size() < 3) return 0;
  std::string idx;
  std::string pack;
  if ((static_cast<uint8_t>(input[0]) & 1) == 0) {
    BuildPair(input.substr(1), &idx, &pack);
  } else {
    const size_t n = std::min<size_t>(
        (static_cast<uint8_t>(input[1]) << 8) | static_cast<uint8_t>(input[2]), input.size() - 3);
    idx = std::string(input.substr(3, n));
    pack = std::string(input.substr(3 + n));
  }
  // A small max_size, so that the "too large to inflate" answer is reached too.
  const uint64_t max_size = 1 + static_cast<uint8_t>(input[0]) * 64;
  const std::string& objects = ObjectsDir();
  const std::string stem = objects + "pack/pack-fuzz";
  MAGPIE_FUZZ_CHECK(WriteFile(stem + ".idx", idx) && WriteFile(stem + ".pack", pack));

  size_t unopened = 0;
  // A small cache: eviction runs too.
  std::unique_ptr<PackBlobs> blobs = PackBlobs::Open(objects, 4096, &unopened);
  MAGPIE_FUZZ_CHECK(blobs != nullptr);
  // The reference zero-fills each object at its declared size before inflating: a smaller
  // budget keeps a hostile header from costing seconds (4 KiB of zlib inflates to ~4 MB at most,
  // so nothing PackBlobs can build is over it).
  magpie::git::internal::PackLimits reference_limits;
  reference_limits.max_object_size = uint64_t{8} << 20;
  magpie::Result<std::unique_ptr<PackReader>> reader =
      PackReader::Open(stem + ".pack", reference_limits);
  MAGPIE_FUZZ_CHECK(blobs->packs() + unopened == 1);
  MAGPIE_FUZZ_CHECK(reader.ok() == (blobs->packs() == 1));
  if (!reader.ok()) return 0;
  const PackReader& ref = **reader;
  std::vector<Answer> first;
  for (size_t i = 0; i < ref.index().size() && i < 256; ++i) {
    const ObjectId id = ref.index().id(i);
    Answer a = Ask(*blobs, id, max_size);
    // An index whose ids are not sorted does not find them all: then they are NotFound.
    MAGPIE_FUZZ_CHECK(blobs->Has(id) || !a.ok);
    if (a.ok) {
      const auto* entry = ref.Find(id);
      MAGPIE_FUZZ_CHECK(entry != nullptr);
      auto object = ref.Read(*entry);
      if (a.inflated) {
        MAGPIE_FUZZ_CHECK(object.ok() && object->type == PackObjectType::kBlob &&
                          object->bytes == a.bytes);
      } else if (object.ok()) {
        // Only the size was read (from the top delta or the header): the rest of the chain
        // was not, and may be broken.
        MAGPIE_FUZZ_CHECK(object->type == PackObjectType::kBlob && object->bytes.size() == a.size);
      }
    }
    first.push_back(std::move(a));
  }
  for (size_t i = 0; i < first.size(); ++i) {
    const Answer again = Ask(*blobs, ref.index().id(i), max_size);
    // An error may depend on the path taken (a cached base skips reading a broken one), an
    // answer may not.
    if (first[i].ok && again.ok) {
      MAGPIE_FUZZ_CHECK(again.inflated == first[i].inflated && again.size == first[i].size &&
                        again.bytes == first[i].bytes);
    }
  }
  return 0;
}
