// Which built-in rules must carry `remediation:` (how to revoke and rotate the credential, with
// a link to the provider's documentation). `magpie rules check` fails a rule of this list that
// has none, so that guidance once written cannot be lost in an edit; `--require-remediation`
// extends the check to every rule but the generic detector (issue 15).
#ifndef MAGPIE_RULES_REMEDIATION_H_
#define MAGPIE_RULES_REMEDIATION_H_

#include <cstddef>
#include <string_view>

namespace magpie::rules {

// Whether the built-in rule `rule_id` must have a remediation.
bool RemediationRequired(std::string_view rule_id);
// How many rules the list names.
size_t RemediationRequiredCount();

}  // namespace magpie::rules

#endif  // MAGPIE_RULES_REMEDIATION_H_
