// The Hyperscan stage's two linear searches in one pass (scanner/run_search.h, issue 12): the
// pass must give exactly the gate hits of the gate's operator-by-operator reference and exactly
// the ends of the base64 prefilter's bytewise reference, on every code path, whichever half is
// asked for; and the scanner, which runs it once over a buffer, must find what it found with
// the two searches apart.
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "scanner/base64_prefilter.h"
#include "scanner/compiled_rules.h"
#include "scanner/gate.h"
#include "scanner/run_search.h"
#include "scanner/scanner.h"
#include "scanner_test_util.h"
#include "tests/scanner/random_text.h"

namespace {

namespace internal = magpie::scanner::internal;
using internal::RunSearchPath;

constexpr char kTemplate[] = R"((?:=>|:=|[:=>,])[ \t]{0,10}["']?()";

const internal::GateSet& Gates() {
  static const std::optional<internal::GateSet> set = internal::BuildGateSet(
      {*internal::GateOf(std::string("k") + kTemplate + "[A-Za-z0-9]{14})"),
       *internal::GateOf(std::string("k") + kTemplate + "[0-9a-f]{32})")});
  REQUIRE(set);
  return *set;
}

std::vector<RunSearchPath> Paths() {
  std::vector<RunSearchPath> paths = {RunSearchPath::kBest, RunSearchPath::kPortable};
  for (RunSearchPath path : {RunSearchPath::kSse2, RunSearchPath::kAvx2}) {
    if (internal::RunSearchPathAvailable(path)) paths.push_back(path);
  }
  return paths;
}

void Push(size_t end, void* context) { static_cast<std::vector<size_t>*>(context)->push_back(end); }

struct Found {
  std::vector<size_t> hits;
  std::vector<size_t> ends;
};

Found RunSearch(std::string_view text, bool gates, bool base64, RunSearchPath path) {
  Found found;
  internal::FindGatesAndBase64Prefilter(text, gates ? &Gates() : nullptr, &found.hits,
                                        base64 ? Push : nullptr, &found.ends, path);
  return found;
}

Found References(std::string_view text) {
  Found found;
  internal::FindGates(text, Gates(), &found.hits);
  internal::FindBase64PrefilterBytewise(text, Push, &found.ends);
  return found;
}

}  // namespace

TEST_CASE("issue 12: one pass finds the gates and the prefilter's ends of both references",
          "[scanner]") {
  // Pieces of both searches (an operator, blanks, a quote, then a run of U or of the
  // prefilter's value bytes, which add '_' and '-'), all 256 byte values, the classification's
  // edges, and lengths around the 64-byte blocks and the 128 bytes the block loop needs.
  static constexpr std::string_view kEdges = "=:>, \t\"'aZ09+/_-@[`{.";
  std::mt19937 random(19);
  size_t hits = 0;
  size_t ends = 0;
  for (size_t length : {0, 1, 63, 127, 128, 129, 191, 200, 4096, 65537}) {
    for (int round = 0; round < 8; ++round) {
      const std::string text = magpie::testing::RandomEdgeText(length, kEdges, random, [&] {
        std::string piece;
        piece.push_back("=:>,"[random() % 4]);
        piece.append(random() % 6, " \t"[random() % 2]);
        if (random() % 2 != 0) piece.push_back("\"'"[random() % 2]);
        // The gates' class [A-Za-z0-9], or the prefilter's value bytes (U and '_' '-').
        const std::string_view alphabet = random() % 2 != 0 ? "aZ09" : "aZ09+/_-";
        for (size_t i = 13 + random() % 5; i > 0; --i) {
          piece.push_back(alphabet[random() % alphabet.size()]);
        }
        return piece;
      });
      const Found reference = References(text);
      hits += reference.hits.size();
      ends += reference.ends.size();
      for (RunSearchPath path : Paths()) {
        INFO("length " << length << " round " << round << " path " << static_cast<int>(path));
        const Found both = RunSearch(text, true, true, path);
        REQUIRE(both.hits == reference.hits);
        REQUIRE(both.ends == reference.ends);
        // Each half alone gives its half, and nothing of the other.
        const Found gates = RunSearch(text, true, false, path);
        REQUIRE(gates.hits == reference.hits);
        REQUIRE(gates.ends.empty());
        const Found base64 = RunSearch(text, false, true, path);
        REQUIRE(base64.ends == reference.ends);
        REQUIRE(base64.hits.empty());
      }
    }
  }
  // The texts do hold both kinds, or the comparisons above prove little.
  CHECK(hits > 200);
  CHECK(ends > 200);
}

