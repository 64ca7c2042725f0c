// The on-disk cache that keeps start-up cheap: a pre-commit hook cannot afford to parse and
// check rules.yaml and compile a Hyperscan database over every rule on every commit.
//
// Two kinds of entry, each one file in the cache directory:
//   <sha256(key)>.rules  the parsed and checked RuleSet (rules::EncodeRuleSet), keyed by
//                        BuildId() + a SHA-256 of the rules file's name and bytes (for the
//                        built-in rules "<builtin>": BuildId() names their hash already);
//   <sha256(key)>.hsdb   the serialized Hyperscan database and its prefiltered rule ids
//                        (database_payload.h), keyed by BuildId() +
//                        scanner::CompiledRules::CacheKey (the patterns, the options and the
//                        Hyperscan version).
// The file names the key by its hash; each file also holds the key itself, and is verified
// (entry.h: header, format version, key, lengths, SHA-256) before any of it is used; a database
// is then checked against the rule table it is to serve (database_payload.h: what it was
// compiled from, its number of expressions, its size). A missing, stale or damaged entry is a
// miss: the rules are parsed or compiled as without a cache and the entry is (re)written.
// Writes are atomic (an exclusively created temporary file, fsync'ed and renamed over the
// entry), so concurrent magpie processes never read a half-written entry, and best effort: a
// read-only or full cache directory slows start-up down, nothing else.
//
// Trust (cache_dir.h, docs/security.md): the directory is created 0700 and entries 0600. A
// directory or entry that is a symbolic link, is another user's or is writable by group or
// others is refused: nothing is read from it or written to it (for an entry: that entry),
// stats().refused counts it, refusal() says why, and magpie prints one line on stderr, once
// per process: "magpie: notice: not using the rules cache: <why>". (The notice comes from here
// because the callers, pipeline/session.cc and cli/rules_command.cc, keep no RulesCache.)
//
// Usage:
//   cache::RulesCache cache = cache::RulesCache::Default(!no_cache_flag);
//   Result<rules::RuleSet> rules = cache.LoadRules(rules_file);    // "" = built-in rules
//   if (!rules.ok()) return rules.status();                        // one line per problem
//   auto compiled = cache.Compile(*rules, compile_options);
//
// Built-in entries (issue 11): the build runs the same code on the built-in rules
// (tools/make_builtin_entries.cc) and embeds the two entries it writes in the binary, which
// hands them to SetEmbeddedEntries before anything else. A RulesCache made by Default(true)
// reads them before the directory: they are decoded and verified exactly like a file entry
// (header, key, SHA-256; then hs_deserialize and CheckDatabase), so they serve only the
// built-in rules with the default options of this very build, and anything else (--rules,
// configuration rules, --no-generic, another CPU than the build machine's, a damaged entry)
// misses them and takes the ordinary path: the directory, else a compile. A fresh CI container
// thus starts without compiling anything.
//
// Thread safety: a RulesCache is used by one thread at a time (its stats() are plain
// counters). Separate RulesCache objects, threads and processes may share one directory.
#ifndef MAGPIE_CACHE_RULES_CACHE_H_
#define MAGPIE_CACHE_RULES_CACHE_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "rules/rule_codec.h"
#include "rules/rule_set.h"
#include "scanner/compiled_rules.h"

namespace magpie::cache {

namespace internal {
class CacheDirectory;  // cache_dir.h
}

// What a RulesCache has done so far.
struct CacheStats {
  int hits = 0;      // entries read back and used
  int misses = 0;    // no entry yet
  int rejected = 0;  // an entry was there but stale or damaged, and was ignored
  int writes = 0;    // entries written (a failed best-effort write is not counted)
  int refused = 0;   // the directory or an entry was not trusted, and was left alone
  int embedded = 0;  // built-in entries used (hits too); an unusable one counts as rejected
};

// Cache entries for the built-in rules, as files in a cache directory would hold them.
struct EmbeddedEntries {
  std::string_view rules;     // a .rules entry
  std::string_view database;  // a .hsdb entry
};
// Sets the process's built-in entries (views into static data: never freed). Call once, from
// main(), before any RulesCache is used; tests may call it again between cases.
void SetEmbeddedEntries(EmbeddedEntries entries);

class RulesCache {
 public:
  // Entries in `directory`, created on the first write. An empty `directory` caches nothing:
  // every call parses or compiles (--no-cache).
  explicit RulesCache(std::string directory);
  // Same, and reads the built-in entries (SetEmbeddedEntries) first when `use_embedded`.
  RulesCache(std::string directory, bool use_embedded);

  // $MAGPIE_CACHE_DIR, else $XDG_CACHE_HOME/magpie, else $HOME/.cache/magpie; "" when none of
  // them is set.
  static std::string DefaultDirectory();
  // A cache in DefaultDirectory() that reads the built-in entries first, or one that caches
  // nothing and compiles everything when `enabled` is false (--no-cache).
  static RulesCache Default(bool enabled);

  // The rules of `rules_file` (the built-in rules.yaml when empty), parsed and checked. On
  // failure the Status has one line per problem, each exactly rules::RuleProblem::ToString()
  // (rules::ToStatus), as rules::LoadRulesFile reports them. `decode`: what a table read from
  // an entry holds (a scan needs no examples); one parsed from the YAML holds everything.
  Result<rules::RuleSet> LoadRules(const std::string& rules_file,
                                   const rules::DecodeOptions& decode = {});

  // `rules` compiled with `options`, as scanner::CompiledRules::Compile returns them; from the
  // cache when an intact entry for exactly these rules, options and build exists.
  Result<std::shared_ptr<const scanner::CompiledRules>> Compile(
      const rules::RuleSet& rules, const scanner::CompileOptions& options);

  const std::string& directory() const { return directory_; }
  const CacheStats& stats() const { return stats_; }
  // Why the directory or an entry was last refused; OK when nothing was.
  const Status& refusal() const { return refusal_; }

 private:
  // What reading one entry found: its bytes, or none (a miss, damaged, or refused); an entry
  // that was refused is not rewritten either.
  struct Lookup {
    std::optional<std::string> bytes;
    bool writable = true;
  };
  // The cache directory, opened (and created) for one operation: none when it cannot be, as
  // if empty (a miss), or when it is not trusted (refused).
  std::optional<internal::CacheDirectory> OpenDirectory();
  Lookup ReadEntry(const internal::CacheDirectory& directory, const std::string& name);
  void WriteEntry(const internal::CacheDirectory& directory, const std::string& name,
                  const std::string& bytes);
  void Refuse(const Status& refusal);

  std::string directory_;
  bool use_embedded_ = false;
  CacheStats stats_;
  Status refusal_;
};

}  // namespace magpie::cache

#endif  // MAGPIE_CACHE_RULES_CACHE_H_
