#include <iostream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "pipeline/session.h"
#include "scanner/rule_check.h"

namespace magpie::cli {

int RunRulesList(const std::string& rules_file, const std::string& format) {
  Result<rules::RuleSet> rules = pipeline::LoadRules(rules_file, /*use_cache=*/true);
  if (!rules.ok()) return ReportError(rules.status());
  auto compiled = pipeline::CompileRules(*rules, {}, /*use_cache=*/true);
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

int RunRulesCheck(const std::string& rules_file, bool no_cache, bool require_remediation) {
  Result<rules::RuleSet> rules = pipeline::LoadRules(rules_file, /*use_cache=*/true);
  if (!rules.ok()) return ReportError(rules.status());
  auto compiled = pipeline::CompileRules(*rules, {}, !no_cache);
  if (!compiled.ok()) return ReportError(compiled.status());
  const scanner::CompiledRules& set = **compiled;
  size_t failed = 0;
  size_t examples = 0;
  size_t negatives = 0;
  // Every built-in rule must say how to revoke and rotate what it finds, so that guidance once
  // written cannot be lost in an edit; a --rules file's rules only with --require-remediation.
  // The generic detector is exempt: it does not know whose secret it found (issue 15).
  scanner::CheckOptions options;
  const bool builtin = rules_file.empty();
  options.needs_remediation = [builtin, require_remediation](const rules::RuleSpec& spec) {
    if (spec.id == rules::kGenericRuleId) return false;
    return builtin || require_remediation;
  };
  Result<std::vector<scanner::RuleVerdict>> verdicts = scanner::CheckRules(set, options);
  if (!verdicts.ok()) return ReportError(verdicts.status());
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
  if (!set.GateFallback().empty()) std::cout << "note  " << set.GateFallback() << "\n";
  const size_t total = set.rule_set().rules().size();
  std::cout << "rules check: " << (total - failed) << " passed, " << failed << " failed ("
            << examples << " examples, " << negatives << " negative examples)\n";
  return failed == 0 ? kExitClean : kExitError;
}

}  // namespace magpie::cli