TEST_CASE("issue 12: one pass at every offset of the lengths around its block edges",
          "[scanner]") {
  // The block loop needs 128 bytes, runs 64 at a time and leaves the last 64..127 to the
  // bytewise tail; a match may start in one block and end in the next, or in the tail. Each
  // piece at every offset (cut short by the buffer's end too), in fillers that extend its runs
  // (U bytes), its blanks (past both searches' limits) or neither (bytes >= 0x80 included).
  const std::vector<std::string> pieces = {
      "k='aaaaaaaaaaaaaa'",                // the shortest gate: a run of 14 after a quote
      "=    \"Ab+/_-Ab+/_-Ab+/",            // the longest prefilter match: 22 bytes
      "k: AAAAAAAAAAAAAAAAAAAAAA\n",       // both: a gate and a prefilter end
      "k=\xc3\xa9" "aaaaaaaaaaaaaaaaaaaa"  // a byte >= 0x80 between operator and run
  };
  size_t hits = 0;
  size_t ends = 0;
  for (size_t length : {63, 64, 65, 127, 128, 129, 191, 192, 193, 255, 256, 257, 300}) {
    for (const char fill : {'.', 'a', ' ', '\xff'}) {
      for (const std::string& piece : pieces) {
        for (size_t at = 0; at <= length; ++at) {
          std::string text(length, fill);
          text.replace(at, std::min(piece.size(), length - at), piece, 0, length - at);
          const Found reference = References(text);
          hits += reference.hits.size();
          ends += reference.ends.size();
          for (RunSearchPath path : Paths()) {
            const Found both = RunSearch(text, true, true, path);
            if (both.hits == reference.hits && both.ends == reference.ends) continue;
            INFO("length " << length << " fill " << int{fill} << " piece " << piece << " at "
                           << at << " path " << static_cast<int>(path));
            CHECK(both.hits == reference.hits);
            CHECK(both.ends == reference.ends);
          }
        }
      }
    }
  }
  CHECK(hits > 10000);
  CHECK(ends > 10000);
}

TEST_CASE("issue 12: the run search with neither half does nothing", "[scanner]") {
  const std::string text = "k = \"" + std::string(200, 'a') + "\"\n";
  for (RunSearchPath path : Paths()) {
    CHECK(RunSearch(text, false, false, path).hits.empty());
    CHECK(RunSearch(text, false, false, path).ends.empty());
    // ...and each half finds the value (a gate of [A-Za-z0-9]{14}, a prefilter end).
    CHECK(RunSearch(text, true, true, path).hits == std::vector<size_t>{2});
    CHECK(RunSearch(text, true, true, path).ends == std::vector<size_t>{5 + 16});
  }
}

