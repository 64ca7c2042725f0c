#include "rules/rule_codec.h"

#include <climits>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace magpie::rules {
namespace {

using nlohmann::json;
// Bumped whenever a field is added or changes meaning, so that an entry written by another
// version is a miss (re-parsed from the YAML), never misread. 2: kind, paths, content,
// remediation (issue 15).
constexpr int kCodecVersion = 2;

json Encode(const RuleSpec& r) {
  json j = {{"id", r.id},
            {"name", r.name},
            {"description", r.description},
            {"pattern", r.pattern},
            {"group", r.secret_group},
            {"keywords", r.keywords},
            {"severity", static_cast<int>(r.severity)},
            {"confidence", static_cast<int>(r.confidence)},
            {"references", r.references},
            {"examples", r.examples},
            {"negative_examples", r.negative_examples},
            // By name ("" for none), so that reordering the enum cannot misread an entry.
            {"validator", std::string(ToString(r.validator))},
            {"require_validation", r.require_validation},
            {"line", r.line},
            {"kind", std::string(ToString(r.kind))},
            {"paths", r.paths},
            {"content", r.content},
            {"remediation", r.remediation}};
  if (r.min_entropy) j["min_entropy"] = *r.min_entropy;
  return j;
}

// An int read back from bytes on disk: a float or a value beyond int makes the entry invalid
// (get<int>() would convert a float such as 1e300 with undefined behaviour, issue 10).
int IntIn(const json& j) {
  if (!j.is_number_integer()) throw std::out_of_range("not an integer");
  const bool fits = j.is_number_unsigned()
                        ? j.get<uint64_t>() <= uint64_t{INT_MAX}
                        : j.get<int64_t>() >= INT_MIN && j.get<int64_t>() <= INT_MAX;
  if (!fits) throw std::out_of_range("integer out of range");
  return static_cast<int>(j.get<int64_t>());
}

// Enum values read back from bytes on disk: out-of-range ones make the entry invalid.
template <typename Enum>
Enum EnumIn(const json& j, Enum last) {
  const int value = IntIn(j);
  if (value < 0 || value > static_cast<int>(last)) throw std::out_of_range("enum value");
  return static_cast<Enum>(value);
}

Validator DecodeValidator(const json& j) {
  const std::string name = j.get<std::string>();
  if (name.empty()) return Validator::kNone;
  std::optional<Validator> validator = ParseValidator(name);
  if (!validator) throw std::out_of_range("unknown validator");
  return *validator;
}

// Throws (json::exception, std::out_of_range) on an entry this version did not write.
RuleSpec Decode(const json& j) {
  RuleSpec r;
  r.id = j.at("id").get<std::string>();
  r.name = j.at("name").get<std::string>();
  r.description = j.at("description").get<std::string>();
  r.pattern = j.at("pattern").get<std::string>();
  r.secret_group = IntIn(j.at("group"));
  r.keywords = j.at("keywords").get<std::vector<std::string>>();
  r.severity = EnumIn(j.at("severity"), Severity::kCritical);
  r.confidence = EnumIn(j.at("confidence"), Confidence::kHigh);
  r.references = j.at("references").get<std::vector<std::string>>();
  r.examples = j.at("examples").get<std::vector<std::string>>();
  r.negative_examples = j.at("negative_examples").get<std::vector<std::string>>();
  r.validator = DecodeValidator(j.at("validator"));
  r.require_validation = j.at("require_validation").get<bool>();
  r.line = IntIn(j.at("line"));
  std::optional<RuleKind> kind = ParseRuleKind(j.at("kind").get<std::string>());
  if (!kind) throw std::out_of_range("unknown rule kind");
  r.kind = *kind;
  r.paths = j.at("paths").get<std::vector<std::string>>();
  r.content = j.at("content").get<std::string>();
  r.remediation = j.at("remediation").get<std::string>();
  if (j.contains("min_entropy")) r.min_entropy = j.at("min_entropy").get<double>();
  return r;
}

// json::from_cbor, but refusing to nest deeper than an encoding ever does (the rule set, its
// list of rules, a rule, one of its lists: 4). nlohmann's CBOR reader recurses once per level,
// so an entry of nested arrays overflowed the stack (issue 10).
class ShallowCborDom : public nlohmann::detail::json_sax_dom_parser<json> {
 public:
  explicit ShallowCborDom(json* doc) : json_sax_dom_parser(*doc, /*allow_exceptions=*/false) {}
  bool start_object(std::size_t n) { return Deeper() && json_sax_dom_parser::start_object(n); }
  bool start_array(std::size_t n) { return Deeper() && json_sax_dom_parser::start_array(n); }
  bool end_object() {
    --depth_;
    return json_sax_dom_parser::end_object();
  }
  bool end_array() {
    --depth_;
    return json_sax_dom_parser::end_array();
  }

 private:
  static constexpr int kMaxDepth = 8;
  bool Deeper() { return ++depth_ <= kMaxDepth; }
  int depth_ = 0;
};

}  // namespace

std::string EncodeRuleSet(const RuleSet& rules) {
  json doc = {{"version", kCodecVersion}, {"source", rules.source()}, {"rules", json::array()}};
  for (const RuleSpec& r : rules.rules()) doc["rules"].push_back(Encode(r));
  const std::vector<std::uint8_t> bytes = json::to_cbor(doc);
  return std::string(bytes.begin(), bytes.end());
}

std::optional<RuleSet> DecodeRuleSet(std::string_view bytes) {
  try {
    // Inside the try: even with allow_exceptions false, the CBOR reader throws on an array or
    // map header that claims more elements than a vector can hold (issue 10).
    json doc;
    ShallowCborDom dom(&doc);
    if (!json::sax_parse(bytes.begin(), bytes.end(), &dom, json::input_format_t::cbor,
                         /*strict=*/true) ||
        !doc.is_object() || !doc.contains("version") || IntIn(doc["version"]) != kCodecVersion) {
      return std::nullopt;
    }
    std::vector<RuleSpec> specs;
    for (const json& r : doc.at("rules")) specs.push_back(Decode(r));
    return RuleSet(std::move(specs), doc.at("source").get<std::string>());
  } catch (const json::exception&) {
    return std::nullopt;  // a truncated or foreign entry: the caller re-parses the YAML
  } catch (const std::out_of_range&) {
    return std::nullopt;  // an enum value or validator name this version does not know
  }
}

}  // namespace magpie::rules
