// Issue 13: History::Read says how the packs store each blob (HistoryOptions::deltas), and
// every way of not knowing is a reason, never a silent gap. The layout comes with the pack
// read (the delta it just applied), and equals what a second lookup of the record says.
#include <catch2/catch.hpp>

#include <cerrno>
#include <filesystem>
#include <map>
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

using testing::TempRepo;

std::string Lines(int from, int to) {
  std::string out;
  for (int i = from; i < to; ++i) out += "line " + std::to_string(i) + " of a file long enough\n";
  return out;
}

// A file in three versions, packed (the later ones as deltas), and one more loose.
void Build(TempRepo& repo) {
  repo.Write("f.txt", Lines(0, 400));
  repo.Commit("one");
  repo.Write("f.txt", Lines(0, 200) + "inserted\n" + Lines(200, 400));
  repo.Commit("two");
  repo.Write("f.txt", Lines(0, 100) + Lines(150, 200) + "inserted\n" + Lines(200, 400));
  repo.Commit("three");
  repo.Git("repack -adfq --depth=50 --window=50");
  repo.Write("g.txt", "loose\n");
  repo.Commit("loose");
}

// delta_note (or "delta") of every blob read, by the blob's path's content size.
std::map<std::string, int> Reasons(const History& history) {
  std::map<std::string, int> out;
  for (size_t i = 0; i < history.size(); ++i) {
    const BlobRead read = history.Read(i);
    REQUIRE(read.ok());
    if (read.delta) {
      ++out["delta"];
      uint64_t copied = 0;
      for (const BlobCopy& c : read.delta->copies) {
        CHECK(c.target_begin + c.length <= read.bytes.size());
        CHECK(c.base_begin + c.length <= read.delta->base_size);
        copied += c.length;
      }
      CHECK(copied > 0);
      CHECK(read.delta->base_id.size() == 40);
    } else {
      ++out[read.delta_note];
    }
  }
  return out;
}

std::unique_ptr<History> OpenWithDeltas(const TempRepo& repo, bool pack_reads = true,
                                        uint64_t cache_bytes = uint64_t{96} << 20) {
  HistoryOptions options;
  options.deltas = true;
  options.pack_reads = pack_reads;
  options.pack_cache_bytes = cache_bytes;
  auto history = History::Open(repo.path(), options, nullptr);
  REQUIRE(history.ok());
  return *std::move(history);
}

TEST_CASE("issue 13: history reads say which blobs are pack deltas and why the others are not",
          "[git][delta]") {
  TempRepo repo;
  Build(repo);
  const std::unique_ptr<History> history = OpenWithDeltas(repo);
  std::map<std::string, int> reasons = Reasons(*history);
  CHECK(reasons["delta"] == 2);        // versions two and three
  CHECK(reasons["base"] == 1);         // the whole object they come from
  CHECK(reasons["not-in-pack"] == 1);  // the loose blob
  CHECK(history->unread_packs() == 0);

  HistoryOptions options;
  auto plain = History::Open(repo.path(), options, nullptr);
  REQUIRE(plain.ok());
  CHECK(Reasons(**plain)[""] == 4);  // nothing asked, nothing said
}

TEST_CASE("issue 13: a delta that cannot be read leaves the blob whole with its reason",
          "[git][delta]") {
  for (const bool pack_reads : {true, false}) {
    INFO("pack reads " << pack_reads);
    TempRepo repo;
    Build(repo);
    const std::unique_ptr<History> history = OpenWithDeltas(repo, pack_reads);
    fault::ScopedFault fault(fault::Point::kPackDeltaRead, EIO);
    std::map<std::string, int> reasons = Reasons(*history);
    CHECK(reasons["pack-error"] == 2);  // the two deltas; their bytes are still read
    CHECK(reasons["base"] == 1);
    CHECK(reasons["not-in-pack"] == 1);
    CHECK(reasons.count("delta") == 0);
  }
}

TEST_CASE("issue 13: delta layouts come with the pack read and libgit2 is not asked for them",
          "[git][delta]") {
  TempRepo repo;
  Build(repo);
  const std::unique_ptr<History> history = OpenWithDeltas(repo);
  CHECK(Reasons(*history)["delta"] == 2);
  const BlobReadStats reads = history->blob_reads();
  CHECK(reads.from_packs == 3);
  CHECK(reads.by_libgit2.at("not-in-pack") == 1);  // only the loose blob
  CHECK(reads.layouts_with_read == 2);
  CHECK(reads.layouts_looked_up == 0);

  // Without magpie's pack reads, libgit2 reads the bytes and the layout is looked up.
  const std::unique_ptr<History> looked_up = OpenWithDeltas(repo, false);
  CHECK(Reasons(*looked_up)["delta"] == 2);
  CHECK(looked_up->blob_reads().layouts_with_read == 0);
  CHECK(looked_up->blob_reads().layouts_looked_up == 2);
}

void RequireSameLayout(const BlobDelta& got, const BlobDelta& want) {
  REQUIRE(got.base_id == want.base_id);
  REQUIRE(got.base_size == want.base_size);
  REQUIRE(got.copies.size() == want.copies.size());
  for (size_t c = 0; c < got.copies.size(); ++c) {
    CHECK(got.copies[c].target_begin == want.copies[c].target_begin);
    CHECK(got.copies[c].length == want.copies[c].length);
    CHECK(got.copies[c].base_begin == want.copies[c].base_begin);
  }
}

