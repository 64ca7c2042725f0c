// A RuleSet compiled for scanning: one Hyperscan block-mode database over every rule plus the
// generic entropy detector, and one RE2 per rule for confirmation and extraction.
// Thread safety: immutable after Compile and safe to share; each thread scans through its own
// Scanner (scanner.h), which owns the Hyperscan scratch.
#ifndef MAGPIE_SCANNER_COMPILED_RULES_H_
#define MAGPIE_SCANNER_COMPILED_RULES_H_

#include <memory>
#include <string>
#include <vector>

#include "rules/rule_set.h"
#include "scanner/entropy.h"

namespace magpie::scanner {

struct CompileOptions {
  bool generic_detector = true;  // add the keyword-anchored entropy detector
  EntropyThresholds entropy;     // thresholds of the generic detector
};

class CompiledRules;

struct CompileResult {
  std::shared_ptr<const CompiledRules> compiled;  // null on failure
  std::vector<rules::RuleProblem> problems;       // each pattern Hyperscan/RE2 refused
  bool ok() const { return compiled != nullptr; }
};

class CompiledRules {
 public:
  static CompileResult Compile(const rules::RuleSet& rules, const CompileOptions& options = {});

  // Serialized Hyperscan database, for the on-disk cache. Deserialize rebuilds the RE2 side
  // from `rules` (cheap) and takes the database from `bytes`; returns null when the bytes are
  // not a database for this rule set and this Hyperscan version.
  std::string SerializeDatabase() const;
  static std::shared_ptr<const CompiledRules> FromSerialized(const rules::RuleSet& rules,
                                                              const CompileOptions& options,
                                                              const std::string& bytes);
  // A key that changes whenever the rules, the options or the Hyperscan version change.
  static std::string CacheKey(const rules::RuleSet& rules, const CompileOptions& options);

  const rules::RuleSet& rule_set() const;
  const CompileOptions& options() const;
  // Rules whose pattern Hyperscan compiled in prefilter mode (approximate, RE2 confirms).
  std::vector<std::string> PrefilteredRuleIds() const;

  ~CompiledRules();
  struct Impl;  // defined in compiled_rules_impl.h, private to the scanner library
  const Impl& impl() const { return *impl_; }

 private:
  explicit CompiledRules(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace magpie::scanner

#endif  // MAGPIE_SCANNER_COMPILED_RULES_H_
