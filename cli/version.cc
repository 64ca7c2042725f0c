#include "cli/version.h"

namespace magpie::cli {

std::string_view Version() { return MAGPIE_VERSION; }

}  // namespace magpie::cli
