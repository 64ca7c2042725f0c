#include "rules/rule_codec.h"

#include <cstdint>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace magpie::rules {
namespace {

void CheckSameSpec(const RuleSpec& a, const RuleSpec& b) {
  INFO(a.id);
  CHECK(a.id == b.id);
  CHECK(a.name == b.name);
  CHECK(a.description == b.description);
  CHECK(a.pattern == b.pattern);
  CHECK(a.secret_group == b.secret_group);
  CHECK(a.keywords == b.keywords);
  CHECK(a.min_entropy == b.min_entropy);
  CHECK(a.severity == b.severity);
  CHECK(a.confidence == b.confidence);
  CHECK(a.references == b.references);
  CHECK(a.examples == b.examples);
  CHECK(a.negative_examples == b.negative_examples);
  CHECK(a.validator == b.validator);
  CHECK(a.require_validation == b.require_validation);
  CHECK(a.line == b.line);
}

// `bytes` (an encoding of a rule set) with the first rule's `key` set to `value`.
std::string WithRuleField(const std::string& bytes, const char* key, const nlohmann::json& value) {
  const std::vector<std::uint8_t> raw(bytes.begin(), bytes.end());
  nlohmann::json doc = nlohmann::json::from_cbor(raw);
  doc["rules"][0][key] = value;
  const std::vector<std::uint8_t> out = nlohmann::json::to_cbor(doc);
  return std::string(out.begin(), out.end());
}

TEST_CASE("the built-in rules round-trip through the codec, validators included", "[rules]") {
  const LoadResult loaded = LoadBuiltinRules();
  REQUIRE(loaded.ok());
  const std::optional<RuleSet> decoded = DecodeRuleSet(EncodeRuleSet(loaded.rules));
  REQUIRE(decoded.has_value());
  CHECK(decoded->source() == loaded.rules.source());
  REQUIRE(decoded->rules().size() == loaded.rules.rules().size());
  bool saw_validator = false;
  for (size_t i = 0; i < decoded->rules().size(); ++i) {
    CheckSameSpec(decoded->rules()[i], loaded.rules.rules()[i]);
    saw_validator = saw_validator || decoded->rules()[i].validator != Validator::kNone;
  }
  CHECK(saw_validator);
}

TEST_CASE("every validator survives the codec", "[rules]") {
  std::vector<RuleSpec> specs;
  RuleSpec none;
  none.id = "none";
  specs.push_back(none);
  for (const Validator v : kKnownValidators) {
    RuleSpec spec;
    spec.id = std::string(ToString(v));
    spec.validator = v;
    specs.push_back(spec);
  }
  const std::optional<RuleSet> decoded = DecodeRuleSet(EncodeRuleSet(RuleSet(specs, "<t>")));
  REQUIRE(decoded.has_value());
  REQUIRE(decoded->rules().size() == specs.size());
  for (size_t i = 0; i < specs.size(); ++i) {
    CHECK(decoded->rules()[i].validator == specs[i].validator);
  }
}

TEST_CASE("bytes the codec did not write decode to nothing", "[rules]") {
  RuleSpec spec;
  spec.id = "x";
  spec.validator = Validator::kJwt;
  const std::string bytes = EncodeRuleSet(RuleSet({spec}, "<t>"));
  CHECK_FALSE(DecodeRuleSet("").has_value());
  CHECK_FALSE(DecodeRuleSet(bytes.substr(0, bytes.size() / 2)).has_value());

  // Well-formed CBOR with values this version does not know.
  auto edited = [&](const char* key, const nlohmann::json& value) {
    return WithRuleField(bytes, key, value);
  };
  CHECK(DecodeRuleSet(edited("validator", "jwt")).has_value());
  CHECK_FALSE(DecodeRuleSet(edited("validator", "luhn")).has_value());
  CHECK_FALSE(DecodeRuleSet(edited("severity", 7)).has_value());
  CHECK_FALSE(DecodeRuleSet(edited("confidence", -1)).has_value());
  CHECK_FALSE(DecodeRuleSet(edited("id", 3)).has_value());
}

// Found by fuzz_cache_entry (fuzz/corpus/cache_entry/issue10-huge-cbor-array): from_cbor
// threw through DecodeRuleSet although exceptions were off, and terminated magpie.
TEST_CASE("issue 10: a CBOR array claiming 2^61 elements decodes to nothing", "[rules]") {
  CHECK_FALSE(DecodeRuleSet(std::string("\x9b\x24\x24\x24\x24\x41\x24\x24\x41", 9)).has_value());
  // The same inside the rule set's own map.
  const std::string map_then_array("\xa1\x65rules\x9b\x7f\xff\xff\xff\xff\xff\xff\xff", 16);
  CHECK_FALSE(DecodeRuleSet(map_then_array).has_value());
}

// get<int>() converted a float such as 1e300 to int: undefined behaviour (UBSan).
TEST_CASE("issue 10: a float or a huge number where the codec wrote an int decodes to nothing",
          "[rules]") {
  RuleSpec spec;
  spec.id = "x";
  const std::string bytes = EncodeRuleSet(RuleSet({spec}, "<t>"));
  REQUIRE(DecodeRuleSet(WithRuleField(bytes, "group", 1)).has_value());
  for (const char* key : {"group", "line", "severity", "confidence"}) {
    INFO(key);
    CHECK_FALSE(DecodeRuleSet(WithRuleField(bytes, key, 1e300)).has_value());
    CHECK_FALSE(DecodeRuleSet(WithRuleField(bytes, key, 1.0)).has_value());
    CHECK_FALSE(DecodeRuleSet(WithRuleField(bytes, key, UINT64_MAX)).has_value());
    CHECK_FALSE(DecodeRuleSet(WithRuleField(bytes, key, int64_t{INT32_MIN} - 1)).has_value());
  }
}

// nlohmann's CBOR reader recurses once per level: 4 KiB of nested arrays overflowed the stack
// under ASan (fuzz/corpus/cache_entry/issue10-nested-arrays), a million levels without it.
TEST_CASE("issue 10: deeply nested CBOR decodes to nothing, without recursing", "[rules]") {
  CHECK_FALSE(DecodeRuleSet(std::string(1'000'000, '\x81') + '\x00').has_value());
  CHECK_FALSE(DecodeRuleSet("\xa1\x65rules" + std::string(1'000'000, '\x9f')).has_value());
  // The encoding's own depth is accepted.
  RuleSpec spec;
  spec.id = "x";
  spec.keywords = {"k"};
  CHECK(DecodeRuleSet(EncodeRuleSet(RuleSet({spec}, "<t>"))).has_value());
}

TEST_CASE("issue 10: a version that is not a number decodes to nothing", "[rules]") {
  const std::vector<std::uint8_t> raw = nlohmann::json::to_cbor({{"version", "1"}});
  CHECK_FALSE(DecodeRuleSet(std::string(raw.begin(), raw.end())).has_value());
}

}  // namespace
}  // namespace magpie::rules
