// Internal to the scanner room: line numbers of byte offsets in a buffer.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace magpie::scanner::internal {

// Line numbers by one forward walk over the buffer: findings come sorted by start, so each
// lookup continues from the previous one. A lookup before the last one starts again from the
// top; a caller that needs one position out of order (a secret's end) asks a copy.
class LineCounter {
 public:
  explicit LineCounter(std::string_view data) : data_(data) {}

  // Sets the 1-based line of `offset` and the offset at which that line begins.
  void Locate(uint64_t offset, uint32_t* line, uint64_t* line_begin) {
    if (offset < pos_) {
      pos_ = 0;
      line_ = 1;
      line_begin_ = 0;
    }
    const char* p = data_.data() + pos_;
    const char* const stop = data_.data() + offset;
    while (p < stop) {
      const void* nl = std::memchr(p, '\n', stop - p);
      if (nl == nullptr) break;
      ++line_;
      p = static_cast<const char*>(nl) + 1;
      line_begin_ = p - data_.data();
    }
    pos_ = offset;
    *line = line_;
    *line_begin = line_begin_;
  }

 private:
  std::string_view data_;
  uint64_t pos_ = 0;  // offset where counting stopped
  uint32_t line_ = 1;
  uint64_t line_begin_ = 0;
};

}  // namespace magpie::scanner::internal
