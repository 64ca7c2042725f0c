// Issue 11: the built-in rules' SHA-256 is taken at build time (cmake/embed_file.cmake), so that
// the rules cache's key for them reads none of their bytes.
#include <catch2/catch.hpp>

#include <string>

#include "cache/build_id.h"
#include "rules/rule_set.h"
#include "scanner/fingerprint.h"

namespace magpie::cache {
namespace {

TEST_CASE("issue 11: the build-time hash of the built-in rules is their SHA-256", "[cache]") {
  CHECK(rules::BuiltinRulesYamlSha256() == scanner::Sha256Hex(rules::BuiltinRulesYaml()));
  CHECK(std::string(BuildId()).find(std::string("; rules ") +
                                    std::string(rules::BuiltinRulesYamlSha256())) !=
        std::string::npos);
}

}  // namespace
}  // namespace magpie::cache
