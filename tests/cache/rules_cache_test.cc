// The rules cache end to end: hits, misses, damaged and stale entries (each a miss that is
// rewritten, after which the scan still works), the prefiltered rules a hit must restore, and
// (issue 10) what the cache refuses to trust and how each failing step degrades to a compile.
#include "cache/rules_cache.h"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "base/fault_injection.h"
#include "tests/cache/cache_fixtures.h"
#include "cache/build_id.h"
#include "cache/database_payload.h"
#include "cache/entry.h"
#include "scanner/fingerprint.h"
#include "scanner/scanner.h"

namespace magpie::cache {
namespace {
using namespace testing;  // cache_fixtures.h

TEST_CASE("a cache hit keeps the prefiltered rules and scans the same", "[cache]") {
  TempDir dir;
  RulesCache first(dir.path.string());
  auto compiled = first.Compile(PrefilterRules(), NoGeneric());
  REQUIRE(compiled.ok());
  REQUIRE((*compiled)->PrefilteredRuleIds() == std::vector<std::string>{"big"});
  CHECK(first.stats().misses == 1);
  CHECK(first.stats().writes == 1);

  RulesCache second(dir.path.string());
  auto cached = second.Compile(PrefilterRules(), NoGeneric());
  REQUIRE(cached.ok());
  CHECK(second.stats().hits == 1);
  CHECK((*cached)->PrefilteredRuleIds() == (*compiled)->PrefilteredRuleIds());
  const std::vector<std::string> expected = Scan(*compiled);
  CHECK(expected.size() == 2);
  CHECK(Scan(*cached) == expected);
}

// Each way an entry on disk can be unusable; `other` is an intact entry of another key.
struct Damage {
  const char* name;
  std::function<std::string(const std::string& entry, const std::string& other)> apply;
};

std::vector<Damage> Damages() {
  return {
      {"empty file", [](const std::string&, const std::string&) { return std::string(); }},
      {"truncated",
       [](const std::string& e, const std::string&) { return e.substr(0, e.size() / 2); }},
      {"flipped byte",
       [](const std::string& e, const std::string&) {
         std::string out = e;
         out[out.size() / 2] = static_cast<char>(out[out.size() / 2] ^ 0x20);
         return out;
       }},
      {"wrong key", [](const std::string&, const std::string& other) { return other; }},
      {"wrong version",
       [](const std::string& e, const std::string&) {
         std::string out = e.substr(0, e.size() - 64);
         out[8] = static_cast<char>(kEntryFormatVersion + 1);
         return out + scanner::Sha256Hex(out);
       }},
      {"not an entry",
       [](const std::string&, const std::string&) { return std::string(500, 'z'); }},
  };
}

TEST_CASE("a damaged or stale database entry is a miss, rewritten, and the scan works",
          "[cache]") {
  for (const Damage& damage : Damages()) {
    DYNAMIC_SECTION(damage.name) {
      TempDir dir;
      TempDir other_dir;
      REQUIRE(RulesCache(other_dir.path.string())
                  .Compile(rules::RuleSet({Rule("other", "(other_[0-9]{8})")}, "<o>"),
                           NoGeneric())
                  .ok());
      const std::string other = ReadFile(OnlyEntry(other_dir.path, ".hsdb"));
      REQUIRE(RulesCache(dir.path.string()).Compile(PrefilterRules(), NoGeneric()).ok());
      const fs::path file = OnlyEntry(dir.path, ".hsdb");
      const std::string intact = ReadFile(file);
      WriteFile(file, damage.apply(intact, other));

      RulesCache cache(dir.path.string());
      auto compiled = cache.Compile(PrefilterRules(), NoGeneric());
      REQUIRE(compiled.ok());
      CHECK(cache.stats().rejected == 1);
      CHECK(cache.stats().hits == 0);
      CHECK(cache.stats().writes == 1);
      CHECK((*compiled)->PrefilteredRuleIds() == std::vector<std::string>{"big"});
      CHECK(Scan(*compiled).size() == 2);
      CHECK(DecodeEntry(ReadFile(file), "").status().code() == StatusCode::kNotFound);

      RulesCache again(dir.path.string());
      REQUIRE(again.Compile(PrefilterRules(), NoGeneric()).ok());
      CHECK(again.stats().hits == 1);
    }
  }
}

TEST_CASE("a damaged or stale rules entry is a miss, rewritten, and loads the same rules",
          "[cache]") {
  TempDir files;
  const std::string rules_file = (files.path / "rules.yaml").string();
  WriteFile(rules_file,
            "rules:\n"
            "  - id: demo-token\n"
            "    name: Demo token\n"
            "    description: d\n"
            "    pattern: '\\b(demo_[a-z0-9]{8})\\b'\n"
            "    validator: jwt\n"
            "    examples: ['demo_abcd1234']\n");
  const std::string other_file = (files.path / "other.yaml").string();
  WriteFile(other_file,
            "rules:\n"
            "  - id: other\n"
            "    name: Other\n"
            "    description: d\n"
            "    pattern: '(other_[0-9]{8})'\n"
            "    examples: ['other_12345678']\n");
  for (const Damage& damage : Damages()) {
    DYNAMIC_SECTION(damage.name) {
      TempDir dir;
      TempDir other_dir;
      REQUIRE(RulesCache(other_dir.path.string()).LoadRules(other_file).ok());
      const std::string other = ReadFile(OnlyEntry(other_dir.path, ".rules"));
      REQUIRE(RulesCache(dir.path.string()).LoadRules(rules_file).ok());
      const fs::path file = OnlyEntry(dir.path, ".rules");
      WriteFile(file, damage.apply(ReadFile(file), other));

      RulesCache cache(dir.path.string());
      Result<rules::RuleSet> loaded = cache.LoadRules(rules_file);
      REQUIRE(loaded.ok());
      CHECK(cache.stats().rejected == 1);
      CHECK(cache.stats().writes == 1);
      REQUIRE(loaded->rules().size() == 1);
      CHECK(loaded->rules()[0].id == "demo-token");
      CHECK(loaded->rules()[0].validator == rules::Validator::kJwt);
      CHECK(loaded->source() == rules_file);

      RulesCache again(dir.path.string());
      Result<rules::RuleSet> hit = again.LoadRules(rules_file);
      REQUIRE(hit.ok());
      CHECK(again.stats().hits == 1);
      CHECK(hit->rules()[0].pattern == loaded->rules()[0].pattern);
    }
  }
}

TEST_CASE("the built-in rules load and compile through the cache", "[cache]") {
  TempDir dir;
  RulesCache cache(dir.path.string());
  Result<rules::RuleSet> loaded = cache.LoadRules("");
  REQUIRE(loaded.ok());
  CHECK(loaded->source() == "<builtin>");
  REQUIRE(cache.Compile(*loaded, {}).ok());
  Result<rules::RuleSet> again = cache.LoadRules("");
  REQUIRE(again.ok());
  CHECK(again->rules().size() == loaded->rules().size());
  auto compiled = cache.Compile(*again, {});
  REQUIRE(compiled.ok());
  CHECK(cache.stats().hits == 2);
  CHECK(cache.stats().writes == 2);
  CHECK((*compiled)->rule_set().Find(rules::kGenericRuleId) >= 0);
}

TEST_CASE("without a directory nothing is cached, and an unwritable one only costs time",
          "[cache]") {
  RulesCache none("");
  REQUIRE(none.Compile(PrefilterRules(), NoGeneric()).ok());
  REQUIRE(none.LoadRules("").ok());
  CHECK(none.stats().writes == 0);
  CHECK(none.stats().misses == 0);

  TempDir dir;
  const fs::path not_a_directory = dir.path / "file";
  WriteFile(not_a_directory, "x");
  RulesCache blocked(not_a_directory.string());
  auto compiled = blocked.Compile(PrefilterRules(), NoGeneric());
  REQUIRE(compiled.ok());
  CHECK(Scan(*compiled).size() == 2);
  CHECK(blocked.stats().writes == 0);
}

TEST_CASE("rule problems come back as a Status, one line per problem", "[cache]") {
  TempDir dir;
  const std::string bad = (dir.path / "bad.yaml").string();
  WriteFile(bad, "rules:\n  - id: x\n    patern: a\n");
  RulesCache cache((dir.path / "cache").string());
  Result<rules::RuleSet> loaded = cache.LoadRules(bad);
  REQUIRE_FALSE(loaded.ok());
  const rules::LoadResult direct = rules::LoadRulesFile(bad);
  std::vector<std::string> expected;
  for (const rules::RuleProblem& p : direct.problems) expected.push_back(p.ToString());
  CHECK(loaded.status().Lines() == expected);
  CHECK(cache.stats().writes == 0);  // nothing is cached for rules that do not load

  Result<rules::RuleSet> missing = cache.LoadRules((dir.path / "missing.yaml").string());
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message().find("cannot read rules file") != std::string::npos);
}

TEST_CASE("the build id names the version, Hyperscan, the format and the sources", "[cache]") {
  const std::string id(BuildId());
  CHECK(id.rfind("magpie ", 0) == 0);
  CHECK(id.find("; hyperscan ") != std::string::npos);
  CHECK(id.find("; format " + std::to_string(kEntryFormatVersion)) != std::string::npos);
  CHECK(id.find("; rules " + scanner::Sha256Hex(rules::BuiltinRulesYaml())) != std::string::npos);
  CHECK(id.find("; sources ") != std::string::npos);
  CHECK(internal::SourceHash().size() == 64);
  CHECK(BuildId() == id);
}

// --- issue 10: files magpie writes and reads back are verified -----------------------------

mode_t ModeOf(const fs::path& path) {
  struct stat st;
  REQUIRE(::lstat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

std::vector<std::string> Names(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

// A uid that is not ours, and makes `path` its (links themselves, not their targets).
void GiveAway(const fs::path& path) {
  const uid_t other = ::geteuid() == 0 ? 65534 : 0;
  if (::lchown(path.c_str(), other, static_cast<gid_t>(-1)) != 0) {
    WARN("cannot change the owner of " << path << " (not root): nothing to check");
  }
}

// The scan of Data() with the rules compiled without any cache: what every cached path must
// give.
std::vector<std::string> Uncached() {
  auto compiled = scanner::CompiledRules::Compile(PrefilterRules(), NoGeneric());
  REQUIRE(compiled.ok());
  return Scan(*compiled);
}

TEST_CASE("issue 10: the cache directory is created 0700 and its entries 0600", "[cache]") {
  TempDir parent;
  const fs::path dir = parent.path / "nested" / "magpie";
  RulesCache cache(dir.string());
  REQUIRE(cache.LoadRules("").ok());
  REQUIRE(cache.Compile(PrefilterRules(), NoGeneric()).ok());
  CHECK(cache.stats().writes == 2);
  CHECK(ModeOf(dir) == 0700);
  const std::vector<std::string> names = Names(dir);
  REQUIRE(names.size() == 2);  // the two entries, no temporary file left behind
  for (const std::string& name : names) {
    INFO(name);
    CHECK(ModeOf(dir / name) == 0600);
    CHECK(name.front() != '.');
  }
}

TEST_CASE("issue 10: an untrusted cache directory is neither read nor written", "[cache]") {
  const std::vector<std::string> expected = Uncached();
  struct Case {
    const char* name;
    std::function<fs::path(const fs::path& real)> make;  // the directory to hand the cache
    const char* says;
  };
  const std::vector<Case> cases = {
      {"a symbolic link",
       [](const fs::path& real) {
         const fs::path link = real.parent_path() / (real.filename().string() + "-link");
         fs::create_symlink(real, link);
         return link;
       },
       "is a symbolic link"},
      {"writable by its group",
       [](const fs::path& real) {
         fs::permissions(real, fs::perms::owner_all | fs::perms::group_all);
         return real;
       },
       "writable by its group or others (mode 0770)"},
      {"writable by everyone",
       [](const fs::path& real) {
         fs::permissions(real, fs::perms::all);
         return real;
       },
       "writable by its group or others (mode 0777)"},
      {"another user's",
       [](const fs::path& real) {
         GiveAway(real);
         return real;
       },
       "not by this user"},
  };
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.name) {
      TempDir parent;
      const fs::path real = parent.path / "cache";
      // An intact entry for exactly these rules sits there: a trusted cache would hit.
      REQUIRE(RulesCache(real.string()).Compile(PrefilterRules(), NoGeneric()).ok());
      const std::vector<std::string> before = Names(real);
      const fs::path given = c.make(real);

      RulesCache cache(given.string());
      auto compiled = cache.Compile(PrefilterRules(), NoGeneric());
      REQUIRE(compiled.ok());
      CHECK(Scan(*compiled) == expected);
      Result<rules::RuleSet> loaded = cache.LoadRules("");
      REQUIRE(loaded.ok());
      CHECK(cache.stats().refused == 2);
      CHECK(cache.stats().hits == 0);
      CHECK(cache.stats().misses == 0);
      CHECK(cache.stats().writes == 0);
      CHECK(Names(real) == before);
      CHECK(cache.refusal().code() == StatusCode::kUntrusted);
      CHECK(cache.refusal().message().find(given.string()) != std::string::npos);
      CHECK(cache.refusal().message().find(c.says) != std::string::npos);
    }
  }
}

TEST_CASE("issue 10: an untrusted entry is neither read nor rewritten", "[cache]") {
  const std::vector<std::string> expected = Uncached();
  struct Case {
    const char* name;
    std::function<void(const fs::path& entry, const std::string& intact)> plant;
    const char* says;
  };
  const std::vector<Case> cases = {
      {"a symbolic link to an intact entry",
       [](const fs::path& entry, const std::string& intact) {
         const fs::path elsewhere = entry.parent_path().parent_path() / "elsewhere";
         WriteFile(elsewhere, intact);
         fs::remove(entry);
         fs::create_symlink(elsewhere, entry);
       },
       "is a symbolic link"},
      {"a FIFO (never waited on)",
       [](const fs::path& entry, const std::string&) {
         fs::remove(entry);
         REQUIRE(::mkfifo(entry.c_str(), 0600) == 0);
       },
       "is not a regular file"},
      {"writable by others",
       [](const fs::path& entry, const std::string&) {
         fs::permissions(entry, fs::perms::owner_read | fs::perms::owner_write |
                                    fs::perms::others_write);
       },
       "writable by its group or others (mode 0602)"},
      {"another user's",
       [](const fs::path& entry, const std::string&) { GiveAway(entry); },
       "not by this user"},
  };
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.name) {
      TempDir parent;
      const fs::path dir = parent.path / "cache";
      REQUIRE(RulesCache(dir.string()).Compile(PrefilterRules(), NoGeneric()).ok());
      const fs::path entry = OnlyEntry(dir, ".hsdb");
      c.plant(entry, ReadFile(entry));
      struct stat planted;
      REQUIRE(::lstat(entry.c_str(), &planted) == 0);

      RulesCache cache(dir.string());
      auto compiled = cache.Compile(PrefilterRules(), NoGeneric());
      REQUIRE(compiled.ok());
      CHECK(Scan(*compiled) == expected);
      CHECK(cache.stats().refused == 1);
      CHECK(cache.stats().hits == 0);
      CHECK(cache.stats().writes == 0);
      CHECK(cache.refusal().code() == StatusCode::kUntrusted);
      CHECK(cache.refusal().message().find(c.says) != std::string::npos);
      struct stat after;
      REQUIRE(::lstat(entry.c_str(), &after) == 0);
      CHECK(after.st_ino == planted.st_ino);  // left as it was, not replaced
      CHECK(Names(dir).size() == 1);
    }
  }
}

