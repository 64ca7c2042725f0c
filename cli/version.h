#ifndef MAGPIE_CLI_VERSION_H_
#define MAGPIE_CLI_VERSION_H_

#include <string_view>

namespace magpie::cli {

// magpie's version, from the CMake project version.
std::string_view Version();

}  // namespace magpie::cli

#endif  // MAGPIE_CLI_VERSION_H_
