// The rules cache end to end: hits, misses, damaged and stale entries (each a miss that is
// rewritten, after which the scan still works), and the prefiltered rules a hit must restore.
#include "cache/rules_cache.h"

#include <unistd.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "cache/build_id.h"
#include "cache/entry.h"
#include "scanner/fingerprint.h"
#include "scanner/scanner.h"

namespace magpie::cache {
namespace {
namespace fs = std::filesystem;

struct TempDir {
  fs::path path;
  TempDir() {
    static int counter = 0;
    path = fs::temp_directory_path() /
           ("magpie-cache-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
};

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void WriteFile(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

// The one file with `extension` in `dir`.
fs::path OnlyEntry(const fs::path& dir, const std::string& extension) {
  std::vector<fs::path> found;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == extension) found.push_back(entry.path());
  }
  REQUIRE(found.size() == 1);
  return found[0];
}

rules::RuleSpec Rule(std::string id, std::string pattern) {
  rules::RuleSpec spec;
  spec.id = std::move(id);
  spec.name = spec.id;
  spec.pattern = std::move(pattern);
  spec.confidence = rules::Confidence::kHigh;
  return spec;
}

const char kToken[] = "tok_Q7xV9pL2mZ8rT4wK";

// "big" is too large for Hyperscan to compile exactly: it runs in prefilter mode.
rules::RuleSet PrefilterRules() {
  return rules::RuleSet({Rule("big", "((?:[a-z]{10}[0-9]{10}|x){40})_big"),
                         Rule("test-token", "\\b(tok_[A-Za-z0-9]{16})\\b")},
                        "<test>");
}

std::string Data() {
  std::string body;
  for (int i = 0; i < 40; ++i) body += (i % 3) ? "x" : "kqzmwhrtyp4829105736";
  return "a = " + body + "_big\nb = " + kToken + "\nc = 1" + body.substr(2) + "_big\n";
}

scanner::CompileOptions NoGeneric() {
  scanner::CompileOptions options;
  options.generic_detector = false;
  return options;
}

// (rule, start, end) of every finding, for comparing scans.
std::vector<std::string> Scan(std::shared_ptr<const scanner::CompiledRules> compiled) {
  auto scanner = scanner::Scanner::Create(std::move(compiled));
  REQUIRE(scanner.ok());
  std::vector<std::string> out;
  for (const scanner::Finding& f : (*scanner)->Scan(Data())) {
    out.push_back(f.rule_id + "@" + std::to_string(f.start.offset) + "-" +
                  std::to_string(f.end.offset));
  }
  return out;
}

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

}  // namespace
}  // namespace magpie::cache
