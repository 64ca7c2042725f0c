// magpie's version, from the CMake project version: reported by --version and in SARIF, and
// part of every cache key so that a new build never trusts an older build's cache entries.
#ifndef MAGPIE_BASE_VERSION_H_
#define MAGPIE_BASE_VERSION_H_

#include <string_view>

namespace magpie {

std::string_view Version();

}  // namespace magpie

#endif  // MAGPIE_BASE_VERSION_H_
