#include <iostream>

#include "cache/rules_cache.h"
#include "cli/commands.h"
#include "scanner/rule_check.h"

namespace magpie::cli {

int RunRulesList(const std::string& rules_file, const std::string& format) {
  std::optional<rules::RuleSet> rules = LoadRulesOrReport(rules_file);
  if (!rules) return kExitError;
  auto compiled = cache::RulesCache::Default(true).Compile(*rules, {});
  const rules::RuleSet& effective = compiled.ok() ? (*compiled)->rule_set() : *rules;
  for (const rules::RuleSpec& spec : effective.rules()) {
    if (format == "ids") {
      std::cout << spec.id << "\n";
      continue;
    }
    std::cout << spec.id << "\t" << rules::ToString(spec.confidence) << "\t"
              << rules::ToString(spec.severity) << "\t" << spec.name << "\n";
  }
  return kExitClean;
}

int RunRulesCheck(const std::string& rules_file, bool no_cache) {
  std::optional<rules::RuleSet> rules = LoadRulesOrReport(rules_file);
  if (!rules) return kExitError;
  auto compiled = cache::RulesCache::Default(!no_cache).Compile(*rules, {});
  if (!compiled.ok()) {
    for (const std::string& line : compiled.status().Lines()) {
      std::cerr << "magpie: error: " << line << "\n";
    }
    return kExitError;
  }
  const scanner::CompiledRules& set = **compiled;
  auto verdicts = scanner::CheckRules(set);
  if (!verdicts.ok()) {
    std::cerr << "magpie: error: " << verdicts.status().message() << "\n";
    return kExitError;
  }
  size_t failed = 0;
  size_t examples = 0;
  size_t negatives = 0;
  for (const scanner::RuleVerdict& verdict : *verdicts) {
    examples += verdict.examples;
    negatives += verdict.negatives;
    std::cout << (verdict.ok() ? "ok    " : "FAIL  ") << verdict.rule_id << " (" << verdict.examples
              << " examples, " << verdict.negatives << " negative)\n";
    for (const std::string& failure : verdict.failures) {
      std::cout << "        " << set.rule_set().source() << ":" << verdict.line << ": " << failure
                << "\n";
    }
    if (!verdict.ok()) ++failed;
  }
  for (const std::string& id : set.PrefilteredRuleIds()) {
    std::cout << "note  " << id << " runs in Hyperscan prefilter mode (RE2 confirms)\n";
  }
  const size_t total = set.rule_set().rules().size();
  std::cout << "rules check: " << (total - failed) << " passed, " << failed << " failed ("
            << examples << " examples, " << negatives << " negative examples)\n";
  return failed == 0 ? kExitClean : kExitError;
}

}  // namespace magpie::cli
