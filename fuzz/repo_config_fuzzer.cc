// suppress::ParseConfig on arbitrary text: a `.magpie.yaml` comes with the repository being
// scanned. What it accepts is then applied as a scan would: its rules merged into the built-in
// ones, its thresholds and its exclude patterns.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_check.h"
#include "rules/rule_set.h"
#include "suppress/path_patterns.h"
#include "suppress/repo_config.h"

namespace {
const magpie::rules::RuleSet* builtin = nullptr;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  static const magpie::rules::LoadResult loaded = magpie::rules::LoadBuiltinRules();
  MAGPIE_FUZZ_CHECK(loaded.ok());
  builtin = &loaded.rules;
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace magpie::suppress;
  const auto config = ParseConfig(magpie::fuzz::AsView(data, size), "fuzz.yaml");
  if (!config.ok()) {
    (void)config.status().Lines();
    return 0;
  }
  const auto merged = ApplyConfigRules(*builtin, *config, /*generic_detector=*/true);
  if (merged.ok()) {
    MAGPIE_FUZZ_CHECK(merged->rules.rules().size() <=
                      builtin->rules().size() + config->extra_rules.size());
  }
  (void)config->Entropy({});
  PathPatterns patterns;
  for (const std::string& pattern : config->exclude) patterns.Add(pattern);
  for (const char* path : {"a", "src/a.py", "fixtures/x/y.json", ".git/config"}) {
    (void)patterns.ExcludesWithParents(path, /*is_directory=*/false);
  }
  return 0;
}
