// Loading rules.yaml into an immutable, validated RuleSet.
//
// Schema (documented in docs/rules.md):
//   version: 1            # optional
//   rules:                # required, a list of rule mappings (see RuleSpec)
//     - id: aws-access-key-id
//       ...
// Every problem found is reported, not just the first, each with the rule id and line.
// Thread safety: a RuleSet is immutable after loading and safe to share across threads.
#ifndef MAGPIE_RULES_RULE_SET_H_
#define MAGPIE_RULES_RULE_SET_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "rules/rule_spec.h"

namespace magpie::rules {

struct RuleProblem {
  std::string source;   // file name or "<builtin>"
  int line = 0;         // 1-based, 0 when unknown
  std::string rule_id;  // empty for file-level problems
  std::string message;
  // "rules.yaml:12: rule 'aws-access-key-id': unknown key 'patern'"
  std::string ToString() const;
};

// `problems` as one Status: OK when there are none, else kInvalidArgument with one line per
// problem, each exactly its ToString(), so that printing Lines() prints what printing each
// problem did.
Status ToStatus(const std::vector<RuleProblem>& problems);

class RuleSet {
 public:
  RuleSet() = default;
  explicit RuleSet(std::vector<RuleSpec> rules, std::string source = "<code>");

  const std::vector<RuleSpec>& rules() const { return rules_; }
  const std::string& source() const { return source_; }
  // Index of the rule with this id, or -1.
  int Find(std::string_view id) const;

 private:
  std::vector<RuleSpec> rules_;
  std::string source_;
};

// A validation report: every problem found, not just the first (`magpie rules check` and the
// tests list them). Rooms above rules/ pass it on as status() (ToStatus).
struct LoadResult {
  RuleSet rules;                      // meaningful only when ok()
  std::vector<RuleProblem> problems;  // empty on success
  bool ok() const { return problems.empty(); }
  Status status() const { return ToStatus(problems); }
};

// Parses YAML text. `source` names it in problems. Checks the schema, unknown keys, duplicate
// ids, types, that RE2 accepts each pattern and that it has the secret group. It does not run
// examples or Hyperscan: that is scanner::CheckRules, which needs the compiled form.
LoadResult ParseRules(std::string_view yaml, std::string_view source);
LoadResult LoadRulesFile(const std::string& path);
// For a file that embeds a rules list beside keys of its own (.magpie.yaml): like ParseRules,
// but the top-level keys named in `other_keys` are accepted (and left to the caller), `rules`
// may be absent (an empty set), and so may the whole document. Any other key is still a problem
// naming the key and its line.
LoadResult ParseRulesSection(std::string_view yaml, std::string_view source,
                             const std::vector<std::string>& other_keys);
// The rules.yaml shipped with magpie, embedded at build time.
std::string_view BuiltinRulesYaml();
// Lower-case hex SHA-256 of BuiltinRulesYaml(), taken at build time (cmake/embed_file.cmake).
std::string_view BuiltinRulesYamlSha256();
LoadResult LoadBuiltinRules();

}  // namespace magpie::rules

#endif  // MAGPIE_RULES_RULE_SET_H_
