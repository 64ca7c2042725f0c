// Test helper for the pack reader (issue 13): generated histories stored as real packs (git
// fast-import + git repack), and hand-made packs and indexes for what git will not write on
// disk (thin packs, hostile records).
#ifndef MAGPIE_TESTS_GIT_PACK_FIXTURE_H_
#define MAGPIE_TESTS_GIT_PACK_FIXTURE_H_

#include <git2.h>
#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "git/pack_reader.h"
#include "tests/git/git_fixture.h"

namespace magpie::git::testing {

// One line of generated text; some lines look like keys so that a rule has something to find.
inline std::string GeneratedLine(std::mt19937& rng) {
  static const char kAlphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  std::string line;
  const int kind = static_cast<int>(rng() % 10);
  if (kind == 0) line = "aws_secret_access_key = ";
  if (kind == 1) line = "token: ghp_";
  const int length = 8 + static_cast<int>(rng() % 60);
  for (int i = 0; i < length; ++i) line += kAlphabet[rng() % (sizeof kAlphabet - 1)];
  return line + "\n";
}

// Applies one random edit: insert, delete or rewrite lines, change bytes inside a line (so a
// delta's copy ranges end mid-line), move a block, or append.
inline void RandomEdit(std::mt19937& rng, std::vector<std::string>* lines) {
  const size_t n = lines->size();
  const size_t at = n == 0 ? 0 : rng() % n;
  switch (rng() % 6) {
    case 0:
      lines->insert(lines->begin() + at, GeneratedLine(rng));
      break;
    case 1:
      if (n > 1) lines->erase(lines->begin() + at);
      break;
    case 2:
      if (n > 0) (*lines)[at] = GeneratedLine(rng);
      break;
    case 3:
      if (n > 0 && (*lines)[at].size() > 2) {
        std::string& line = (*lines)[at];
        line[rng() % (line.size() - 1)] = static_cast<char>('A' + rng() % 26);
      }
      break;
    case 4:
      if (n > 4) {
        const size_t from = rng() % (n - 3);
        std::vector<std::string> block(lines->begin() + from, lines->begin() + from + 3);
        lines->erase(lines->begin() + from, lines->begin() + from + 3);
        const size_t to = rng() % (lines->size() + 1);
        lines->insert(lines->begin() + to, block.begin(), block.end());
      }
      break;
    default:
      lines->push_back(GeneratedLine(rng));
  }
}

// A bare repository whose history edits a few files `commits` times (git fast-import), then
// repacked into one pack with deltas: ofs-deltas, or ref-deltas when `ref_deltas`.
inline void GenerateHistory(const TempRepo& repo, int commits, uint32_t seed, bool ref_deltas) {
  std::mt19937 rng(seed);
  std::vector<std::vector<std::string>> files(4);
  for (auto& file : files) {
    for (int i = 0; i < 40; ++i) file.push_back(GeneratedLine(rng));
  }
  std::string stream;
  for (int c = 0; c < commits; ++c) {
    const size_t f = rng() % files.size();
    const int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits; ++e) RandomEdit(rng, &files[f]);
    std::string message = "commit " + std::to_string(c) + "\n";
    stream += "commit refs/heads/main\ncommitter C <c@example.com> " +
              std::to_string(1600000000 + c) + " +0000\ndata " +
              std::to_string(message.size()) + "\n" + message;
    for (size_t i = 0; i < files.size(); ++i) {
      std::string content;
      for (const auto& line : files[i]) content += line;
      stream += "M 100644 inline f" + std::to_string(i) + ".txt\ndata " +
                std::to_string(content.size()) + "\n" + content + "\n";
    }
  }
  const std::string input = repo.path() + "/fast-import.in";
  std::ofstream(input, std::ios::binary) << stream;
  repo.Git("fast-import --quiet < " + ShellQuote(input));
  std::filesystem::remove(input);
  repo.Git(std::string("-c repack.useDeltaBaseOffset=") + (ref_deltas ? "false" : "true") +
           " repack -adf -q --window=20 --depth=30");
}

// The .pack files of a repository's objects directory.
inline std::vector<std::string> PackPaths(const std::string& git_dir) {
  std::vector<std::string> packs;
  for (const auto& e : std::filesystem::directory_iterator(git_dir + "/objects/pack")) {
    if (e.path().extension() == ".pack") packs.push_back(e.path().string());
  }
  std::sort(packs.begin(), packs.end());
  return packs;
}

