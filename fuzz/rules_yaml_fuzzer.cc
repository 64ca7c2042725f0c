// rules::ParseRules on arbitrary text (a --rules file, the `rules:` of a .magpie.yaml), and
// for every rule set it accepts, the cache's codec: decoding the encoding gives it back.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_check.h"
#include "rules/rule_codec.h"
#include "rules/rule_set.h"

namespace {

bool SameSpec(const magpie::rules::RuleSpec& a, const magpie::rules::RuleSpec& b) {
  return a.id == b.id && a.name == b.name && a.description == b.description &&
         a.pattern == b.pattern && a.secret_group == b.secret_group &&
         a.keywords == b.keywords && a.min_entropy == b.min_entropy &&
         a.severity == b.severity && a.confidence == b.confidence &&
         a.references == b.references && a.examples == b.examples &&
         a.negative_examples == b.negative_examples && a.validator == b.validator &&
         a.require_validation == b.require_validation && a.line == b.line;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace magpie::rules;
  const LoadResult loaded = ParseRules(magpie::fuzz::AsView(data, size), "fuzz.yaml");
  for (const RuleProblem& p : loaded.problems) (void)p.ToString();
  if (!loaded.ok()) return 0;
  const std::optional<RuleSet> decoded = DecodeRuleSet(EncodeRuleSet(loaded.rules));
  MAGPIE_FUZZ_CHECK(decoded.has_value());
  MAGPIE_FUZZ_CHECK(decoded->rules().size() == loaded.rules.rules().size());
  for (size_t i = 0; i < decoded->rules().size(); ++i) {
    MAGPIE_FUZZ_CHECK(SameSpec(decoded->rules()[i], loaded.rules.rules()[i]));
  }
  return 0;
}
