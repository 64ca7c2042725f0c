#include "suppress/repo_config.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>
#include <utility>

#include <yaml-cpp/yaml.h>

#include "base/file_io.h"

namespace magpie::suppress {
namespace fs = std::filesystem;
namespace {

struct ConfigLoad {
  ConfigFile config;
  std::vector<rules::RuleProblem> problems;  // each names the file and line
  bool ok() const { return problems.empty(); }
};

// The keys of .magpie.yaml besides `rules` (and `version`), which the rules parser reads.
const std::vector<std::string>& OwnKeys() {
  static const std::vector<std::string> keys = {"disable", "exclude", "entropy", "min_confidence",
                                                "max_file_size", "generic"};
  return keys;
}

// The id findings of the generic entropy detector carry: disabling it turns the detector off.
using rules::kGenericRuleId;

int LineOf(const YAML::Node& node) { return node.Mark().line >= 0 ? node.Mark().line + 1 : 0; }

class ConfigParser {
 public:
  ConfigParser(const std::string& source, ConfigLoad* load) : source_(source), load_(load) {}

  void Parse(const YAML::Node& root) {
    if (!root.IsMap()) return;  // reported by the rules parser
    for (const auto& entry : root) {
      if (!entry.first.IsScalar()) continue;  // reported by the rules parser
      const std::string& key = entry.first.Scalar();
      const int line = LineOf(entry.first);
      const YAML::Node& value = entry.second;
      if (key == "disable") {
        for (const auto& [id, id_line] : StringList(value, key, line)) {
          load_->config.disable.push_back({id, id_line});
        }
      } else if (key == "exclude") {
        for (auto& [pattern, unused] : StringList(value, key, line)) {
          load_->config.exclude.push_back(std::move(pattern));
        }
      } else if (key == "entropy") {
        Entropy(value, line);
      } else if (key == "min_confidence") {
        std::optional<rules::Confidence> c;
        if (value.IsScalar()) c = rules::ParseConfidence(value.Scalar());
        if (!c) {
          Problem(line, "'min_confidence' must be low, medium or high");
        } else {
          load_->config.min_confidence = c;
        }
      } else if (key == "max_file_size") {
        uint64_t mib = 0;
        if (!value.IsScalar() || !YAML::convert<uint64_t>::decode(value, mib) || mib == 0 ||
            mib > (uint64_t{1} << 20)) {
          Problem(line, "'max_file_size' must be a whole number of MiB, 1 to 1048576");
        } else {
          load_->config.max_file_size_mib = mib;
        }
      } else if (key == "generic") {
        bool on = true;
        if (!value.IsScalar() || !YAML::convert<bool>::decode(value, on)) {
          Problem(line, "'generic' must be true or false");
        } else {
          load_->config.generic = on;
        }
      }
    }
  }

 private:
  void Problem(int line, std::string message) {
    load_->problems.push_back(rules::RuleProblem{source_, line, "", std::move(message)});
  }

  std::vector<std::pair<std::string, int>> StringList(const YAML::Node& value,
                                                      const std::string& key, int line) {
    std::vector<std::pair<std::string, int>> out;
    if (!value.IsSequence()) {
      Problem(line, "'" + key + "' must be a list of strings");
      return out;
    }
    for (const YAML::Node& item : value) {
      if (!item.IsScalar() || item.Scalar().empty()) {
        Problem(LineOf(item), "every entry of '" + key + "' must be a non-empty string");
        continue;
      }
      out.emplace_back(item.Scalar(), LineOf(item));
    }
    return out;
  }

  void Entropy(const YAML::Node& value, int line) {
    if (!value.IsMap()) {
      Problem(line, "'entropy' must be a mapping (hex, base64, mixed, min_length)");
      return;
    }
    struct Floor {
      const char* key;
      double max;
      std::optional<double>* out;
    };
    ConfigFile& c = load_->config;
    const Floor floors[] = {{"hex", 4.0, &c.entropy_hex},
                            {"base64", 6.0, &c.entropy_base64},
                            {"mixed", 8.0, &c.entropy_mixed}};
    for (const auto& entry : value) {
      const int key_line = LineOf(entry.first);
      const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "";
      if (key == "min_length") {
        size_t n = 0;
        if (!entry.second.IsScalar() || !YAML::convert<size_t>::decode(entry.second, n) ||
            n == 0 || n > 1000) {
          Problem(key_line, "'entropy.min_length' must be a whole number, 1 to 1000");
        } else {
          c.entropy_min_length = n;
        }
        continue;
      }
      const auto floor = std::find_if(std::begin(floors), std::end(floors),
                                      [&](const Floor& f) { return key == f.key; });
      if (floor == std::end(floors)) {
        Problem(key_line, "unknown key 'entropy." + key + "' (expected hex, base64, mixed, "
                          "min_length)");
        continue;
      }
      double bits = 0;
      if (!entry.second.IsScalar() || !YAML::convert<double>::decode(entry.second, bits) ||
          !(bits >= 0.0 && bits <= floor->max)) {
        Problem(key_line, "'entropy." + key + "' must be a number of bits per byte, 0 to " +
                              std::to_string(static_cast<int>(floor->max)));
      } else {
        *floor->out = bits;
      }
    }
  }

