// `.magpie.yaml`: per-repository settings, found at the scan root or named by --config FILE
// (--no-config ignores it). Every key is optional; an unknown key is an error naming it and its
// line. Command-line flags win over the file. Full format: docs/suppression.md.
//
//   rules:            # extra rules, same schema as rules.yaml's `rules:` list
//     - id: acme-token
//       ...
//   disable: [generic-secret, jwt]   # rule ids to drop (an unknown id is an error)
//   exclude: ["fixtures/**", "*.min.js"]   # path patterns, .magpieignore syntax
//   entropy: {hex: 3.0, base64: 3.5, mixed: 3.3, min_length: 12}   # generic detector
//   min_confidence: medium     # low | medium | high
//   max_file_size: 10          # MiB
//   generic: false             # the generic entropy detector
//
// Because the file usually lives in the scanned tree, it is never applied silently: the
// summary names it (Summary::config_file).
#ifndef MAGPIE_SUPPRESS_REPO_CONFIG_H_
#define MAGPIE_SUPPRESS_REPO_CONFIG_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "rules/rule_set.h"
#include "scanner/entropy.h"

namespace magpie::suppress {

inline constexpr std::string_view kConfigFileName = ".magpie.yaml";

struct ConfigFile {
  std::string path;  // the file read; "" when no configuration is in use
  std::vector<rules::RuleSpec> extra_rules;
  struct Disabled {
    std::string id;
    int line = 0;
  };
  std::vector<Disabled> disable;
  std::vector<std::string> exclude;
  // Each threshold the file sets; the others keep their defaults.
  std::optional<double> entropy_hex;
  std::optional<double> entropy_base64;
  std::optional<double> entropy_mixed;
  std::optional<size_t> entropy_min_length;
  std::optional<rules::Confidence> min_confidence;
  std::optional<uint64_t> max_file_size_mib;
  std::optional<bool> generic;

  // `base` with the file's thresholds applied.
  scanner::EntropyThresholds Entropy(scanner::EntropyThresholds base) const;
};

// Parses the file's text. Errors (kInvalidArgument): one line per problem, each naming the file
// and line ("a.yaml:3: unknown key 'x'").
Result<ConfigFile> ParseConfig(std::string_view yaml, const std::string& source);
// Reads and parses `path`; a missing or unreadable file is an error.
// `found_in_tree`: the file is the scanned tree's own (not --config): only a regular file is
// read (base::ReadPolicy::kRegularFileInTree), never a FIFO or a device.
Result<ConfigFile> LoadConfigFile(const std::string& path, bool found_in_tree = false);

// The configuration file to use: `explicit_path` when given, else <root>/.magpie.yaml when it
// exists, else "" (none). With `no_config`, always "".
std::string ChooseConfigFile(const std::string& root, const std::string& explicit_path,
                             bool no_config);

struct RulesWithConfig {
  rules::RuleSet rules;
  bool generic_detector = true;  // false when the file disables "generic-secret"
};

// The repository's own configuration as a reviewed revision has it (`magpie git --since BASE`
// reads BASE's), used instead of the files in the work tree. nullopt: the file is absent there.
struct ReviewedRepoFiles {
  std::string revision;                     // named in messages and the summary ("BASE")
  std::optional<std::string> config_text;   // .magpie.yaml
  std::optional<std::string> ignore_text;   // .magpieignore
};

// `base` plus the file's extra rules (an id already in `base` is a problem) minus its disabled
// ids (an id in neither `base` nor the extra rules, nor the generic detector's, is a problem).
// Errors: one line per problem, as ParseConfig.
Result<RulesWithConfig> ApplyConfigRules(rules::RuleSet base, const ConfigFile& config,
                                         bool generic_detector);

}  // namespace magpie::suppress

#endif  // MAGPIE_SUPPRESS_REPO_CONFIG_H_
