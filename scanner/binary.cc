#include "scanner/binary.h"

#include <algorithm>
#include <cstring>

#include "scanner/text_encoding.h"

namespace magpie::scanner {

bool LooksBinary(std::string_view data) {
  const size_t n = std::min(data.size(), kBinarySniffBytes);
  if (std::memchr(data.data(), '\0', n) == nullptr) return false;
  return DetectEncoding(data) == TextEncoding::kUtf8;  // UTF-16 text is decoded, not skipped
}

}  // namespace magpie::scanner
