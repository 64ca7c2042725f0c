// The read order of packed objects (git/pack_order.h): reading an index whole or by lookups
// gives every id its offset in the pack, as git itself lists it, and a damaged index places
// nothing rather than reading past its tables.
#include "git/pack_order.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "git_fixture.h"

namespace magpie::git::internal {
namespace {

using testing::ShellQuote;
using testing::TempRepo;

constexpr uint64_t kUnplaced = std::numeric_limits<uint64_t>::max();

// The repository's one pack index, with each object's offset as `git show-index` lists it.
struct PackedRepo {
  TempRepo repo;
  std::string objects;  // objects directory, ending in '/'
  std::string idx;
  std::vector<git_oid> ids;        // every object of the pack
  std::vector<uint64_t> offsets;   // ids[i]'s offset
};

git_oid Oid(const std::string& hex) {
  git_oid id;
  REQUIRE(git_oid_fromstr(&id, hex.c_str()) == 0);
  return id;
}

void Pack(PackedRepo* packed) {
  for (int i = 0; i < 40; ++i) {
    packed->repo.Write("f" + std::to_string(i) + ".txt", "content " + std::to_string(i) + "\n");
  }
  packed->repo.Commit("many files");
  packed->repo.Git("repack -a -d -q");
  packed->objects = packed->repo.path() + "/.git/objects/";
  for (const auto& entry : std::filesystem::directory_iterator(packed->objects + "pack")) {
    if (entry.path().extension() == ".idx") packed->idx = entry.path().string();
  }
  REQUIRE(!packed->idx.empty());
  std::istringstream lines(packed->repo.Git("show-index < " + ShellQuote(packed->idx)));
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    uint64_t offset = 0;
    std::string id;
    fields >> offset >> id;
    packed->ids.push_back(Oid(id));
    packed->offsets.push_back(offset);
  }
  REQUIRE(packed->ids.size() > 40);
}

TEST_CASE("issue 13: an index read whole or by lookups places every id at its offset",
          "[git]") {
  PackedRepo packed;
  Pack(&packed);
  std::vector<git_oid> ids = packed.ids;
  std::vector<uint64_t> expected = packed.offsets;  // pack number 0
  ids.push_back(Oid(std::string(40, 'e')));  // in no pack
  expected.push_back(kUnplaced);
  CHECK(PackOrderKeys(packed.objects, ids, IndexRead::kWhole) == expected);
  CHECK(PackOrderKeys(packed.objects, ids, IndexRead::kLookups) == expected);
  CHECK(PackOrderKeys(packed.objects, ids) == expected);
  // A few of them, as a rescan asks.
  const std::vector<git_oid> few = {ids[3], ids.back(), ids[0]};
  CHECK(PackOrderKeys(packed.objects, few, IndexRead::kLookups) ==
        std::vector<uint64_t>{expected[3], kUnplaced, expected[0]});
}

TEST_CASE("issue 13: a damaged pack index places nothing, read whole or by lookups", "[git]") {
  PackedRepo packed;
  Pack(&packed);
  const std::vector<git_oid>& ids = packed.ids;
  const std::vector<uint64_t>& offsets = packed.offsets;
  const std::vector<uint64_t> none(ids.size(), kUnplaced);
  std::filesystem::permissions(packed.idx, std::filesystem::perms::owner_read |
                                               std::filesystem::perms::owner_write);
  SECTION("truncated inside its tables") {
    std::filesystem::resize_file(packed.idx, 8 + 1024 + 100);
    CHECK(PackOrderKeys(packed.objects, ids, IndexRead::kWhole) == none);
    CHECK(PackOrderKeys(packed.objects, ids, IndexRead::kLookups) == none);
  }
  SECTION("a fan-out that claims more objects than the table holds") {
    // Every bucket but the last says 0xffffffff: a search would run past the id table.
    std::fstream f(packed.idx, std::ios::in | std::ios::out | std::ios::binary);
    const std::string forged(4, '\xff');
    for (int b = 0; b < 255; ++b) {
      f.seekp(8 + 4 * b);
      f.write(forged.data(), 4);
    }
    f.close();
    for (IndexRead how : {IndexRead::kWhole, IndexRead::kLookups}) {
      const std::vector<uint64_t> keys = PackOrderKeys(packed.objects, ids, how);
      REQUIRE(keys.size() == ids.size());
      for (size_t i = 0; i < ids.size(); ++i) {
        // Placed at its true offset, or not at all: never a key read from outside the table.
        CHECK((keys[i] == kUnplaced || keys[i] == offsets[i]));
      }
    }
  }
}

}  // namespace
}  // namespace magpie::git::internal
