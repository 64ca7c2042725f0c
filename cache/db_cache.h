// On-disk cache of compiled Hyperscan databases, so that start-up (pre-commit hooks) does not
// pay for compilation. Keyed by CompiledRules::CacheKey (rules + options + Hyperscan version).
// Location: $MAGPIE_CACHE_DIR, else $XDG_CACHE_HOME/magpie, else ~/.cache/magpie.
// A stale or corrupt entry is ignored and rewritten; writes are atomic (temp file + rename),
// so concurrent magpie processes never read a half-written database.
#ifndef MAGPIE_CACHE_DB_CACHE_H_
#define MAGPIE_CACHE_DB_CACHE_H_

#include <memory>
#include <string>

#include "scanner/compiled_rules.h"

namespace magpie::cache {

Result<std::shared_ptr<const scanner::CompiledRules>> CompileWithCache(
    const rules::RuleSet& rules, const scanner::CompileOptions& options, bool use_cache);

// Loads --rules FILE (or the built-in rules when `rules_file` is empty), through a cache of
// the parsed and checked rule set keyed by a hash of the file's bytes: a hit skips YAML
// parsing and the RE2 checks, which dominate start-up.
rules::LoadResult LoadRulesCached(const std::string& rules_file, bool use_cache);

// The directory used, "" when none can be determined.
std::string CacheDirectory();

}  // namespace magpie::cache

#endif  // MAGPIE_CACHE_DB_CACHE_H_
