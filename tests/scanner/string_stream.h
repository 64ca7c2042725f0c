// A ByteStream over a string for the streamed-scan tests (scanner/stream_scan.h): reads of
// varying sizes, and an injected read error at a chosen offset.
#ifndef MAGPIE_TESTS_SCANNER_STRING_STREAM_H_
#define MAGPIE_TESTS_SCANNER_STRING_STREAM_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <utility>

#include "base/byte_stream.h"

namespace magpie::testing {

// Hands out `bytes` in reads of varying sizes; fails at `fail_at` when set.
class StringStream : public ByteStream {
 public:
  explicit StringStream(std::string bytes, size_t fail_at = std::string::npos)
      : bytes_(std::move(bytes)), fail_at_(fail_at) {}
  Result<size_t> Read(char* buffer, size_t n) override {
    if (pos_ >= fail_at_) return IoError("injected read error");
    n = std::min({n, bytes_.size() - pos_, size_t{1} + rng_() % 100000});
    std::copy_n(bytes_.data() + pos_, n, buffer);
    pos_ += n;
    return n;
  }
  uint64_t expected_size() const override { return bytes_.size(); }

 private:
  std::string bytes_;
  size_t fail_at_;
  size_t pos_ = 0;
  std::mt19937 rng_{7};
};

}  // namespace magpie::testing

#endif  // MAGPIE_TESTS_SCANNER_STRING_STREAM_H_
