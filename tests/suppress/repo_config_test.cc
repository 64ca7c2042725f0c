// .magpie.yaml parsed directly (issue 5; moved from tests/cli by issue 9). What it does to a
// scan is tested through the executable in tests/cli/config_test.cc.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "suppress/repo_config.h"

namespace magpie::suppress {
namespace {

// One extra rule, in the schema of rules.yaml.
const std::string kAcmeRule =
    "rules:\n"
    "  - {id: acme-token, name: ACME token, description: Tokens of the ACME test service.,\n"
    "     pattern: '\\b(acme_[a-z0-9]{24})\\b', confidence: high,\n"
    "     examples: [acme_0123456789abcdefghijklmn]}\n";

TEST_CASE("ParseConfig reads every key", "[suppress]") {
  const Result<ConfigFile> load = ParseConfig(
      kAcmeRule +
          "disable: [jwt]\nexclude: ['*.min.js']\nentropy: {hex: 2.5, min_length: 20}\n"
          "min_confidence: medium\nmax_file_size: 7\ngeneric: false\n",
      "cfg");
  INFO(load.status().message());
  REQUIRE(load.ok());
  const ConfigFile& c = *load;
  REQUIRE(c.extra_rules.size() == 1);
  CHECK(c.extra_rules[0].id == "acme-token");
  REQUIRE(c.disable.size() == 1);
  CHECK(c.disable[0].id == "jwt");
  CHECK(c.exclude == std::vector<std::string>{"*.min.js"});
  CHECK(c.Entropy({}).hex == 2.5);
  CHECK(c.Entropy({}).min_length == 20);
  CHECK(c.Entropy({}).base64 == scanner::EntropyThresholds{}.base64);  // not set: default
  CHECK(c.min_confidence == rules::Confidence::kMedium);
  CHECK(c.max_file_size_mib == 7u);
  CHECK(c.generic == false);
  // An empty file is a valid (empty) configuration.
  CHECK(ParseConfig("", "empty").ok());
  CHECK(ParseConfig("# only a comment\n", "comment").ok());
}

}  // namespace
}  // namespace magpie::suppress
