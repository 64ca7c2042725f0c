#include "rules/rule_set.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <map>
#include <memory>
#include <optional>
#include <utility>

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include "rules/re2_options.h"

namespace magpie::rules {

std::string RuleProblem::ToString() const {
  std::string out = source;
  if (line > 0) {
    if (!out.empty()) out += ':';
    out += std::to_string(line);
  }
  if (!out.empty()) out += ": ";
  if (!rule_id.empty()) out += "rule '" + rule_id + "': ";
  out += message;
  return out;
}

Status ToStatus(const std::vector<RuleProblem>& problems) {
  if (problems.empty()) return Status::Ok();
  std::string message;
  for (const RuleProblem& p : problems) {
    if (!message.empty()) message += '\n';
    message += p.ToString();
  }
  return InvalidArgument(std::move(message));
}

RuleSet::RuleSet(std::vector<RuleSpec> rules, std::string source)
    : rules_(std::move(rules)), source_(std::move(source)) {}

int RuleSet::Find(std::string_view id) const {
  // Linear: rule sets hold a few hundred rules at most and lookups are not on the scan path.
  for (size_t i = 0; i < rules_.size(); ++i) {
    if (rules_[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

namespace {

constexpr std::string_view kRuleKeys[] = {"id",
                                          "name",
                                          "description",
                                          "pattern",
                                          "hyperscan",
                                          "keywords",
                                          "min_entropy",
                                          "severity",
                                          "confidence",
                                          "references",
                                          "examples",
                                          "negative_examples",
                                          "validator",
                                          "require_validation",
                                          "kind",
                                          "paths",
                                          "content",
                                          "remediation"};

// yaml-cpp marks are 0-based and a node built without a position has line -1.
int LineOf(const YAML::Node& node, int fallback) {
  const int line = node.Mark().line;
  return line >= 0 ? line + 1 : fallback;
}

bool IsKebabCase(std::string_view s) {
  if (s.empty()) return false;
  auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!lower_or_digit(s[0])) return false;
  return std::all_of(s.begin() + 1, s.end(), [&](char c) { return lower_or_digit(c) || c == '-'; });
}

// "(?<name>" as opposed to the lookbehinds "(?<=" and "(?<!".
bool HasAngleNamedGroup(std::string_view pattern) {
  for (size_t i = pattern.find("(?<"); i != std::string_view::npos;
       i = pattern.find("(?<", i + 1)) {
    if (i + 3 < pattern.size() && pattern[i + 3] != '=' && pattern[i + 3] != '!') return true;
  }
  return false;
}

// "'key' what". Appends rather than chaining operator+, which trips a false -Wrestrict in GCC 12.
std::string KeyMessage(std::string_view key, std::string_view what) {
  std::string out = "'";
  out.append(key).append("' ").append(what);
  return out;
}

// "github-checksum, npm-checksum, ...": the names a `validator:` may take.
std::string KnownValidatorNames() {
  std::string out;
  for (Validator v : kKnownValidators) {
    if (!out.empty()) out += ", ";
    out += ToString(v);
  }
  return out;
}

// Parses the rules of one document, appending every problem it sees; never throws itself
// (yaml-cpp conversions go through convert<T>::decode, which reports failure by value).
class Parser {
 public:
  Parser(std::string_view source, std::vector<RuleProblem>* problems)
      : source_(source), problems_(problems) {}

  void ParseDocument(const YAML::Node& root, std::vector<RuleSpec>* out);
  // ParseRulesSection: these top-level keys belong to the caller, and 'rules' is optional.
  void AllowOtherKeys(const std::vector<std::string>* keys) { other_keys_ = keys; }

 private:
  void Problem(int line, std::string rule_id, std::string message) {
    problems_->push_back(
        RuleProblem{std::string(source_), line, std::move(rule_id), std::move(message)});
  }

  std::optional<RuleSpec> ParseRule(const YAML::Node& node, int index);
  // Field readers: on a type error they record a problem naming `key` and return false.
  bool ReadString(const YAML::Node& value, std::string_view key, int line, const std::string& id,
                  std::string* out);
  bool ReadStringList(const YAML::Node& value, std::string_view key, int line,
                      const std::string& id, std::vector<std::string>* out);
  void CheckPattern(RuleSpec* spec, int line);
  void CheckHyperscan(const RuleSpec& spec, int line);
  // The keys a rule's kind needs and those it cannot have.
  void CheckKindKeys(const RuleSpec& spec, const std::map<std::string, int, std::less<>>& keys,
                     const std::string& id);

  std::string_view source_;
  std::vector<RuleProblem>* problems_;
  std::map<std::string, int, std::less<>> id_lines_;  // id -> line of its first definition
  const std::vector<std::string>* other_keys_ = nullptr;
};

void Parser::ParseDocument(const YAML::Node& root, std::vector<RuleSpec>* out) {
  if (!root.IsMap()) {
    Problem(LineOf(root, 0), "",
            root.IsNull() ? "the file is empty: expected a mapping with a 'rules' list"
                          : "the top level must be a mapping with a 'rules' list");
    return;
  }
  bool saw_rules = false;
  std::map<std::string, int, std::less<>> key_lines;
  for (const auto& entry : root) {
    const int key_line = LineOf(entry.first, 0);
    if (!entry.first.IsScalar()) {
      Problem(key_line, "", "top-level keys must be strings");
      continue;
    }
    const std::string& key = entry.first.Scalar();
    if (auto [it, inserted] = key_lines.emplace(key, key_line); !inserted) {
      Problem(key_line, "",
              "duplicate key '" + key + "' (first on line " + std::to_string(it->second) + ")");
      continue;
    }
    const YAML::Node& value = entry.second;
    if (key == "version") {
      int version = 0;
      if (!value.IsScalar() || !YAML::convert<int>::decode(value, version)) {
        Problem(key_line, "", "'version' must be an integer");
      } else if (version != 1) {
        Problem(key_line, "", "unsupported version " + std::to_string(version) + " (expected 1)");
      }
    } else if (key == "rules") {
      saw_rules = true;
      if (!value.IsSequence()) {
        Problem(key_line, "", "'rules' must be a list of rule mappings");
        continue;
      }
      int index = 0;
      for (const YAML::Node& rule_node : value) {
        ++index;
        if (std::optional<RuleSpec> spec = ParseRule(rule_node, index)) {
          out->push_back(std::move(*spec));
        }
      }
    } else if (other_keys_ == nullptr ||
               std::find(other_keys_->begin(), other_keys_->end(), key) == other_keys_->end()) {
      Problem(key_line, "", "unknown top-level key '" + key + "'");
    }
  }
  if (!saw_rules && other_keys_ == nullptr) {
    Problem(0, "", "missing required top-level key 'rules'");
  }
}

std::optional<RuleSpec> Parser::ParseRule(const YAML::Node& node, int index) {
  const size_t problems_before = problems_->size();
  RuleSpec spec;
  spec.line = LineOf(node, 0);
  if (!node.IsMap()) {
    Problem(spec.line, "", "rule #" + std::to_string(index) + " must be a mapping");
    return std::nullopt;
  }

  // The id first, so that every later problem of this rule can name it.
  // (Found by iterating: a lookup of a missing key yields an invalid node whose accessors throw.)
  std::string id;
  for (const auto& entry : node) {
    if (entry.first.IsScalar() && entry.first.Scalar() == "id" && entry.second.IsScalar()) {
      id = entry.second.Scalar();
      break;
    }
  }

  std::map<std::string, int, std::less<>> key_lines;
  for (const auto& entry : node) {
    const int line = LineOf(entry.first, spec.line);
    if (!entry.first.IsScalar()) {
      Problem(line, id, "rule keys must be strings");
      continue;
    }
    const std::string& key = entry.first.Scalar();
    const YAML::Node& value = entry.second;
    if (std::find(std::begin(kRuleKeys), std::end(kRuleKeys), key) == std::end(kRuleKeys)) {
      Problem(line, id, "unknown key '" + key + "'");
      continue;
    }
    if (auto [it, inserted] = key_lines.emplace(key, line); !inserted) {
      Problem(line, id,
              "duplicate key '" + key + "' (first on line " + std::to_string(it->second) + ")");
      continue;
    }

    if (key == "id") {
      if (ReadString(value, key, line, id, &spec.id) && !IsKebabCase(spec.id)) {
        Problem(line, id, "id must be kebab-case ([a-z0-9][a-z0-9-]*)");
      }
    } else if (key == "name") {
      ReadString(value, key, line, id, &spec.name);
    } else if (key == "description") {
      ReadString(value, key, line, id, &spec.description);
    } else if (key == "pattern") {
      if (ReadString(value, key, line, id, &spec.pattern)) CheckPattern(&spec, line);
    } else if (key == "hyperscan") {
      if (ReadString(value, key, line, id, &spec.hyperscan)) CheckHyperscan(spec, line);
    } else if (key == "keywords") {
      ReadStringList(value, key, line, id, &spec.keywords);
    } else if (key == "references") {
      ReadStringList(value, key, line, id, &spec.references);
    } else if (key == "examples") {
      if (ReadStringList(value, key, line, id, &spec.examples) && spec.examples.empty()) {
        Problem(line, id, "'examples' needs at least one example");
      }
    } else if (key == "negative_examples") {
      ReadStringList(value, key, line, id, &spec.negative_examples);
    } else if (key == "min_entropy") {
      double bits = 0;
      if (!value.IsScalar() || !YAML::convert<double>::decode(value, bits)) {
        Problem(line, id, "'min_entropy' must be a number");
      } else if (!(bits >= 0.0 && bits <= 8.0)) {  // also rejects NaN
        Problem(line, id, "'min_entropy' must be between 0 and 8 bits per byte");
      } else {
        spec.min_entropy = bits;
      }
    } else if (key == "severity") {
      std::string word;
      if (ReadString(value, key, line, id, &word)) {
        if (std::optional<Severity> s = ParseSeverity(word)) {
          spec.severity = *s;
        } else {
          Problem(line, id,
                  "unknown severity '" + word + "' (expected low, medium, high or critical)");
        }
      }
    } else if (key == "confidence") {
      std::string word;
      if (ReadString(value, key, line, id, &word)) {
        if (std::optional<Confidence> c = ParseConfidence(word)) {
          spec.confidence = *c;
        } else {
          Problem(line, id, "unknown confidence '" + word + "' (expected low, medium or high)");
        }
      }
    } else if (key == "validator") {
      std::string name;
      if (ReadString(value, key, line, id, &name)) {
        if (std::optional<Validator> validator = ParseValidator(name)) {
          spec.validator = *validator;
        } else {
          Problem(line, id,
                  "unknown validator '" + name + "' (known: " + KnownValidatorNames() + ")");
        }
      }
    } else if (key == "kind") {
      std::string word;
      if (ReadString(value, key, line, id, &word)) {
        if (std::optional<RuleKind> kind = ParseRuleKind(word)) {
          spec.kind = *kind;
        } else {
          Problem(line, id, "unknown kind '" + word + "' (expected content, path or dotenv)");
        }
      }
    } else if (key == "paths") {
      if (ReadStringList(value, key, line, id, &spec.paths) && spec.paths.empty()) {
        Problem(line, id, "'paths' needs at least one pattern");
      }
    } else if (key == "content") {
      if (ReadString(value, key, line, id, &spec.content)) {
        const RE2 re(spec.content, Re2Options());
        if (!re.ok()) Problem(line, id, "content pattern rejected by RE2: " + re.error());
      }
    } else if (key == "remediation") {
      ReadString(value, key, line, id, &spec.remediation);
    } else if (key == "require_validation") {
      if (!value.IsScalar() || !YAML::convert<bool>::decode(value, spec.require_validation)) {
        Problem(line, id, "'require_validation' must be true or false");
      }
    }
  }

  CheckKindKeys(spec, key_lines, id);
  for (std::string_view required : {"id", "name", "description", "pattern", "examples"}) {
    if (required == "pattern" && spec.kind != RuleKind::kContent) continue;
    if (key_lines.find(required) == key_lines.end()) {
      std::string message = "missing required key '" + std::string(required) + "'";
      if (required == "id") message = "rule #" + std::to_string(index) + ": " + message;
      Problem(spec.line, id, std::move(message));
    }
  }

  if (!spec.id.empty()) {
    if (auto [it, inserted] = id_lines_.emplace(spec.id, spec.line); !inserted) {
      Problem(spec.line, spec.id,
              "duplicate id: first defined on line " + std::to_string(it->second) +
                  ", again on line " + std::to_string(spec.line));
    }
  }
  if (problems_->size() != problems_before) return std::nullopt;
  return spec;
}

void Parser::CheckKindKeys(const RuleSpec& spec,
                           const std::map<std::string, int, std::less<>>& keys,
                           const std::string& id) {
  const bool content = spec.kind == RuleKind::kContent;
  const std::string kind(ToString(spec.kind));
  auto forbid = [&](std::string_view key, std::string_view why) {
    if (auto it = keys.find(key); it != keys.end()) Problem(it->second, id, KeyMessage(key, why));
  };
  if (content) {
    forbid("paths", "is for rules of kind path or dotenv");
    forbid("content", "is for rules of kind path");
    return;
  }
  for (std::string_view key : {"pattern", "hyperscan", "keywords", "min_entropy", "validator"}) {
    forbid(key, "is for content rules, not rules of kind " + kind);
  }
  if (spec.kind == RuleKind::kDotenv) forbid("content", "is for rules of kind path");
  if (keys.find("paths") == keys.end()) {
    Problem(spec.line, id, "missing required key 'paths' (rules of kind " + kind + ")");
  }
}

bool Parser::ReadString(const YAML::Node& value, std::string_view key, int line,
                        const std::string& id, std::string* out) {
  if (!value.IsScalar()) {
    Problem(line, id, KeyMessage(key, "must be a string"));
    return false;
  }
  *out = value.Scalar();
  if (out->empty()) {
    Problem(line, id, KeyMessage(key, "must not be empty"));
    return false;
  }
  return true;
}

bool Parser::ReadStringList(const YAML::Node& value, std::string_view key, int line,
                            const std::string& id, std::vector<std::string>* out) {
  if (!value.IsSequence()) {
    Problem(line, id, KeyMessage(key, "must be a list of strings"));
    return false;
  }
  bool ok = true;
  for (const YAML::Node& item : value) {
    if (!item.IsScalar()) {
      Problem(LineOf(item, line), id, "every entry of '" + std::string(key) + "' must be a string");
      ok = false;
      continue;
    }
    out->push_back(item.Scalar());
  }
  return ok;
}

// Compiles the pattern with the options the scanner uses, so that a rule that loads here
// also compiles there (Hyperscan has its own checks, run by scanner::CompiledRules).
void Parser::CheckPattern(RuleSpec* spec, int line) {
  const RE2 re(spec->pattern, Re2Options());
  const std::string& id = spec->id;
  if (!re.ok()) {
    std::string message = "pattern rejected by RE2: " + re.error();
    if (re.error_code() == RE2::ErrorBadPerlOp && HasAngleNamedGroup(spec->pattern)) {
      message += " (name groups as (?P<name>...))";  // (?<name>) needs a newer RE2
    }
    Problem(line, id, std::move(message));
    return;
  }
  if (re.NumberOfCapturingGroups() < 1) {
    Problem(line, id,
            "pattern has no capture group (the secret is the group named 'secret', else "
            "group 1)");
    return;
  }
  const auto& named = re.NamedCapturingGroups();
  const auto it = named.find("secret");
  spec->secret_group = it != named.end() ? it->second : 1;
}

// The Hyperscan expression is checked for syntax here (RE2 reads it); whether it holds every
// end of the pattern's matches, the rule's examples check (`magpie rules check`).
void Parser::CheckHyperscan(const RuleSpec& spec, int line) {
  if (spec.hyperscan.empty()) {
    Problem(line, spec.id, "'hyperscan' must not be empty (leave it out to use the pattern)");
    return;
  }
  const RE2 re(spec.hyperscan, Re2Options());
  if (!re.ok()) Problem(line, spec.id, "hyperscan expression rejected by RE2: " + re.error());
}

// `other_keys`: null for a rules file, else the caller's own top-level keys (ParseRulesSection).
LoadResult Parse(std::string_view yaml, std::string_view source,
                 const std::vector<std::string>* other_keys) {
  LoadResult result;
  std::vector<RuleSpec> specs;
  try {
    const YAML::Node root = YAML::Load(std::string(yaml));
    if (other_keys == nullptr || !root.IsNull()) {  // an empty configuration file is fine
      Parser parser(source, &result.problems);
      parser.AllowOtherKeys(other_keys);
      parser.ParseDocument(root, &specs);
    }
  } catch (const YAML::Exception& e) {
    const int line = e.mark.line >= 0 ? e.mark.line + 1 : 0;
    result.problems.push_back(RuleProblem{std::string(source), line, "", "invalid YAML: " + e.msg});
  } catch (const std::exception& e) {
    result.problems.push_back(RuleProblem{std::string(source), 0, "", e.what()});
  }
  if (result.ok()) result.rules = RuleSet(std::move(specs), std::string(source));
  return result;
}

}  // namespace

LoadResult ParseRules(std::string_view yaml, std::string_view source) {
  return Parse(yaml, source, nullptr);
}

LoadResult ParseRulesSection(std::string_view yaml, std::string_view source,
                             const std::vector<std::string>& other_keys) {
  return Parse(yaml, source, &other_keys);
}

LoadResult LoadRulesFile(const std::string& path) {
  // stdio rather than ifstream: it reports a directory or an I/O error through errno.
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  std::string text;
  int error = 0;
  if (file == nullptr) {
    error = errno;
  } else {
    char buffer[1 << 16];
    size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) text.append(buffer, n);
    if (std::ferror(file.get())) error = errno != 0 ? errno : EIO;
  }
  if (error != 0) {
    LoadResult result;
    result.problems.push_back(
        RuleProblem{path, 0, "", "cannot read rules file: " + std::string(std::strerror(error))});
    return result;
  }
  return ParseRules(text, path);
}

LoadResult LoadBuiltinRules() { return ParseRules(BuiltinRulesYaml(), "<builtin>"); }

}  // namespace magpie::rules
