#include "base/version.h"

namespace magpie {

std::string_view Version() { return MAGPIE_VERSION; }

}  // namespace magpie
