// The keyword-gated rules' second database behind the gate (scanner/gate.h, issue 12): the
// gate's edges, and the findings with the split against one database of every rule.
#include <catch2/catch.hpp>

#include <cerrno>
#include <cstdint>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "base/fault_injection.h"
#include "scanner/compiled_rules.h"
#include "scanner/gate.h"
#include "scanner/scanner.h"
#include "scanner_test_util.h"
#include "tests/scanner/random_text.h"

namespace {

using magpie::scanner::CompiledRules;
using magpie::scanner::CompileOptions;
using magpie::scanner::Finding;
using magpie::testing::Rule;
using magpie::testing::ScannerOrDie;
using magpie::testing::ScanOrDie;
namespace internal = magpie::scanner::internal;

constexpr char kTemplate[] = R"((?:=>|:=|[:=>,])[ \t]{0,10}["']?()";

// Two gated rules (one with a key name of variable length, so that its matches reach the
// window's edge, one that is the template alone, so that a gate can sit at offset 0) and one
// that is not gated (its value is too short for the run search).
std::vector<magpie::rules::RuleSpec> GateRules() {
  return {Rule("gated-key", std::string(R"(tok[a-z]{0,30})") + kTemplate + R"([A-Za-z0-9]{20}))"),
          Rule("gated-bare", std::string(kTemplate) + R"([0-9A-F]{16}[G-K]))"),
          Rule("not-gated", std::string("pw") + kTemplate + "[a-z]{4})")};
}

std::shared_ptr<const CompiledRules> CompileGate(bool gate) {
  CompileOptions options;
  options.generic_detector = false;
  options.gate = gate;
  auto compiled =
      CompiledRules::Compile(magpie::rules::RuleSet(GateRules(), "<gate test>"), options);
  if (!compiled.ok()) FAIL(compiled.status().message());
  return *compiled;
}

using Key = std::tuple<std::string, uint64_t, uint64_t>;

std::vector<Key> Keys(const std::vector<Finding>& findings) {
  std::vector<Key> keys;
  for (const Finding& f : findings) keys.emplace_back(f.rule_id, f.start.offset, f.end.offset);
  return keys;
}

// The findings of `text` with the split and with one database, which must agree.
std::vector<Key> BothWays(const std::string& text, magpie::scanner::ScanOptions options = {}) {
  static const auto split = CompileGate(true);
  static const auto single = CompileGate(false);
  options.decode_depth = 0;
  auto split_scanner = ScannerOrDie(split, options);
  auto single_scanner = ScannerOrDie(single, options);
  const std::vector<Key> with_gate = Keys(ScanOrDie(*split_scanner, text));
  const std::vector<Key> without = Keys(ScanOrDie(*single_scanner, text));
  INFO("text: " << text);
  CHECK(with_gate == without);
  return with_gate;
}

// `length` bytes of [A-Za-z0-9] that look like a secret (no placeholder, enough entropy);
// another `seed` gives another value.
std::string Value(size_t length, int seed = 0) {
  static const std::string kMix = "q7Xk2LmP9zR4tW8vN1cJ5hG3bF6yD0sAeU";
  std::string out;
  for (size_t i = 0; i < length; ++i) out.push_back(kMix[(i * 7 + seed * 11) % kMix.size()]);
  return out;
}

// `length` bytes of [0-9A-F] for gated-bare, likewise.
std::string Hex(size_t length, int seed = 0) {
  static const std::string kHex = "3F9A0C7E1B5D2E8A64";
  std::string out;
  for (size_t i = 0; i < length; ++i) out.push_back(kHex[(i * 5 + seed) % kHex.size()]);
  return out;
}

}  // namespace

TEST_CASE("issue 12: the gated rules leave the main database and the others stay", "[scanner]") {
  const auto split = CompileGate(true);
  CHECK(split->GatedRuleIds() == std::vector<std::string>{"gated-key", "gated-bare"});
  CHECK(split->GateFallback().empty());
  CHECK(split->GatedDatabaseSize() > 0);
  CHECK(split->GateWidth() >= 3 + 30 + 2 + 10 + 1 + 20);
  const auto single = CompileGate(false);
  CHECK(single->GatedRuleIds().empty());
  CHECK(single->GatedDatabaseSize() == 0);
  CHECK(CompiledRules::CacheKey(single->rule_set(), single->options()) !=
        CompiledRules::CacheKey(split->rule_set(), split->options()));
}

