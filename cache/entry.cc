#include "cache/entry.h"

#include <string>

#include "cache/byte_io.h"
#include "scanner/fingerprint.h"

namespace magpie::cache {
namespace {

using internal::ByteReader;
using internal::PutLittleEndian;

constexpr std::string_view kMagic("MAGPIEC\n", 8);
constexpr size_t kHeaderSize = 24;    // magic, version, key length, payload length
constexpr size_t kChecksumSize = 64;  // SHA-256 in hex

}  // namespace

std::string EncodeEntry(std::string_view key, std::string_view payload) {
  std::string out;
  out.reserve(kHeaderSize + key.size() + payload.size() + kChecksumSize);
  out.append(kMagic);
  PutLittleEndian(kEntryFormatVersion, 4, &out);
  PutLittleEndian(key.size(), 4, &out);
  PutLittleEndian(payload.size(), 8, &out);
  out.append(key);
  out.append(payload);
  out.append(scanner::Sha256Hex(out));
  return out;
}

Result<std::string_view> DecodeEntry(std::string_view bytes, std::string_view key,
                                     EntrySource source) {
  if (bytes.size() < kHeaderSize + kChecksumSize) {
    return Corrupt("cache entry too short (" + std::to_string(bytes.size()) + " bytes)");
  }
  ByteReader header(bytes);
  std::string_view magic;
  uint64_t version = 0;
  uint64_t key_size = 0;
  uint64_t payload_size = 0;
  header.Bytes(kMagic.size(), &magic);  // the size check above covers the whole header
  if (magic != kMagic) return Corrupt("not a magpie cache entry");
  header.LittleEndian(4, &version);
  if (version != kEntryFormatVersion) {
    return NotFound("cache entry of format " + std::to_string(version) + ", not " +
                    std::to_string(kEntryFormatVersion));
  }
  header.LittleEndian(4, &key_size);
  header.LittleEndian(8, &payload_size);
  // Each length is checked against what is left, so that no sum can overflow.
  const uint64_t body = bytes.size() - kHeaderSize - kChecksumSize;
  if (key_size > body || payload_size != body - key_size) {
    return Corrupt("cache entry lengths do not match its size (truncated or extended)");
  }
  const std::string_view checked = bytes.substr(0, bytes.size() - kChecksumSize);
  if (source == EntrySource::kFile &&
      scanner::Sha256Hex(checked) != bytes.substr(checked.size())) {
    return Corrupt("cache entry checksum mismatch");
  }
  if (bytes.substr(kHeaderSize, key_size) != key) {
    return NotFound("cache entry written for another key");
  }
  return bytes.substr(kHeaderSize + key_size, payload_size);
}

}  // namespace magpie::cache