// Hand-made packs. Objects are added in order; a record's header is written as given, so a
// test can make any record (ids are the caller's, for deltas the id of the result).
class PackWriter {
 public:
  struct Record {
    internal::ObjectId id;
    uint64_t offset;
  };
  static std::string SizeBytes(uint64_t v) {
    std::string out;
    do {
      uint8_t b = v & 0x7f;
      v >>= 7;
      if (v != 0) b |= 0x80;
      out += static_cast<char>(b);
    } while (v != 0);
    return out;
  }
  static std::string Deflate(const std::string& data) {
    uLongf length = compressBound(data.size());
    std::string out(length, '\0');
    REQUIRE(compress2(reinterpret_cast<Bytef*>(out.data()), &length,
                      reinterpret_cast<const Bytef*>(data.data()), data.size(), 6) == Z_OK);
    out.resize(length);
    return out;
  }
  static internal::ObjectId BlobId(const std::string& content) {
    git_oid oid;
    REQUIRE(git_odb_hash(&oid, content.data(), content.size(), GIT_OBJECT_BLOB) == 0);
    internal::ObjectId id;
    std::copy(oid.id, oid.id + 20, id.begin());
    return id;
  }
  static std::string TypeAndSize(int type, uint64_t size) {
    uint8_t first = static_cast<uint8_t>((type << 4) | (size & 0x0f));
    size >>= 4;
    std::string out;
    if (size != 0) first |= 0x80;
    out += static_cast<char>(first);
    if (size != 0) out += SizeBytes(size);
    return out;
  }

  // Returns the record's offset.
  uint64_t AddBlob(const std::string& content) {
    return AddRaw(BlobId(content), TypeAndSize(3, content.size()) + Deflate(content));
  }
  uint64_t AddRefDelta(const internal::ObjectId& result_id, const internal::ObjectId& base,
                       const std::string& delta) {
    return AddRaw(result_id, TypeAndSize(7, delta.size()) +
                                 std::string(reinterpret_cast<const char*>(base.data()), 20) +
                                 Deflate(delta));
  }
  uint64_t AddOfsDelta(const internal::ObjectId& result_id, uint64_t base_offset,
                       const std::string& delta) {
    const uint64_t offset = 12 + body_.size();
    uint64_t distance = offset - base_offset;
    std::string encoded(1, static_cast<char>(distance & 0x7f));
    while ((distance >>= 7) != 0) {
      --distance;
      encoded.insert(encoded.begin(), static_cast<char>(0x80 | (distance & 0x7f)));
    }
    return AddRaw(result_id, TypeAndSize(6, delta.size()) + encoded + Deflate(delta));
  }
  uint64_t AddRaw(const internal::ObjectId& id, const std::string& record) {
    const uint64_t offset = 12 + body_.size();
    records_.push_back({id, offset});
    body_ += record;
    return offset;
  }

  // Writes DIR/pack-test.pack and .idx; returns the .pack path.
  std::string Write(const std::string& dir) const {
    std::string pack = "PACK" + Be32(2) + Be32(static_cast<uint32_t>(records_.size())) + body_;
    pack += std::string(20, '\0');  // checksum: not verified by the reader
    std::vector<Record> sorted = records_;
    std::sort(sorted.begin(), sorted.end(),
              [](const Record& a, const Record& b) { return a.id < b.id; });
    std::string idx("\377tOc\0\0\0\2", 8);
    for (int b = 0; b < 256; ++b) {
      uint32_t count = 0;
      for (const auto& r : sorted) count += r.id[0] <= b ? 1 : 0;
      idx += Be32(count);
    }
    for (const auto& r : sorted) idx.append(reinterpret_cast<const char*>(r.id.data()), 20);
    for (size_t i = 0; i < sorted.size(); ++i) idx += Be32(0);  // CRCs: not verified
    for (const auto& r : sorted) idx += Be32(static_cast<uint32_t>(r.offset));
    idx += std::string(40, '\0');
    const std::string path = dir + "/pack-test.pack";
    std::ofstream(path, std::ios::binary) << pack;
    std::ofstream(dir + "/pack-test.idx", std::ios::binary) << idx;
    return path;
  }

 private:
  static std::string Be32(uint32_t v) {
    return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
            static_cast<char>(v)};
  }
  std::vector<Record> records_;
  std::string body_;
};

// Delta bytes from instructions: Copy(offset, length) and Insert(bytes).
class DeltaWriter {
 public:
  DeltaWriter(uint64_t base_size, uint64_t result_size) {
    bytes_ = PackWriter::SizeBytes(base_size) + PackWriter::SizeBytes(result_size);
  }
  DeltaWriter& Copy(uint32_t offset, uint32_t length) {
    std::string args;
    uint8_t op = 0x80;
    for (int i = 0; i < 4; ++i) {
      if (((offset >> (8 * i)) & 0xff) != 0) {
        op |= 1 << i;
        args += static_cast<char>(offset >> (8 * i));
      }
    }
    const uint32_t size = length == 0x10000 ? 0 : length;
    for (int i = 0; i < 3; ++i) {
      if (((size >> (8 * i)) & 0xff) != 0) {
        op |= 0x10 << i;
        args += static_cast<char>(size >> (8 * i));
      }
    }
    bytes_ += static_cast<char>(op) + args;
    return *this;
  }
  DeltaWriter& Insert(const std::string& data) {
    for (size_t at = 0; at < data.size(); at += 127) {
      const std::string part = data.substr(at, 127);
      bytes_ += static_cast<char>(part.size()) + part;
    }
    return *this;
  }
  DeltaWriter& Raw(const std::string& bytes) {
    bytes_ += bytes;
    return *this;
  }
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
};

}  // namespace magpie::git::testing

#endif  // MAGPIE_TESTS_GIT_PACK_FIXTURE_H_