// The key an entry file was written for (entry.h: the key follows the 24-byte header).
TEST_CASE("issue 10: a database compiled from other rules, under a valid checksum, is recompiled",
          "[cache]") {
  const std::vector<std::string> expected = Uncached();
  REQUIRE(expected.size() == 2);
  const std::string wanted_from = scanner::CompiledRules::CacheKey(PrefilterRules(), NoGeneric());
  // One rule fewer: every decoder id moves down by one.
  const rules::RuleSet fewer({Rule("test-token", "\\b(tok_[A-Za-z0-9]{16})\\b")}, "<test>");
  // As many rules, other ids: Hyperscan would report the token as rule 0, "big".
  const rules::RuleSet swapped({Rule("test-token", "\\b(tok_[A-Za-z0-9]{16})\\b"),
                                Rule("big", "((?:[a-z]{10}[0-9]{10}|x){40})_big")},
                               "<test>");
  struct Case {
    const char* name;
    const rules::RuleSet* compiled;
    bool claims_wanted;  // the payload says it was compiled from the wanted rules
    const char* says;
  };
  const std::vector<Case> cases = {
      {"fewer rules", &fewer, false, "compiled from other rules"},
      {"fewer rules, claiming these", &fewer, true, "expressions compiled, the rule table has"},
      {"other ids", &swapped, false, "compiled from other rules"},
  };
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.name) {
      TempDir dir;
      REQUIRE(RulesCache(dir.path.string()).Compile(PrefilterRules(), NoGeneric()).ok());
      const fs::path file = OnlyEntry(dir.path, ".hsdb");
      const std::string key = KeyOf(ReadFile(file));
      auto other = scanner::CompiledRules::Compile(*c.compiled, NoGeneric());
      REQUIRE(other.ok());
      Result<std::string> payload = EncodeDatabasePayload(
          **other,
          c.claims_wanted ? wanted_from : scanner::CompiledRules::CacheKey(*c.compiled, NoGeneric()));
      REQUIRE(payload.ok());
      const std::string planted = EncodeEntry(key, *payload);
      REQUIRE(DecodeEntry(planted, key).ok());  // passes the entry's own checks
      WriteFile(file, planted);

      RulesCache cache(dir.path.string());
      auto compiled = cache.Compile(PrefilterRules(), NoGeneric());
      REQUIRE(compiled.ok());
      CHECK(cache.stats().rejected == 1);
      CHECK(cache.stats().hits == 0);
      CHECK(cache.stats().writes == 1);  // recompiled and rewritten
      CHECK((*compiled)->rule_set().rules().size() == 2);
      CHECK(Scan(*compiled) == expected);

      // What made it a mismatch, through the same check the cache runs.
      Result<DatabasePayload> decoded = DecodeDatabasePayload(*payload);
      REQUIRE(decoded.ok());
      auto restored = scanner::CompiledRules::FromSerialized(PrefilterRules(), NoGeneric(),
                                                             decoded->database, {});
      REQUIRE(restored.ok());
      const Status mismatch = CheckDatabase(*decoded, wanted_from, **restored);
      CHECK(mismatch.code() == StatusCode::kCorrupt);
      CHECK(mismatch.message().find(c.says) != std::string::npos);

      RulesCache again(dir.path.string());
      auto hit = again.Compile(PrefilterRules(), NoGeneric());
      REQUIRE(hit.ok());
      CHECK(again.stats().hits == 1);
      CHECK(Scan(*hit) == expected);
    }
  }
}

