// The decoders' token finders (issue 13): linear scanners replaced RE2 searches, the percent
// decoder's because its two {0,512} repeats made RE2 build DFA states for nearly every new
// text, the base64 decoder's because RE2 on every candidate's line cost ~4% of a history scan
// (§1). Each must find exactly the tokens its regex found, so the findings of a scan do not
// change.
#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "rules/re2_options.h"
#include "scanner/decoder.h"

using magpie::scanner::internal::FindBase64Token;
using magpie::scanner::internal::FindPercentToken;
using magpie::scanner::internal::kBase64TokenPattern;
using magpie::scanner::internal::kPercentTokenPattern;
using magpie::scanner::internal::TokenFinder;
using magpie::scanner::internal::TokenSpan;

namespace {

using Spans = std::vector<std::pair<size_t, size_t>>;

// The tokens the old decoding loop took from data[begin, end): RE2 searches from `pos`, a
// match moves `pos` past it (by one byte at least), an empty group 1 is skipped.
Spans RegexTokens(const RE2& re, std::string_view data, size_t begin, size_t end) {
  REQUIRE(re.ok());
  Spans out;
  re2::StringPiece groups[2];
  const re2::StringPiece text(data.data(), data.size());
  size_t pos = begin;
  while (pos < end) {
    if (!re.Match(text, pos, end, RE2::UNANCHORED, groups, 2)) break;
    const size_t match_end = groups[0].data() - data.data() + groups[0].size();
    pos = match_end > pos ? match_end : pos + 1;
    if (groups[1].empty()) continue;
    const size_t start = groups[1].data() - data.data();
    out.emplace_back(start, start + groups[1].size());
  }
  return out;
}

// The same loop over a linear finder.
Spans LinearTokens(TokenFinder find, std::string_view data, size_t begin, size_t end) {
  Spans out;
  size_t pos = begin;
  while (pos < end) {
    const std::optional<TokenSpan> token = find(data, pos, end);
    if (!token) break;
    out.emplace_back(token->begin, token->end);
    pos = std::max(token->end, pos + 1);
  }
  return out;
}

// A linear finder and the regex it replaced.
struct FinderAndRegex {
  TokenFinder find;
  const RE2& re;
};

const FinderAndRegex& Percent() {
  static const RE2 re(std::string(kPercentTokenPattern), magpie::rules::Re2Options());
  static const FinderAndRegex pair{&FindPercentToken, re};
  return pair;
}

const FinderAndRegex& Base64() {
  static const RE2 re(std::string(kBase64TokenPattern), magpie::rules::Re2Options());
  static const FinderAndRegex pair{&FindBase64Token, re};
  return pair;
}

void CheckSame(const FinderAndRegex& pair, const std::string& data, size_t begin, size_t end) {
  INFO("input of " << data.size() << " bytes, window [" << begin << ", " << end << ")");
  CHECK(LinearTokens(pair.find, data, begin, end) == RegexTokens(pair.re, data, begin, end));
}

void CheckSameAllWindows(const FinderAndRegex& pair, const std::string& data) {
  CheckSame(pair, data, 0, data.size());
  // Windows that cut tokens, escapes and runs anywhere.
  for (size_t begin : {size_t{1}, size_t{3}, data.size() / 3, data.size() / 2}) {
    for (size_t end : {data.size() - 1, data.size() - 2, data.size() * 2 / 3}) {
      if (begin < end && end <= data.size()) CheckSame(pair, data, begin, end);
    }
  }
}

// 3000 random inputs of `alphabet` (its bytes weighted by how often they appear in it), every
// `every`th with a run of `run` bytes of its length in [run_min, run_max] inserted somewhere.
struct RandomInputs {
  std::string_view alphabet;
  unsigned seed;
  int every;
  char run;
  size_t run_min;
  size_t run_max;
};

void CheckSameOnRandomInputs(const FinderAndRegex& pair, const RandomInputs& spec) {
  std::mt19937 rng(spec.seed);
  for (int i = 0; i < 3000; ++i) {
    std::uniform_int_distribution<size_t> length(0, i % 10 == 0 ? 3000 : 80);
    std::uniform_int_distribution<size_t> pick(0, spec.alphabet.size() - 1);
    std::string data(length(rng), ' ');
    for (char& c : data) c = spec.alphabet[pick(rng)];
    if (i % spec.every == 0 && !data.empty()) {
      data.insert(std::uniform_int_distribution<size_t>(0, data.size())(rng),
                  std::string(std::uniform_int_distribution<size_t>(spec.run_min,
                                                                    spec.run_max)(rng),
                              spec.run));
    }
    CheckSameAllWindows(pair, data);
  }
}

}  // namespace

