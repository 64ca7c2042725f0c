// Issue 11: the built-in rules' entries embedded in the binary (SetEmbeddedEntries) serve
// exactly the rules and options they were made from, are checked like a file entry but for the
// checksum (they are the executable's own read-only data), and an
// entry Hyperscan refuses (a database for another CPU) falls back to a compile, never a crash.
#include <catch2/catch.hpp>

#include <cerrno>
#include <string>
#include <string_view>

#include "base/fault_injection.h"
#include "cache/byte_io.h"
#include "cache/database_payload.h"
#include "cache/entry.h"
#include "cache/rules_cache.h"
#include "tests/cache/cache_fixtures.h"

namespace magpie::cache {
namespace {
using namespace testing;  // cache_fixtures.h

// The .hsdb entry a cache in a fresh directory writes for `rules`.
std::string DatabaseEntryFor(const rules::RuleSet& rules) {
  TempDir dir;
  REQUIRE(RulesCache(dir.path.string()).Compile(rules, NoGeneric()).ok());
  return ReadFile(OnlyEntry(dir.path, ".hsdb"));
}

// `entry` with the serialized database's first bytes overwritten and the envelope (key,
// checksum) rebuilt around it: intact to the cache, refused by hs_deserialize, like a
// database compiled for a CPU with instructions this one lacks.
std::string WithUnloadableDatabase(const std::string& entry) {
  constexpr size_t kHeaderSize = 24;  // entry.cc: magic, version, key length, payload length
  uint64_t key_size = 0;
  internal::ByteReader header(std::string_view(entry).substr(12, 4));
  header.LittleEndian(4, &key_size);
  const std::string key = entry.substr(kHeaderSize, key_size);
  Result<std::string_view> payload = DecodeEntry(entry, key);
  REQUIRE(payload.ok());
  Result<DatabasePayload> decoded = DecodeDatabasePayload(*payload);
  REQUIRE(decoded.ok());
  std::string damaged(*payload);
  const size_t database_at = static_cast<size_t>(decoded->database.data() - payload->data());
  REQUIRE(decoded->database.size() > 16);
  for (size_t i = 0; i < 16; ++i) damaged[database_at + i] = '\xA5';  // Hyperscan's header
  return EncodeEntry(key, damaged);
}

struct EmbeddedReset {
  ~EmbeddedReset() { SetEmbeddedEntries({}); }
};

TEST_CASE("issue 11: an embedded database serves its own rules without a compile or a write",
          "[cache]") {
  EmbeddedReset reset;
  const std::string entry = DatabaseEntryFor(PrefilterRules());
  SetEmbeddedEntries({"", entry});
  TempDir empty;
  RulesCache cache(empty.path.string(), /*use_embedded=*/true);
  auto compiled = cache.Compile(PrefilterRules(), NoGeneric());
  REQUIRE(compiled.ok());
  CHECK(cache.stats().embedded == 1);
  CHECK(cache.stats().writes == 0);
  CHECK((*compiled)->PrefilteredRuleIds() == std::vector<std::string>{"big"});
  auto fresh = scanner::CompiledRules::Compile(PrefilterRules(), NoGeneric());
  REQUIRE(fresh.ok());
  CHECK(Scan(*compiled) == Scan(*fresh));

  // Without use_embedded (RulesCache::Default(false), --no-cache) it is not read.
  RulesCache plain(empty.path.string());
  REQUIRE(plain.Compile(PrefilterRules(), NoGeneric()).ok());
  CHECK(plain.stats().embedded == 0);
}

TEST_CASE("issue 11: other rules or options miss the embedded database and use the cache",
          "[cache]") {
  EmbeddedReset reset;
  const std::string entry = DatabaseEntryFor(PrefilterRules());  // the entries are views
  SetEmbeddedEntries({"", entry});
  TempDir dir;
  RulesCache cache(dir.path.string(), /*use_embedded=*/true);
  const rules::RuleSet other({Rule("test-token", "\\b(tok_[A-Za-z0-9]{16})\\b")}, "<test>");
  REQUIRE(cache.Compile(other, NoGeneric()).ok());
  scanner::CompileOptions with_generic;  // the same rules, other options
  REQUIRE(cache.Compile(PrefilterRules(), with_generic).ok());
  CHECK(cache.stats().embedded == 0);
  CHECK(cache.stats().rejected == 0);  // not damaged: another key
  CHECK(cache.stats().writes == 2);    // the ordinary cache still works for them
}

TEST_CASE("issue 11: an embedded database Hyperscan refuses falls back to a compile",
          "[cache]") {
  EmbeddedReset reset;
  const std::string entry = DatabaseEntryFor(PrefilterRules());
  const std::string refused = WithUnloadableDatabase(entry);
  for (const std::string& bad :
       {refused, entry.substr(0, entry.size() / 2), std::string("not an entry")}) {
    SetEmbeddedEntries({"", bad});
    TempDir dir;
    RulesCache cache(dir.path.string(), /*use_embedded=*/true);
    auto compiled = cache.Compile(PrefilterRules(), NoGeneric());
    REQUIRE(compiled.ok());
    CHECK(cache.stats().embedded == 0);
    CHECK(cache.stats().rejected == 1);
    CHECK(cache.stats().writes == 1);  // compiled, and cached as usual
    CHECK((*compiled)->PrefilteredRuleIds() == std::vector<std::string>{"big"});
  }
}

TEST_CASE("issue 11: an embedded database built for another CPU falls back to a compile",
          "[cache]") {
  EmbeddedReset reset;
  const std::string entry = DatabaseEntryFor(PrefilterRules());
  SetEmbeddedEntries({"", entry});
  TempDir dir;
  RulesCache cache(dir.path.string(), /*use_embedded=*/true);
  {
    // Deserializes, then refused by hs_alloc_scratch (HS_DB_PLATFORM_ERROR).
    fault::ScopedFault foreign(fault::Point::kForeignDatabase, EINVAL);
    auto compiled = cache.Compile(PrefilterRules(), NoGeneric());
    REQUIRE(compiled.ok());
    auto fresh = scanner::CompiledRules::Compile(PrefilterRules(), NoGeneric());
    REQUIRE(fresh.ok());
    CHECK(Scan(*compiled) == Scan(*fresh));
  }
  CHECK(cache.stats().embedded == 0);
  CHECK(cache.stats().rejected == 1);
  CHECK(cache.stats().writes == 1);
}

TEST_CASE("issue 11: only an entry from a file is hashed: an embedded one is checked without",
          "[cache]") {
  const std::string entry = EncodeEntry("key", "payload");
  std::string flipped = entry;
  flipped.back() = flipped.back() == '0' ? '1' : '0';  // the checksum's last hex digit
  CHECK(DecodeEntry(flipped, "key").status().code() == StatusCode::kCorrupt);
  Result<std::string_view> embedded = DecodeEntry(flipped, "key", EntrySource::kExecutable);
  REQUIRE(embedded.ok());
  CHECK(*embedded == "payload");
  // Everything else is still checked: the key, the lengths, the magic.
  CHECK(DecodeEntry(entry, "other", EntrySource::kExecutable).status().code() ==
        StatusCode::kNotFound);
  CHECK(DecodeEntry(entry.substr(0, entry.size() - 1), "key", EntrySource::kExecutable)
            .status()
            .code() == StatusCode::kCorrupt);
  CHECK(DecodeEntry("X" + entry.substr(1), "key", EntrySource::kExecutable).status().code() ==
        StatusCode::kCorrupt);
}

TEST_CASE("issue 11: an embedded rules entry serves only the built-in rules", "[cache]") {
  EmbeddedReset reset;
  TempDir made;
  REQUIRE(RulesCache(made.path.string()).LoadRules("").ok());
  const std::string entry = ReadFile(OnlyEntry(made.path, ".rules"));
  SetEmbeddedEntries({entry, ""});
  RulesCache cache("", /*use_embedded=*/true);
  auto builtin = cache.LoadRules("");
  REQUIRE(builtin.ok());
  CHECK(cache.stats().embedded == 1);
  CHECK(builtin->rules().size() == RulesCache("").LoadRules("")->rules().size());

  TempDir files;
  const fs::path custom = files.path / "rules.yaml";
  WriteFile(custom,
            "rules:\n  - id: demo-token\n    name: Demo\n    description: A demo token\n"
            "    pattern: '(demo_[a-z]{12})'\n    severity: high\n    confidence: high\n"
            "    examples: ['demo_abcdefghijkl']\n");
  auto loaded = cache.LoadRules(custom.string());
  CHECK(cache.stats().embedded == 1);  // --rules FILE is parsed, never the embedded entry
  INFO(loaded.status().message());
  REQUIRE(loaded.ok());
  CHECK(loaded->rules().size() == 1);

  // Damaged where an embedded entry is still checked (its checksum is not: see the test above).
  const std::string damaged_entry = entry.substr(0, entry.size() - 1);
  SetEmbeddedEntries({damaged_entry, ""});
  RulesCache damaged("", /*use_embedded=*/true);
  REQUIRE(damaged.LoadRules("").ok());
  CHECK(damaged.stats().embedded == 0);
  CHECK(damaged.stats().rejected == 1);
}

}  // namespace
}  // namespace magpie::cache
