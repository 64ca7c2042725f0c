// Issue 12: the keyword-gated rules' second database (scanner/gate.h) in a database cache
// entry: a hit restores it exactly, and an entry whose second part is cut short, missing or
// from another split is refused and recompiled, never used without it.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "cache/database_payload.h"
#include "cache/entry.h"
#include "cache/rules_cache.h"
#include "tests/cache/cache_fixtures.h"

namespace magpie::cache {
namespace {
using namespace testing;  // cache_fixtures.h

// The prefiltered rule, the plain token and a keyword-gated rule.
rules::RuleSet GatedRules() {
  return rules::RuleSet(
      {Rule("big", "((?:[a-z]{10}[0-9]{10}|x){40})_big"),
       Rule("test-token", "\\b(tok_[A-Za-z0-9]{16})\\b"),
       Rule("gated-key", R"(key(?:=>|:=|[:=>,])[ \t]{0,10}["']?([A-Za-z0-9]{20}))")},
      "<gate test>");
}

std::vector<std::string> ScanGated(std::shared_ptr<const scanner::CompiledRules> compiled) {
  auto scanner = scanner::Scanner::Create(std::move(compiled));
  REQUIRE(scanner.ok());
  auto findings = (*scanner)->Scan(Data() + "key= 'q7Xk2LmP9zR4tW8vN1cJ'\n");
  REQUIRE(findings.ok());
  std::vector<std::string> out;
  for (const scanner::Finding& f : *findings) {
    out.push_back(f.rule_id + "@" + std::to_string(f.start.offset));
  }
  return out;
}

TEST_CASE("issue 12: a cache hit restores the gated rules' second database", "[cache]") {
  TempDir dir;
  RulesCache first(dir.path.string());
  auto compiled = first.Compile(GatedRules(), NoGeneric());
  REQUIRE(compiled.ok());
  REQUIRE((*compiled)->GatedRuleIds() == std::vector<std::string>{"gated-key"});
  REQUIRE((*compiled)->PrefilteredRuleIds() == std::vector<std::string>{"big"});
  RulesCache second(dir.path.string());
  auto cached = second.Compile(GatedRules(), NoGeneric());
  REQUIRE(cached.ok());
  CHECK(second.stats().hits == 1);
  CHECK((*cached)->GatedRuleIds() == (*compiled)->GatedRuleIds());
  CHECK((*cached)->GateWidth() == (*compiled)->GateWidth());
  CHECK((*cached)->GatedDatabaseSize() == (*compiled)->GatedDatabaseSize());
  const std::vector<std::string> expected = ScanGated(*compiled);
  CHECK(expected.size() == 3);
  CHECK(ScanGated(*cached) == expected);
}

TEST_CASE("issue 12: a payload cut anywhere in its gated part is refused", "[cache]") {
  auto compiled = scanner::CompiledRules::Compile(GatedRules(), NoGeneric());
  REQUIRE(compiled.ok());
  Result<std::string> payload = EncodeDatabasePayload(**compiled, "from");
  REQUIRE(payload.ok());
  Result<DatabasePayload> whole = DecodeDatabasePayload(*payload);
  REQUIRE(whole.ok());
  CHECK(whole->gate.rule_ids == std::vector<std::string>{"gated-key"});
  CHECK(whole->gated_database_size == (*compiled)->GatedDatabaseSize());
  REQUIRE_FALSE(whole->gate.database.empty());
  // Every cut from the end of the first database on: the count, the ids, the width, the size,
  // the length and the bytes of the second.
  const size_t first_end =
      static_cast<size_t>(whole->database.data() + whole->database.size() - payload->data());
  size_t refused = 0;
  for (size_t cut = first_end; cut < payload->size(); ++cut) {
    refused += !DecodeDatabasePayload(std::string_view(*payload).substr(0, cut)).ok();
  }
  CHECK(refused == payload->size() - first_end);
  // Bytes after the second database.
  CHECK_FALSE(DecodeDatabasePayload(*payload + "x").ok());
}

TEST_CASE("issue 12: an entry without the gated part or from another split is recompiled",
          "[cache]") {
  const std::string wanted_from = scanner::CompiledRules::CacheKey(GatedRules(), NoGeneric());
  auto split = scanner::CompiledRules::Compile(GatedRules(), NoGeneric());
  REQUIRE(split.ok());
  Result<std::string> split_payload = EncodeDatabasePayload(**split, wanted_from);
  REQUIRE(split_payload.ok());
  Result<DatabasePayload> decoded = DecodeDatabasePayload(*split_payload);
  REQUIRE(decoded.ok());
  // The split's main database with an empty gated part, re-encoded by hand: the gated rule
  // would be lost, so the entry must not be used.
  const size_t first_end = static_cast<size_t>(decoded->database.data() +
                                               decoded->database.size() - split_payload->data());
  const std::string no_gate =
      split_payload->substr(0, first_end) + std::string(4 + 4 + 8 + 8 + 8, '\0');
  REQUIRE(DecodeDatabasePayload(no_gate).ok());
  // The gated ids swapped for a name that is no rule.
  std::string swapped = *split_payload;
  const size_t id_at = swapped.find("gated-key", first_end);
  REQUIRE(id_at != std::string::npos);
  swapped.replace(id_at, 9, "test-toke");  // same length: the layout holds
  struct Case {
    const char* name;
    std::string payload;
  };
  const std::vector<Case> cases = {{"the gated part emptied", no_gate},
                                   {"the gated ids swapped", swapped}};
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.name) {
      TempDir dir;
      REQUIRE(RulesCache(dir.path.string()).Compile(GatedRules(), NoGeneric()).ok());
      const fs::path file = OnlyEntry(dir.path, ".hsdb");
      const std::string key = KeyOf(ReadFile(file));
      const std::string planted = EncodeEntry(key, c.payload);
      REQUIRE(DecodeEntry(planted, key).ok());  // passes the entry's own checks
      WriteFile(file, planted);
      RulesCache cache(dir.path.string());
      auto compiled = cache.Compile(GatedRules(), NoGeneric());
      REQUIRE(compiled.ok());
      CHECK(cache.stats().rejected == 1);
      CHECK(cache.stats().hits == 0);
      CHECK((*compiled)->GatedRuleIds() == std::vector<std::string>{"gated-key"});
      CHECK(ScanGated(*compiled).size() == 3);
    }
  }
}

}  // namespace
}  // namespace magpie::cache
