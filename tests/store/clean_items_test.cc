// The clean set's lookup (store/clean_items.h): every name added is found and no other, whether
// the names come sorted, shuffled, evenly spread (digests) or all in one bucket (a forged
// store), so that the bucket index can only change the cost, never the answer.
#include "store/clean_items.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

namespace magpie::store::internal {
namespace {

std::vector<ItemKey> Digests(int n, const std::string& path) {
  std::vector<ItemKey> keys;
  for (int i = 0; i < n; ++i) keys.push_back(KeyOf("blob" + std::to_string(i), path));
  return keys;
}

CleanSet SetOf(const std::vector<ItemKey>& keys) {
  CleanSet set;
  set.Reserve(keys.size());
  for (const ItemKey& key : keys) set.Add(key);
  set.Seal();
  return set;
}

// Neighbours of a name: one more or less in either half, which a wrong bucket bound misses.
std::vector<ItemKey> Near(const ItemKey& k) {
  return {{k.high, k.low + 1}, {k.high, k.low - 1}, {k.high + 1, k.low}, {k.high - 1, k.low}};
}

TEST_CASE("issue 13: the clean set finds every name it holds and no other", "[store]") {
  for (int n : {0, 1, 63, 64, 65, 1000, 20000}) {
    INFO("names: " << n);
    std::vector<ItemKey> keys = Digests(n, "a.txt");
    std::sort(keys.begin(), keys.end());
    const CleanSet set = SetOf(keys);
    CHECK(set.size() == static_cast<size_t>(n));
    int found = 0;
    for (const ItemKey& key : keys) found += set.Contains(key) ? 1 : 0;
    CHECK(found == n);
    int strangers = 0;
    for (const ItemKey& key : Digests(n, "b.txt")) strangers += set.Contains(key) ? 1 : 0;
    for (const ItemKey& key : keys) {
      for (const ItemKey& near : Near(key)) {
        strangers += set.Contains(near) && !std::binary_search(keys.begin(), keys.end(), near);
      }
    }
    CHECK(strangers == 0);
  }
}

TEST_CASE("issue 13: the clean set sorts names that come out of order", "[store]") {
  std::vector<ItemKey> keys = Digests(5000, "x");
  std::shuffle(keys.begin(), keys.end(), std::mt19937(13));
  const CleanSet set = SetOf(keys);
  int found = 0;
  for (const ItemKey& key : keys) found += set.Contains(key) ? 1 : 0;
  CHECK(found == 5000);
  CHECK_FALSE(set.Contains(KeyOf("blob5000", "x")));
}

TEST_CASE("issue 13: names that are not spread evenly are still found (a forged store)",
          "[store]") {
  // Every name in the first bucket, then every name in the last: the index's edges.
  for (const uint64_t high : {uint64_t{0}, ~uint64_t{0}}) {
    std::vector<ItemKey> keys;
    for (uint64_t i = 0; i < 3000; ++i) keys.push_back({high, i * 3});
    keys.push_back({uint64_t{1} << 63, 7});  // one in the middle
    const CleanSet set = SetOf(keys);
    int found = 0;
    int strangers = 0;
    for (const ItemKey& key : keys) {
      found += set.Contains(key) ? 1 : 0;
      strangers += set.Contains({key.high, key.low + 1}) ? 1 : 0;
    }
    CHECK(found == 3001);
    CHECK(strangers == 0);
    CHECK_FALSE(set.Contains({high ^ (uint64_t{1} << 40), 0}));
  }
}

TEST_CASE("issue 13: a cleared clean set holds nothing", "[store]") {
  CleanSet set = SetOf(Digests(500, "a"));
  REQUIRE(set.Contains(KeyOf("blob1", "a")));
  set.Clear();
  CHECK(set.empty());
  CHECK_FALSE(set.Contains(KeyOf("blob1", "a")));
}

TEST_CASE("issue 13: an item's name is the digest of its blob id and path", "[store]") {
  // The store's names of version 1 onwards: SHA-256(blob id, NUL, path), first 16 bytes.
  const ItemKey key = KeyOf("abc", "d/e.txt");
  std::string joined("abc");
  joined.push_back('\0');
  joined += "d/e.txt";
  const std::string bytes = KeyBytes(key);
  CHECK(KeyFromBytes(reinterpret_cast<const unsigned char*>(bytes.data())) == key);
  CHECK(Sha256Hex(joined).substr(0, 32) == [&] {
    static const char kHex[] = "0123456789abcdef";
    std::string hex;
    for (char c : bytes) {
      hex.push_back(kHex[static_cast<unsigned char>(c) >> 4]);
      hex.push_back(kHex[static_cast<unsigned char>(c) & 15]);
    }
    return hex;
  }());
  CHECK_FALSE(KeyOf("ab", "cd/e.txt") == key);  // the NUL keeps id and path apart
}

}  // namespace
}  // namespace magpie::store::internal
