#include "scanner/rule_check.h"

#include <memory>

#include "scanner/scanner.h"

namespace magpie::scanner {
namespace {

bool HasFindingOf(const std::vector<Finding>& findings, const std::string& rule_id) {
  for (const Finding& f : findings) {
    if (f.rule_id == rule_id) return true;
  }
  return false;
}

std::string Excerpt(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  if (line.size() > 60) line = line.substr(0, 60) + "…";
  return line;
}

}  // namespace

Result<std::vector<RuleVerdict>> CheckRules(const CompiledRules& compiled) {
  // Share the caller's compiled rules without owning them: the scanner outlives no call.
  std::shared_ptr<const CompiledRules> borrowed(&compiled, [](const CompiledRules*) {});
  Result<std::unique_ptr<Scanner>> created = Scanner::Create(borrowed);
  if (!created.ok()) return created.status();
  Scanner& scanner = **created;
  std::vector<RuleVerdict> verdicts;
  for (const rules::RuleSpec& spec : compiled.rule_set().rules()) {
    RuleVerdict verdict;
    verdict.rule_id = spec.id;
    verdict.line = spec.line;
    for (size_t i = 0; i < spec.examples.size(); ++i) {
      ++verdict.examples;
      Result<std::vector<Finding>> findings = scanner.Scan(spec.examples[i]);
      if (!findings.ok()) return findings.status();
      if (!HasFindingOf(*findings, spec.id)) {
        verdict.failures.push_back("example " + std::to_string(i + 1) +
                                   " does not produce a finding: " + Excerpt(spec.examples[i]));
      }
    }
    for (size_t i = 0; i < spec.negative_examples.size(); ++i) {
      ++verdict.negatives;
      Result<std::vector<Finding>> findings = scanner.Scan(spec.negative_examples[i]);
      if (!findings.ok()) return findings.status();
      if (HasFindingOf(*findings, spec.id)) {
        verdict.failures.push_back("negative example " + std::to_string(i + 1) +
                                   " produces a finding: " + Excerpt(spec.negative_examples[i]));
      }
    }
    verdicts.push_back(std::move(verdict));
  }
  return verdicts;
}

}  // namespace magpie::scanner