TEST_CASE("issue 12: GateOf takes the template on every path and nothing else", "[scanner]") {
  const std::optional<internal::Gate> gate =
      internal::GateOf(std::string("key") + kTemplate + "[A-Za-z0-9+/]{40})");
  REQUIRE(gate);
  CHECK(gate->min == 40);
  CHECK(internal::RunGateable(*gate));
  CHECK(gate->cls['/']);
  CHECK_FALSE(gate->cls['_']);
  // Not on every path, case-folded, or a class the run search cannot see.
  CHECK_FALSE(internal::GateOf(std::string("a|key") + kTemplate + "[a-z]{20})"));
  CHECK_FALSE(internal::GateOf(std::string("(?i)key") + kTemplate + "[a-z]{20})"));
  CHECK_FALSE(internal::GateOf(std::string("key") + kTemplate + "[a-z]{20})?"));
  const std::optional<internal::Gate> underscore =
      internal::GateOf(std::string("key") + kTemplate + "[a-z_]{20})");
  REQUIRE(underscore);
  CHECK_FALSE(internal::RunGateable(*underscore));
  const std::optional<internal::Gate> short_run =
      internal::GateOf(std::string("key") + kTemplate + "[a-z]{13})");
  REQUIRE(short_run);
  CHECK_FALSE(internal::RunGateable(*short_run));
}

TEST_CASE("issue 12: the run search finds the gates the operator search finds", "[scanner]") {
  const std::optional<internal::GateSet> set =
      internal::BuildGateSet({*internal::GateOf(std::string("k") + kTemplate + "[A-Za-z0-9]{14})"),
                              *internal::GateOf(std::string("k") + kTemplate + "[0-9a-f]{32})")});
  REQUIRE(set);
  // Random text over an alphabet dense in operators, blanks, quotes and U bytes, every length
  // around the 64- and 128-byte blocks, and a long buffer.
  const std::string alphabet = "=:>,  \t\"'aZ09+/_-\n";
  std::mt19937 random(12);
  size_t total_hits = 0;
  for (size_t length : {0, 1, 14, 15, 63, 64, 65, 127, 128, 129, 191, 192, 193, 1000, 70000}) {
    for (int round = 0; round < 20; ++round) {
      std::string text;
      while (text.size() < length) {
        // Runs of U bytes of 10 to 20, to sit at the gate's threshold.
        if (random() % 4 == 0) {
          text += std::string(10 + random() % 11, "aZ09+/"[random() % 6]);
        } else {
          text.push_back(alphabet[random() % alphabet.size()]);
        }
      }
      text.resize(length);
      std::vector<size_t> by_operators;
      std::vector<size_t> by_runs;
      internal::FindGates(text, *set, &by_operators);
      internal::FindGatesByRuns(text, *set, &by_runs);
      INFO("length " << length << " round " << round);
      REQUIRE(by_runs == by_operators);
      total_hits += by_runs.size();
    }
  }
  CHECK(total_hits > 100);  // the text does hold gates
}

TEST_CASE("issue 12: every code path of the run search finds the same gates on any byte",
          "[scanner]") {
  const std::optional<internal::GateSet> set =
      internal::BuildGateSet({*internal::GateOf(std::string("k") + kTemplate + "[A-Za-z0-9]{14})"),
                              *internal::GateOf(std::string("k") + kTemplate + "[0-9a-f]{32})")});
  REQUIRE(set);
  // The gate's own bytes mixed with all 256 byte values (the classification's edges: '@', '[',
  // '`', '{', '.', ':', bytes >= 0x80), long U runs to make gates, lengths around the blocks.
  static constexpr std::string_view kEdges = "=:>, \t\"'aZ09+/@[`{";
  std::mt19937 random(14);
  size_t total_hits = 0;
  std::vector<internal::RunSearchPath> paths = {internal::RunSearchPath::kBest,
                                                internal::RunSearchPath::kPortable};
  for (internal::RunSearchPath path :
       {internal::RunSearchPath::kSse2, internal::RunSearchPath::kAvx2}) {
    if (internal::RunSearchPathAvailable(path)) paths.push_back(path);
  }
  for (size_t length : {127, 128, 129, 200, 4096, 65537}) {
    for (int round = 0; round < 10; ++round) {
      const std::string text = magpie::testing::RandomEdgeText(length, kEdges, random, [&] {
        return "k= \"" + std::string(13 + random() % 4, "aZ09+/"[random() % 6]);
      });
      std::vector<size_t> by_operators;
      internal::FindGates(text, *set, &by_operators);
      total_hits += by_operators.size();
      for (internal::RunSearchPath path : paths) {
        std::vector<size_t> by_runs;
        internal::FindGatesByRuns(text, *set, path, &by_runs);
        INFO("length " << length << " round " << round << " path " << static_cast<int>(path));
        REQUIRE(by_runs == by_operators);
      }
    }
  }
  CHECK(total_hits > 100);
  // Where the build targets x86-64 the CPU has SSE2; AVX2 is checked wherever the CPU has it.
#if defined(__x86_64__)
  CHECK(internal::RunSearchPathAvailable(internal::RunSearchPath::kSse2));
#endif
}

