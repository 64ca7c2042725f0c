#include "scanner/binary.h"

#include <algorithm>
#include <cstring>

namespace magpie::scanner {

bool LooksBinary(std::string_view data) {
  const size_t n = std::min(data.size(), kBinarySniffBytes);
  return std::memchr(data.data(), '\0', n) != nullptr;
}

}  // namespace magpie::scanner
