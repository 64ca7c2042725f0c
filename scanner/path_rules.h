// The rules matched on a file's path rather than only on its bytes (rules.yaml `kind: path`
// and `kind: dotenv`, issue 15): files that should never be committed (`.env`, key stores,
// `.aws/credentials`...) and the low-entropy passwords of dotenv files.
//
// Path patterns are gitignore globs (base/glob.h: linear in pattern × path, whatever a hostile
// path looks like). A sensitive file is reported from its path alone, so the caller asks before
// any binary or size policy is applied: a `.p12` key store is binary and still reported.
//
// Usage (pipeline/driver.cc):
//   auto path_rules = PathRules::Compile(compiled.rule_set());
//   std::vector<Finding> files = path_rules->MatchPath(path, &head_of_file);
//   path_rules->AddDotenvFindings(path, text, &findings);
//
// Thread safety: immutable after Compile; every method may be called from any thread.
#ifndef MAGPIE_SCANNER_PATH_RULES_H_
#define MAGPIE_SCANNER_PATH_RULES_H_

#include <memory>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "rules/rule_set.h"
#include "scanner/finding.h"

namespace magpie::scanner {

class PathRules {
 public:
  PathRules();  // no rules: matches nothing
  // The rules of kind path and dotenv in `rules`. Errors (kInvalidArgument): a `content`
  // pattern RE2 refuses (the loader already checks it; a hand-built RuleSpec may not).
  static Result<PathRules> Compile(const rules::RuleSet& rules);

  bool empty() const;

  // The sensitive-file findings (Finding::sensitive_file) of the file at `path` ('/'-separated;
  // absolute or relative). `content`: the file's bytes, or null when they were not read (a
  // binary or oversized file); a rule with a `content` pattern matches only when the first
  // rules::kPathContentBytes are known and contain it.
  std::vector<Finding> MatchPath(std::string_view path, const std::string_view* content) const;

  // Whether a dotenv rule applies to `path`.
  bool IsDotenv(std::string_view path) const;
  // For a dotenv file: appends a finding for each `KEY=value` line whose key names a secret
  // (`*_PASSWORD`, `*_SECRET`, `*_TOKEN`, `*_KEY`, `*_PASS`, `*_PWD`) and whose value is not
  // empty, a placeholder (`changeme`, `<...>`, `xxx`, `your-...`) or a variable reference
  // (`${X}`, `$X`), unless a finding already covers the value; keeps `findings` sorted
  // (FindingLess) and hides each new secret in the context of the findings on its line.
  void AddDotenvFindings(std::string_view path, std::string_view text,
                         std::vector<Finding>* findings) const;

  struct Impl;  // path_rules.cc

 private:
  std::shared_ptr<const Impl> impl_;
};

}  // namespace magpie::scanner

#endif  // MAGPIE_SCANNER_PATH_RULES_H_
