// A compact binary form of a RuleSet, for the start-up cache: decoding it is far cheaper than
// parsing and checking rules.yaml, which a pre-commit hook cannot afford. A flat,
// length-prefixed format read front to back (rule_codec.cc), every read bounds-checked.
#ifndef MAGPIE_RULES_RULE_CODEC_H_
#define MAGPIE_RULES_RULE_CODEC_H_

#include <optional>
#include <string>
#include <string_view>

#include "rules/rule_set.h"

namespace magpie::rules {

// What of each rule a decode fills in.
struct DecodeOptions {
  // `examples` and `negative_examples`: only `rules check` runs them. A scan leaves them out
  // (left empty), ~3,000 strings of the built-in rules decoded and copied on every start, a
  // pre-commit hook's included (issue 11). Their bytes are checked all the same.
  bool examples = true;
};

std::string EncodeRuleSet(const RuleSet& rules);
// nullopt when `bytes` is not an encoding produced by this version of EncodeRuleSet: another
// format or version, truncated, extended, or holding a value this version does not know.
std::optional<RuleSet> DecodeRuleSet(std::string_view bytes, const DecodeOptions& options = {});

}  // namespace magpie::rules

#endif  // MAGPIE_RULES_RULE_CODEC_H_