TEST_CASE("issue 10: a database whose size in memory differs from when compiled is refused",
          "[cache]") {
  auto compiled = scanner::CompiledRules::Compile(PrefilterRules(), NoGeneric());
  REQUIRE(compiled.ok());
  const std::string from = scanner::CompiledRules::CacheKey(PrefilterRules(), NoGeneric());
  Result<std::string> payload = EncodeDatabasePayload(**compiled, from);
  REQUIRE(payload.ok());
  Result<DatabasePayload> decoded = DecodeDatabasePayload(*payload);
  REQUIRE(decoded.ok());
  CHECK(decoded->compiled_from == from);
  CHECK(decoded->expressions == (*compiled)->ExpressionCount());
  CHECK(decoded->database_size == (*compiled)->DatabaseSize());
  CHECK(decoded->database_size > 0);
  CHECK(CheckDatabase(*decoded, from, **compiled).ok());
  decoded->database_size += 8;
  const Status mismatch = CheckDatabase(*decoded, from, **compiled);
  CHECK(mismatch.code() == StatusCode::kCorrupt);
  CHECK(mismatch.message().find("bytes in memory") != std::string::npos);
}

TEST_CASE("issue 10: an entry larger than any entry is refused unread", "[cache]") {
  TempDir dir;
  REQUIRE(RulesCache(dir.path.string()).Compile(PrefilterRules(), NoGeneric()).ok());
  const fs::path file = OnlyEntry(dir.path, ".hsdb");
  fs::resize_file(file, (uint64_t{256} << 20) + 1);  // sparse: costs no disk
  RulesCache cache(dir.path.string());
  auto compiled = cache.Compile(PrefilterRules(), NoGeneric());
  REQUIRE(compiled.ok());
  CHECK(cache.stats().rejected == 1);
  CHECK(cache.stats().writes == 1);
  CHECK(fs::file_size(file) < (uint64_t{1} << 20));
}

