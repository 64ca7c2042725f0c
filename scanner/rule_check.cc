#include "scanner/rule_check.h"

#include <memory>

#include "scanner/path_rules.h"
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

Result<std::vector<RuleVerdict>> CheckRules(const CompiledRules& compiled,
                                            const CheckOptions& options) {
  // Share the caller's compiled rules without owning them: the scanner outlives no call.
  std::shared_ptr<const CompiledRules> borrowed(&compiled, [](const CompiledRules*) {});
  Result<std::unique_ptr<Scanner>> created = Scanner::Create(borrowed);
  if (!created.ok()) return created.status();
  Scanner& scanner = **created;
  Result<PathRules> path_rules = PathRules::Compile(compiled.rule_set());
  if (!path_rules.ok()) return path_rules.status();
  // An example of a rule matched on paths is "PATH" or "PATH\nCONTENT": the findings a file
  // of that path and content gets, as the driver computes them.
  auto scan = [&](const rules::RuleSpec& spec,
                  const std::string& example) -> Result<std::vector<Finding>> {
    if (spec.kind == rules::RuleKind::kContent) return scanner.Scan(example);
    const size_t nl = example.find('\n');
    const std::string_view path = std::string_view(example).substr(0, nl);
    const std::string_view content =
        nl == std::string::npos ? std::string_view() : std::string_view(example).substr(nl + 1);
    std::vector<Finding> found = path_rules->MatchPath(path, &content);
    if (spec.kind == rules::RuleKind::kDotenv) {
      Result<std::vector<Finding>> inner = scanner.Scan(content);
      if (!inner.ok()) return inner.status();
      path_rules->AddDotenvFindings(path, content, &*inner);
      found.insert(found.end(), inner->begin(), inner->end());
    }
    return found;
  };
  std::vector<RuleVerdict> verdicts;
  for (const rules::RuleSpec& spec : compiled.rule_set().rules()) {
    RuleVerdict verdict;
    verdict.rule_id = spec.id;
    verdict.line = spec.line;
    for (size_t i = 0; i < spec.examples.size(); ++i) {
      ++verdict.examples;
      Result<std::vector<Finding>> findings = scan(spec, spec.examples[i]);
      if (!findings.ok()) return findings.status();
      if (!HasFindingOf(*findings, spec.id)) {
        verdict.failures.push_back("example " + std::to_string(i + 1) +
                                   " does not produce a finding: " + Excerpt(spec.examples[i]));
      }
    }
    for (size_t i = 0; i < spec.negative_examples.size(); ++i) {
      ++verdict.negatives;
      Result<std::vector<Finding>> findings = scan(spec, spec.negative_examples[i]);
      if (!findings.ok()) return findings.status();
      if (HasFindingOf(*findings, spec.id)) {
        verdict.failures.push_back("negative example " + std::to_string(i + 1) +
                                   " produces a finding: " + Excerpt(spec.negative_examples[i]));
      }
    }
    if (spec.remediation.empty() && options.needs_remediation &&
        options.needs_remediation(spec)) {
      verdict.failures.push_back(
          "no 'remediation': say how to revoke and rotate this credential, with a link to the "
          "provider's documentation");
    }
    verdicts.push_back(std::move(verdict));
  }
  return verdicts;
}

}  // namespace magpie::scanner
