#include "git/pack_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <libdeflate.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <limits>
#include <utility>

#include "base/fault_injection.h"
#include "git/delta.h"
#include "git/pack_format.h"

namespace magpie::git::internal {
namespace {

constexpr char kPackShort[] = "pack: file shorter than its index says (truncated?)";

bool ValidType(unsigned t) { return (t >= 1 && t <= 4) || t == 6 || t == 7; }

// The calling thread's decompressor, made on first use and kept (it holds no state between
// objects); nullptr when it cannot be allocated. libdeflate rather than zlib's inflate: a
// record is whole in memory and its inflated size is declared, which is what libdeflate wants,
// and it inflates about twice as fast: ~6% of a plain history scan's CPU on git/git
// (bench/README.md, issue 13 §1).
libdeflate_decompressor* ThreadDecompressor() {
  struct Decompressor {
    libdeflate_decompressor* d = nullptr;
    ~Decompressor() {
      if (d != nullptr) libdeflate_free_decompressor(d);
    }
  };
  thread_local Decompressor decompressor;
  if (fault::Triggered(fault::Point::kPackInflaterAlloc)) return nullptr;
  if (decompressor.d == nullptr) decompressor.d = libdeflate_alloc_decompressor();
  return decompressor.d;
}

}  // namespace

Result<PackObjectHeader> ParseObjectHeader(std::string_view bytes, uint64_t offset) {
  PackObjectHeader header;
  size_t at = 0;
  if (at >= bytes.size()) return Corrupt("pack: truncated object header");
  uint8_t byte = static_cast<uint8_t>(bytes[at++]);
  const unsigned type = (byte >> 4) & 7;
  if (!ValidType(type)) return Corrupt("pack: invalid object type " + std::to_string(type));
  header.type = static_cast<PackObjectType>(type);
  uint64_t size = byte & 0x0f;
  int shift = 4;
  while ((byte & 0x80) != 0) {
    if (at >= bytes.size()) return Corrupt("pack: truncated object header");
    byte = static_cast<uint8_t>(bytes[at++]);
    const uint64_t bits = byte & 0x7f;
    if (shift >= 64 || (shift > 57 && (bits >> (64 - shift)) != 0)) {
      return Corrupt("pack: object size over 64 bits");
    }
    size |= bits << shift;
    shift += 7;
  }
  header.size = size;
  if (header.type == PackObjectType::kOfsDelta) {
    // The "offset encoding": big-endian 7-bit groups, each continuation adding one, so that
    // every value has a single encoding.
    if (at >= bytes.size()) return Corrupt("pack: truncated delta offset");
    byte = static_cast<uint8_t>(bytes[at++]);
    uint64_t distance = byte & 0x7f;
    while ((byte & 0x80) != 0) {
      if (at >= bytes.size()) return Corrupt("pack: truncated delta offset");
      if (distance > (std::numeric_limits<uint64_t>::max() >> 7) - 1) {
        return Corrupt("pack: delta offset over 64 bits");
      }
      byte = static_cast<uint8_t>(bytes[at++]);
      distance = ((distance + 1) << 7) | (byte & 0x7f);
    }
    if (distance == 0 || distance > offset) return Corrupt("pack: delta base outside the pack");
    header.base_offset = offset - distance;
  } else if (header.type == PackObjectType::kRefDelta) {
    if (bytes.size() - at < kIdSize) return Corrupt("pack: truncated delta base id");
    std::memcpy(header.base_id.data(), bytes.data() + at, kIdSize);
    at += kIdSize;
  }
  header.data_at = at;
  return header;
}

Result<std::unique_ptr<PackReader>> PackReader::Open(const std::string& pack_path,
                                                     const PackLimits& limits) {
  if (pack_path.size() < 5 || pack_path.compare(pack_path.size() - 5, 5, ".pack") != 0) {
    return InvalidArgument("pack: not a .pack path: " + pack_path);
  }
  std::unique_ptr<PackReader> reader(new PackReader());
  reader->limits_ = limits;
  reader->fd_ = open(pack_path.c_str(), O_RDONLY | O_CLOEXEC);
  if (reader->fd_ < 0) return IoError("pack: cannot open " + pack_path + ": " + std::strerror(errno));
  struct stat st;
  if (fstat(reader->fd_, &st) != 0 || !S_ISREG(st.st_mode)) {
    return IoError("pack: not a regular file: " + pack_path);
  }
  reader->size_ = static_cast<uint64_t>(st.st_size);
  char header[kPackHeader];
  if (reader->size_ < kPackHeader + kPackTrailer) return Corrupt("pack: too short: " + pack_path);
  if (Status s = PreadAll(reader->fd_, header, sizeof header, 0, kPackShort); !s.ok()) return s;
  const uint32_t version = Be32(header + 4);
  if (std::memcmp(header, "PACK", 4) != 0 || (version != 2 && version != 3)) {
    return Corrupt("pack: bad signature or version: " + pack_path);
  }
  auto index = PackIndex::Map(pack_path.substr(0, pack_path.size() - 5) + ".idx", reader->size_);
  if (!index.ok()) return index.status().WithContext(pack_path);
  if (index->size() != Be32(header + 8)) {
    return Corrupt("pack: object count differs from its index: " + pack_path);
  }
  reader->index_ = std::move(*index);
  reader->rev_path_ = pack_path.substr(0, pack_path.size() - 5) + ".rev";
  // Mapped for EntryAt's first lookups when its header and size are right; whether it orders
  // the pack is checked where it is used.
  size_t rev_size = 0;
  std::shared_ptr<const void> rev = MapReadOnly(reader->rev_path_, &rev_size);
  const uint64_t n = reader->index_.size();
  if (rev != nullptr && rev_size == 12 + 4 * n + 2 * kIdSize &&
      std::memcmp(rev.get(), "RIDX\0\0\0\1\0\0\0\1", 12) == 0) {
    reader->rev_positions_ = static_cast<const char*>(rev.get()) + 12;
    reader->rev_ = std::move(rev);
  }
  return reader;
}

bool PackReader::EntriesFromReverseIndex(std::vector<PackEntry>* entries) const {
  // "RIDX", version 1, hash 1 (SHA-1), an index position per object in pack order, then the
  // pack's and the file's checksums (not checked: the order itself is, below). Open mapped it
  // when its header and size are right.
  if (rev_positions_ == nullptr) return false;
  const size_t n = index_.size();
  entries->resize(n);
  for (size_t k = 0; k < n; ++k) {
    const uint32_t i = Be32(rev_positions_ + k * 4);
    if (i >= n) return false;
    const uint64_t offset = index_.offset(i);
    // Strictly increasing: every object once (offsets are distinct), in pack order.
    if (k > 0 && offset <= (*entries)[k - 1].offset) return false;
    (*entries)[k] = {offset, 0, i};
  }
  for (size_t k = 0; k < n; ++k) {
    (*entries)[k].end = k + 1 < n ? (*entries)[k + 1].offset : size_ - kPackTrailer;
  }
  return true;
}

void PackReader::SortEntries() const {
  const size_t n = index_.size();
  std::vector<PackEntry> entries;
  if (EntriesFromReverseIndex(&entries)) {
    entries_ = std::move(entries);
    from_rev_ = true;
    return;
  }
  entries.assign(n, PackEntry{});
  for (size_t i = 0; i < n; ++i) entries[i] = {index_.offset(i), 0, static_cast<uint32_t>(i)};
  std::sort(entries.begin(), entries.end(),
            [](const PackEntry& a, const PackEntry& b) { return a.offset < b.offset; });
  for (size_t i = 0; i < n; ++i) {
    // No record is bounded by its neighbour then: the pack answers nothing (libgit2 reads it).
    if (i + 1 < n && entries[i + 1].offset == entries[i].offset) return;
    entries[i].end = i + 1 < n ? entries[i + 1].offset : size_ - kPackTrailer;
  }
  entries_ = std::move(entries);
}

const std::vector<PackEntry>& PackReader::entries() const {
  std::call_once(sorted_, [this] {
    SortEntries();
    sorted_done_.store(true, std::memory_order_release);
  });
  return entries_;
}

bool PackReader::ordered_by_reverse_index() const {
  entries();
  return from_rev_;
}

PackReader::~PackReader() {
  if (fd_ >= 0) close(fd_);
}

const PackEntry* PackReader::EntryAt(uint64_t offset) const {
  if (rev_positions_ != nullptr && !sorted_done_.load(std::memory_order_acquire) &&
      lookups_.fetch_add(1, std::memory_order_relaxed) <
          std::max<uint64_t>(256, index_.size() / 64)) {
    std::lock_guard<std::mutex> lock(looked_up_mutex_);
    if (auto it = looked_up_.find(offset); it != looked_up_.end()) return &it->second;
    if (std::optional<PackEntry> entry = LookUpInReverseIndex(offset)) {
      return &looked_up_.emplace(offset, *entry).first->second;
    }
    // Not there (no object at that offset, or a .rev that does not order it): the table says.
  }
  const std::vector<PackEntry>& sorted = entries();
  auto it = std::lower_bound(sorted.begin(), sorted.end(), offset,
                             [](const PackEntry& e, uint64_t o) { return e.offset < o; });
  return it != sorted.end() && it->offset == offset ? &*it : nullptr;
}

std::optional<uint64_t> PackReader::ReverseOffset(size_t k) const {
  const uint32_t i = Be32(rev_positions_ + k * 4);
  if (i >= index_.size()) return std::nullopt;
  return index_.offset(i);
}

std::optional<PackEntry> PackReader::LookUpInReverseIndex(uint64_t offset) const {
  const size_t n = index_.size();
  size_t lo = 0;
  size_t hi = n;
  while (lo < hi) {
    const size_t k = lo + (hi - lo) / 2;
    const std::optional<uint64_t> at = ReverseOffset(k);
    if (!at) return std::nullopt;
    if (*at < offset) {
      lo = k + 1;
    } else if (*at > offset) {
      hi = k;
    } else {
      const std::optional<uint64_t> before = k > 0 ? ReverseOffset(k - 1) : std::optional<uint64_t>(0);
      const std::optional<uint64_t> end =
          k + 1 < n ? ReverseOffset(k + 1) : std::optional<uint64_t>(size_ - kPackTrailer);
      if (!before || !end || (k > 0 && *before >= offset) || *end <= offset) return std::nullopt;
      return PackEntry{offset, *end, Be32(rev_positions_ + k * 4)};
    }
  }
  return std::nullopt;
}

const PackEntry* PackReader::Find(const ObjectId& id) const {
  const auto i = index_.Find(id);
  return i ? EntryAt(index_.offset(*i)) : nullptr;
}

Result<std::string> PackReader::ReadRecord(const PackEntry& entry) const {
  std::string record;
  Result<std::string_view> read = ReadRecordInto(entry, &record);
  if (!read.ok()) return read.status();
  record.resize(read->size());
  return record;
}

Result<std::string_view> PackReader::ReadRecordInto(const PackEntry& entry,
                                                    std::string* buffer) const {
  const uint64_t length = entry.end - entry.offset;
  // zlib's worst case is ~0.03% over the input plus a few bytes; a header adds < 40.
  if (length > limits_.max_object_size + (limits_.max_object_size >> 8) + 1024) {
    return Status(StatusCode::kResourceExhausted, "pack: object record over the budget");
  }
  // Grown, never shrunk: a reused buffer is not cleared again for every record.
  if (buffer->size() < length) buffer->resize(static_cast<size_t>(length));
  if (Status s =
          PreadAll(fd_, buffer->data(), static_cast<size_t>(length), entry.offset, kPackShort);
      !s.ok()) {
    return s;
  }
  return std::string_view(buffer->data(), static_cast<size_t>(length));
}

Result<PackObjectHeader> PackReader::ReadHeader(const PackEntry& entry) const {
  // The longest header: 10 size bytes + 20 id bytes; an ofs-delta's offset is at most 10.
  char buffer[32];
  const size_t length = static_cast<size_t>(std::min<uint64_t>(sizeof buffer, entry.end - entry.offset));
  if (Status s = PreadAll(fd_, buffer, length, entry.offset, kPackShort); !s.ok()) return s;
  return ParseObjectHeader(std::string_view(buffer, length), entry.offset);
}

Result<std::string> PackReader::Inflate(const PackEntry& entry,
                                        const PackObjectHeader& header) const {
  if (Status s = CheckBudget(header); !s.ok()) return s;
  std::string record;
  std::string out(static_cast<size_t>(header.size), '\0');
  if (Status s = InflateTo(entry, header, &record, out.data()); !s.ok()) return s;
  return out;
}

Status PackReader::CheckBudget(const PackObjectHeader& header) const {
  if (header.size > limits_.max_object_size || header.size >= std::numeric_limits<uint32_t>::max()) {
    return Status(StatusCode::kResourceExhausted,
                  "pack: object of " + std::to_string(header.size) + " bytes is over the budget");
  }
  return Status::Ok();
}

Status PackReader::InflateTo(const PackEntry& entry, const PackObjectHeader& header,
                             std::string* record_buffer, char* out) const {
  if (Status s = CheckBudget(header); !s.ok()) return s;
  Result<std::string_view> record = ReadRecordInto(entry, record_buffer);
  if (!record.ok()) return record.status();
  if (header.data_at > record->size()) return Corrupt("pack: truncated object");
  libdeflate_decompressor* decompressor = ThreadDecompressor();
  if (decompressor == nullptr) {
    return Status(StatusCode::kResourceExhausted, "pack: cannot allocate a decompressor");
  }
  // Exactly the declared size: a stream that holds more fails (no space left), one that holds
  // less reports its size; a bad checksum, a preset dictionary or a truncated stream is bad
  // data. Bytes after the stream's end (none in a pack git wrote) are ignored, as git does.
  // One known difference from zlib (git, libgit2): in a code of one codeword of length 1,
  // libdeflate decodes the bit zlib leaves invalid as that codeword, so a forged stream that
  // uses it reads here and is corrupt to libgit2; no case of the reverse was found
  // (tests/git/pack_inflate_test.cc).
  size_t in_used = 0;
  size_t out_size = 0;
  const libdeflate_result rc = libdeflate_zlib_decompress_ex(
      decompressor, record->data() + header.data_at, record->size() - header.data_at, out,
      static_cast<size_t>(header.size), &in_used, &out_size);
  if (rc != LIBDEFLATE_SUCCESS || out_size != header.size) {
    return Corrupt("pack: object does not inflate to its declared size");
  }
  return Status::Ok();
}

Result<PackObjectType> PackReader::ResolveType(const PackEntry& entry,
                                               const ExternalBase& external) const {
  const PackEntry* at = &entry;
  for (int depth = 0; depth <= limits_.max_chain_depth; ++depth) {
    auto header = ReadHeader(*at);
    if (!header.ok()) return header.status();
    if (header->type == PackObjectType::kOfsDelta) {
      at = EntryAt(header->base_offset);
      if (at == nullptr) return Corrupt("pack: delta base offset is not an object");
    } else if (header->type == PackObjectType::kRefDelta) {
      const PackEntry* base = Find(header->base_id);
      if (base == nullptr) {
        if (!external) return NotFound("pack: delta base outside the pack");
        auto object = external(header->base_id);
        if (!object.ok()) return object.status();
        return object->type;
      }
      at = base;
    } else {
      return header->type;
    }
  }
  return Corrupt("pack: delta chain too deep (or a cycle)");
}

Result<PackObject> PackReader::Read(const PackEntry& entry, const ExternalBase& external) const {
  // Walk down to the base collecting the deltas' entries, then apply them upwards: no
  // recursion, so a hostile chain cannot overflow the stack.
  std::vector<std::pair<const PackEntry*, PackObjectHeader>> chain;
  const PackEntry* at = &entry;
  PackObject object;
  for (;;) {
    if (chain.size() > static_cast<size_t>(limits_.max_chain_depth)) {
      return Corrupt("pack: delta chain too deep (or a cycle)");
    }
    auto header = ReadHeader(*at);
    if (!header.ok()) return header.status();
    if (header->type == PackObjectType::kOfsDelta) {
      chain.emplace_back(at, *header);
      at = EntryAt(header->base_offset);
      if (at == nullptr) return Corrupt("pack: delta base offset is not an object");
    } else if (header->type == PackObjectType::kRefDelta) {
      chain.emplace_back(at, *header);
      at = Find(header->base_id);
      if (at == nullptr) {
        if (!external) return NotFound("pack: delta base outside the pack");
        auto base = external(header->base_id);
        if (!base.ok()) return base.status();
        object = std::move(*base);
        break;
      }
    } else {
      auto bytes = Inflate(*at, *header);
      if (!bytes.ok()) return bytes.status();
      object.type = header->type;
      object.bytes = std::move(*bytes);
      break;
    }
  }
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    auto delta = Inflate(*it->first, it->second);
    if (!delta.ok()) return delta.status();
    auto applied = ApplyDelta(object.bytes, *delta, limits_.max_object_size);
    if (!applied.ok()) return applied.status();
    object.bytes = std::move(*applied);
    ++object.chain_depth;
  }
  return object;
}

std::vector<std::unique_ptr<PackReader>> OpenPacks(const std::string& objects_dir,
                                                   const PackLimits& limits, size_t* unopened) {
  *unopened = 0;
  std::error_code ec;
  std::vector<std::string> paths;
  for (std::filesystem::directory_iterator it(objects_dir + "pack", ec), end; !ec && it != end;
       it.increment(ec)) {
    const std::string path = it->path().string();
    if (path.size() > 5 && path.compare(path.size() - 5, 5, ".pack") == 0) paths.push_back(path);
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::unique_ptr<PackReader>> packs;
  for (const std::string& path : paths) {
    Result<std::unique_ptr<PackReader>> pack = PackReader::Open(path, limits);
    if (!pack.ok()) {
      ++*unopened;
      continue;
    }
    packs.push_back(*std::move(pack));
  }
  return packs;
}

}  // namespace magpie::git::internal
