// Private to cache/: little-endian integers and length-prefixed fields, written and read back
// with every read bounds-checked (the bytes come from disk: see entry.h).
#ifndef MAGPIE_CACHE_BYTE_IO_H_
#define MAGPIE_CACHE_BYTE_IO_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace magpie::cache::internal {

// Appends the low `size` bytes of `value`, least significant first.
inline void PutLittleEndian(uint64_t value, int size, std::string* out) {
  for (int i = 0; i < size; ++i) out->push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

// Reads fields front to back. A read that would pass the end fails and consumes nothing.
class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : rest_(bytes) {}

  // A little-endian integer of `size` (<= 8) bytes.
  bool LittleEndian(int size, uint64_t* value) {
    if (rest_.size() < static_cast<size_t>(size)) return false;
    *value = 0;
    for (int i = size - 1; i >= 0; --i) {
      *value = (*value << 8) | static_cast<unsigned char>(rest_[i]);
    }
    rest_.remove_prefix(size);
    return true;
  }
  // The next `size` bytes, as a view into the input.
  bool Bytes(uint64_t size, std::string_view* out) {
    if (rest_.size() < size) return false;
    *out = rest_.substr(0, size);
    rest_.remove_prefix(size);
    return true;
  }
  size_t remaining() const { return rest_.size(); }

 private:
  std::string_view rest_;
};

}  // namespace magpie::cache::internal

#endif  // MAGPIE_CACHE_BYTE_IO_H_
