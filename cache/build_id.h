// What a cache entry must have been written by: magpie's version (the cache is keyed by it so
// that a new build never trusts an entry an older one wrote in a different layout).
#ifndef MAGPIE_CACHE_BUILD_ID_H_
#define MAGPIE_CACHE_BUILD_ID_H_

#include <string_view>

namespace magpie::cache {

std::string_view BuildId();

}  // namespace magpie::cache

#endif  // MAGPIE_CACHE_BUILD_ID_H_