TEST_CASE("issue 12: the gate at its edges: blanks quotes and run lengths", "[scanner]") {
  const auto found = [](const std::string& text) { return BothWays(text).size(); };
  // Exactly 10 blanks, then 11: the template allows 10.
  CHECK(found("x tok=" + std::string(10, ' ') + Value(20) + "\n") == 1);
  CHECK(found("x tok=" + std::string(11, ' ') + Value(20) + "\n") == 0);
  CHECK(found("x tok:" + std::string(9, ' ') + "\t" + Value(20) + "\n") == 1);
  // Quoted and unquoted, with each operator.
  CHECK(found("tok=\"" + Value(20) + "\"\n") == 1);
  CHECK(found("tok: '" + Value(20) + "'\n") == 1);
  CHECK(found("tok=> " + Value(20) + "\n") == 1);
  CHECK(found("tok:= " + Value(20) + "\n") == 1);
  CHECK(found("tok, " + Value(20) + "\n") == 1);
  // A run of exactly N bytes and of N - 1 (N = 20 for gated-key, the run search's 14 below).
  CHECK(found("tok=" + Value(20) + "\n") == 1);
  CHECK(found("tok=" + Value(19) + "\n") == 0);
  CHECK(found("=" + Hex(16) + "K\n") == 1);  // gated-bare: a run of 17
  CHECK(found("=" + Hex(15) + "K\n") == 0);
  // The gate at offset 0 and the value ending the buffer.
  CHECK(found("=" + Hex(16, 3) + "G") == 1);
  CHECK(found("xx tok= " + Value(20)) == 1);
  // A run that starts at offset 0 has no operator: no gate.
  CHECK(found(Value(20)) == 0);
  // The rule that stays in the main database is found as before.
  CHECK(found("pw=abcd\n") == 1);
}

TEST_CASE("issue 12: a gated match at the window's edge and between two windows", "[scanner]") {
  // The longest key name puts the match's start at the farthest a window reaches back.
  const std::string longest = "tok" + std::string(30, 'z') + "=" + std::string(10, ' ') + "'" +
                              Value(20) + "'";
  CHECK(BothWays(longest + "\n").size() == 1);
  CHECK(BothWays("#" + longest).size() == 1);
  // Two gates far apart (two windows) and close together (merged windows).
  const std::string filler(500, '.');
  CHECK(BothWays(longest + filler + longest + "\n").size() == 2);
  CHECK(BothWays(longest + " " + longest + "\n").size() == 2);
  // A gate whose value is too short beside one that holds: one window, one finding.
  CHECK(BothWays("tok=" + Value(19) + " tok=" + Value(25, 2) + "\n").size() == 1);
}

TEST_CASE("issue 12: a gated match across a chunk boundary is found once", "[scanner]") {
  magpie::scanner::ScanOptions options;
  options.chunk_size = 4096;
  options.chunk_overlap = 256;
  // The second chunk starts at 3840: values across 3840 and across 4096.
  for (size_t at : {size_t{3830}, size_t{3840}, size_t{4085}, size_t{4096}}) {
    const std::string value_line = "tok= " + Value(20) + "\n";
    std::string text(at - 6, '.');
    text += value_line;
    text += std::string(5000, '.');
    INFO("value at " << at);
    CHECK(BothWays(text, options).size() == 1);
  }
}

