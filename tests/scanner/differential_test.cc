// The Hyperscan+RE2 scanner against a plain RE2-only scan: identical findings on a corpus.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <tuple>

#include "rules/rule_set.h"
#include "scanner/scanner.h"
#include "scanner_test_util.h"

namespace fs = std::filesystem;
using magpie::scanner::Finding;
using magpie::testing::ScannerOrDie;
using magpie::testing::ScanOrDie;

namespace {

using Key = std::tuple<std::string, uint64_t, uint64_t>;

std::vector<Key> Keys(const std::vector<Finding>& findings) {
  std::vector<Key> keys;
  for (const Finding& f : findings) keys.emplace_back(f.rule_id, f.start.offset, f.end.offset);
  return keys;
}

std::shared_ptr<const magpie::scanner::CompiledRules> Builtin() {
  auto loaded = magpie::rules::LoadBuiltinRules();
  REQUIRE(loaded.ok());
  auto compiled = magpie::scanner::CompiledRules::Compile(loaded.rules, {});
  REQUIRE(compiled.ok());
  return *compiled;
}

// Every rule's examples and negative examples, shuffled into source-like filler.
std::string SyntheticCorpus(const magpie::scanner::CompiledRules& rules, uint32_t seed) {
  std::vector<std::string> pieces;
  for (const auto& spec : rules.rule_set().rules()) {
    for (const auto& e : spec.examples) pieces.push_back(e);
    for (const auto& e : spec.negative_examples) pieces.push_back(e);
  }
  std::mt19937 rng(seed);
  std::shuffle(pieces.begin(), pieces.end(), rng);
  std::string out;
  for (const std::string& piece : pieces) {
    out += "def handler(request):\n    value = compute(" + std::to_string(rng() % 1000) + ")\n";
    out += piece;
    out += (rng() % 2) ? "\n" : "  ";
  }
  return out;
}

}  // namespace

TEST_CASE("Hyperscan+RE2 equals RE2 alone on examples in filler", "[scanner][differential]") {
  auto rules = Builtin();
  auto scanner = ScannerOrDie(rules);
  for (uint32_t seed = 1; seed <= 3; ++seed) {
    const std::string corpus = SyntheticCorpus(*rules, seed);
    const auto fast = Keys(ScanOrDie(*scanner, corpus));
    const auto slow = Keys(magpie::scanner::ReferenceScan(*rules, corpus));
    INFO("seed " << seed);
    CHECK(fast.size() > 0);
    CHECK(fast == slow);
  }
}

TEST_CASE("Hyperscan+RE2 equals RE2 alone on the corpus files", "[scanner][differential]") {
  auto rules = Builtin();
  auto scanner = ScannerOrDie(rules);
  size_t files = 0;
  size_t findings = 0;
  for (const char* dir : {"tests/corpus", "tests/data"}) {
    const fs::path root = fs::path(MAGPIE_SOURCE_DIR) / dir;
    if (!fs::exists(root)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file() || entry.file_size() > (4u << 20)) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream buffer;
      buffer << in.rdbuf();
      const std::string data = buffer.str();
      const auto fast = Keys(ScanOrDie(*scanner, data));
      INFO(entry.path().string());
      CHECK(fast == Keys(magpie::scanner::ReferenceScan(*rules, data)));
      ++files;
      findings += fast.size();
    }
  }
  CHECK(files > 0);
}
