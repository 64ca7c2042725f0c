// The pack reader and delta parser (issue 13, delta-aware history): every object of generated
// packs read through them equals libgit2's reading, the changed regions of each delta are
// sound (outside them a version is its base, context included), and hostile packs and deltas
// are errors, not crashes.
#include <catch2/catch.hpp>

#include <git2.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "base/fault_injection.h"
#include "git/delta.h"
#include "git/pack_reader.h"
#include "tests/git/git_fixture.h"
#include "tests/git/pack_fixture.h"

namespace magpie::git {
namespace {

using internal::ByteRange;
using internal::ChangedRegions;
using internal::DeltaOp;
using internal::PackEntry;
using internal::PackObjectType;
using internal::PackReader;
using internal::ParseDelta;
using testing::DeltaWriter;
using testing::PackWriter;
using testing::TempDir;
using testing::TempRepo;

// Outside the changed regions widened by `context`, each target byte's neighbourhood of
// `context` bytes either side equals its source's in the base, with the same clamping at the
// ends: a match needing no more context than that is found in the base at the mapped offset.
void CheckRegionsSound(const std::string& base, const std::string& target,
                       const internal::ParsedDelta& delta, uint64_t context) {
  const std::vector<ByteRange> regions = ChangedRegions(delta, context);
  size_t r = 0;
  for (const DeltaOp& op : delta.ops) {
    if (op.kind != DeltaOp::Kind::kCopy) continue;
    for (uint64_t i = 0; i < op.length; ++i) {
      const uint64_t t = op.target_offset + i;
      while (r < regions.size() && regions[r].end <= t) ++r;
      if (r < regions.size() && regions[r].begin <= t) continue;  // inside: scanned
      const uint64_t s = op.source_offset + i;
      const uint64_t left = std::min(context, t);
      INFO("target offset " << t << " source " << s);
      REQUIRE(std::min(context, s) == left);
      const uint64_t right = std::min<uint64_t>(context, target.size() - t);
      REQUIRE(std::min<uint64_t>(context, base.size() - s) == right);
      REQUIRE(target.compare(t - left, left + right, base, s - left, left + right) == 0);
    }
  }
}

struct PackCounts {
  int objects = 0;
  int deltas = 0;
  int ofs_deltas = 0;
  int ref_deltas = 0;
  int max_depth = 0;
};

// Reads every object of every pack of `git_dir` and compares with libgit2.
PackCounts CheckAgainstLibgit2(const std::string& git_dir) {
  git_libgit2_init();
  git_repository* repo = nullptr;
  REQUIRE(git_repository_open_bare(&repo, git_dir.c_str()) == 0);
  git_odb* odb = nullptr;
  REQUIRE(git_repository_odb(&odb, repo) == 0);
  PackCounts counts;
  for (const std::string& path : testing::PackPaths(git_dir)) {
    auto pack = PackReader::Open(path, {});
    REQUIRE(pack.ok());
    for (const PackEntry& entry : (*pack)->entries()) {
      auto object = (*pack)->Read(entry);
      REQUIRE(object.ok());
      const internal::ObjectId id = (*pack)->index().id(entry.index);
      git_oid oid;
      git_oid_fromraw(&oid, id.data());
      git_odb_object* expected = nullptr;
      REQUIRE(git_odb_read(&expected, odb, &oid) == 0);
      CHECK(static_cast<int>(object->type) == static_cast<int>(git_odb_object_type(expected)));
      REQUIRE(object->bytes == std::string(static_cast<const char*>(git_odb_object_data(expected)),
                                           git_odb_object_size(expected)));
      git_odb_object_free(expected);
      ++counts.objects;
      auto header = (*pack)->ReadHeader(entry);
      REQUIRE(header.ok());
      auto type = (*pack)->ResolveType(entry);
      REQUIRE(type.ok());
      CHECK(*type == object->type);
      if (header->type == PackObjectType::kOfsDelta || header->type == PackObjectType::kRefDelta) {
        ++counts.deltas;
        counts.ofs_deltas += header->type == PackObjectType::kOfsDelta ? 1 : 0;
        counts.ref_deltas += header->type == PackObjectType::kRefDelta ? 1 : 0;
        counts.max_depth = std::max(counts.max_depth, object->chain_depth);
        // The delta against its base, parsed and applied alone, and its regions sound.
        auto delta = (*pack)->Inflate(entry, *header);
        REQUIRE(delta.ok());
        const PackEntry* base_entry = header->type == PackObjectType::kOfsDelta
                                          ? (*pack)->EntryAt(header->base_offset)
                                          : (*pack)->Find(header->base_id);
        REQUIRE(base_entry != nullptr);
        auto base = (*pack)->Read(*base_entry);
        REQUIRE(base.ok());
        auto parsed = ParseDelta(*delta, uint64_t{1} << 30);
        REQUIRE(parsed.ok());
        auto applied = internal::ApplyDelta(base->bytes, *delta, uint64_t{1} << 30);
        REQUIRE(applied.ok());
        REQUIRE(*applied == object->bytes);
        if (object->type == PackObjectType::kBlob) {
          for (uint64_t context : {0, 1, 7, 64}) CheckRegionsSound(base->bytes, *applied, *parsed, context);
        }
      }
    }
  }
  git_odb_free(odb);
  git_repository_free(repo);
  return counts;
}

TEST_CASE("issue 13: every object of a generated ofs-delta pack reads as libgit2 reads it", "[git]") {
  TempRepo repo(/*bare=*/true);
  testing::GenerateHistory(repo, 120, 1, /*ref_deltas=*/false);
  const PackCounts counts = CheckAgainstLibgit2(repo.path());
  CHECK(counts.objects > 300);
  CHECK(counts.ofs_deltas > 50);
  CHECK(counts.max_depth > 1);  // chains of deltas
}

TEST_CASE("issue 13: every object of a generated ref-delta pack reads as libgit2 reads it", "[git]") {
  TempRepo repo(/*bare=*/true);
  testing::GenerateHistory(repo, 80, 2, /*ref_deltas=*/true);
  const PackCounts counts = CheckAgainstLibgit2(repo.path());
  CHECK(counts.ref_deltas > 50);
  CHECK(counts.ofs_deltas == 0);
  CHECK(counts.max_depth > 1);
}

TEST_CASE("issue 13: a pack index keeps only its fan-out ids and offsets", "[git]") {
  TempRepo repo(/*bare=*/true);
  testing::GenerateHistory(repo, 40, 1, /*ref_deltas=*/false);
  for (const std::string& path : testing::PackPaths(repo.path())) {
    auto pack = PackReader::Open(path, {});
    REQUIRE(pack.ok());
    const internal::PackIndex& index = (*pack)->index();
    const size_t n = index.size();
    REQUIRE(n > 100);
    // Not the CRCs, the 4-byte offsets and the checksums the file also holds (36 bytes an
    // object in all with the offsets kept).
    CHECK(index.held_bytes() <= 8 + 1024 + n * (20 + 8));
    for (size_t i = 0; i < n; ++i) {
      const auto found = index.Find(index.id(i));
      REQUIRE(found.has_value());
      CHECK(*found == i);
      CHECK((*pack)->Find(index.id(i)) != nullptr);
    }
  }
}

TEST_CASE("issue 13: delta instructions parse into copies and inserts in target order", "[git]") {
  const std::string base = "0123456789abcdefghij";
  // "0123" + "XY" + "abcdefghij": a copy, an insert, a copy that skips "456789".
  const std::string delta =
      DeltaWriter(base.size(), 16).Copy(0, 4).Insert("XY").Copy(10, 10).bytes();
  auto parsed = ParseDelta(delta, 1024);
  REQUIRE(parsed.ok());
  REQUIRE(parsed->ops.size() == 3);
  CHECK(parsed->ops[1].kind == DeltaOp::Kind::kInsert);
  CHECK(parsed->ops[1].target_offset == 4);
  CHECK(parsed->ops[2].source_offset == 10);
  auto applied = internal::ApplyDelta(base, delta, 1024);
  REQUIRE(applied.ok());
  CHECK(*applied == "0123XYabcdefghij");
  // The insert, widened by 2; the seam after it is inside it already.
  CHECK(ChangedRegions(*parsed, 2) == std::vector<ByteRange>{{2, 8}});
  // A deletion alone (two copies that do not continue each other) is a changed point.
  const std::string cut = DeltaWriter(base.size(), 14).Copy(0, 4).Copy(10, 10).bytes();
  auto cut_parsed = ParseDelta(cut, 1024);
  REQUIRE(cut_parsed.ok());
  CHECK(ChangedRegions(*cut_parsed, 0) == std::vector<ByteRange>{{4, 4}});
  CHECK(ChangedRegions(*cut_parsed, 3) == std::vector<ByteRange>{{1, 7}});
  // Contiguous copies are no seam; a truncated tail is one at the end.
  const std::string same = DeltaWriter(base.size(), 12).Copy(0, 5).Copy(5, 7).bytes();
  auto same_parsed = ParseDelta(same, 1024);
  REQUIRE(same_parsed.ok());
  CHECK(ChangedRegions(*same_parsed, 4) == std::vector<ByteRange>{{8, 12}});
  // Size zero in a copy means 0x10000.
  const std::string big_base(0x10000, 'z');
  auto big = ParseDelta(DeltaWriter(big_base.size(), 0x10000).Copy(0, 0x10000).bytes(), 1 << 20);
  REQUIRE(big.ok());
  CHECK(big->ops[0].length == 0x10000);
  CHECK(ChangedRegions(*big, 16).empty());
}

TEST_CASE("issue 13: a hostile delta is an error and never reads out of bounds", "[git]") {
  const std::string base = "0123456789";
  auto fails = [&](const std::string& delta) {
    auto parsed = ParseDelta(delta, 1024);
    auto applied = internal::ApplyDelta(base, delta, 1024);
    return !parsed.ok() && !applied.ok();
  };
  CHECK(fails(""));                                                  // no sizes
  CHECK(fails("\x0a"));                                              // no result size
  CHECK(fails(std::string(11, '\xff')));                             // size over 64 bits
  CHECK(fails(DeltaWriter(10, 5).Copy(8, 5).bytes()));               // copy past the base
  CHECK(fails(DeltaWriter(10, 5).Copy(0, 4).bytes()));               // result too short
  CHECK(fails(DeltaWriter(10, 3).Copy(0, 4).bytes()));               // copy past the result
  CHECK(fails(DeltaWriter(10, 3).Insert("abcd").bytes()));           // insert past the result
  CHECK(fails(DeltaWriter(10, 5).Raw(std::string("\x05" "ab", 3)).bytes()));  // insert cut off
  CHECK(fails(DeltaWriter(10, 1).Raw(std::string(1, '\0')).bytes()));   // reserved opcode
  CHECK(fails(DeltaWriter(10, 4).Raw("\x91").bytes()));              // copy args cut off
  auto over = ParseDelta(DeltaWriter(10, 5000).Copy(0, 4).bytes(), 1024);
  REQUIRE(!over.ok());
  CHECK(over.status().code() == StatusCode::kResourceExhausted);     // over the budget
  CHECK(!internal::ApplyDelta("012345678", DeltaWriter(10, 4).Copy(0, 4).bytes(), 1024).ok());
}

TEST_CASE("issue 13: a thin pack's ref-delta takes its base from outside the pack", "[git]") {
  TempDir dir;
  const std::string base = "line one\nline two\nline three\n";
  const std::string target = "line one\nline 2: aws_secret_access_key = abc\nline three\n";
  const std::string delta = DeltaWriter(base.size(), target.size())
                                .Copy(0, 9)
                                .Insert("line 2: aws_secret_access_key = abc\n")
                                .Copy(18, 11)
                                .bytes();
  PackWriter writer;
  writer.AddRefDelta(PackWriter::BlobId(target), PackWriter::BlobId(base), delta);
  const std::string path = writer.Write(dir.path());
  auto pack = PackReader::Open(path, {});
  REQUIRE(pack.ok());
  const PackEntry& entry = (*pack)->entries().at(0);
  auto missing = (*pack)->Read(entry);
  REQUIRE(!missing.ok());
  CHECK(missing.status().code() == StatusCode::kNotFound);  // the caller falls back to libgit2
  int asked = 0;
  internal::ExternalBase external = [&](const internal::ObjectId& id) -> Result<internal::PackObject> {
    ++asked;
    if (id != PackWriter::BlobId(base)) return NotFound("no such object");
    return internal::PackObject{PackObjectType::kBlob, base, 0};
  };
  auto object = (*pack)->Read(entry, external);
  REQUIRE(object.ok());
  CHECK(object->bytes == target);
  CHECK(object->type == PackObjectType::kBlob);
  auto type = (*pack)->ResolveType(entry, external);
  REQUIRE(type.ok());
  CHECK(*type == PackObjectType::kBlob);
  CHECK(asked == 2);
}

TEST_CASE("issue 13: a hostile pack is an error and never a crash", "[git]") {
  TempDir dir;
  const std::string content = "hello pack\n";
  SECTION("a ref-delta cycle stops at the depth limit") {
    PackWriter writer;
    const auto a = PackWriter::BlobId("a");
    const auto b = PackWriter::BlobId("b");
    writer.AddRefDelta(a, b, DeltaWriter(1, 1).Copy(0, 1).bytes());
    writer.AddRefDelta(b, a, DeltaWriter(1, 1).Copy(0, 1).bytes());
    auto pack = PackReader::Open(writer.Write(dir.path()), {});
    REQUIRE(pack.ok());
    for (const PackEntry& e : (*pack)->entries()) {
      CHECK(!(*pack)->Read(e).ok());
      CHECK(!(*pack)->ResolveType(e).ok());
    }
  }
  SECTION("a declared size over the budget is refused before inflating") {
    PackWriter writer;
    writer.AddRaw(PackWriter::BlobId(content),
                  PackWriter::TypeAndSize(3, uint64_t{1} << 40) + PackWriter::Deflate(content));
    auto pack = PackReader::Open(writer.Write(dir.path()), {});
    REQUIRE(pack.ok());
    auto object = (*pack)->Read((*pack)->entries().at(0));
    REQUIRE(!object.ok());
    CHECK(object.status().code() == StatusCode::kResourceExhausted);
  }
  SECTION("data longer or shorter than declared, bad zlib, bad type") {
    for (const std::string& record :
         {PackWriter::TypeAndSize(3, content.size() - 1) + PackWriter::Deflate(content),
          PackWriter::TypeAndSize(3, content.size() + 1) + PackWriter::Deflate(content),
          PackWriter::TypeAndSize(3, content.size()) + "not zlib at all",
          PackWriter::TypeAndSize(5, content.size()) + PackWriter::Deflate(content),
          PackWriter::TypeAndSize(6, 4) + std::string("\x7f", 1) + PackWriter::Deflate("abcd")}) {
      TempDir d;
      PackWriter writer;
      writer.AddRaw(PackWriter::BlobId(content), record);
      auto pack = PackReader::Open(writer.Write(d.path()), {});
      REQUIRE(pack.ok());
      CHECK(!(*pack)->Read((*pack)->entries().at(0)).ok());
    }
  }
  SECTION("issue 13: a bad checksum or a preset dictionary is refused, bytes after the stream "
          "are not read") {
    std::string bad_sum = PackWriter::Deflate(content);
    bad_sum.back() = static_cast<char>(bad_sum.back() ^ 1);  // adler32's last byte
    std::string dictionary = PackWriter::Deflate(content);
    // FLG = FLEVEL(2) FDICT(1) FCHECK(5): set FDICT, then the FCHECK that makes CMF*256+FLG a
    // multiple of 31, so only the dictionary flag is wrong.
    const unsigned cmf = static_cast<unsigned char>(dictionary[0]);
    unsigned flg = (static_cast<unsigned char>(dictionary[1]) & 0xc0u) | 0x20u;
    flg |= (31 - (cmf * 256 + flg) % 31) % 31;
    REQUIRE((flg & 0x20u) != 0);
    dictionary[1] = static_cast<char>(flg);
    for (const std::string& stream : {bad_sum, dictionary}) {
      TempDir d;
      PackWriter writer;
      writer.AddRaw(PackWriter::BlobId(content),
                    PackWriter::TypeAndSize(3, content.size()) + stream);
      auto pack = PackReader::Open(writer.Write(d.path()), {});
      REQUIRE(pack.ok());
      auto object = (*pack)->Read((*pack)->entries().at(0));
      REQUIRE(!object.ok());
      CHECK(object.status().code() == StatusCode::kCorrupt);
    }
    TempDir d;
    PackWriter writer;
    writer.AddRaw(PackWriter::BlobId(content), PackWriter::TypeAndSize(3, content.size()) +
                                                   PackWriter::Deflate(content) + "trailing");
    auto pack = PackReader::Open(writer.Write(d.path()), {});
    REQUIRE(pack.ok());
    auto object = (*pack)->Read((*pack)->entries().at(0));
    REQUIRE(object.ok());
    CHECK(object->bytes == content);
  }
  SECTION("issue 13: a decompressor that cannot be allocated is an error, then works again") {
    PackWriter writer;
    writer.AddBlob(content);
    auto pack = PackReader::Open(writer.Write(dir.path()), {});
    REQUIRE(pack.ok());
    {
      fault::ScopedFault no_memory(fault::Point::kPackInflaterAlloc, ENOMEM);
      auto object = (*pack)->Read((*pack)->entries().at(0));
      REQUIRE(!object.ok());
      CHECK(object.status().code() == StatusCode::kResourceExhausted);
    }
    auto object = (*pack)->Read((*pack)->entries().at(0));
    REQUIRE(object.ok());
    CHECK(object->bytes == content);
  }
  SECTION("a pack truncated after its index was read") {
    PackWriter writer;
    writer.AddBlob(content);
    writer.AddBlob(std::string(5000, 'x') + "tail");
    const std::string path = writer.Write(dir.path());
    auto pack = PackReader::Open(path, {});
    REQUIRE(pack.ok());
    std::filesystem::resize_file(path, 40);
    for (const PackEntry& e : (*pack)->entries()) {
      auto object = (*pack)->Read(e);
      if (object.ok()) CHECK(object->bytes == content);  // the first may still be whole
    }
    CHECK(!(*pack)->Read((*pack)->entries().back()).ok());
  }
  SECTION("an index that points outside the pack or disagrees with it") {
    PackWriter writer;
    writer.AddBlob(content);
    const std::string path = writer.Write(dir.path());
    std::filesystem::resize_file(path, 32);  // the object now lies in the trailer
    CHECK(!PackReader::Open(path, {}).ok());
    std::filesystem::resize_file(dir.path() + "/pack-test.idx", 100);
    CHECK(!PackReader::Open(path, {}).ok());
    CHECK(!PackReader::Open(dir.path() + "/missing.pack", {}).ok());
    CHECK(!PackReader::Open(dir.path() + "/pack-test.idx", {}).ok());
  }
}

TEST_CASE("issue 13: an index with two objects at one offset opens and its pack answers "
          "nothing", "[git]") {
  TempDir dir;
  PackWriter writer;
  writer.AddBlob("first\n");
  writer.AddBlob("second\n");
  const std::string path = writer.Write(dir.path());
  const std::string idx = dir.path() + "/pack-test.idx";
  auto pack = PackReader::Open(path, {});
  REQUIRE(pack.ok());
  const internal::ObjectId first = (*pack)->index().id(0);
  const internal::ObjectId second = (*pack)->index().id(1);
  REQUIRE((*pack)->Find(first) != nullptr);
  REQUIRE((*pack)->entries().size() == 2);
  // The second offset (after the header, fan-out, two ids and two CRCs) set to the first's.
  const size_t offsets_at = 8 + 1024 + 2 * 20 + 2 * 4;
  std::string bytes;
  {
    std::ifstream in(idx, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  bytes.replace(offsets_at + 4, 4, bytes.substr(offsets_at, 4));
  {
    std::ofstream out(idx, std::ios::binary | std::ios::trunc);
    out << bytes;
  }
  auto damaged = PackReader::Open(path, {});
  REQUIRE(damaged.ok());  // the table is sorted on first use, not on Open
  CHECK((*damaged)->Find(first) == nullptr);
  CHECK((*damaged)->Find(second) == nullptr);
  CHECK((*damaged)->EntryAt((*damaged)->index().offset(0)) == nullptr);
  CHECK((*damaged)->entries().empty());
}

std::string Be32Bytes(uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
          static_cast<char>(v)};
}

// The pack's reverse index (gitformat-pack(5)) listing `positions` in pack order.
void WriteRev(const std::string& path, const std::vector<uint32_t>& positions) {
  std::string rev = std::string("RIDX", 4) + Be32Bytes(1) + Be32Bytes(1);
  for (uint32_t i : positions) rev += Be32Bytes(i);
  rev += std::string(40, '\0');
  std::ofstream(path, std::ios::binary | std::ios::trunc) << rev;
}

// A pack of 40 small blobs (pack-test.pack, no .rev) and its entries as the sorted table
// gives them.
struct BlobPack {
  BlobPack() {
    PackWriter writer;
    for (int i = 0; i < 40; ++i) writer.AddBlob("blob number " + std::to_string(i * 7919) + "\n");
    path = writer.Write(dir.path());
    rev = dir.path() + "/pack-test.rev";
    auto sorted = PackReader::Open(path, {});
    REQUIRE(sorted.ok());
    CHECK(!(*sorted)->ordered_by_reverse_index());
    expected = (*sorted)->entries();
    REQUIRE(expected.size() == 40);
    for (const PackEntry& e : expected) positions.push_back(e.index);
    reader = *std::move(sorted);
  }
  TempDir dir;
  std::string path;
  std::string rev;
  std::unique_ptr<PackReader> reader;  // the table built, by sorting
  std::vector<PackEntry> expected;
  std::vector<uint32_t> positions;  // index positions in pack order: a valid .rev's content
};

TEST_CASE("issue 13: a pack's reverse index orders its entries and a hostile one is not used",
          "[git]") {
  BlobPack blobs;
  const std::string& path = blobs.path;
  const std::string& rev = blobs.rev;
  const std::vector<PackEntry>& expected = blobs.expected;
  const std::vector<uint32_t>& positions = blobs.positions;
  const auto same = [&](const PackReader& pack) {
    REQUIRE(pack.entries().size() == expected.size());
    for (size_t k = 0; k < expected.size(); ++k) {
      CHECK(pack.entries()[k].offset == expected[k].offset);
      CHECK(pack.entries()[k].end == expected[k].end);
      CHECK(pack.entries()[k].index == expected[k].index);
    }
    for (size_t i = 0; i < pack.index().size(); ++i) {
      auto object = pack.Read(*pack.Find(pack.index().id(i)));
      REQUIRE(object.ok());
      CHECK(object->bytes.rfind("blob number ", 0) == 0);
    }
  };
  SECTION("a valid one is used") {
    WriteRev(rev, positions);
    auto pack = PackReader::Open(path, {});
    REQUIRE(pack.ok());
    CHECK((*pack)->ordered_by_reverse_index());
    same(**pack);
    return;
  }
  std::vector<uint32_t> hostile = positions;
  SECTION("two positions swapped") { std::swap(hostile[3], hostile[17]); }
  SECTION("one object twice") { hostile[5] = hostile[4]; }
  SECTION("a position past the index") { hostile[9] = 40; }
  SECTION("one position short") { hostile.pop_back(); }
  SECTION("another version") {
    WriteRev(rev, positions);
    std::fstream f(rev, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(7);
    f.put('\2');
  }
  if (!std::filesystem::exists(rev)) WriteRev(rev, hostile);
  auto pack = PackReader::Open(path, {});
  REQUIRE(pack.ok());
  CHECK(!(*pack)->ordered_by_reverse_index());
  same(**pack);
}

TEST_CASE("issue 13: object headers decode type size and base", "[git]") {
  auto header = internal::ParseObjectHeader(PackWriter::TypeAndSize(3, 1000), 12);
  REQUIRE(header.ok());
  CHECK(header->type == PackObjectType::kBlob);
  CHECK(header->size == 1000);
  // An ofs-delta whose distance takes two bytes of the offset encoding (written by
  // PackWriter like git writes it, decoded here).
  TempDir dir;
  PackWriter writer;
  const uint64_t base = writer.AddBlob(std::string(300, 'b'));
  const uint64_t delta = writer.AddOfsDelta(PackWriter::BlobId(std::string(301, 'b')), base,
                                            DeltaWriter(300, 301).Copy(0, 300).Insert("b").bytes());
  auto pack = PackReader::Open(writer.Write(dir.path()), {});
  REQUIRE(pack.ok());
  auto h = (*pack)->ReadHeader(*(*pack)->EntryAt(delta));
  REQUIRE(h.ok());
  CHECK(h->base_offset == base);
  auto object = (*pack)->Read(*(*pack)->EntryAt(delta));
  REQUIRE(object.ok());
  CHECK(object->bytes == std::string(301, 'b'));
  CHECK(!internal::ParseObjectHeader("", 12).ok());
  CHECK(!internal::ParseObjectHeader(std::string(12, '\xb0'), 12).ok());  // size over 64 bits
  CHECK(!internal::ParseObjectHeader(std::string("\x60\x7f", 2), 12).ok());  // base before 0
}


TEST_CASE("issue 13: lookups before the table come from the .rev and read what the table reads",
          "[git]") {
  BlobPack blobs;
  const std::string& path = blobs.path;
  const std::string& rev = blobs.rev;
  const std::vector<PackEntry>& expected = blobs.expected;
  std::vector<uint32_t> positions = blobs.positions;
  std::map<uint32_t, PackEntry> by_index;
  for (const PackEntry& e : expected) by_index[e.index] = e;
  // Every object looked up before anything builds the table: the same object, at the same
  // offset, and a record that ends where the table's does (a valid .rev) or later (a hostile
  // one may bound it wider, never narrower).
  const auto check = [&](bool exact) {
    auto pack = PackReader::Open(path, {});
    REQUIRE(pack.ok());
    for (size_t i = 0; i < (*pack)->index().size(); ++i) {
      const PackEntry* entry = (*pack)->Find((*pack)->index().id(i));
      REQUIRE(entry != nullptr);
      const PackEntry& want = by_index.at(static_cast<uint32_t>(i));
      CHECK(entry->offset == want.offset);
      CHECK(entry->index == want.index);
      if (exact) {
        CHECK(entry->end == want.end);
      } else {
        CHECK(entry->end >= want.end);
      }
      auto object = (*pack)->Read(*entry);
      REQUIRE(object.ok());
      auto truth = blobs.reader->Read(want);
      REQUIRE(truth.ok());
      CHECK(object->bytes == truth->bytes);
    }
    CHECK((*pack)->EntryAt(expected[3].offset + 1) == nullptr);  // no object there
  };
  SECTION("a valid .rev") {
    WriteRev(rev, positions);
    check(/*exact=*/true);
  }
  SECTION("two positions swapped") {
    std::swap(positions[3], positions[17]);
    WriteRev(rev, positions);
    check(/*exact=*/false);
  }
  SECTION("one object twice") {
    positions[5] = positions[4];
    WriteRev(rev, positions);
    check(/*exact=*/false);
  }
  SECTION("a position past the index") {
    positions[9] = 40;
    WriteRev(rev, positions);
    check(/*exact=*/false);
  }
  SECTION("reversed") {
    std::reverse(positions.begin(), positions.end());
    WriteRev(rev, positions);
    check(/*exact=*/false);
  }
}

TEST_CASE("issue 13: many lookups build the table, and a mapped index holds no private memory",
          "[git]") {
  TempDir dir;
  PackWriter writer;
  for (int i = 0; i < 300; ++i) writer.AddBlob("object " + std::to_string(i) + "\n");
  const std::string path = writer.Write(dir.path());
  auto sorted = PackReader::Open(path, {});
  REQUIRE(sorted.ok());
  std::vector<uint32_t> positions;
  for (const PackEntry& e : (*sorted)->entries()) positions.push_back(e.index);
  WriteRev(dir.path() + "/pack-test.rev", positions);
  auto pack = PackReader::Open(path, {});
  REQUIRE(pack.ok());
  CHECK((*pack)->index().held_bytes() == 0);
  // 256 lookups from the .rev at most (300 objects / 64 is less), then the table.
  std::vector<const PackEntry*> first;
  for (int round = 0; round < 2; ++round) {
    for (size_t i = 0; i < (*pack)->index().size(); ++i) {
      const PackEntry* entry = (*pack)->Find((*pack)->index().id(i));
      REQUIRE(entry != nullptr);
      if (round == 0) first.push_back(entry);
      CHECK(entry->offset == first[i]->offset);  // earlier answers stay valid
      CHECK(entry->end == first[i]->end);
    }
  }
  CHECK((*pack)->ordered_by_reverse_index());  // the table was built, from the .rev
}

}  // namespace
}  // namespace magpie::git