TEST_CASE("issue 10: each failing step of the cache costs a compile, nothing else", "[cache]") {
  const std::vector<std::string> expected = Uncached();
  struct Case {
    const char* name;
    fault::Point point;
    bool fresh;  // the fault strikes when the directory does not exist yet
    int writes;  // whether the entry is still (re)written
  };
  const std::vector<Case> cases = {
      {"creating the directory", fault::Point::kCacheMkdir, true, 0},
      {"opening the directory", fault::Point::kCacheOpenDirectory, false, 0},
      {"opening the entry", fault::Point::kCacheOpenEntry, false, 1},
      {"reading the entry", fault::Point::kCacheReadEntry, false, 1},
      {"creating the temporary file", fault::Point::kTempCreate, true, 0},
      {"writing the temporary file", fault::Point::kTempWrite, true, 0},
      {"syncing the temporary file", fault::Point::kTempSync, true, 0},
      {"renaming the temporary file", fault::Point::kRename, true, 0},
  };
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.name) {
      TempDir parent;
      const fs::path dir = parent.path / "cache";
      if (!c.fresh) REQUIRE(RulesCache(dir.string()).Compile(PrefilterRules(), NoGeneric()).ok());
      const std::vector<std::string> before = fs::exists(dir) ? Names(dir) : std::vector<std::string>{};
      {
        fault::ScopedFault fault(c.point, EIO);
        RulesCache cache(dir.string());
        auto compiled = cache.Compile(PrefilterRules(), NoGeneric());
        REQUIRE(compiled.ok());
        CHECK(Scan(*compiled) == expected);
        CHECK(cache.stats().hits == 0);
        CHECK(cache.stats().misses == 1);
        CHECK(cache.stats().rejected == 0);
        CHECK(cache.stats().refused == 0);
        CHECK(cache.stats().writes == c.writes);
        CHECK(cache.refusal().ok());
      }
      // Nothing half-written was left behind, and the cache works again once the fault is gone.
      CHECK((fs::exists(dir) ? Names(dir) : std::vector<std::string>{}) == before);
      RulesCache healed(dir.string());
      REQUIRE(healed.Compile(PrefilterRules(), NoGeneric()).ok());
      CHECK(healed.stats().hits + healed.stats().writes == 1);
    }
  }
}

}  // namespace
}  // namespace magpie::cache