  const std::string& source_;
  ConfigLoad* load_;
};

}  // namespace

scanner::EntropyThresholds ConfigFile::Entropy(scanner::EntropyThresholds base) const {
  if (entropy_hex) base.hex = *entropy_hex;
  if (entropy_base64) base.base64 = *entropy_base64;
  if (entropy_mixed) base.mixed = *entropy_mixed;
  if (entropy_min_length) base.min_length = *entropy_min_length;
  return base;
}

Result<ConfigFile> ParseConfig(std::string_view yaml, const std::string& source) {
  ConfigLoad load;
  load.config.path = source;
  // The rules parser checks the rules list, `version` and every unknown top-level key.
  rules::LoadResult rules = rules::ParseRulesSection(yaml, source, OwnKeys());
  load.problems = std::move(rules.problems);
  if (load.ok()) load.config.extra_rules = rules.rules.rules();
  try {
    ConfigParser(source, &load).Parse(YAML::Load(std::string(yaml)));
  } catch (const std::exception&) {
    // Invalid YAML: already reported by the rules parser, with its line.
  }
  if (!load.ok()) return rules::ToStatus(load.problems);
  return std::move(load.config);
}

Result<ConfigFile> LoadConfigFile(const std::string& path, bool found_in_tree) {
  Result<std::string> text = ReadWholeFile(
      path, found_in_tree ? ReadPolicy::kRegularFileInTree : ReadPolicy::kAnyFile);
  if (!text.ok()) {
    return rules::ToStatus({rules::RuleProblem{
        path, 0, "", "cannot read configuration file: " + text.status().message()}});
  }
  return ParseConfig(*text, path);
}

std::string ChooseConfigFile(const std::string& root, const std::string& explicit_path,
                             bool no_config) {
  if (no_config) return "";
  if (!explicit_path.empty()) return explicit_path;
  const fs::path candidate = fs::path(root) / kConfigFileName;
  std::error_code ec;
  if (!fs::exists(candidate, ec)) return "";
  std::string shown = candidate.lexically_normal().generic_string();
  return shown;
}

Result<RulesWithConfig> ApplyConfigRules(rules::RuleSet base, const ConfigFile& config,
                                         bool generic_detector) {
  RulesWithConfig out;
  out.generic_detector = generic_detector;
  if (config.extra_rules.empty() && config.disable.empty()) {
    out.rules = std::move(base);
    return out;
  }
  std::vector<rules::RuleProblem> problems;
  std::vector<rules::RuleSpec> specs = base.rules();
  for (const rules::RuleSpec& extra : config.extra_rules) {
    if (base.Find(extra.id) >= 0 || extra.id == kGenericRuleId) {
      problems.push_back(rules::RuleProblem{
          config.path, extra.line, extra.id,
          "duplicate id: a rule with this id is already loaded (from " + base.source() + ")"});
      continue;
    }
    specs.push_back(extra);
  }
  std::set<std::string, std::less<>> disabled;
  for (const ConfigFile::Disabled& d : config.disable) {
    const bool known = std::any_of(specs.begin(), specs.end(),
                                   [&](const rules::RuleSpec& s) { return s.id == d.id; });
    if (d.id == kGenericRuleId) {
      out.generic_detector = false;
    } else if (!known) {
      problems.push_back(rules::RuleProblem{config.path, d.line, "",
                                                "'disable': unknown rule id '" + d.id + "'"});
    }
    disabled.insert(d.id);
  }
  specs.erase(std::remove_if(specs.begin(), specs.end(),
                             [&](const rules::RuleSpec& s) { return disabled.count(s.id) > 0; }),
              specs.end());
  if (!problems.empty()) return rules::ToStatus(problems);
  std::string source = base.source();
  if (!config.path.empty()) source += " + " + config.path;
  out.rules = rules::RuleSet(std::move(specs), std::move(source));
  return out;
}

}  // namespace magpie::suppress
