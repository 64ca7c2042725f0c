// PackIndex (git/pack_reader.h): a version-2 pack index (gitformat-pack(5)), mapped or in
// memory, checked against its pack's size before use.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <string>
#include <utility>

#include "git/pack_format.h"
#include "git/pack_reader.h"

namespace magpie::git::internal {
namespace {

Result<std::string> ReadWholeFile(const std::string& path, uint64_t max) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return IoError("pack: cannot open " + path + ": " + std::strerror(errno));
  struct stat st;
  std::string bytes;
  Status status;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    status = IoError("pack: not a regular file: " + path);
  } else if (static_cast<uint64_t>(st.st_size) > max) {
    status = Status(StatusCode::kResourceExhausted, "pack: index too large: " + path);
  } else {
    bytes.resize(static_cast<size_t>(st.st_size));
    status = PreadAll(fd, bytes.data(), bytes.size(), 0, "pack: index shorter than its size");
  }
  close(fd);
  if (!status.ok()) return status;
  return bytes;
}

}  // namespace

std::shared_ptr<const void> MapReadOnly(const std::string& path, size_t* size) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  struct stat st;
  void* at = MAP_FAILED;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    *size = static_cast<size_t>(st.st_size);
    at = mmap(nullptr, *size, PROT_READ, MAP_PRIVATE, fd, 0);
  }
  close(fd);  // the mapping keeps the file
  if (at == MAP_FAILED) return nullptr;
  const size_t length = *size;
  return std::shared_ptr<const void>(at, [length](const void* p) {
    munmap(const_cast<void*>(p), length);
  });
}

Result<PackIndex> PackIndex::Parse(std::string bytes, uint64_t pack_size) {
  auto owned = std::make_shared<const std::string>(std::move(bytes));
  const char* data = owned->data();
  const size_t size = owned->size();
  return Check(std::move(owned), data, size, /*mapped=*/false, pack_size);
}

Result<PackIndex> PackIndex::Map(const std::string& path, uint64_t pack_size) {
  size_t size = 0;
  std::shared_ptr<const void> mapped = MapReadOnly(path, &size);
  if (mapped == nullptr) {
    // An index is at least 28 bytes an object; 1 GiB of index is ~38M objects.
    auto bytes = ReadWholeFile(path, uint64_t{1} << 30);
    if (!bytes.ok()) return bytes.status();
    return Parse(std::move(*bytes), pack_size);
  }
  if (size > (uint64_t{1} << 30)) {
    return Status(StatusCode::kResourceExhausted, "pack: index too large: " + path);
  }
  const char* data = static_cast<const char*>(mapped.get());
  return Check(std::move(mapped), data, size, /*mapped=*/true, pack_size);
}

Result<PackIndex> PackIndex::Check(std::shared_ptr<const void> storage, const char* data,
                                   size_t size, bool mapped, uint64_t pack_size) {
  if (size < kIdxHeader + kFanout || std::memcmp(data, "\377tOc\0\0\0\2", 8) != 0) {
    return Corrupt("pack index: not a version-2 index");
  }
  const char* fanout = data + kIdxHeader;
  uint32_t previous = 0;
  for (int i = 0; i < 256; ++i) {
    const uint32_t count = Be32(fanout + i * 4);
    if (count < previous) return Corrupt("pack index: fan-out table not sorted");
    previous = count;
  }
  PackIndex index;
  index.count_ = previous;
  const uint64_t n = index.count_;
  const uint64_t ids_at = kIdxHeader + kFanout;
  index.offsets_at_ = ids_at + n * kIdSize + n * 4;  // ids, then CRCs
  index.large_at_ = index.offsets_at_ + n * 4;
  // Two trailing checksums (pack's and index's); SHA-256 indexes are larger and will fail
  // the offset checks or the size check, and go to libgit2.
  if (size < index.large_at_ + 2 * kIdSize) return Corrupt("pack index: truncated");
  index.large_count_ = (size - index.large_at_ - 2 * kIdSize) / 8;
  if (pack_size < kPackHeader + kPackTrailer) return Corrupt("pack: too short");
  index.storage_ = std::move(storage);
  index.data_ = data;
  index.size_bytes_ = size;
  index.mapped_ = mapped;
  for (uint64_t i = 0; i < n; ++i) {
    const uint64_t raw = Be32(data + index.offsets_at_ + i * 4);
    if ((raw & 0x80000000u) != 0 && (raw & 0x7fffffffu) >= index.large_count_) {
      return Corrupt("pack index: large offset out of range");
    }
    const uint64_t offset = index.offset(i);
    if (offset < kPackHeader || offset >= pack_size - kPackTrailer) {
      return Corrupt("pack index: object offset outside the pack");
    }
  }
  return index;
}

uint64_t PackIndex::offset(size_t i) const {
  uint64_t offset = Be32(data_ + offsets_at_ + i * 4);
  if ((offset & 0x80000000u) != 0) {
    const uint64_t slot = offset & 0x7fffffffu;
    // Checked when parsed; should the file change under its map, still no read outside it
    // (offset 0 is no object: a lookup fails).
    if (slot >= large_count_) return 0;
    const char* p = data_ + large_at_ + slot * 8;
    offset = (uint64_t{Be32(p)} << 32) | Be32(p + 4);
  }
  return offset;
}

ObjectId PackIndex::id(size_t i) const {
  ObjectId id;
  std::memcpy(id.data(), data_ + kIdxHeader + kFanout + i * kIdSize, kIdSize);
  return id;
}

std::optional<size_t> PackIndex::Find(const ObjectId& id) const {
  const char* fanout = data_ + kIdxHeader;
  size_t lo = id[0] == 0 ? 0 : Be32(fanout + (id[0] - 1) * 4);
  size_t hi = Be32(fanout + id[0] * 4);
  const char* table = data_ + kIdxHeader + kFanout;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    const int c = std::memcmp(table + mid * kIdSize, id.data(), kIdSize);
    if (c == 0) return mid;
    if (c < 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return std::nullopt;
}

}  // namespace magpie::git::internal