TEST_CASE("issue 12: the scanner decodes what the one pass flags, gated rules or not",
          "[scanner]") {
  // A gated rule and the base64 decoder in one buffer: the scanner's one pass reports both the
  // gate (for the second database) and the prefilter's end (for the decoder). With the gate
  // off, the pass runs its prefilter half alone; the findings must be the same, and hold the
  // direct secret and the one inside base64, each where it is.
  using magpie::scanner::CompiledRules;
  using magpie::scanner::CompileOptions;
  const auto compile = [](bool gate) {
    CompileOptions options;
    options.generic_detector = false;
    options.gate = gate;
    auto compiled = CompiledRules::Compile(
        magpie::rules::RuleSet(
            {magpie::testing::Rule("gated-key",
                                   std::string("tok[a-z]{0,30}") + kTemplate + "[A-Za-z0-9]{20})")},
            "<run search test>"),
        options);
    if (!compiled.ok()) FAIL(compiled.status().message());
    return *compiled;
  };
  const std::string secret = "q7Xk2LmP9zR4tW8vN1cJ";
  const std::string encoded = magpie::testing::Base64Encode("tok=" + secret + "\n");
  std::string text;
  for (int i = 0; i < 40; ++i) text += "int filler_" + std::to_string(i) + " = x;\n";
  const size_t encoded_at = text.size() + 8;
  text += "payload=" + encoded + "\n";
  const size_t direct_at = text.size() + 6;
  text += "token=\"" + secret + "\"\n";
  for (int i = 0; i < 40; ++i) text += "int filler_" + std::to_string(i) + " = x;\n";

  using Key = std::tuple<std::string, uint64_t, std::string>;
  std::vector<std::vector<Key>> ways;
  for (bool gate : {true, false}) {
    const auto compiled = compile(gate);
    CHECK(compiled->GatedRuleIds().size() == (gate ? 1u : 0u));
    auto scanner = magpie::testing::ScannerOrDie(compiled);
    std::vector<Key> keys;
    for (const auto& f : magpie::testing::ScanOrDie(*scanner, text)) {
      keys.emplace_back(f.rule_id, f.start.offset, f.decoded);
    }
    ways.push_back(keys);
  }
  CHECK(ways[0] == ways[1]);
  const std::vector<Key> want = {{"gated-key", encoded_at, "base64"},
                                 {"gated-key", direct_at + 1, ""}};
  CHECK(ways[0] == want);
}

TEST_CASE("issue 12: a base64 value whose prefilter match crosses a chunk's end past the "
          "overlap is decoded, as the reference decodes it",
          "[scanner]") {
  // The pass runs once over the whole buffer, where the prefilter used to run chunk by chunk.
  // A prefilter match (anchor, at most 4 blanks, 16 value bytes: at most 22 bytes) that crosses
  // a chunk's end then lay whole in no chunk when the overlap was shorter than it, and its value
  // was never decoded. The default overlap (64 KiB) holds every such match, so the scanner's
  // findings are unchanged there; a smaller one now finds what the unchunked reference finds.
  using magpie::scanner::ScanOptions;
  const auto compiled = magpie::testing::CompileOrDie(
      {magpie::testing::Rule("tok", "tok=([A-Za-z0-9]{20})")});
  ScanOptions options;
  options.chunk_size = 256;
  options.chunk_overlap = 16;  // the second chunk starts at 240
  auto scanner = magpie::testing::ScannerOrDie(compiled, options);
  const std::string encoded = magpie::testing::Base64Encode("tok=q7Xk2LmP9zR4tW8vN1cJ\n");
  for (size_t blanks = 0; blanks <= 4; ++blanks) {
    // Anchors before, across and after the first chunk's end, and the second chunk's start.
    for (size_t anchor = 220; anchor < 262; ++anchor) {
      const std::string text = std::string(anchor - 2, '.') + "\nk:" +
                               std::string(blanks, ' ') + encoded + "\n" +
                               std::string(300, '.');
      INFO("anchor at " << anchor << ", " << blanks << " blanks");
      const auto findings = magpie::testing::ScanOrDie(*scanner, text);
      REQUIRE(findings.size() == 1);
      CHECK(findings[0].decoded == "base64");
      CHECK(findings[0].start.offset == anchor + 1 + blanks);
      CHECK(magpie::scanner::ReferenceScan(*compiled, text, options).size() == 1);
    }
  }
}
