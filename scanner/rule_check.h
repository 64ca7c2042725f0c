// `magpie rules check`: every example and negative example through the real compiled scanner.
#ifndef MAGPIE_SCANNER_RULE_CHECK_H_
#define MAGPIE_SCANNER_RULE_CHECK_H_

#include <functional>
#include <string>
#include <vector>

#include "base/status.h"
#include "scanner/compiled_rules.h"

namespace magpie::scanner {

struct RuleVerdict {
  std::string rule_id;
  int line = 0;
  int examples = 0;
  int negatives = 0;
  std::vector<std::string> failures;  // "example 2 did not match: …", empty when the rule passes
  bool ok() const { return failures.empty(); }
};

struct CheckOptions {
  // Rules for which a missing `remediation` is a failure (null: none). The CLI names the
  // every built-in rule, or every rule of a file with --require-remediation.
  std::function<bool(const rules::RuleSpec&)> needs_remediation;
};

// Scans each example with a Scanner (Hyperscan stage then RE2 stage) and expects a finding of
// that rule; scans each negative example and expects none of that rule. One verdict per rule
// of compiled.rule_set(); fails only when the scanner cannot be made (Scanner::Create) or a
// scan fails (Scanner::Scan).
// A rule of kind path or dotenv is checked through PathRules: each example is "PATH" or
// "PATH\nCONTENT". A rule that `options.needs_remediation` names and has no remediation fails.
Result<std::vector<RuleVerdict>> CheckRules(const CompiledRules& compiled,
                                            const CheckOptions& options = {});

}  // namespace magpie::scanner

#endif  // MAGPIE_SCANNER_RULE_CHECK_H_
