// The base64 decoder's prefilter (issue 12): a linear scanner replaced the Hyperscan expression
// kBase64PrefilterPattern, the most expensive of the database. It must report exactly the match
// ends Hyperscan reported for it (and RE2 agrees on which offsets a match ends at), so that the
// decoder gets the same candidates and the findings of a scan do not change.
#include <hs/hs.h>
#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "rules/re2_options.h"
#include "scanner/base64_prefilter.h"
#include "scanner/decoder.h"
#include "tests/scanner/random_text.h"

using magpie::scanner::internal::FindBase64Prefilter;
using magpie::scanner::internal::kBase64PrefilterPattern;

namespace {

using Ends = std::vector<size_t>;

// The expression compiled as CompiledRules compiled it (block mode, no flags).
class HyperscanReference {
 public:
  HyperscanReference() {
    const std::string pattern(kBase64PrefilterPattern);
    hs_compile_error_t* error = nullptr;
    REQUIRE(hs_compile(pattern.c_str(), 0, HS_MODE_BLOCK, nullptr, &database_, &error) ==
            HS_SUCCESS);
    REQUIRE(hs_alloc_scratch(database_, &scratch_) == HS_SUCCESS);
  }
  ~HyperscanReference() {
    hs_free_scratch(scratch_);
    hs_free_database(database_);
  }
  Ends Scan(std::string_view data) const {
    Ends ends;
    if (data.empty()) return ends;  // hs_scan may refuse a null pointer
    REQUIRE(hs_scan(database_, data.data(), static_cast<unsigned int>(data.size()), 0, scratch_,
                    [](unsigned, unsigned long long, unsigned long long to, unsigned,
                       void* context) {
                      static_cast<Ends*>(context)->push_back(to);
                      return 0;
                    },
                    &ends) == HS_SUCCESS);
    return ends;
  }

 private:
  hs_database_t* database_ = nullptr;
  hs_scratch_t* scratch_ = nullptr;
};

const HyperscanReference& Hyperscan() {
  static const HyperscanReference reference;
  return reference;
}

// The offsets at which RE2 finds a match ending (a match is at most 22 bytes long): a second
// reference, independent of Hyperscan.
Ends Re2Ends(std::string_view data) {
  static const RE2 re("(?:" + std::string(kBase64PrefilterPattern) + ")\\z",
                      magpie::rules::Re2Options());
  REQUIRE(re.ok());
  Ends ends;
  for (size_t end = 1; end <= data.size(); ++end) {
    const size_t begin = end > 22 ? end - 22 : 0;
    if (RE2::PartialMatch(re2::StringPiece(data.data() + begin, end - begin), re)) {
      ends.push_back(end);
    }
  }
  return ends;
}

Ends LinearEnds(std::string_view data) {
  Ends ends;
  FindBase64Prefilter(
      data, [](size_t end, void* context) { static_cast<Ends*>(context)->push_back(end); }, &ends);
  return ends;
}

void CheckSame(const std::string& data) {
  INFO("input of " << data.size() << " bytes: " << data.substr(0, 200));
  const Ends linear = LinearEnds(data);
  CHECK(linear == Hyperscan().Scan(data));
  if (data.size() <= 512) CHECK(linear == Re2Ends(data));  // Hyperscan checks the long ones
}

// `data` and every prefix and suffix that cuts it near a match: the buffer's ends.
void CheckSameAllCuts(const std::string& data) {
  CheckSame(data);
  for (size_t cut = 1; cut < data.size() && cut < 40; ++cut) {
    CheckSame(data.substr(0, data.size() - cut));
    CheckSame(data.substr(cut));
  }
}

}  // namespace

TEST_CASE("issue 12: the linear base64 prefilter reports exactly the Hyperscan ends on hostile inputs",
          "[scanner][decode]") {
  const std::string value(16, 'A');
  std::vector<std::string> inputs = {
      "",
      "=",
      "=" + value,
      ":" + value,
      ">" + value,
      "=" + value.substr(1),            // 15 value bytes
      "=" + value + "B",                // a run of 17
      "=" + std::string(300, 'x'),      // a run far longer than 16
      "=\"" + value + "\"",
      "='" + value,
      "=\"'" + value,                   // two quotes
      "=''" + value,
      "\"=" + value,
      "==" + value,
      "=:" + value,
      "=>" + value,
      "=\n" + value,                    // a newline is no blank
      "= \t \t" + value,                // four blanks
      "= \t \t " + value,               // five
      "= \t \t\"" + value,
      "= \t \t \"" + value,
      "=\" " + value,                   // a blank after the quote
      "a=b:c>d " + value,
      "data: dG9rZW46IHEwXzczOTI1MTg0NjAxNyBhbmQgbW9yZSB0ZXh0IGhlcmU=\n",
      "x->next = aaaaaaaaaaaaaaaaaaaaaaaa;\n",
      "url: https://example.com/aaaaaaaaaaaaaaaaaaaaaa\n",
      "k=+/_-+/_-+/_-+/_-\n",
      "k=+/_-+/_-+/_-+/_=\n",           // '=' is not a value byte
      std::string("=\0") + value,
      std::string("=\x80") + value,
      "=" + value + "=" + value + ":" + value,
      "=" + value + "==" + value,
  };
  for (size_t blanks = 0; blanks <= 5; ++blanks) {
    for (const char* quote : {"", "\"", "'"}) {
      for (const char anchor : {'=', ':', '>', '<'}) {
        for (const char blank : {' ', '\t'}) {
          inputs.push_back(std::string(1, anchor) + std::string(blanks, blank) + quote + value);
          inputs.push_back("x " + std::string(1, anchor) + std::string(blanks, blank) + quote +
                           value.substr(0, 15) + "!");
        }
      }
    }
  }
  std::string anchors;  // an anchor in every lane of the scanner's 16-byte blocks
  for (int i = 0; i < 70; ++i) anchors += i % 3 == 0 ? "=" : i % 3 == 1 ? ": " : "> '";
  inputs.push_back(anchors + value);
  for (size_t pad = 0; pad < 34; ++pad) inputs.push_back(std::string(pad, '.') + ": " + value);
  for (const std::string& data : inputs) CheckSameAllCuts(data);
}

