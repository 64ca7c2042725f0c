// Issue 12: the built-in rules with the keyword-gated rules in a second database behind the
// gate (scanner/gate.h) find exactly what one database of every rule finds, on the corpora:
// each file of tests/corpus and tests/data, all of them as one buffer, and a generated corpus
// dense with every rule's examples. Slow (two compiles of every rule, a few MB scanned twice).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "rules/rule_set.h"
#include "scanner/scanner.h"
#include "scanner_test_util.h"

namespace fs = std::filesystem;
using magpie::scanner::Finding;
using magpie::testing::ScannerOrDie;
using magpie::testing::ScanOrDie;

namespace {

// Everything a report shows of a finding, the secret included.
using Key =
    std::tuple<std::string, std::string, uint64_t, uint64_t, std::string, int, bool, std::string>;

std::vector<Key> Keys(const std::vector<Finding>& findings) {
  std::vector<Key> keys;
  for (const Finding& f : findings) {
    keys.emplace_back(f.rule_id, f.secret, f.start.offset, f.end.offset, f.context,
                      static_cast<int>(f.confidence), f.validated, f.decoded);
  }
  return keys;
}

std::shared_ptr<const magpie::scanner::CompiledRules> Builtin(bool gate) {
  auto loaded = magpie::rules::LoadBuiltinRules();
  REQUIRE(loaded.ok());
  magpie::scanner::CompileOptions options;
  options.gate = gate;
  auto compiled = magpie::scanner::CompiledRules::Compile(loaded.rules, options);
  REQUIRE(compiled.ok());
  return *compiled;
}

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace

TEST_CASE("issue 12: the gated split finds what one database finds on the corpora",
          "[scanner][slow]") {
  const auto split = Builtin(true);
  const auto single = Builtin(false);
  REQUIRE(split->GatedRuleIds().size() >= 150);
  REQUIRE(single->GatedRuleIds().empty());
  auto with_gate = ScannerOrDie(split);
  auto without = ScannerOrDie(single);
  size_t files = 0;
  size_t findings = 0;
  std::string joined;
  for (const char* dir : {"tests/corpus", "tests/data"}) {
    const fs::path root = fs::path(MAGPIE_SOURCE_DIR) / dir;
    if (!fs::exists(root)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file() || entry.file_size() > (4u << 20)) continue;
      const std::string data = ReadAll(entry.path());
      const std::vector<Key> found = Keys(ScanOrDie(*with_gate, data));
      INFO(entry.path().string());
      CHECK(found == Keys(ScanOrDie(*without, data)));
      ++files;
      findings += found.size();
      joined += data;
      joined += '\n';
    }
  }
  CHECK(files > 100);
  CHECK(findings > 500);
  // One buffer: windows far from any file's start, many of them.
  const std::vector<Key> found = Keys(ScanOrDie(*with_gate, joined));
  CHECK(found.size() > 500);
  CHECK(found == Keys(ScanOrDie(*without, joined)));
  // Generated, dense: every rule's examples and negative examples in source-like filler.
  for (uint32_t seed = 1; seed <= 3; ++seed) {
    std::vector<std::string> pieces;
    for (const auto& spec : split->rule_set().rules()) {
      for (const auto& e : spec.examples) pieces.push_back(e);
      for (const auto& e : spec.negative_examples) pieces.push_back(e);
    }
    std::mt19937 random(seed);
    std::shuffle(pieces.begin(), pieces.end(), random);
    std::string dense;
    for (const std::string& piece : pieces) {
      dense += "    value = compute(" + std::to_string(random() % 1000) + ")\n" + piece;
      dense += (random() % 2) ? "\n" : "  ";
    }
    INFO("generated corpus, seed " << seed);
    const std::vector<Key> dense_found = Keys(ScanOrDie(*with_gate, dense));
    CHECK(dense_found.size() > 500);
    CHECK(dense_found == Keys(ScanOrDie(*without, dense)));
  }
}
