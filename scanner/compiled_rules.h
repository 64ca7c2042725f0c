// A RuleSet compiled for scanning: one Hyperscan block-mode database over every rule plus the
// generic entropy detector, and one RE2 per rule for confirmation and extraction.
//
// Usage:
//   auto compiled = magpie::scanner::CompiledRules::Compile(rule_set);
//   if (!compiled.ok()) return compiled.status();  // one line per refused pattern
//   auto scanner = magpie::scanner::Scanner::Create(*compiled);  // scanner.h
//
// Ownership: Compile hands out shared ownership; every Scanner made from it keeps it alive.
// Thread safety: immutable after Compile and safe to share; each thread scans through its own
// Scanner (scanner.h), which owns the Hyperscan scratch.
#ifndef MAGPIE_SCANNER_COMPILED_RULES_H_
#define MAGPIE_SCANNER_COMPILED_RULES_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "rules/rule_set.h"
#include "scanner/entropy.h"

namespace magpie::scanner {

struct CompileOptions {
  bool generic_detector = true;  // add the keyword-anchored entropy detector
  EntropyThresholds entropy;     // thresholds of the generic detector
};

namespace internal {
class CompiledRulesAccess;  // compiled_rules_impl.h
}

class CompiledRules {
 public:
  // Compiles `rules`. On failure the Status (kInvalidArgument) has one line per pattern RE2 or
  // Hyperscan refuses, each exactly rules::RuleProblem::ToString(), as `magpie` prints them.
  static Result<std::shared_ptr<const CompiledRules>> Compile(const rules::RuleSet& rules,
                                                              const CompileOptions& options = {});

  // For the on-disk cache (cache/): the serialized Hyperscan database, and which rules it
  // holds in prefilter mode (PrefilteredRuleIds), which the database does not record.
  std::string SerializeDatabase() const;
  // Rebuilds the RE2 side from `rules` (cheap: each RE2 compiles on first use), takes the
  // database from `database` and marks `prefiltered_rule_ids` as prefiltered. Fails (kCorrupt)
  // when `database` is not a block-mode database for this Hyperscan version and this CPU, or an
  // id is not a rule of the effective rule set. `rules` and `options` must be those the database was compiled
  // from: CacheKey is how the cache makes sure of it.
  static Result<std::shared_ptr<const CompiledRules>> FromSerialized(
      const rules::RuleSet& rules, const CompileOptions& options, std::string_view database,
      const std::vector<std::string>& prefiltered_rule_ids);
  // A key that changes whenever the rules, the options or the Hyperscan version change.
  static std::string CacheKey(const rules::RuleSet& rules, const CompileOptions& options);
  // What the cache records beside a serialized database, and checks when it reads one back:
  // the number of Hyperscan expressions in the rule table (the effective rules, then the
  // decoders; every id a database compiled from this table reports is below it), and the
  // database's size in memory (hs_database_size).
  size_t ExpressionCount() const;
  size_t DatabaseSize() const;

  // The effective rules: the input plus the generic detector when enabled.
  const rules::RuleSet& rule_set() const;
  const CompileOptions& options() const;
  // Rules whose pattern Hyperscan compiled in prefilter mode (approximate, RE2 confirms).
  std::vector<std::string> PrefilteredRuleIds() const;

  ~CompiledRules();
  CompiledRules(const CompiledRules&) = delete;
  CompiledRules& operator=(const CompiledRules&) = delete;

  struct Impl;  // compiled_rules_impl.h, private to the scanner library

 private:
  // The scanner library's .cc files reach Impl through it; no other room can.
  friend class internal::CompiledRulesAccess;
  explicit CompiledRules(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace magpie::scanner

#endif  // MAGPIE_SCANNER_COMPILED_RULES_H_