TEST_CASE("issue 13: layouts from the read equal a lookup over chains and evicted bases",
          "[git][delta]") {
  for (const bool ref_deltas : {false, true}) {
    INFO((ref_deltas ? "ref-deltas" : "ofs-deltas"));
    TempRepo repo(true);
    testing::GenerateHistory(repo, 80, ref_deltas ? 5 : 9, ref_deltas);
    // The reference: libgit2's bytes, each layout from a second lookup of the record.
    const std::unique_ptr<History> reference = OpenWithDeltas(repo, false);
    std::vector<BlobRead> want;
    for (size_t i = 0; i < reference->size(); ++i) want.push_back(reference->Read(i));
    // The default cache, and one too small to keep any base (chains rebuilt every time).
    for (const uint64_t cache : {uint64_t{96} << 20, uint64_t{64}}) {
      INFO("cache " << cache);
      const std::unique_ptr<History> history = OpenWithDeltas(repo, true, cache);
      int deltas = 0;
      for (size_t i = 0; i < history->size(); ++i) {
        const BlobRead got = history->Read(i);
        REQUIRE(got.ok());
        CHECK(got.bytes == want[i].bytes);
        REQUIRE(got.delta.has_value() == want[i].delta.has_value());
        CHECK(got.delta_note == want[i].delta_note);
        if (got.delta) {
          ++deltas;
          RequireSameLayout(*got.delta, *want[i].delta);
        }
      }
      CHECK(deltas > 40);
      CHECK(history->blob_reads().layouts_with_read == static_cast<uint64_t>(deltas));
      CHECK(history->blob_reads().layouts_looked_up == 0);
    }
  }
}

// Hand-made packs: a version already resolved in the cache (as the base of a later one) is
// described by a second lookup, counted; a thin pack's version falls back to libgit2 for its
// bytes but its layout is still known.
TEST_CASE("issue 13: a cached version is described again and a thin pack still has its layout",
          "[git][delta]") {
  using testing::DeltaWriter;
  using testing::PackWriter;
  testing::TempDir dir;
  std::filesystem::create_directories(dir.path() + "/pack");
  const std::string base = "the base version of a file\n";
  const std::string one = base + "one line more\n";
  const std::string two = one + "and another\n";
  PackWriter writer;
  const uint64_t base_at = writer.AddBlob(base);
  const uint64_t one_at = writer.AddOfsDelta(
      PackWriter::BlobId(one), base_at,
      DeltaWriter(base.size(), one.size()).Copy(0, base.size()).Insert("one line more\n").bytes());
  writer.AddOfsDelta(
      PackWriter::BlobId(two), one_at,
      DeltaWriter(one.size(), two.size()).Copy(0, one.size()).Insert("and another\n").bytes());
  const std::string target = base + "thin\n";
  const internal::ObjectId outside = PackWriter::BlobId("not in this pack\n");
  writer.AddRefDelta(PackWriter::BlobId(target), outside,
                     DeltaWriter(17, target.size()).Copy(0, 17).Insert(target.substr(17)).bytes());
  writer.Write(dir.path() + "/pack");
  size_t unopened = 0;
  const auto packs = internal::PackBlobs::Open(dir.path() + "/", 1 << 20, &unopened);
  REQUIRE(packs->packs() == 1);

  auto read = packs->Read(PackWriter::BlobId(two), 1 << 20, 0);  // resolves `one` on the way
  REQUIRE(read.ok());
  CHECK(read->bytes == two);
  REQUIRE(read->delta.has_value());
  CHECK_FALSE(read->described_again);
  CHECK(read->delta->base_size == one.size());
  read = packs->Read(PackWriter::BlobId(one), 1 << 20, 0);
  REQUIRE(read.ok());
  CHECK(read->bytes == one);
  CHECK(read->described_again);
  REQUIRE(read->delta.has_value());
  CHECK(read->delta->base_size == base.size());
  REQUIRE(read->delta->copies.size() == 1);
  CHECK(read->delta->copies[0].length == base.size());
  read = packs->Read(PackWriter::BlobId(base), 1 << 20, 0);  // cached too, stored whole
  REQUIRE(read.ok());
  CHECK_FALSE(read->delta.has_value());
  CHECK(read->delta_note == "base");
  read = packs->Read(PackWriter::BlobId(two), 1 << 20);  // not asked: not described
  REQUIRE(read.ok());
  CHECK_FALSE(read->delta.has_value());
  CHECK(read->delta_note.empty());

  read = packs->Read(PackWriter::BlobId(target), 1 << 20, 0);
  REQUIRE_FALSE(read.ok());
  CHECK(read.status().code() == StatusCode::kNotFound);
  std::string reason;
  auto described = packs->Describe(PackWriter::BlobId(target), target.size(), &reason);
  REQUIRE(described.ok());
  REQUIRE(described->has_value());
  CHECK((*described)->base_size == 17);
  CHECK((*described)->base_id.size() == 40);
  described = packs->Describe(outside, 3, &reason);
  REQUIRE(described.ok());
  CHECK_FALSE(described->has_value());
  CHECK(reason == "not-in-pack");
  // The result size is checked against the blob's.
  described = packs->Describe(PackWriter::BlobId(target), target.size() + 1, &reason);
  CHECK_FALSE(described.ok());
}

TEST_CASE("issue 13: an unreadable pack is counted and its blobs are still read",
          "[git][delta]") {
  TempRepo repo;
  Build(repo);
  // A second pack whose index is garbage: the pack reader leaves it out, libgit2 too.
  testing::Run("cd " + testing::ShellQuote(repo.path()) +
               " && printf 'PACK' > .git/objects/pack/pack-bad.pack"
               " && printf 'junk' > .git/objects/pack/pack-bad.idx");
  const std::unique_ptr<History> history = OpenWithDeltas(repo);
  CHECK(history->unread_packs() == 1);
  CHECK(Reasons(*history)["delta"] == 2);
}

}  // namespace
}  // namespace magpie::git
