// The on-disk cache that keeps start-up cheap: a pre-commit hook cannot afford to parse and
// check rules.yaml and compile a Hyperscan database over every rule on every commit.
//
// Two kinds of entry, each one file in the cache directory:
//   <sha256(key)>.rules  the parsed and checked RuleSet (rules::EncodeRuleSet), keyed by
//                        BuildId() + a SHA-256 of the rules file's name and bytes;
//   <sha256(key)>.hsdb   the serialized Hyperscan database and its prefiltered rule ids
//                        (database_payload.h), keyed by BuildId() +
//                        scanner::CompiledRules::CacheKey (the patterns, the options and the
//                        Hyperscan version).
// The file names the key by its hash; each file also holds the key itself, and is verified
// (entry.h: header, format version, key, lengths, SHA-256) before any of it is used. A missing,
// stale or damaged entry is a miss: the rules are parsed or compiled as without a cache and the
// entry is (re)written. Writes are atomic (a temporary file renamed over the entry), so
// concurrent magpie processes never read a half-written entry, and best effort: a read-only or
// full cache directory slows start-up down, nothing else.
//
// Usage:
//   cache::RulesCache cache = cache::RulesCache::Default(!no_cache_flag);
//   Result<rules::RuleSet> rules = cache.LoadRules(rules_file);    // "" = built-in rules
//   if (!rules.ok()) return rules.status();                        // one line per problem
//   auto compiled = cache.Compile(*rules, compile_options);
//
// Thread safety: a RulesCache is used by one thread at a time (its stats() are plain
// counters). Separate RulesCache objects, threads and processes may share one directory.
#ifndef MAGPIE_CACHE_RULES_CACHE_H_
#define MAGPIE_CACHE_RULES_CACHE_H_

#include <memory>
#include <optional>
#include <string>

#include "base/status.h"
#include "rules/rule_set.h"
#include "scanner/compiled_rules.h"

namespace magpie::cache {

// What a RulesCache has done so far.
struct CacheStats {
  int hits = 0;      // entries read back and used
  int misses = 0;    // no entry yet
  int rejected = 0;  // an entry was there but stale or damaged, and was ignored
  int writes = 0;    // entries written (a failed best-effort write is not counted)
};

class RulesCache {
 public:
  // Entries in `directory`, created on the first write. An empty `directory` caches nothing:
  // every call parses or compiles (--no-cache).
  explicit RulesCache(std::string directory);

  // $MAGPIE_CACHE_DIR, else $XDG_CACHE_HOME/magpie, else $HOME/.cache/magpie; "" when none of
  // them is set.
  static std::string DefaultDirectory();
  // A cache in DefaultDirectory(), or one that caches nothing when `enabled` is false.
  static RulesCache Default(bool enabled);

  // The rules of `rules_file` (the built-in rules.yaml when empty), parsed and checked. On
  // failure the Status has one line per problem, each exactly rules::RuleProblem::ToString()
  // (rules::ToStatus), as rules::LoadRulesFile reports them.
  Result<rules::RuleSet> LoadRules(const std::string& rules_file);

  // `rules` compiled with `options`, as scanner::CompiledRules::Compile returns them; from the
  // cache when an intact entry for exactly these rules, options and build exists.
  Result<std::shared_ptr<const scanner::CompiledRules>> Compile(
      const rules::RuleSet& rules, const scanner::CompileOptions& options);

  const std::string& directory() const { return directory_; }
  const CacheStats& stats() const { return stats_; }

 private:
  // The bytes of the entry at `path`, counting a miss when there is none.
  std::optional<std::string> ReadEntry(const std::string& path);
  void WriteEntry(const std::string& path, const std::string& bytes);

  std::string directory_;
  CacheStats stats_;
};

}  // namespace magpie::cache

#endif  // MAGPIE_CACHE_RULES_CACHE_H_