TEST_CASE("issue 12: random text finds the same with the gate as with one database",
          "[scanner]") {
  const std::vector<std::string> pieces = {
      "tok", "tokabc", "tok" + std::string(30, 'q'), "=", ":", "=>", ":=", ",", " ", "\t",
      std::string(10, ' '), "\"", "'", "\n", Value(19), Value(20), Value(40, 5),
      Hex(16) + "G", "pw=", "abcd", "_", "-"};
  std::mt19937 random(1212);
  size_t findings = 0;
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const size_t parts = 1 + random() % 40;
    for (size_t i = 0; i < parts; ++i) text += pieces[random() % pieces.size()];
    findings += BothWays(text).size();
  }
  CHECK(findings > 50);  // the text does hold matches of the gated rules
}

TEST_CASE("issue 12: a buffer dense with gates past the cover limit scans the same",
          "[scanner]") {
  // A gate every 300 bytes: the windows (2 x 66 bytes) do not touch, but cover 45%.
  std::string text;
  for (int i = 0; i < 400; ++i) {
    text += "tok=" + Value(20, i) + std::string(275, '.') + "\n";
  }
  std::vector<size_t> hits;
  std::vector<std::pair<size_t, size_t>> windows;
  const auto split = CompileGate(true);
  CHECK(BothWays(text).size() == 400);
  // The windows are merged into the whole buffer: one hs_scan.
  std::optional<internal::GateSet> set = internal::BuildGateSet(
      {*internal::GateOf(std::string("tok") + kTemplate + "[A-Za-z0-9]{20})")});
  REQUIRE(set);
  internal::GatedScanWindows(text, *set, split->GateWidth(), &hits, &windows);
  CHECK(hits.size() == 400);
  CHECK(windows == std::vector<std::pair<size_t, size_t>>{{0, text.size()}});
}

TEST_CASE("issue 12: the second database failing to compile falls back to one database",
          "[scanner][fault]") {
  std::shared_ptr<const CompiledRules> fallen;
  {
    magpie::fault::ScopedFault fault(magpie::fault::Point::kGateDatabase, EIO);
    fallen = CompileGate(true);
  }
  CHECK(fallen->GatedRuleIds().empty());
  CHECK(fallen->GatedDatabaseSize() == 0);
  CHECK(fallen->GateFallback().find("injected failure") != std::string::npos);
  // Nothing is lost: every rule is in the main database.
  magpie::scanner::ScanOptions options;
  options.decode_depth = 0;
  auto scanner = ScannerOrDie(fallen, options);
  const std::string text = "tok=" + Value(20) + " =" + Hex(16) + "G pw=abcd\n";
  CHECK(Keys(ScanOrDie(*scanner, text)) == BothWays(text));
  CHECK(Keys(ScanOrDie(*scanner, text)).size() == 3);
}

TEST_CASE("issue 12: a serialized gate part round-trips and a half one is refused",
          "[scanner]") {
  const auto split = CompileGate(true);
  const std::string gated = split->SerializeGatedDatabase();
  REQUIRE_FALSE(gated.empty());
  CompileOptions options = split->options();
  const magpie::rules::RuleSet rules(GateRules(), "<gate test>");
  magpie::scanner::SerializedGate gate{gated, split->GatedRuleIds(), split->GateWidth()};
  auto restored = CompiledRules::FromSerialized(rules, options, split->SerializeDatabase(),
                                                split->PrefilteredRuleIds(), gate);
  REQUIRE(restored.ok());
  CHECK((*restored)->GatedRuleIds() == split->GatedRuleIds());
  CHECK((*restored)->GatedDatabaseSize() == split->GatedDatabaseSize());
  auto scanner = ScannerOrDie(*restored);
  CHECK(ScanOrDie(*scanner, "tok=" + Value(20) + "\n").size() == 1);
  // Ids without a database, a database without ids, no width, a rule that has no gate, a
  // database cut short.
  const auto refused = [&](magpie::scanner::SerializedGate part) {
    auto result = CompiledRules::FromSerialized(rules, options, split->SerializeDatabase(),
                                                split->PrefilteredRuleIds(), part);
    return !result.ok() && result.status().code() == magpie::StatusCode::kCorrupt;
  };
  CHECK(refused({{}, split->GatedRuleIds(), split->GateWidth()}));
  CHECK(refused({gated, {}, split->GateWidth()}));
  CHECK(refused({gated, split->GatedRuleIds(), 0}));
  CHECK(refused({gated, {"not-gated"}, split->GateWidth()}));
  CHECK(refused({gated, {"gated-key", "gated-key"}, split->GateWidth()}));
  CHECK(refused({std::string_view(gated).substr(0, gated.size() / 2), split->GatedRuleIds(),
                 split->GateWidth()}));
}
