// Issue 13: blob bytes read from the packs by magpie's own reader (git/pack_blobs.h) equal
// libgit2's, whatever the cache keeps; every blob libgit2 reads instead is counted by why.
#include <catch2/catch.hpp>

#include <cerrno>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "base/fault_injection.h"
#include "git/history.h"
#include "git/pack_blobs.h"
#include "tests/git/git_fixture.h"
#include "tests/git/pack_fixture.h"

namespace magpie::git {
namespace {

using internal::PackBlobs;
using testing::DeltaWriter;
using testing::PackWriter;
using testing::TempDir;
using testing::TempRepo;

std::unique_ptr<History> OpenHistory(const std::string& path, bool pack_reads,
                                     uint64_t cache_bytes = uint64_t{96} << 20) {
  HistoryOptions options;
  options.pack_reads = pack_reads;
  options.pack_cache_bytes = cache_bytes;
  auto history = History::Open(path, options, nullptr);
  REQUIRE(history.ok());
  return *std::move(history);
}

// Every blob's bytes, in read order.
std::vector<std::string> ReadAll(const History& history) {
  std::vector<std::string> out;
  for (size_t i = 0; i < history.size(); ++i) {
    const BlobRead read = history.Read(i);
    INFO("blob " << history.BlobId(i));
    REQUIRE(read.ok());
    out.emplace_back(read.bytes);
  }
  return out;
}

// A packed history (ofs- or ref-deltas, chains up to 30 deep) and one loose blob on top.
void Build(TempRepo& repo, bool ref_deltas) {
  testing::GenerateHistory(repo, 120, ref_deltas ? 7 : 11, ref_deltas);
  repo.Git("read-tree main");
  repo.Write("loose.txt", "a loose blob\n");
  repo.Git("add loose.txt");
  repo.Git("commit -q -m loose");
}

TEST_CASE("issue 13: blobs read from the packs equal libgit2's reads", "[git][packread]") {
  for (const bool ref_deltas : {false, true}) {
    INFO((ref_deltas ? "ref-deltas" : "ofs-deltas"));
    TempRepo repo;
    Build(repo, ref_deltas);
    const std::unique_ptr<History> reference = OpenHistory(repo.path(), false);
    const std::vector<std::string> expected = ReadAll(*reference);
    REQUIRE(expected.size() > 100);
    CHECK(reference->blob_reads().by_libgit2.at("off") == expected.size());

    // The default cache, and one too small to keep any base: chains are rebuilt every time.
    for (const uint64_t cache : {uint64_t{96} << 20, uint64_t{64}}) {
      INFO("cache " << cache);
      const std::unique_ptr<History> history = OpenHistory(repo.path(), true, cache);
      CHECK(ReadAll(*history) == expected);
      const BlobReadStats reads = history->blob_reads();
      CHECK(reads.from_packs == expected.size() - 1);
      CHECK(reads.by_libgit2.size() == 1);
      CHECK(reads.by_libgit2.at("not-in-pack") == 1);  // the loose blob
    }
  }
}

TEST_CASE("issue 13: a pack read that fails is read by libgit2 and counted", "[git][packread]") {
  TempRepo repo;
  Build(repo, false);
  const std::vector<std::string> expected = ReadAll(*OpenHistory(repo.path(), false));
  const std::unique_ptr<History> history = OpenHistory(repo.path(), true);
  fault::ScopedFault fault(fault::Point::kPackBlobRead, EIO);
  CHECK(ReadAll(*history) == expected);
  const BlobReadStats reads = history->blob_reads();
  CHECK(reads.from_packs == 0);
  CHECK(reads.by_libgit2.at("pack-error") == expected.size());
}

TEST_CASE("issue 13: a blob over the size held in memory is left to libgit2", "[git][packread]") {
  TempRepo repo;
  repo.Write("big.txt", std::string(4096, 'x') + "\n");
  repo.Write("small.txt", "small\n");
  repo.Commit("one");
  repo.Git("repack -adq");
  HistoryOptions options;
  options.max_blob_size = 1024;  // big.txt is refused as before, by libgit2's header read
  auto history = History::Open(repo.path(), options, nullptr);
  REQUIRE(history.ok());
  int too_large = 0;
  for (size_t i = 0; i < (*history)->size(); ++i) {
    const BlobRead read = (*history)->Read(i);
    if (!read.ok() && read.skipped->kind == DiagnosticKind::kTooLarge) ++too_large;
  }
  CHECK(too_large == 1);
  const BlobReadStats reads = (*history)->blob_reads();
  CHECK(reads.from_packs == 1);
  CHECK(reads.by_libgit2.at("large") == 1);
}

// Hand-made packs for what git does not write: a thin pack, a chain that ends in a tree.
TEST_CASE("issue 13: the pack blob reader refuses thin and mistyped chains", "[git][packread]") {
  TempDir dir;
  std::filesystem::create_directories(dir.path() + "/pack");
  const std::string base = "the base version of a file\n";
  const std::string target = "the base version of a file\nand one line more\n";
  const std::string delta =
      DeltaWriter(base.size(), target.size()).Copy(0, base.size()).Insert("and one line more\n").bytes();
  PackWriter writer;
  const internal::ObjectId outside = PackWriter::BlobId("not in this pack\n");
  const internal::ObjectId thin = PackWriter::BlobId(target);
  writer.AddRefDelta(thin, outside, delta);
  const internal::ObjectId whole = PackWriter::BlobId(base);
  const uint64_t base_at = writer.AddBlob(base);
  const internal::ObjectId ofs = PackWriter::BlobId(target + "x");
  writer.AddOfsDelta(ofs, base_at,
                     DeltaWriter(base.size(), target.size() + 1)
                         .Copy(0, base.size())
                         .Insert("and one line more\nx")
                         .bytes());
  internal::ObjectId tree_id = PackWriter::BlobId("tree");
  tree_id[19] ^= 1;
  const std::string tree_bytes = "100644 f";
  const uint64_t tree_at =
      writer.AddRaw(tree_id, PackWriter::TypeAndSize(2, tree_bytes.size()) +
                                 PackWriter::Deflate(tree_bytes));
  internal::ObjectId on_tree = PackWriter::BlobId("on a tree");
  writer.AddOfsDelta(on_tree, tree_at,
                     DeltaWriter(tree_bytes.size(), 3).Copy(0, 3).bytes());
  writer.Write(dir.path() + "/pack");

  size_t unopened = 0;
  const std::unique_ptr<PackBlobs> packs = PackBlobs::Open(dir.path() + "/", 1 << 20, &unopened);
  REQUIRE(unopened == 0);
  REQUIRE(packs->packs() == 1);
  auto read = packs->Read(whole, 1 << 20);
  REQUIRE(read.ok());
  CHECK(read->bytes == base);
  read = packs->Read(ofs, 1 << 20);
  REQUIRE(read.ok());
  CHECK(read->bytes == target + "x");
  read = packs->Read(ofs, 8);  // over the size asked for: the size, no bytes
  REQUIRE(read.ok());
  CHECK(read->owner == nullptr);
  CHECK(read->size == target.size() + 1);
  read = packs->Read(thin, 1 << 20);
  REQUIRE_FALSE(read.ok());
  CHECK(read.status().code() == StatusCode::kNotFound);
  CHECK(read.status().message() != "not in a pack");
  read = packs->Read(on_tree, 1 << 20);
  REQUIRE_FALSE(read.ok());
  CHECK(read.status().code() == StatusCode::kCorrupt);
  read = packs->Read(outside, 1 << 20);
  REQUIRE_FALSE(read.ok());
  CHECK(read.status().message() == "not in a pack");
}

// Bytes zlib cannot shrink (so that the record is as large as the blob).
std::string Incompressible(size_t n, uint32_t seed) {
  std::string out(n, '\0');
  for (char& c : out) {
    seed = seed * 1664525u + 1013904223u;
    c = static_cast<char>(seed >> 24);
  }
  return out;
}

TEST_CASE("issue 13: a pack reader's buffers shrink back after a large object", "[git][packread]") {
  TempDir dir;
  std::filesystem::create_directories(dir.path() + "/pack");
  // A 3 MiB blob (record ~3 MiB) with a 2 MiB delta on it, and a large blob whose zlib data
  // is cut short: each grows a reader's buffers past kKeepScratch.
  const std::string base = Incompressible(3 << 20, 1);
  const std::string inserted = Incompressible(2 << 20, 2);
  const std::string target = base.substr(0, 1000) + inserted;
  PackWriter writer;
  const uint64_t base_at = writer.AddBlob(base);
  DeltaWriter delta(base.size(), target.size());
  delta.Copy(0, 1000).Insert(inserted);
  const internal::ObjectId target_id = PackWriter::BlobId(target);
  writer.AddOfsDelta(target_id, base_at, delta.bytes());
  const std::string broken = Incompressible(3 << 20, 3);
  const std::string deflated = PackWriter::Deflate(broken);
  const internal::ObjectId broken_id = PackWriter::BlobId(broken);
  writer.AddRaw(broken_id, PackWriter::TypeAndSize(3, broken.size()) +
                               deflated.substr(0, deflated.size() - 100));
  writer.Write(dir.path() + "/pack");

  size_t unopened = 0;
  // No cache: nothing but the buffers is held between reads.
  const std::unique_ptr<PackBlobs> packs = PackBlobs::Open(dir.path() + "/", 0, &unopened);
  REQUIRE(packs->packs() == 1);
  {
    auto read = packs->Read(target_id, uint64_t{64} << 20);
    REQUIRE(read.ok());
    CHECK(read->bytes == target);
  }
  CHECK(packs->held().scratch_bytes <= 3 * internal::kKeepScratch);
  CHECK(packs->held().cache_objects == 0);
  auto read = packs->Read(broken_id, uint64_t{64} << 20);
  CHECK_FALSE(read.ok());  // and on the way out of an error too
  CHECK(packs->held().scratch_bytes <= 3 * internal::kKeepScratch);
  // Small objects keep the buffers: they are reused, not allocated per read.
  REQUIRE(packs->Read(PackWriter::BlobId(base), uint64_t{64} << 20).ok());
  CHECK(packs->held().scratch_bytes <= 3 * internal::kKeepScratch);
}

TEST_CASE("issue 13: the base cache holds no more than its budget counting each object's cost",
          "[git][packread]") {
  TempDir dir;
  std::filesystem::create_directories(dir.path() + "/pack");
  // Many tiny blobs: their bytes alone are a fraction of what holding them costs.
  PackWriter writer;
  std::vector<internal::ObjectId> ids;
  for (int i = 0; i < 2000; ++i) {
    const std::string content = "blob " + std::to_string(i) + "\n";
    writer.AddBlob(content);
    ids.push_back(PackWriter::BlobId(content));
  }
  writer.Write(dir.path() + "/pack");
  constexpr uint64_t kBudget = 64 << 10;
  size_t unopened = 0;
  const std::unique_ptr<PackBlobs> packs = PackBlobs::Open(dir.path() + "/", kBudget, &unopened);
  REQUIRE(packs->packs() == 1);
  for (const internal::ObjectId& id : ids) REQUIRE(packs->Read(id, 1 << 20).ok());
  const PackBlobs::Memory held = packs->held();
  CHECK(held.cache_bytes <= kBudget);
  CHECK(held.cache_objects > 0);
  // Each object held costs at least a list node, a hash node and a block for its bytes:
  // ~100 bytes on any 64-bit allocator, whatever the cache counts.
  CHECK(held.cache_objects * 100 <= kBudget);
}

TEST_CASE("issue 13: ReleaseMemory frees the base cache and the buffers and reads go on",
          "[git][packread]") {
  TempDir dir;
  std::filesystem::create_directories(dir.path() + "/pack");
  PackWriter writer;
  std::vector<internal::ObjectId> ids;
  for (int i = 0; i < 50; ++i) {
    const std::string content = "version " + std::to_string(i) + "\n" + std::string(1000, 'v');
    writer.AddBlob(content);
    ids.push_back(PackWriter::BlobId(content));
  }
  writer.Write(dir.path() + "/pack");
  size_t unopened = 0;
  const std::unique_ptr<PackBlobs> packs = PackBlobs::Open(dir.path() + "/", 1 << 20, &unopened);
  for (const internal::ObjectId& id : ids) REQUIRE(packs->Read(id, 1 << 20).ok());
  REQUIRE(packs->held().cache_objects == ids.size());
  REQUIRE(packs->held().scratch_bytes > 0);
  packs->ReleaseMemory();
  CHECK(packs->held().cache_bytes == 0);
  CHECK(packs->held().cache_objects == 0);
  // An empty std::string's capacity is its inline buffer (15 bytes in libstdc++), on no heap.
  CHECK(packs->held().scratch_bytes <= 3 * sizeof(std::string));
  auto read = packs->Read(ids[7], 1 << 20);
  REQUIRE(read.ok());
  CHECK(read->bytes == "version 7\n" + std::string(1000, 'v'));
}

}  // namespace
}  // namespace magpie::git