TEST_CASE("issue 12: the linear base64 prefilter reports exactly the Hyperscan ends on random inputs",
          "[scanner][decode]") {
  // Bytes that matter to the pattern, weighted so that anchors, blanks, quotes and runs of value
  // bytes near 16 long are common.
  const std::string alphabet = "=:>=:>  \t\t\"'AZaz09+/_-Aa\n.;<\x80\xff";
  std::mt19937 rng(12);
  for (int i = 0; i < 4000; ++i) {
    std::uniform_int_distribution<size_t> length(0, i % 10 == 0 ? 3000 : 90);
    std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
    std::string data(length(rng), ' ');
    for (char& c : data) c = alphabet[pick(rng)];
    // Now and then runs of value bytes 14 to 40 long, behind 0 to 5 blanks and maybe a quote.
    for (int runs = i % 4; runs > 0; --runs) {
      std::string run(1, "=:>"[rng() % 3]);
      run += std::string(rng() % 6, rng() % 2 ? ' ' : '\t');
      if (rng() % 2) run += rng() % 2 ? '"' : '\'';
      run += std::string(std::uniform_int_distribution<size_t>(14, 40)(rng), 'Q');
      data.insert(std::uniform_int_distribution<size_t>(0, data.size())(rng), run);
    }
    CheckSame(data);
    if (i % 50 == 0) CheckSameAllCuts(data);
  }
}

TEST_CASE("issue 12: every code path of the base64 prefilter reports the same ends on any byte",
          "[scanner][decode]") {
  using magpie::scanner::internal::FindBase64PrefilterBytewise;
  using magpie::scanner::internal::RunSearchPath;
  using magpie::scanner::internal::RunSearchPathAvailable;
  // The pattern's own bytes mixed with all 256 byte values (the classification's edges: the
  // neighbours of each class, bytes >= 0x80, NUL, tab's neighbours), value runs 14 to 18 long
  // behind anchors, blanks and quotes, lengths around the 64-byte blocks and the 128-byte tail.
  static constexpr std::string_view kEdges = "=:>;<? \t\n\x08\"'!#&(aZ09+/_-,.@[`{~\x7f\x80";
  std::mt19937 random(15);
  std::vector<RunSearchPath> paths = {RunSearchPath::kBest, RunSearchPath::kPortable};
  for (RunSearchPath path : {RunSearchPath::kSse2, RunSearchPath::kAvx2}) {
    if (RunSearchPathAvailable(path)) paths.push_back(path);
  }
  size_t total_ends = 0;
  for (size_t length : {0, 1, 63, 64, 127, 128, 129, 191, 192, 200, 4096, 65537}) {
    for (int round = 0; round < 12; ++round) {
      const std::string text = magpie::testing::RandomEdgeText(length, kEdges, random, [&] {
        return std::string(1, "=:>"[random() % 3]) +
               std::string(random() % 6, random() % 2 ? ' ' : '\t') +
               (random() % 2 ? "\"" : "") +
               std::string(14 + random() % 5, "aZ09+/_-"[random() % 8]);
      });
      Ends reference;
      FindBase64PrefilterBytewise(
          text, [](size_t end, void* c) { static_cast<Ends*>(c)->push_back(end); }, &reference);
      total_ends += reference.size();
      INFO("length " << length << " round " << round);
      if (length <= 4096 && round < 3) CHECK(reference == Hyperscan().Scan(text));
      for (RunSearchPath path : paths) {
        Ends ends;
        magpie::scanner::internal::FindBase64Prefilter(
            text, [](size_t end, void* c) { static_cast<Ends*>(c)->push_back(end); }, &ends,
            path);
        INFO("path " << static_cast<int>(path));
        REQUIRE(ends == reference);
      }
    }
  }
  CHECK(total_ends > 1000);
  // Each byte value alone in every position of a block, between an anchor and a 16-byte run:
  // a byte the classification puts in the wrong class changes the ends at once.
  for (int byte = 0; byte < 256; ++byte) {
    for (size_t at = 0; at < 70; ++at) {
      std::string text(200, '.');
      text.replace(at, 1, "=");
      text.replace(at + 1, 1, 1, static_cast<char>(byte));
      text.replace(at + 2, 16, std::string(16, 'q'));
      Ends reference;
      FindBase64PrefilterBytewise(
          text, [](size_t end, void* c) { static_cast<Ends*>(c)->push_back(end); }, &reference);
      for (RunSearchPath path : paths) {
        Ends ends;
        magpie::scanner::internal::FindBase64Prefilter(
            text, [](size_t end, void* c) { static_cast<Ends*>(c)->push_back(end); }, &ends,
            path);
        INFO("byte " << byte << " at " << at << " path " << static_cast<int>(path));
        REQUIRE(ends == reference);
      }
    }
  }
#if defined(__x86_64__)
  CHECK(RunSearchPathAvailable(RunSearchPath::kSse2));
#endif
}