TEST_CASE("issue 13: the linear percent-token finder gives exactly the old regex tokens on hostile inputs",
          "[scanner][decode]") {
  const std::string url(600, 'a');
  const std::vector<std::string> inputs = {
      "",
      "%",
      "%4",
      "%41",
      "%4G",
      "%%41",
      "%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%",
      "x%41%4",
      "a%41b%",
      "https://user:p%40ss@host/path?q=a%20b&r=%zz#frag",
      "user=%41%42%43 and %44%45 [%46] \"%47\"",
      "%41" + std::string(600, '%'),
      std::string(600, '%') + "%41",
      url + "%41" + url,                      // 512+ runs either side
      std::string(512, 'b') + "%41",          // exactly 512 before
      std::string(513, 'b') + "%41",          // one too many
      std::string(511, 'b') + "%41" + std::string(512, 'c') + "%42",
      "%41" + std::string(512, 'c') + "%42" + std::string(700, 'd'),
      [] {
        std::string s;
        for (int i = 0; i < 400; ++i) s += "%4";  // truncated escapes, many
        return s;
      }(),
      [] {
        std::string s;
        for (int i = 0; i < 400; ++i) s += "%41";  // a 1200-byte run of escapes
        return s;
      }(),
      std::string("\x80\xff%41\xc3\xa9%C3%A9\n%0A\0%00", 20),
  };
  for (const std::string& data : inputs) CheckSameAllWindows(Percent(), data);
}

TEST_CASE("issue 13: the linear percent-token finder gives exactly the old regex tokens on random inputs",
          "[scanner][decode]") {
  // Bytes that matter to the pattern, weighted so that escapes, runs and their ends are common;
  // now and then a long run of URL bytes, to cross the 512 bounds.
  CheckSameOnRandomInputs(
      Percent(), {"%%%%%%4Aa0fFgG._~:/?#@!$&'()*+,;=-  \n[]\"<>\x80\xff", 13, 7, 'u', 500, 530});
}

TEST_CASE("issue 13: the linear base64-token finder gives exactly the old regex tokens on hostile inputs",
          "[scanner][decode]") {
  // '#' stands for 16 value bytes (the shortest token); it is in none of the pattern's classes.
  const auto expand = [](std::string_view text) {
    std::string out;
    for (const char c : text) {
      out.resize(out.size() + (c == '#' ? 16 : 1), c == '#' ? 'A' : c);
    }
    return out;
  };
  const std::vector<std::string> inputs = {
      "",
      "=",
      "=AAAAAAAAAAAAAAA",  // 15 value bytes
      expand("=#"),        // exactly 16
      expand("=#==="),     // padding: two taken, the third anchors
      expand(":#="),
      expand(">#==#"),     // a second token right after
      expand("=    #"),    // 4 blanks
      expand("=     #"),   // 5: no match at this anchor
      expand("=\t \t #"),
      expand("=\"#\""),
      expand("='#"),
      expand("=\"\"#"),     // two quotes
      expand("= '#"),
      expand("==#"),       // the second '=' anchors
      expand("=:=>#+/_-"),
      expand("=bbbbbbbbbbbbbbb=#"),  // a short run, then an anchor where it ends
      expand("key = # other: '#'"),
      std::string(200, '=').append(16, 'A'),
      std::string(40, ':').append(40, ' ').append(16, 'A'),
      std::string(1, '=').append(3000, 'x'),  // a long run
      expand(std::string_view("=\x80\xff#\n=\0#", 8)),
      expand("\xc3\xa9=#\xc3\xa9"),
  };
  for (const std::string& data : inputs) CheckSameAllWindows(Base64(), data);
}

TEST_CASE("issue 13: the linear base64-token finder gives exactly the old regex tokens on random inputs",
          "[scanner][decode]") {
  // Anchors, blanks, quotes, padding and value bytes, weighted so that runs near 16 are common;
  // every third input gets a run of value bytes around the 16 a token needs.
  CheckSameOnRandomInputs(Base64(),
                          {"=::>  \t\"'AAAAbbbb0099+/_-=\n%.,\x80\xff", 1313, 3, 'v', 14, 18});
}
