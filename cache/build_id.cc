#include "cache/build_id.h"

namespace magpie::cache {

std::string_view BuildId() { return MAGPIE_VERSION; }

}  // namespace magpie::cache
