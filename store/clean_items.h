// Internal to store/: how the scan store names a clean item, and the set of those names a run
// asks about once per history blob (store/scan_store.h, IsClean).
//
// An item's name is the first 128 bits of SHA-256(blob id, NUL, path): neither the id nor the
// path is kept in clear. The names are digests, so they are spread evenly over 2^128; CleanSet
// uses that to find a name with two memory reads (a bucket's bounds, then a few names in one
// or two cache lines) where a binary search over git/git's 262k names made ~18, most of them
// cache misses (issue 13: the selection of a rescan asks once per blob). A store whose names
// are not spread (damaged or forged) only makes some buckets long: each is searched in
// order, so the answer is the same, at a binary search's cost.
//
// Thread safety: a CleanSet is built by one thread; once built (Seal), Contains may be called
// from any number of threads.
#ifndef MAGPIE_STORE_CLEAN_ITEMS_H_
#define MAGPIE_STORE_CLEAN_ITEMS_H_

#include <openssl/evp.h>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace magpie::store::internal {

struct ItemKey {
  uint64_t high = 0;
  uint64_t low = 0;
  bool operator==(const ItemKey& o) const { return high == o.high && low == o.low; }
  bool operator<(const ItemKey& o) const { return high != o.high ? high < o.high : low < o.low; }
};

// SHA-256 of the concatenation of `parts` into digest (32 bytes).
void Sha256(std::initializer_list<std::string_view> parts, unsigned char digest[EVP_MAX_MD_SIZE]);
// Its 64 lowercase hex digits.
std::string Sha256Hex(std::string_view data);

// The item's name, and its 16 bytes as the store keeps them (big-endian high, then low).
ItemKey KeyOf(std::string_view blob_id, std::string_view path);
// The name of an item whose bytes were found binary under `read_limits` (ScanKey):
// SHA-256("binary", NUL, read_limits, NUL, blob id, NUL, path). A clean item's input starts
// with the blob id's hex digits, this one with a word that is none, so the two names of one
// item never meet (but by a SHA-256 collision); both live in the one set.
ItemKey BinaryKeyOf(std::string_view read_limits, std::string_view blob_id,
                    std::string_view path);
std::string KeyBytes(const ItemKey& key);
ItemKey KeyFromBytes(const unsigned char bytes[16]);

class CleanSet {
 public:
  void Reserve(size_t n) { keys_.reserve(n); }
  // Appends a name (in any order; ascending is cheapest). Before Seal only.
  void Add(const ItemKey& key) {
    if (!keys_.empty() && !(keys_.back() < key)) sorted_ = false;
    keys_.push_back(key);
  }
  // Sorts the names if they did not come sorted and builds the bucket index.
  void Seal();
  void Clear();
  bool Contains(const ItemKey& key) const;
  size_t size() const { return keys_.size(); }
  bool empty() const { return keys_.empty(); }

 private:
  std::vector<ItemKey> keys_;        // sorted after Seal
  std::vector<uint32_t> buckets_;    // 2^bits_ + 1 offsets into keys_, by the top bits of high
  int bits_ = 0;                     // 0: no index (few names): search them all
  bool sorted_ = true;
};

}  // namespace magpie::store::internal

#endif  // MAGPIE_STORE_CLEAN_ITEMS_H_
