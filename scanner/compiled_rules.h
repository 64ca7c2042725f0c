// A RuleSet compiled for scanning: Hyperscan block-mode databases over every rule plus the
// generic entropy detector, and one RE2 per rule for confirmation and extraction. The rules
// whose every match holds an assignment gate (scanner/gate.h) are in a second database that
// the scanner runs only around the gates; the others, and any rule Hyperscan compiles in
// prefilter mode, in the main one. Together they report what one database of every rule would.
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

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "rules/rule_set.h"
#include "scanner/entropy.h"

namespace magpie::scanner {

// The second database (scanner/gate.h) as the cache stores it beside the first.
struct SerializedGate {
  std::string_view database;          // SerializeGatedDatabase(); empty when there is none
  std::vector<std::string> rule_ids;  // GatedRuleIds()
  uint64_t width = 0;                 // GateWidth()
};

struct CompileOptions {
  bool generic_detector = true;  // add the keyword-anchored entropy detector
  EntropyThresholds entropy;     // thresholds of the generic detector
  // The keyword-gated rules in a second database behind a gate (scanner/gate.h): same
  // findings, a faster Hyperscan stage. Off: one database of every rule (the tests' reference).
  bool gate = true;
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
  // The second database (empty when there is none, or Hyperscan cannot serialize it), and the
  // half width of its windows: the longest match of its expressions (0 when there is none).
  std::string SerializeGatedDatabase() const;
  uint64_t GateWidth() const;
  // Rebuilds the RE2 side from `rules` (cheap: each RE2 compiles on first use), takes the
  // database from `database` and marks `prefiltered_rule_ids` as prefiltered; with `gate`, the
  // second database from gate.database for gate.rule_ids. Fails (kCorrupt) when a database is
  // not a block-mode database for this Hyperscan version and this CPU, an id is not a rule of
  // the effective rule set, a gated rule has no gate or is prefiltered, or the gate part is
  // half there (ids without a database, a database without ids, no width). `rules` and
  // `options` must be those the databases were compiled from: CacheKey is how the cache makes
  // sure of it.
  static Result<std::shared_ptr<const CompiledRules>> FromSerialized(
      const rules::RuleSet& rules, const CompileOptions& options, std::string_view database,
      const std::vector<std::string>& prefiltered_rule_ids, const SerializedGate& gate = {});
  // A key that changes whenever the rules, the options or the Hyperscan version change.
  static std::string CacheKey(const rules::RuleSet& rules, const CompileOptions& options);
  // What the cache records beside a serialized database, and checks when it reads one back:
  // the number of Hyperscan expressions in the rule table (the effective rules, then the
  // decoders; every id a database compiled from this table reports is below it), and the
  // database's size in memory (hs_database_size).
  size_t ExpressionCount() const;
  size_t DatabaseSize() const;
  // The second database's size in memory; 0 when there is none.
  size_t GatedDatabaseSize() const;

  // The effective rules: the input plus the generic detector when enabled.
  const rules::RuleSet& rule_set() const;
  const CompileOptions& options() const;
  // Rules whose pattern Hyperscan compiled in prefilter mode (approximate, RE2 confirms).
  std::vector<std::string> PrefilteredRuleIds() const;
  // Rules in the second database (scanner/gate.h), in rule-table order.
  std::vector<std::string> GatedRuleIds() const;
  // Why Compile left every gateable rule in the main database (the second database did not
  // compile): slower, never a lost finding. Empty when it did, or there was nothing to gate.
  const std::string& GateFallback() const;

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
